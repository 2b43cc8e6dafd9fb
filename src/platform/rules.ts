// Facts every area shares, pure (a rules.ts and the web may import them): the two laws a unit, a legal basis
// and a case work under, and the staff roles with their Swedish names.
export const ROUTES = ['LSS', 'SOL'] as const;
export type Route = (typeof ROUTES)[number];

/** The law as a case or a letter names it. */
export const routeLabel: Record<Route, string> = { LSS: 'LSS 9 § 4', SOL: 'Socialtjänstlagen' };
/** The law as the administrator's forms name it. */
export const routeShortLabel: Record<Route, string> = { LSS: 'LSS', SOL: 'Socialtjänstlagen (SoL)' };

export const ROLES = ['handlaggare', 'kontaktsekreterare', 'enhetschef', 'administrator', 'lon', 'revisor', 'kontaktperson'] as const;
export type Role = (typeof ROLES)[number];
/** The roles the administrator gives: a kontaktperson's account comes from the portal invitation, tied to the contact person. */
export const STAFF_ROLES = ['handlaggare', 'kontaktsekreterare', 'enhetschef', 'administrator', 'lon', 'revisor'] as const satisfies readonly Role[];

export const roleLabel: Record<Role, string> = {
  handlaggare: 'Biståndshandläggare',
  kontaktsekreterare: 'Kontaktsekreterare',
  enhetschef: 'Enhetschef',
  administrator: 'Administratör',
  lon: 'Lön',
  revisor: 'Revisor',
  kontaktperson: 'Kontaktperson',
};

/** Roles that work inside one unit and must have one. */
export const UNIT_ROLES: readonly Role[] = ['handlaggare', 'kontaktsekreterare', 'enhetschef'];
