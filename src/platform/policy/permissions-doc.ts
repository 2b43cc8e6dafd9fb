// Renders the permission table (docs/permissions.md is checked against it by a test).
import { GRANTS, PERMISSIONS } from './permissions';
import { ROLES, roleLabel } from './roles';

const scopeSv = { own: 'egna', unit: 'enheten', all: 'alla' } as const;

export function permissionTableMarkdown(): string {
  const head = `| behörighet | ${ROLES.map((r) => roleLabel[r]).join(' | ')} |`;
  const sep = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (GRANTS[r][p] ? scopeSv[GRANTS[r][p]!] : '–')).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}
