// Is this contact person's registerkontroll valid for an assignment starting on a date in an activity?
// The pure rule (registerCheckValid) over the dated rule versions; the answer is audited.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { activityLabel, registerCheckValid } from './rules';
import { checkRulesOf, cpSettingsOf, loadContactPersonFull } from './repo';
import type { checkValidityBody } from './schema';

export function checkValidity(ctx: UseCaseContext, id: string, input: z.output<typeof checkValidityBody>) {
  return readUseCase(ctx, async (q) => {
    const full = await loadContactPersonFull(q, id);
    if (!full) throw new AppError('NOT_FOUND');
    const [settings, rules] = await allOf(q,() => cpSettingsOf(q), () => checkRulesOf(q));
    const latest = full.checks[0]?.check ?? null;
    const v = registerCheckValid(latest, rules, input.startDate, input.activity, { scope: settings.registerCheckScope });
    await recordAudit(q, ctx, { action: 'contact_person.check_validity', entityType: 'contact_person', entityId: id, details: { ok: v.ok, reason: v.reason, activity: input.activity } });
    const what = `${activityLabel[input.activity]} med start ${input.startDate}`;
    const message = v.ok
      ? v.reason === 'not_required'
        ? `Registerkontroll krävs inte för ${what.charAt(0).toLowerCase()}${what.slice(1)}.`
        : v.reason === 'reengagement'
          ? `Registerkontrollen behövs inte: återanställning i samma verksamhet inom ett år (${what}).`
          : `Registerkontrollen räcker för ${what.charAt(0).toLowerCase()}${what.slice(1)}.`
      : `Registerkontrollen räcker inte: ${v.message}`;
    return { ok: v.ok, reason: v.reason, message };
  });
}
