import { sql } from 'drizzle-orm';
import { boolean, check, date, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, pk, versionCol } from '../platform/db/columns';
import { ROUTES } from '../platform/rules';

/**
 * The legal-basis catalogue (domain.md §1, §8). A decision stores the basis in force on its
 * decision date, so letters and reports never hard-code a paragraph.
 */
export const legalBases = pgTable(
  'legal_bases',
  {
    id: pk(),
    code: text('code').notNull().unique(),
    route: text('route', { enum: ROUTES }).notNull(),
    law: text('law').notNull(),
    paragraph: text('paragraph').notNull(),
    name: text('name').notNull(),
    printText: text('print_text').notNull(),
    appealRoute: text('appeal_route', { enum: ['forvaltningsbesvar', 'laglighetsprovning'] }).notNull(),
    ivoReportable: boolean('ivo_reportable').notNull(),
    feeRule: text('fee_rule', { enum: ['free', 'free_home_care_tariff_flag'] }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    version: versionCol(),
    createdAt: createdAt(),
  },
  (t) => [check('legal_bases_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`)],
);
