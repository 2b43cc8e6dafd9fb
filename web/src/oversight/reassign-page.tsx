// Flytta ärenden: the enhetschef moves all or chosen cases from one handläggare to another (someone leaves).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import type { z } from 'zod';
import { reassignBody, type reassignCasesOut, type reassignOut } from '../../../src/oversight/reassign-schema';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { CheckboxInput, Form, SelectInput, SubmitButton, useForm } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { Badge } from '../platform/ui';
import type { Staff } from '../intake/api';

type CaseList = z.infer<typeof reassignCasesOut>;

export function ReassignPage() {
  const qc = useQueryClient();
  const notice = useActionNotice();
  // Who can hold a case: the unit's handläggare and enhetschefer (the staff picker lists the enhetschef's unit).
  const staff = useQuery({
    queryKey: ['staff', 'responsible'],
    queryFn: async () => {
      const [h, e] = await Promise.all([api<{ items: Staff[] }>('/staff?role=handlaggare'), api<{ items: Staff[] }>('/staff?role=enhetschef')]);
      return { items: [...h.items, ...e.items].sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv')) };
    },
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useForm({
    id: 'reassign',
    initial: { fromUserId: '', toUserId: '', all: false },
    schema: reassignBody,
    toBody: (v) => ({ ...v, caseIds: v.all ? [] : chosen }),
    onSubmit: async (body) => {
      const r = await api<z.infer<typeof reassignOut>>('/oversight/reassign', { body });
      const to = staff.data?.items.find((s) => s.id === body.toUserId)?.displayName ?? 'den nya handläggaren';
      notice.show(`${r.moved} ärenden är flyttade till ${to}${r.caseNumbers.length ? `: ${r.caseNumbers.join(', ')}` : ''}.`);
      setChosen([]);
      form.set('all', false);
      void qc.invalidateQueries({ queryKey: ['oversight', 'reassign'] });
    },
  });
  const fromUserId = form.values.fromUserId;
  const list = useQuery({
    queryKey: ['oversight', 'reassign', fromUserId],
    queryFn: () => api<CaseList>('/oversight/reassign/cases', { body: { fromUserId } }),
    enabled: fromUserId !== '',
  });
  if (staff.isPending) return <Loading />;
  if (staff.isError) return <ErrorState error={staff.error} />;
  const options = staff.data.items.map((s) => ({ value: s.id, label: s.displayName }));
  return (
    <Page title="Flytta ärenden" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="När en handläggare slutar eller får andra uppgifter flyttar du hens ärenden till en annan handläggare i enheten.">
      <ActionNotice notice={notice} />
      <Form form={form} aria-label="Flytta ärenden">
        <SelectInput name="fromUserId" label="Flytta från" options={options} />
        {fromUserId !== '' && (
          <>
            {list.isPending ? (
              <Loading label="Hämtar ärendena" />
            ) : list.isError ? (
              <ErrorState error={list.error} />
            ) : list.data.items.length === 0 ? (
              <p>Handläggaren har inga ärenden i enheten.</p>
            ) : (
              <>
                <CheckboxInput name="all" label={`Flytta alla ${list.data.items.length} ärenden`} />
                {!form.values.all && (
                  <CheckboxGroup value={chosen} onChange={setChosen} className="field" isInvalid={!!form.errors.caseIds} id={form.fieldId('caseIds')}>
                    <Label className="label">Välj ärenden att flytta</Label>
                    {form.errors.caseIds && (
                      <Text slot="errorMessage" className="field-error">
                        {form.errors.caseIds}
                      </Text>
                    )}
                    {list.data.items.map((c) => (
                      <Checkbox key={c.id} value={c.id} className="checkbox">
                        <span className="checkbox-box" aria-hidden="true">
                          <svg viewBox="0 0 18 18" role="presentation" focusable="false">
                            <polyline points="3.5 9.5 7.5 13 14.5 5" />
                          </svg>
                        </span>
                        <span className="checkbox-label">
                          {c.caseNumber} – {c.personName} ({c.statusLabel.toLowerCase()}, inkom {c.receivedDate}) {c.protectedIdentity && <Badge tone="protected">Skyddad identitet</Badge>}
                        </span>
                      </Checkbox>
                    ))}
                  </CheckboxGroup>
                )}
              </>
            )}
          </>
        )}
        <SelectInput name="toUserId" label="Flytta till" options={options.filter((o) => o.value !== fromUserId)} />
        <SubmitButton form={form}>Flytta ärendena</SubmitButton>
      </Form>
    </Page>
  );
}
