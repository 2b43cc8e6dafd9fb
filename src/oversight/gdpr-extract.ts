// Registerutdrag (GDPR art. 15, issue 13 item 5): everything Kontakt holds about one person — the person, their
// representatives, cases, investigations, decisions with appeals and follow-ups, orders, offers, assignments with
// interruptions, plans, contacts and the contact persons' monthly reports about them, the letters and documents made,
// and the log of who read or changed their data. Produced by the enhetschef only (gdpr:extract), as JSON and as a PDF
// for the person; logged with the counts. Oversight is the last stage, so it reads every earlier stage's tables.
import { sql, type SQL } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { auditLog } from '../platform/audit/tables';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { units, users } from '../platform/tables';
import { renderPdf } from '../platform/documents/pdf';
import { persons, representatives } from '../people/tables';
import { cases } from '../intake/tables';
import { investigationBookings, investigations } from '../investigation/tables';
import { appeals, decisions, followUps, legalBases } from '../decisions/tables';
import { orderEvents, orders } from '../orders/tables';
import { assignmentInterruptions, assignments, cpContacts, implementationPlans, matchingMeetings, offers } from '../assignments/tables';
import { cpReportCancellations, cpReportMeetings, cpReports } from '../portal/tables';
import { registerExtractPdf, type ExtractLetterInput, type RegisterExtract } from './gdpr-letter';

type Row = Record<string, unknown>;

/** The actions that made a letter or a document about the person (the documents list of the extract). */
export const DOCUMENT_ACTIONS = ['letter.acknowledgement', 'letter.investigation_summons', 'letter.investigation_record', 'letter.decision', 'assignment.document', 'plan.pdf'] as const;

/** Every section of the extract, in the order a reader meets them, each a query of the person's rows. */
function sections(personId: string): { key: string; query: SQL }[] {
  const caseIds = sql`(select id from ${cases} where person_id = ${personId})`;
  const decisionIds = sql`(select id from ${decisions} where case_id in ${caseIds})`;
  const assignmentIds = sql`(select id from ${assignments} where case_id in ${caseIds})`;
  const reportIds = sql`(select id from ${cpReports} where assignment_id in ${assignmentIds})`;
  const rowsOf = (table: SQL, where: SQL, order: SQL = sql`created_at`) => sql`select to_jsonb(t) as row from ${table} t where ${where} order by ${order}`;
  return [
    { key: 'representatives', query: rowsOf(sql`${representatives}`, sql`person_id = ${personId}`) },
    {
      key: 'cases',
      query: sql`select to_jsonb(t) || jsonb_build_object('unit_name', u.name, 'responsible_name', r.display_name) as row
        from ${cases} t join ${units} u on u.id = t.unit_id left join ${users} r on r.id = t.responsible_user_id
        where t.person_id = ${personId} order by t.received_date, t.case_number`,
    },
    { key: 'investigationBookings', query: rowsOf(sql`${investigationBookings}`, sql`case_id in ${caseIds}`) },
    {
      key: 'investigations',
      query: sql`select to_jsonb(t) || jsonb_build_object('case_number', c.case_number) as row from ${investigations} t join ${cases} c on c.id = t.case_id
        where t.case_id in ${caseIds} order by t.started_date`,
    },
    {
      key: 'decisions',
      query: sql`select to_jsonb(t) || jsonb_build_object('case_number', c.case_number, 'legal_basis_name', lb.name, 'legal_basis_law', lb.law, 'legal_basis_paragraph', lb.paragraph) as row
        from ${decisions} t join ${cases} c on c.id = t.case_id left join ${legalBases} lb on lb.id = t.legal_basis_id
        where t.case_id in ${caseIds} order by t.decision_date nulls last, t.created_at`,
    },
    { key: 'appeals', query: rowsOf(sql`${appeals}`, sql`decision_id in ${decisionIds}`) },
    { key: 'followUps', query: rowsOf(sql`${followUps}`, sql`decision_id in ${decisionIds}`, sql`date`) },
    {
      key: 'orders',
      query: sql`select to_jsonb(t) || jsonb_build_object('case_number', c.case_number, 'provider_unit_name', u.name) as row
        from ${orders} t join ${cases} c on c.id = t.case_id join ${units} u on u.id = t.provider_unit_id
        where t.case_id in ${caseIds} order by t.sent_date`,
    },
    { key: 'orderEvents', query: rowsOf(sql`${orderEvents}`, sql`order_id in (select id from ${orders} where case_id in ${caseIds})`) },
    { key: 'offers', query: rowsOf(sql`${offers}`, sql`case_id in ${caseIds}`) },
    { key: 'matchingMeetings', query: rowsOf(sql`${matchingMeetings}`, sql`offer_id in (select id from ${offers} where case_id in ${caseIds})`) },
    {
      key: 'assignments',
      query: sql`select to_jsonb(t) || jsonb_build_object('case_number', c.case_number) as row from ${assignments} t join ${cases} c on c.id = t.case_id
        where t.case_id in ${caseIds} order by t.period_from, t.created_at`,
    },
    { key: 'assignmentInterruptions', query: rowsOf(sql`${assignmentInterruptions}`, sql`assignment_id in ${assignmentIds}`) },
    { key: 'implementationPlans', query: rowsOf(sql`${implementationPlans}`, sql`case_id in ${caseIds}`) },
    { key: 'contactLog', query: rowsOf(sql`${cpContacts}`, sql`assignment_id in ${assignmentIds}`) },
    { key: 'monthlyReports', query: rowsOf(sql`${cpReports}`, sql`assignment_id in ${assignmentIds}`, sql`month`) },
    { key: 'monthlyReportMeetings', query: rowsOf(sql`${cpReportMeetings}`, sql`report_id in ${reportIds}`, sql`date`) },
    { key: 'monthlyReportCancellations', query: rowsOf(sql`${cpReportCancellations}`, sql`report_id in ${reportIds}`, sql`date`) },
    {
      key: 'documents',
      query: sql`select jsonb_build_object('occurred_at', a.occurred_at, 'action', a.action, 'entity_type', a.entity_type, 'entity_id', a.entity_id) as row
        from ${auditLog} a where a.person_id = ${personId} and a.action in (${sql.join(
          DOCUMENT_ACTIONS.map((x) => sql`${x}`),
          sql`, `,
        )}) order by a.occurred_at, a.id`,
    },
    {
      key: 'log',
      query: sql`select jsonb_build_object('occurred_at', a.occurred_at, 'action', a.action, 'user_name', coalesce(u.display_name, a.actor_username), 'user_role', u.role, 'unit_name', un.name, 'entity_type', a.entity_type) as row
        from ${auditLog} a left join ${users} u on u.id = a.actor_user_id left join ${units} un on un.id = u.unit_id
        where a.person_id = ${personId} order by a.occurred_at, a.id`,
    },
  ];
}

/** A person's contact details are left out of the extract when they have skyddad identitet (it may be read by others). */
const CONTACT_FIELDS = ['street_address', 'postal_code', 'city', 'phone', 'email'] as const;

async function collectExtract(q: Queryable, ctx: UseCaseContext, personId: string): Promise<RegisterExtract> {
  const res = (await q.execute(sql`select to_jsonb(p) as row from ${persons} p where p.id = ${personId}`)) as unknown as { rows: { row: Row }[] };
  const person = res.rows[0]?.row;
  if (!person) throw new AppError('NOT_FOUND');
  if (person.protected_identity) for (const f of CONTACT_FIELDS) delete person[f];
  const out: Record<string, Row[]> = {};
  // One after another: a transaction is one connection.
  for (const s of sections(personId)) out[s.key] = ((await q.execute(s.query)) as unknown as { rows: { row: Row }[] }).rows.map((r) => r.row);
  const m = await settingsOf(ctx, q);
  return { producedAt: ctx.clock.now().toISOString(), municipality: m.name, person, sections: out };
}

const countsOf = (e: RegisterExtract) => Object.fromEntries(Object.entries(e.sections).map(([k, v]) => [k, v.length]));

/** The extract as a JSON file (logged: gdpr.extract, format json, the counts per section). */
export function registerExtractJson(ctx: UseCaseContext, personId: string): Promise<{ json: string; fileName: string }> {
  return writeUseCase(ctx, async (tx) => {
    const e = await collectExtract(tx, ctx, personId);
    await recordAudit(tx, ctx, { action: 'gdpr.extract', entityType: 'person', entityId: personId, personId, details: { format: 'json', counts: countsOf(e) } });
    return { json: JSON.stringify(e, null, 2), fileName: `registerutdrag-${ctx.clock.today()}.json` };
  });
}

/** The extract as a PDF for the person, in plain Swedish (logged: gdpr.extract, format pdf). */
export async function registerExtractPdfFile(ctx: UseCaseContext, personId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const input = await writeUseCase(ctx, async (tx): Promise<ExtractLetterInput> => {
    const e = await collectExtract(tx, ctx, personId);
    const m = await settingsOf(ctx, tx);
    await recordAudit(tx, ctx, { action: 'gdpr.extract', entityType: 'person', entityId: personId, personId, details: { format: 'pdf', counts: countsOf(e) } });
    return { municipality: { name: m.name, postalAddress: m.postalAddress }, date: ctx.clock.today(), extract: e };
  });
  return { pdf: await renderPdf(registerExtractPdf(input)), fileName: `registerutdrag-${input.date}.pdf` };
}
