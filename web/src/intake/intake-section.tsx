// Intake's part of the case page: the letter, the referral's next step, the case's details, and the steps
// acknowledge / record documentation / record application, each shown by the case's abilities. The client checks are
// the server's own rules (src/intake/rules.ts), so the page and the API cannot disagree.
import { ackMethodLabel, ACK_METHODS, acknowledgeBody, channelLabel, documentationReceivedBody, recordApplicationBody, requesterLabel } from '../../../src/intake/schema';
import { acknowledgementProblems, applicationProblems, documentationProblems } from '../../../src/intake/rules';
import { useCan } from '../platform/auth';
import { daysAgo, today } from '../platform/dates';
import { DateInput, RadioInput, SubmitButton } from '../platform/form';
import { Link, Notice, Section, SummaryList } from '../platform/ui';
import { personkretsGroupLabel, personkretsGroupOptions } from './api';
import { CaseStep, fieldErrorsOf, useCaseForm, type CaseSectionProps } from './case-step';

export function IntakeSection({ c, notice }: CaseSectionProps) {
  const a = c.abilities;
  return (
    <>
      {/* Right after the notice: once the case is acknowledged (focus is on "Ärendet är bekräftat."), Tab reaches the letter. */}
      {a.canDownloadLetter && c.acknowledgedDate && (
        <p className="button-row">
          <a className="btn btn-secondary" href={`/api/cases/${c.id}/acknowledgement-letter.pdf`} download={`bekraftelse-${c.caseNumber}.pdf`}>
            Ladda ner bekräftelsebrev (PDF)
          </a>
        </p>
      )}
      {c.status === 'referral' && (
        <Notice tone="info" title="Nästa steg: kontakta personen">
          <p>Ärendet kom in som en aktualisering. När personen själv ansöker registrerar du datumet för ansökan nedan.</p>
        </Notice>
      )}
      <CaseDetails c={c} />
      {a.canAcknowledge && <AcknowledgeSection c={c} notice={notice} />}
      {a.canRecordDocumentation && <DocumentationSection c={c} notice={notice} />}
      {a.canRecordApplication && <ApplicationSection c={c} notice={notice} />}
    </>
  );
}

function CaseDetails({ c }: Pick<CaseSectionProps, 'c'>) {
  const canOpenPerson = useCan('person:read');
  return (
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
  );
}

function AcknowledgeSection({ c, notice }: CaseSectionProps) {
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
    check: (_v, body) => fieldErrorsOf(acknowledgementProblems(c, body, today())),
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

function DocumentationSection({ c, notice }: CaseSectionProps) {
  const { form, reload } = useCaseForm(c, notice, {
    id: 'doc',
    initial: { receivedDate: today(), personkretsGroup: c.personkretsGroup ? String(c.personkretsGroup) : '' },
    schema: documentationReceivedBody,
    toBody: (v) => ({ receivedDate: v.receivedDate.trim(), personkretsGroup: v.personkretsGroup ? Number(v.personkretsGroup) : undefined }),
    check: (_v, body) => fieldErrorsOf(documentationProblems(c, body, today())),
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

function ApplicationSection({ c, notice }: CaseSectionProps) {
  const { form, reload } = useCaseForm(c, notice, {
    id: 'application',
    initial: { applicationDate: today() },
    schema: recordApplicationBody,
    toBody: (v) => ({ applicationDate: v.applicationDate.trim() }),
    check: (_v, body) => fieldErrorsOf(applicationProblems(c, body, today())),
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
