// The legal-basis catalogue of domain.md §1, inserted at the first start of every deployment (production too)
// through the areas list (seedDefaults). The administrator edits it afterwards.
import type { Queryable } from '../platform/db/connect';
import { legalBases } from './tables';

export const DEFAULT_LEGAL_BASES: (typeof legalBases.$inferInsert)[] = [
  {
    code: 'LSS_9_4',
    route: 'LSS',
    law: 'Lag (1993:387) om stöd och service till vissa funktionshindrade (LSS)',
    paragraph: '9 § 4',
    name: 'Biträde av kontaktperson',
    printText: 'Beslutet är fattat med stöd av 9 § 4 lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS): biträde av kontaktperson.',
    appealRoute: 'forvaltningsbesvar',
    ivoReportable: true,
    feeRule: 'free',
    validFrom: '1994-01-01',
    validTo: null,
  },
  {
    code: 'SOL2001_4_1',
    route: 'SOL',
    law: 'Socialtjänstlagen (2001:453)',
    paragraph: '4 kap. 1 §',
    name: 'Bistånd i form av kontaktperson (rätt till bistånd)',
    printText: 'Beslutet är fattat med stöd av 4 kap. 1 § socialtjänstlagen (2001:453): bistånd i form av kontaktperson (3 kap. 6 b §).',
    appealRoute: 'forvaltningsbesvar',
    ivoReportable: true,
    feeRule: 'free_home_care_tariff_flag',
    validFrom: '2002-01-01',
    validTo: '2025-06-30',
  },
  {
    code: 'SOL2001_4_2',
    route: 'SOL',
    law: 'Socialtjänstlagen (2001:453)',
    paragraph: '4 kap. 2 §',
    name: 'Bistånd utöver rätten till bistånd (kontaktperson)',
    printText: 'Beslutet är fattat med stöd av 4 kap. 2 § socialtjänstlagen (2001:453): bistånd utöver vad som följer av 4 kap. 1 §, i form av kontaktperson.',
    appealRoute: 'laglighetsprovning',
    ivoReportable: false,
    feeRule: 'free',
    validFrom: '2002-01-01',
    validTo: '2025-06-30',
  },
  {
    code: 'SOL2025_11_1',
    route: 'SOL',
    law: 'Socialtjänstlagen (2025:400)',
    paragraph: '11 kap. 1 §',
    name: 'Insats i form av kontaktperson (rätt till insatser)',
    printText: 'Beslutet är fattat med stöd av 11 kap. 1 § socialtjänstlagen (2025:400): insats i form av kontaktperson (13 kap. 7 §).',
    appealRoute: 'forvaltningsbesvar',
    ivoReportable: true,
    feeRule: 'free_home_care_tariff_flag',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: 'SOL2025_11_4',
    route: 'SOL',
    law: 'Socialtjänstlagen (2025:400)',
    paragraph: '11 kap. 4 §',
    name: 'Insats utöver rätten till insatser (kontaktperson)',
    printText: 'Beslutet är fattat med stöd av 11 kap. 4 § socialtjänstlagen (2025:400): insats utöver vad som följer av 11 kap. 1 §, i form av kontaktperson (13 kap. 7 §).',
    appealRoute: 'laglighetsprovning',
    ivoReportable: false,
    feeRule: 'free',
    validFrom: '2025-07-01',
    validTo: null,
  },
];

/** Insert the legal bases that are missing; never overwrite what the administrator changed. */
export async function seedLegalBases(db: Queryable): Promise<void> {
  await db.insert(legalBases).values(DEFAULT_LEGAL_BASES).onConflictDoNothing({ target: legalBases.code });
}
