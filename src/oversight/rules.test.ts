import { describe, expect, it } from 'vitest';
import { periodProblem } from './rules';

describe('periodProblem (log review: server and web form)', () => {
  it('refuses an end before the start, and only that', () => {
    expect(periodProblem('2026-03-10', '2026-03-09')).toEqual({ path: 'to', message: 'Slutdatum kan inte vara före startdatum.' });
    expect(periodProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(periodProblem('', '2026-03-09')).toBeNull();
    expect(periodProblem(undefined, undefined)).toBeNull();
  });
});
