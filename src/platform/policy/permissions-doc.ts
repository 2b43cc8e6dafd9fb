// Renders the permission tables (docs/permissions.md is checked against them by a test).
import { GRANTS, PERMISSIONS, protectedContactBasis, protectedIdentityGrantProblem } from './permissions';
import { ROLES, roleLabel } from '../rules';

const scopeSv = { own: 'egna', unit: 'enheten', all: 'alla' } as const;

export function permissionTableMarkdown(): string {
  const head = `| behörighet | ${ROLES.map((r) => roleLabel[r]).join(' | ')} |`;
  const sep = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (GRANTS[r][p] ? scopeSv[GRANTS[r][p]!] : '–')).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

/** Skyddad identitet per role, computed from the policy: who can hold the permission, and what it then opens. */
export function protectedIdentityTableMarkdown(): string {
  const yes = (b: boolean) => (b ? 'ja' : 'nej');
  const rows = ROLES.map((role) => {
    const actor = { id: 'A', username: 'a', displayName: 'a', role, unitId: 'U1' };
    const grantable = protectedIdentityGrantProblem({ role, unitId: 'U1', active: true }, 'U1') === null;
    const withGrant = (unitId: string, responsible: string) => protectedContactBasis(actor, ['U1'], [{ unitId, responsibleUserId: responsible }]) !== null;
    const withoutGrant = protectedContactBasis(actor, [], [{ unitId: 'U1', responsibleUserId: 'A' }]) !== null;
    return `| ${roleLabel[role]} | ${yes(grantable)} | ${yes(withoutGrant)} | ${yes(withGrant('U1', 'A'))} | ${yes(withGrant('U1', 'B'))} | ${yes(withGrant('U2', 'A'))} |`;
  });
  return [
    '| roll | kan få behörigheten | utan behörighet, eget ärende | med behörighet, eget ärende | med behörighet, kollegans ärende i enheten | med behörighet, ärende i annan enhet |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
