// The contact-person register's districts (områden): what a contact person and the register's filter choose among.
import { districtBody, districtUpdateBody, type districtOut } from '../../../src/contact-persons/schema';
import type { z } from 'zod';
import { CheckboxInput, EditForm, TextInput } from '../platform/form';
import type { ColumnDef } from '../platform/table';
import { Badge } from '../platform/ui';
import { AdminListPage, useAdminForm, type AdminFormProps } from './admin-list-page';

type District = z.infer<typeof districtOut>;

const columns: ColumnDef<District>[] = [
  { id: 'name', label: 'Namn', isRowHeader: true, render: (d) => d.name, sortValue: (d) => d.name },
  { id: 'active', label: 'Status', render: (d) => (d.active ? <Badge tone="success">Används</Badge> : <Badge>Används inte</Badge>), sortValue: (d) => (d.active ? 0 : 1) },
];

export function CpDistrictsPage() {
  return (
    <AdminListPage<District>
      resource="cp-districts"
      title="Områden för kontaktpersoner"
      lead="Kontaktpersoner anger var de kan ta uppdrag. Ett område som inte används syns inte i formuläret Bli kontaktperson."
      empty="Det finns inga områden."
      columns={columns}
      noun="område"
      newId="new-district"
      nameOf={(d) => d.name}
      renderForm={(p) => <DistrictForm {...p} />}
    />
  );
}

function DistrictForm(props: AdminFormProps<District>) {
  const d = props.item;
  const { editForm } = useAdminForm(props, {
    id: 'district',
    initial: { name: d?.name ?? '', active: d?.active ?? true },
    schema: d ? districtUpdateBody : districtBody,
    toBody: (v) => v,
    saved: (row) => `Området ${row.name} är sparat.`,
  });
  return (
    <EditForm {...editForm}>
      <TextInput name="name" label="Namn" width="l" autoComplete="off" />
      <CheckboxInput name="active" label="Området används" />
    </EditForm>
  );
}
