// Units (enheter): each works under LSS or SoL; users belong to one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unitBody, unitUpdateBody } from '../../../src/admin/schema';
import { api } from '../platform/api';
import { ModalDialog } from '../platform/dialog';
import { CheckboxInput, Form, RadioInput, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, useClientTable, type ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, Notice, Section } from '../platform/ui';
import { ADMIN_CRUMBS, routeOptions, type Unit } from './api';

export function UnitsPage() {
  const q = useQuery({ queryKey: ['admin', 'units'], queryFn: () => api<{ items: Unit[] }>('/admin/units') });
  const [editing, setEditing] = useState<Unit | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const columns: ColumnDef<Unit>[] = [
    { id: 'name', label: 'Namn', isRowHeader: true, render: (u) => u.name, sortValue: (u) => u.name },
    { id: 'route', label: 'Lag', render: (u) => (u.route === 'LSS' ? 'LSS' : 'Socialtjänstlagen'), sortValue: (u) => u.route },
    { id: 'active', label: 'Status', render: (u) => (u.active ? <Badge tone="success">Aktiv</Badge> : <Badge>Inaktiv</Badge>), sortValue: (u) => (u.active ? 0 : 1) },
    {
      id: 'actions',
      label: 'Åtgärd',
      render: (u) => (
        <Button variant="secondary" onPress={() => setEditing(u)} aria-label={`Ändra ${u.name}`}>
          Ändra
        </Button>
      ),
    },
  ];
  const t = useClientTable(q.data?.items ?? [], columns, { column: 'name', direction: 'asc' });
  return (
    <Page
      title="Enheter"
      breadcrumbs={ADMIN_CRUMBS}
      actions={
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            Lägg till enhet
          </Button>
        )
      }
    >
      {message && <Notice tone="success" title={message} live />}
      {adding && (
        <Section title="Ny enhet" id="new-unit">
          <UnitForm
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
          <DataTable label="Enheter" columns={columns} rows={t.rows} sort={t.sort} onSortChange={t.setSort} empty="Det finns inga enheter." />
          <Pager page={t.page} pageSize={t.pageSize} total={t.total} onPage={t.setPage} />
        </>
      )}
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={`Ändra ${editing?.name ?? 'enhet'}`}>
        {editing && (
          <UnitForm
            unit={editing}
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

function UnitForm({ unit, onDone }: { unit?: Unit; onDone: (message: string | null) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: unit ? 'unit-edit' : 'unit-new',
    initial: { name: unit?.name ?? '', route: unit?.route ?? '', active: unit?.active ?? true },
    schema: unit ? unitUpdateBody : unitBody,
    toBody: (v) => ({ ...v, route: v.route || undefined, ...(unit ? { version: unit.version } : {}) }),
    onSubmit: async (body) => {
      const saved = unit ? await api<Unit>(`/admin/units/${unit.id}`, { method: 'PATCH', body }) : await api<Unit>('/admin/units', { body });
      await qc.invalidateQueries({ queryKey: ['admin', 'units'] });
      onDone(`Enheten ${saved.name} är sparad.`);
    },
  });
  return (
    <Form
      form={form}
      aria-label={unit ? 'Ändra enhet' : 'Ny enhet'}
      onReload={() => {
        void qc.invalidateQueries({ queryKey: ['admin', 'units'] });
        onDone(null);
      }}
    >
      <TextInput name="name" label="Namn" width="l" autoComplete="off" />
      <RadioInput name="route" label="Lag som enheten arbetar med" options={routeOptions} />
      <CheckboxInput name="active" label="Enheten är aktiv" />
      <ButtonRow>
        <SubmitButton form={form}>Spara</SubmitButton>
        <Button variant="secondary" onPress={() => onDone(null)}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}
