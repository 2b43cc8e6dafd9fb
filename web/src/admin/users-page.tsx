// Users: role, unit, active; the administrator sets the first password and can reset it, unlocks sign-in
// after failed attempts, and grants the skyddad identitet permission (per unit).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { userCreateBody, userUpdateBody } from '../../../src/admin/schema';
import { protectedIdentityGrantProblem } from '../../../src/platform/policy/permissions';
import { roleLabel, STAFF_ROLES, UNIT_ROLES, type Role } from '../../../src/platform/rules';
import { api } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { CheckboxInput, EditForm, SelectInput, TextInput, type FieldErrors } from '../platform/form';
import type { ColumnDef } from '../platform/table';
import { Badge, Button, ButtonRow, Notice } from '../platform/ui';
import { AdminListPage, useAdminForm, useAdminList, type AdminFormProps } from './admin-list-page';
import { unitProblem } from '../../../src/admin/rules';
import type { Unit, User } from './api';

// A kontaktperson's account comes from the portal invitation: offered only when the user already has that role.
const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: roleLabel[r] }));
const contactPersonRole = [{ value: 'kontaktperson', label: roleLabel.kontaktperson }];

const columns: ColumnDef<User>[] = [
  { id: 'displayName', label: 'Namn', isRowHeader: true, render: (u) => u.displayName, sortValue: (u) => u.displayName },
  { id: 'username', label: 'Användarnamn', render: (u) => <code>{u.username}</code>, sortValue: (u) => u.username },
  { id: 'role', label: 'Roll', render: (u) => roleLabel[u.role], sortValue: (u) => roleLabel[u.role] },
  { id: 'unit', label: 'Enhet', render: (u) => u.unitName ?? '–', sortValue: (u) => u.unitName ?? '' },
  {
    id: 'protectedIdentity',
    label: 'Skyddad identitet',
    render: (u) =>
      u.protectedIdentityUnits.length > 0 ? (
        <span className="tags">
          {u.protectedIdentityUnits.map((g) => (
            <Badge key={g.unitId} tone="protected">{`Behörighet: ${g.unitName}`}</Badge>
          ))}
        </span>
      ) : (
        '–'
      ),
    sortValue: (u) => (u.protectedIdentityUnits.length > 0 ? 0 : 1),
  },
  {
    id: 'active',
    label: 'Status',
    render: (u) => (
      <>
        {u.active ? <Badge tone="success">Aktiv</Badge> : <Badge>Inaktiv</Badge>}
        <LockCell user={u} />
      </>
    ),
    sortValue: (u) => (u.locked ? 0 : u.active ? 1 : 2),
  },
];

/** "Låst" after failed sign-ins, with "Lås upp"; after unlocking, the cell says so and takes the focus. */
function LockCell({ user }: { user: User }) {
  const qc = useQueryClient();
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLSpanElement>(null);
  const unlock = useMutation({
    mutationFn: () => api<User>(`/admin/users/${user.id}/unlock`, { method: 'POST', body: {} }),
    onSuccess: async () => {
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
  const unlocked = done && !user.locked;
  useEffect(() => {
    if (unlocked) doneRef.current?.focus();
  }, [unlocked]);
  if (unlocked) {
    return (
      <span className="tags block" role="status" tabIndex={-1} ref={doneRef}>
        Inloggningen är upplåst.
      </span>
    );
  }
  if (!user.locked) return null;
  return (
    <span className="tags block">
      <Badge tone="warning">Låst</Badge>{' '}
      <span className="muted">
        {user.lockedAccountWide ? 'hela kontot' : 'från en eller flera adresser'} till {formatDateTime(user.lockedUntil!)}
      </span>{' '}
      <Button variant="secondary" onPress={() => unlock.mutate()} isDisabled={unlock.isPending} aria-label={`Lås upp ${user.displayName}`}>
        Lås upp
      </Button>
      {unlock.isError && (
        <span role="alert" className="field-error">
          {unlock.error.message}
        </span>
      )}
    </span>
  );
}

export function UsersPage() {
  const units = useAdminList<Unit>('units');
  const unitOptions = (units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <AdminListPage<User>
      resource="users"
      title="Användare"
      empty="Det finns inga användare."
      columns={columns}
      noun="användare"
      newId="new-user"
      nameOf={(u) => u.displayName}
      renderForm={(p) => (
        <>
          <UserForm {...p} unitOptions={unitOptions} />
          {p.item && <ProtectedIdentityAccess userId={p.item.id} />}
        </>
      )}
    />
  );
}

function UserForm({ unitOptions, ...props }: AdminFormProps<User> & { unitOptions: Array<{ value: string; label: string }> }) {
  const user = props.item;
  const { form, editForm } = useAdminForm(props, {
    id: 'user',
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
        ? { displayName: v.displayName, role: v.role || undefined, unitId: v.unitId || null, active: v.active, newPassword: v.newPassword || null }
        : { username: v.username, displayName: v.displayName, role: v.role || undefined, unitId: v.unitId || null, password: v.password },
    check: (v) => {
      const errs: FieldErrors = {};
      const missingUnit = unitProblem(v.role as Role | '', v.unitId);
      if (missingUnit) errs[missingUnit.path] = missingUnit.message;
      return errs;
    },
    saved: (saved) => `${saved.displayName} är sparad.`,
  });
  const needsUnit = UNIT_ROLES.includes(form.values.role as Role);
  return (
    <EditForm {...editForm}>
      {!user && <TextInput name="username" label="Användarnamn" hint="3–50 tecken: a–z, siffror, punkt, bindestreck eller understreck." width="m" autoComplete="off" />}
      <TextInput name="displayName" label="Namn" width="l" autoComplete="off" />
      <SelectInput name="role" label="Roll" options={user?.role === 'kontaktperson' ? contactPersonRole : roleOptions} placeholder="Välj roll" />
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
    </EditForm>
  );
}

/**
 * Skyddad identitet, in the "Ändra" dialog: grant or revoke the permission for the user's unit at once
 * (its own request, logged). Reads the user from the fresh list, so it shows the result straight away.
 */
function ProtectedIdentityAccess({ userId }: { userId: string }) {
  const qc = useQueryClient();
  const users = useAdminList<User>('users');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const user = users.data?.items.find((u) => u.id === userId);
  if (!user) return null;
  const change = async (unitId: string, unitName: string, grant: boolean) => {
    setBusy(true);
    try {
      await api<User>(`/admin/users/${user.id}/protected-identity/${unitId}`, { method: grant ? 'PUT' : 'DELETE', ...(grant ? { body: {} } : {}) });
      await qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      setNotice({
        tone: 'success',
        text: grant ? `${user.displayName} har nu behörighet till skyddad identitet i ${unitName}.` : `${user.displayName} har inte längre behörighet till skyddad identitet i ${unitName}.`,
      });
    } catch (e) {
      setNotice({ tone: 'error', text: e instanceof Error ? e.message : 'Det gick inte att ändra behörigheten.' });
    } finally {
      setBusy(false);
      // The button pressed is gone: move focus to the notice that says what happened.
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  };
  const own = user.unitId ? user.protectedIdentityUnits.find((g) => g.unitId === user.unitId) : undefined;
  const grantable = user.unitId !== null && protectedIdentityGrantProblem(user, user.unitId) === null;
  return (
    <section className="section" aria-labelledby="protected-identity-heading">
      <h3 id="protected-identity-heading">Skyddad identitet</h3>
      <p>
        Med behörigheten ser användaren adress och kontaktuppgifter för personer med skyddad identitet, när personen har ett ärende i enheten. Varje
        visning loggas.
      </p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <Notice tone={notice.tone} title={notice.text} live />}
      </div>
      {user.protectedIdentityUnits.length > 0 && (
        <ul>
          {user.protectedIdentityUnits.map((g) => (
            <li key={g.unitId}>
              {`Har behörighet i ${g.unitName} sedan ${formatDateTime(g.grantedAt)}.`}
            </li>
          ))}
        </ul>
      )}
      <ButtonRow>
        {user.protectedIdentityUnits.map((g) => (
          <Button key={g.unitId} variant="secondary" isDisabled={busy} onPress={() => void change(g.unitId, g.unitName, false)}>
            {`Ta bort behörigheten i ${g.unitName}`}
          </Button>
        ))}
        {!own && grantable && (
          <Button variant="secondary" isDisabled={busy} onPress={() => void change(user.unitId!, user.unitName ?? 'enheten', true)}>
            {`Ge behörighet i ${user.unitName ?? 'enheten'}`}
          </Button>
        )}
      </ButtonRow>
      {!own && !grantable && user.protectedIdentityUnits.length === 0 && (
        <p className="muted">Användaren kan inte få behörigheten: bara aktiva handläggare och enhetschefer kan få den, i sin egen enhet.</p>
      )}
    </section>
  );
}
