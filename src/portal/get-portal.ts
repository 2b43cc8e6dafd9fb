// The contact person's portal: the start page (their assignments and reminders of reports not sent in) and one
// assignment with only what the meetings need — the person's first name, how to reach them (for a person with
// protected identity only "via din kontaktsekreterare"), the agreed frequency and activities, the genomförandeplan's
// goals — and its reports. Nothing else of the case. Every read is audited.
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { assignmentPhase, assignmentPhaseLabel } from '../assignments/rules';
import { requireOwnAssignment } from './portal-access';
import { dueInputs, portalAssignment, reportDueDay, reportsOfAssignment } from './repo';
import { dueReports, monthLabel, reminderText, reportableMonths, reportDeadline, reportLate, reportStatusLabel } from './rules';
import type { PortalAssignmentOut, PortalStartOut } from './schema';

/** Newest first (a start date is 'YYYY-MM-DD'; none last). */
const cmpDesc = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? 1 : -1);

function ownContactPersonId(ctx: UseCaseContext): string {
  if (ctx.actor.role !== 'kontaktperson' || !ctx.actor.contactPersonId) throw new AppError('FORBIDDEN');
  return ctx.actor.contactPersonId;
}

export function getPortalStart(ctx: UseCaseContext): Promise<PortalStartOut> {
  const cpId = ownContactPersonId(ctx);
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    // One read of the contact person's assignments serves both the list and the reminders.
    const [due, dueDay] = await allOf(q, () => dueInputs(q, today, { contactPersonId: cpId }), () => reportDueDay(q));
    const mine = [...due.started].sort((x, y) => cmpDesc(x.a.startDate, y.a.startDate) || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
    const reminders = dueReports(due.assignments, due.reports, today, { dueDay }).map((d) => ({
      assignmentId: d.assignmentId,
      month: d.month,
      monthLabel: monthLabel(d.month),
      deadline: d.deadline,
      overdue: d.overdue,
      status: d.status,
      text: reminderText(d),
      personFirstName: due.names.get(d.assignmentId)?.personFirstName ?? '',
    }));
    await recordAudit(q, ctx, { action: 'portal.start', entityType: 'contact_person', entityId: cpId, details: { assignments: mine.length } });
    return {
      firstName: ctx.actor.displayName.split(' ')[0],
      assignments: mine.map((m) => ({
        id: m.a.id,
        personFirstName: m.personFirstName,
        phaseLabel: assignmentPhaseLabel[assignmentPhase(m.state, today)],
        startDate: m.a.startDate,
        endDate: m.a.endDate,
      })),
      reminders,
    };
  });
}

export async function getPortalAssignment(ctx: UseCaseContext, id: string): Promise<PortalAssignmentOut> {
  await requireOwnAssignment(ctx, id);
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const p = (await portalAssignment(q, id))!;
    const reports = await reportsOfAssignment(q, id);
    const dueDay = await reportDueDay(q);
    const byMonth = new Map(reports.map((r) => [r.month, r.id]));
    const coordinator = p.coordinatorName ?? null;
    await recordAudit(q, ctx, { action: 'portal.assignment_read', entityType: 'assignment', entityId: id, personId: p.personId, details: { assignmentId: id } });
    return {
      id,
      personFirstName: p.personFirstName,
      contact: p.protectedIdentity ? null : { phone: p.phone, email: p.email },
      via: p.protectedIdentity ? `Kontakt med ${p.personFirstName} via din kontaktsekreterare${coordinator ? ` ${coordinator}` : ''} (${p.unitName}).` : null,
      coordinator: { name: coordinator, unitName: p.unitName },
      phaseLabel: assignmentPhaseLabel[assignmentPhase(p.state, today)],
      startDate: p.a.startDate,
      endDate: p.a.endDate,
      meetingsPerMonth: p.a.meetingsPerMonth,
      frequencyText: p.a.frequencyText,
      activities: p.a.activities,
      goals: p.goals,
      reports: reports.map((r) => ({
        id: r.id,
        month: r.month,
        monthLabel: monthLabel(r.month),
        status: r.status,
        statusLabel: reportStatusLabel[r.status],
        deadline: reportDeadline(r.month, dueDay),
        late: reportLate(r, dueDay, today),
      })),
      reportableMonths: reportableMonths(p.state, today).map((m) => ({ month: m, monthLabel: monthLabel(m), reportId: byMonth.get(m) ?? null })),
    };
  });
}
