// One case: summary, warnings, and the next steps this user may take (shown by the case's abilities).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  acknowledgeBody,
  ackMethodLabel,
  ACK_METHODS,
  assignBody,
  channelLabel,
  documentationReceivedBody,
  recordApplicationBody,
  requesterLabel,
  routeLabel,
} from '../../../src/intake/schema';
import { api, isApiError } from '../platform/api';
import { daysAgo, today } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, RadioInput, SelectInput, SubmitButton, useVersionedForm, type FieldErrors, type FormApi, type VersionedFormSpec } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { useCan } from '../platform/auth';
import { Badge, ButtonRow, Link, Notice, ProtectedBadge, Section, SummaryList } from '../platform/ui';
import { caseQueryKey, personkretsGroupLabel, personkretsGroupOptions, type Case, type Staff } from './api';


export function CasePage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: caseQueryKey(id), queryFn: () => api<Case>(`/cases/${encodeURIComponent(id)}`) });
  if (q.isPending) return <Loading label="Hämtar ärendet" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden what="case" />;
    return <PageError error={q.error} />;
  }
  return <CaseView c={q.data} />;
}

/**
 * The form of one step on the case: POST /cases/:id/<action> with the case's version; the case, the case lists and
 * the person are fetched again and `message` is shown. `reload` is for a version conflict.
 */
function useCaseForm<V extends Record<string, unknown>, Out>(
  c: Case,
  notice: ActionNoticeApi,
  {
    action,
    message,
    ...spec
  }: VersionedFormSpec<V, Out> & { action: string; message: string | ((body: Out) => string) },
) {
  const qc = useQueryClient();
  const form = useVersionedForm(spec, c.version, async (body) => {
    const text = typeof message === 'string' ? message : message(body);
    const saved = await api<Case>(`/cases/${c.id}/${action}`, { body });
    qc.setQueryData(caseQueryKey(c.id), saved);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['person', saved.person.id] });
    notice.show(text);
  });
  return { form, reload: () => void qc.invalidateQueries({ queryKey: caseQueryKey(c.id) }) };
}

/** A section with one step's form, named by the section's heading. */
function CaseStep<V extends Record<string, unknown>>({
  title,
  id,
  intro,
  form,
  reload,
  children,
}: {
  title: string;
  id: string;
  intro?: string;
  form: FormApi<V>;
  reload: () => void;
  children: ReactNode;
}) {
  return (
    <Section title={title} id={id}>
      {intro && <p>{intro}</p>}
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        {children}
      </Form>
    </Section>
  );
}

function CaseView({ c }: { c: Case }) {
  const notice = useActionNotice();
  const canOpenPerson = useCan('person:read');
  const a = c.abilities;
  const awaitingApplication = c.status === 'referral';
  return (
    <Page
      title={`Ärende ${c.caseNumber}`}
      breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Ärenden', href: '/arenden' }]}
      tags={
        <>
          {/* The status, once: the summary and the notices below do not repeat it. */}
          <span className="page-status">
            Status: <Badge tone="info">{c.statusLabel}</Badge>
          </span>
          <Badge>{routeLabel[c.route]}</Badge>
          {c.person.protectedIdentity && <ProtectedBadge />}
        </>
      }
    >
      <ActionNotice notice={notice} />
      {c.warnings.map((w) => (
        <Notice key={w.code} tone="warning" title={w.message} />
      ))}
      {/* Right after the notice: once the case is acknowledged (focus is on "Ärendet är bekräftat."), Tab reaches the letter. */}
      {a.canDownloadLetter && c.acknowledgedDate && (
        <p className="button-row">
          <a className="btn btn-secondary" href={`/api/cases/${c.id}/acknowledgement-letter.pdf`} download={`bekraftelse-${c.caseNumber}.pdf`}>
            Ladda ner bekräftelsebrev (PDF)
          </a>
        </p>
      )}
      {awaitingApplication && (
        <Notice tone="info" title="Nästa steg: kontakta personen">
          <p>Ärendet kom in som en aktualisering. När personen själv ansöker registrerar du datumet för ansökan nedan.</p>
        </Notice>
      )}

      <Section title="Uppgifter om ärendet" id="summary">
        <SummaryList
          rows={[
            [
              'Person',
              <>
                {canOpenPerson ? <Link href={`/personer/${c.person.id}`}>{c.person.name}</Link> : c.person.name}{' '}
                <span className="nowrap muted">{c.person.identityNumber}</span>
              </>,
            ],
            ['Inkom', `${c.receivedDate} (${daysAgo(c.daysSinceReceived)})`],
            ['Kom in via', channelLabel[c.channel]],
            [c.isReferral ? 'Aktualiserad av' : 'Ansökan av', `${requesterLabel[c.requester]}${c.requesterName ? `: ${c.requesterName}` : ''}`],
            ['Ansökan', c.applicationDate ?? 'Inte registrerad'],
            ['Ansvarig handläggare', c.responsible.name],
            ['Enhet', c.unit.name],
            ['Bekräftelse', c.acknowledgedDate ? `${c.acknowledgedDate}${c.acknowledgementMethod ? `, ${ackMethodLabel[c.acknowledgementMethod].toLowerCase()}` : ''}` : c.applicationDate ? 'Inte ännu' : 'Efter ansökan'],
            c.route === 'LSS' && [
              'Underlag för personkretsen',
              c.personkretsDocumentation === 'present'
                ? 'Finns'
                : c.personkretsDocumentation === 'missing'
                  ? c.documentationReceivedDate
                    ? `Kom in ${c.documentationReceivedDate}`
                    : 'Saknas'
                  : 'Inte bedömt ännu',
            ],
            c.route === 'LSS' && c.personkretsGroup !== null && ['Personkrets', personkretsGroupLabel(c.personkretsGroup)],
            ['Beskrivning', c.description],
          ]}
        />
      </Section>

      {a.canAcknowledge && <AcknowledgeSection c={c} notice={notice} />}
      {a.canRecordDocumentation && <DocumentationSection c={c} notice={notice} />}
      {a.canRecordApplication && <ApplicationSection c={c} notice={notice} />}
      {a.canAssign && <AssignSection c={c} notice={notice} />}
    </Page>
  );
}

function notFuture(value: string, field: string, errs: FieldErrors) {
  if (value.trim() > today()) errs[field] = 'Datumet kan inte vara senare än i dag.';
}

/** A form's `check` when its only extra rule is that the date in `field` is not in the future. */
function dateNotInFuture<F extends string>(field: F) {
  return (v: Record<F, string>): FieldErrors => {
    const errs: FieldErrors = {};
    notFuture(v[field], field, errs);
    return errs;
  };
}

function AcknowledgeSection({ c, notice }: { c: Case; notice: ActionNoticeApi }) {
  const isLss = c.route === 'LSS';
  const { form, reload } = useCaseForm(c, notice, {
    id: 'ack',
    initial: { acknowledgedDate: today(), method: '', personkretsDocumentation: '', personkretsGroup: '' },
    schema: acknowledgeBody,
    toBody: (v) => ({
      acknowledgedDate: v.acknowledgedDate.trim(),
      method: v.method || undefined,
      personkretsDocumentation: isLss ? v.personkretsDocumentation || undefined : undefined,
      personkretsGroup: isLss && v.personkretsGroup ? Number(v.personkretsGroup) : undefined,
    }),
    check: (v) => {
      const errs = dateNotInFuture('acknowledgedDate')(v);
      if (!errs.acknowledgedDate && v.acknowledgedDate.trim() < c.receivedDate) errs.acknowledgedDate = `Bekräftelsen kan inte vara före ${c.receivedDate}, då ärendet kom in.`;
      if (isLss && !v.personkretsDocumentation) errs.personkretsDocumentation = 'Ange om det finns underlag för personkretsen.';
      return errs;
    },
    action: 'acknowledge',
    message: 'Ärendet är bekräftat.',
  });
  return (
    <CaseStep
      title="Bekräfta ärendet"
      id="acknowledge"
      intro="Bekräfta till personen att ärendet har kommit in, per telefon eller brev. Brevet skapas som PDF när du har sparat."
      form={form}
      reload={reload}
    >
      <DateInput name="acknowledgedDate" label="Datum för bekräftelsen" />
      <RadioInput name="method" label="Hur bekräftades ärendet?" inline options={ACK_METHODS.map((m) => ({ value: m, label: ackMethodLabel[m] }))} />
      {isLss && (
        <>
          <RadioInput
            name="personkretsDocumentation"
            label="Finns läkarintyg eller annat underlag som visar personkretsen?"
            hint="Om underlag saknas står det i bekräftelsen vad personen behöver skicka in. Ärendet visar att underlag saknas tills det har kommit in."
            options={[
              { value: 'present', label: 'Ja, underlaget finns' },
              { value: 'missing', label: 'Nej, underlag saknas' },
            ]}
          />
          <RadioInput name="personkretsGroup" label="Vilken personkrets enligt 1 § LSS?" optional hint="Fyll i om det går att avgöra redan nu." options={personkretsGroupOptions} />
        </>
      )}
      <SubmitButton form={form}>Bekräfta ärendet</SubmitButton>
    </CaseStep>
  );
}

function DocumentationSection({ c, notice }: { c: Case; notice: ActionNoticeApi }) {
  const { form, reload } = useCaseForm(c, notice, {
    id: 'doc',
    initial: { receivedDate: today(), personkretsGroup: c.personkretsGroup ? String(c.personkretsGroup) : '' },
    schema: documentationReceivedBody,
    toBody: (v) => ({ receivedDate: v.receivedDate.trim(), personkretsGroup: v.personkretsGroup ? Number(v.personkretsGroup) : undefined }),
    check: dateNotInFuture('receivedDate'),
    action: 'documentation-received',
    message: 'Underlaget är registrerat som inkommet.',
  });
  return (
    <CaseStep title="Registrera underlag för personkretsen" id="documentation" form={form} reload={reload}>
      <DateInput name="receivedDate" label="Datum då underlaget kom in" />
      <RadioInput name="personkretsGroup" label="Vilken personkrets enligt 1 § LSS?" optional options={personkretsGroupOptions} />
      <SubmitButton form={form}>Registrera underlaget</SubmitButton>
    </CaseStep>
  );
}

function ApplicationSection({ c, notice }: { c: Case; notice: ActionNoticeApi }) {
  const { form, reload } = useCaseForm(c, notice, {
    id: 'application',
    initial: { applicationDate: today() },
    schema: recordApplicationBody,
    toBody: (v) => ({ applicationDate: v.applicationDate.trim() }),
    check: dateNotInFuture('applicationDate'),
    action: 'application',
    message: 'Ansökan är registrerad.',
  });
  return (
    <CaseStep title="Registrera ansökan" id="application" intro="Registrera datumet när personen själv, eller hens företrädare, ansökte." form={form} reload={reload}>
      <DateInput name="applicationDate" label="Datum för ansökan" />
      <SubmitButton form={form}>Registrera ansökan</SubmitButton>
    </CaseStep>
  );
}

function AssignSection({ c, notice }: { c: Case; notice: ActionNoticeApi }) {
  const staff = useQuery({ queryKey: ['staff', 'handlaggare'], queryFn: () => api<{ items: Staff[] }>('/staff?role=handlaggare') });
  const { form, reload } = useCaseForm(c, notice, {
    id: 'assign',
    initial: { responsibleUserId: c.responsible.id },
    schema: assignBody,
    toBody: (v) => ({ responsibleUserId: v.responsibleUserId || undefined }),
    action: 'assign',
    message: (body) => `Ärendet är tilldelat ${staff.data?.items.find((s) => s.id === body.responsibleUserId)?.displayName ?? 'den valda handläggaren'}.`,
  });
  return (
    <CaseStep title="Byt ansvarig handläggare" id="assign" form={form} reload={reload}>
      <SelectInput
        name="responsibleUserId"
        label="Välj handläggare"
        placeholder="Välj handläggare"
        options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.unitName ? `${s.displayName} (${s.unitName})` : s.displayName }))}
      />
      <ButtonRow>
        <SubmitButton form={form}>Tilldela ärendet</SubmitButton>
      </ButtonRow>
    </CaseStep>
  );
}
