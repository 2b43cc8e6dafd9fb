// HTTP schemas of the payroll month and the internal control of payments, shared with the web pages.
import { z } from 'zod';
import { requiredText, optionalText, safeString, typeError, uuid, version } from '../platform/validation';
import { BLOCK_REASONS, CHANGE_KINDS, UNREPORTED_POLICIES } from './rules';

const monthString = z
  .string({ error: typeError('Ange månaden.', 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03.' });

export const monthParams = z.object({ month: monthString });
export const openMonthBody = z.object({ month: monthString });
export const lockMonthBody = z.object({ version });
export const monthQuery = z.object({
  page: z.coerce.number({ error: typeError('Sidnumret ska vara ett heltal.', 'Sidnumret ska vara ett heltal.') }).int().min(1).max(100000).default(1),
});

const amountsOut = { arvode: z.number(), omkostnad: z.number(), expenses: z.number() };

export const lineOut = z.object({
  assignmentId: z.string(),
  kind: z.enum(['regular', 'correction']),
  forMonth: z.string(),
  contactPerson: z.object({ id: z.string(), name: z.string(), identityNumber: z.string() }),
  caseNumber: z.string(),
  level: z.string(),
  ...amountsOut,
  total: z.number(),
  paidDays: z.number(),
  daysInMonth: z.number(),
  blocked: z.enum(BLOCK_REASONS).nullable(),
  blockedLabel: z.string().nullable(),
  costCentre: z.string(),
});
export type LineOut = z.infer<typeof lineOut>;

export const monthOut = z.object({
  month: z.string(),
  status: z.enum(['unopened', 'open', 'locked']),
  openedAt: z.string().nullable(),
  openedBy: z.string().nullable(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  version: z.number().nullable(),
  policy: z.enum(UNREPORTED_POLICIES),
  policyLabel: z.string(),
  totals: z.object({ ...amountsOut, total: z.number(), lines: z.number(), exported: z.number(), blocked: z.number(), corrections: z.number() }),
  /** One page of the lines (200 each), the file's order. */
  lines: z.array(lineOut),
  page: z.number(),
  pages: z.number(),
  /** Every line that is held in full or in part, with why (at most 500). */
  blocked: z.array(lineOut),
  exports: z.array(z.object({ format: z.enum(['csv', 'xlsx']), sha256: z.string(), exportedAt: z.string(), exportedBy: z.string().nullable(), lineCount: z.number() })),
  abilities: z.object({ canOpen: z.boolean(), canLock: z.boolean(), lockRefusal: z.string().nullable(), canExport: z.boolean() }),
});
export type MonthOut = z.infer<typeof monthOut>;

export const monthListOut = z.object({
  months: z.array(z.object({ month: z.string(), status: z.enum(['open', 'locked']), lockedAt: z.string().nullable() })),
  latestLocked: z.string().nullable(),
});

const payCode = requiredText(20, 'Lönearten');
const costCentre = safeString()
  .trim()
  .max(30, { message: 'Kostnadsstället får vara högst 30 tecken.' })
  .nullish()
  .transform((v) => v ?? '');

export const payrollSettingsBody = z.object({
  /** null: nothing saved yet. */
  version: version.nullable(),
  unreportedPolicy: z.enum(UNREPORTED_POLICIES, { error: 'Välj vad som händer med en rad utan godkänd rapport.' }),
  approverMayLock: z.boolean({ error: 'Ange ja eller nej.' }),
  payCodeArvode: payCode,
  payCodeOmkostnad: payCode,
  payCodeUtlagg: payCode,
  payCodeCorrection: payCode,
  defaultCostCentre: costCentre,
  costCentres: z.array(z.object({ unitId: uuid, costCentre })).max(500, { message: 'Högst 500 enheter.' }),
});

export const payrollSettingsOut = z.object({
  version: z.number().nullable(),
  unreportedPolicy: z.enum(UNREPORTED_POLICIES),
  approverMayLock: z.boolean(),
  payCodeArvode: z.string(),
  payCodeOmkostnad: z.string(),
  payCodeUtlagg: z.string(),
  payCodeCorrection: z.string(),
  defaultCostCentre: z.string(),
  costCentres: z.array(z.object({ unitId: z.string(), unitName: z.string(), costCentre: z.string() })),
  canEdit: z.boolean(),
});
export type PayrollSettingsOut = z.infer<typeof payrollSettingsOut>;

// ---- Internal control -----------------------------------------------------------------------------

export const changesQuery = z.object({
  show: z.enum(['unreviewed', 'all'], { error: 'Välj ogranskade eller alla.' }).default('unreviewed'),
  page: z.coerce.number({ error: typeError('Sidnumret ska vara ett heltal.', 'Sidnumret ska vara ett heltal.') }).int().min(1).max(100000).default(1),
});
export const changeIdParams = z.object({ id: uuid });
export const reviewBody = z.object({ note: optionalText(1000, 'Kommentaren', { multiline: true }) });

export const changeOut = z.object({
  id: z.string(),
  occurredAt: z.string(),
  kind: z.enum(CHANGE_KINDS),
  kindLabel: z.string(),
  what: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  changedBy: z.string().nullable(),
  /** The one who changed it may not review it. */
  canReview: z.boolean(),
  review: z.object({ reviewedBy: z.string(), reviewedAt: z.string(), note: z.string().nullable() }).nullable(),
});
export type ChangeOut = z.infer<typeof changeOut>;
export const changeListOut = z.object({ items: z.array(changeOut), page: z.number(), pages: z.number(), unreviewed: z.number() });
