// "Demo kommun": units, one user per role, and fictitious persons. Demo mode only.
import type { Role } from '../platform/rules';
import type { DemoAccount } from '../platform/auth/routes';
import { DEMO_PORTAL_USERNAME } from '../portal/demo';

export const DEMO_MUNICIPALITY = {
  name: 'Demo kommun',
  postalAddress: 'Socialförvaltningen, Box 1, 123 45 Demoby',
  phone: '0123-45 67 00',
  email: 'kontaktperson@demo.kommun.se',
};

export const DEMO_UNITS = [
  { key: 'lss', name: 'LSS-enheten', route: 'LSS' as const },
  { key: 'sol', name: 'Omsorgsenheten', route: 'SOL' as const },
];

export const DEMO_PASSWORD = 'Kontakt-demo-2026';

/**
 * Skyddad identitet: the LSS handläggare and the LSS enhetschef hold the permission for their unit, so
 * they see the protected demo person's address; the SoL handläggare and the kontaktsekreterare do not.
 */
export const DEMO_PROTECTED_IDENTITY_GRANTS = ['handlaggare.lss', 'enhetschef'];

export const DEMO_USERS: { username: string; displayName: string; role: Role; unitKey: string | null; unitName: string | null }[] = [
  { username: 'handlaggare.lss', displayName: 'Hanna Lind', role: 'handlaggare', unitKey: 'lss', unitName: 'LSS-enheten' },
  { username: 'handlaggare.sol', displayName: 'Samir Berg', role: 'handlaggare', unitKey: 'sol', unitName: 'Omsorgsenheten' },
  { username: 'kontaktsekreterare', displayName: 'Karin Ek', role: 'kontaktsekreterare', unitKey: 'lss', unitName: 'LSS-enheten' },
  { username: 'enhetschef', displayName: 'Elin Sjö', role: 'enhetschef', unitKey: 'lss', unitName: 'LSS-enheten' },
  { username: 'admin', displayName: 'Adam Nord', role: 'administrator', unitKey: null, unitName: null },
  { username: 'lon', displayName: 'Lena Strand', role: 'lon', unitKey: null, unitName: null },
  { username: 'revisor', displayName: 'Rolf Ås', role: 'revisor', unitKey: null, unitName: null },
];

/**
 * The contact person of the executed demo assignment signs in to the portal with this username (the portal's demo
 * step, src/portal/demo.ts, makes the account through the invitation and names it so).
 */
export const DEMO_CONTACT_PERSON = { username: DEMO_PORTAL_USERNAME, displayName: 'Cecilia Demoberg' };

/** The demo logins the sign-in page offers in demo mode (given to buildApp). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...DEMO_USERS.map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    displayName: u.displayName,
    role: u.role,
    unitName: u.unitName,
  })),
  { username: DEMO_CONTACT_PERSON.username, password: DEMO_PASSWORD, displayName: DEMO_CONTACT_PERSON.displayName, role: 'kontaktperson', unitName: null },
];
