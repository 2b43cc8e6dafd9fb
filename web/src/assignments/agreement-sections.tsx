// The assignment page's agreement part: the terms with the amounts from the rate table, the uppdragsavtal and
// förordnande PDFs, changing the terms until someone signs, the signatures and the förordnande date.
import { agreementBody, appointBody, signBody } from '../../../src/assignments/schema';
import { appointProblems, signProblems } from '../../../src/assignments/rules';
import { today } from '../platform/dates';
import { DateInput, Form, SubmitButton, useVersionedForm } from '../platform/form';
import { ButtonRow, Section, SummaryList } from '../platform/ui';
import { ruleStateOf, type AssignmentSectionProps } from './api';
import { fieldErrors, numberOrNull } from './form-helpers';
import { AgreementFields } from './offers-section';
import { useAssignmentSave } from './use-assignment-save';

export function AgreementSection({ a, notice }: AssignmentSectionProps) {
  return (
    <Section title="Uppdragsavtal" id="agreement">
      <SummaryList
        rows={[
          ['Kontaktperson', a.contactPerson.name],
          ['Person', a.person.name],
          ['Arvodesnivå', a.rateLevelName ?? a.rateLevel],
          ['Arvode per månad', a.amounts?.arvode ?? 'Saknas i arvodestabellen'],
          ['Omkostnad per månad', a.amounts?.omkostnad ?? 'Saknas i arvodestabellen'],
          ['Träffar i månaden', a.meetingsPerMonth === null ? null : String(a.meetingsPerMonth)],
          ['Hur ofta och när', a.frequencyText],
          ['Aktiviteter', a.activities],
          ['Period', `${a.periodFrom} – ${a.periodTo ?? 'tills vidare'}`],
          ['Avtalets datum', a.agreementDate],
          ['Beslutet', `${a.decision.legalBasis}, ${a.decision.contactPersonCount ?? 1} kontaktperson(er), ${a.decision.startDate ?? ''} – ${a.decision.endDate ?? 'tills vidare'}`],
        ]}
      />
      <ButtonRow>
        <a className="btn btn-secondary" href={`/api/assignments/${a.id}/uppdragsavtal.pdf`} download>
          Skriv ut uppdragsavtalet (PDF)
        </a>
        <a className="btn btn-secondary" href={`/api/assignments/${a.id}/forordnande.pdf`} download>
          Skriv ut förordnandet (PDF)
        </a>
      </ButtonRow>
      {a.abilities.canEditAgreement && <EditAgreement a={a} notice={notice} />}
    </Section>
  );
}

function EditAgreement({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'agreement-edit',
      initial: {
        rateLevel: a.rateLevel,
        meetingsPerMonth: a.meetingsPerMonth === null ? '' : String(a.meetingsPerMonth),
        frequencyText: a.frequencyText ?? '',
        activities: a.activities ?? '',
        periodFrom: a.periodFrom,
        periodTo: a.periodTo ?? '',
        agreementDate: a.agreementDate ?? today(),
      },
      schema: agreementBody,
      toBody: (v) => ({
        rateLevel: v.rateLevel,
        meetingsPerMonth: numberOrNull(v.meetingsPerMonth),
        frequencyText: v.frequencyText,
        activities: v.activities,
        periodFrom: v.periodFrom.trim(),
        periodTo: v.periodTo.trim() || null,
        agreementDate: v.agreementDate.trim(),
      }),
    },
    a.version,
    async (body) => {
      await save('agreement', body, 'PUT');
      notice.show('Avtalets villkor är ändrade.');
    },
  );
  return (
    <details className="details">
      <summary>Ändra villkoren</summary>
      <p>Villkoren kan ändras tills någon har skrivit under.</p>
      <Form form={form} aria-label="Ändra villkoren" onReload={reload}>
        <AgreementFields levels={a.rateLevels} />
        <SubmitButton form={form}>Spara villkoren</SubmitButton>
      </Form>
    </details>
  );
}

export function SignaturesSection({ a, notice }: AssignmentSectionProps) {
  return (
    <Section title="Underskrifter och förordnande" id="signatures">
      <SummaryList
        rows={[
          ['Personen skrev under', a.personSignedDate ?? 'Inte än'],
          ['Kontaktpersonen skrev under', a.contactPersonSignedDate ?? 'Inte än'],
          ['Förordnad', a.appointedDate ?? 'Inte än'],
        ]}
      />
      {a.abilities.canSign && <SignForm a={a} notice={notice} />}
      {a.abilities.canAppoint && <AppointForm a={a} notice={notice} />}
    </Section>
  );
}

function SignForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'sign',
      initial: { personSignedDate: '', contactPersonSignedDate: '' },
      schema: signBody,
      toBody: (v) => ({
        ...(a.personSignedDate ? {} : { personSignedDate: v.personSignedDate.trim() || null }),
        ...(a.contactPersonSignedDate ? {} : { contactPersonSignedDate: v.contactPersonSignedDate.trim() || null }),
      }),
      check: (_v, body) => fieldErrors(signProblems(ruleStateOf(a), body, today())),
    },
    a.version,
    async (body) => {
      await save('signatures', body);
      notice.show('Underskrifterna är registrerade.');
    },
  );
  return (
    <>
      <h3 id="sign-heading">Registrera underskrifter</h3>
      <Form form={form} aria-labelledby="sign-heading" onReload={reload}>
        {!a.personSignedDate && <DateInput name="personSignedDate" label="Personen skrev under" optional />}
        {!a.contactPersonSignedDate && <DateInput name="contactPersonSignedDate" label="Kontaktpersonen skrev under" optional />}
        <SubmitButton form={form}>Spara underskrifter</SubmitButton>
      </Form>
    </>
  );
}

function AppointForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'appoint',
      initial: { appointedDate: today() },
      schema: appointBody,
      toBody: (v) => ({ appointedDate: v.appointedDate.trim() }),
      check: (_v, body) => fieldErrors(appointProblems(ruleStateOf(a), body, today())),
    },
    a.version,
    async (body) => {
      await save('appointment', body);
      notice.show('Förordnandet är registrerat.');
    },
  );
  return (
    <>
      <h3 id="appoint-heading">Förordnande</h3>
      <Form form={form} aria-labelledby="appoint-heading" onReload={reload}>
        <DateInput name="appointedDate" label="Datum för förordnandet" />
        <SubmitButton form={form} variant="secondary">
          Registrera förordnandet
        </SubmitButton>
      </Form>
    </>
  );
}
