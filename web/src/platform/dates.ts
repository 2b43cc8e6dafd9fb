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

export function daysLabel(n: number): string {
  return n === 1 ? '1 dag' : `${n} dagar`;
}
