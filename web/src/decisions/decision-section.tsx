// Decisions' part of the case page: the decide form (with the investigation's blockers and warnings, the legal bases
// in force on the decision date and the hours equivalent), each decision with its letter, sent date, appeals and
// follow-ups, and the enhetschef's approve / send back. The client checks are the server's own rules
// (src/decisions/rules.ts), so the page and the API cannot disagree.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { appealOutcomeLabel, APPEAL_OUTCOMES, decisionOutcomeLabel, DECISION_OUTCOMES, decisionProblems, decisionStateLabel, followUpResultLabel, FOLLOW_UP_RESULTS, formatHours, formatScope, isFavourable, monthlyHoursEquivalent, needsApproval, periodWarning, periodWarningMessage, SCOPE_UNITS, scopeUnitLabel, successionLabel, type ScopeUnit } from '../../../src/decisions/rules';
import { appealBody, appealRouteLabel, appealUpdateBody, decisionBody, followUpBody, returnDecisionBody, sentBody } from '../../../src/decisions/schema';
import { api } from '../platform/api';
import { today } from '../platform/dates';
import { CheckboxInput, DateInput, Form, RadioInput, SelectInput, SubmitButton, TextAreaInput, TextInput, useForm } from '../platform/form';
import { Loading, PageError } from '../platform/states';
import { Badge, Notice, Section, SummaryList } from '../platform/ui';
import type { ActionNoticeApi } from '../platform/flash';
import type { CaseSectionProps } from '../intake/case-step';
import { caseQueryKey, type Case } from '../intake/api';
import { decisionsQueryKey, type Appeal, type CaseDecisions, type Decision, type LegalBasesList } from './api';

export function DecisionSection({ c, notice }: CaseSectionProps) {
  const q = useQuery({ queryKey: decisionsQueryKey(c.id), queryFn: () => api<CaseDecisions>(`/cases/${c.id}/decisions`) });
  if (q.isPending) return <Loading label="Hämtar beslut" />;
  if (q.isError) return <PageError error={q.error} title="Beslut" />;
  const data = q.data;
  const hasFirst = data.items.some((d) => d.previousDecisionId === null);
  const current = data.items.find((d) => d.state === 'decided');
  const replaced = new Set(data.items.map((d) => d.previousDecisionId).filter(Boolean));
  // Before the investigation (or while the case is an aktualisering) there is nothing to decide yet: no section.
  const early = data.blockers.some((b) => b.code === 'DECISION_CASE_IS_REFERRAL' || b.code === 'INVESTIGATION_MISSING');
  if (data.items.length === 0 && early) return null;
  return (
    <>
      {!hasFirst && (
        <Section title="Beslut" id="decide">
          {data.blockers.map((b) => (
            <Notice key={b.code} tone="warning" title="Du kan inte fatta beslut än">
              <p>{b.message}</p>
            </Notice>
          ))}
          {data.warnings.map((w) => (
            <Notice key={w.code} tone="info" title="Varning från utredningen">
              <p>{w.message}</p>
            </Notice>
          ))}
          {data.canDecide ? <DecideForm c={c} data={data} notice={notice} /> : data.blockers.length === 0 && <p>Det finns inget beslut i ärendet.</p>}
        </Section>
      )}
      {data.items.map((d) => (
        <DecisionCard key={d.id} c={c} d={d} data={data} notice={notice} isCurrent={d.id === current?.id && !replaced.has(d.id)} />
      ))}
    </>
  );
}

function useRefresh(c: Case) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: decisionsQueryKey(c.id) });
    void qc.invalidateQueries({ queryKey: caseQueryKey(c.id) });
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['decision-lists'] });
  };
}

/** A typed YYYY-MM-DD that is a real day (the schema gives the message; this only decides what to show). */
const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const num = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim() === '' ? null : v);

type DecideValues = {
  outcome: string;
  requested: string;
  reasons: string;
  decisionDate: string;
  legalBasisId: string;
  scopeUnit: string;
  scopeAmount: string;
  level: string;
  contactPersonCount: string;
  startDate: string;
  endDate: string;
  periodReason: string;
  homeCareTariff: boolean;
};

function initialOf(d: Decision | null): DecideValues {
  return {
    outcome: d?.outcome ?? '',
    requested: d?.requested ?? '',
    reasons: d?.reasons ?? '',
    decisionDate: d?.decisionDate ?? today(),
    legalBasisId: d?.legalBasis.id ?? '',
    scopeUnit: d?.scopeUnit ?? 'meetings_per_week',
    scopeAmount: d?.scopeAmount ? String(d.scopeAmount) : '',
    level: d?.level ?? '',
    contactPersonCount: d?.contactPersonCount ? String(d.contactPersonCount) : '1',
    startDate: d?.startDate ?? '',
    endDate: d?.endDate ?? '',
    periodReason: d?.periodReason ?? '',
    homeCareTariff: d?.homeCareTariff ?? false,
  };
}

/**
 * The decide form: a first decision (POST /cases/:id/decisions), a successor (renewal/change) or a revision of a
 * decision the enhetschef sent back (PUT /decisions/:id).
 */
function DecideForm({
  c,
  data,
  notice,
  revise,
  successorOf,
  onDone,
}: {
  c: Case;
  data: CaseDecisions;
  notice: ActionNoticeApi;
  revise?: Decision;
  successorOf?: { d: Decision; succession: 'renewal' | 'change' };
  onDone?: () => void;
}) {
  const refresh = useRefresh(c);
  const base = revise ?? successorOf?.d ?? null;
  const form = useForm({
    id: revise ? `revise-${revise.id}` : successorOf ? `successor-${successorOf.d.id}` : 'decide',
    initial: successorOf ? { ...initialOf(base), decisionDate: today(), startDate: successorOf.d.endDate ?? '', endDate: '', legalBasisId: '' } : initialOf(base),
    schema: decisionBody,
    toBody: (v) => {
      const fav = v.outcome === 'granted' || v.outcome === 'partly_granted';
      return {
        outcome: v.outcome || undefined,
        requested: v.requested,
        reasons: v.reasons,
        decisionDate: v.decisionDate.trim(),
        legalBasisId: v.legalBasisId || undefined,
        scopeUnit: fav ? v.scopeUnit || null : null,
        scopeAmount: fav ? num(v.scopeAmount) : null,
        level: fav ? v.level : null,
        contactPersonCount: fav ? num(v.contactPersonCount) : null,
        startDate: fav ? v.startDate.trim() || null : null,
        endDate: fav ? v.endDate.trim() || null : null,
        periodReason: fav ? v.periodReason : null,
        homeCareTariff: v.homeCareTariff,
      };
    },
    check: (_v, body) => {
      const errs: Record<string, string> = {};
      for (const p of decisionProblems(body, {
        today: today(),
        applicationDate: c.applicationDate,
        decisionMaxMonths: data.settings.decisionMaxMonths,
        levelCodes: data.settings.scopeLevels.map((l) => l.code),
      }))
        errs[p.path] ??= p.message;
      return errs;
    },
    onSubmit: async (body) => {
      const saved = revise
        ? await api<Decision>(`/decisions/${revise.id}`, { method: 'PUT', body: { ...body, version: revise.version } })
        : successorOf
          ? await api<Decision>(`/decisions/${successorOf.d.id}/successor`, { body: { ...body, succession: successorOf.succession } })
          : await api<Decision>(`/cases/${c.id}/decisions`, { body });
      refresh();
      onDone?.();
      notice.show(saved.state === 'decided' ? 'Beslutet är fattat.' : 'Beslutet väntar nu på enhetschefens godkännande.');
    },
  });
  const v = form.values;
  const dateOk = isCalendarDate(v.decisionDate.trim());
  const bases = useQuery({
    queryKey: ['legal-bases', c.id, v.decisionDate.trim()],
    queryFn: () => api<LegalBasesList>(`/cases/${c.id}/legal-bases?date=${v.decisionDate.trim()}`),
    enabled: dateOk,
    placeholderData: (prev) => prev,
  });
  const fav = v.outcome === 'granted' || v.outcome === 'partly_granted';
  const amount = Number(v.scopeAmount);
  const unit = v.scopeUnit as ScopeUnit;
  const hours = fav && SCOPE_UNITS.includes(unit) && Number.isInteger(amount) && amount > 0 ? monthlyHoursEquivalent(unit, amount, data.settings) : null;
  const count = Number(v.contactPersonCount);
  const approval = fav && needsApproval({ hoursPerMonth: hours, contactPersonCount: Number.isInteger(count) ? count : null }, data.settings);
  const period = fav && isCalendarDate(v.startDate.trim()) ? periodWarning(v.startDate.trim(), isCalendarDate(v.endDate.trim()) ? v.endDate.trim() : null, data.settings.decisionMaxMonths) : null;
  const basisOptions = (bases.data?.items ?? []).map((b) => ({
    value: b.id,
    label: `${b.paragraph} ${b.law}`,
    hint: `${b.name}. Överklagas genom ${appealRouteLabel[b.appealRoute].toLowerCase()}.`,
  }));
  const submitLabel = revise ? 'Spara och skicka igen' : successorOf ? (successorOf.succession === 'renewal' ? 'Fatta beslut om förlängning' : 'Fatta nytt beslut') : 'Fatta beslut';
  return (
    <Form form={form} aria-label={submitLabel} onReload={refresh}>
      <RadioInput name="outcome" label="Beslut" inline options={DECISION_OUTCOMES.map((o) => ({ value: o, label: decisionOutcomeLabel[o] }))} />
      <TextAreaInput name="requested" label="Vad personen ansökte om" optional hint="Med personens egna ord. Står i beslutsbrevet." rows={2} />
      <TextAreaInput name="reasons" label="Skälen för beslutet" hint="Skriv enkelt och tydligt. Står i beslutsbrevet." rows={5} />
      <DateInput name="decisionDate" label="Beslutsdatum" />
      {basisOptions.length > 0 ? (
        <RadioInput name="legalBasisId" label="Rättslig grund" hint={`Grunder för ${c.route === 'LSS' ? 'LSS' : 'socialtjänstlagen'} som gäller på beslutsdatumet.`} options={basisOptions} />
      ) : (
        <Notice tone="warning" title="Ingen rättslig grund">
          <p>{dateOk ? 'Det finns ingen rättslig grund för ärendets lag på beslutsdatumet.' : 'Skriv ett beslutsdatum för att se de rättsliga grunderna.'}</p>
        </Notice>
      )}
      {fav && (
        <>
          <RadioInput name="scopeUnit" label="Omfattningen anges i" inline options={SCOPE_UNITS.map((u) => ({ value: u, label: scopeUnitLabel[u] }))} />
          <TextInput name="scopeAmount" label="Omfattning" inputMode="numeric" width="xs" autoComplete="off" hint={hours ? `Motsvarar ungefär ${formatHours(hours)}.` : 'Ett heltal.'} />
          {data.settings.scopeLevels.length > 0 && (
            <SelectInput name="level" label="Nivå" optional options={data.settings.scopeLevels.map((l) => ({ value: l.code, label: `${l.label} (${l.hoursPerWeek} timmar i veckan)` }))} />
          )}
          <TextInput name="contactPersonCount" label="Antal kontaktpersoner" inputMode="numeric" width="xs" autoComplete="off" />
          {approval && (
            <Notice tone="info" title="Enhetschefen behöver godkänna beslutet">
              <p>
                Beslutet är större än din delegation (högst {data.settings.delegationMaxHoursPerMonth} timmar i månaden och {data.settings.delegationMaxContactPersons}{' '}
                kontaktperson). Det väntar hos enhetschefen tills det är godkänt.
              </p>
            </Notice>
          )}
          <DateInput name="startDate" label="Gäller från" />
          <DateInput name="endDate" label="Gäller till" optional hint={`Tidsbegränsa beslutet, högst ${data.settings.decisionMaxMonths} månader.`} />
          {period && (
            <>
              <Notice tone="warning" title="Perioden">
                <p>{periodWarningMessage(period, data.settings.decisionMaxMonths)}</p>
              </Notice>
              <TextAreaInput name="periodReason" label="Varför perioden är längre eller saknar slutdatum" rows={2} />
            </>
          )}
          <CheckboxInput name="homeCareTariff" label="Personen har också insatser som kostar enligt hemtjänsttaxan" hint="Då står det i beslutsbrevet." />
        </>
      )}
      <SubmitButton form={form}>{submitLabel}</SubmitButton>
    </Form>
  );
}

function DecisionCard({ c, d, data, notice, isCurrent }: { c: Case; d: Decision; data: CaseDecisions; notice: ActionNoticeApi; isCurrent: boolean }) {
  const [successor, setSuccessor] = useState<'renewal' | 'change' | null>(null);
  const decided = d.state === 'decided';
  const title = `Beslut ${d.decisionDate}: ${decisionOutcomeLabel[d.outcome].toLowerCase()}`;
  return (
    <Section title={title} id={`decision-${d.id}`}>
      {d.state === 'awaiting_approval' && (
        <Notice tone="info" title="Väntar på enhetschefens godkännande">
          <p>Beslutet är större än handläggarens delegation.</p>
        </Notice>
      )}
      {d.state === 'draft' && d.returnComment && (
        <Notice tone="warning" title="Enhetschefen har skickat tillbaka beslutet">
          <p>{d.returnComment}</p>
        </Notice>
      )}
      <SummaryList
        rows={[
          ['Status', <Badge key="s" tone={decided ? 'success' : 'warning'}>{decisionStateLabel[d.state]}</Badge>],
          !!(d.previousDecisionId && d.succession) && ['Ersätter tidigare beslut', successionLabel[d.succession]],
          ['Ansökte om', d.requested],
          ['Skäl', d.reasons],
          ['Rättslig grund', `${d.legalBasis.paragraph} ${d.legalBasis.law}`],
          d.outcome !== 'granted' && ['Överklagas genom', appealRouteLabel[d.legalBasis.appealRoute]],
          d.scopeUnit && d.scopeAmount !== null && ['Omfattning', `${formatScope(d.scopeUnit, d.scopeAmount)}${d.hoursPerMonth ? ` (ungefär ${formatHours(d.hoursPerMonth)})` : ''}${d.level ? `, nivå ${d.level}` : ''}`],
          d.contactPersonCount !== null && ['Antal kontaktpersoner', String(d.contactPersonCount)],
          !!(d.startDate) && ['Period', `${d.startDate} – ${d.endDate ?? 'tills vidare'}`],
          !!(d.periodReason) && ['Skäl för perioden', d.periodReason],
          isFavourable(d.outcome) && ['Hemtjänsttaxa för andra insatser', d.homeCareTariff ? 'Ja' : 'Nej'],
          !!(d.executionDeadline) && ['Ska verkställas senast', d.executionDeadline],
          !!(d.approvedByName) && ['Godkänt av', d.approvedByName],
          !!(d.decidedByName) && ['Beslutat av', d.decidedByName],
          decided && ['Skickat', d.sentDate ?? 'Inte registrerat'],
          decided && ['Personen fick del av beslutet', d.notifiedDate ?? 'Inte registrerat'],
          !!(d.appealDeadline) && ['Sista dag för överklagande', d.appealDeadline],
          !!(d.followUpDue) && ['Nästa uppföljning senast', d.followUpDue],
        ]}
      />
      {decided && (
        <p className="button-row">
          <a className="btn btn-secondary" href={`/api/decisions/${d.id}/letter.pdf`} download>
            Ladda ner beslutsbrev (PDF)
          </a>
        </p>
      )}
      {d.state === 'awaiting_approval' && data.canApprove && <ApprovalForms c={c} d={d} notice={notice} />}
      {d.state === 'draft' && <DecideForm c={c} data={data} notice={notice} revise={d} />}
      {decided && (!d.sentDate || !d.notifiedDate) && <SentForm c={c} d={d} notice={notice} />}
      {d.appeals.length > 0 && <AppealList c={c} d={d} appeals={d.appeals} data={data} notice={notice} />}
      {decided && <AppealForm c={c} d={d} notice={notice} />}
      {d.followUps.length > 0 && (
        <>
          <h3>Uppföljningar</h3>
          <ul>
            {d.followUps.map((f) => (
              <li key={f.id}>
                {f.date}: {followUpResultLabel[f.result]}
                {f.note ? ` – ${f.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {decided && isCurrent && isFavourable(d.outcome) && <FollowUpForm c={c} d={d} notice={notice} />}
      {decided && isCurrent && (
        <div className="button-row">
          {isFavourable(d.outcome) && (
            <button type="button" className="btn btn-secondary" onClick={() => setSuccessor('renewal')}>
              Förläng beslutet
            </button>
          )}
          <button type="button" className="btn btn-secondary" onClick={() => setSuccessor('change')}>
            Ändra beslutet
          </button>
        </div>
      )}
      {successor && (
        <>
          <h3>{successor === 'renewal' ? 'Nytt beslut: förlängning' : 'Nytt beslut: ändring'}</h3>
          <DecideForm c={c} data={data} notice={notice} successorOf={{ d, succession: successor }} onDone={() => setSuccessor(null)} />
        </>
      )}
    </Section>
  );
}

function ApprovalForms({ c, d, notice }: { c: Case; d: Decision; notice: ActionNoticeApi }) {
  const refresh = useRefresh(c);
  const approve = useForm({
    id: `approve-${d.id}`,
    initial: {},
    schema: { safeParse: (x: unknown) => ({ success: true as const, data: x as { version: number } }) },
    toBody: () => ({ version: d.version }),
    onSubmit: async (body) => {
      await api<Decision>(`/decisions/${d.id}/approve`, { body });
      refresh();
      notice.show('Beslutet är godkänt.');
    },
  });
  const back = useForm({
    id: `return-${d.id}`,
    initial: { comment: '' },
    schema: returnDecisionBody,
    toBody: (v) => ({ version: d.version, comment: v.comment }),
    onSubmit: async (body) => {
      await api<Decision>(`/decisions/${d.id}/return`, { body });
      refresh();
      notice.show('Beslutet är skickat tillbaka till handläggaren.');
    },
  });
  return (
    <>
      <Form form={approve} aria-label="Godkänn beslutet" onReload={refresh}>
        <SubmitButton form={approve}>Godkänn beslutet</SubmitButton>
      </Form>
      <Form form={back} aria-label="Skicka tillbaka beslutet" onReload={refresh}>
        <TextAreaInput name="comment" label="Kommentar till handläggaren" rows={2} />
        <SubmitButton form={back}>Skicka tillbaka till handläggaren</SubmitButton>
      </Form>
    </>
  );
}

function SentForm({ c, d, notice }: { c: Case; d: Decision; notice: ActionNoticeApi }) {
  const refresh = useRefresh(c);
  const form = useForm({
    id: `sent-${d.id}`,
    initial: { sentDate: d.sentDate ?? today(), notifiedDate: d.notifiedDate ?? '' },
    schema: sentBody,
    toBody: (v) => ({ version: d.version, sentDate: v.sentDate.trim(), notifiedDate: v.notifiedDate.trim() || null }),
    onSubmit: async (body) => {
      await api<Decision>(`/decisions/${d.id}/sent`, { body });
      refresh();
      notice.show('Datumet är registrerat.');
    },
  });
  return (
    <Form form={form} aria-label={d.sentDate ? 'Registrera när personen fick del av beslutet' : 'Registrera att beslutet skickats'} onReload={refresh}>
      <DateInput name="sentDate" label="Beslutet skickades" />
      <DateInput name="notifiedDate" label="Personen fick del av beslutet" optional hint="Tiden för att överklaga räknas från den dagen." />
      <SubmitButton form={form}>Registrera datum</SubmitButton>
    </Form>
  );
}

function AppealForm({ c, d, notice }: { c: Case; d: Decision; notice: ActionNoticeApi }) {
  const refresh = useRefresh(c);
  const form = useForm({
    id: `appeal-${d.id}`,
    initial: { receivedDate: today(), note: '' },
    schema: appealBody,
    toBody: (v) => ({ receivedDate: v.receivedDate.trim(), note: v.note }),
    onSubmit: async (body) => {
      const a = await api<Appeal>(`/decisions/${d.id}/appeals`, { body });
      refresh();
      notice.show(a.timely === false ? 'Överklagandet är registrerat. Det kom in för sent.' : 'Överklagandet är registrerat.');
    },
  });
  return (
    <details className="details">
      <summary>Registrera överklagande</summary>
      <Form form={form} aria-label="Registrera överklagande" onReload={refresh}>
        <DateInput name="receivedDate" label="Överklagandet kom in" />
        <TextAreaInput name="note" label="Anteckning" optional rows={2} />
        <SubmitButton form={form}>Registrera överklagande</SubmitButton>
      </Form>
    </details>
  );
}

function AppealList({ c, d, appeals, data, notice }: { c: Case; d: Decision; appeals: Appeal[]; data: CaseDecisions; notice: ActionNoticeApi }) {
  return (
    <>
      <h3>Överklaganden</h3>
      {appeals.map((a) => (
        <div key={a.id} className="stack">
          <SummaryList
            rows={[
              ['Kom in', a.receivedDate],
              ['I rätt tid', a.timely === null ? 'Okänt: datum då personen fick del av beslutet saknas' : a.timely ? `Ja (senast ${a.deadline})` : `Nej, för sent (senast ${a.deadline})`],
              ['Skickat till förvaltningsrätten', a.forwardedDate ?? 'Inte än'],
              ['Utfall', a.outcome ? `${appealOutcomeLabel[a.outcome]} ${a.outcomeDate ?? ''}` : 'Inte avgjort'],
              ['Anteckning', a.note],
            ]}
          />
          {a.outcome === null && <AppealUpdateForm c={c} d={d} a={a} data={data} notice={notice} />}
        </div>
      ))}
    </>
  );
}

function AppealUpdateForm({ c, d, a, notice }: { c: Case; d: Decision; a: Appeal; data: CaseDecisions; notice: ActionNoticeApi }) {
  const refresh = useRefresh(c);
  const form = useForm({
    id: `appeal-update-${a.id}`,
    initial: {
      forwardedDate: a.forwardedDate ?? '',
      outcome: '',
      outcomeDate: '',
      note: a.note ?? '',
      reasons: '',
      // The court's decision as it reads: outcome, scope and period (an avslag has none; the form starts from 1 a week).
      'newDecision.outcome': 'granted',
      'newDecision.scopeUnit': d.scopeUnit ?? 'meetings_per_week',
      'newDecision.scopeAmount': String(d.scopeAmount ?? 1),
      'newDecision.contactPersonCount': String(d.contactPersonCount ?? 1),
      'newDecision.startDate': '',
      'newDecision.endDate': '',
    },
    schema: appealUpdateBody,
    toBody: (v) => ({
      version: a.version,
      forwardedDate: v.forwardedDate.trim() || null,
      outcome: v.outcome || null,
      outcomeDate: v.outcomeDate.trim() || null,
      note: v.note,
      // "Ändrat": the court's decision, recorded as a new decision on the same basis with the scope and period it set.
      newDecision:
        v.outcome === 'changed'
          ? {
              outcome: v['newDecision.outcome'],
              reasons: v.reasons,
              legalBasisId: d.legalBasis.id,
              decisionDate: v.outcomeDate.trim(),
              scopeUnit: v['newDecision.scopeUnit'],
              scopeAmount: num(v['newDecision.scopeAmount']),
              contactPersonCount: num(v['newDecision.contactPersonCount']),
              startDate: v['newDecision.startDate'].trim() || v.outcomeDate.trim(),
              endDate: v['newDecision.endDate'].trim() || null,
              periodReason: 'Enligt domstolens beslut.',
              homeCareTariff: d.homeCareTariff,
            }
          : null,
    }),
    onSubmit: async (body) => {
      await api<Appeal>(`/appeals/${a.id}`, { method: 'PUT', body });
      refresh();
      notice.show('Överklagandet är uppdaterat.');
    },
  });
  return (
    <Form form={form} aria-label="Uppdatera överklagandet" onReload={refresh}>
      <DateInput name="forwardedDate" label="Skickat till förvaltningsrätten" optional />
      <RadioInput name="outcome" label="Domstolens utfall" optional inline options={APPEAL_OUTCOMES.map((o) => ({ value: o, label: appealOutcomeLabel[o] }))} />
      <DateInput name="outcomeDate" label="Datum för domstolens beslut" optional />
      {form.values.outcome === 'changed' && (
        <fieldset className="stack">
          <legend>Domstolens nya beslut</legend>
          <p className="muted">Blir ett nytt beslut som ersätter det gamla. Skriv det som domstolen bestämde.</p>
          <RadioInput name="newDecision.outcome" label="Domstolen beviljade" inline options={(['granted', 'partly_granted'] as const).map((o) => ({ value: o, label: decisionOutcomeLabel[o] }))} />
          <TextAreaInput name="reasons" label="Domstolens skäl" rows={3} />
          <RadioInput name="newDecision.scopeUnit" label="Omfattningen anges i" inline options={SCOPE_UNITS.map((u) => ({ value: u, label: scopeUnitLabel[u] }))} />
          <TextInput name="newDecision.scopeAmount" label="Omfattning" inputMode="numeric" width="xs" autoComplete="off" hint="Ett heltal." />
          <TextInput name="newDecision.contactPersonCount" label="Antal kontaktpersoner" inputMode="numeric" width="xs" autoComplete="off" />
          <DateInput name="newDecision.startDate" label="Gäller från" optional hint="Om du inte fyller i: från domstolens beslutsdatum." />
          <DateInput name="newDecision.endDate" label="Gäller till" optional />
        </fieldset>
      )}
      <TextAreaInput name="note" label="Anteckning" optional rows={2} />
      <SubmitButton form={form}>Spara överklagandet</SubmitButton>
    </Form>
  );
}

function FollowUpForm({ c, d, notice }: { c: Case; d: Decision; notice: ActionNoticeApi }) {
  const refresh = useRefresh(c);
  const form = useForm({
    id: `follow-up-${d.id}`,
    initial: { date: today(), result: '', note: '' },
    schema: followUpBody,
    toBody: (v) => ({ date: v.date.trim(), result: v.result || undefined, note: v.note }),
    onSubmit: async (body) => {
      await api<Decision>(`/decisions/${d.id}/follow-ups`, { body });
      refresh();
      notice.show('Uppföljningen är registrerad.');
    },
  });
  return (
    <details className="details">
      <summary>Registrera uppföljning</summary>
      <Form form={form} aria-label="Registrera uppföljning" onReload={refresh}>
        <DateInput name="date" label="Datum för uppföljningen" />
        <RadioInput name="result" label="Resultat" inline options={FOLLOW_UP_RESULTS.map((r) => ({ value: r, label: followUpResultLabel[r] }))} />
        <TextAreaInput name="note" label="Anteckning" optional rows={2} />
        <SubmitButton form={form}>Registrera uppföljning</SubmitButton>
      </Form>
    </details>
  );
}
