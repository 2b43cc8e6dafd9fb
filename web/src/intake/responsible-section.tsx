// The case's responsible handläggare: the enhetschef gives the case to another (shown by `canAssign`).
import { useQuery } from '@tanstack/react-query';
import { assignBody } from '../../../src/intake/schema';
import { api } from '../platform/api';
import { SelectInput, SubmitButton } from '../platform/form';
import { ButtonRow } from '../platform/ui';
import type { Staff } from './api';
import { CaseStep, useCaseForm, type CaseSectionProps } from './case-step';

export function ResponsibleSection({ c, notice }: CaseSectionProps) {
  return c.abilities.canAssign ? <AssignSection c={c} notice={notice} /> : null;
}

function AssignSection({ c, notice }: CaseSectionProps) {
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
