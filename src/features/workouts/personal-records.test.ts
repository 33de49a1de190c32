import { describe, expect, it } from 'vitest';
import { bestsOf, recordsBySet, recordsSetBy, sessionRecords, type RecordKind, type RecordSet } from './personal-records';

let counter = 0;
function set(weight: number | null, reps: number | null, changes: Partial<RecordSet> = {}): RecordSet {
  counter += 1;
  return {
    id: `set-${counter}`,
    exercise_id: 'squat',
    session_id: 'old',
    weight_kg: weight,
    reps,
    set_kind: 'working',
    done: true,
    performed_at: `2026-01-01T10:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    ...changes,
  };
}

const kinds = (records: { kind: RecordKind }[]) => records.map((r) => r.kind).sort();

describe('recordsSetBy', () => {
  const history = [set(100, 5), set(100, 5), set(110, 2), set(60, 12)];
  // Bests: e1RM 117.33 (110×2), heaviest 110, volume 720 (60×12), reps@100 = 5, @110 = 2, @60 = 12.

  it.each<[string, RecordSet, RecordKind[]]>([
    ['equal to the best is not a record', set(100, 5), []],
    ['one more rep at 100: e1RM, reps at weight', set(100, 6), ['e1rm', 'most_reps_at_weight']],
    ['a new heaviest single', set(115, 1), ['heaviest_weight']],
    ['heavier triple: e1RM, heaviest (no reps-at-weight for a new weight)', set(112.5, 3), ['e1rm', 'heaviest_weight']],
    ['more reps at 110 beats 2 reps there', set(110, 3), ['e1rm', 'most_reps_at_weight']],
    ['a big volume set', set(60, 13), ['best_set_volume', 'most_reps_at_weight']],
    ['a lighter set with fewer reps is nothing', set(80, 5), []],
    ['warm-ups never count', set(150, 5, { set_kind: 'warmup' }), []],
    ['sets not done never count', set(150, 5, { done: false }), []],
    ['zero reps never count', set(150, 0), []],
    ['a 20-rep set sets no e1RM but can set volume', set(60, 20), ['best_set_volume', 'most_reps_at_weight']],
    ['drop and failure sets count', set(115, 1, { set_kind: 'failure' }), ['heaviest_weight']],
  ])('%s', (_label, candidate, expected) => {
    expect(kinds(recordsSetBy(candidate, bestsOf(history)))).toEqual([...expected].sort());
  });

  it('the first time an exercise is done is the baseline, not a record', () => {
    expect(recordsSetBy(set(200, 5), bestsOf([]))).toEqual([]);
  });

  it('bodyweight sets only set reps records', () => {
    const before = bestsOf([set(null, 10), set(0, 12)]);
    expect(kinds(recordsSetBy(set(null, 13), before))).toEqual(['most_reps_at_weight']);
    expect(recordsSetBy(set(null, 12), before)).toEqual([]);
  });

  it('compares weights to the hundredth of a kilogram', () => {
    const before = bestsOf([set(102.06, 5)]);
    expect(kinds(recordsSetBy(set(102.0600001, 6), before))).toEqual(['best_set_volume', 'e1rm', 'most_reps_at_weight']);
  });

  it('reports what the record beat', () => {
    const records = recordsSetBy(set(120, 1), bestsOf(history));
    expect(records.find((r) => r.kind === 'heaviest_weight')).toMatchObject({ value: 120, previous: 110 });
    expect(records.find((r) => r.kind === 'e1rm')).toMatchObject({ value: 120, previous: 117.33 });
  });
});

describe('sessionRecords', () => {
  it('lists each exercise and kind once, with the session best, against earlier sessions only', () => {
    const earlier = [set(100, 5, { performed_at: '2026-01-01T10:00:00.000Z' })];
    const today = [
      set(105, 5, { session_id: 'today', performed_at: '2026-02-01T10:00:00.000Z' }),
      set(110, 5, { session_id: 'today', performed_at: '2026-02-01T10:05:00.000Z' }),
      set(90, 5, { session_id: 'today', performed_at: '2026-02-01T10:10:00.000Z' }),
    ];
    const later = [set(200, 5, { session_id: 'later', performed_at: '2026-03-01T10:00:00.000Z' })];
    const records = sessionRecords([...earlier, ...today, ...later], today, '2026-02-01T09:55:00.000Z');
    expect(kinds(records)).toEqual(['best_set_volume', 'e1rm', 'heaviest_weight']);
    expect(records.find((r) => r.kind === 'heaviest_weight')).toMatchObject({ value: 110, previous: 100 });
  });

  it('keeps exercises apart', () => {
    const earlier = [set(100, 5), set(50, 5, { exercise_id: 'press' })];
    const today = [set(60, 5, { exercise_id: 'press', session_id: 'today', performed_at: '2026-02-01T10:00:00.000Z' })];
    expect(sessionRecords(earlier, today, '2026-02-01T09:00:00.000Z').map((r) => r.exerciseId)).toEqual(['press', 'press', 'press']);
  });
});

describe('recordsBySet', () => {
  it('flags a set against earlier sets of the same session too', () => {
    const earlier = [set(100, 5, { performed_at: '2026-01-01T10:00:00.000Z' })];
    const first = set(105, 5, { session_id: 'today', performed_at: '2026-02-01T10:00:00.000Z' });
    const second = set(105, 5, { session_id: 'today', performed_at: '2026-02-01T10:03:00.000Z' });
    const third = set(107.5, 5, { session_id: 'today', performed_at: '2026-02-01T10:06:00.000Z' });
    const flagged = recordsBySet(earlier, [first, second, third]);
    expect([...flagged.keys()]).toEqual([first.id, third.id]);
  });
});
