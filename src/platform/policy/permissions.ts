// Who may do what: one table of role → permission → scope. Pure; the UI gets the same list
// from /api/auth/me. Documented in docs/permissions.md (a test keeps the two in step).
import type { Role } from './roles';

export const PERMISSIONS = [
  'person:read',
  'person:write',
  'case:read',
  'case:write',
  'case:assign',
  'audit:read',
  'staff:read',
  'admin:units',
  'admin:users',
  'admin:legal-bases',
  'admin:settings',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** own: cases where the actor is responsible; unit: the actor's unit; all: the whole municipality. */
export type Scope = 'own' | 'unit' | 'all';

export const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  handlaggare: { 'person:read': 'all', 'person:write': 'all', 'case:read': 'unit', 'case:write': 'unit' },
  // Execution needs the person's name and (unless protected) contact; never the investigation.
  kontaktsekreterare: { 'person:read': 'all' },
  enhetschef: {
    'person:read': 'all',
    'person:write': 'all',
    'case:read': 'unit',
    'case:write': 'unit',
    'case:assign': 'unit',
    'audit:read': 'unit',
    'staff:read': 'unit',
  },
  // Manages users and configuration, never case content.
  administrator: { 'admin:units': 'all', 'admin:users': 'all', 'admin:legal-bases': 'all', 'admin:settings': 'all', 'staff:read': 'all' },
  // Payment data only: arrives with the payroll issue.
  lon: {},
  revisor: { 'audit:read': 'all', 'staff:read': 'all' },
};

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  return GRANTS[actor.role]?.[permission] ?? null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return scopeOf(actor, permission) !== null;
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => GRANTS[role]?.[p]);
}

/** Does `scope` cover a record owned by (unitId, responsibleUserId)? */
export function scopeCovers(actor: Actor, scope: Scope | null, record: { unitId: string | null; responsibleUserId?: string | null }): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'unit':
      return actor.unitId !== null && record.unitId === actor.unitId;
    case 'own':
      return record.responsibleUserId === actor.id;
    default:
      return false;
  }
}

/** May the actor use `permission` on this case? The list queries use the matching SQL in scope.ts. */
export function canOnCase(actor: Actor, permission: Permission, c: { unitId: string; responsibleUserId: string }): boolean {
  return scopeCovers(actor, scopeOf(actor, permission), c);
}

/**
 * Skyddad identitet: address and contact details only for the handläggare responsible for one
 * of the person's cases and the enhetschef of that case's unit. Before any case exists, the
 * handläggare who registered the person (and their enhetschef) stand in for them.
 */
export function canSeeProtectedContact(
  actor: Actor,
  person: { registeredBy: string | null; registeredUnitId: string | null },
  personCases: { unitId: string; responsibleUserId: string }[],
): boolean {
  const holders = personCases.length > 0 ? personCases : [{ unitId: person.registeredUnitId ?? '', responsibleUserId: person.registeredBy ?? '' }];
  if (actor.role === 'handlaggare') return holders.some((c) => c.responsibleUserId === actor.id);
  if (actor.role === 'enhetschef') return actor.unitId !== null && holders.some((c) => c.unitId === actor.unitId);
  return false;
}
