// Ej verkställda beslut (/ivo?kvartal=2026-Q4): the unit's IVO report for a quarter (issue 13 item 1). The list of
// what to report and what was reported; each report as a sheet laid out like IVO's form with a copy button per field
// (IVO's e-tjänst has no upload); the consequences for the person written here; the enhetschef marks each report
// submitted, and when all are, the quarter is locked. Exports: CSV, Excel, PDF and the council's statistics.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ivoReportBody, ivoSubmitBody, type IvoQuarterOut, type IvoSheetOut } from '../../../src/oversight/schema';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { DateInput, Form, SelectInput, SubmitButton, TextAreaInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, type ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, Notice, Section } from '../platform/ui';

type ActionNoticeApi = ReturnType<typeof useActionNotice>;

/** The quarter a date falls in, and the eight before it. */
function recentQuarters(date: string): string[] {
  let y = Number(date.slice(0, 4));
  let q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 9; i++) {
    out.push(`${y}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
  }
  return out;
}

const ORDINAL = { '1': '1:a', '2': '2:a', '3': '3:e', '4': '4:e' } as const;
const quarterName = (q: string) => `${ORDINAL[q.slice(6) as keyof typeof ORDINAL]} kvartalet ${q.slice(0, 4)}`;
const kindLabel = { beslut: 'Beslut', avbrott: 'Avbrott' } as const;
const outcomeOf = (r: IvoSheetOut) => (r.executedDate ? `Verkställt ${r.executedDate}` : r.endedDate ? `Avslutat ${r.endedDate}` : 'Ej verkställt');

export function IvoPage() {
  const [params, setParams] = useSearchParams();
  const quarters = recentQuarters(today());
  // The default is the last quarter that has ended: the one to report now.
  const quarter = /^\d{4}-Q[1-4]$/.test(params.get('kvartal') ?? '') ? (params.get('kvartal') as string) : quarters[1];
  const key = ['ivo-quarter', quarter];
  const q = useQuery({ queryKey: key, queryFn: () => api<IvoQuarterOut>(`/ivo/quarters/${quarter}`) });
  const qc = useQueryClient();
  const notice = useActionNotice();
  const reload = () => void qc.invalidateQueries({ queryKey: key });
  const d = q.data;
  const missing = d?.reports.filter((r) => !r.consequences).length ?? 0;
  const submitted = d?.reports.filter((r) => r.submittedDate).length ?? 0;
  const options = quarters.includes(quarter) ? quarters : [quarter, ...quarters];
  const columns: ColumnDef<IvoSheetOut>[] = [
    { id: 'case', label: 'Ärende', isRowHeader: true, render: (r) => <a href={`#rapport-${r.id}`}>{r.caseNumber}</a> },
    { id: 'person', label: 'Person', render: (r) => r.person.name },
    { id: 'kind', label: 'Gäller', render: (r) => `${kindLabel[r.kind]} ${r.kind === 'beslut' ? r.decisionDate : r.interruptionDate}` },
    { id: 'round', label: 'Rapport', render: (r) => r.roundLabel },
    { id: 'outcome', label: 'Läge', render: outcomeOf },
    { id: 'consequences', label: 'Konsekvenser', render: (r) => (r.consequences ? 'Ifyllda' : <Badge tone="warning">Saknas</Badge>) },
    { id: 'submitted', label: 'Inrapporterad', render: (r) => r.submittedDate ?? 'Nej' },
  ];
  return (
    <Page
      title="Ej verkställda beslut"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Rapporten till IVO om beslut som inte verkställts inom tre månader och avbrott som pågått i tre månader. Kontakt tar fram den ur det som är registrerat. Du skriver bara konsekvenserna för den enskilde, och för sedan över uppgifterna till IVO:s e-tjänst."
    >
      <ActionNotice notice={notice} />
      <Section title="Välj kvartal" id="quarter">
        <div className="field">
          <label className="label" htmlFor="ivo-quarter">
            Kvartal
          </label>
          <select id="ivo-quarter" className="input" value={quarter} onChange={(e) => setParams({ kvartal: e.target.value })}>
            {options.map((x) => (
              <option key={x} value={x}>
                {x} ({quarterName(x)})
              </option>
            ))}
          </select>
        </div>
      </Section>
      {q.isPending && <Loading label="Hämtar kvartalets rapporter" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <>
          <Section title={`${d.unit.name}, ${d.quarter}`} id="status">
            <p>
              Perioden är {d.first} – {d.last}. Referensdatum är {d.last}.{' '}
              {d.reports.length === 0 ? 'Enheten har inget att rapportera för kvartalet, och ska då inte skicka något.' : `${d.reports.length} ${d.reports.length === 1 ? 'rapport' : 'rapporter'}, ${submitted} ${submitted === 1 ? 'inrapporterad' : 'inrapporterade'}.`}
            </p>
            {d.frozen ? (
              <Notice tone="success" title="Kvartalet är låst">
                Alla rapporter är inrapporterade. Kvartalet ändras inte mer, och filerna blir exakt desamma varje gång (kontrollsumma {d.frozen.sha256.slice(0, 16)}…).
              </Notice>
            ) : (
              missing > 0 && (
                <Notice tone="warning" title={`Konsekvenser saknas i ${missing} ${missing === 1 ? 'rapport' : 'rapporter'}`}>
                  Skriv vilka konsekvenser väntan får för den enskilde innan rapporten lämnas till IVO.
                </Notice>
              )
            )}
            <h3>Hämta</h3>
            <ButtonRow>
              <a className="btn btn-secondary" href={`/api/ivo/quarters/${d.quarter}/export.csv`} download>
                Rapporterna som CSV
              </a>
              <a className="btn btn-secondary" href={`/api/ivo/quarters/${d.quarter}/export.xlsx`} download>
                Rapporterna som Excel
              </a>
              <a className="btn btn-secondary" href={`/api/ivo/quarters/${d.quarter}/export.pdf`} download>
                Utskrift (PDF)
              </a>
              <a className="btn btn-secondary" href={`/api/ivo/quarters/${d.quarter}/statistics.csv`} download>
                Statistik till nämnden (CSV)
              </a>
              <a className="btn btn-secondary" href={`/api/ivo/quarters/${d.quarter}/statistics.pdf`} download>
                Statistik till nämnden (PDF)
              </a>
            </ButtonRow>
          </Section>
          <Section title="Att rapportera" id="list">
            <DataTable label={`Rapporter för ${d.quarter}`} columns={columns} rows={d.reports} empty="Inget att rapportera för kvartalet." />
          </Section>
          {d.history.length > 0 && (
            <Section title="Tidigare kvartal" id="history">
              <ul>
                {d.history.map((h) => (
                  <li key={h.quarter}>
                    <a href={`/ivo?kvartal=${h.quarter}`}>{h.quarter}</a>: {h.reports} rapporter, {h.submitted} inrapporterade{h.frozen ? ', låst' : ''}
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {d.reports.map((r, i) => (
            <Sheet key={r.id} index={i + 1} report={r} data={d} notice={notice} reload={reload} />
          ))}
        </>
      )}
    </Page>
  );
}

function CopyField({ label, value }: { label: string; value: string | null }) {
  const [copied, setCopied] = useState(false);
  const text = value?.trim() ? value : null;
  return (
    <div className="ivo-field">
      <dt>{label}</dt>
      <dd>
        <span className="ivo-value">{text ?? '–'}</span>{' '}
        {text && (
          <Button
            variant="secondary"
            aria-label={`Kopiera ${label.toLowerCase()}`}
            onPress={() => {
              void navigator.clipboard?.writeText(text).then(() => setCopied(true));
            }}
          >
            Kopiera
          </Button>
        )}
        <span role="status" className="muted small">
          {copied ? ' Kopierat' : ''}
        </span>
      </dd>
    </div>
  );
}

function Sheet({ index, report: r, data, notice, reload }: { index: number; report: IvoSheetOut; data: IvoQuarterOut; notice: ActionNoticeApi; reload: () => void }) {
  const editable = data.abilities.canEdit && !r.submittedDate;
  return (
    <Section title={`Rapport ${index}: ärende ${r.caseNumber}`} id={`rapport-${r.id}`}>
      {r.person.protectedIdentity && <Badge tone="protected">Skyddad identitet</Badge>}
      <h3>Rapportuppgifter</h3>
      <dl className="ivo-sheet">
        <CopyField label="Rapporteringsperiod" value={data.quarter} />
        <CopyField label="Första eller uppföljande rapport" value={r.roundLabel} />
        <CopyField label="Enhet" value={data.unit.name} />
        <CopyField label="Handläggare" value={r.responsible} />
      </dl>
      <h3>Uppgifter om individen</h3>
      <dl className="ivo-sheet">
        <CopyField label={r.person.idNumberKind === 'personnummer' ? 'Personnummer' : 'Ersättnings-id'} value={r.person.idNumber} />
      </dl>
      {r.person.idNumberProblem && (
        <Notice tone="warning" title="Ersättnings-id saknas">
          {r.person.idNumberProblem}
        </Notice>
      )}
      <h3>Uppgifter om beslutet</h3>
      <dl className="ivo-sheet">
        <CopyField label="Insats" value={r.insats} />
        <CopyField label="Lagrum" value={r.legalBasis} />
        <CopyField label="Beslutsdatum" value={r.decisionDate} />
        <CopyField label="Datum för avbrott" value={r.interruptionDate} />
        <CopyField label="Verkställt datum" value={r.executedDate} />
        <CopyField label="Avslutat datum" value={r.endedDate} />
        <CopyField label="Orsak till avslut" value={r.endedReason} />
        <CopyField label="Delvis verkställt" value={r.partlyExecuted} />
        <CopyField label="Fritext" value={r.freeText} />
        <CopyField label="Konsekvenser för den enskilde" value={r.consequences} />
        <CopyField label="Inrapporterad till IVO" value={r.submittedDate} />
      </dl>
      {editable && <ConsequencesForm report={r} notice={notice} reload={reload} />}
      {data.abilities.canSubmit && !r.submittedDate && <SubmitForm report={r} quarterLast={data.last} notice={notice} reload={reload} />}
    </Section>
  );
}

function ConsequencesForm({ report: r, notice, reload }: { report: IvoSheetOut; notice: ActionNoticeApi; reload: () => void }) {
  const form = useForm({
    id: `ivo-consequences-${r.id}`,
    initial: { consequences: r.consequences ?? '', interimSupport: r.interimSupport ?? '', extraReason: r.extraReason ?? '' },
    schema: ivoReportBody,
    toBody: (v) => ({ consequences: v.consequences, interimSupport: v.interimSupport, extraReason: v.extraReason || null, version: r.version }),
    onSubmit: async (body) => {
      await api(`/ivo/reports/${r.id}`, { method: 'PUT', body });
      notice.show(`Konsekvenserna för ärende ${r.caseNumber} är sparade.`);
      reload();
    },
  });
  return (
    <Form form={form} aria-label={`Konsekvenser, ärende ${r.caseNumber}`} onReload={reload}>
      <TextAreaInput name="consequences" label="Konsekvenser för den enskilde" hint="Vad väntan betyder för personen. Skriv inte personnummer eller namn." rows={4} />
      <TextAreaInput
        name="interimSupport"
        label="Insatser under väntetiden"
        optional
        hint="Annat stöd som personen får tills beslutet är verkställt. Det kommer med i fritexten till IVO."
        rows={2}
      />
      <SelectInput
        name="extraReason"
        label="Annan orsak som inte syns i ärendet"
        optional
        placeholder="Ingen"
        options={[
          { value: 'circumstances', label: 'Den enskildes situation' },
          { value: 'other', label: 'Annat' },
        ]}
      />
      <SubmitButton form={form}>Spara konsekvenserna</SubmitButton>
    </Form>
  );
}

function SubmitForm({ report: r, quarterLast, notice, reload }: { report: IvoSheetOut; quarterLast: string; notice: ActionNoticeApi; reload: () => void }) {
  const t = today();
  const form = useForm({
    id: `ivo-submit-${r.id}`,
    initial: { submittedDate: t >= quarterLast ? t : '' },
    schema: ivoSubmitBody,
    toBody: (v) => ({ submittedDate: v.submittedDate.trim(), version: r.version }),
    onSubmit: async (body) => {
      const res = await api<{ frozen: boolean }>(`/ivo/reports/${r.id}/submit`, { body });
      notice.show(res.frozen ? 'Rapporten är inrapporterad. Alla kvartalets rapporter är klara och kvartalet är låst.' : `Rapporten för ärende ${r.caseNumber} är markerad som inrapporterad.`);
      reload();
    },
  });
  return (
    <Form form={form} aria-label={`Markera inrapporterad, ärende ${r.caseNumber}`} onReload={reload}>
      <DateInput name="submittedDate" label="Inrapporterad till IVO den" />
      <SubmitButton form={form}>Markera som inrapporterad</SubmitButton>
    </Form>
  );
}
