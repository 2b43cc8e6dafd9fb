// One person: identity, address and contact (hidden by skyddad identitet), legal representatives, and cases.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { personUpdateBody, representativeBody, representativeKindLabel, REPRESENTATIVE_KINDS, representativeUpdateBody } from '../../../src/people/schema';
import { routeLabel, type PersonCasesOut } from '../../../src/intake/schema';
import { describeAge, describeBirth } from '../../../src/people/rules';
import { today } from '../platform/dates';
import { api, isApiError } from '../platform/api';
import { ConfirmDialog, ModalDialog } from '../platform/dialog';
import { useCan } from '../platform/auth';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { EditForm, RadioInput, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { DataTable, type ColumnDef } from '../platform/table';
import { Badge, Button, FictitiousTag, Link, LinkButton, Notice, ProtectedBadge, Section, SummaryList } from '../platform/ui';
import { idKindLabel, personQueryKey, showIdentityNumber, type Person } from './api';
import { ContactFields, ProtectedIdentityField } from './person-fields';

type Representative = Person['representatives'][number];
type PersonCase = PersonCasesOut['items'][number];

export const PROTECTED_NOTICE = 'Skyddad identitet – adress och kontaktuppgifter visas inte.';
const PROTECTED_WHO = 'Bara den som har behörighet till skyddad identitet och ett ärende för personen i sin enhet kan se och ändra dem.';
const PROTECTED_SHOWN = 'Personen har skyddad identitet. Du ser uppgifterna med din behörighet, och varje visning loggas. Lämna inte ut dem.';

export function PersonPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: personQueryKey(id), queryFn: () => api<Person>(`/persons/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar personen" />;
  if (q.isError) {
    if (isApiError(q.error) && (q.error.status === 404 || q.error.status === 403 || q.error.status === 400)) return <NotFoundOrForbidden what="person" />;
    return <PageError error={q.error} />;
  }
  return <PersonView person={q.data} />;
}

function PersonView({ person }: { person: Person }) {
  const notice = useActionNotice();
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Page
      title={name}
      breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Sök person', href: '/personer' }]}
      tags={
        (person.protectedIdentity || person.fictitious) && (
          <>
            {person.protectedIdentity && <ProtectedBadge />}
            {person.fictitious && <FictitiousTag />}
          </>
        )
      }
      actions={
        person.abilities.canRegisterRequest && (
          <LinkButton href={`/arenden/ny?person=${person.id}`}>Registrera ansökan eller aktualisering</LinkButton>
        )
      }
    >
      <ActionNotice notice={notice} />
      <PersonDetails person={person} onSaved={notice.show} />
      <PersonCases personId={person.id} />
      <Representatives person={person} onSaved={notice.show} />
    </Page>
  );
}

function PersonDetails({ person, onSaved }: { person: Person; onSaved: (m: string) => void }) {
  const [editing, setEditing] = useState(false);
  const canEdit = person.abilities.canEdit && !person.contactHidden;
  return (
    <Section
      title="Personuppgifter"
      id="details"
      actions={
        canEdit &&
        !editing && (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            Ändra uppgifter
          </Button>
        )
      }
    >
      {editing ? (
        <PersonEditForm
          person={person}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved('Personuppgifterna är sparade.');
          }}
        />
      ) : (
        <>
          <SummaryList
            rows={[
              [idKindLabel[person.idKind], <span key="id" className="nowrap">{showIdentityNumber(person)}</span>],
              ['Födelsedatum', describeBirth(person)],
              ['Ålder', describeAge(person, today())],
              ['Skyddad identitet', person.protectedIdentity ? 'Ja' : 'Nej'],
            ]}
          />
          <h3>Adress och kontaktuppgifter</h3>
          {person.contactHidden || !person.contact ? (
            <Notice tone="warning">
              <p>{PROTECTED_NOTICE}</p>
              {person.protectedIdentity && <p>{PROTECTED_WHO}</p>}
            </Notice>
          ) : (
            <>
              {person.protectedIdentity && (
                <Notice tone="warning">
                  <p>{PROTECTED_SHOWN}</p>
                </Notice>
              )}
              <SummaryList
                rows={[
                  ['Adress', [person.contact.streetAddress, [person.contact.postalCode, person.contact.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
                  ['Telefon', person.contact.phone],
                  ['E-post', person.contact.email],
                ]}
              />
            </>
          )}
        </>
      )}
    </Section>
  );
}

/** After a version conflict: fetch the person again and close the form. */
function reloadPerson(qc: QueryClient, person: Person, onDone: (saved: boolean) => void) {
  return () => {
    void qc.invalidateQueries({ queryKey: personQueryKey(person.id) });
    onDone(false);
  };
}

function PersonEditForm({ person, onDone }: { person: Person; onDone: (saved: boolean) => void }) {
  const qc = useQueryClient();
  const c = person.contact;
  const form = useForm({
    id: 'person-edit',
    initial: {
      firstName: person.firstName,
      lastName: person.lastName,
      protectedIdentity: person.protectedIdentity,
      streetAddress: c?.streetAddress ?? '',
      postalCode: c?.postalCode ?? '',
      city: c?.city ?? '',
      phone: c?.phone ?? '',
      email: c?.email ?? '',
    },
    schema: personUpdateBody,
    toBody: (v) => ({ ...v, version: person.version }),
    onSubmit: async (body) => {
      const saved = await api<Person>(`/persons/${person.id}`, { method: 'PATCH', body });
      qc.setQueryData(personQueryKey(person.id), saved);
      onDone(true);
    },
  });
  return (
    <EditForm form={form} aria-label="Ändra personuppgifter" onReload={reloadPerson(qc, person, onDone)} onCancel={() => onDone(false)}>
      <TextInput name="firstName" label="Förnamn" width="l" autoComplete="off" />
      <TextInput name="lastName" label="Efternamn" width="l" autoComplete="off" />
      <ProtectedIdentityField />
      <ContactFields />
    </EditForm>
  );
}

const caseColumns = (canOpenCase: boolean): ColumnDef<PersonCase>[] => [
  { id: 'caseNumber', label: 'Ärende', isRowHeader: true, render: (c) => (canOpenCase ? <Link href={`/arenden/${c.id}`}>{c.caseNumber}</Link> : c.caseNumber) },
  { id: 'route', label: 'Lag', render: (c) => routeLabel[c.route] },
  { id: 'receivedDate', label: 'Inkom', render: (c) => <span className="nowrap">{c.receivedDate}</span> },
  { id: 'status', label: 'Status', render: (c) => <Badge tone="info">{c.statusLabel}</Badge> },
];

/** The person's cases come from intake (GET /api/persons/:id/cases), in the reader's case scope. */
function PersonCases({ personId }: { personId: string }) {
  // Link only to what this role can open.
  const canOpenCase = useCan('case:read');
  const q = useQuery({ queryKey: [...personQueryKey(personId), 'cases'], queryFn: () => api<PersonCasesOut>(`/persons/${encodeURIComponent(personId)}/cases`) });
  const cases = q.data?.items ?? [];
  return (
    <Section title="Ärenden" id="cases">
      {q.isPending ? (
        <Loading label="Hämtar ärenden" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : cases.length === 0 ? (
        <p>Personen har inga ärenden som du kan se.</p>
      ) : (
        <DataTable label="Personens ärenden" columns={caseColumns(canOpenCase)} rows={cases} />
      )}
    </Section>
  );
}

const kindOptions = REPRESENTATIVE_KINDS.map((k) => ({ value: k, label: representativeKindLabel[k] }));

function Representatives({ person, onSaved }: { person: Person; onSaved: (m: string) => void }) {
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Representative | null>(null);
  const [removing, setRemoving] = useState<Representative | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removePending, setRemovePending] = useState(false);
  const canEdit = person.abilities.canEdit;

  async function remove(r: Representative) {
    setRemovePending(true);
    setRemoveError(null);
    try {
      const saved = await api<Person>(`/persons/${person.id}/representatives/${r.id}?version=${r.version}`, { method: 'DELETE' });
      qc.setQueryData(personQueryKey(person.id), saved);
      setRemoving(null);
      onSaved(`${r.name} är borttagen som företrädare.`);
    } catch (e) {
      setRemoveError(isApiError(e) ? e.message : 'Det gick inte att ta bort företrädaren.');
    } finally {
      setRemovePending(false);
    }
  }

  return (
    <Section
      title="Företrädare"
      id="representatives"
      actions={
        canEdit &&
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            Lägg till företrädare
          </Button>
        )
      }
    >
      <p className="muted">Vårdnadshavare, god man eller förvaltare som företräder personen.</p>
      {person.representatives.length === 0 ? (
        <p>Inga företrädare är registrerade.</p>
      ) : (
        <ul className="record-list">
          {person.representatives.map((r) => (
            <li key={r.id} className="record">
              <div>
                <p className="record-title">
                  {r.name} <Badge>{representativeKindLabel[r.kind]}</Badge>
                </p>
                {person.contactHidden ? null : (
                  <p className="record-meta">{[r.phone, r.email, r.address].filter(Boolean).join(' · ') || 'Inga kontaktuppgifter'}</p>
                )}
              </div>
              {canEdit && (
                <div className="record-actions">
                  <Button variant="secondary" onPress={() => setEditing(r)} aria-label={`Ändra ${r.name}`}>
                    Ändra
                  </Button>
                  <Button variant="secondary" onPress={() => { setRemoveError(null); setRemoving(r); }} aria-label={`Ta bort ${r.name}`}>
                    Ta bort
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="panel">
          <h3>Lägg till företrädare</h3>
          <RepresentativeForm
            person={person}
            onDone={(saved) => {
              setAdding(false);
              if (saved) onSaved('Företrädaren är tillagd.');
            }}
          />
        </div>
      )}
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)} title="Ändra företrädare">
        {editing && (
          <RepresentativeForm
            person={person}
            representative={editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) onSaved('Företrädaren är ändrad.');
            }}
          />
        )}
      </ModalDialog>
      <ConfirmDialog
        isOpen={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && void remove(removing)}
        title="Ta bort företrädare?"
        confirmLabel="Ta bort"
        pending={removePending}
      >
        <p>
          {removing?.name} tas bort som {removing ? representativeKindLabel[removing.kind].toLowerCase() : ''} för {person.firstName} {person.lastName}.
        </p>
        {removeError && (
          <Notice tone="error" live>
            <p>{removeError}</p>
          </Notice>
        )}
      </ConfirmDialog>
    </Section>
  );
}

function RepresentativeForm({ person, representative, onDone }: { person: Person; representative?: Representative; onDone: (saved: boolean) => void }) {
  const qc = useQueryClient();
  const r = representative;
  const form = useForm({
    id: r ? `rep-edit` : 'rep-add',
    initial: { kind: r?.kind ?? '', name: r?.name ?? '', phone: r?.phone ?? '', email: r?.email ?? '', address: r?.address ?? '' },
    schema: r ? representativeUpdateBody : representativeBody,
    toBody: (v) => (r ? { ...v, version: r.version } : v),
    onSubmit: async (body) => {
      const saved = r
        ? await api<Person>(`/persons/${person.id}/representatives/${r.id}`, { method: 'PATCH', body })
        : await api<Person>(`/persons/${person.id}/representatives`, { body });
      qc.setQueryData(personQueryKey(person.id), saved);
      onDone(true);
    },
  });
  return (
    <EditForm
      form={form}
      aria-label={r ? 'Ändra företrädare' : 'Lägg till företrädare'}
      submitLabel={r ? 'Spara' : 'Lägg till'}
      onReload={reloadPerson(qc, person, onDone)}
      onCancel={() => onDone(false)}
    >
      <RadioInput name="kind" label="Typ av företrädare" options={kindOptions} />
      <TextInput name="name" label="Namn" width="l" autoComplete="off" />
      <TextInput name="phone" label="Telefon" optional type="tel" width="m" autoComplete="off" />
      <TextInput name="email" label="E-post" optional type="email" width="l" autoComplete="off" />
      <TextAreaInput name="address" label="Adress" optional rows={2} />
    </EditForm>
  );
}
