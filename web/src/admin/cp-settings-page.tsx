// The contact-person register's settings: which requirements a contact person must meet and how long each is
// valid, references, when a registerkontroll is needed, the interests to choose among, reminders, disposal of
// applications and the public form's limits.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { REQUIREMENT_KINDS, requirementLabel } from '../../../src/contact-persons/rules';
import { cpSettingsBody, type cpSettingsOut } from '../../../src/contact-persons/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { CheckboxInput, FieldGroup, Form, RadioInput, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import type { Schema } from '../platform/form/form-core';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { Link } from '../platform/ui';
import { ADMIN_CRUMBS } from './api';

type CpSettings = z.infer<typeof cpSettingsOut>;
const queryKey = ['admin', 'contact-person-settings'];

export function CpSettingsPage() {
  const q = useQuery({ queryKey, queryFn: () => api<CpSettings>('/admin/contact-person-settings') });
  // The notice outlives the form, which starts afresh from each saved version.
  const notice = useActionNotice();
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Inställningar för kontaktpersoner" />;
  return <SettingsForm key={q.data.version} s={q.data} notice={notice} />;
}

/** "kod = Namn" per line (the code is stored on the contact persons; the name is what people see). */
function interestsText(items: CpSettings['interests']): string {
  return items.map((i) => `${i.code} = ${i.label}`).join('\n');
}

function parseInterests(text: string): { code: string; label: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? { code: line.toLowerCase(), label: line } : { code: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
    });
}

/** The shared schema, with every problem of one interest shown on the interests field (one text box). */
const settingsSchema: Schema<z.output<typeof cpSettingsBody>> = {
  safeParse: (value) => {
    const r = cpSettingsBody.safeParse(value);
    if (r.success) return r;
    return { success: false, error: { issues: r.error.issues.map((i) => (i.path[0] === 'interests' ? { ...i, path: ['interests'] } : i)) } };
  },
};

const whole = (v: string): number | string => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v);

function SettingsForm({ s, notice }: { s: CpSettings; notice: ReturnType<typeof useActionNotice> }) {
  const qc = useQueryClient();
  const req = (kind: string) => s.requirements.find((r) => r.kind === kind);
  const initial: Record<string, string | boolean> = {
    referencesRequired: String(s.referencesRequired),
    registerCheckScope: s.registerCheckScope,
    interests: interestsText(s.interests),
    reminderWithinDays: String(s.reminderWithinDays),
    lastContactDays: String(s.lastContactDays),
    disposalMonths: String(s.disposalMonths),
    applicationsPerHour: String(s.applicationsPerHour),
    minFillSeconds: String(s.minFillSeconds),
  };
  REQUIREMENT_KINDS.forEach((kind, i) => {
    initial[`requirements.${i}.required`] = req(kind)?.required ?? false;
    initial[`requirements.${i}.validityMonths`] = req(kind)?.validityMonths == null ? '' : String(req(kind)?.validityMonths);
  });
  const form = useForm({
    id: 'cp-settings',
    initial,
    schema: settingsSchema,
    toBody: (v) => ({
      version: s.version,
      requirements: REQUIREMENT_KINDS.map((kind, i) => {
        const months = String(v[`requirements.${i}.validityMonths`] ?? '').trim();
        return { kind, required: v[`requirements.${i}.required`] === true, validityMonths: months ? whole(months) : null };
      }),
      referencesRequired: whole(String(v.referencesRequired)),
      registerCheckScope: v.registerCheckScope,
      interests: parseInterests(String(v.interests)),
      reminderWithinDays: whole(String(v.reminderWithinDays)),
      lastContactDays: whole(String(v.lastContactDays)),
      disposalMonths: whole(String(v.disposalMonths)),
      applicationsPerHour: whole(String(v.applicationsPerHour)),
      minFillSeconds: whole(String(v.minFillSeconds)),
    }),
    onSubmit: async (body) => {
      const next = await api<CpSettings>('/admin/contact-person-settings', { method: 'PUT', body });
      qc.setQueryData(queryKey, next);
      void qc.invalidateQueries({ queryKey: ['contact-persons'] });
      notice.show('Inställningarna för kontaktpersoner är sparade.');
    },
  });
  const number = (name: string, label: string, hint?: string) => <TextInput name={name} label={label} hint={hint} inputMode="numeric" width="xs" autoComplete="off" />;
  return (
    <Page title="Inställningar för kontaktpersoner" breadcrumbs={ADMIN_CRUMBS} lead="Vad en kontaktperson ska ha gjort innan de kan få uppdrag, och hur registret påminner och gallrar.">
      <ActionNotice notice={notice} />
      <p className="card-links">
        <Link href="/admin/kontaktpersoner/omraden">Områden för kontaktpersoner</Link>
        <Link href="/admin/kontaktpersoner/registerkontroll">Regler för registerkontroll</Link>
      </p>
      <Form form={form} aria-label="Ändra inställningar för kontaktpersoner" onReload={() => void qc.invalidateQueries({ queryKey })}>
        {REQUIREMENT_KINDS.map((kind, i) => (
          <FieldGroup key={kind} legend={requirementLabel[kind]}>
            <CheckboxInput name={`requirements.${i}.required`} label={`${requirementLabel[kind]} krävs`} />
            <TextInput
              name={`requirements.${i}.validityMonths`}
              label={`${requirementLabel[kind]} gäller i (månader)`}
              optional
              hint="Lämna tomt om det gäller tills vidare."
              inputMode="numeric"
              width="xs"
              autoComplete="off"
            />
          </FieldGroup>
        ))}
        {number('referencesRequired', 'Antal referenser som krävs')}
        <RadioInput
          name="registerCheckScope"
          label="Registerkontroll krävs"
          options={[
            { value: 'children', label: 'För uppdrag med barn' },
            { value: 'always', label: 'För alla uppdrag' },
          ]}
        />
        <TextAreaInput
          name="interests"
          label="Intressen att välja bland"
          hint="Ett intresse per rad: kod = namn, till exempel musik = Musik. Koden sparas hos kontaktpersonerna, så ändra bara namnet på ett intresse som redan används."
          rows={10}
        />
        <FieldGroup legend="Påminnelser och gallring">
          {number('reminderWithinDays', 'Påminn om krav som går ut inom (dagar)')}
          {number('lastContactDays', 'Påminn när det inte varit kontakt på (dagar)')}
          {number('disposalMonths', 'Gallra ansökningar som avslutats för (månader) sedan', 'Gäller sökande som fått nej eller som drog tillbaka sin ansökan.')}
        </FieldGroup>
        <FieldGroup legend="Formuläret Bli kontaktperson">
          {number('applicationsPerHour', 'Högst antal ansökningar i timmen från samma adress')}
          {number('minFillSeconds', 'Kortaste tid att fylla i formuläret (sekunder)', 'Ett formulär som skickas snabbare än så räknas som skräppost.')}
        </FieldGroup>
        <SubmitButton form={form}>Spara inställningarna</SubmitButton>
      </Form>
    </Page>
  );
}
