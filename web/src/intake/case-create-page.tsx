// Register a request (ansökan) or a referral (aktualisering) for a person.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { requestersFor, requestProblems } from '../../../src/intake/rules';
import { CHANNELS, channelLabel, REQUESTERS, registerRequestBody, requesterLabel, ROUTES, routeLabel } from '../../../src/intake/schema';
import { api, isApiError } from '../platform/api';
import { useCan, useCurrentUser } from '../platform/auth';
import { today } from '../platform/dates';
import { DateInput, Form, RadioInput, SelectInput, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { ButtonRow, FictitiousTag, Link, LinkButton, Notice, ProtectedBadge } from '../platform/ui';
import { personQueryKey, showIdentityNumber, type Person } from '../people/api';
import { caseQueryKey, type Case, type Staff } from './api';
import { fieldErrorsOf } from './case-step';

const routeHints: Record<(typeof ROUTES)[number], string> = {
  LSS: 'Biträde av kontaktperson enligt 9 § 4 LSS.',
  SOL: 'Kontaktperson som bistånd enligt socialtjänstlagen.',
};

export function CaseCreatePage() {
  const [params] = useSearchParams();
  const personId = params.get('person');
  const person = useQuery({
    queryKey: personQueryKey(personId ?? ''),
    queryFn: () => api<Person>(`/persons/${encodeURIComponent(personId ?? '')}`),
    enabled: !!personId,
  });
  if (!personId) {
    return (
      <Page title="Registrera ansökan eller aktualisering" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Ärenden', href: '/arenden' }]}>
        <Notice tone="info">
          <p>
            Börja med att <Link href="/personer">söka fram personen</Link>. Från personens sida registrerar du ansökan eller aktualiseringen.
          </p>
        </Notice>
      </Page>
    );
  }
  if (person.isPending) return <Loading label="Hämtar personen" />;
  if (person.isError) {
    if (isApiError(person.error) && [400, 403, 404].includes(person.error.status)) return <NotFoundOrForbidden what="person" />;
    return <PageError error={person.error} />;
  }
  return <CaseCreateForm person={person.data} />;
}

function CaseCreateForm({ person }: { person: Person }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const canAssign = useCan('case:assign');
  const staff = useQuery({
    queryKey: ['staff', 'handlaggare'],
    queryFn: () => api<{ items: Staff[] }>('/staff?role=handlaggare'),
    enabled: canAssign,
  });

  const form = useForm({
    id: 'request',
    initial: {
      route: '',
      requester: '',
      requesterName: '',
      channel: '',
      receivedDate: today(),
      responsibleUserId: '',
      description: '',
    },
    schema: registerRequestBody,
    toBody: (v) => ({
      personId: person.id,
      route: v.route || undefined,
      requester: v.requester || undefined,
      requesterName: v.requester && v.requester !== 'person' ? v.requesterName : null,
      channel: v.channel || undefined,
      receivedDate: v.receivedDate.trim(),
      responsibleUserId: v.responsibleUserId || null,
      description: v.description,
    }),
    // The server's own rules (src/intake/rules.ts): a date not in the future, no referral under LSS, the requester's name.
    check: (_v, body) => fieldErrorsOf(requestProblems(body, today())),
    onSubmit: async (body) => {
      const created = await api<Case>('/cases', { body });
      qc.setQueryData(caseQueryKey(created.id), created);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: personQueryKey(person.id) });
      navigate(`/arenden/${created.id}`, { state: { flash: `Ärende ${created.caseNumber} är registrerat.` } });
    },
  });

  const route = form.values.route;
  const requesters = requestersFor(route === 'LSS' ? 'LSS' : 'SOL', REQUESTERS);
  const name = `${person.firstName} ${person.lastName}`;

  return (
    <Page
      title="Registrera ansökan eller aktualisering"
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Sök person', href: '/personer' },
        { label: name, href: `/personer/${person.id}` },
      ]}
    >
      <div className="person-card">
        <p className="person-card-name">
          {name} <span className="nowrap muted">{showIdentityNumber(person)}</span>
        </p>
        {(person.protectedIdentity || person.fictitious) && (
          <p className="tags">
            {person.protectedIdentity && <ProtectedBadge />}
            {person.fictitious && <FictitiousTag />}
          </p>
        )}
      </div>
      <Form form={form} aria-label="Registrera ansökan eller aktualisering" failureTitle="Ärendet kunde inte registreras">
        <RadioInput name="route" label="Vilken lag gäller ärendet?" options={ROUTES.map((r) => ({ value: r, label: routeLabel[r], hint: routeHints[r] }))} />
        <RadioInput
          name="requester"
          label="Vem ansökte eller aktualiserade?"
          hint={route === 'SOL' ? 'En anhörig eller en annan myndighet kan inte ansöka, bara aktualisera. Ärendet blir en ansökan när personen själv ansöker.' : undefined}
          options={requesters.map((r) => ({ value: r, label: requesterLabel[r] }))}
        />
        {form.values.requester && form.values.requester !== 'person' && (
          <TextInput name="requesterName" label="Namn på den som ansökte eller aktualiserade" width="l" autoComplete="off" />
        )}
        <RadioInput name="channel" label="Hur kom ärendet in?" inline options={CHANNELS.map((c) => ({ value: c, label: channelLabel[c] }))} />
        <DateInput name="receivedDate" label="Datum då ärendet kom in" />
        {canAssign ? (
          <SelectInput
            name="responsibleUserId"
            label="Ansvarig handläggare"
            optional
            hint="Om du inte väljer någon blir du själv ansvarig."
            placeholder="Välj handläggare"
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.unitName ? `${s.displayName} (${s.unitName})` : s.displayName }))}
          />
        ) : (
          <p className="hint">Du blir ansvarig handläggare för ärendet ({me.user.displayName}).</p>
        )}
        <TextAreaInput name="description" label="Vad gäller ansökan?" optional hint="Kort om behovet, till exempel önskemål om kontaktperson." rows={4} />
        <ButtonRow>
          <SubmitButton form={form}>Registrera ärendet</SubmitButton>
          <LinkButton variant="secondary" href={`/personer/${person.id}`}>
            Avbryt
          </LinkButton>
        </ButtonRow>
      </Form>
    </Page>
  );
}
