// What an order carries, shown the same way to the provider (the order page) and the handläggare (the case page):
// its state and confirm clock, the decision's scope and period, the person's contact (or "kontakt via handläggaren"),
// the wishes, the free text and the history.
import { Badge, Notice, SummaryList } from '../platform/ui';
import type { Order } from './api';

/** The state as a badge; red ("Försenad") when the confirm deadline has passed. */
export function OrderStateBadge({ o }: { o: Pick<Order, 'stateLabel' | 'overdue' | 'confirmedDate' | 'state'> }) {
  return (
    <>
      <Badge tone={o.state === 'confirmed' ? 'success' : 'info'}>{o.state === 'confirmed' && o.confirmedDate ? `${o.stateLabel} ${o.confirmedDate}` : o.stateLabel}</Badge>
      {o.overdue && <OverdueBadge />}
    </>
  );
}

export function OverdueBadge() {
  return <span className="badge badge-danger">Inte bekräftad i tid</span>;
}

/** The red notice when the order is overdue. */
export function OverdueNotice({ o }: { o: Pick<Order, 'overdue' | 'confirmDeadline' | 'sentDate'> }) {
  if (!o.overdue) return null;
  return <Notice tone="error" title={`Beställningen är inte bekräftad. Den skickades ${o.sentDate} och skulle ha bekräftats senast ${o.confirmDeadline}.`} />;
}

function list(xs: string[]): string | null {
  return xs.length ? xs.join(', ') : null;
}

function ageRange(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `${min}–${max} år`;
  if (min !== null) return `Minst ${min} år`;
  if (max !== null) return `Högst ${max} år`;
  return null;
}

export function OrderDetails({ o, headingLevel = 3 }: { o: Order; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const p = o.person;
  const w = o.wishes;
  return (
    <>
      <SummaryList
        rows={[
          ['Status', <OrderStateBadge key="s" o={o} />],
          ['Skickad', o.sentDate],
          ['Bekräftas senast', o.confirmDeadline],
          ['Utförare', o.providerUnit.name],
          ['Ärende', `${o.caseNumber}, handläggare ${o.handlaggare.name} (${o.handlaggare.unitName})`],
        ]}
      />
      <H>Beslutet</H>
      <SummaryList
        rows={[
          ['Beslut', `${o.decision.outcomeLabel} ${o.decision.decisionDate}`],
          ['Lagrum', o.decision.legalBasis],
          ['Omfattning', o.decision.scope],
          ['Antal kontaktpersoner', o.decision.contactPersonCount === null ? null : String(o.decision.contactPersonCount)],
          ['Gäller', o.decision.startDate ? `${o.decision.startDate} – ${o.decision.endDate ?? 'tills vidare'}` : null],
        ]}
      />
      <H>Personen</H>
      <SummaryList
        rows={[
          ['Namn', `${p.name} (${p.identityNumber})`],
          p.contact
            ? ['Adress', [p.contact.streetAddress, [p.contact.postalCode, p.contact.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')]
            : ['Kontakt', p.contactNote],
          p.contact && ['Telefon', p.contact.phone],
          p.contact && ['E-post', p.contact.email],
          ...p.representatives.map(
            (r) => [r.kindLabel, [r.name, r.phone, r.email].filter(Boolean).join(', ')] as [string, string],
          ),
        ]}
      />
      <H>Personens önskemål om kontaktperson</H>
      <SummaryList
        rows={[
          ['Kön', w.gender ? `${w.gender}${w.genderRequired ? ' (krav)' : ''}` : null],
          ['Ålder', ageRange(w.ageMin, w.ageMax)],
          ['Intressen', list(w.interests)],
          ['Språk', list(w.languages)],
          ['Annat', w.other],
        ]}
      />
      <H>Det här behöver kontaktpersonen veta</H>
      <p className="pre-wrap">{o.information ?? <span className="muted">Inget särskilt.</span>}</p>
      <H>Händelser</H>
      <ul className="plain-list">
        {o.events.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and never reordered.
          <li key={i}>
            {e.date}: {e.label}
            {e.byName ? ` (${e.byName})` : ''}
            {e.text && <span className="block pre-wrap">”{e.text}”</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
