// Loggkontroll: avvikande läsningar (/loggkontroll/avvikelser). Reads outside the reader's unit and own cases, reads of
// persons with skyddad identitet and mass reads, for the enhetschef to look into and sign off with a comment.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { signOffBody, unusualSearchBody, type UNUSUAL_KIND_NAMES, type unusualListOut } from '../../../src/oversight/schema';
import { periodProblem } from '../../../src/oversight/rules';
import { addDays } from '../../../src/platform/calendar';
import { api } from '../platform/api';
import { useCan } from '../platform/auth';
import { formatDateTime, today } from '../platform/dates';
import { ModalDialog } from '../platform/dialog';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { DateInput, FieldGroup, Form, SelectInput, SubmitButton, TextAreaInput, useForm, type FieldErrors } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, type ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, ProtectedBadge } from '../platform/ui';

type List = z.infer<typeof unusualListOut>;
type Finding = List['items'][number];
type Filter = z.output<typeof unusualSearchBody>;
type Row = Finding & { id: string };

const PAGE_SIZE = 50;
const KIND_OPTIONS: { value: (typeof UNUSUAL_KIND_NAMES)[number]; label: string }[] = [
  { value: 'outside_unit', label: 'Läsning utanför enheten och egna ärenden' },
  { value: 'protected_identity', label: 'Läsning av person med skyddad identitet' },
  { value: 'mass_read', label: 'Många personer på kort tid' },
];
const STATUS_OPTIONS = [
  { value: 'open', label: 'Ej granskade' },
  { value: 'signed', label: 'Granskade' },
  { value: 'all', label: 'Alla' },
];

/** What the finding is, in words: the read, or the burst of reads. */
function describeFinding(f: Finding): string {
  if (f.kind === 'mass_read') return `${f.persons} personer, ${f.reads} läsningar, ${formatDateTime(f.from)}–${formatDateTime(f.to).slice(11)}`;
  return `${f.actionLabel}, ${formatDateTime(f.from)}`;
}

function SignOffForm({ finding, onSaved, onCancel }: { finding: Finding; onSaved: () => void; onCancel: () => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: 'sign-off',
    initial: { comment: '' },
    schema: signOffBody,
    toBody: (v) => ({ kind: finding.kind, auditId: finding.auditId, comment: v.comment }),
    onSubmit: async (body) => {
      await api('/audit/unusual/sign-off', { body });
      await qc.invalidateQueries({ queryKey: ['audit', 'unusual'] });
      onSaved();
    },
  });
  return (
    <Form form={form} aria-label="Markera som granskad" failureTitle="Det gick inte att spara granskningen">
      <p>
        {finding.kindLabel}: {finding.actor.displayName ?? 'Okänd användare'}
        {finding.person ? ` läste ${finding.person.name}` : ''}. {describeFinding(finding)}.
      </p>
      <TextAreaInput name="comment" label="Kommentar" hint="Vad du har tagit reda på, till exempel varför läsningen behövdes." />
      <ButtonRow>
        <SubmitButton form={form}>Markera som granskad</SubmitButton>
        <Button variant="secondary" onPress={onCancel}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}

export function AuditUnusualPage() {
  const initialTo = today();
  const [filter, setFilter] = useState<Filter>({ from: addDays(initialTo, -30), to: initialTo, status: 'open', page: 1, pageSize: PAGE_SIZE });
  const [signing, setSigning] = useState<Finding | null>(null);
  const notice = useActionNotice();
  const canSign = useCan('audit:review');
  const result = useQuery({ queryKey: ['audit', 'unusual', filter], queryFn: () => api<List>('/audit/unusual', { body: filter }) });
  const form = useForm({
    id: 'unusual',
    initial: { from: filter.from, to: filter.to, kind: '', status: 'open' },
    schema: unusualSearchBody,
    toBody: (v) => ({ from: v.from.trim(), to: v.to.trim(), kind: v.kind || undefined, status: v.status, page: 1, pageSize: PAGE_SIZE }),
    check: (v) => {
      const errs: FieldErrors = {};
      const period = periodProblem(v.from.trim(), v.to.trim());
      if (period) errs[period.path] = period.message;
      return errs;
    },
    onSubmit: (body) => setFilter(body),
  });
  const columns: ColumnDef<Row>[] = [
    { id: 'when', label: 'När', isRowHeader: true, render: (f) => <span className="nowrap">{formatDateTime(f.from)}</span> },
    { id: 'kind', label: 'Avvikelse', render: (f) => f.kindLabel },
    {
      id: 'who',
      label: 'Användare',
      render: (f) => (
        <>
          {f.actor.displayName ?? 'Okänd användare'}
          {f.actor.unitName && <span className="muted block">{f.actor.unitName}</span>}
        </>
      ),
    },
    {
      id: 'person',
      label: 'Person',
      render: (f) =>
        f.person ? (
          <>
            {f.person.name} {f.person.protectedIdentity && <ProtectedBadge />}
            <span className="muted block nowrap">{f.person.identityNumber}</span>
          </>
        ) : (
          '–'
        ),
    },
    { id: 'what', label: 'Vad', render: (f) => describeFinding(f) },
    {
      id: 'review',
      label: 'Granskning',
      render: (f) =>
        f.signOff ? (
          <>
            <Badge tone="success">
              Granskad {f.signOff.at.slice(0, 10)} av {f.signOff.by}
            </Badge>
            <span className="block">{f.signOff.comment}</span>
          </>
        ) : canSign ? (
          <Button variant="secondary" onPress={() => setSigning(f)} aria-label={`Granska: ${f.kindLabel}, ${f.actor.displayName ?? ''}, ${formatDateTime(f.from)}`}>
            Granska
          </Button>
        ) : (
          <span className="muted">Ej granskad</span>
        ),
    },
  ];
  const rows: Row[] = (result.data?.items ?? []).map((f) => ({ ...f, id: `${f.kind}:${f.auditId}` }));
  return (
    <Page
      title="Avvikande läsningar"
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Loggkontroll', href: '/loggkontroll' },
      ]}
      lead="Läsningar som bör granskas: personer utanför användarens enhet och egna ärenden, personer med skyddad identitet och många personer på kort tid. Ta reda på varför och markera dem som granskade."
    >
      <ActionNotice notice={notice} />
      <Form form={form} aria-label="Välj period" failureTitle="Det gick inte att visa avvikelserna">
        <FieldGroup legend="Visa">
          <div className="field-row">
            <DateInput name="from" label="Från och med" />
            <DateInput name="to" label="Till och med" />
          </div>
          <SelectInput name="kind" label="Sorts avvikelse" optional placeholder="Alla sorter" options={KIND_OPTIONS} />
          <SelectInput name="status" label="Granskning" options={STATUS_OPTIONS} />
        </FieldGroup>
        <ButtonRow>
          <SubmitButton form={form}>Visa avvikelser</SubmitButton>
        </ButtonRow>
      </Form>
      <section className="section" aria-labelledby="unusual-results">
        <h2 id="unusual-results" tabIndex={-1}>
          Avvikelser
        </h2>
        {result.isPending && <Loading label="Söker avvikelser i loggen" />}
        {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
        {result.data && (
          <>
            <p className="muted">
              Många personer på kort tid betyder fler än {result.data.settings.persons} personer på {result.data.settings.minutes} minuter. Administratören ändrar gränsen.
            </p>
            <DataTable label="Avvikande läsningar" columns={columns} rows={rows} empty="Inga avvikelser att visa för perioden." />
            <Pager page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} onPage={(p) => setFilter({ ...filter, page: p })} label="Sidor med avvikelser" />
          </>
        )}
      </section>
      <ModalDialog isOpen={signing !== null} onClose={() => setSigning(null)} title="Granska avvikande läsning">
        {signing && (
          <SignOffForm
            finding={signing}
            onCancel={() => setSigning(null)}
            onSaved={() => {
              setSigning(null);
              notice.show('Läsningen är markerad som granskad.');
            }}
          />
        )}
      </ModalDialog>
    </Page>
  );
}
