// Pure rules of the staff register, shared with the web form.
import { UNIT_ROLES, type Role } from '../platform/rules';

/** The roles that work within a unit must have one. */
export function unitProblem(role: Role | '' | null | undefined, unitId: string | null | undefined): { path: 'unitId'; message: string } | null {
  return role && UNIT_ROLES.includes(role) && !unitId ? { path: 'unitId', message: 'Välj vilken enhet personen arbetar på.' } : null;
}
