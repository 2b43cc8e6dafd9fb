// Kandidater (/bestallningar/:orderId/kandidater): the contact persons who may take the order, best first, each
// with why in words; "Varför inte?" finds a named contact person and says what stops them; "Erbjud" records an offer.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../platform/api';
import { useCan } from '../platform/auth';
import { ActionNotice, useActionNotice } from '../platform/flash';
import { Page } from '../platform/page';
import { Loading, NotFoundOrForbidden, PageError } from '../platform/states';
import { Button, ProtectedBadge, Section, SummaryList } from '../platform/ui';
import { candidatesKey, type CandidatesOut, type WhyNotOut } from './api';
import { OfferButton } from './offer-button';
import { DaysLeft, wishesText } from './waiting-list-page';

const NOT_FOUND = 'Beställningen finns inte, eller så har du inte behörighet att se den.';

export function CandidatesPage() {
  const { orderId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const name = params.get('namn') ?? '';
  const q = useQuery({
    queryKey: candidatesKey(orderId, name),
    queryFn: () => api<CandidatesOut>(`/orders/${encodeURIComponent(orderId)}/candidates?limit=50${name ? `&name=${encodeURIComponent(name)}` : ''}`),
  });
  const notice = useActionNotice();
  const canOffer = useCan('assignment:write');
  if (q.isPending) return <Loading label="Hämtar kandidater" />;
  if (q.isError) {
    if (isApiError(q.error) && [400, 403, 404].includes(q.error.status)) return <NotFoundOrForbidden message={NOT_FOUND} />;
    return <PageError error={q.error} />;
  }
  const d = q.data;
  const o = d.order;
  return (
    <Page
      title={`Kandidater för ${o.caseNumber}`}
      breadcrumbs={[
        { label: 'Start', href: '/' },
        { label: 'Väntelista', href: '/vantelista' },
      ]}
      tags={o.person.protectedIdentity ? <ProtectedBadge /> : undefined}
    >
      <ActionNotice notice={notice} />
      <Section title="Beställningen" id="order">
        <SummaryList
          rows={[
            ['Person', o.person.name],
            ['Beslut', o.decisionDate],
            ['Verkställas senast', <>{o.executionDeadline} – <DaysLeft r={o} /></>],
            ['Planerad start', d.plannedStart],
            ['Önskemål', wishesText(o.wishes)],
            ['Kontaktpersoner', `${o.started} av ${o.granted} har börjat, ${o.needed} behövs`],
            ['Erbjudanden', o.offers.length ? o.offers.map((x) => `${x.contactPerson.name} ${x.offeredDate}: ${x.closedLabel ?? x.responseLabel}`).join('; ') : 'Inga än'],
          ]}
        />
      </Section>
      <Section title="Bästa kandidaterna" id="candidates">
        <p>{`${d.considered} godkända kontaktpersoner med ledig plats prövades. ${d.candidates.length === 0 ? 'Ingen uppfyller kraven.' : 'De bästa står först.'}`}</p>
        {d.excluded.length > 0 && (
          <p>
            {'Uteslutna: '}
            {d.excluded.map((e) => `${e.label} (${e.count})`).join(', ')}.
          </p>
        )}
        <ol className="candidate-list">
          {d.candidates.map((c) => (
            <li key={c.id} className="candidate">
              <h3>
                {c.name} <span className="candidate-score">{`${c.score} poäng`}</span>
              </h3>
              {c.reasons.length > 0 ? (
                <ul className="plain-list">
                  {c.reasons.map((r) => (
                    <li key={r.criterion}>{r.text}</li>
                  ))}
                </ul>
              ) : (
                <p>Uppfyller kraven men matchar inga önskemål.</p>
              )}
              {canOffer && o.needed > 0 && <OfferButton orderId={o.orderId} contactPerson={c} notice={notice} />}
            </li>
          ))}
        </ol>
      </Section>
      <WhyNot orderId={o.orderId} name={name} matches={d.matches} onSearch={(n) => setParams(n ? { namn: n } : {})} />
    </Page>
  );
}

function WhyNot({ orderId, name, matches, onSearch }: { orderId: string; name: string; matches: CandidatesOut['matches']; onSearch: (n: string) => void }) {
  const [text, setText] = useState(name);
  const [chosen, setChosen] = useState<string | null>(null);
  const why = useQuery({
    queryKey: ['matching', 'why', orderId, chosen],
    queryFn: () => api<WhyNotOut>(`/orders/${orderId}/candidates/${chosen}`),
    enabled: chosen !== null,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChosen(null);
    onSearch(text.trim());
  };
  return (
    <Section title="Varför inte?" id="why-not">
      <search aria-label="Sök kontaktperson">
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="why-not-name">Kontaktpersonens namn</label>
          <input id="why-not-name" className="input" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary">
          Sök
        </Button>
      </form>
      </search>
      {name && matches.length === 0 && <p>Ingen kontaktperson heter så.</p>}
      {matches.length > 0 && (
        <ul className="plain-list">
          {matches.map((m) => (
            <li key={m.id}>
              <Button variant="link" onPress={() => setChosen(m.id)}>{`Varför inte ${m.name}?`}</Button>
            </li>
          ))}
        </ul>
      )}
      {chosen && why.isPending && <Loading label="Hämtar förklaringen" />}
      {chosen && why.data && (
        <div role="status" className="why-not">
          <h3>{why.data.contactPerson.name}</h3>
          {why.data.eligible ? (
            <p>{`Kan erbjudas: plats ${why.data.rank ?? '–'} i listan med ${why.data.score} poäng.${why.data.reasons.length ? ` ${why.data.reasons.map((r) => r.text).join('. ')}.` : ''}`}</p>
          ) : (
            <>
              <p>Kan inte erbjudas för den här beställningen:</p>
              <ul>
                {why.data.exclusions.map((e) => (
                  <li key={e.kind + e.reason}>{e.reason}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Section>
  );
}
