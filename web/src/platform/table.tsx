// Tables with sorting (react-aria Table; server- or client-side) and paging. On a narrow screen (phone) each row
// is stacked as a card and every cell shows its column's name (styles.css, "Tables on a phone"); screen readers
// keep the table's own header association, so the visible label is hidden from them.
import { useMemo, useState, type ReactNode } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import { Button } from './ui';

export type ColumnDef<T> = {
  id: string;
  label: string;
  render: (row: T) => ReactNode;
  /** For client-side sorting; server-side sorting uses the column id. */
  sortValue?: (row: T) => string | number;
  sortable?: boolean;
  isRowHeader?: boolean;
  align?: 'start' | 'end';
};

export type Sort = { column: string; direction: 'asc' | 'desc' };

export function DataTable<T extends { id: string }>({
  label,
  columns,
  rows,
  sort,
  onSortChange,
  empty = 'Det finns inget att visa.',
}: {
  label: string;
  columns: ColumnDef<T>[];
  rows: T[];
  sort?: Sort;
  onSortChange?: (s: Sort) => void;
  empty?: ReactNode;
}) {
  const descriptor: SortDescriptor | undefined = sort ? { column: sort.column, direction: sort.direction === 'asc' ? 'ascending' : 'descending' } : undefined;
  return (
    <div className="table-wrap">
      <Table
        aria-label={label}
        className="table"
        sortDescriptor={descriptor}
        onSortChange={(d) => onSortChange?.({ column: String(d.column), direction: d.direction === 'ascending' ? 'asc' : 'desc' })}
      >
        <TableHeader columns={columns}>
          {(c) => (
            <Column id={c.id} isRowHeader={c.isRowHeader} allowsSorting={!!onSortChange && c.sortable !== false && (c.sortable || !!c.sortValue)} className={`th${c.align === 'end' ? ' num' : ''}`}>
              {({ allowsSorting, sortDirection }) => (
                <span className="th-inner">
                  {c.label}
                  {allowsSorting && (
                    <span className={`sort-icon${sortDirection ? ' active' : ''}`} aria-hidden="true">
                      {sortDirection === 'ascending' ? '▲' : sortDirection === 'descending' ? '▼' : '↕'}
                    </span>
                  )}
                </span>
              )}
            </Column>
          )}
        </TableHeader>
        <TableBody items={rows} renderEmptyState={() => <div className="table-empty">{empty}</div>}>
          {(row) => (
            <Row id={row.id} columns={columns} className="tr">
              {(c) => (
                <Cell className={`td${c.align === 'end' ? ' num' : ''}`}>
                  <span className="td-label" aria-hidden="true">
                    {c.label}
                  </span>
                  <div className="td-value">{c.render(row)}</div>
                </Cell>
              )}
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

/** Client-side sorting and paging for small lists (admin tables). */
export function useClientTable<T>(rows: T[], columns: ColumnDef<T & { id: string }>[], initial: Sort, pageSize = 25) {
  const [sort, setSort] = useState<Sort>(initial);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.id === sort.column);
    if (!col?.sortValue) return rows;
    const get = col.sortValue as (r: T) => string | number;
    const copy = [...rows];
    copy.sort((a, b) => {
      const x = get(a);
      const y = get(b);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
      return sort.direction === 'asc' ? cmp : -cmp;
    });
    return copy;
  }, [rows, columns, sort]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pageCount);
  return {
    sort,
    setSort: (s: Sort) => {
      setSort(s);
      setPage(1);
    },
    page: current,
    setPage,
    pageSize,
    total: sorted.length,
    rows: sorted.slice((current - 1) * pageSize, current * pageSize),
  };
}

export function Pager({ page, pageSize, total, onPage, label = 'Sidor' }: { page: number; pageSize: number; total: number; onPage: (p: number) => void; label?: string }) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager-status" aria-live="polite">
        {total === 0 ? 'Inga träffar' : `Visar ${from}–${to} av ${total}`}
      </p>
      {pageCount > 1 && (
        <div className="pager-buttons">
          <Button variant="secondary" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
            ‹ Föregående
          </Button>
          <span className="pager-page">
            Sida {page} av {pageCount}
          </span>
          <Button variant="secondary" isDisabled={page >= pageCount} onPress={() => onPage(page + 1)}>
            Nästa ›
          </Button>
        </div>
      )}
    </nav>
  );
}
