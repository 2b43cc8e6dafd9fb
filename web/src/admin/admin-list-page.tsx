// The shape every catalogue page in admin shares: a sortable list, "Lägg till …" opening a form on the page,
// "Ändra" on a row opening the same form in a dialog, and saving with the row's version (409 offers a reload).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api } from '../platform/api';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { ModalDialog } from '../platform/dialog';
import { useVersionedForm, type VersionedFormSpec } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, useClientTable, type ColumnDef } from '../platform/table';
import { Button, Section } from '../platform/ui';
import { ADMIN_CRUMBS } from './api';

type Item = { id: string; version: number };

/**
 * What a page's form gets: the row to change (none when adding), where to go when done (a message when saved),
 * and, for `useAdminForm`, the collection and the form's accessible name.
 */
export type AdminFormProps<T> = { item?: T; onDone: (message: string | null) => void; resource: string; label: string };

const queryKey = (resource: string) => ['admin', resource];

/** One admin collection, e.g. `useAdminList<Unit>('units')` for GET /admin/units. */
export function useAdminList<T>(resource: string) {
  return useQuery({ queryKey: queryKey(resource), queryFn: () => api<{ items: T[] }>(`/admin/${resource}`) });
}

export function AdminListPage<T extends Item>({
  resource,
  title,
  lead,
  empty,
  columns,
  noun,
  newId,
  nameOf,
  renderForm,
}: {
  /** The API collection under /admin/, e.g. "units". */
  resource: string;
  /** The page's heading; also the table's label. */
  title: string;
  lead?: string;
  /** Shown when the list is empty. */
  empty: string;
  /** The columns before "Åtgärd"; the list is sorted by the first one. */
  columns: ColumnDef<T>[];
  /** What one row is, as in "Lägg till enhet", "Ny enhet" and "Ändra enhet". */
  noun: string;
  /** The id of the section with the form for a new row. */
  newId: string;
  /** A row's own name, as in "Ändra LSS-enheten" (its button and dialog). */
  nameOf: (row: T) => string;
  renderForm: (props: AdminFormProps<T>) => ReactNode;
}) {
  const q = useAdminList<T>(resource);
  const [editing, setEditing] = useState<T | null>(null);
  const [adding, setAdding] = useState(false);
  const notice = useActionNotice();
  const allColumns: ColumnDef<T>[] = [
    ...columns,
    {
      id: 'actions',
      label: 'Åtgärd',
      render: (row) => (
        <Button variant="secondary" onPress={() => setEditing(row)} aria-label={`Ändra ${nameOf(row)}`}>
          Ändra
        </Button>
      ),
    },
  ];
  const t = useClientTable(q.data?.items ?? [], allColumns, { column: columns[0].id, direction: 'asc' });
  const done = (close: () => void) => (m: string | null) => {
    close();
    if (m) notice.show(m);
  };
  return (
    <Page
      title={title}
      breadcrumbs={ADMIN_CRUMBS}
      lead={lead}
      actions={
        !adding && (
          <Button variant="secondary" onPress={() => setAdding(true)}>
            {`Lägg till ${noun}`}
          </Button>
        )
      }
    >
      <ActionNotice notice={notice} />
      {adding && (
        <Section title={`Lägg till ${noun}`} id={newId}>
          {renderForm({ resource, label: `Lägg till ${noun}`, onDone: done(() => setAdding(false)) })}
        </Section>
      )}
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <DataTable label={title} columns={allColumns} rows={t.rows} sort={t.sort} onSortChange={t.setSort} empty={empty} />
          <Pager page={t.page} pageSize={t.pageSize} total={t.total} onPage={t.setPage} />
        </>
      )}
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={`Ändra ${editing ? nameOf(editing) : noun}`}>
        {editing && renderForm({ resource, label: `Ändra ${noun}`, item: editing, onDone: done(() => setEditing(null)) })}
      </ModalDialog>
    </Page>
  );
}

/**
 * A form for one row of an admin catalogue: POST to add, PATCH with the row's version to change; when saved the
 * list is fetched again and `onDone` gets `saved(row)`. Spread `editForm` on <EditForm>: its name, "Avbryt",
 * and on a version conflict fetching the list again.
 */
export function useAdminForm<T extends Item, V extends Record<string, unknown>, Out>(
  { resource, item, onDone, label }: AdminFormProps<T>,
  {
    id,
    saved,
    ...spec
  }: VersionedFormSpec<V, Out> & {
    /** The form's id without "-new"/"-edit". */
    id: string;
    saved: (row: T) => string;
  },
) {
  const qc = useQueryClient();
  const form = useVersionedForm({ ...spec, id: `${id}-${item ? 'edit' : 'new'}` }, item?.version, async (body) => {
    const row = item ? await api<T>(`/admin/${resource}/${item.id}`, { method: 'PATCH', body }) : await api<T>(`/admin/${resource}`, { body });
    await qc.invalidateQueries({ queryKey: queryKey(resource) });
    onDone(saved(row));
  });
  const editForm = {
    form,
    'aria-label': label,
    onReload: () => {
      void qc.invalidateQueries({ queryKey: queryKey(resource) });
      onDone(null);
    },
    onCancel: () => onDone(null),
  };
  return { form, editForm };
}
