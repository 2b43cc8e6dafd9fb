// The genomförandeplan of an order's decision (/bestallningar/:orderId/genomforandeplan), written by the provider's
// kontaktsekreterare together with the person: goals linked to what the decision says, activities, how often and
// when, how the person wants it, how and when it is followed up. Each save is a new version; the versions stay
// readable and printable (PDF).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { savePlanBody, type PlanOut, type PlanPageOut } from '../../../src/assignments/plan-pay/schema';
import { api, isApiError } from '../platform/api';
import { formatDateTime, today } from '../platform/dates';
import { ActionNotice, useActionNotice, type ActionNoticeApi } from '../platform/flash';
import { DateInput, Form, SelectInput, SubmitButton, TextAreaInput, useVersionedForm } from '../platform/form';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { DataTable } from '../platform/table';
import { Button, ButtonRow, Section, SummaryList } from '../platform/ui';

const NOT_FOUND = 'Beställningen finns inte, eller så har du inte behörighet att se den.';
const MAX_GOALS = 10;
const planKey = (orderId: string) => ['plan', orderId];

export function PlanPage() {
  const { orderId = '' } = useParams();
  const q = useQuery({ queryKey: planKey(orderId), queryFn: () => api<PlanPageOut>(`/orders/${encodeURIComponent(orderId)}/plan`) });
  if (q.isPending) return <Loading label="Hämtar genomförandeplanen" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  return <PlanView p={q.data} />;
}

const pdfHref = (p: PlanPageOut, v: number) => `/api/orders/${p.order.id}/plan/versions/${v}/pdf`;

function PlanView({ p }: { p: PlanPageOut }) {
  const notice = useActionNotice();
  const [shown, setShown] = useState<number | null>(null);
  const d = p.decision;
  return (
    <Page
      title="Genomförandeplan"
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Inkomna beställningar', href: '/bestallningar' },
        { label: `Beställning ${p.order.caseNumber}`, href: `/bestallningar/${p.order.id}` },
      ]}
      lead={`${p.person.name}, ärende ${p.order.caseNumber}. Skriv planen tillsammans med personen. Varje gång du sparar blir det en ny version.`}
    >
      <ActionNotice notice={notice} />
      <Section title="Det här står i beslutet" id="decision">
        <SummaryList
          rows={[
            ['Beslut', `${d.legalBasis}, ${d.decisionDate}`],
            d.scope ? ['Omfattning', d.scope] : null,
            ['Period', `${d.startDate ?? '–'} – ${d.endDate ?? 'tills vidare'}`],
            ['Skäl', d.reasons],
          ]}
        />
      </Section>
      {p.current ? (
        <Section
          title={`Gällande plan (version ${p.current.planVersion})`}
          id="current"
          actions={
            <a className="btn btn-secondary" href={pdfHref(p, p.current.planVersion)} download>
              Hämta planen som PDF
            </a>
          }
        >
          <PlanSummary plan={p.current} />
        </Section>
      ) : (
        <Section title="Gällande plan" id="current">
          <p>Det finns ingen genomförandeplan än.</p>
        </Section>
      )}
      {p.abilities.canWrite && <PlanForm p={p} notice={notice} />}
      {p.versions.length > 0 && (
        <Section title="Versioner" id="versions">
          <DataTable
            label="Versioner av planen"
            columns={[
              { id: 'v', label: 'Version', isRowHeader: true, render: (v) => `Version ${v.planVersion}` },
              { id: 'written', label: 'Skriven', render: (v) => v.writtenDate },
              { id: 'saved', label: 'Sparad', render: (v) => `${formatDateTime(v.savedAt)}${v.savedBy ? ` av ${v.savedBy}` : ''}` },
              {
                id: 'actions',
                label: 'Åtgärd',
                render: (v) => (
                  <ButtonRow>
                    <Button variant="secondary" onPress={() => setShown(v.planVersion)} aria-label={`Visa version ${v.planVersion}`}>
                      Visa
                    </Button>
                    <a className="btn btn-secondary" href={pdfHref(p, v.planVersion)} download aria-label={`Hämta version ${v.planVersion} som PDF`}>
                      PDF
                    </a>
                  </ButtonRow>
                ),
              },
            ]}
            rows={p.versions.map((v) => ({ ...v, id: String(v.planVersion) }))}
            empty="Inga versioner."
          />
          {shown !== null && <OldVersion orderId={p.order.id} planVersion={shown} />}
        </Section>
      )}
    </Page>
  );
}

function OldVersion({ orderId, planVersion }: { orderId: string; planVersion: number }) {
  const q = useQuery({ queryKey: [...planKey(orderId), planVersion], queryFn: () => api<PlanOut>(`/orders/${orderId}/plan/versions/${planVersion}`) });
  if (q.isPending) return <Loading label="Hämtar versionen" />;
  if (q.isError) return <PageError error={q.error} />;
  return (
    <section aria-labelledby="old-version-heading">
      <h3 id="old-version-heading">Version {planVersion}</h3>
      <PlanSummary plan={q.data} />
    </section>
  );
}

function PlanSummary({ plan }: { plan: PlanOut }) {
  return (
    <SummaryList
      rows={[
        [
          'Mål',
          <ol key="goals">
            {plan.goals.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never changes
              <li key={i}>
                {g.goal}
                {g.fromDecision && <span className="muted block">Från beslutet: {g.fromDecision}</span>}
              </li>
            ))}
          </ol>,
        ],
        ['Aktiviteter', plan.activities ?? '–'],
        ['Hur ofta och när', plan.schedule ?? '–'],
        ['Så vill personen ha det', plan.personWishes ?? '–'],
        ['Uppföljning', `${plan.followUpHow ?? '–'}${plan.followUpDate ? ` (senast ${plan.followUpDate})` : ''}`],
        ['Skriven tillsammans med personen', plan.writtenDate],
      ]}
    />
  );
}

/** What in the decision a goal can be linked to: its scope and each sentence of its reasons. */
function decisionOptions(p: PlanPageOut): { value: string; label: string }[] {
  const parts = [...(p.decision.scope ? [p.decision.scope] : []), ...p.decision.reasons.split(/(?<=[.!?])\s+/).map((s) => s.trim())].filter(Boolean);
  for (const g of p.current?.goals ?? []) if (g.fromDecision && !parts.includes(g.fromDecision)) parts.push(g.fromDecision);
  return [{ value: '', label: 'Inget särskilt' }, ...parts.map((s) => ({ value: s, label: s }))];
}

function PlanForm({ p, notice }: { p: PlanPageOut; notice: ActionNoticeApi }) {
  const qc = useQueryClient();
  const c = p.current;
  const [count, setCount] = useState(Math.max(1, c?.goals.length ?? 1));
  const initial: Record<string, string> = {};
  for (let i = 0; i < MAX_GOALS; i++) {
    initial[`goals.${i}.goal`] = c?.goals[i]?.goal ?? '';
    initial[`goals.${i}.fromDecision`] = c?.goals[i]?.fromDecision ?? '';
  }
  Object.assign(initial, {
    activities: c?.activities ?? '',
    schedule: c?.schedule ?? '',
    personWishes: c?.personWishes ?? '',
    followUpHow: c?.followUpHow ?? '',
    followUpDate: c?.followUpDate ?? '',
    writtenDate: today(),
  });
  const form = useVersionedForm(
    {
      id: 'plan',
      initial,
      schema: savePlanBody,
      toBody: (v) => ({
        basedOnVersion: c?.planVersion ?? 0,
        goals: Array.from({ length: count }, (_, i) => ({ goal: v[`goals.${i}.goal`], fromDecision: v[`goals.${i}.fromDecision`] || null })).filter((g, i) => i === 0 || g.goal.trim() !== ''),
        activities: v.activities,
        schedule: v.schedule,
        personWishes: v.personWishes,
        followUpHow: v.followUpHow,
        followUpDate: v.followUpDate.trim() || null,
        writtenDate: v.writtenDate.trim(),
      }),
      check: (_v, body): Record<string, string> => (body.writtenDate > today() ? { writtenDate: 'Datumet kan inte vara senare än i dag.' } : {}),
    },
    undefined,
    async (body) => {
      const saved = await api<PlanPageOut>(`/orders/${p.order.id}/plan`, { body });
      qc.setQueryData(planKey(p.order.id), saved);
      notice.show(`Genomförandeplanen är sparad som version ${saved.current?.planVersion}.`);
    },
  );
  const options = decisionOptions(p);
  return (
    <Section title={c ? 'Skriv en ny version' : 'Skriv planen'} id="write">
      <Form form={form} aria-labelledby="write-heading" onReload={() => void qc.invalidateQueries({ queryKey: planKey(p.order.id) })}>
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: goal slots are positions
          <fieldset key={i} className="fieldset">
            <legend className="fieldset-legend">Mål {i + 1}</legend>
            <TextAreaInput name={`goals.${i}.goal`} label={`Vad vill personen nå? (mål ${i + 1})`} rows={2} optional={i > 0} />
            <SelectInput name={`goals.${i}.fromDecision`} label={`Koppling till beslutet (mål ${i + 1})`} options={options} optional />
          </fieldset>
        ))}
        {count < MAX_GOALS && (
          <Button variant="secondary" onPress={() => setCount(count + 1)}>
            Lägg till mål
          </Button>
        )}
        <TextAreaInput name="activities" label="Aktiviteter" hint="Vad gör personen och kontaktpersonen tillsammans?" optional />
        <TextAreaInput name="schedule" label="Hur ofta och när" hint="Till exempel varje tisdag efter skolan." optional rows={2} />
        <TextAreaInput name="personWishes" label="Så vill personen ha det" optional />
        <TextAreaInput name="followUpHow" label="Hur planen följs upp" optional rows={2} />
        <DateInput name="followUpDate" label="Uppföljning senast" optional />
        <DateInput name="writtenDate" label="Skriven tillsammans med personen" />
        <SubmitButton form={form}>{c ? 'Spara ny version' : 'Spara planen'}</SubmitButton>
      </Form>
    </Section>
  );
}
