import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, canOnCase, GRANTS, ownsContactPerson, permissionsOf, protectedContactBasis, protectedIdentityGrantProblem, scopeCovers, scopeOf, type Actor } from './permissions';
import { permissionTableMarkdown, protectedIdentityTableMarkdown } from './permissions-doc';
import type { Role } from '../rules';

const actor = (role: Role, unitId: string | null = 'U1', id = 'A'): Actor => ({ id, username: 'x', displayName: 'x', role, unitId });
const caseIn = (unitId: string, responsibleUserId = 'B') => ({ unitId, responsibleUserId });

describe('permission table', () => {
  it('is documented exactly as enforced (docs/permissions.md)', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/permissions.md'), 'utf8');
    expect(doc).toContain(permissionTableMarkdown());
    expect(doc).toContain(protectedIdentityTableMarkdown());
  });

  it.each<[Role, boolean, boolean, boolean]>([
    // role, read own unit's case, write own unit's case, assign
    ['handlaggare', true, true, false],
    ['enhetschef', true, true, true],
    ['kontaktsekreterare', false, false, false],
    ['administrator', false, false, false],
    ['lon', false, false, false],
    ['revisor', false, false, false],
    ['kontaktperson', false, false, false],
  ])('%s on a case of their unit', (role, read, write, assign) => {
    const a = actor(role);
    expect(canOnCase(a, 'case:read', caseIn('U1'))).toBe(read);
    expect(canOnCase(a, 'case:write', caseIn('U1'))).toBe(write);
    expect(canOnCase(a, 'case:assign', caseIn('U1'))).toBe(assign);
    expect(canOnCase(a, 'case:read', caseIn('U2'))).toBe(false);
  });

  it('gives the administrator configuration but no case or person content', () => {
    const a = actor('administrator', null);
    expect(can(a, 'admin:users')).toBe(true);
    expect(can(a, 'person:read')).toBe(false);
    expect(can(a, 'case:read')).toBe(false);
  });

  it('gives a kontaktperson their own portal and reports, and nothing of staff work (issue 12)', () => {
    const kp: Actor = { ...actor('kontaktperson', null), contactPersonId: 'CP1' };
    expect(permissionsOf('kontaktperson')).toEqual(['portal:read', 'report:write']);
    expect(GRANTS.kontaktperson).toEqual({ 'portal:read': 'own', 'report:write': 'own' });
    expect(ownsContactPerson(kp, 'CP1')).toBe(true);
    expect(ownsContactPerson(kp, 'CP2')).toBe(false);
    // Staff never own a contact person's records, whatever they hold.
    expect(ownsContactPerson({ ...actor('kontaktsekreterare'), contactPersonId: 'CP1' }, 'CP1')).toBe(false);
    expect(ownsContactPerson({ ...kp, contactPersonId: null }, 'CP1')).toBe(false);
    for (const p of ['person:read', 'case:read', 'contact-person:read', 'assignment:read', 'report:read', 'report:approve', 'payroll:read'] as const) expect(can(kp, p)).toBe(false);
  });

  it.each<[Role, boolean, boolean]>([
    // role, reads the unit's reports, approves them
    ['kontaktsekreterare', true, true],
    ['enhetschef', true, false],
    ['handlaggare', false, false],
    ['lon', false, false],
    ['kontaktperson', false, false],
  ])('%s and the monthly reports of their unit', (role, read, approve) => {
    const a = actor(role);
    expect(scopeCovers(a, scopeOf(a, 'report:read'), { unitId: 'U1' })).toBe(read);
    expect(scopeCovers(a, scopeOf(a, 'report:approve'), { unitId: 'U1' })).toBe(approve);
    expect(scopeCovers(a, scopeOf(a, 'report:read'), { unitId: 'U2' })).toBe(false);
  });

  it('never lets a unit scope match when the actor has no unit', () => {
    expect(scopeCovers(actor('handlaggare', null), 'unit', { unitId: null })).toBe(false);
  });
});

describe('skyddad identitet: role × grant × case scope', () => {
  // The actor works in U1. Grants: none, U1 (own unit), U2 (another unit).
  // Cases of the person: none, one in U1 (actor responsible or not), one in U2.
  const grants = { none: [], own: ['U1'], other: ['U2'], both: ['U1', 'U2'] } as const;
  const cases = {
    none: [],
    ownUnitMine: [caseIn('U1', 'A')],
    ownUnitOther: [caseIn('U1', 'B')],
    otherUnit: [caseIn('U2', 'A')],
  } as const;
  type G = keyof typeof grants;
  type C = keyof typeof cases;
  const readers: Role[] = ['handlaggare', 'enhetschef'];
  const rows: [Role, G, C, boolean][] = [];
  for (const role of ['handlaggare', 'kontaktsekreterare', 'enhetschef', 'administrator', 'lon', 'revisor'] as Role[]) {
    for (const g of Object.keys(grants) as G[]) {
      for (const c of Object.keys(cases) as C[]) {
        // Shown only with a grant for the unit of a case that lies in the actor's case scope (the unit).
        const shown = readers.includes(role) && (g === 'own' || g === 'both') && (c === 'ownUnitMine' || c === 'ownUnitOther');
        rows.push([role, g, c, shown]);
      }
    }
  }
  it.each(rows)('%s, grant %s, cases %s → %s', (role, g, c, shown) => {
    const basis = protectedContactBasis(actor(role, 'U1', 'A'), grants[g], cases[c]);
    expect(basis !== null).toBe(shown);
    if (basis) expect(basis.unitId).toBe('U1');
  });

  it('is never opened by being responsible for (or having registered) the case without a grant', () => {
    expect(protectedContactBasis(actor('handlaggare', 'U1', 'A'), [], [caseIn('U1', 'A')])).toBeNull();
    expect(protectedContactBasis(actor('enhetschef', 'U1', 'A'), [], [caseIn('U1', 'A')])).toBeNull();
  });

  it('needs a unit: an actor without one sees nothing even with a grant', () => {
    expect(protectedContactBasis(actor('handlaggare', null, 'A'), ['U1'], [caseIn('U1', 'A')])).toBeNull();
  });

  it.each<[Role, string | null, boolean, string, boolean]>([
    // role, user's unit, active, unit granted, allowed
    ['handlaggare', 'U1', true, 'U1', true],
    ['enhetschef', 'U1', true, 'U1', true],
    ['handlaggare', 'U1', true, 'U2', false],
    ['handlaggare', 'U1', false, 'U1', false],
    ['kontaktsekreterare', 'U1', true, 'U1', false],
    ['administrator', null, true, 'U1', false],
    ['lon', null, true, 'U1', false],
    ['revisor', null, true, 'U1', false],
  ])('the administrator may grant %s (unit %s, active %s) the permission for %s: %s', (role, unitId, active, unit, allowed) => {
    const problem = protectedIdentityGrantProblem({ role, unitId, active }, unit);
    expect(problem === null).toBe(allowed);
    if (problem) expect(problem).toMatch(/[åäö]/);
  });
});
