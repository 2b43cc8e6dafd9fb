// Försenat: everything past (or near) a deadline, one section per kind, each item linking to where it is fixed.
import { useQuery } from '@tanstack/react-query';
import type { OverdueOut } from '../../../src/oversight/overdue-schema';
import { api } from '../platform/api';
import { Page } from '../platform/page';
import { ErrorState, Loading } from '../platform/states';
import { Badge, Link } from '../platform/ui';

export function OverduePage() {
  const result = useQuery({ queryKey: ['overdue'], queryFn: () => api<OverdueOut>('/oversight/overdue') });
  const d = result.data;
  return (
    <Page title="Försenat" breadcrumbs={[{ label: 'Start', href: '/' }, { label: 'Översikt', href: '/oversikt' }]} lead="Allt som har passerat en tidsgräns, eller snart gör det. Länken leder dit det åtgärdas.">
      {result.isPending && <Loading label="Hämtar förseningar" />}
      {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
      {d && (
        <>
          <nav aria-label="Delar av listan">
            <ul>
              {d.sections.map((s) => (
                <li key={s.kind}>
                  <a href={`#${s.kind}`}>
                    {s.title} ({s.total})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {d.sections.map((s) => (
            <section key={s.kind} className="section" aria-labelledby={s.kind}>
              <h2 id={s.kind} tabIndex={-1}>
                {s.title} ({s.total})
              </h2>
              {s.total === 0 ? (
                <p>Inget är försenat här.</p>
              ) : (
                <>
                  {s.total > s.items.length && <p>De {s.items.length} med tidigast datum visas.</p>}
                  <ul className="overdue-list">
                    {s.items.map((i) => (
                      <li key={`${i.href}-${i.date}-${i.text}`}>
                        <Link href={i.href}>{i.title}</Link> {i.late ? <Badge tone="warning">Försenat</Badge> : <Badge tone="info">Snart</Badge>}
                        <span className="block">{i.text}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
