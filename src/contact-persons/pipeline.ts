// The recruitment pipeline's steps (domain.md §4): interview booked and held, references, registerkontroll,
// pledge, introduction, then approve — or decline, withdraw, end; pauses and the last contact. Each is one
// transaction through changeContactPerson (version checked, audited).
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { AppError, fieldError } from '../platform/errors';
import { activePause, approvalProblems, deriveCpStatus } from './rules';
import { checkRulesOf, cpSettingsOf, statusFactsOf } from './repo';
import { requirementsOf } from './present';
import { changeContactPerson } from './change-contact-person';
import type { approveBody, bookInterviewBody, contactBody, endBody, endPauseBody, pauseBody, referenceBody, registerCheckBody, stepBody, STEP_KINDS_FOR_API } from './schema';
import { cpPauses, cpReferences, cpRegisterChecks, cpSteps } from './tables';
import { allOf } from '../platform/db/transaction';

function notInFuture(date: string, today: string, field: string) {
  if (date > today) throw fieldError(field, 'Datumet kan inte ligga i framtiden.');
}

export function bookInterview(ctx: UseCaseContext, id: string, input: z.output<typeof bookInterviewBody>) {
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'interview_booked',
    after: async (_c, tx) => {
      const values = { status: 'booked' as const, bookedDate: input.date, bookedTime: input.time, location: input.location, doneDate: null, recordedBy: ctx.actor.id, updatedAt: ctx.clock.now() };
      await tx
        .insert(cpSteps)
        .values({ contactPersonId: id, kind: 'interview', ...values })
        .onConflictDoUpdate({ target: [cpSteps.contactPersonId, cpSteps.kind], set: values });
    },
  });
}

export function recordStep(ctx: UseCaseContext, id: string, kind: (typeof STEP_KINDS_FOR_API)[number], input: z.output<typeof stepBody>) {
  notInFuture(input.date, ctx.clock.today(), 'date');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: kind,
    outcome: () => input.outcome,
    after: async (_c, tx) => {
      const values = { status: input.outcome, doneDate: input.date, notes: input.notes, recordedBy: ctx.actor.id, updatedAt: ctx.clock.now() };
      await tx
        .insert(cpSteps)
        .values({ contactPersonId: id, kind, ...values })
        .onConflictDoUpdate({ target: [cpSteps.contactPersonId, cpSteps.kind], set: values });
    },
  });
}

export function addReference(ctx: UseCaseContext, id: string, input: z.output<typeof referenceBody>) {
  if (input.contactedDate) notInFuture(input.contactedDate, ctx.clock.today(), 'contactedDate');
  if (input.outcome !== 'pending' && !input.contactedDate) throw fieldError('contactedDate', 'Ange när du kontaktade referensen.');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'reference',
    outcome: () => input.outcome,
    after: async (_c, tx) => {
      await tx.insert(cpReferences).values({
        contactPersonId: id,
        name: input.name,
        relation: input.relation,
        phone: input.phone,
        contactedDate: input.contactedDate ?? null,
        outcome: input.outcome,
        notes: input.notes,
        recordedBy: ctx.actor.id,
      });
    },
  });
}

export function updateReference(ctx: UseCaseContext, id: string, referenceId: string, input: z.output<typeof referenceBody>) {
  if (input.contactedDate) notInFuture(input.contactedDate, ctx.clock.today(), 'contactedDate');
  if (input.outcome !== 'pending' && !input.contactedDate) throw fieldError('contactedDate', 'Ange när du kontaktade referensen.');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'reference',
    outcome: () => input.outcome,
    after: async (_c, tx) => {
      const rows = await tx
        .update(cpReferences)
        .set({ name: input.name, relation: input.relation, phone: input.phone, contactedDate: input.contactedDate ?? null, outcome: input.outcome, notes: input.notes, recordedBy: ctx.actor.id })
        .where(and(eq(cpReferences.id, referenceId), eq(cpReferences.contactPersonId, id)))
        .returning({ id: cpReferences.id });
      if (rows.length === 0) throw new AppError('NOT_FOUND');
    },
  });
}

/** That an extract was shown: dates, registers, law, who saw it. Never its content. */
export function recordRegisterCheck(ctx: UseCaseContext, id: string, input: z.output<typeof registerCheckBody>) {
  const today = ctx.clock.today();
  notInFuture(input.shownDate, today, 'shownDate');
  if (input.extractDate > input.shownDate) throw fieldError('extractDate', 'Utdraget kan inte vara daterat efter den dag det visades.');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'register_check',
    outcome: () => [...input.registers].sort().join('+'),
    after: async (_c, tx) => {
      await tx.insert(cpRegisterChecks).values({
        contactPersonId: id,
        shownDate: input.shownDate,
        extractDate: input.extractDate,
        registers: [...new Set(input.registers)],
        law: input.law,
        seenBy: ctx.actor.id,
      });
    },
  });
}

export function approveContactPerson(ctx: UseCaseContext, id: string, input: z.output<typeof approveBody>) {
  const today = ctx.clock.today();
  notInFuture(input.date, today, 'date');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'approve',
    apply: async (c, tx) => {
      if (c.row.approvedDate) throw new AppError('CP_ALREADY_APPROVED');
      const [settings, rules] = await allOf(tx,() => cpSettingsOf(tx), () => checkRulesOf(tx));
      const problems = approvalProblems(requirementsOf(c, settings, rules, today));
      if (problems.length) throw new AppError('CP_NOT_APPROVABLE', { message: `Kontaktpersonen kan inte godkännas än. ${problems.join(' ')}` });
      return { approvedDate: input.date, approvedBy: ctx.actor.id, lastContactDate: input.date };
    },
  });
}

/** Decline (the coordinator), withdraw (the applicant) or end (an approved contact person stops). */
export function endContactPerson(ctx: UseCaseContext, id: string, input: z.output<typeof endBody>) {
  notInFuture(input.date, ctx.clock.today(), 'date');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: input.reason,
    apply: (c) => {
      if (input.reason === 'declined' && c.row.approvedDate) throw fieldError('reason', 'En godkänd kontaktperson avslutas, den avslås inte.');
      if (input.reason === 'ended' && !c.row.approvedDate) throw fieldError('reason', 'En sökande som inte är godkänd avslås eller tar tillbaka sin ansökan.');
      if (input.reason === 'declined' && !input.note) throw fieldError('note', 'Skriv skälet till att ansökan avslås.');
      if (input.date < c.row.appliedDate) throw fieldError('date', 'Datumet kan inte vara före ansökan.');
      return { endedDate: input.date, endReason: input.reason, endNote: input.note };
    },
  });
}

export function pauseContactPerson(ctx: UseCaseContext, id: string, input: z.output<typeof pauseBody>) {
  if (input.untilDate && input.untilDate < input.fromDate) throw fieldError('untilDate', 'Slutdatumet kan inte vara före startdatumet.');
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'pause',
    apply: (c) => {
      const status = deriveCpStatus(statusFactsOf(c), ctx.clock.today());
      if (!c.row.approvedDate) throw new AppError('CP_NOT_APPROVABLE', { message: 'Bara en godkänd kontaktperson kan pausas.' });
      if (status === 'paused') throw fieldError('fromDate', 'Kontaktpersonen är redan pausad.');
      return {};
    },
    after: async (_c, tx) => {
      await tx.insert(cpPauses).values({ contactPersonId: id, fromDate: input.fromDate, untilDate: input.untilDate ?? null, reason: input.reason, recordedBy: ctx.actor.id });
    },
  });
}

/** End the active pause: its last day is `lastDay` (the contact person is available again the day after). */
export function endPause(ctx: UseCaseContext, id: string, input: z.output<typeof endPauseBody>) {
  const today = ctx.clock.today();
  return changeContactPerson(ctx, {
    id,
    version: input.version,
    step: 'pause_end',
    after: async (c, tx) => {
      const pause = activePause(c.pauses, today);
      if (!pause) throw fieldError('lastDay', 'Kontaktpersonen är inte pausad.');
      if (input.lastDay < pause.fromDate) throw fieldError('lastDay', `Pausen började ${pause.fromDate}. Sista dagen kan inte vara före det.`);
      if (pause.untilDate && input.lastDay > pause.untilDate) throw fieldError('lastDay', `Pausen slutar redan ${pause.untilDate}.`);
      await tx.update(cpPauses).set({ untilDate: input.lastDay }).where(eq(cpPauses.id, pause.id));
    },
  });
}

/** The coordinator's last contact with the contact person (the reminder counts from it). */
export function recordContact(ctx: UseCaseContext, id: string, input: z.output<typeof contactBody>) {
  notInFuture(input.date, ctx.clock.today(), 'date');
  return changeContactPerson(ctx, { id, version: input.version, step: 'contact', apply: () => ({ lastContactDate: input.date }) });
}
