// Users: role, unit, active; the administrator sets the first password and can reset it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { userCreateBody, userUpdateBody } from '../../../src/admin/schema';
import { ROLES, roleLabel, UNIT_ROLES, type Role } from '../../../src/platform/policy/roles';
import { api } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { ModalDialog } from '../platform/dialog';
import { CheckboxInput, Form, SelectInput, SubmitButton, TextInput, useForm, type FieldErrors } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, useClientTable, type ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, Notice, Section } from '../platform/ui';
import { ADMIN_CRUMBS, type Unit, type User } from './api';

const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel[r] }));

export function UsersPage() {
  const q = useQuery({ queryKey: ['admin', 'users'], queryFn: () => api<{ items: User[] }>('/admin/users') });
  const units = useQuery({ queryKey: ['admin', 'units'], queryFn: () => api<{ items: Unit[] }>('/admin/units') });
  const [editing, setEditing] = useState<User | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const columns: ColumnDef<User>[] = [
    { id: 'displayName', label: 'Namn', isRowHeader: true, render: (u) => u.displayName, sortValue: (u) => u.displayName },
    { id: 'username', label: 'Användarnamn', render: (u) => <code>{u.username}</code>, sortValue: (u) => u.username },
    { id: 'role', label: 'Roll', render: (u) => roleLabel[u.role], sortValue: (u) => roleLabel[u.role] },
    { id: 'unit', label: 'Enhet', render: (u) => u.unitName ?? '–', sortValue: (u) => u.unitName ?? '' },
    {
      id: 'active',
      label: 'Status',
      render: (u) => (
        <>
          {u.active ? <Badge tone="success">Aktiv</Badge> : <Badge>Inaktiv</Badge>}
          {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
            <span className="tags">
              <Badge tone="warning">Låst till {formatDateTime(u.lockedUntil)}</Badge>
            </span>
          )}
        </>
      ),
      sortValue: (u) => (u.active ? 0 : 1),
    },
    {
      id: 'actions',
      label: 'Åtgärd',
      render: (u) => (
        <Button variant="secondary" onPress={() => setEditing(u)} aria-label={`Ändra ${u.displayName}`}>
          Ändra
        </Button>
      ),
    },
  ];
  const t = useClientTable(q.data?.items ?? [], columns, { column: 'displayName', direction: 'asc' });
  const unitOptions = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Page
      title="Användare"
      breadcrumbs={ADMIN_CRUMBS}
      actions={
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            Lägg till användare
          </Button>
        )
      }
    >
      {message && <Notice tone="success" title={message} live />}
      {adding && (
        <Section title="Ny användare" id="new-user">
          <UserForm
            unitOptions={unitOptions}
            onDone={(m) => {
              setAdding(false);
              if (m) setMessage(m);
            }}
          />
        </Section>
      )}
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <DataTable label="Användare" columns={columns} rows={t.rows} sort={t.sort} onSortChange={t.setSort} empty="Det finns inga användare." />
          <Pager page={t.page} pageSize={t.pageSize} total={t.total} onPage={t.setPage} />
        </>
      )}
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={`Ändra ${editing?.displayName ?? 'användare'}`}>
        {editing && (
          <UserForm
            user={editing}
            unitOptions={unitOptions}
            onDone={(m) => {
              setEditing(null);
              if (m) setMessage(m);
            }}
          />
        )}
      </ModalDialog>
    </Page>
  );
}

function UserForm({ user, unitOptions, onDone }: { user?: User; unitOptions: Array<{ value: string; label: string }>; onDone: (m: string | null) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    id: user ? 'user-edit' : 'user-new',
    initial: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: (user?.role ?? '') as string,
      unitId: user?.unitId ?? '',
      password: '',
      newPassword: '',
      active: user?.active ?? true,
    },
    schema: (user ? userUpdateBody : userCreateBody) as typeof userCreateBody,
    toBody: (v) =>
      user
        ? { version: user.version, displayName: v.displayName, role: v.role || undefined, unitId: v.unitId || null, active: v.active, newPassword: v.newPassword || null }
        : { username: v.username, displayName: v.displayName, role: v.role || undefined, unitId: v.unitId || null, password: v.password },
    check: (v) => {
      const errs: FieldErrors = {};
      if (UNIT_ROLES.includes(v.role as Role) && !v.unitId) errs.unitId = 'Välj en enhet. Rollen arbetar inom en enhet.';
      return errs;
    },
    onSubmit: async (body) => {
      const saved = user ? await api<User>(`/admin/users/${user.id}`, { method: 'PATCH', body }) : await api<User>('/admin/users', { body });
      await qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone(`${saved.displayName} är sparad.`);
    },
  });
  const needsUnit = UNIT_ROLES.includes(form.values.role as Role);
  return (
    <Form
      form={form}
      aria-label={user ? 'Ändra användare' : 'Ny användare'}
      onReload={() => {
        void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
        onDone(null);
      }}
    >
      {!user && <TextInput name="username" label="Användarnamn" hint="3–50 tecken: a–z, siffror, punkt, bindestreck eller understreck." width="m" autoComplete="off" />}
      <TextInput name="displayName" label="Namn" width="l" autoComplete="off" />
      <SelectInput name="role" label="Roll" options={roleOptions} placeholder="Välj roll" />
      <SelectInput
        name="unitId"
        label="Enhet"
        optional={!needsUnit}
        hint={needsUnit ? undefined : 'Behövs bara för handläggare, kontaktsekreterare och enhetschef.'}
        options={unitOptions}
        placeholder="Välj enhet"
      />
      {user ? (
        <>
          <CheckboxInput name="active" label="Användaren är aktiv" hint="En inaktiv användare kan inte logga in." />
          <TextInput name="newPassword" label="Nytt lösenord" optional type="password" hint="Fyll bara i om lösenordet ska bytas. Minst 12 tecken." width="l" autoComplete="new-password" />
        </>
      ) : (
        <TextInput name="password" label="Lösenord" type="password" hint="Minst 12 tecken. Användaren får lösenordet av dig." width="l" autoComplete="new-password" />
      )}
      <ButtonRow>
        <SubmitButton form={form}>Spara</SubmitButton>
        <Button variant="secondary" onPress={() => onDone(null)}>
          Avbryt
        </Button>
      </ButtonRow>
    </Form>
  );
}
