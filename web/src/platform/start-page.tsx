// The start page: what this role does in Kontakt, with its most useful links.
import { useQuery } from '@tanstack/react-query';
import type { CaseSummaryOut } from '../../../src/intake/schema';
import type { InboxOut } from '../../../src/orders/schema';
import { ReminderSummary } from '../contact-persons/reminder-summary';
import { Navigate } from 'react-router';
import { api } from './api';
import { can, useCurrentUser, type Me } from './auth';
import { formatDateTime } from './dates';
import { Page } from './page';
import { ErrorState, Loading } from './states';
import { Badge, Link, LinkButton, Notice } from './ui';

type CaseList = { items: CaseSummaryOut[]; total: number; page: number; pageSize: number };
type Inbox = Pick<InboxOut, 'total' | 'overdue'> & { items: Pick<InboxOut['items'][number], 'id' | 'caseNumber' | 'person' | 'sentDate' | 'confirmDeadline' | 'overdue'>[] };

export function StartPage() {
  const me = useCurrentUser();
  // A contact person's start is the portal (their own assignments and reports): nothing else is theirs.
  if (can(me, 'portal:read')) return <Navigate to="/portalen" replace />;
  const firstName = me.user.displayName.split(' ')[0];
  const caseRead = can(me, 'case:read');
  const personRead = can(me, 'person:read');
  const audit = can(me, 'audit:read');
  const admin = can(me, 'admin:units') || can(me, 'admin:users') || can(me, 'admin:legal-bases') || can(me, 'admin:settings');
  const payroll = can(me, 'payroll:manage') || can(me, 'payroll:control');
  const nothing = !caseRead && !personRead && !audit && !admin && !payroll && !can(me, 'contact-person:read');
  return (
    <Page title="Start" heading={`Välkommen, ${firstName}`} lead={`Du är inloggad som ${me.user.roleLabel.toLowerCase()}${me.user.unit ? ` på ${me.user.unit.name}` : ''}.`}>
      <FailedAttemptsNotice me={me} />
      {caseRead && <CaseSummary scope="mine" />}
      {caseRead && can(me, 'case:assign') && <CaseSummary scope="unit" />}
      {can(me, 'order:read') && <OrderInboxSummary />}
      {can(me, 'contact-person:read') && <ReminderSummary />}
      <div className="card-grid">
        {personRead && (
          <div className="card">
            <h2>Personer</h2>
            <p>Sök en person med namn eller personnummer{can(me, 'person:write') ? ', eller registrera en ny person' : ''}.</p>
            <p className="card-links">
              <Link href="/personer">Sök person</Link>
              {can(me, 'person:write') && <Link href="/personer/ny">Registrera ny person</Link>}
            </p>
          </div>
        )}
        {audit && (
          <div className="card">
            <h2>Loggkontroll</h2>
            <p>Se vem som har läst eller ändrat uppgifter om en person, och när.</p>
            <p className="card-links">
              <Link href="/loggkontroll">Gå till loggkontroll</Link>
            </p>
          </div>
        )}
        {payroll && (
          <div className="card">
            <h2>Lön</h2>
            <p>Ta fram månadens arvoden och omkostnader, lås månaden och hämta filen till lönesystemet. Granska ändringar av betalningsuppgifter.</p>
            <ul className="plain-list">
              {can(me, 'payroll:manage') && (
                <li>
                  <Link href="/lon/manad">Lönemånad</Link>
                </li>
              )}
              {can(me, 'payroll:control') && (
                <li>
                  <Link href="/lon/kontroll">Intern kontroll av utbetalningar</Link>
                </li>
              )}
            </ul>
          </div>
        )}
        {admin && (
          <div className="card">
            <h2>Administration</h2>
            <p>Hantera enheter, användare, rättsliga grunder, kommunens uppgifter och registret över kontaktpersoner.</p>
            <ul className="plain-list">
              {can(me, 'admin:units') && (
                <li>
                  <Link href="/admin/enheter">Enheter</Link>
                </li>
              )}
              {can(me, 'admin:users') && (
                <li>
                  <Link href="/admin/anvandare">Användare</Link>
                </li>
              )}
              {can(me, 'admin:legal-bases') && (
                <li>
                  <Link href="/admin/rattsliga-grunder">Rättsliga grunder</Link>
                </li>
              )}
              {can(me, 'admin:rates') && (
                <li>
                  <Link href="/admin/arvoden">Arvoden och omkostnader</Link>
                </li>
              )}
              {can(me, 'admin:settings') && (
                <li>
                  <Link href="/admin/kommun">Kommunens uppgifter</Link>
                </li>
              )}
              {can(me, 'admin:settings') && (
                <>
                  <li>
                    <Link href="/admin/kontaktpersoner">Inställningar för kontaktpersoner</Link>
                  </li>
                  <li>
                    <Link href="/admin/kontaktpersoner/omraden">Områden för kontaktpersoner</Link>
                  </li>
                  <li>
                    <Link href="/admin/kontaktpersoner/registerkontroll">Regler för registerkontroll</Link>
                  </li>
                </>
              )}
            </ul>
          </div>
        )}
      </div>
      {nothing && (
        <Notice tone="info" title="Här finns inget att göra ännu">
          <p>Din roll har inga uppgifter i Kontakt ännu.</p>
        </Notice>
      )}
    </Page>
  );
}

/** Failed sign-in attempts on the account since the user's previous sign-in (from the session). */
export function failedAttemptsText(count: number, lastAt: string | null): string {
  const times = count === 1 ? '1 gång' : `${count} gånger`;
  const last = lastAt ? ` (senast ${formatDateTime(lastAt)})` : '';
  return `Sedan du senast loggade in har någon försökt logga in på ditt konto ${times} utan att lyckas${last}. Om det inte var du, kontakta administratören.`;
}

function FailedAttemptsNotice({ me }: { me: Me }) {
  if (!me.failedAttemptsSinceLastLogin) return null;
  return (
    <Notice tone="warning" title="Misslyckade inloggningsförsök">
      <p>{failedAttemptsText(me.failedAttemptsSinceLastLogin, me.lastFailedAttemptAt)}</p>
    </Notice>
  );
}

function CaseSummary({ scope }: { scope: 'mine' | 'unit' }) {
  const q = useQuery({
    queryKey: ['cases', { scope, sort: 'receivedDate', order: 'desc', page: 1, pageSize: 100 }],
    queryFn: () => api<CaseList>(`/cases?scope=${scope}&sort=receivedDate&order=desc&page=1&pageSize=100`),
  });
  const title = scope === 'mine' ? 'Mina ärenden' : 'Enhetens ärenden';
  const headingId = `summary-${scope}`;
  return (
    <section className="section case-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {q.isPending && <Loading label="Hämtar ärenden" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <CaseSummaryBody data={q.data} scope={scope} />}
    </section>
  );
}

function CaseSummaryBody({ data, scope }: { data: CaseList; scope: 'mine' | 'unit' }) {
  const withWarnings = data.items.filter((c) => c.warnings.length > 0);
  const listHref = scope === 'mine' ? '/arenden' : '/arenden?omfang=enhet';
  return (
    <>
      <ul className="stats">
        <li className="stat">
          <span className="stat-value">{data.total}</span>
          <span className="stat-label">{data.total === 1 ? 'öppet ärende' : 'ärenden'}</span>
        </li>
        <li className={`stat${withWarnings.length > 0 ? ' stat-warning' : ''}`}>
          <span className="stat-value">{withWarnings.length}</span>
          <span className="stat-label">{withWarnings.length === 1 ? 'ärende med varning' : 'ärenden med varningar'}</span>
        </li>
      </ul>
      {withWarnings.length > 0 && (
        <>
          <h3>Ärenden som behöver åtgärdas</h3>
          <ul className="warning-list">
            {withWarnings.slice(0, 5).map((c) => (
              <li key={c.id}>
                <Link href={`/arenden/${c.id}`}>{c.caseNumber}</Link> – {c.person.name}{' '}
                {c.person.protectedIdentity && <Badge tone="protected">Skyddad identitet</Badge>}
                <ul className="warning-items">
                  {c.warnings.map((w) => (
                    <li key={w.code}>{w.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="button-row">
        <LinkButton variant="secondary" href={listHref}>
          {scope === 'mine' ? 'Visa alla mina ärenden' : 'Visa enhetens ärenden'}
        </LinkButton>
      </p>
    </>
  );
}

/** The provider's inbox at a glance: how many orders wait, and the overdue ones in red (the oldest first). */
function OrderInboxSummary() {
  const q = useQuery({ queryKey: ['orders', { page: 1, pageSize: 25 }], queryFn: () => api<Inbox>('/orders?page=1&pageSize=25') });
  return (
    <section className="section case-summary" aria-labelledby="summary-orders">
      <h2 id="summary-orders">Inkomna beställningar</h2>
      {q.isPending && <Loading label="Hämtar beställningar" />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <ul className="stats">
            <li className="stat">
              <span className="stat-value">{q.data.total}</span>
              <span className="stat-label">{q.data.total === 1 ? 'beställning väntar' : 'beställningar väntar'}</span>
            </li>
            <li className={`stat${q.data.overdue > 0 ? ' stat-danger' : ''}`}>
              <span className="stat-value">{q.data.overdue}</span>
              <span className="stat-label">inte bekräftade i tid</span>
            </li>
          </ul>
          {q.data.overdue > 0 && (
            <>
              <h3>Inte bekräftade i tid</h3>
              <ul className="warning-list">
                {q.data.items
                  .filter((o) => o.overdue)
                  .slice(0, 5)
                  .map((o) => (
                    <li key={o.id}>
                      <Link href={`/bestallningar/${o.id}`}>{o.caseNumber}</Link> – {o.person.name}{' '}
                      <span className="badge badge-danger">
                        Skickad {o.sentDate}, skulle ha bekräftats senast {o.confirmDeadline}
                      </span>
                    </li>
                  ))}
              </ul>
            </>
          )}
          <p className="button-row">
            <LinkButton variant="secondary" href="/bestallningar">
              Visa inkomna beställningar
            </LinkButton>
          </p>
        </>
      )}
    </section>
  );
}
