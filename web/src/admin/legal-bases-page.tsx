// The catalogue of legal bases: what a decision prints, how it is appealed, whether IVO reporting applies.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { APPEAL_ROUTES, appealRouteLabel, FEE_RULES, feeRuleLabel, legalBasisBody, legalBasisUpdateBody } from '../../../src/admin/schema';
import { api } from '../platform/api';
import { ModalDialog } from '../platform/dialog';
import { CheckboxInput, DateInput, Form, RadioInput, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, useClientTable, type ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, Notice, Section } from '../platform/ui';
import { ADMIN_CRUMBS, routeOptions, type LegalBasis } from './api';

export function LegalBasesPage() {
  const q = useQuery({ queryKey: ['admin', 'legal-bases'], queryFn: () => api<{ items: LegalBasis[] }>('/admin/legal-bases') });
  const [editing, setEditing] = useState<LegalBasis | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const columns: ColumnDef<LegalBasis>[] = [
    { id: 'code', label: 'Kod', isRowHeader: true, render: (b) => <code>{b.code}</code>, sortValue: (b) => b.code },
    {
      id: 'name',
      label: 'Benämning',
      render: (b) => (
        <>
          {b.name}
          <span className="muted block">
            {b.law}, {b.paragraph}
          </span>
        </>
      ),
      sortValue: (b) => b.name,
    },
    { id: 'appeal', label: 'Överklagas genom', render: (b) => appealRouteLabel[b.appealRoute], sortValue: (b) => b.appealRoute },
    { id: 'ivo', label: 'Rapporteras till IVO', render: (b) => (b.ivoReportable ? 'Ja' : 'Nej'), sortValue: (b) => (b.ivoReportable ? 0 : 1) },
    {
      id: 'valid',
      label: 'Gäller',
      render: (b) => (
        <span className="nowrap">
          {b.validFrom} – {b.validTo ?? 'tills vidare'}
          {b.validTo && b.validTo < new Date().toISOString().slice(0, 10) && (
            <span className="tags">
              <Badge>Upphört</Badge>
            </span>
          )}
        </span>
      ),
      sortValue: (b) => b.validFrom,
    },
    {
      id: 'actions',
      label: 'Åtgärd',
      render: (b) => (
        <Button variant="secondary" onPress={() => setEditing(b)} aria-label={`Ändra ${b.code}`}>
          Ändra
        </Button>
      ),
    },
  ];
  const t = useClientTable(q.data?.items ?? [], columns, { column: 'code', direction: 'asc' });
  return (
    <Page
      title="Rättsliga grunder"
      breadcrumbs={ADMIN_CRUMBS}
      lead="Ett beslut sparar den rättsliga grund som gällde på beslutsdagen. Ändra därför inte texten i en grund som har använts – lägg i stället till en ny med nytt startdatum och sätt slutdatum på den gamla."
      actions={
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            Lägg till rättslig grund
          </Button>
        )
      }
    >
      {message && <Notice tone="success" title={message} live />}
      {adding && (
        <Section title="Ny rättslig grund" id="new-basis">
          <LegalBasisForm
            onDone={(m) => {
              setAdding(false);
              if (m) setMessage(m);
            }}
          />
        </Section>
      )}
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <DataTable label="Rättsliga grunder" columns={columns} rows={t.rows} sort={t.sort} onSortChange={t.setSort} empty="Katalogen är tom." />
          <Pager page={t.page} pageSize={t.pageSize} total={t.total} onPage={t.setPage} />
        </>
      )}
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={`Ändra ${editing?.code ?? 'rättslig grund'}`}>
        {editing && (
          <LegalBasisForm
            basis={editing}
            onDone={(m) => {
              setEditing(null);
              if (m) setMessage(m);
            }}
          />
        )}
      </ModalDialog>
    </Page>
  );
}

function LegalBasisForm({ basis, onDone }: { basis?: LegalBasis; onDone: (m: string | null) => void }) {
  const qc = useQueryClient();
  const b = basis;
  const form = useForm({
    id: b ? 'basis-edit' : 'basis-new',
    initial: {
      code: b?.code ?? '',
      route: b?.route ?? '',
      law: b?.law ?? '',
      paragraph: b?.paragraph ?? '',
      name: b?.name ?? '',
      printText: b?.printText ?? '',
      appealRoute: b?.appealRoute ?? '',
      ivoReportable: b?.ivoReportable ?? false,
      feeRule: b?.feeRule ?? '',
      validFrom: b?.validFrom ?? '',
      validTo: b?.validTo ?? '',
    },
    schema: (b ? legalBasisUpdateBody : legalBasisBody) as typeof legalBasisBody,
    toBody: (v) => ({
      ...v,
      route: v.route || undefined,
      appealRoute: v.appealRoute || undefined,
      feeRule: v.feeRule || undefined,
      validFrom: v.validFrom.trim(),
      validTo: v.validTo.trim() || null,
      ...(b ? { version: b.version } : {}),
    }),
    onSubmit: async (body) => {
      const saved = b ? await api<LegalBasis>(`/admin/legal-bases/${b.id}`, { method: 'PATCH', body }) : await api<LegalBasis>('/admin/legal-bases', { body });
      await qc.invalidateQueries({ queryKey: ['admin', 'legal-bases'] });
      onDone(`${saved.code} är sparad.`);
    },
  });
  return (
    <Form
      form={form}
      aria-label={b ? 'Ändra rättslig grund' : 'Ny rättslig grund'}
      onReload={() => {
        void qc.invalidateQueries({ queryKey: ['admin', 'legal-bases'] });
        onDone(null);
      }}
    >
      <TextInput name="code" label="Kod" hint="Versaler, siffror och _ : . -, till exempel LSS_9_4." width="m" autoComplete="off" />
      <RadioInput name="route" label="Lag" inline options={routeOptions} />
      <TextInput name="law" label="Lag (som den skrivs i beslutet)" hint="Till exempel Lag (1993:387) om stöd och service till vissa funktionshindrade." width="full" autoComplete="off" />
      <TextInput name="paragraph" label="Paragraf" hint="Till exempel 9 § 4." width="m" autoComplete="off" />
      <TextInput name="name" label="Benämning" width="full" autoComplete="off" />
      <TextAreaInput name="printText" label="Text i beslutet" rows={4} />
      <RadioInput name="appealRoute" label="Hur överklagas beslutet?" options={APPEAL_ROUTES.map((r) => ({ value: r, label: appealRouteLabel[r] }))} />
      <CheckboxInput name="ivoReportable" label="Ej verkställda beslut rapporteras till IVO" />
      <RadioInput name="feeRule" label="Avgift" options={FEE_RULES.map((r) => ({ value: r, label: feeRuleLabel[r] }))} />
      <div className="field-row">
        <DateInput name="validFrom" label="Gäller från" />
        <DateInput name="validTo" label="Gäller till" optional />
      </div>
      <ButtonRow>
        <SubmitButton form={form}>Spara</SubmitButton>
        <Button variant="secondary" onPress={() => onDone(null)}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}
