// Facts every area shares, pure (a rules.ts and the web may import them): the two laws a unit, a legal basis
// and a case work under.
export const ROUTES = ['LSS', 'SOL'] as const;
export type Route = (typeof ROUTES)[number];

/** The law as a case or a letter names it. */
export const routeLabel: Record<Route, string> = { LSS: 'LSS 9 § 4', SOL: 'Socialtjänstlagen' };
/** The law as the administrator's forms name it. */
export const routeShortLabel: Record<Route, string> = { LSS: 'LSS', SOL: 'Socialtjänstlagen (SoL)' };
