// Search persons by name or (part of a) personnummer. The query is sent in a POST body, never in the URL.
import { useState } from 'react';
import { PERSON_SEARCH_LIMIT, personSearchBody } from '../../../src/people/schema';
import { api } from '../platform/api';
import { useCan } from '../platform/auth';
import { Form, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { DataTable, type ColumnDef } from '../platform/table';
import { FictitiousTag, Link, LinkButton, ProtectedBadge } from '../platform/ui';
import { idKindLabel, showIdentityNumber, type PersonSummary } from './api';
import { prefillState } from './person-create-page';

// Kept while the app is open, so "back" from a person shows the same results.
let lastSearch: { query: string; items: PersonSummary[] } | null = null;

const columns: ColumnDef<PersonSummary>[] = [
  {
    id: 'name',
    label: 'Namn',
    isRowHeader: true,
    render: (p) => (
      <>
        <Link href={`/personer/${p.id}`}>
          {p.lastName}, {p.firstName}
        </Link>
        {(p.protectedIdentity || p.fictitious) && (
          <span className="tags">
            {p.protectedIdentity && <ProtectedBadge />}
            {p.fictitious && <FictitiousTag />}
          </span>
        )}
      </>
    ),
  },
  { id: 'identityNumber', label: 'Nummer', render: (p) => <span className="nowrap">{showIdentityNumber(p)}</span> },
  { id: 'idKind', label: 'Typ av nummer', render: (p) => idKindLabel[p.idKind] },
  { id: 'birthDate', label: 'Födelsedatum', render: (p) => p.birthDate ?? (p.birthDatePartial ? `${p.birthDatePartial} (ofullständigt)` : '–') },
];

export function PersonSearchPage() {
  const canWrite = useCan('person:write');
  const [result, setResult] = useState(lastSearch);
  const form = useForm({
    id: 'person-search',
    initial: { query: lastSearch?.query ?? '' },
    schema: personSearchBody,
    onSubmit: async (body) => {
      const res = await api<{ items: PersonSummary[] }>('/persons/search', { body });
      lastSearch = { query: body.query, items: res.items };
      setResult(lastSearch);
    },
  });
  return (
    <Page
      title="Sök person"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      actions={
        canWrite && (
          <LinkButton variant="secondary" href="/personer/ny">
            Registrera ny person
          </LinkButton>
        )
      }
    >
      <Form form={form} className="search-form" aria-label="Sök person" failureTitle="Det gick inte att söka">
        <div className="search-row">
          <TextInput
            name="query"
            label="Namn eller personnummer"
            hint="Skriv början av efternamn eller förnamn, eller hela eller delar av personnumret, till exempel 19121212-1212."
            type="search"
            autoComplete="off"
            width="l"
          />
          <SubmitButton form={form}>Sök</SubmitButton>
        </div>
      </Form>
      {result && (
        <section className="section" aria-labelledby="results-heading">
          <h2 id="results-heading" aria-live="polite">
            {result.items.length === 0
              ? `Ingen träff på ”${result.query}”`
              : `${result.items.length} ${result.items.length === 1 ? 'träff' : 'träffar'} på ”${result.query}”`}
          </h2>
          {result.items.length === 0 ? (
            <p>
              Kontrollera stavningen eller sök på personnummer i stället.
              {canWrite && (
                <>
                  {' '}
                  Finns personen inte i Kontakt kan du{' '}
                  <Link href="/personer/ny" routerOptions={{ state: prefillState(result.query) }}>
                    registrera en ny person
                  </Link>
                  .
                </>
              )}
            </p>
          ) : (
            <>
              <DataTable label="Sökresultat" columns={columns} rows={result.items} />
              {result.items.length >= PERSON_SEARCH_LIMIT && (
                <p className="muted">Visar de {PERSON_SEARCH_LIMIT} första träffarna. Skriv mer av namnet eller numret för att få färre träffar.</p>
              )}
            </>
          )}
        </section>
      )}
    </Page>
  );
}
