// The assignment page's execution part: verkställ (the start date), avbrott and återuppta with their history, and
// avsluta (last paid day, reason, note).
import { endBody, interruptBody, resumeBody, startBody } from '../../../src/assignments/schema';
import { assignmentEndReasonLabel, ASSIGNMENT_END_REASONS, endProblems, interruptProblems, resumeProblems, startProblems } from '../../../src/assignments/rules';
import { today } from '../platform/dates';
import { DateInput, Form, RadioInput, SubmitButton, TextAreaInput, TextInput, useVersionedForm } from '../platform/form';
import { Notice, Section, SummaryList } from '../platform/ui';
import { ruleStateOf, type AssignmentSectionProps } from './api';
import { fieldErrors } from './form-helpers';
import { useAssignmentSave } from './use-assignment-save';

export function ExecutionSection({ a, notice }: AssignmentSectionProps) {
  return (
    <Section title="Verkställ" id="execution">
      <SummaryList
        rows={[
          ['Uppdraget startade', a.startDate ?? 'Inte än'],
          ['Beslutet', a.progressLabel ?? 'Inte verkställt än'],
        ]}
      />
      {!a.startDate && !a.abilities.canStart && !a.endDate && <p>Uppdraget kan verkställas när både personen och kontaktpersonen har skrivit under avtalet.</p>}
      {a.abilities.canStart && <StartForm a={a} notice={notice} />}
    </Section>
  );
}

function StartForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'start',
      initial: { startDate: today() },
      schema: startBody,
      toBody: (v) => ({ startDate: v.startDate.trim() }),
      check: (_v, body) => fieldErrors(startProblems(ruleStateOf(a), body, today())),
    },
    a.version,
    async (body) => {
      await save('start', body);
      notice.show('Uppdraget är verkställt.');
    },
  );
  return (
    <Form form={form} aria-label="Verkställ uppdraget" onReload={reload}>
      <DateInput name="startDate" label="Första dagen uppdraget pågick" />
      <SubmitButton form={form}>Verkställ</SubmitButton>
    </Form>
  );
}

export function InterruptionsSection({ a, notice }: AssignmentSectionProps) {
  if (!a.startDate) return null;
  return (
    <Section title="Avbrott" id="interruptions">
      {a.interruptions.length === 0 ? (
        <p>Inga avbrott.</p>
      ) : (
        <ul className="plain-list">
          {a.interruptions.map((i) => (
            <li key={i.id}>
              Från {i.fromDate}
              {i.resumedDate ? `, återupptaget ${i.resumedDate}` : ', pågår'}: {i.reason}
            </li>
          ))}
        </ul>
      )}
      {a.abilities.canInterrupt && <InterruptForm a={a} notice={notice} />}
      {a.abilities.canResume && <ResumeForm a={a} notice={notice} />}
    </Section>
  );
}

function InterruptForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'interrupt',
      initial: { fromDate: today(), reason: '' },
      schema: interruptBody,
      toBody: (v) => ({ fromDate: v.fromDate.trim(), reason: v.reason }),
      check: (_v, body) => fieldErrors(interruptProblems(ruleStateOf(a), body, today())),
    },
    a.version,
    async (body) => {
      await save('interruptions', body);
      notice.show('Avbrottet är registrerat.');
    },
  );
  return (
    <>
      <h3 id="interrupt-heading">Registrera avbrott</h3>
      <Form form={form} aria-labelledby="interrupt-heading" onReload={reload}>
        <DateInput name="fromDate" label="Avbrott från" />
        <TextInput name="reason" label="Skäl" />
        <SubmitButton form={form} variant="secondary">
          Registrera avbrott
        </SubmitButton>
      </Form>
    </>
  );
}

function ResumeForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'resume',
      initial: { resumedDate: today() },
      schema: resumeBody,
      toBody: (v) => ({ resumedDate: v.resumedDate.trim() }),
      check: (_v, body) => fieldErrors(resumeProblems(ruleStateOf(a), body, today())),
    },
    a.version,
    async (body) => {
      await save('resume', body);
      notice.show('Uppdraget är återupptaget.');
    },
  );
  return (
    <>
      <h3 id="resume-heading">Återuppta uppdraget</h3>
      <Form form={form} aria-labelledby="resume-heading" onReload={reload}>
        <DateInput name="resumedDate" label="Uppdraget pågår igen från" />
        <SubmitButton form={form}>Återuppta</SubmitButton>
      </Form>
    </>
  );
}

export function EndSection({ a, notice }: AssignmentSectionProps) {
  if (!a.endDate && !a.abilities.canEnd) return null;
  return (
    <Section title="Avsluta uppdraget" id="end">
      {a.endDate ? (
        <>
          <SummaryList
            rows={[
              ['Sista dag med arvode', a.endDate],
              ['Skäl', a.endReasonLabel],
              ['Anteckning', a.endNote],
            ]}
          />
          {a.endsDecision === false && (
            <Notice tone="info" title="Beställningen väntar på en ny kontaktperson">
              <p>Beslutet gäller fortfarande. Matcha en ny kontaktperson på samma beställning. Inget nytt beslut behövs.</p>
            </Notice>
          )}
        </>
      ) : (
        <EndForm a={a} notice={notice} />
      )}
    </Section>
  );
}

function EndForm({ a, notice }: AssignmentSectionProps) {
  const { save, reload } = useAssignmentSave(a);
  const form = useVersionedForm(
    {
      id: 'end',
      initial: { endDate: today(), reason: '', note: '' },
      schema: endBody,
      toBody: (v) => ({ endDate: v.endDate.trim(), reason: v.reason || undefined, note: v.note }),
      check: (_v, body) => fieldErrors(endProblems(ruleStateOf(a), body)),
    },
    a.version,
    async (body) => {
      await save('end', body);
      notice.show('Uppdraget är avslutat. Kontaktpersonens plats är ledig igen.');
    },
  );
  return (
    <>
      <p>Arvodet betalas till och med sista dagen. Kontaktpersonens plats blir ledig direkt.</p>
      <Form form={form} aria-label="Avsluta uppdraget" onReload={reload}>
        <DateInput name="endDate" label="Sista dag med arvode" />
        <RadioInput name="reason" label="Varför avslutas uppdraget?" options={ASSIGNMENT_END_REASONS.map((r) => ({ value: r, label: assignmentEndReasonLabel[r] }))} />
        <TextAreaInput name="note" label="Anteckning" optional rows={2} />
        <SubmitButton form={form} variant="danger">
          Avsluta uppdraget
        </SubmitButton>
      </Form>
    </>
  );
}
