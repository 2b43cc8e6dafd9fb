// The contact person's monthly report (/portalen/rapporter/:id), made for a phone: the meetings held (date, minutes,
// what they did), the meetings cancelled (and by whom), expenses beyond the omkostnad with a receipt photo or PDF,
// a message to the coordinator, and the attestation to submit. Editable until approved; a returned report shows the
// coordinator's comment. Saving a stale version (another tab saved first) is explained (409).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useParams } from 'react-router';
import { parseKronor } from '../../../src/payments/rules';
import { ATTESTATION_TEXT, CANCELLED_BY, cancelledByLabel, MAX_RECEIPT_BYTES, receiptProblem } from '../../../src/portal/rules';
import { saveReportBody, type ReceiptOut, type ReportOut } from '../../../src/portal/schema';
import { api, ApiError, isApiError } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { CheckboxInput, DateInput, Form, RadioInput, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Button, ButtonRow, Notice, Section } from '../platform/ui';
import { ReportLines } from './report-lines';

const NOT_FOUND = 'Rapporten finns inte, eller så är den inte din.';
const MAX = { meetings: 31, cancellations: 31, expenses: 30 } as const;
const reportKey = (id: string) => ['portal', 'report', id];

export function ReportPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: reportKey(id), queryFn: () => api<ReportOut>(`/portal/reports/${encodeURIComponent(id)}`) });
  const notice = useActionNotice();
  if (q.isPending) return <Loading label="Hämtar rapporten" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  const r = q.data;
  return (
    <Page
      title={`Rapport för ${r.monthLabel}`}
      breadcrumbs={[
        { label: 'Mina uppdrag', href: '/portalen' },
        { label: `Uppdraget med ${r.personFirstName}`, href: `/portalen/uppdrag/${r.assignmentId}` },
      ]}
      lead={`Uppdraget med ${r.personFirstName}. Skicka in rapporten senast ${r.deadline}.`}
    >
      <ActionNotice notice={notice} />
      <StatusNotice r={r} />
      {r.abilities.canEdit ? (
        // A new version from the server (after a save) starts the form afresh from it.
        <ReportForm key={r.version} r={r} notice={notice} />
      ) : (
        <Section title="Det här rapporterade du" id="lines">
          <ReportLines r={r} receiptHref={(rid) => `/api/portal/reports/${r.id}/receipts/${rid}`} />
        </Section>
      )}
    </Page>
  );
}

function StatusNotice({ r }: { r: ReportOut }) {
  if (r.status === 'returned') {
    return (
      <Notice tone="warning" title="Kontaktsekreteraren har skickat tillbaka rapporten">
        <p className="pre-line">{r.returnComment}</p>
        <p>Rätta eller komplettera rapporten och skicka in den igen.</p>
      </Notice>
    );
  }
  if (r.status === 'submitted') {
    return (
      <Notice tone="info" title={`Inskickad ${r.submittedAt ? formatDateTime(r.submittedAt) : ''}`}>
        <p>Rapporten väntar på att kontaktsekreteraren godkänner den. Du kan fortfarande ändra den tills den är godkänd: skicka då in den igen.</p>
      </Notice>
    );
  }
  if (r.status === 'approved') {
    return (
      <Notice tone="success" title={`Godkänd ${r.approvedAt ? formatDateTime(r.approvedAt) : ''}`}>
        <p>Rapporten är godkänd och går vidare till lönen.</p>
      </Notice>
    );
  }
  if (r.late) {
    return (
      <Notice tone="warning" title="Rapporten är sen">
        <p>Den skulle ha skickats in senast {r.deadline}. Skicka in den så snart du kan.</p>
      </Notice>
    );
  }
  return null;
}

type Values = Record<string, string | boolean>;

function initialValues(r: ReportOut): Values {
  const v: Values = {};
  for (let i = 0; i < MAX.meetings; i++) {
    const m = r.meetings[i];
    v[`meetings.${i}.date`] = m?.date ?? '';
    v[`meetings.${i}.minutes`] = m ? String(m.minutes) : '';
    v[`meetings.${i}.activity`] = m?.activity ?? '';
  }
  for (let i = 0; i < MAX.cancellations; i++) {
    const c = r.cancellations[i];
    v[`cancellations.${i}.date`] = c?.date ?? '';
    v[`cancellations.${i}.cancelledBy`] = c?.cancelledBy ?? '';
    v[`cancellations.${i}.note`] = c?.note ?? '';
  }
  for (let i = 0; i < MAX.expenses; i++) {
    const e = r.expenses[i];
    v[`expenses.${i}.amountOre`] = e ? (e.amountOre / 100).toFixed(2).replace('.', ',') : '';
    v[`expenses.${i}.description`] = e?.description ?? '';
    v[`expenses.${i}.receiptId`] = e?.receiptId ?? '';
  }
  v.message = r.message ?? '';
  v.attest = false;
  return v;
}

const FIELDS = { meetings: ['date', 'minutes', 'activity'], cancellations: ['date', 'cancelledBy', 'note'], expenses: ['amountOre', 'description', 'receiptId'] } as const;
type ListName = keyof typeof FIELDS;

/** The values with row `index` of `list` removed (the rows after it move up one). */
function withoutRow(values: Values, list: ListName, index: number, count: number): Values {
  const next = { ...values };
  for (let i = index; i < count; i++) {
    for (const f of FIELDS[list]) next[`${list}.${i}.${f}`] = i + 1 < count ? (values[`${list}.${i + 1}.${f}`] ?? '') : '';
  }
  return next;
}

async function uploadFile(reportId: string, file: File): Promise<ReceiptOut> {
  const res = await fetch(`/api/portal/reports/${reportId}/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'x-file-name': encodeURIComponent(file.name) },
    credentials: 'same-origin',
    body: file,
  });
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) throw new ApiError(res.status, data.code ?? `HTTP_${res.status}`, data.message ?? 'Kvittot kunde inte laddas upp. Försök igen.');
  return data as ReceiptOut;
}

function ReportForm({ r, notice }: { r: ReportOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const [counts, setCounts] = useState({ meetings: r.meetings.length, cancellations: r.cancellations.length, expenses: r.expenses.length });
  const [receipts, setReceipts] = useState<ReceiptOut[]>(r.receipts);
  const [uploadErrors, setUploadErrors] = useState<Record<number, string>>({});
  const [uploading, setUploading] = useState<number | null>(null);
  const submitIntent = useRef(false);
  const form = useForm({
    id: 'report',
    initial: initialValues(r),
    schema: saveReportBody,
    toBody: (v: Values) => ({
      version: r.version,
      meetings: Array.from({ length: counts.meetings }, (_, i) => ({
        date: String(v[`meetings.${i}.date`]).trim(),
        minutes: String(v[`meetings.${i}.minutes`]).trim() === '' ? undefined : Number(String(v[`meetings.${i}.minutes`]).trim()),
        activity: String(v[`meetings.${i}.activity`]),
      })),
      cancellations: Array.from({ length: counts.cancellations }, (_, i) => ({
        date: String(v[`cancellations.${i}.date`]).trim(),
        cancelledBy: v[`cancellations.${i}.cancelledBy`] || undefined,
        note: String(v[`cancellations.${i}.note`]),
      })),
      expenses: Array.from({ length: counts.expenses }, (_, i) => {
        const text = String(v[`expenses.${i}.amountOre`]).trim();
        return {
          amountOre: text === '' ? undefined : (parseKronor(text) ?? Number.NaN),
          description: String(v[`expenses.${i}.description`]),
          receiptId: v[`expenses.${i}.receiptId`] || null,
        };
      }),
      message: String(v.message),
      submit: submitIntent.current,
      attest: v.attest === true,
    }),
    check: (v): Record<string, string> => {
      const errs: Record<string, string> = {};
      if (submitIntent.current && v.attest !== true) errs.attest = `Kryssa i "${ATTESTATION_TEXT}" för att skicka in rapporten.`;
      for (let i = 0; i < counts.meetings; i++) {
        const d = String(v[`meetings.${i}.date`]).trim();
        if (d && (d < r.firstDay || d > r.lastDay)) errs[`meetings.${i}.date`] = `Datumet måste ligga i ${r.monthLabel} (${r.firstDay}–${r.lastDay}).`;
      }
      for (let i = 0; i < counts.cancellations; i++) {
        const d = String(v[`cancellations.${i}.date`]).trim();
        if (d && (d < r.firstDay || d > r.lastDay)) errs[`cancellations.${i}.date`] = `Datumet måste ligga i ${r.monthLabel} (${r.firstDay}–${r.lastDay}).`;
      }
      return errs;
    },
    onSubmit: async (body) => {
      const saved = await api<ReportOut>(`/portal/reports/${r.id}`, { method: 'PUT', body });
      qc.setQueryData(reportKey(r.id), saved);
      void qc.invalidateQueries({ queryKey: ['portal', 'start'] });
      void qc.invalidateQueries({ queryKey: ['portal', 'assignment', r.assignmentId] });
      notice.show(saved.status === 'submitted' ? `Rapporten för ${saved.monthLabel} är inskickad.` : 'Rapporten är sparad. Den är inte inskickad än.');
    },
  });
  const send = (submit: boolean) => {
    submitIntent.current = submit;
    form.handleSubmit();
    // The body is built at once; Enter in a field afterwards saves without submitting.
    submitIntent.current = false;
  };
  const add = (list: ListName) => setCounts((c) => ({ ...c, [list]: Math.min(c[list] + 1, MAX[list]) }));
  const remove = (list: ListName, i: number) => {
    form.reset(withoutRow(form.values as Values, list, i, counts[list]));
    setCounts((c) => ({ ...c, [list]: c[list] - 1 }));
    if (list === 'expenses') setUploadErrors({});
  };
  const onFile = async (i: number, e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // The size is checked here too (the server checks size and content again).
    const tooBig = file.size > MAX_RECEIPT_BYTES ? receiptProblem('application/pdf', file.size) : null;
    if (tooBig) {
      setUploadErrors((x) => ({ ...x, [i]: tooBig }));
      return;
    }
    setUploading(i);
    try {
      const receipt = await uploadFile(r.id, file);
      setReceipts((xs) => [...xs, receipt]);
      form.set(`expenses.${i}.receiptId`, receipt.id);
      setUploadErrors((x) => {
        const { [i]: _gone, ...rest } = x;
        return rest;
      });
    } catch (err) {
      setUploadErrors((x) => ({ ...x, [i]: err instanceof Error ? err.message : 'Kvittot kunde inte laddas upp.' }));
    } finally {
      setUploading(null);
    }
  };
  const receiptOf = (id: unknown) => receipts.find((x) => x.id === id) ?? null;
  return (
    <Form form={form} aria-label={`Rapport för ${r.monthLabel}`} failureTitle="Rapporten kunde inte sparas" onReload={() => void qc.invalidateQueries({ queryKey: reportKey(r.id) })}>
      <Section title="Träffar" id="meetings">
        <p className="hint">Skriv varje gång ni träffades i {r.monthLabel}.</p>
        {Array.from({ length: counts.meetings }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset report-row">
            <legend className="fieldset-legend">Träff {i + 1}</legend>
            <DateInput name={`meetings.${i}.date`} label={`Datum (träff ${i + 1})`} />
            <TextInput name={`meetings.${i}.minutes`} label={`Hur länge, i minuter (träff ${i + 1})`} inputMode="numeric" width="xs" />
            <TextInput name={`meetings.${i}.activity`} label={`Vad ni gjorde (träff ${i + 1})`} />
            <Button variant="secondary" onPress={() => remove('meetings', i)}>
              Ta bort träff {i + 1}
            </Button>
          </fieldset>
        ))}
        {counts.meetings < MAX.meetings && (
          <Button variant="secondary" onPress={() => add('meetings')}>
            Lägg till en träff
          </Button>
        )}
      </Section>
      <Section title="Inställda träffar" id="cancellations">
        <p className="hint">Skriv träffar som var planerade men inte blev av.</p>
        {Array.from({ length: counts.cancellations }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
          <fieldset key={i} className="fieldset report-row">
            <legend className="fieldset-legend">Inställd träff {i + 1}</legend>
            <DateInput name={`cancellations.${i}.date`} label={`Datum (inställd träff ${i + 1})`} />
            <RadioInput
              name={`cancellations.${i}.cancelledBy`}
              label={`Vem ställde in? (inställd träff ${i + 1})`}
              options={CANCELLED_BY.map((c) => ({ value: c, label: c === 'contact_person' ? 'Jag' : `${cancelledByLabel[c]} (${r.personFirstName})` }))}
            />
            <TextInput name={`cancellations.${i}.note`} label={`Kommentar (inställd träff ${i + 1})`} optional />
            <Button variant="secondary" onPress={() => remove('cancellations', i)}>
              Ta bort inställd träff {i + 1}
            </Button>
          </fieldset>
        ))}
        {counts.cancellations < MAX.cancellations && (
          <Button variant="secondary" onPress={() => add('cancellations')}>
            Lägg till en inställd träff
          </Button>
        )}
      </Section>
      <Section title="Utgifter" id="expenses">
        <p className="hint">Utgifter utöver omkostnadsersättningen, till exempel en biobiljett. Ta en bild av kvittot eller välj en PDF.</p>
        {Array.from({ length: counts.expenses }, (_, i) => {
          const receipt = receiptOf(form.values[`expenses.${i}.receiptId`]);
          const fileId = `report-receipt-${i}`;
          const errorId = `${fileId}-error`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
            <fieldset key={i} className="fieldset report-row">
              <legend className="fieldset-legend">Utgift {i + 1}</legend>
              <TextInput name={`expenses.${i}.amountOre`} label={`Belopp i kronor (utgift ${i + 1})`} inputMode="text" width="s" hint="Till exempel 120 eller 89,50." />
              <TextInput name={`expenses.${i}.description`} label={`Vad utgiften gällde (utgift ${i + 1})`} />
              <div className="field">
                <label className="label" htmlFor={fileId}>
                  Kvitto (utgift {i + 1}) <span className="optional">(frivilligt)</span>
                </label>
                <p className="hint" id={`${fileId}-hint`}>
                  En bild (JPEG, PNG eller HEIC) eller en PDF, högst 10 MB.
                </p>
                {uploadErrors[i] && (
                  <p className="field-error" id={errorId} role="alert">
                    {uploadErrors[i]}
                  </p>
                )}
                <input
                  id={fileId}
                  type="file"
                  className="input-file"
                  accept="image/jpeg,image/png,image/heic,image/heif,application/pdf"
                  aria-describedby={`${fileId}-hint${uploadErrors[i] ? ` ${errorId}` : ''}`}
                  aria-invalid={uploadErrors[i] ? true : undefined}
                  onChange={(e) => void onFile(i, e)}
                />
                {uploading === i && <p className="muted">Laddar upp kvittot…</p>}
                {receipt && (
                  <p className="receipt-name">
                    Kvitto:{' '}
                    <a href={`/api/portal/reports/${r.id}/receipts/${receipt.id}`} target="_blank" rel="noreferrer">
                      {receipt.fileName}
                    </a>
                  </p>
                )}
              </div>
              <Button variant="secondary" onPress={() => remove('expenses', i)}>
                Ta bort utgift {i + 1}
              </Button>
            </fieldset>
          );
        })}
        {counts.expenses < MAX.expenses && (
          <Button variant="secondary" onPress={() => add('expenses')}>
            Lägg till en utgift
          </Button>
        )}
      </Section>
      <Section title="Meddelande till kontaktsekreteraren" id="message">
        <TextAreaInput name="message" label="Meddelande" optional hint="Något du vill berätta om månaden?" />
      </Section>
      <Section title="Skicka in" id="send">
        <CheckboxInput name="attest" label={ATTESTATION_TEXT} hint="Behövs för att skicka in rapporten." />
        <ButtonRow>
          <Button onPress={() => send(true)} aria-disabled={form.submitting || undefined}>
            Skicka in rapporten
          </Button>
          <Button variant="secondary" onPress={() => send(false)} aria-disabled={form.submitting || undefined}>
            Spara utan att skicka in
          </Button>
        </ButtonRow>
      </Section>
    </Form>
  );
}
