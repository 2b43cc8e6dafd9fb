import { describe, expect, it } from 'vitest';
import { isOutsideUnit, massReads, unusualAccess, type AccessRead } from './audit-rules';

const T0 = Date.parse('2026-03-16T09:00:00Z');
const min = 60_000;
let nextId = 1;
function read(o: Partial<AccessRead> = {}): AccessRead {
  return { id: nextId++, at: T0, actorUserId: 'u1', actorUnitId: 'A', personId: 'p1', personUnitIds: ['A'], responsibleUserIds: [], personProtected: false, ...o };
}

describe('isOutsideUnit', () => {
  it.each<[string, Partial<AccessRead>, boolean]>([
    ['the person has a case in the reader’s unit', { actorUnitId: 'A', personUnitIds: ['A'] }, false],
    ['one of several units is the reader’s', { actorUnitId: 'B', personUnitIds: ['A', 'B'] }, false],
    ['another unit only', { actorUnitId: 'B', personUnitIds: ['A'] }, true],
    ['another unit, but the reader is responsible for a case', { actorUnitId: 'B', personUnitIds: ['A'], responsibleUserIds: ['u1'] }, false],
    ['another unit, someone else responsible', { actorUnitId: 'B', personUnitIds: ['A'], responsibleUserIds: ['u2'] }, true],
    ['a reader without a unit', { actorUnitId: null, personUnitIds: ['A'] }, true],
    ['a person held by no unit (no case yet)', { actorUnitId: 'B', personUnitIds: [] }, false],
  ])('%s → %s', (_name, o, expected) => {
    expect(isOutsideUnit(read(o))).toBe(expected);
  });
});

describe('massReads: more than N persons within M minutes', () => {
  const settings = { persons: 3, minutes: 10 };
  const reads = (times: number[], o: Partial<AccessRead> = {}, persons?: string[]) =>
    times.map((t, i) => read({ at: T0 + t * min, personId: persons?.[i] ?? `p${i}`, ...o }));

  it.each<[string, number[], string[] | undefined, number]>([
    ['exactly N persons in the window is not a mass read', [0, 1, 2], undefined, 0],
    ['N + 1 persons within M minutes is one', [0, 1, 2, 3], undefined, 1],
    ['N + 1 persons spread over more than M minutes is not', [0, 4, 8, 10.5], undefined, 0],
    ['the window is inclusive: the last read exactly M minutes after the first counts', [0, 4, 8, 10], undefined, 1],
    ['the same person many times is one person', [0, 1, 2, 3, 4, 5], ['p1', 'p1', 'p2', 'p2', 'p3', 'p3'], 0],
    ['two bursts an hour apart are two findings', [0, 1, 2, 3, 60, 61, 62, 63], undefined, 2],
    ['a long run of reads is one burst', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], undefined, 1],
  ])('%s', (_name, times, persons, expected) => {
    expect(massReads(reads(times, {}, persons), settings)).toHaveLength(expected);
  });

  it('counts each reader on their own', () => {
    const a = reads([0, 1], { actorUserId: 'u1' });
    const b = reads([2, 3], { actorUserId: 'u2' });
    expect(massReads([...a, ...b], settings)).toEqual([]);
  });

  it('names the burst: its first read, the persons and reads counted, first and last time', () => {
    const list = reads([0, 1, 2, 3, 4, 30]);
    const [f] = massReads(list, settings);
    expect(f).toEqual({ kind: 'mass_read', auditId: list[0].id, actorUserId: 'u1', personId: 'p0', from: T0, to: T0 + 4 * min, persons: 5, reads: 5 });
  });

  it('does not depend on the order the reads come in', () => {
    const list = reads([0, 1, 2, 3, 4]);
    expect(massReads([...list].reverse(), settings)).toEqual(massReads(list, settings));
  });
});

describe('unusualAccess', () => {
  it('finds each kind, newest first', () => {
    const inUnit = read({ at: T0 });
    const outside = read({ at: T0 + min, actorUnitId: 'B', personId: 'p2' });
    const prot = read({ at: T0 + 2 * min, personId: 'p3', personProtected: true });
    const both = read({ at: T0 + 3 * min, actorUnitId: 'B', personId: 'p4', personProtected: true });
    const found = unusualAccess([inUnit, outside, prot, both], { persons: 20, minutes: 10 });
    expect(found.map((f) => [f.kind, f.auditId])).toEqual([
      ['outside_unit', both.id],
      ['protected_identity', both.id],
      ['protected_identity', prot.id],
      ['outside_unit', outside.id],
    ]);
  });

  it('finds nothing in ordinary work', () => {
    expect(unusualAccess([read(), read({ at: T0 + min, personId: 'p2', personUnitIds: ['A', 'C'] })], { persons: 1, minutes: 10 })).toHaveLength(1);
    expect(unusualAccess([read(), read({ at: T0 + min, personId: 'p2' })], { persons: 2, minutes: 10 })).toEqual([]);
  });
});
