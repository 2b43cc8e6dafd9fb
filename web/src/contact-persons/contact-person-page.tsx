// One contact person (the coordinator's pipeline page): status, "finns redan" and "är också brukare", every
// requirement's state, the profile, and the steps — interview (booked, .ics, held), references, registerkontroll
// (and whether it holds for an assignment), pledge, introduction, approve, decline/withdraw/end, pause, contact.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  ACTIVITIES,
  activityLabel,
  ageGroupLabel,
  availabilityLabel,
  END_REASONS,
  endReasonLabel,
  REFERENCE_OUTCOMES,
  referenceOutcomeLabel,
  REGISTERS,
  registerLabel,
  travelLabel,
  type AgeGroup,
  type AvailabilitySlot,
  type TravelMean,
} from '../../../src/contact-persons/rules';
import {
  approveBody,
  bookInterviewBody,
  checkValidityBody,
  contactBody,
  endBody,
  endPauseBody,
  pauseBody,
  referenceBody,
  registerCheckBody,
  stepBody,
} from '../../../src/contact-persons/schema';
import { api, isApiError } from '../platform/api';
import { formatDateTime, today } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, RadioInput, SubmitButton, TextAreaInput, TextInput, useForm, useVersionedForm, type FormApi, type VersionedFormSpec } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { DataTable } from '../platform/table';
import { Badge, Button, Link, Notice, Section, SummaryList } from '../platform/ui';
import { cpQueryKey, type ContactPerson } from './api';
import { CheckboxGroupInput } from './checkbox-group-input';
import { PaymentSection } from './payment-section';
import { ContactLogSections } from '../assignments/contacts-section';
import { ProfileSection } from './profile-section';

export function ContactPersonPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: cpQueryKey(id), queryFn: () => api<ContactPerson>(`/contact-persons/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar kontaktpersonen" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message="Kontaktpersonen finns inte, eller så har du inte behörighet att se den." />;
    return <PageError error={q.error} />;
  }
  return <ContactPersonView cp={q.data} />;
}

type Props = { cp: ContactPerson; notice: ActionNoticeApi };

function ContactPersonView({ cp }: { cp: ContactPerson }) {
  const notice = useActionNotice();
  const a = cp.abilities;
  const approved = cp.approvedDate !== null;
  return (
    <Page
      title={cp.name}
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Kontaktpersoner', href: '/kontaktpersoner' },
      ]}
      tags={
        <>
          <span className="page-status">
            Status: <Badge tone={cp.status === 'available' ? 'success' : 'info'}>{cp.statusLabel}</Badge>
          </span>
          {cp.duplicate && <Badge tone="warning">Finns redan</Badge>}
          {cp.isClient && <Badge tone="warning">Är också brukare</Badge>}
        </>
      }
    >
      <ActionNotice notice={notice} />
      {cp.duplicates.length > 0 && (
        <Notice tone="warning" title="Personnumret finns redan i registret">
          <p>Samma personnummer finns på en annan ansökan eller kontaktperson. Inget har ändrats automatiskt. Bestäm vilken som gäller och avsluta den andra.</p>
          <ul>
            {cp.duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/kontaktpersoner/${d.id}`}>{d.name}</Link>, ansökte {d.appliedDate} ({d.status.toLowerCase()})
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {cp.isClient && (
        <Notice tone="warning" title="Den sökande är också registrerad som brukare">
          <p>Personnumret finns bland personerna i Kontakt. Tänk på jäv och sekretess innan du går vidare.</p>
        </Notice>
      )}
      {cp.blockedForNewAssignments && (
        <Notice tone="warning" title="Kan inte få nya uppdrag">
          <p>Ett krav har gått ut eller saknas. Förnya det innan kontaktpersonen får ett nytt uppdrag.</p>
          {cp.assignmentsToFollowUp > 0 && (
            <p>
              {cp.assignmentsToFollowUp === 1 ? 'Ett pågående uppdrag eller erbjudande berörs' : `${cp.assignmentsToFollowUp} pågående uppdrag eller erbjudanden berörs`}. Följ upp
              {cp.assignmentsToFollowUp === 1 ? ' det' : ' dem'} tills kravet är förnyat.
            </p>
          )}
        </Notice>
      )}
      {cp.endedDate && (
        <Notice tone="info" title={`${cp.endReasonLabel ?? 'Avslutad'} ${cp.endedDate}`}>
          {cp.endNote && <p>{cp.endNote}</p>}
        </Notice>
      )}
      <Requirements cp={cp} />
      <Details cp={cp} />
      {a.canEdit && <ProfileSection cp={cp} notice={notice} />}
      {a.canEdit && !approved && <InterviewSection cp={cp} notice={notice} />}
      {a.canEdit && !approved && <StepSection cp={cp} notice={notice} kind="interview" title="Intervjun är hållen" intro="Skriv din bedömning efter intervjun." notes />}
      <ReferencesSection cp={cp} notice={notice} />
      <RegisterCheckSection cp={cp} notice={notice} />
      {a.canEdit && !approved && <StepSection cp={cp} notice={notice} kind="pledge" title="Tystnadsförbindelse" intro="Registrera när den sökande skrev under tystnadsförbindelsen." />}
      {a.canEdit && !approved && <StepSection cp={cp} notice={notice} kind="introduction" title="Introduktion" intro="Registrera när den sökande fick sin introduktion." />}
      {a.canEdit && !approved && <ApproveSection cp={cp} notice={notice} />}
      {a.canEdit && approved && <ContactSection cp={cp} notice={notice} />}
      {a.canEdit && approved && cp.status !== 'paused' && <PauseSection cp={cp} notice={notice} />}
      {a.canEdit && cp.status === 'paused' && <EndPauseSection cp={cp} notice={notice} />}
      {a.canEdit && approved && <PortalSection cp={cp} />}
      {a.canSeePayment && <PaymentSection cp={cp} />}
      <ContactLogSections cpId={cp.id} notice={notice} />
      {a.canEnd && <EndSection cp={cp} notice={notice} />}
    </Page>
  );
}

function Requirements({ cp }: { cp: ContactPerson }) {
  return (
    <Section title="Krav" id="requirements">
      <DataTable
        label="Krav för att bli kontaktperson"
        columns={[
          { id: 'label', label: 'Krav', isRowHeader: true, render: (r) => r.label },
          {
            id: 'state',
            label: 'Status',
            render: (r) => <Badge tone={r.state === 'done' || r.state === 'not_required' ? 'success' : r.state === 'booked' ? 'info' : 'warning'}>{r.stateLabel}</Badge>,
          },
          { id: 'date', label: 'Datum', render: (r) => r.date ?? <span className="muted">–</span> },
          { id: 'expires', label: 'Gäller till', render: (r) => r.expires ?? <span className="muted">Tills vidare</span> },
        ]}
        rows={cp.requirements.map((r) => ({ ...r, id: r.kind }))}
      />
      {cp.approvedDate ? (
        <p>
          Godkänd {cp.approvedDate}
          {cp.approvedBy ? ` av ${cp.approvedBy}` : ''}.
        </p>
      ) : (
        cp.approvalProblems.length > 0 && <p className="muted">Kvar innan godkännande: {cp.approvalProblems.join(' ')}</p>
      )}
    </Section>
  );
}

const list = (codes: string[], labels?: Record<string, string>) => codes.map((c) => labels?.[c] ?? c).join(', ');

function Details({ cp }: { cp: ContactPerson }) {
  return (
    <Section title="Uppgifter" id="details">
      <SummaryList
        rows={[
          ['Personnummer', cp.identityNumber],
          ['Telefon', cp.phone],
          ['E-post', cp.email],
          ['Adress', [cp.streetAddress, [cp.postalCode, cp.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
          ['Område', cp.district],
          ['Ansökte', `${cp.appliedDate}${cp.source === 'public' ? ' via webbformuläret' : ''}`],
          ['Varför', cp.motivation],
          ['Erfarenhet', cp.experience],
          ['Arbetar på boende', cp.workplace],
          ['Intressen', [list(cp.interests), cp.interestsOther].filter(Boolean).join('. ')],
          ['Språk', list(cp.languages)],
          ['Kan träffas', list(cp.availability, availabilityLabel as Record<AvailabilitySlot, string>)],
          ['Tar sig fram med', list(cp.travel, travelLabel as Record<TravelMean, string>)],
          ['Vill helst träffa', list(cp.ageGroups, ageGroupLabel as Record<AgeGroup, string>)],
          ['Antal uppdrag', `${cp.activeAssignments} av högst ${cp.capacity}`],
          ['Senaste kontakt', cp.lastContactDate],
          cp.pauses.length > 0 && ['Pauser', cp.pauses.map((p) => `${p.fromDate} – ${p.untilDate ?? 'tills vidare'}${p.reason ? ` (${p.reason})` : ''}`).join('; ')],
        ]}
      />
    </Section>
  );
}

/** One step's form: POST /contact-persons/:id/<action> with the version; the page is updated and `message` shown. */
function useCpForm<V extends Record<string, unknown>, Out>(cp: ContactPerson, notice: ActionNoticeApi, { action, method, message, ...spec }: VersionedFormSpec<V, Out> & { action: string; method?: 'POST' | 'PUT'; message: string }) {
  const qc = useQueryClient();
  const form = useVersionedForm(spec, cp.version, async (body) => {
    const saved = await api<ContactPerson>(`/contact-persons/${cp.id}/${action}`, { body, method: method ?? 'POST' });
    qc.setQueryData(cpQueryKey(cp.id), saved);
    void qc.invalidateQueries({ queryKey: ['contact-persons'] });
    notice.show(message);
  });
  return { form, reload: () => void qc.invalidateQueries({ queryKey: cpQueryKey(cp.id) }) };
}

function Step<V extends Record<string, unknown>>({ title, id, intro, form, reload, children }: { title: string; id: string; intro?: ReactNode; form: FormApi<V>; reload: () => void; children: ReactNode }) {
  return (
    <Section title={title} id={id}>
      {intro && <p>{intro}</p>}
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        {children}
      </Form>
    </Section>
  );
}

function InterviewSection({ cp, notice }: Props) {
  const booked = cp.interview?.status === 'booked' ? cp.interview : null;
  const { form, reload } = useCpForm(cp, notice, {
    id: 'interview',
    initial: { date: booked?.bookedDate ?? '', time: booked?.bookedTime ?? '', location: booked?.location ?? '' },
    schema: bookInterviewBody,
    toBody: (v) => ({ date: v.date.trim(), time: v.time.trim(), location: v.location }),
    action: 'interview',
    message: 'Intervjun är bokad.',
  });
  return (
    <Step title={booked ? 'Intervju bokad' : 'Boka intervju'} id="interview" form={form} reload={reload}>
      {booked && (
        <p>
          Bokad {booked.bookedDate} kl. {booked.bookedTime}
          {booked.location ? `, ${booked.location}` : ''}.{' '}
          <a href={`/api/contact-persons/${cp.id}/interview.ics`} download="intervju.ics">
            Lägg in i kalendern (.ics)
          </a>
        </p>
      )}
      <DateInput name="date" label="Datum för intervjun" />
      <TextInput name="time" label="Tid" hint="Till exempel 14:30." width="s" />
      <TextInput name="location" label="Plats" optional width="l" />
      <SubmitButton form={form}>{booked ? 'Boka om intervjun' : 'Boka intervjun'}</SubmitButton>
    </Step>
  );
}

function StepSection({ cp, notice, kind, title, intro, notes }: Props & { kind: 'interview' | 'pledge' | 'introduction'; title: string; intro: string; notes?: boolean }) {
  const { form, reload } = useCpForm(cp, notice, {
    id: `step-${kind}`,
    initial: { outcome: 'done', date: today(), notes: '' },
    schema: stepBody,
    toBody: (v) => ({ outcome: v.outcome || undefined, date: v.date.trim(), notes: v.notes }),
    action: `steps/${kind}`,
    message: `${title}: registrerat.`,
  });
  return (
    <Step title={title} id={`step-${kind}`} intro={intro} form={form} reload={reload}>
      <DateInput name="date" label="Datum" />
      <RadioInput
        name="outcome"
        label="Resultat"
        inline
        options={[
          { value: 'done', label: 'Klart' },
          { value: 'failed', label: 'Inte godkänt' },
        ]}
      />
      {notes && <TextAreaInput name="notes" label="Bedömning" optional rows={4} />}
      <SubmitButton form={form}>Spara</SubmitButton>
    </Step>
  );
}

function ReferencesSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'reference',
    initial: { name: '', relation: '', phone: '', contactedDate: today(), outcome: 'positive', notes: '' },
    schema: referenceBody,
    toBody: (v) => ({ name: v.name, relation: v.relation, phone: v.phone, contactedDate: v.contactedDate.trim() || null, outcome: v.outcome || undefined, notes: v.notes }),
    action: 'references',
    message: 'Referensen är sparad.',
  });
  return (
    <Section title="Referenser" id="references">
      {cp.references.length === 0 ? (
        <p className="muted">Inga referenser ännu.</p>
      ) : (
        <ul>
          {cp.references.map((r) => (
            <li key={r.id}>
              {r.name}
              {r.relation ? ` (${r.relation})` : ''}: {referenceOutcomeLabel[r.outcome].toLowerCase()}
              {r.contactedDate ? `, kontaktad ${r.contactedDate}` : ''}
            </li>
          ))}
        </ul>
      )}
      {cp.abilities.canEdit &&
        !cp.approvedDate &&
        cp.references.filter((r) => r.outcome === 'pending').map((r) => <ReferenceOutcome key={r.id} cp={cp} notice={notice} reference={r} />)}
      {cp.abilities.canEdit && !cp.approvedDate && (
        <Form form={form} aria-label="Lägg till referens" onReload={reload}>
          <h3>Lägg till referens</h3>
          <TextInput name="name" label="Referensens namn" width="l" />
          <TextInput name="relation" label="Relation" hint="Till exempel tidigare chef." optional width="l" />
          <TextInput name="phone" label="Telefon" type="tel" optional width="m" />
          <DateInput name="contactedDate" label="Kontaktad" />
          <RadioInput name="outcome" label="Utfall" inline options={REFERENCE_OUTCOMES.map((o) => ({ value: o, label: referenceOutcomeLabel[o] }))} />
          <SubmitButton form={form}>Spara referensen</SubmitButton>
        </Form>
      )}
    </Section>
  );
}

function RegisterCheckSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'check',
    initial: { shownDate: today(), extractDate: '', registers: [...REGISTERS] as string[] },
    schema: registerCheckBody,
    toBody: (v) => ({ shownDate: v.shownDate.trim(), extractDate: v.extractDate.trim(), registers: v.registers, law: '2010:479' }),
    action: 'register-checks',
    message: 'Registerkontrollen är registrerad.',
  });
  return (
    <Section title="Registerkontroll" id="register-check">
      <p>
        Registrera bara att utdraget visades, vilka datum och register det gäller. Skriv aldrig av innehållet. Utdraget sparas minst två år från uppdragets start
        (lag 2010:479) och lämnas tillbaka om den sökande ber om det.
      </p>
      {cp.registerChecks.length > 0 && (
        <ul>
          {cp.registerChecks.map((c) => (
            <li key={c.id}>
              Utdrag daterat {c.extractDate}, visat {c.shownDate} för {c.seenBy} ({c.registers.map((r) => registerLabel[r as (typeof REGISTERS)[number]] ?? r).join(' och ')}, lag {c.law})
            </li>
          ))}
        </ul>
      )}
      {cp.abilities.canEdit && (
        <Form form={form} aria-label="Registrera registerkontroll" onReload={reload}>
          <h3>Nytt utdrag visat</h3>
          <DateInput name="shownDate" label="Datum då utdraget visades" />
          <DateInput name="extractDate" label="Utdragets datum" />
          <CheckboxGroupInput name="registers" label="Utdraget omfattar" options={REGISTERS.map((r) => ({ value: r, label: registerLabel[r] }))} />
          <SubmitButton form={form}>Registrera utdraget</SubmitButton>
        </Form>
      )}
      {cp.registerChecks.length > 0 && <CheckValidity cp={cp} />}
    </Section>
  );
}

/** Does the newest extract hold for an assignment starting on a date? (Not a change: the answer is shown here.) */
function CheckValidity({ cp }: { cp: ContactPerson }) {
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm({
    id: 'validity',
    initial: { startDate: '', activity: 'lss_child' },
    schema: checkValidityBody,
    toBody: (v) => ({ startDate: v.startDate.trim(), activity: v.activity || undefined }),
    onSubmit: async (body) => setAnswer(await api<{ ok: boolean; message: string }>(`/contact-persons/${cp.id}/check-validity`, { body })),
  });
  return (
    <Form form={form} aria-label="Pröva registerkontrollen mot ett uppdrag">
      <h3>Räcker utdraget för ett uppdrag?</h3>
      <DateInput name="startDate" label="Uppdragets planerade start" />
      <RadioInput name="activity" label="Verksamhet" options={ACTIVITIES.map((x) => ({ value: x, label: activityLabel[x] }))} />
      <SubmitButton form={form}>Pröva</SubmitButton>
      {answer && (
        <Notice tone={answer.ok ? 'success' : 'warning'} live title={answer.ok ? 'Utdraget räcker' : 'Utdraget räcker inte'}>
          <p>{answer.message}</p>
        </Notice>
      )}
    </Form>
  );
}

function ApproveSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'approve',
    initial: { date: today() },
    schema: approveBody,
    toBody: (v) => ({ date: v.date.trim() }),
    action: 'approve',
    message: 'Kontaktpersonen är godkänd.',
  });
  if (!cp.abilities.canApprove) return null;
  return (
    <Step title="Godkänn som kontaktperson" id="approve" intro="Alla krav är uppfyllda." form={form} reload={reload}>
      <DateInput name="date" label="Datum för godkännandet" />
      <SubmitButton form={form}>Godkänn</SubmitButton>
    </Step>
  );
}

function ContactSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'contact',
    initial: { date: today() },
    schema: contactBody,
    toBody: (v) => ({ date: v.date.trim() }),
    action: 'contact',
    message: 'Kontakten är registrerad.',
  });
  return (
    <Step title="Senaste kontakt" id="contact" intro="Registrera när du senast pratade med kontaktpersonen." form={form} reload={reload}>
      <DateInput name="date" label="Datum" />
      <SubmitButton form={form}>Registrera kontakt</SubmitButton>
    </Step>
  );
}

function PauseSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'pause',
    initial: { fromDate: today(), untilDate: '', reason: '' },
    schema: pauseBody,
    toBody: (v) => ({ fromDate: v.fromDate.trim(), untilDate: v.untilDate.trim() || null, reason: v.reason }),
    action: 'pauses',
    message: 'Kontaktpersonen är pausad.',
  });
  return (
    <Step title="Pausa" id="pause" intro="Med ett slutdatum blir kontaktpersonen tillgänglig igen dagen efter, av sig själv." form={form} reload={reload}>
      <DateInput name="fromDate" label="Från och med" />
      <DateInput name="untilDate" label="Till och med" optional />
      <TextInput name="reason" label="Skäl" hint="Till exempel föräldraledighet." optional width="l" />
      <SubmitButton form={form}>Pausa</SubmitButton>
    </Step>
  );
}

function EndPauseSection({ cp, notice }: Props) {
  const { form, reload } = useCpForm(cp, notice, {
    id: 'pause-end',
    initial: { lastDay: today() },
    schema: endPauseBody,
    toBody: (v) => ({ lastDay: v.lastDay.trim() }),
    action: 'pauses/end',
    message: 'Pausen är avslutad.',
  });
  return (
    <Step title="Avsluta pausen" id="pause-end" intro="Kontaktpersonen blir tillgänglig igen dagen efter pausens sista dag." form={form} reload={reload}>
      <DateInput name="lastDay" label="Pausens sista dag" />
      <SubmitButton form={form}>Avsluta pausen</SubmitButton>
    </Step>
  );
}

/** A reference not yet contacted: record the outcome when the coordinator has called. */
function ReferenceOutcome({ cp, notice, reference }: Props & { reference: ContactPerson['references'][number] }) {
  const { form, reload } = useCpForm(cp, notice, {
    id: `reference-${reference.id}`,
    initial: { contactedDate: today(), outcome: '' },
    schema: referenceBody,
    toBody: (v) => ({ name: reference.name, relation: reference.relation, phone: reference.phone, notes: reference.notes, contactedDate: v.contactedDate.trim() || null, outcome: v.outcome || undefined }),
    check: (v): Record<string, string> => (v.outcome ? {} : { outcome: 'Välj om referensen var positiv eller negativ.' }),
    action: `references/${reference.id}`,
    method: 'PUT',
    message: 'Referensen är sparad.',
  });
  return (
    <Form form={form} aria-label={`Utfall för ${reference.name}`} onReload={reload}>
      <DateInput name="contactedDate" label={`Kontaktade ${reference.name}`} />
      <RadioInput name="outcome" label={`Utfall för ${reference.name}`} inline options={REFERENCE_OUTCOMES.filter((o) => o !== 'pending').map((o) => ({ value: o, label: referenceOutcomeLabel[o] }))} />
      <SubmitButton form={form}>Spara utfallet</SubmitButton>
    </Form>
  );
}

function EndSection({ cp, notice }: Props) {
  const approved = cp.approvedDate !== null;
  const reasons = END_REASONS.filter((r) => (approved ? r === 'ended' : r !== 'ended'));
  const { form, reload } = useCpForm(cp, notice, {
    id: 'end',
    initial: { reason: approved ? 'ended' : '', date: today(), note: '' },
    schema: endBody,
    toBody: (v) => ({ reason: v.reason || undefined, date: v.date.trim(), note: v.note }),
    action: 'end',
    message: 'Det är registrerat.',
  });
  return (
    <Step title={approved ? 'Avsluta kontaktperson' : 'Avslå eller återta ansökan'} id="end" form={form} reload={reload}>
      <RadioInput name="reason" label="Vad har hänt?" options={reasons.map((r) => ({ value: r, label: endReasonLabel[r] }))} />
      <DateInput name="date" label="Datum" />
      <TextAreaInput name="note" label="Skäl" hint="Krävs när ansökan avslås." optional rows={3} />
      <SubmitButton form={form}>{approved ? 'Avsluta' : 'Registrera'}</SubmitButton>
    </Step>
  );
}

/** An invitation link to the portal (valid 72 hours) for the coordinator to send to the contact person. */
function PortalSection({ cp }: { cp: ContactPerson }) {
  const [invite, setInvite] = useState<{ link: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Section title="Konto i portalen" id="portal">
      <p>Skapa en länk som kontaktpersonen använder för att välja lösenord. Länken gäller i 72 timmar och kan bara användas en gång.</p>
      <Button
        variant="secondary"
        isDisabled={busy}
        onPress={() => {
          setBusy(true);
          api<{ link: string; expiresAt: string }>(`/contact-persons/${cp.id}/portal-invite`, { method: 'POST' })
            .then(setInvite)
            .finally(() => setBusy(false));
        }}
      >
        Skapa inbjudningslänk
      </Button>
      {invite && (
        <Notice tone="success" live title="Länken är skapad">
          <p>
            Skicka länken till kontaktpersonen: <code>{`${window.location.origin}${invite.link}`}</code>
          </p>
          <p>Den gäller till {formatDateTime(invite.expiresAt)}.</p>
        </Notice>
      )}
    </Section>
  );
}
