// Roles and their Swedish names. Shared by the API and the web app.
export const ROLES = ['handlaggare', 'kontaktsekreterare', 'enhetschef', 'administrator', 'lon', 'revisor'] as const;
export type Role = (typeof ROLES)[number];

export const roleLabel: Record<Role, string> = {
  handlaggare: 'Biståndshandläggare',
  kontaktsekreterare: 'Kontaktsekreterare',
  enhetschef: 'Enhetschef',
  administrator: 'Administratör',
  lon: 'Lön',
  revisor: 'Revisor',
};

/** Roles that work inside one unit and must have one. */
export const UNIT_ROLES: readonly Role[] = ['handlaggare', 'kontaktsekreterare', 'enhetschef'];
