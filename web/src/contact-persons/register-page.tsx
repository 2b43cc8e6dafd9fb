// The register: new applications (the inbox: status "sökande") and search/filter by status, area, interest,
// language, availability and free capacity. Filters live in the address, so a filtered list can be shared.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { AVAILABILITY_SLOTS, availabilityLabel, CP_STATUSES, cpStatusLabel } from '../../../src/contact-persons/rules';
import { api } from '../platform/api';
import { CheckboxInput, Form, SelectInput, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, type ColumnDef } from '../platform/table';
import { Badge, ButtonRow, Link, LinkButton } from '../platform/ui';
import type { ContactPersonList, ContactPersonSummary, Districts } from './api';
import { DisposalSection } from './disposal-section';
import { useCan } from '../platform/auth';

const PAGE_SIZE = 25;
const FILTERS = ['status', 'districtId', 'interest', 'language', 'availability', 'freeCapacity', 'name'] as const;
const passThrough = { safeParse: (v: unknown) => ({ success: true as const, data: v as Record<string, string | boolean> }) };

export function RegisterPage() {
  const [params, setParams] = useSearchParams();
  const canWrite = useCan('contact-person:write');
  const inbox = params.get('visa') === 'nya';
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (inbox) query.set('status', 'applicant');
  else for (const f of FILTERS) if (params.get(f)) query.set(f, params.get(f) ?? '');
  const q = useQuery({ queryKey: ['contact-persons', query.toString()], queryFn: () => api<ContactPersonList>(`/contact-persons?${query}`), placeholderData: keepPreviousData });
  const options = useQuery({ queryKey: ['contact-persons', 'districts'], queryFn: () => api<Districts>('/contact-persons/districts'), staleTime: 60_000 });

  const columns: ColumnDef<ContactPersonSummary>[] = [
    { id: 'name', label: 'Namn', isRowHeader: true, render: (c) => <Link href={`/kontaktpersoner/${c.id}`}>{c.name}</Link> },
    { id: 'status', label: 'Status', render: (c) => <Badge tone={c.status === 'available' ? 'success' : 'info'}>{c.statusLabel}</Badge> },
    { id: 'appliedDate', label: 'Ansökte', render: (c) => <span className="nowrap">{c.appliedDate}</span> },
    { id: 'district', label: 'Område', render: (c) => c.district ?? <span className="muted">Inte angivet</span> },
    { id: 'languages', label: 'Språk', render: (c) => c.languages.join(', ') || <span className="muted">Inte angivet</span> },
    {
      id: 'flags',
      label: 'Att observera',
      render: (c) => (
        <span className="tags">
          {c.duplicate && <Badge tone="warning">Finns redan</Badge>}
          {c.isClient && <Badge tone="warning">Är också brukare</Badge>}
          {!c.duplicate && !c.isClient && <span className="muted">Inget</span>}
        </span>
      ),
    },
  ];

  return (
    <Page title="Kontaktpersoner" breadcrumbs={[{ label: 'Start', href: '/' }]}>
      <nav className="tabs" aria-label="Vilka kontaktpersoner">
        <ul>
          <li>
            <Link href="/kontaktpersoner?visa=nya" className={`tab${inbox ? ' active' : ''}`} aria-current={inbox ? 'page' : undefined}>
              Nya ansökningar
            </Link>
          </li>
          <li>
            <Link href="/kontaktpersoner" className={`tab${!inbox ? ' active' : ''}`} aria-current={!inbox ? 'page' : undefined}>
              Sök i registret
            </Link>
          </li>
        </ul>
      </nav>
      <p>
        <Link href="/kontaktpersoner/paminnelser">Påminnelser</Link>
      </p>
      {!inbox && options.data && <Filters key={params.toString()} options={options.data} params={params} onSearch={(next) => setParams(next)} />}
      {q.isPending && <Loading label="Hämtar kontaktpersoner" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <p role="status">{q.data.totalCapped ? `Fler än ${q.data.total.toLocaleString('sv-SE')} träffar. Välj fler filter för att se färre.` : q.data.total === 1 ? '1 träff' : `${q.data.total} träffar`}</p>
          <DataTable label={inbox ? 'Nya ansökningar' : 'Kontaktpersoner'} columns={columns} rows={q.data.items} empty={inbox ? 'Det finns inga nya ansökningar.' : 'Ingen kontaktperson matchar sökningen.'} />
          <Pager
            page={q.data.page}
            pageSize={q.data.pageSize}
            total={q.data.total}
            onPage={(p) => {
              const next = new URLSearchParams(params);
              next.set('sida', String(p));
              setParams(next);
            }}
            label="Sidor i registret"
          />
        </>
      )}
      {canWrite && !inbox && <DisposalSection />}
    </Page>
  );
}

function Filters({ options, params, onSearch }: { options: Districts; params: URLSearchParams; onSearch: (p: URLSearchParams) => void }) {
  const form = useForm({
    id: 'filter',
    initial: {
      name: params.get('name') ?? '',
      status: params.get('status') ?? '',
      districtId: params.get('districtId') ?? '',
      interest: params.get('interest') ?? '',
      language: params.get('language') ?? '',
      availability: params.get('availability') ?? '',
      freeCapacity: params.get('freeCapacity') === 'yes',
    },
    schema: passThrough,
    onSubmit: (v) => {
      const next = new URLSearchParams();
      for (const [k, val] of Object.entries(v)) {
        if (k === 'freeCapacity') {
          if (val === true) next.set(k, 'yes');
        } else if (typeof val === 'string' && val.trim()) next.set(k, val.trim());
      }
      onSearch(next);
    },
  });
  return (
    <Form form={form} aria-label="Sök och filtrera" className="filter-form">
      <TextInput name="name" label="Namn" optional width="l" />
      <SelectInput name="status" label="Status" optional placeholder="Alla" options={[{ value: '', label: 'Alla' }, ...CP_STATUSES.map((s) => ({ value: s, label: cpStatusLabel[s] }))]} />
      <SelectInput name="districtId" label="Område" optional placeholder="Alla" options={[{ value: '', label: 'Alla' }, ...options.items.map((d) => ({ value: d.id, label: d.name }))]} />
      <SelectInput name="interest" label="Intresse" optional placeholder="Alla" options={[{ value: '', label: 'Alla' }, ...options.interests.map((i) => ({ value: i.code, label: i.label }))]} />
      <TextInput name="language" label="Språk" optional width="m" />
      <SelectInput
        name="availability"
        label="Kan träffas"
        optional
        placeholder="När som helst"
        options={[{ value: '', label: 'När som helst' }, ...AVAILABILITY_SLOTS.map((a) => ({ value: a, label: availabilityLabel[a] }))]}
      />
      <CheckboxInput name="freeCapacity" label="Bara de som är lediga för ett nytt uppdrag" />
      <ButtonRow>
        <SubmitButton form={form}>Sök</SubmitButton>
        <LinkButton variant="secondary" href="/kontaktpersoner">
          Rensa
        </LinkButton>
      </ButtonRow>
    </Form>
  );
}
