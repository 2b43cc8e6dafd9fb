// Lön: the payroll month (/lon/manad?month=YYYY-MM). Open a month, see its lines per contact person and assignment
// (arvode and omkostnad pro rata, approved extra expenses, correction lines for earlier months), the lines that wait
// and why, lock the month (it never changes after that) and download the payroll file as CSV for Excel or .xlsx.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatKronor } from '../../../src/payments/rules';
import type { LineOut, MonthOut } from '../../../src/payroll/schema';
import { api, isApiError } from '../platform/api';
import { today } from '../platform/dates';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { DataTable, Pager } from '../platform/table';
import { Badge, Button, ButtonRow, LinkButton, Notice, Section, SummaryList } from '../platform/ui';
import { PAGE_SIZE, monthName, recentMonths } from './months';

const statusLabel = { unopened: 'Inte öppnad', open: 'Öppen', locked: 'Låst' } as const;
const dateTime = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${new Date(iso).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}` : '–');

export function PayrollMonthPage() {
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? (params.get('month') as string) : today().slice(0, 7);
  const [page, setPage] = useState(1);
  const key = ['payroll-month', month, page];
  const q = useQuery({ queryKey: key, queryFn: () => api<MonthOut>(`/payroll/months/${month}?page=${page}`) });
  const qc = useQueryClient();
  const notice = useActionNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      await qc.invalidateQueries({ queryKey: ['payroll-month', month] });
      notice.show(done);
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Något gick fel. Försök igen om en stund.');
    } finally {
      setBusy(false);
    }
  };
  const m = q.data;
  return (
    <Page
      title="Lönemånad"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Arvode och omkostnad per kontaktperson och uppdrag för en månad, och godkända utlägg. En låst månad ändras aldrig: det som ändras senare kommer med som rättelse i nästa månad."
      actions={
        <LinkButton variant="secondary" href="/lon/installningar">
          Löneinställningar
        </LinkButton>
      }
    >
      <ActionNotice notice={notice} />
      <Section title="Välj månad" id="month">
        <div className="field">
          <label className="label" htmlFor="payroll-month">
            Månad
          </label>
          <select
            id="payroll-month"
            className="input"
            value={month}
            onChange={(e) => {
              setPage(1);
              setParams({ month: e.target.value });
            }}
          >
            {recentMonths().map((x) => (
              <option key={x} value={x}>
                {monthName(x)}
              </option>
            ))}
          </select>
        </div>
      </Section>
      {q.isPending && <Loading label="Hämtar lönemånaden" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {error && (
        <Notice tone="error" title="Det gick inte" live>
          {error}
        </Notice>
      )}
      {m && (
        <>
          <Section
            title={`${monthName(m.month)}: ${statusLabel[m.status].toLowerCase()}`}
            id="status"
            actions={
              <ButtonRow>
                {m.abilities.canOpen && (
                  <Button isDisabled={busy} onPress={() => void act(() => api('/payroll/months', { body: { month } }), `${monthName(month)} är öppnad.`)}>
                    Öppna {monthName(month)}
                  </Button>
                )}
                {m.abilities.canLock && m.version !== null && (
                  <Button isDisabled={busy} onPress={() => void act(() => api(`/payroll/months/${month}/lock`, { body: { version: m.version } }), `${monthName(month)} är låst.`)}>
                    Lås {monthName(month)}
                  </Button>
                )}
              </ButtonRow>
            }
          >
            <SummaryList
              rows={[
                ['Status', <Badge key="s" tone={m.status === 'locked' ? 'success' : 'info'}>{statusLabel[m.status]}</Badge>],
                m.openedAt !== null && ['Öppnad', `${dateTime(m.openedAt)} av ${m.openedBy ?? 'okänd'}`],
                m.lockedAt !== null && ['Låst', `${dateTime(m.lockedAt)} av ${m.lockedBy ?? 'okänd'}`],
                ['Rader utan godkänd rapport', m.policyLabel],
              ]}
            />
            {m.status === 'unopened' && !m.abilities.canOpen && <p>Månaden kan inte öppnas: den har inte börjat än, eller så är en senare månad redan låst.</p>}
            {m.abilities.lockRefusal && (
              <Notice tone="warning" title="Månaden kan inte låsas av dig nu">
                {m.abilities.lockRefusal}
              </Notice>
            )}
          </Section>
          {m.status !== 'unopened' && (
            <>
              <Section title="Summa att betala" id="totals">
                <SummaryList
                  rows={[
                    ['Arvode', formatKronor(m.totals.arvode)],
                    ['Omkostnad', formatKronor(m.totals.omkostnad)],
                    ['Extra utlägg', formatKronor(m.totals.expenses)],
                    ['Totalt', formatKronor(m.totals.total)],
                    ['Rader i lönefilen', String(m.totals.exported)],
                    ['Rättelser för tidigare månader', String(m.totals.corrections)],
                    ['Rader som väntar helt eller delvis', String(m.totals.blocked)],
                  ]}
                />
              </Section>
              {m.abilities.canExport && (
                <Section title="Lönefil" id="export">
                  <p>Filen innehåller raderna med belopp. Samma månad ger alltid exakt samma fil.</p>
                  <ButtonRow>
                    <a className="btn btn-primary" href={`/api/payroll/months/${m.month}/export.csv`} download>
                      Hämta lönefilen som CSV för Excel
                    </a>
                    <a className="btn btn-secondary" href={`/api/payroll/months/${m.month}/export.xlsx`} download>
                      Hämta lönefilen som Excel (.xlsx)
                    </a>
                  </ButtonRow>
                  {m.exports.length > 0 && (
                    <DataTable
                      label={`Hämtade lönefiler ${monthName(m.month)}`}
                      columns={[
                        { id: 'when', label: 'Hämtad', isRowHeader: true, render: (e) => dateTime(e.exportedAt) },
                        { id: 'who', label: 'Av', render: (e) => e.exportedBy ?? 'okänd' },
                        { id: 'format', label: 'Format', render: (e) => (e.format === 'csv' ? 'CSV' : 'Excel') },
                        { id: 'lines', label: 'Rader', align: 'end', render: (e) => String(e.lineCount) },
                        { id: 'sha', label: 'Kontrollsumma (SHA-256)', render: (e) => <code>{e.sha256.slice(0, 16)}…</code> },
                      ]}
                      rows={m.exports.map((e, i) => ({ ...e, id: String(i) }))}
                    />
                  )}
                </Section>
              )}
              <Section title="Rader som väntar" id="blocked">
                <LineTable label={`Rader som väntar ${monthName(m.month)}`} lines={m.blocked} showReason empty="Inga rader väntar. Alla rapporter är godkända." />
              </Section>
              <Section title="Alla rader" id="lines">
                <LineTable label={`Rader ${monthName(m.month)}`} lines={m.lines} empty="Månaden har inga rader." />
                {m.pages > 1 && <Pager page={m.page} pageSize={PAGE_SIZE} total={m.totals.lines} onPage={setPage} label="Sidor med rader" />}
              </Section>
            </>
          )}
        </>
      )}
    </Page>
  );
}

function LineTable({ label, lines, showReason, empty }: { label: string; lines: LineOut[]; showReason?: boolean; empty: string }) {
  return (
    <DataTable
      label={label}
      columns={[
        {
          id: 'cp',
          label: 'Kontaktperson',
          isRowHeader: true,
          render: (l) => (
            <>
              {l.contactPerson.name}
              <span className="muted block">{l.contactPerson.identityNumber}</span>
            </>
          ),
        },
        {
          id: 'assignment',
          label: 'Uppdrag',
          render: (l) => (
            <>
              {l.caseNumber}
              <span className="muted block">
                {l.level}
                {l.kind === 'correction' ? `, rättelse för ${monthName(l.forMonth)}` : l.paidDays < l.daysInMonth ? `, ${l.paidDays} av ${l.daysInMonth} dagar` : ''}
              </span>
            </>
          ),
        },
        { id: 'arvode', label: 'Arvode', align: 'end', render: (l) => formatKronor(l.arvode) },
        { id: 'omkostnad', label: 'Omkostnad', align: 'end', render: (l) => formatKronor(l.omkostnad) },
        { id: 'expenses', label: 'Extra utlägg', align: 'end', render: (l) => formatKronor(l.expenses) },
        showReason ? { id: 'why', label: 'Varför', render: (l) => l.blockedLabel ?? '' } : { id: 'cc', label: 'Kostnadsställe', render: (l) => l.costCentre || '–' },
      ]}
      rows={lines.map((l) => ({ ...l, id: `${l.assignmentId}-${l.kind}-${l.forMonth}` }))}
      empty={empty}
    />
  );
}
