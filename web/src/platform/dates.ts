// Dates without time are YYYY-MM-DD strings in Europe/Stockholm, as in the domain.
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Today's date in Stockholm, YYYY-MM-DD. */
export function today(): string {
  return dayFormat.format(new Date());
}

/** An ISO timestamp shown as "2026-03-14 10:22". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return timeFormat.format(d);
}

/**
 * How long ago a day was, in words: "i dag", "i går", "2 dagar sedan". The one helper for relative dates;
 * `days` is whole days back (0 = today). A negative number (a date ahead) reads "i morgon" / "om 3 dagar".
 */
export function daysAgo(days: number): string {
  if (days === 0) return 'i dag';
  if (days === 1) return 'i går';
  if (days === -1) return 'i morgon';
  if (days < 0) return `om ${-days} dagar`;
  return `${days} dagar sedan`;
}
