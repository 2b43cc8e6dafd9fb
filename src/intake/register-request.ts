import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { AppError, fieldError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { can } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { findPerson } from '../people/repo';
import { findCase, nextCaseNumber } from './repo';
import { throwProblems } from './problems';
import { presentCase } from './present';
import { requireResponsible } from './responsible';
import { formatCaseNumber, isReferral, requestProblems } from './rules';
import type { CaseOut, registerRequestBody } from './schema';
import { cases } from './tables';

/**
 * Register an application (ansökan) or a referral (aktualisering). The case gets the next
 * number of the year; a referral has no application date until the person applies.
 */
export function registerRequest(ctx: UseCaseContext, input: z.output<typeof registerRequestBody>): Promise<CaseOut> {
  return writeUseCase(ctx, async (tx) => {
    const today = ctx.clock.today();
    const person = await findPerson(tx, input.personId);
    if (!person) throw fieldError('personId', 'Personen finns inte. Sök fram eller registrera personen först.');
    throwProblems(requestProblems(input, today));
    const responsibleId = input.responsibleUserId ?? ctx.actor.id;
    if (responsibleId !== ctx.actor.id && !can(ctx.actor, 'case:assign')) {
      throw new AppError('FORBIDDEN', { message: 'Bara enhetschefen kan lägga ett ärende på en annan handläggare.' });
    }
    const responsible = await requireResponsible(tx, responsibleId, 'responsibleUserId', can(ctx.actor, 'case:assign') ? (ctx.actor.unitId ?? undefined) : undefined);
    const m = await settingsOf(ctx, tx);
    const year = Number(today.slice(0, 4));
    const caseNumber = formatCaseNumber(m.caseNumberPattern, year, await nextCaseNumber(tx, year));
    const now = ctx.clock.now();
    const [c] = await tx
      .insert(cases)
      .values({
        caseNumber,
        personId: person.id,
        route: input.route,
        unitId: responsible.unitId,
        responsibleUserId: responsible.id,
        requester: input.requester,
        requesterName: input.requester === 'person' ? null : input.requesterName,
        channel: input.channel,
        receivedDate: input.receivedDate,
        applicationDate: isReferral(input.requester) ? null : input.receivedDate,
        description: input.description,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'case.create', entityType: 'case', entityId: c.id, personId: person.id, details: { route: c.route, referral: isReferral(c.requester) } });
    const row = await findCase(tx, c.id);
    if (!row) throw new Error('case vanished');
    return presentCase(ctx.actor, row, today, m);
  });
}
