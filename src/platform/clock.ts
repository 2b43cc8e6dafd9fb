// The clock is injected so tests can set "today". Dates without time are YYYY-MM-DD in Europe/Stockholm.
export interface Clock {
  now(): Date;
  /** Today's date in Europe/Stockholm, YYYY-MM-DD. */
  today(): string;
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export function toStockholmDate(d: Date): string {
  return stockholmDate.format(d);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => toStockholmDate(new Date()),
};

/** A clock for tests: fixed at `iso` (e.g. 2026-03-14T10:00:00+01:00) until moved. */
export function fixedClock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    today: () => toStockholmDate(new Date(t)),
    advance(ms: number) {
      t += ms;
    },
    set(next: string) {
      t = new Date(next).getTime();
    },
  };
}
