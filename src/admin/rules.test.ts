import { describe, expect, it } from 'vitest';
import { unitProblem } from './rules';

describe('unitProblem (users: server and web form)', () => {
  it('asks for a unit only for the roles that work within one', () => {
    expect(unitProblem('handlaggare', null)).toEqual({ path: 'unitId', message: 'Välj vilken enhet personen arbetar på.' });
    expect(unitProblem('handlaggare', 'u1')).toBeNull();
    expect(unitProblem('administrator', null)).toBeNull();
    expect(unitProblem('', null)).toBeNull();
  });
});
