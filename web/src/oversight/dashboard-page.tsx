// Översikt: the unit's key figures as charts, each with a text alternative, a table of the same figures and a CSV
// download. Filters: unit (for the whole municipality's scope), legal route, period. Aggregates only.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dashboardQuery, type DashboardOut, type DashboardQuery } from '../../../src/oversight/dashboard-schema';
import { dashboardPeriodProblem, daysText, percentText } from '../../../src/oversight/dashboard-rules';
import { formatKronor } from '../../../src/payments/rules';
import { api } from '../platform/api';
import { useCan } from '../platform/auth';
import { DateInput, FieldGroup, Form, SelectInput, SubmitButton, useForm, type FieldErrors } from '../platform/form';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { ButtonRow, Link, Notice } from '../platform/ui';
import { BarChart, CsvButton, FigureTable, type Series } from './dashboard-chart';

function queryString(f: DashboardQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const oneDecimal = (v: number | null) => (v === null ? '–' : (Math.round(v * 10) / 10).toString().replace('.', ','));

/** One figure: heading, chart, table, CSV. */
function Figure({ id, title, summary, categories, series, format, header, rows, fileName }: {
  id: string;
  title: string;
  summary: string;
  categories: readonly string[];
  series: readonly Series[];
  format: (v: number) => string;
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  fileName: string;
}) {
  return (
    <section className="section dashboard-figure" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p>{summary}</p>
      <BarChart id={id} title={title} summary={summary} categories={categories} series={series} format={format} />
      <FigureTable caption={title} header={header} rows={rows} />
      <ButtonRow>
        <CsvButton fileName={fileName} header={header} rows={rows} label={title.toLowerCase()} />
      </ButtonRow>
    </section>
  );
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

function Figures({ d }: { d: DashboardOut }) {
  const months = d.requestsPerMonth.map((m) => m.month);
  const period = `${d.filters.from}–${d.filters.to}`;
  const worst = (list: DashboardOut['waitingToDecision']) => list.filter((m) => m.median !== null);
  const lastWith = (list: DashboardOut['waitingToDecision']) => worst(list).at(-1);
  const waitingSummary = (what: string, list: DashboardOut['waitingToDecision']) => {
    const last = lastWith(list);
    return last
      ? `${what}, per månad ${period}. Senast (${last.month}): median ${daysText(last.median)}, 90:e percentilen ${daysText(last.p90)}, ${last.count} ärenden.`
      : `${what}: inga ärenden under perioden.`;
  };
  const inTimeTotal = { decisions: sum(d.executedInTime.map((m) => m.decisions)), inTime: sum(d.executedInTime.map((m) => m.inTime)) };
  const free = sum(d.contactPersons.map((c) => c.freePlaces));
  const payTotal = sum(d.payPerMonth.map((m) => m.total));
  return (
    <>
      <section className="section" aria-labelledby="deadline-h">
        <h2 id="deadline-h">Beslut som inte verkställts inom tre månader</h2>
        <FigureTable
          caption="Beslut som inte verkställts inom tre månader"
          header={['Läge', 'Antal beslut']}
          rows={[
            ['Har passerat tremånadersgränsen (rapporteras till IVO)', d.pastDeadline.now],
            ['Passerar gränsen inom 30 dagar', d.pastDeadline.next30Days],
          ]}
        />
        <p>
          <Link href="/forsenat">Se vilka ärenden det gäller i listan Försenat</Link>
        </p>
      </section>
      <Figure
        id="requests"
        title="Ansökningar och aktualiseringar per månad"
        summary={`${sum(d.requestsPerMonth.map((m) => m.count))} ärenden kom in ${period}.`}
        categories={months}
        series={[{ label: 'Ärenden', values: d.requestsPerMonth.map((m) => m.count) }]}
        format={String}
        header={['Månad', 'Antal ärenden']}
        rows={d.requestsPerMonth.map((m) => [m.month, m.count])}
        fileName={`arenden-per-manad-${d.filters.from}-${d.filters.to}.csv`}
      />
      <Figure
        id="to-decision"
        title="Väntetid från ansökan till beslut"
        summary={waitingSummary('Dagar från att ärendet kom in till beslut', d.waitingToDecision)}
        categories={months}
        series={[
          { label: 'Median', values: d.waitingToDecision.map((m) => m.median) },
          { label: '90:e percentilen', values: d.waitingToDecision.map((m) => m.p90) },
        ]}
        format={(v) => `${Math.round(v)} d`}
        header={['Beslutsmånad', 'Antal beslut', 'Median (dagar)', '90:e percentilen (dagar)']}
        rows={d.waitingToDecision.map((m) => [m.month, m.count, oneDecimal(m.median), oneDecimal(m.p90)])}
        fileName={`vantetid-till-beslut-${d.filters.from}-${d.filters.to}.csv`}
      />
      <Figure
        id="to-execution"
        title="Väntetid från beslut till verkställighet"
        summary={waitingSummary('Dagar från bifallsbeslut till verkställt', d.waitingToExecution)}
        categories={months}
        series={[
          { label: 'Median', values: d.waitingToExecution.map((m) => m.median) },
          { label: '90:e percentilen', values: d.waitingToExecution.map((m) => m.p90) },
        ]}
        format={(v) => `${Math.round(v)} d`}
        header={['Verkställd månad', 'Antal verkställda', 'Median (dagar)', '90:e percentilen (dagar)']}
        rows={d.waitingToExecution.map((m) => [m.month, m.count, oneDecimal(m.median), oneDecimal(m.p90)])}
        fileName={`vantetid-till-verkstallighet-${d.filters.from}-${d.filters.to}.csv`}
      />
      <Figure
        id="in-time"
        title="Andel verkställda inom tre månader"
        summary={`Av ${inTimeTotal.decisions} bifallsbeslut under perioden vars tre månader har gått (eller som verkställts) verkställdes ${percentText(inTimeTotal.decisions ? inTimeTotal.inTime / inTimeTotal.decisions : null)} inom tre månader.`}
        categories={months}
        series={[{ label: 'Andel inom tre månader', values: d.executedInTime.map((m) => (m.share === null ? null : Math.round(m.share * 100))) }]}
        format={(v) => `${Math.round(v)} %`}
        header={['Beslutsmånad', 'Beslut', 'Verkställda inom tre månader', 'Andel']}
        rows={d.executedInTime.map((m) => [m.month, m.decisions, m.inTime, percentText(m.share)])}
        fileName={`verkstallda-inom-tre-manader-${d.filters.from}-${d.filters.to}.csv`}
      />
      <Figure
        id="open-orders"
        title="Öppna beställningar efter ålder"
        summary={`${sum(d.openOrdersByAge.map((b) => b.count))} beställningar väntar på verkställighet i dag. ${d.openOrdersByAge.map((b) => `${b.label}: ${b.count}`).join(', ')}.`}
        categories={d.openOrdersByAge.map((b) => b.label)}
        series={[{ label: 'Beställningar', values: d.openOrdersByAge.map((b) => b.count) }]}
        format={String}
        header={['Tid sedan beställningen', 'Antal beställningar']}
        rows={d.openOrdersByAge.map((b) => [b.label, b.count])}
        fileName={`oppna-bestallningar-${d.today}.csv`}
      />
      <Figure
        id="contact-persons"
        title="Kontaktpersoner efter status"
        summary={`Hela kommunens register i dag: ${d.contactPersons.map((c) => `${c.label.toLowerCase()} ${c.count}`).join(', ')}. ${free} lediga platser för nya uppdrag.`}
        categories={d.contactPersons.map((c) => c.label)}
        series={[{ label: 'Kontaktpersoner', values: d.contactPersons.map((c) => c.count) }]}
        format={String}
        header={['Status', 'Antal kontaktpersoner', 'Lediga platser']}
        rows={d.contactPersons.map((c) => [c.label, c.count, c.freePlaces])}
        fileName={`kontaktpersoner-${d.today}.csv`}
      />
      <Figure
        id="assignments"
        title="Pågående uppdrag"
        summary={`Uppdrag som pågick den sista dagen i varje månad (i dag för innevarande månad). Senast: ${d.activeAssignments.at(-1)?.count ?? 0}.`}
        categories={months}
        series={[{ label: 'Uppdrag', values: d.activeAssignments.map((m) => m.count) }]}
        format={String}
        header={['Månad', 'Pågående uppdrag']}
        rows={d.activeAssignments.map((m) => [m.month, m.count])}
        fileName={`pagaende-uppdrag-${d.filters.from}-${d.filters.to}.csv`}
      />
      <Figure
        id="pay"
        title="Arvoden och omkostnader per lönemånad"
        summary={`Utbetalt enligt låsta lönemånader ${period}: ${formatKronor(payTotal)} totalt.`}
        categories={months}
        series={[{ label: 'Totalt', values: d.payPerMonth.map((m) => m.total / 100) }]}
        format={(v) => `${Math.round(v).toLocaleString('sv-SE')} kr`}
        header={['Lönemånad', 'Arvode (kr)', 'Omkostnad (kr)', 'Utlägg (kr)', 'Totalt (kr)']}
        rows={d.payPerMonth.map((m) => [m.month, m.arvode / 100, m.omkostnad / 100, m.expenses / 100, m.total / 100])}
        fileName={`arvoden-per-manad-${d.filters.from}-${d.filters.to}.csv`}
      />
    </>
  );
}

export function DashboardPage() {
  const [filter, setFilter] = useState<DashboardQuery>({});
  const canLss = useCan('statistics:lss');
  const result = useQuery({ queryKey: ['dashboard', filter], queryFn: () => api<DashboardOut>(`/oversight/dashboard${queryString(filter)}`) });
  const d = result.data;
  const form = useForm({
    id: 'dashboard',
    initial: { unitId: '', route: '', from: '', to: '' },
    schema: dashboardQuery,
    toBody: (v) => ({ unitId: v.unitId || undefined, route: v.route || undefined, from: v.from.trim() || undefined, to: v.to.trim() || undefined }),
    check: (v) => {
      const errs: FieldErrors = {};
      const p = v.from.trim() && v.to.trim() ? dashboardPeriodProblem(v.from.trim(), v.to.trim()) : null;
      if (p) errs[p.path] = p.message;
      return errs;
    },
    onSubmit: (q) => setFilter(q),
  });
  return (
    <Page title="Översikt" breadcrumbs={[{ label: 'Start', href: '/' }]} lead="Nyckeltal för enheten: väntetider, beställningar, uppdrag och arvoden. Bara antal, inga personer.">
      {d?.lssStatistics && (
        <Notice tone="warning" title="Dags för LSS-statistiken till Socialstyrelsen">
          Läget den {d.lssStatistics.referenceDate} ska lämnas senast {d.lssStatistics.dueDate}.{' '}
          {canLss ? <Link href="/oversikt/lss-statistik">Skapa filen</Link> : 'Enhetschefen skapar filen.'}
        </Notice>
      )}
      <p>
        <Link href="/forsenat">Försenat: allt som har passerat en tidsgräns</Link>
      </p>
      <Form form={form} aria-label="Välj vad nyckeltalen ska visa" failureTitle="Det gick inte att visa nyckeltalen">
        <FieldGroup legend="Urval">
          {d && d.units.length > 1 && <SelectInput name="unitId" label="Enhet" optional placeholder="Alla enheter" options={d.units.map((u) => ({ value: u.id, label: u.name }))} />}
          <SelectInput name="route" label="Lagrum" optional placeholder="LSS och SoL" options={[{ value: 'LSS', label: 'LSS' }, { value: 'SOL', label: 'SoL' }]} />
          <div className="field-row">
            <DateInput name="from" label="Från och med" optional hint={d ? `Lämnar du fältet tomt gäller ${d.filters.from}.` : undefined} />
            <DateInput name="to" label="Till och med" optional hint={d ? `Lämnar du fältet tomt gäller ${d.filters.to}.` : undefined} />
          </div>
        </FieldGroup>
        <ButtonRow>
          <SubmitButton form={form}>Visa nyckeltal</SubmitButton>
        </ButtonRow>
      </Form>
      {result.isPending && <Loading label="Hämtar nyckeltal" />}
      {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
      {d && (
        <div aria-live="polite">
          <p className="muted">
            {d.units.find((u) => u.id === d.filters.unitId)?.name ?? 'Alla enheter'}, {d.filters.route ?? 'LSS och SoL'}, {d.filters.from}–{d.filters.to}.
          </p>
          <Figures d={d} />
        </div>
      )}
    </Page>
  );
}
