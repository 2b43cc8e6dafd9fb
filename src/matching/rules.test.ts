import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import highsLoader from 'highs';
import { DEFAULT_CHECK_RULES } from '../contact-persons/rules';
import {
  assignFlow,
  benefitMatrix,
  daysLeft,
  DEFAULT_WEIGHTS,
  explainCandidate,
  genderOf,
  priorityPoints,
  proposeAssignment,
  prepareCandidates,
  rankCandidates,
  waitingDeadline,
  wishedAvailability,
  type CandidateProfile,
  type MatchConfig,
  type OrderProfile,
  type ProposalOrder,
} from './rules';

const cfg: MatchConfig = {
  weights: DEFAULT_WEIGHTS,
  checkRules: DEFAULT_CHECK_RULES,
  checkScope: 'children',
  interestLabels: { idrott: 'Idrott och träning', fika: 'Fika och promenader', musik: 'Musik' },
};

function order(o: Partial<OrderProfile> = {}): OrderProfile {
  return {
    orderId: 'o1',
    route: 'LSS',
    startDate: '2026-04-01',
    birth: { birthDate: '1990-05-01', birthDatePartial: null },
    postalCode: '123 45',
    wishedGender: null,
    wishedGenderRequired: false,
    wishedAgeMin: null,
    wishedAgeMax: null,
    interests: [],
    languages: [],
    availability: [],
    household: [],
    representatives: [],
    previousContactPersonIds: [],
    closedOffers: [],
    openOfferContactPersonIds: [],
    ...o,
  };
}

let seq = 0;
function cp(o: Partial<CandidateProfile> = {}): CandidateProfile {
  seq++;
  return {
    id: `cp${seq}`,
    firstName: 'Kim',
    lastName: `Kontakt${seq}`,
    identityNumber: '198001011234', // a man (3 is odd)
    postalCode: '999 99',
    interests: [],
    languages: [],
    availability: [],
    ageGroups: [],
    capacity: 1,
    currentLoad: 0,
    paused: false,
    check: { extractDate: '2026-03-01', shownDate: '2026-03-02', registers: ['belastningsregistret', 'misstankeregistret'] },
    ...o,
  };
}

describe('profiles', () => {
  it.each([
    ['198001011234', 'man'],
    ['198001011244', 'woman'],
    ['19800101-1254', 'man'],
    ['1234', null],
  ])('genderOf(%s) = %s', (id, g) => expect(genderOf(id)).toBe(g));

  it.each([
    ['Helst kvällar och helger', ['weekday_evening', 'weekend']],
    ['dagtid', ['weekday_day']],
    [null, []],
    ['Gärna hund', []],
  ])('wished times from "%s"', (t, slots) => expect(wishedAvailability(t)).toEqual(slots));
});

describe('ranking one order', () => {
  it('explains the score in words', () => {
    const o = order({ interests: ['fotboll', 'fika'], languages: ['arabiska'], availability: ['weekday_evening'], wishedGender: 'woman', wishedAgeMin: 30, wishedAgeMax: 50 });
    const best = cp({ identityNumber: '198503031244', postalCode: '12346', interests: ['fika', 'idrott'], languages: ['Arabiska'], availability: ['weekday_evening', 'weekend'] });
    const worse = cp({ postalCode: '99999', identityNumber: '195001011234' });
    const r = rankCandidates(o, [worse, best], cfg);
    expect(r.candidates.map((c) => c.id)).toEqual([best.id, worse.id]);
    const texts = r.candidates[0].reasons.map((x) => x.text);
    expect(texts).toEqual(['Samma område', 'Delar intressen: fika', 'Talar arabiska', 'Kan kvällar – önskat: kvällar', '41 år – önskat: 30–50 år', 'Kvinna – önskat: kvinna']);
    expect(r.candidates[0].score).toBe(r.candidates[0].reasons.reduce((s, x) => s + x.points, 0));
    expect(r.candidates[1]).toMatchObject({ score: 0, reasons: [] });
  });

  it('matches a wish to the words of a configured interest ("fotboll" is not "idrott", "promenader" is "fika")', () => {
    const r = explainCandidate(order({ interests: ['promenader'] }), cp({ interests: ['fika'] }), cfg);
    expect(r.reasons.map((x) => x.text)).toEqual(['Delar intressen: promenader']);
  });

  it.each<[string, Partial<OrderProfile>, Partial<CandidateProfile>, string]>([
    ['household by personnummer', { household: [{ name: 'Pappa', identityNumber: '19800101-1234' }] }, {}, 'household'],
    ['household by name', { household: [{ name: 'Kim Kontakt' }] }, { lastName: 'Kontakt' }, 'household'],
    ['god man', { representatives: [{ kind: 'god_man', name: 'Kim  Gode' }] }, { lastName: 'Gode' }, 'representative'],
    ['staff at the residence', { residenceName: 'Solgläntans gruppbostad' }, { workplace: ' solgläntans  GRUPPBOSTAD' }, 'staff'],
    ['required gender', { wishedGender: 'woman', wishedGenderRequired: true }, {}, 'gender'],
    ['full', {}, { currentLoad: 1 }, 'full'],
    ['paused', {}, { paused: true }, 'paused'],
    ['no registerkontroll for a child', { birth: { birthDate: '2015-01-01', birthDatePartial: null } }, { check: null }, 'register_check'],
    ['a check too old on the start date', { birth: { birthDate: '2015-01-01', birthDatePartial: null } }, { check: { extractDate: '2025-01-01', shownDate: '2025-01-02', registers: ['belastningsregistret', 'misstankeregistret'] } }, 'register_check'],
    ['declined before', { closedOffers: [{ contactPersonId: 'X', reason: 'no_chemistry' }] }, { id: 'X' }, 'closed_offer'],
    ['already offered', { openOfferContactPersonIds: ['Y'] }, { id: 'Y' }, 'open_offer'],
  ])('excludes: %s', (_name, o, c, kind) => {
    const r = explainCandidate(order(o), cp(c), cfg);
    expect(r.exclusions.map((e) => e.kind)).toContain(kind);
    expect(rankCandidates(order(o), [cp(c)], cfg).candidates).toEqual([]);
  });

  it('does not exclude an adult without a check (register check only for children by default), nor a withdrawn offer', () => {
    expect(explainCandidate(order({ closedOffers: [{ contactPersonId: 'Z', reason: 'withdrawn' }] }), cp({ id: 'Z', check: null }), cfg).exclusions).toEqual([]);
    // Working at another residence is no reason.
    expect(explainCandidate(order({ residenceName: 'Solgläntan' }), cp({ workplace: 'Björkgården' }), cfg).exclusions).toEqual([]);
  });
});

describe('the waiting list', () => {
  it('deadline, days left, priority', () => {
    const f = { waitingSince: '2026-01-10' };
    expect(waitingDeadline(f)).toBe('2026-04-10');
    expect(daysLeft(f, '2026-04-12')).toBe(-2);
    expect(priorityPoints(f, '2026-04-12', DEFAULT_WEIGHTS)).toBe(Math.round(30 * (92 / 180) + 40));
    expect(priorityPoints(f, '2026-01-10', { waited: 30, deadline: 40 })).toBe(0);
  });
});

// ---- The assignment against an independent LP solver (HiGHS) ----------------------------------------------------

type Matrix = { benefit: Int32Array; rows: number; cols: number; need: Int32Array; free: Int32Array };

let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

function lpOptimum(mx: Matrix): number {
  const terms: string[] = [];
  const rowsOf: string[][] = Array.from({ length: mx.rows }, () => []);
  const colsOf: string[][] = Array.from({ length: mx.cols }, () => []);
  const vars: string[] = [];
  for (let i = 0; i < mx.rows; i++)
    for (let j = 0; j < mx.cols; j++) {
      const b = mx.benefit[i * mx.cols + j];
      if (b < 0) continue;
      const x = `x${i}_${j}`;
      vars.push(x);
      terms.push(`${b} ${x}`);
      rowsOf[i].push(x);
      colsOf[j].push(x);
    }
  if (vars.length === 0) return 0;
  const cons = [
    ...rowsOf.map((xs, i) => (xs.length ? ` o${i}: ${xs.join(' + ')} <= ${mx.need[i]}` : '')),
    ...colsOf.map((xs, j) => (xs.length ? ` c${j}: ${xs.join(' + ')} <= ${mx.free[j]}` : '')),
  ].filter(Boolean);
  const lp = `Maximize\n obj: ${terms.join(' + ')}\nSubject To\n${cons.join('\n')}\nBounds\n${vars.map((x) => ` 0 <= ${x} <= 1`).join('\n')}\nEnd\n`;
  const sol = highs.solve(lp);
  expect(sol.Status).toBe('Optimal');
  return sol.ObjectiveValue;
}

function check(mx: Matrix, chosen: number[][]): number {
  let total = 0;
  const used = new Int32Array(mx.cols);
  chosen.forEach((cols, i) => {
    expect(cols.length).toBeLessThanOrEqual(mx.need[i]);
    expect(new Set(cols).size).toBe(cols.length);
    for (const j of cols) {
      expect(mx.benefit[i * mx.cols + j]).toBeGreaterThanOrEqual(0);
      used[j]++;
      total += mx.benefit[i * mx.cols + j];
    }
  });
  for (let j = 0; j < mx.cols; j++) expect(used[j]).toBeLessThanOrEqual(mx.free[j]);
  return total;
}

describe('assignFlow: exact maximum benefit', () => {
  it('is not greedy: gives up the best pair when two good ones are worth more', () => {
    // Row 0 likes A (10) and B (9); row 1 likes only A (8). Greedy: 0–A, 1 none = 10. Optimum: 0–B, 1–A = 17.
    const mx = { benefit: Int32Array.from([10, 9, 8, -1]), rows: 2, cols: 2, need: Int32Array.from([1, 1]), free: Int32Array.from([1, 1]) };
    expect(check(mx, assignFlow(mx))).toBe(17);
  });

  it('equals the LP optimum from HiGHS on random instances; capacities and exclusions hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: -3, max: 40 }), { minLength: 56, maxLength: 56 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
        async (rows, cols, vals, needs, frees) => {
          const benefit = new Int32Array(rows * cols);
          for (let k = 0; k < rows * cols; k++) benefit[k] = vals[k] < 0 ? -1 : vals[k] + 1;
          const mx = { benefit, rows, cols, need: Int32Array.from(needs.slice(0, rows)), free: Int32Array.from(frees.slice(0, cols)) };
          const lp = Math.round(lpOptimum(mx));
          // The default (every pair kept on instances this small), the dense path, and the sparse path with its
          // optimality proof (one pair per order kept at first, so the proof has to add pairs).
          expect(check(mx, assignFlow(mx))).toBe(lp);
          expect(check(mx, assignFlow(mx, { k: Number.POSITIVE_INFINITY }))).toBe(lp);
          expect(check(mx, assignFlow(mx, { k: 0 }))).toBe(lp);
          expect(check(mx, assignFlow(mx, { k: 1 }))).toBe(lp);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the sparse path with its optimality proof equals the dense path on larger instances (popular contact persons)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 80 }), fc.integer(), fc.integer({ min: 0, max: 5 }), (rows, cols, seed, k) => {
        let s = seed >>> 0;
        const rnd = (n: number) => {
          s = (s * 1103515245 + 12345) >>> 0;
          return (s >>> 8) % n;
        };
        const benefit = new Int32Array(rows * cols);
        // A few contact persons everyone likes, many excluded pairs, ties.
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) benefit[i * cols + j] = rnd(4) === 0 ? -1 : 1 + rnd(20) + (j % 7 === 0 ? 30 : 0) + rnd(3) * 10;
        const mx = { benefit, rows, cols, need: Int32Array.from({ length: rows }, () => rnd(3)), free: Int32Array.from({ length: cols }, () => rnd(3)) };
        expect(check(mx, assignFlow(mx, { k }))).toBe(check(mx, assignFlow(mx, { k: Number.POSITIVE_INFINITY })));
      }),
      { numRuns: 300 },
    );
  });

  it('the scored matrix (typed-array fast path) equals explainCandidate for every pair: points and exclusions', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let s = seed >>> 0;
        const rnd = (k: number) => {
          s = (s * 1103515245 + 12345) >>> 0;
          return (s >>> 8) % k;
        };
        const pick = <T,>(xs: readonly T[]) => xs.filter(() => rnd(2) === 0);
        const words = ['fika', 'musik', 'idrott', 'schack', 'fotboll', 'natur'];
        const langs = ['svenska', 'arabiska', 'finska'];
        const slots = ['weekday_day', 'weekday_evening', 'weekend'] as const;
        const cps = Array.from({ length: 12 }, () =>
          cp({
            identityNumber: `19${50 + rnd(50)}0${1 + rnd(9)}1${rnd(9)}12${rnd(10)}${rnd(10)}`,
            interests: pick(['fika', 'musik', 'idrott', 'schack', 'natur']),
            languages: pick(langs),
            availability: pick(slots),
            ageGroups: pick(['child', 'youth', 'adult', 'senior']),
            postalCode: rnd(5) === 0 ? null : `1${rnd(3)}${rnd(2)}${rnd(9)}1`,
            capacity: 1 + rnd(2),
            currentLoad: rnd(2),
            paused: rnd(8) === 0,
            check: rnd(4) === 0 ? null : { extractDate: '2026-03-01', shownDate: '2026-03-01', registers: ['belastningsregistret', 'misstankeregistret'] },
            workplace: rnd(5) === 0 ? 'Solgläntan' : rnd(9) === 0 ? 'Björkgården' : null,
          }),
        );
        const orders: ProposalOrder[] = Array.from({ length: 6 }, (_, i) => ({
          profile: order({
            orderId: `o${i}`,
            // Sometimes many wished words (more than 31: the scoring's loop path instead of bit masks).
            interests: [...pick(words), ...(seed % 2 === 0 ? Array.from({ length: 40 }, (_, k) => `ord${k}`) : [])],
            languages: pick(langs),
            availability: pick(slots),
            postalCode: rnd(5) === 0 ? null : `1${rnd(3)}${rnd(2)}00`,
            wishedGender: rnd(3) === 0 ? 'woman' : rnd(2) === 0 ? 'man' : null,
            wishedGenderRequired: rnd(3) === 0,
            birth: { birthDate: rnd(2) ? '2012-01-01' : '1990-01-01', birthDatePartial: null },
            wishedAgeMin: rnd(2) ? 30 + rnd(10) : null,
            wishedAgeMax: rnd(2) ? 50 + rnd(10) : null,
            residenceName: rnd(3) === 0 ? ' solgläntan ' : null,
            previousContactPersonIds: cps.filter(() => rnd(5) === 0).map((c) => c.id),
            openOfferContactPersonIds: cps.filter(() => rnd(8) === 0).map((c) => c.id),
          }),
          need: 1,
          priority: rnd(50),
        }));
        const mx = benefitMatrix({ orders, candidates: cps, cfg });
        for (const [i, o] of orders.entries()) {
          for (const [j, c] of cps.entries()) {
            const e = explainCandidate(o.profile, c, cfg);
            expect(mx.benefit[i * cps.length + j]).toBe(e.exclusions.length > 0 ? -1 : 1 + o.priority + e.score);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rankCandidates (fast path, and on a prepared register) agrees with explainCandidate for every contact person: score, order, exclusion counts, place', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let s = seed >>> 0;
        const rnd = (k: number) => {
          s = (s * 1103515245 + 12345) >>> 0;
          return (s >>> 8) % k;
        };
        const pick = <T,>(xs: readonly T[]) => xs.filter(() => rnd(2) === 0);
        const langs = ['svenska', 'arabiska', 'finska'];
        const slots = ['weekday_day', 'weekday_evening', 'weekend'] as const;
        const cps = Array.from({ length: 25 }, () =>
          cp({
            identityNumber: rnd(6) === 0 ? '19800101-1234' : `19${50 + rnd(50)}0${1 + rnd(9)}1${rnd(9)}12${rnd(10)}${rnd(10)}`,
            firstName: rnd(6) === 0 ? 'Hus' : 'Kim',
            lastName: rnd(6) === 0 ? 'Håll' : `K${rnd(4)}`,
            interests: pick(['fika', 'musik', 'idrott', 'schack', 'natur']),
            languages: pick(langs),
            availability: pick(slots),
            ageGroups: pick(['child', 'youth', 'adult', 'senior']),
            postalCode: rnd(5) === 0 ? null : `1${rnd(3)}${rnd(2)} ${rnd(9)}1`,
            capacity: 1 + rnd(2),
            currentLoad: rnd(2),
            paused: rnd(8) === 0,
            check: rnd(4) === 0 ? null : { extractDate: '2026-03-01', shownDate: '2026-03-01', registers: ['belastningsregistret', 'misstankeregistret'] },
            workplace: rnd(5) === 0 ? 'Solgläntan' : rnd(9) === 0 ? 'Björkgården' : null,
          }),
        );
        const o = order({
          interests: pick(['fika', 'musik', 'fotboll', 'natur']),
          languages: pick(langs),
          availability: pick(slots),
          postalCode: rnd(5) === 0 ? null : `1${rnd(3)}${rnd(2)}00`,
          wishedGender: rnd(3) === 0 ? 'woman' : rnd(2) === 0 ? 'man' : null,
          wishedGenderRequired: rnd(3) === 0,
          birth: { birthDate: rnd(2) ? '2012-01-01' : '1990-01-01', birthDatePartial: null },
          wishedAgeMin: rnd(2) ? 30 + rnd(10) : null,
          wishedAgeMax: rnd(2) ? 50 + rnd(10) : null,
          household: rnd(2) ? [{ name: 'Hus Håll', identityNumber: '198001011234' }] : [],
          representatives: rnd(3) === 0 ? [{ kind: 'god_man', name: 'Kim K1' }] : [],
          residenceName: rnd(3) === 0 ? 'Solgläntan' : null,
          previousContactPersonIds: cps.filter(() => rnd(5) === 0).map((c) => c.id),
          openOfferContactPersonIds: cps.filter(() => rnd(8) === 0).map((c) => c.id),
        });
        const r = rankCandidates(o, cps, cfg, 100);
        const pool = prepareCandidates(cps, cfg);
        const counts: Record<string, number> = {};
        const expected = [];
        for (const c of cps) {
          const e = explainCandidate(o, c, cfg);
          for (const x of e.exclusions) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
          if (e.exclusions.length === 0) expected.push({ id: c.id, score: e.score, name: `${c.lastName}\u0000${c.firstName}`.toLowerCase() });
        }
        expected.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        expect(r.excluded).toEqual(counts);
        expect(r.eligible).toBe(expected.length);
        expect(r.candidates.map((c) => c.score)).toEqual(expected.map((c) => c.score));
        expect(r.candidates.map((c) => c.id)).toEqual(expected.map((c) => c.id));
        for (const c of r.candidates) expect(c.score).toBe(c.reasons.reduce((t, x) => t + x.points, 0));
        // The prepared register (kept between requests) gives the same list for any limit, used again and again.
        const limit = 1 + rnd(6);
        for (const x of [pool, pool]) {
          const again = rankCandidates(o, x, cfg, limit);
          expect(again.candidates).toEqual(r.candidates.slice(0, limit));
          expect(again.excluded).toEqual(counts);
          for (const [place, c] of expected.entries()) expect(again.rankOf(c.id)).toBe(place + 1);
        }
        // An order starting on another day does not get the first one's registerkontroll verdicts.
        const later = { ...o, startDate: '2027-09-01' };
        expect(rankCandidates(later, pool, cfg, 100)).toMatchObject({ excluded: rankCandidates(later, cps, cfg, 100).excluded });
      }),
      { numRuns: 200 },
    );
  });

  it('proposes from profiles: hard constraints never paired, reasons given, unmatched with why', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), fc.integer(), async (nOrders, nCps, seed) => {
        let s = seed >>> 0;
        const rnd = (k: number) => {
          s = (s * 1103515245 + 12345) >>> 0;
          return (s >>> 8) % k;
        };
        const interests = ['fika', 'musik', 'idrott', 'schack'];
        const orders: ProposalOrder[] = Array.from({ length: nOrders }, (_, i) => ({
          profile: order({
            orderId: `o${i}`,
            interests: interests.filter(() => rnd(2) === 0),
            postalCode: `1${rnd(3)}${rnd(2)}00`,
            wishedGender: rnd(3) === 0 ? 'woman' : null,
            wishedGenderRequired: rnd(2) === 0,
            birth: { birthDate: rnd(2) ? '2012-01-01' : '1990-01-01', birthDatePartial: null },
            household: rnd(4) === 0 ? [{ name: 'Hus Håll', identityNumber: '19800101-1234' }] : [],
            representatives: rnd(4) === 0 ? [{ kind: 'god_man', name: 'Kim Kontakt1' }] : [],
            wishedAgeMin: rnd(2) ? 30 : null,
            wishedAgeMax: rnd(2) ? 50 : null,
          }),
          need: 1 + rnd(2),
          priority: rnd(50),
        }));
        const cps = Array.from({ length: nCps }, () =>
          cp({
            identityNumber: rnd(2) ? '198001011234' : '198001011244',
            interests: interests.filter(() => rnd(2) === 0),
            postalCode: `1${rnd(3)}${rnd(2)}11`,
            capacity: 1 + rnd(2),
            currentLoad: rnd(2),
            check: rnd(3) === 0 ? null : { extractDate: '2026-03-01', shownDate: '2026-03-01', registers: ['belastningsregistret', 'misstankeregistret'] },
          }),
        );
        const input = { orders, candidates: cps, cfg };
        const p = proposeAssignment(input);
        const mx = benefitMatrix(input);
        expect(p.objective).toBe(Math.round(lpOptimum(mx)));
        for (const pair of p.pairs) {
          const o = orders.find((x) => x.profile.orderId === pair.orderId)!;
          const c = cps.find((x) => x.id === pair.contactPersonId)!;
          expect(explainCandidate(o.profile, c, cfg).exclusions).toEqual([]);
          expect(pair.score).toBe(pair.reasons.reduce((t, r) => t + r.points, 0));
          // The matrix the flow maximises (fast path) agrees with the explained score.
          expect(pair.benefit).toBe(1 + o.priority + pair.score);
        }
        const per = new Map<string, number>();
        for (const pair of p.pairs) per.set(pair.contactPersonId, (per.get(pair.contactPersonId) ?? 0) + 1);
        for (const c of cps) expect(per.get(c.id) ?? 0).toBeLessThanOrEqual(Math.max(0, c.capacity - c.currentLoad));
        for (const u of p.unmatched) expect(['no_candidate', 'taken']).toContain(u.why);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});
