// A report's lines as read (the contact person's approved or read-only report, the coordinator's review): meetings,
// cancelled meetings, expenses with their receipts, the message, the totals.
import type { ReportOut } from '../../../src/portal/schema';
import { SummaryList } from '../platform/ui';

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

export function ReportLines({ r, receiptHref }: { r: ReportOut; receiptHref: (receiptId: string) => string }) {
  const receipt = (id: string | null) => r.receipts.find((x) => x.id === id) ?? null;
  return (
    <>
      <h3>Träffar ({r.totals.meetings})</h3>
      {r.meetings.length === 0 ? (
        <p>Inga träffar.</p>
      ) : (
        <ul className="report-lines">
          {r.meetings.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved report's lines never move
            <li key={i}>
              <strong>{m.date}</strong>, {hours(m.minutes)}: {m.activity}
            </li>
          ))}
        </ul>
      )}
      <h3>Inställda träffar ({r.totals.cancellations})</h3>
      {r.cancellations.length === 0 ? (
        <p>Inga inställda träffar.</p>
      ) : (
        <ul className="report-lines">
          {r.cancellations.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved report's lines never move
            <li key={i}>
              <strong>{c.date}</strong>, inställd av {c.cancelledByLabel.toLowerCase()}
              {c.note ? `: ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Utgifter ({r.totals.expensesText})</h3>
      {r.expenses.length === 0 ? (
        <p>Inga utgifter.</p>
      ) : (
        <ul className="report-lines">
          {r.expenses.map((e, i) => {
            const f = receipt(e.receiptId);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a saved report's lines never move
              <li key={i}>
                <strong>{e.amountText}</strong>: {e.description}
                {f ? (
                  <>
                    {' '}
                    (kvitto:{' '}
                    <a href={receiptHref(f.id)} target="_blank" rel="noreferrer">
                      {f.fileName}
                    </a>
                    )
                  </>
                ) : (
                  <span className="muted"> (inget kvitto)</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <SummaryList
        rows={[
          ['Tid tillsammans', hours(r.totals.minutes)],
          ['Meddelande', r.message ? <span className="pre-line">{r.message}</span> : 'Inget meddelande.'],
        ]}
      />
    </>
  );
}
