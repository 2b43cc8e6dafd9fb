// Gallring: the retention rules, a dry run that lists what would go, the run (in batches), and the log of runs.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { disposalRuleBody, type disposalOverviewOut, type DisposalRunOut } from '../../../src/oversight/disposal-schema';
import { api } from '../platform/api';
import { formatDateTime } from '../platform/dates';
import { ConfirmDialog } from '../platform/dialog';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { CheckboxInput, Form, SubmitButton, TextInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, PageError } from '../platform/states';
import { DataTable } from '../platform/table';
import { Button, ButtonRow, Notice, Section, SummaryList } from '../platform/ui';

type Overview = z.infer<typeof disposalOverviewOut>;
type Rule = Overview['rules'][number];
const queryKey = ['oversight', 'disposal'];

const yesNo = (b: boolean) => (b ? 'Ja' : 'Nej');
const days = (d: number[]) => (d.length ? d.join(', ') : 'Inga');

export function DisposalPage() {
  const q = useQuery({ queryKey, queryFn: () => api<Overview>('/oversight/disposal') });
  const notice = useActionNotice();
  if (q.isPending) return <Loading />;
  if (q.isError) return <PageError error={q.error} title="Gallring" />;
  return (
    <Page
      title="Gallring"
      breadcrumbs={[{ label: 'Start', href: '/' }]}
      lead="Avslutade ärenden och personer utan ärenden tas bort efter den tid som reglerna säger. Provkör först och se vad som skulle tas bort. Loggen över vem som läst uppgifter tas aldrig bort."
    >
      <ActionNotice notice={notice} />
      <RunSection notice={notice} />
      <Section title="Regler" id="regler">
        <DataTable
          label="Regler för gallring"
          rows={q.data.rules.map((r) => ({ ...r, id: r.recordType }))}
          columns={[
            { id: 'label', label: 'Uppgifter', isRowHeader: true, render: (r) => r.label },
            { id: 'active', label: 'Gäller', render: (r) => yesNo(r.active) },
            { id: 'years', label: 'År efter sista anteckningen', align: 'end', render: (r) => r.yearsAfterLastEntry },
            { id: 'days', label: 'Sparas för födda dag', render: (r) => days(r.keepBornOnDays) },
            { id: 'lss', label: 'Beslut enligt LSS sparas', render: (r) => (r.recordType === 'closed_case' ? yesNo(r.keepLssDecisions) : '–') },
            { id: 'pseud', label: 'Loggen pseudonymiseras', render: (r) => yesNo(r.pseudonymiseAudit) },
          ]}
        />
        <p>Uppgifterna tas bort tidigast när tiden har gått och senast vid utgången av året efter.</p>
        {q.data.rules.map((r) => (
          <RuleForm key={`${r.recordType}-${r.version}`} rule={r} notice={notice} />
        ))}
      </Section>
      <Section title="Logg över körningar" id="logg">
        <DataTable
          label="Körningar av gallring"
          empty="Ingen har provkört eller gallrat än."
          rows={q.data.runs}
          columns={[
            { id: 'startedAt', label: 'När', isRowHeader: true, render: (r) => <span className="nowrap">{formatDateTime(r.startedAt)}</span> },
            { id: 'kind', label: 'Slag', render: (r) => (r.dryRun ? 'Provkörning' : r.finishedAt ? 'Gallring' : 'Gallring (avbruten)') },
            { id: 'who', label: 'Vem', render: (r) => r.ranByName },
            { id: 'cases', label: 'Ärenden', align: 'end', render: (r) => r.cases },
            { id: 'persons', label: 'Personer', align: 'end', render: (r) => r.persons },
            { id: 'audit', label: 'Loggposter pseudonymiserade', align: 'end', render: (r) => r.auditPseudonymised },
            { id: 'kept', label: 'Sparade (född 5/15/25, LSS, lön)', align: 'end', render: (r) => `${r.keptBornOn}, ${r.keptLss}, ${r.keptPayroll}` },
          ]}
        />
      </Section>
    </Page>
  );
}

function RunSection({ notice }: { notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const [result, setResult] = useState<DisposalRunOut | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    api<DisposalRunOut>('/oversight/disposal/run', { body: { dryRun } })
      .then((r) => {
        setResult(r);
        setConfirm(false);
        if (!dryRun) notice.show(`Gallringen är klar: ${r.cases} ärenden och ${r.persons} personer är borttagna.`);
        void qc.invalidateQueries({ queryKey });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Något gick fel.'))
      .finally(() => setBusy(false));
  };
  return (
    <Section title="Provkör och gallra" id="gallra">
      <ButtonRow>
        <Button variant="secondary" isDisabled={busy} onPress={() => run(true)}>
          Provkör gallring
        </Button>
        {result?.dryRun && result.cases + result.persons > 0 && (
          <Button variant="danger" isDisabled={busy} onPress={() => setConfirm(true)}>
            Gallra nu
          </Button>
        )}
      </ButtonRow>
      {error && <Notice tone="warning" live title={error} />}
      {result && (
        <>
          <Notice
            tone={result.dryRun ? 'info' : 'success'}
            live
            title={result.dryRun ? `Provkörning: ${result.cases} ärenden och ${result.persons} personer skulle tas bort.` : `${result.cases} ärenden och ${result.persons} personer är borttagna.`}
          />
          <SummaryList
            rows={[
              ['Ärenden', result.cases],
              ['Personer', result.persons],
              ['Loggposter som får pseudonym', result.auditPseudonymised],
              ['Sparas: född den 5, 15 eller 25', result.keptBornOn],
              ['Sparas: beslut enligt LSS', result.keptLss],
              ['Sparas: har lönerader', result.keptPayroll],
              ['Omgångar', result.batches],
            ]}
          />
          {result.listed.length > 0 && (
            <DataTable
              label={result.dryRun ? 'Ärenden som skulle tas bort' : 'Ärenden som togs bort'}
              rows={result.listed.map((l) => ({ ...l, id: l.caseNumber }))}
              columns={[
                { id: 'caseNumber', label: 'Ärende', isRowHeader: true, render: (l) => l.caseNumber },
                { id: 'lastEntry', label: 'Sista anteckning', render: (l) => l.lastEntry },
                { id: 'dueBy', label: 'Ska vara borttaget senast', render: (l) => l.dueBy },
              ]}
            />
          )}
          {!result.listedAll && <p>Listan visar de första 200 ärendena. Antalen ovan gäller alla.</p>}
        </>
      )}
      <ConfirmDialog isOpen={confirm} onClose={() => setConfirm(false)} onConfirm={() => run(false)} title="Gallra nu?" confirmLabel="Ja, gallra" pending={busy}>
        <p>
          {result?.cases ?? 0} ärenden och {result?.persons ?? 0} personer tas bort för alltid. Det går inte att ångra. Loggen sparar bara antalen och att du gjorde det.
        </p>
      </ConfirmDialog>
    </Section>
  );
}

function RuleForm({ rule, notice }: { rule: Rule; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const form = useVersionedForm(
    {
      id: `disposal-rule-${rule.recordType}`,
      initial: {
        active: rule.active,
        yearsAfterLastEntry: String(rule.yearsAfterLastEntry),
        keepBornOnDays: rule.keepBornOnDays.join(', '),
        keepLssDecisions: rule.keepLssDecisions,
        pseudonymiseAudit: rule.pseudonymiseAudit,
      },
      schema: disposalRuleBody,
      toBody: (v) => ({
        active: v.active,
        yearsAfterLastEntry: /^\d+$/.test(v.yearsAfterLastEntry.trim()) ? Number(v.yearsAfterLastEntry.trim()) : v.yearsAfterLastEntry,
        keepBornOnDays: v.keepBornOnDays
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((d) => (/^\d+$/.test(d) ? Number(d) : d)),
        keepLssDecisions: v.keepLssDecisions,
        pseudonymiseAudit: v.pseudonymiseAudit,
      }),
    },
    rule.version,
    async (body) => {
      qc.setQueryData(queryKey, await api<Overview>(`/oversight/disposal/rules/${rule.recordType}`, { method: 'PUT', body }));
      notice.show(`Regeln för ${rule.label.toLowerCase()} är sparad.`);
    },
  );
  return (
    <Form form={form} aria-label={`Regel: ${rule.label}`} onReload={() => void qc.invalidateQueries({ queryKey })}>
      <h3>{rule.label}</h3>
      <CheckboxInput name="active" label="Regeln gäller" />
      <TextInput name="yearsAfterLastEntry" label="År efter sista anteckningen" inputMode="numeric" width="xs" />
      <TextInput name="keepBornOnDays" label="Spara personer födda dessa dagar i månaden" hint="Till exempel 5, 15, 25. Lämna tomt för inga." optional width="s" />
      {rule.recordType === 'closed_case' && <CheckboxInput name="keepLssDecisions" label="Spara ärenden med beslut enligt LSS" />}
      <CheckboxInput name="pseudonymiseAudit" label="Ge loggposterna en pseudonym när personen tas bort" hint="Loggposterna finns kvar, men utan koppling till personen." />
      <SubmitButton form={form}>Spara regeln</SubmitButton>
    </Form>
  );
}
