import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, canOnCase, canSeeProtectedContact, scopeCovers, type Actor } from './permissions';
import { permissionTableMarkdown } from './permissions-doc';
import type { Role } from './roles';

const actor = (role: Role, unitId: string | null = 'U1', id = 'A'): Actor => ({ id, username: 'x', displayName: 'x', role, unitId });
const caseIn = (unitId: string, responsibleUserId = 'B') => ({ unitId, responsibleUserId });

describe('permission table', () => {
  it('is documented exactly as enforced (docs/permissions.md)', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/permissions.md'), 'utf8');
    expect(doc).toContain(permissionTableMarkdown());
  });

  it.each<[Role, boolean, boolean, boolean]>([
    // role, read own unit's case, write own unit's case, assign
    ['handlaggare', true, true, false],
    ['enhetschef', true, true, true],
    ['kontaktsekreterare', false, false, false],
    ['administrator', false, false, false],
    ['lon', false, false, false],
    ['revisor', false, false, false],
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

  it('never lets a unit scope match when the actor has no unit', () => {
    expect(scopeCovers(actor('handlaggare', null), 'unit', { unitId: null })).toBe(false);
  });
});

describe('skyddad identitet', () => {
  const person = { registeredBy: 'R', registeredUnitId: 'U1' };
  it('shows contact details to the responsible handläggare and that unit’s enhetschef only', () => {
    const cases = [caseIn('U1', 'A')];
    expect(canSeeProtectedContact(actor('handlaggare', 'U1', 'A'), person, cases)).toBe(true);
    expect(canSeeProtectedContact(actor('handlaggare', 'U1', 'C'), person, cases)).toBe(false);
    expect(canSeeProtectedContact(actor('enhetschef', 'U1', 'E'), person, cases)).toBe(true);
    expect(canSeeProtectedContact(actor('enhetschef', 'U2', 'E'), person, cases)).toBe(false);
    for (const role of ['kontaktsekreterare', 'administrator', 'lon', 'revisor'] as Role[]) {
      expect(canSeeProtectedContact(actor(role, 'U1', 'A'), person, cases)).toBe(false);
    }
  });
  it('lets the registering handläggare see them before any case exists', () => {
    expect(canSeeProtectedContact(actor('handlaggare', 'U1', 'R'), person, [])).toBe(true);
    expect(canSeeProtectedContact(actor('handlaggare', 'U1', 'A'), person, [])).toBe(false);
  });
});
