// Loggkontroll: which reads of a person's data are unusual (domain.md §7, issue 13 item 4). Pure: the database layer
// (audit-unusual.ts) feeds the reads of a period with what is known about the reader and the person, these rules say
// what the enhetschef should look at. No I/O, no clock.

/** The audit actions that are someone opening a person's data (lists and searches are not counted, only openings). */
export const READ_ACTIONS = [
  'person.read',
  'person.protected_contact_revealed',
  'case.read',
  'investigation.read',
  'decision.read',
  'order.read',
  'assignment.read',
  'assignment.case_read',
  'plan.read',
  'payroll_notice.read',
  'contact_log.read',
  'report.read',
] as const;

export type UnusualKind = 'outside_unit' | 'protected_identity' | 'mass_read';

export const UNUSUAL_KINDS: readonly UnusualKind[] = ['outside_unit', 'protected_identity', 'mass_read'];

export const UNUSUAL_LABELS: Record<UnusualKind, string> = {
  outside_unit: 'Läsning utanför enheten och egna ärenden',
  protected_identity: 'Läsning av person med skyddad identitet',
  mass_read: 'Många personer på kort tid',
};

/** One read of a person's data, with what the rules need to know about who read and whom. */
export interface AccessRead {
  /** The audit entry's id. */
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
  actorUserId: string;
  /** The reader's unit (today's), null for a user without one. */
  actorUnitId: string | null;
  personId: string;
  /** Units that hold the person: the units of their cases and the provider units their orders were sent to. */
  personUnitIds: readonly string[];
  /** Users responsible for one of the person's cases. */
  responsibleUserIds: readonly string[];
  personProtected: boolean;
}

export interface MassReadSettings {
  /** More than this many different persons … */
  persons: number;
  /** … within this many minutes is a mass read. */
  minutes: number;
}

export const DEFAULT_MASS_READ: MassReadSettings = { persons: 20, minutes: 10 };

export interface UnusualFinding {
  kind: UnusualKind;
  /** The audit entry the finding is signed off by: the read itself, or the first read of a mass-read burst. */
  auditId: number;
  actorUserId: string;
  /** The person read (for a mass read: the first person of the burst). */
  personId: string;
  from: number;
  to: number;
  /** Different persons read (1 for a single read). */
  persons: number;
  /** Reads counted (1 for a single read). */
  reads: number;
}

/**
 * A read outside the reader's unit and own cases: the person is held by units (cases, orders) and none of them is the
 * reader's, and the reader is responsible for none of the person's cases. A person held by no unit (registered, no
 * case yet) is not flagged: nothing says whose they are.
 */
export function isOutsideUnit(r: AccessRead): boolean {
  if (r.personUnitIds.length === 0) return false;
  if (r.responsibleUserIds.includes(r.actorUserId)) return false;
  return r.actorUnitId === null || !r.personUnitIds.includes(r.actorUnitId);
}

/**
 * Mass reads: one reader opening more than `persons` different persons within `minutes` minutes. One finding per
 * burst (a run of reads during which some window of `minutes` held more than `persons` persons), from the first read of
 * the window that crossed the limit to the last read while the limit stayed crossed.
 */
export function massReads(reads: readonly AccessRead[], settings: MassReadSettings): UnusualFinding[] {
  const span = settings.minutes * 60_000;
  const byActor = new Map<string, AccessRead[]>();
  for (const r of reads) {
    const list = byActor.get(r.actorUserId);
    if (list) list.push(r);
    else byActor.set(r.actorUserId, [r]);
  }
  const out: UnusualFinding[] = [];
  for (const [actor, list] of byActor) {
    list.sort((a, b) => a.at - b.at || a.id - b.id);
    const inWindow = new Map<string, number>();
    let start = 0;
    let burst: { first: AccessRead; to: number; persons: Set<string>; reads: number } | null = null;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      inWindow.set(r.personId, (inWindow.get(r.personId) ?? 0) + 1);
      while (r.at - list[start].at > span) {
        const p = list[start].personId;
        const left = (inWindow.get(p) ?? 0) - 1;
        if (left === 0) inWindow.delete(p);
        else inWindow.set(p, left);
        start++;
      }
      if (inWindow.size > settings.persons) {
        if (!burst) {
          burst = { first: list[start], to: r.at, persons: new Set(), reads: 0 };
          for (let k = start; k < i; k++) {
            burst.persons.add(list[k].personId);
            burst.reads++;
          }
        }
        burst.to = r.at;
        burst.persons.add(r.personId);
        burst.reads++;
      } else if (burst) {
        out.push(finish(actor, burst));
        burst = null;
      }
    }
    if (burst) out.push(finish(actor, burst));
  }
  return out;
}

function finish(actor: string, b: { first: AccessRead; to: number; persons: Set<string>; reads: number }): UnusualFinding {
  return { kind: 'mass_read', auditId: b.first.id, actorUserId: actor, personId: b.first.personId, from: b.first.at, to: b.to, persons: b.persons.size, reads: b.reads };
}

/**
 * Every unusual read of the period: each read outside the reader's unit and own cases, each read of a person with
 * skyddad identitet, and each mass-read burst. Newest first (then by kind, then by entry).
 */
export function unusualAccess(reads: readonly AccessRead[], settings: MassReadSettings): UnusualFinding[] {
  const single = (kind: UnusualKind, r: AccessRead): UnusualFinding => ({ kind, auditId: r.id, actorUserId: r.actorUserId, personId: r.personId, from: r.at, to: r.at, persons: 1, reads: 1 });
  const out: UnusualFinding[] = [];
  for (const r of reads) {
    if (isOutsideUnit(r)) out.push(single('outside_unit', r));
    if (r.personProtected) out.push(single('protected_identity', r));
  }
  out.push(...massReads(reads, settings));
  const order = (k: UnusualKind) => UNUSUAL_KINDS.indexOf(k);
  return out.sort((a, b) => b.from - a.from || order(a.kind) - order(b.kind) || a.auditId - b.auditId);
}
