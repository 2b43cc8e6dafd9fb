// The main menu, by role: plain data and the one rule that picks what a user sees. Pages a role uses now and then
// (oversight, register care, administration) sit in a group: the menu shows the group, and the group's own page
// lists its pages with a line on each. A group of which a user may open one page only shows that page itself.
import type { Permission } from './auth';

export type NavLink = { to: string; label: string; permission?: Permission | Permission[]; /** One line on the group's page. */ description?: string };
export type NavGroup = { to: string; label: string; description: string; children: NavLink[] };
export type NavItem = NavLink | NavGroup;

export const isGroup = (i: NavItem): i is NavGroup => 'children' in i;

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Start' },
  { to: '/portalen', label: 'Mina uppdrag', permission: 'portal:read' },
  { to: '/arenden', label: 'Ärenden', permission: 'case:read' },
  { to: '/personer', label: 'Personer', permission: 'person:read' },
  { to: '/beslut/att-godkanna', label: 'Att godkänna', permission: 'decision:approve' },
  { to: '/beslut/uppfoljning', label: 'Uppföljning', permission: 'decision:make' },
  { to: '/bestallningar', label: 'Beställningar', permission: 'order:read' },
  { to: '/vantelista', label: 'Väntelista', permission: 'assignment:read' },
  { to: '/kontaktpersoner', label: 'Kontaktpersoner', permission: 'contact-person:read' },
  { to: '/kontaktpersonstraffar', label: 'Kontaktpersonsträffar', permission: 'cp-meeting:read' },
  { to: '/manadsrapporter', label: 'Månadsrapporter', permission: 'report:read' },
  { to: '/lon/bank-och-skatt', label: 'Bank och skatt', permission: 'contact-person:payment' },
  { to: '/lon/anstallningsuppgifter', label: 'Anställningsuppgifter', permission: 'payroll:read' },
  { to: '/lon/manad', label: 'Lönemånad', permission: 'payroll:manage' },
  { to: '/lon/kontroll', label: 'Intern kontroll', permission: 'payroll:control' },
  {
    to: '/tillsyn',
    label: 'Tillsyn',
    description: 'Följ upp väntetider och förseningar, rapportera till IVO och granska vem som har läst vad.',
    children: [
      { to: '/oversikt', label: 'Översikt', permission: 'dashboard:read', description: 'Diagram över ansökningar, väntetider, uppdrag och arvoden.' },
      { to: '/forsenat', label: 'Försenat', permission: 'dashboard:read', description: 'Allt som är försenat eller snart blir det, samlat på ett ställe.' },
      { to: '/ivo', label: 'Ej verkställda beslut', permission: 'ivo:read', description: 'Kvartalets rapporter till IVO om beslut som inte har verkställts i tid.' },
      { to: '/loggkontroll', label: 'Loggkontroll', permission: 'audit:read', description: 'Sök i loggen och granska ovanliga läsningar.' },
    ],
  },
  {
    to: '/registervard',
    label: 'Registervård',
    description: 'Flytta ärenden, slå ihop dubbletter och gallra uppgifter som inte får sparas längre.',
    children: [
      { to: '/flytta-arenden', label: 'Flytta ärenden', permission: 'case:assign', description: 'Flytta ärenden från en handläggare till en annan.' },
      { to: '/sla-ihop-personer', label: 'Slå ihop personer', permission: 'person:merge', description: 'När samma person finns två gånger i registret.' },
      { to: '/gallring', label: 'Gallring', permission: 'disposal:run', description: 'Ta bort uppgifter som inte längre får sparas.' },
    ],
  },
  {
    to: '/admin',
    label: 'Administration',
    description: 'Inställningar för hela kommunen.',
    children: [
      { to: '/admin/enheter', label: 'Enheter', permission: 'admin:units', description: 'Enheterna och vilka ärenden de har.' },
      { to: '/admin/anvandare', label: 'Användare', permission: 'admin:users', description: 'Konton, roller och behörigheter.' },
      { to: '/admin/rattsliga-grunder', label: 'Rättsliga grunder', permission: 'admin:legal-bases', description: 'Lagrum för beslut och vad som står i besluten.' },
      { to: '/admin/arvoden', label: 'Arvoden och omkostnader', permission: 'admin:rates', description: 'Belopp per år och nivå.' },
      { to: '/admin/kommun', label: 'Kommunens uppgifter', permission: 'admin:settings', description: 'Namn, adress och kriterier för beslut.' },
      { to: '/admin/kontaktpersoner', label: 'Kontaktpersonsregistret', permission: 'admin:settings', description: 'Krav vid rekrytering, områden och registerkontroll.' },
      { to: '/admin/matchning', label: 'Matchning', permission: 'admin:settings', description: 'Hur förslag på kontaktpersoner tas fram.' },
      { to: '/admin/e-post', label: 'E-post', permission: 'admin:settings', description: 'Skickade och väntande e-postmeddelanden.' },
      { to: '/admin/portalen', label: 'Portalen', permission: 'admin:settings', description: 'När kontaktpersonerna ska lämna sina rapporter.' },
      { to: '/admin/loggkontroll', label: 'Loggkontroll', permission: 'admin:settings', description: 'När många läsningar på kort tid räknas som ovanliga.' },
      { to: '/admin/import', label: 'Import', permission: 'import:run', description: 'Läs in personer och kontaktpersoner från det gamla systemet.' },
    ],
  },
];

const allowed = (l: NavLink, has: (p: Permission) => boolean) => !l.permission || (Array.isArray(l.permission) ? l.permission.some(has) : has(l.permission));

/** The menu a user sees: the links they may open, a group with one such page as that page. */
export function visibleNav(has: (p: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.flatMap((i): NavItem[] => {
    if (!isGroup(i)) return allowed(i, has) ? [i] : [];
    const children = i.children.filter((c) => allowed(c, has));
    if (children.length === 0) return [];
    return children.length === 1 ? children : [{ ...i, children }];
  });
}

/** Is this menu item the section the page belongs to (the item's own page, or one of its group's)? */
export function navCovers(item: NavItem, section: string | null): boolean {
  if (section === null) return false;
  return item.to === section || (isGroup(item) && item.children.some((c) => c.to === section));
}

/** A group by its page's path (the group's page lists what the user may open). */
export function navGroup(path: string): NavGroup {
  const g = NAV_ITEMS.find((i): i is NavGroup => isGroup(i) && i.to === path);
  if (!g) throw new Error(`no menu group ${path}`);
  return g;
}
