// Slå ihop personer: the same person registered twice. Everything moves to the kept record; the other is marked
// merged and no longer found by search. Two different personnummer are two people and cannot be merged.
import { useState } from 'react';
import type { z } from 'zod';
import { mergePersonsBody, type mergePersonsOut } from '../../../src/oversight/merge-schema';
import { personSearchBody } from '../../../src/people/schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Form, SelectInput, SubmitButton, TextInput, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { idKindLabel, showIdentityNumber, type PersonSummary } from '../people/api';

const personLabel = (p: PersonSummary) => `${p.firstName} ${p.lastName}, ${idKindLabel[p.idKind].toLowerCase()} ${showIdentityNumber(p)}`;

export function MergePage() {
  const notice = useActionNotice();
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const search = useForm({
    id: 'merge-search',
    initial: { query: '' },
    schema: personSearchBody,
    onSubmit: async (body) => {
      setFound((await api<{ items: PersonSummary[] }>('/persons/search', { body })).items);
      merge.reset({ keepPersonId: '', mergePersonId: '' });
    },
  });
  const merge = useForm({
    id: 'merge',
    initial: { keepPersonId: '', mergePersonId: '' },
    schema: mergePersonsBody,
    onSubmit: async (body) => {
      const r = await api<z.infer<typeof mergePersonsOut>>('/oversight/merge-persons', { body });
      const moved = Object.values(r.moved).reduce((a, b) => a + b, 0);
      const kept = found?.find((p) => p.id === r.keptPersonId);
      notice.show(`Personerna är ihopslagna. ${moved} uppgifter (ärenden, företrädare med mera) finns nu hos ${kept ? `${kept.firstName} ${kept.lastName}` : 'den person du behöll'}.`);
      setFound((f) => f?.filter((p) => p.id !== r.mergedPersonId) ?? null);
      merge.reset({ keepPersonId: '', mergePersonId: '' });
    },
  });
  const options = (found ?? []).map((p) => ({ value: p.id, label: personLabel(p) }));
  return (
    <Page
      title="Slå ihop personer"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Om samma person är registrerad två gånger, till exempel först med reservnummer och sedan med personnummer, slår du ihop dem. Allt flyttas till den du behåller."
    >
      <ActionNotice notice={notice} />
      <Form form={search} aria-label="Sök personer">
        <TextInput name="query" label="Sök på namn eller nummer" width="m" />
        <SubmitButton form={search}>Sök</SubmitButton>
      </Form>
      {found && found.length < 2 && <p>Sökningen gav {found.length === 0 ? 'ingen person' : 'bara en person'}. Sök så att båda kommer med, till exempel på efternamnet.</p>}
      {found && found.length >= 2 && (
        <Form form={merge} aria-label="Välj vilka som ska slås ihop">
          <SelectInput name="keepPersonId" label="Behåll" hint="Välj helst den med personnummer." options={options} />
          <SelectInput name="mergePersonId" label="Slå ihop med och dölj" hint="Den här personens ärenden och uppgifter flyttas. Den syns inte längre när du söker." options={options.filter((o) => o.value !== merge.values.keepPersonId)} />
          <SubmitButton form={merge}>Slå ihop</SubmitButton>
        </Form>
      )}
    </Page>
  );
}
