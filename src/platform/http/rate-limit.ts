// The general API rate limit (ADR 015): requests per session and per client address in fixed windows, counted in
// memory by each instance and added to the shared table `api_rate_counters` about once a second in one statement,
// which returns the totals of every instance. A request is refused when the shared total last read plus this
// instance's own requests since then reach the limit, so the limit holds across instances within one flush.
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { ApiRateLimitConfig } from '../config';
import type { Queryable } from '../db/connect';

/** The start of the fixed window `now` falls in (ms since the epoch). */
export function windowStartOf(nowMs: number, windowSeconds: number): number {
  const w = windowSeconds * 1000;
  return Math.floor(nowMs / w) * w;
}

/** Whole seconds until the window ends (at least 1): the Retry-After of a refusal. */
export function retryAfterSeconds(nowMs: number, windowSeconds: number): number {
  const end = windowStartOf(nowMs, windowSeconds) + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - nowMs) / 1000));
}

interface Counter {
  key: string;
  windowStart: number;
  /** Requests taken here and not yet added to the shared table. */
  pending: number;
  /** The shared total at the last flush (every instance's requests then). */
  shared: number;
  /** A flush is adding `inFlight` of the pending requests; they stay counted until it returns. */
  inFlight: number;
}

export interface RateCheck {
  allowed: boolean;
  retryAfter: number;
}

export class ApiRateLimiter {
  private counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    readonly config: ApiRateLimitConfig,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  get enabled(): boolean {
    return this.config.perSession !== null || this.config.perIp !== null;
  }

  /** Counts one request against each key with its limit; refused when any has reached it (nothing is counted then). */
  take(keys: readonly { key: string; limit: number | null }[]): RateCheck {
    const now = this.clock.now().getTime();
    const windowStart = windowStartOf(now, this.config.windowSeconds);
    const hits: Counter[] = [];
    for (const { key, limit } of keys) {
      if (limit === null) continue;
      const id = `${windowStart}|${key}`;
      let c = this.counters.get(id);
      if (!c) {
        c = { key, windowStart, pending: 0, shared: 0, inFlight: 0 };
        this.counters.set(id, c);
      }
      if (c.shared + c.pending >= limit) return { allowed: false, retryAfter: retryAfterSeconds(now, this.config.windowSeconds) };
      hits.push(c);
    }
    for (const c of hits) c.pending++;
    return { allowed: true, retryAfter: 0 };
  }

  /**
   * Adds this instance's pending counts of the current windows to the shared table and reads every total back
   * (also for keys with nothing pending, so a key another instance is using up is refused here too). Old windows
   * are forgotten. One statement, whatever the number of keys.
   */
  flush(): Promise<void> {
    this.flushing ??= this.doFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async doFlush(): Promise<void> {
    const current = windowStartOf(this.clock.now().getTime(), this.config.windowSeconds);
    const batch: Counter[] = [];
    for (const [id, c] of this.counters) {
      if (c.windowStart < current && c.pending === 0) this.counters.delete(id);
      else batch.push(c);
    }
    if (batch.length === 0) return;
    for (const c of batch) c.inFlight = c.pending;
    try {
      const res = (await this.db.execute(sql`
        insert into api_rate_counters (key, window_start, requests)
        select k, to_timestamp(w / 1000.0), n
          from unnest(${`{${batch.map((c) => JSON.stringify(c.key)).join(',')}}`}::text[],
                      ${`{${batch.map((c) => c.windowStart).join(',')}}`}::bigint[],
                      ${`{${batch.map((c) => c.inFlight).join(',')}}`}::int[]) as t(k, w, n)
        on conflict (key, window_start) do update set requests = api_rate_counters.requests + excluded.requests
        returning key, (extract(epoch from window_start) * 1000)::bigint as w, requests`)) as unknown as { rows: { key: string; w: string | number; requests: number }[] };
      const totals = new Map(res.rows.map((r) => [`${Number(r.w)}|${r.key}`, Number(r.requests)]));
      for (const c of batch) {
        c.pending -= c.inFlight;
        c.inFlight = 0;
        const id = `${c.windowStart}|${c.key}`;
        const total = totals.get(id);
        if (total !== undefined) c.shared = total;
        if (c.windowStart < current && c.pending === 0) this.counters.delete(id);
      }
    } catch (e) {
      // The counts stay pending and go with the next flush.
      for (const c of batch) c.inFlight = 0;
      throw e;
    }
  }

  start(): void {
    if (this.timer || !this.enabled) return;
    this.timer = setInterval(() => {
      this.flush().catch(this.onError);
    }, this.config.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and adds what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush().catch(this.onError);
  }
}
