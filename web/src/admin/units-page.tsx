// Units (enheter): each works under LSS or SoL; users belong to one.
import { unitBody, unitUpdateBody } from '../../../src/admin/schema';
import { CheckboxInput, EditForm, RadioInput, TextInput } from '../platform/form';
import type { ColumnDef } from '../platform/table';
import { Badge } from '../platform/ui';
import { AdminListPage, useAdminForm, type AdminFormProps } from './admin-list-page';
import { routeOptions, type Unit } from './api';

const columns: ColumnDef<Unit>[] = [
  { id: 'name', label: 'Namn', isRowHeader: true, render: (u) => u.name, sortValue: (u) => u.name },
  { id: 'route', label: 'Lag', render: (u) => (u.route === 'LSS' ? 'LSS' : 'Socialtjänstlagen'), sortValue: (u) => u.route },
  { id: 'active', label: 'Status', render: (u) => (u.active ? <Badge tone="success">Aktiv</Badge> : <Badge>Inaktiv</Badge>), sortValue: (u) => (u.active ? 0 : 1) },
];

export function UnitsPage() {
  return (
    <AdminListPage<Unit>
      resource="units"
      title="Enheter"
      empty="Det finns inga enheter."
      columns={columns}
      noun="enhet"
      newId="new-unit"
      nameOf={(u) => u.name}
      renderForm={(p) => <UnitForm {...p} />}
    />
  );
}

function UnitForm(props: AdminFormProps<Unit>) {
  const unit = props.item;
  const { editForm } = useAdminForm(props, {
    id: 'unit',
    initial: { name: unit?.name ?? '', route: unit?.route ?? '', active: unit?.active ?? true },
    schema: unit ? unitUpdateBody : unitBody,
    toBody: (v) => ({ ...v, route: v.route || undefined }),
    saved: (u) => `Enheten ${u.name} är sparad.`,
  });
  return (
    <EditForm {...editForm}>
      <TextInput name="name" label="Namn" width="l" autoComplete="off" />
      <RadioInput name="route" label="Lag som enheten arbetar med" options={routeOptions} />
      <CheckboxInput name="active" label="Enheten är aktiv" />
    </EditForm>
  );
}
