import { describe, expect, it } from 'vitest';
import { defaultLibraryFilter, emptyExerciseForm, exerciseFormModel, filterLibrary, formErrors, nameClash, type LibraryExercise } from './library-model';

const ME = 'trainer-1';
const ex = (name: string, changes: Partial<LibraryExercise> = {}): LibraryExercise => ({ id: name, name, body_part: 'legs', equipment: 'barbell', difficulty: 'intermediate', archived: false, trainer_id: null, ...changes });
const LIST = [
  ex('Back squat'),
  ex('Sled push', { equipment: 'sled', trainer_id: ME, difficulty: 'advanced' }),
  ex('Old lunge', { archived: true, trainer_id: ME }),
  ex('Push-up', { body_part: 'chest', equipment: 'bodyweight', difficulty: 'beginner' }),
  ex('Other coach drill', { trainer_id: 'trainer-2' }),
];

describe('library filters', () => {
  it.each([
    { name: 'everything live, by name', filter: {}, expected: ['Back squat', 'Other coach drill', 'Push-up', 'Sled push'] },
    { name: 'mine only', filter: { source: 'mine' as const }, expected: ['Sled push'] },
    { name: 'mine with archived', filter: { source: 'mine' as const, showArchived: true }, expected: ['Old lunge', 'Sled push'] },
    { name: 'catalogue only', filter: { source: 'catalogue' as const }, expected: ['Back squat', 'Push-up'] },
    { name: 'body part', filter: { bodyPart: 'chest' }, expected: ['Push-up'] },
    { name: 'equipment', filter: { equipment: 'sled' }, expected: ['Sled push'] },
    { name: 'difficulty', filter: { difficulty: 'beginner' }, expected: ['Push-up'] },
    { name: 'search words in any order', filter: { query: 'PUSH sled' }, expected: ['Sled push'] },
    { name: 'search by equipment', filter: { query: 'bodyweight' }, expected: ['Push-up'] },
  ])('$name', ({ filter, expected }) => {
    expect(filterLibrary(LIST, { ...defaultLibraryFilter, ...filter }, ME).map((e) => e.name)).toEqual(expected);
  });
});

describe('exercise form', () => {
  it('the empty form parses once it has a name, with empty texts as null', () => {
    const parsed = exerciseFormModel.parse({ ...emptyExerciseForm, name: ' Sled push ', instructions: '  ', video_url: '' });
    expect(parsed).toMatchObject({ name: 'Sled push', instructions: null, video_url: null, mechanics: null, category_id: null });
  });

  it('says what is wrong with each field', () => {
    const result = exerciseFormModel.safeParse({ ...emptyExerciseForm, name: '', video_url: 'youtube', body_part: 'toes', alternatives: ['not-an-id'] });
    expect(result.success).toBe(false);
    expect(formErrors(result.error as never)).toMatchObject({
      name: 'Give the exercise a name',
      video_url: 'A video link starts with https:// (e.g. a YouTube or Vimeo link)',
      body_part: 'Choose a body part',
      alternatives: expect.any(String),
    });
  });

  it('accepts a video link', () => {
    expect(exerciseFormModel.parse({ ...emptyExerciseForm, name: 'X', video_url: 'https://youtu.be/abc' }).video_url).toBe('https://youtu.be/abc');
  });
});

describe('nameClash', () => {
  const exercises = [
    { id: 'c1', name: 'Barbell Back Squat', body_part: 'legs', equipment: 'barbell', archived: false, trainer_id: null },
    { id: 'm1', name: 'Tempo squat', body_part: 'legs', equipment: 'barbell', archived: false, trainer_id: 't1' },
    { id: 'o1', name: 'Zercher squat', body_part: 'legs', equipment: 'barbell', archived: false, trainer_id: 't2' },
    { id: 'a1', name: 'Old lunge', body_part: 'legs', equipment: 'bodyweight', archived: true, trainer_id: 't1' },
  ];

  it('refuses a catalogue name whatever the case, spaces or hyphens, and says what to do', () => {
    expect(nameClash('barbell  back-squat ', exercises, 't1', null)).toContain('The library already has “Barbell Back Squat”');
  });

  it('refuses the trainer’s own name twice, but not when editing that exercise', () => {
    expect(nameClash('Tempo Squat', exercises, 't1', null)).toBe('You already have an exercise called “Tempo squat”. Give this one another name.');
    expect(nameClash('Tempo Squat', exercises, 't1', 'm1')).toBeNull();
  });

  it('allows another trainer’s name, an archived one, and a new one', () => {
    expect(nameClash('Zercher squat', exercises, 't1', null)).toBeNull();
    expect(nameClash('Old lunge', exercises, 't1', null)).toBeNull();
    expect(nameClash('Box squat', exercises, 't1', null)).toBeNull();
  });
});
