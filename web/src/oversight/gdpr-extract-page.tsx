// Registerutdrag (/loggkontroll/registerutdrag): the enhetschef finds the person and downloads everything Kontakt holds
// about them (GDPR art. 15) as a PDF to send to the person and as a JSON file. Each download is logged.
import { useState } from 'react';
import { personSearchBody } from '../../../src/people/schema';
import { api } from '../platform/api';
import { Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { DataTable, type ColumnDef } from '../platform/table';
import { ProtectedBadge } from '../platform/ui';
import { showIdentityNumber, type PersonSummary } from '../people/api';

const columns: ColumnDef<PersonSummary>[] = [
  {
    id: 'name',
    label: 'Namn',
    isRowHeader: true,
    render: (p) => (
      <>
        {p.lastName}, {p.firstName} {p.protectedIdentity && <ProtectedBadge />}
      </>
    ),
  },
  { id: 'identityNumber', label: 'Nummer', render: (p) => <span className="nowrap">{showIdentityNumber(p)}</span> },
  {
    id: 'files',
    label: 'Registerutdrag',
    render: (p) => (
      <span className="card-links">
        <a className="btn btn-secondary" href={`/api/persons/${p.id}/register-extract.pdf`} download aria-label={`Registerutdrag som PDF för ${p.firstName} ${p.lastName}`}>
          PDF till personen
        </a>
        <a className="btn btn-secondary" href={`/api/persons/${p.id}/register-extract.json`} download aria-label={`Registerutdrag som JSON-fil för ${p.firstName} ${p.lastName}`}>
          JSON-fil
        </a>
      </span>
    ),
  },
];

export function GdprExtractPage() {
  const [items, setItems] = useState<PersonSummary[] | null>(null);
  const form = useForm({
    id: 'extract-search',
    initial: { query: '' },
    schema: personSearchBody,
    onSubmit: async (body) => {
      setItems((await api<{ items: PersonSummary[] }>('/persons/search', { body })).items);
    },
  });
  return (
    <Page
      title="Registerutdrag"
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Loggkontroll', href: '/loggkontroll' },
      ]}
      lead="En person har rätt att få veta vilka uppgifter om hen som finns i Kontakt (dataskyddsförordningen artikel 15). Sök fram personen och hämta utdraget. Utdraget innehåller personuppgifter, ärenden, utredningar, beslut, brev, beställningar, uppdrag, rapporter och vem som har läst uppgifterna. Varje utdrag loggas."
    >
      <Form form={form} className="search-form" aria-label="Sök person för registerutdrag" failureTitle="Det gick inte att söka">
        <div className="search-row">
          <TextInput name="query" label="Namn eller personnummer" hint="Till exempel 19121212-1212." type="search" autoComplete="off" width="l" />
          <SubmitButton form={form}>Sök</SubmitButton>
        </div>
      </Form>
      {items && (
        <section className="section" aria-labelledby="extract-results">
          <h2 id="extract-results" aria-live="polite">
            {items.length === 1 ? '1 person' : `${items.length} personer`}
          </h2>
          <DataTable label="Personer" columns={columns} rows={items} empty="Ingen person matchar sökningen." />
        </section>
      )}
    </Page>
  );
}
