// Loggkontroll: who read or changed what about a person, and when. Filters are sent in a POST body.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { auditSearchBody, type auditListOut, type auditUnitsOut } from '../../../src/oversight/schema';
import { AUDIT_ACTIONS, type AuditAction } from '../../../src/platform/audit/actions';
import { api, isApiError } from '../platform/api';
import { useCan } from '../platform/auth';
import { formatDateTime } from '../platform/dates';
import { DateInput, FieldGroup, Form, SelectInput, SubmitButton, TextInput, useForm, type FieldErrors } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager, type ColumnDef } from '../platform/table';
import { Button, ButtonRow, Link, Notice } from '../platform/ui';
import { downloadPost } from './audit-download';
import { periodProblem } from '../../../src/oversight/rules';
import type { Staff } from '../intake/api';

type AuditList = z.infer<typeof auditListOut>;
type AuditEntry = AuditList['items'][number];
type Filter = z.output<typeof auditSearchBody>;
type Row = Omit<AuditEntry, 'id'> & { id: string };
type Units = z.infer<typeof auditUnitsOut>;

const PAGE_SIZE = 50;

/** The reveals of skyddad identitet first: the event a log review most often looks for. */
const actionOptions = (Object.entries(AUDIT_ACTIONS) as [AuditAction, string][])
  .sort(([a], [b]) => Number(b === 'person.protected_contact_revealed') - Number(a === 'person.protected_contact_revealed'))
  .map(([value, label]) => ({ value, label }));

/**
 * The log's columns. A person's name links to the person only for a role that can open the person page;
 * otherwise (the revisor) it shows the log for that person, which this role can always open.
 */
function auditColumns(canOpenPerson: boolean, showPersonLog: (p: NonNullable<Row['person']>) => void): ColumnDef<Row>[] {
  return [
    { id: 'occurredAt', label: 'Tidpunkt', isRowHeader: true, render: (e) => <span className="nowrap">{formatDateTime(e.occurredAt)}</span> },
    { id: 'actor', label: 'Användare', render: (e) => e.actor.displayName ?? e.actor.username ?? 'Systemet' },
    { id: 'action', label: 'Händelse', render: (e) => e.actionLabel },
    {
      id: 'person',
      label: 'Person',
      render: (e) =>
        e.person ? (
          <>
            {canOpenPerson ? (
              <Link href={`/personer/${e.person.id}`}>{e.person.name}</Link>
            ) : (
              <Button variant="link" onPress={() => e.person && showPersonLog(e.person)} aria-label={`Visa loggen för ${e.person.name}`}>
                {e.person.name}
              </Button>
            )}
            <span className="muted block nowrap">{e.person.identityNumber}</span>
          </>
        ) : (
          '–'
        ),
    },
    { id: 'requestId', label: 'Anrops-id', render: (e) => (e.requestId ? <code className="small">{e.requestId}</code> : '–') },
  ];
}

export function AuditPage() {
  const [filter, setFilter] = useState<Filter | null>(null);
  const staff = useQuery({ queryKey: ['staff', 'all'], queryFn: () => api<{ items: Staff[] }>('/staff') });
  const units = useQuery({ queryKey: ['audit', 'units'], queryFn: () => api<Units>('/audit/units') });
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    if (!filter) return;
    setExportError(null);
    setExporting(true);
    try {
      const { page: _page, pageSize: _size, ...body } = filter;
      await downloadPost('/api/audit/export.csv', body, 'logg.csv');
    } catch (e) {
      setExportError(isApiError(e) ? e.message : 'Det gick inte att hämta filen. Försök igen om en stund.');
    } finally {
      setExporting(false);
    }
  };
  const result = useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<AuditList>('/audit/search', { body: filter }),
    enabled: filter !== null,
  });
  const form = useForm({
    id: 'audit',
    initial: { identityNumber: '', userId: '', unitId: '', action: '', from: '', to: '' },
    schema: auditSearchBody,
    toBody: (v) => ({
      identityNumber: v.identityNumber.trim() || undefined,
      userId: v.userId || undefined,
      unitId: v.unitId || undefined,
      action: (v.action || undefined) as AuditAction | undefined,
      from: v.from.trim() || undefined,
      to: v.to.trim() || undefined,
      page: 1,
      pageSize: PAGE_SIZE,
    }),
    check: (v) => {
      const errs: FieldErrors = {};
      const period = periodProblem(v.from.trim(), v.to.trim());
      if (period) errs[period.path] = period.message;
      if (!v.identityNumber.trim() && !v.userId && !v.unitId && !v.action && !v.from && !v.to) errs.identityNumber = 'Ange minst ett villkor: person, användare, enhet, händelse eller period.';
      return errs;
    },
    onSubmit: (body) => setFilter(body),
  });
  const rows: Row[] = (result.data?.items ?? []).map((e) => ({ ...e, id: String(e.id) }));
  const canOpenPerson = useCan('person:read');
  const canExtract = useCan('gdpr:extract');
  const columns = auditColumns(canOpenPerson, (p) => {
    // The log for this person (by id); the number is put in the form so the search can be narrowed from there.
    form.set('identityNumber', p.identityNumber);
    setFilter({ personId: p.id, page: 1, pageSize: PAGE_SIZE });
    document.getElementById('audit-results')?.focus();
  });
  return (
    <Page title="Loggkontroll" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Sök i loggen över vem som har läst och ändrat uppgifter om personer. Sökningen loggas också.">
      <p className="card-links">
        <Link href="/loggkontroll/avvikelser">Avvikande läsningar att granska</Link>
        {canExtract && <Link href="/loggkontroll/registerutdrag">Registerutdrag för en person</Link>}
      </p>
      <Form form={form} aria-label="Sök i loggen" failureTitle="Det gick inte att söka">
        <FieldGroup legend="Villkor">
          <TextInput name="identityNumber" label="Personens personnummer" optional hint="12 siffror, till exempel 19121212-1212." inputMode="numeric" width="m" autoComplete="off" />
          <SelectInput
            name="userId"
            label="Användare"
            optional
            placeholder="Alla användare"
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.unitName ? `${s.displayName} (${s.unitName})` : s.displayName }))}
          />
          <SelectInput name="unitId" label="Enhet" optional placeholder="Alla enheter" hint="Det som enhetens personal har gjort." options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          <SelectInput name="action" label="Händelse" optional placeholder="Alla händelser" options={actionOptions} />
          <div className="field-row">
            <DateInput name="from" label="Från och med" optional />
            <DateInput name="to" label="Till och med" optional />
          </div>
        </FieldGroup>
        <ButtonRow>
          <SubmitButton form={form}>Sök i loggen</SubmitButton>
        </ButtonRow>
      </Form>
      {filter && (
        <section className="section" aria-labelledby="audit-results">
          <h2 id="audit-results" tabIndex={-1}>Resultat</h2>
          {result.isPending && <Loading label="Söker i loggen" />}
          {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
          {result.data && (
            <>
              <DataTable label="Loggposter" columns={columns} rows={rows} empty="Inga loggposter matchar villkoren." />
              <Pager page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} onPage={(p) => setFilter({ ...filter, page: p })} label="Sidor i loggen" />
              {result.data.total > 0 && (
                <ButtonRow>
                  <Button variant="secondary" onPress={() => void exportCsv()} aria-disabled={exporting || undefined}>
                    Hämta som fil (CSV för Excel)
                  </Button>
                </ButtonRow>
              )}
              {exportError && (
                <Notice tone="error" title="Det gick inte att hämta filen" live>
                  {exportError}
                </Notice>
              )}
            </>
          )}
        </section>
      )}
    </Page>
  );
}
