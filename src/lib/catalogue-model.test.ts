import { describe, expect, it } from 'vitest';
import { catalogueExerciseModel, searchCatalogue, type CatalogueExercise } from './catalogue-model';

const exercise = (name: string, changes: Partial<CatalogueExercise> = {}): CatalogueExercise => ({
  id: name, name, body_part: 'legs', equipment: 'barbell', alternatives: [], archived: false, trainer_id: null, ...changes,
});

describe('searchCatalogue', () => {
  const list = [exercise('Back squat'), exercise('Bench press', { body_part: 'chest' }), exercise('Goblet squat', { equipment: 'kettlebell' }), exercise('Old squat', { archived: true }), exercise('Café curl', { body_part: 'arms', equipment: 'ez_bar' })];
  it.each<[string, string[]]>([
    ['', ['Back squat', 'Bench press', 'Goblet squat', 'Café curl']],
    ['squat', ['Back squat', 'Goblet squat']],
    ['SQUAT kettle', ['Goblet squat']],
    ['chest', ['Bench press']],
    ['cafe', ['Café curl']],
    ['ez bar', ['Café curl']],
    ['deadlift', []],
  ])('%j finds %j', (query, names) => {
    expect(searchCatalogue(list, query).map((e) => e.name)).toEqual(names);
  });
});

describe('catalogueExerciseModel', () => {
  it('parses a row from the server and tolerates a missing alternatives array', () => {
    const row = { id: 'x', name: 'Row', body_part: 'back', equipment: 'cable', alternatives: null, archived: false, trainer_id: null, deleted: false, extra: 1 };
    expect(catalogueExerciseModel.parse(row)).toEqual({ id: 'x', name: 'Row', body_part: 'back', equipment: 'cable', alternatives: [], archived: false, trainer_id: null, deleted: false });
  });
});
