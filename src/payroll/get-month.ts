// The payroll month page: an open month's lines as they stand now, a locked month's frozen lines; totals, the held
// lines with why, the exports, and what the reader may do. Every contact person shown is an audited read.
import { desc, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { recordAudit, type AuditEntry } from '../platform/audit/record';
import { users } from '../platform/tables';
import { computeMonth } from './compute-month';
import { lockRefusal } from './lock-month';
import { fromComputed, presentLine, type ViewLine } from './present';
import { frozenLines, latestLocked, monthRow, payrollSettingsOf } from './repo';
import { exportedLines, isZero, monthProblem, sumLines, totalOf, unreportedPolicyLabel } from './rules';
import type { MonthOut } from './schema';
import { payrollExports } from './tables';

const PAGE_SIZE = 200;
const MAX_BLOCKED = 500;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function getMonth(ctx: UseCaseContext, month: string, page: number): Promise<MonthOut> {
  return readUseCase(ctx, async (q) => {
    const [row, settings] = await allOf(q,() => monthRow(q, month), () => payrollSettingsOf(q));
    let lines: ViewLine[] = [];
    let lockProblem: string | null = null;
    if (row?.status === 'open') {
      const computed = await computeMonth(q, month, settings);
      lines = computed.map(fromComputed);
      lockProblem = (await lockRefusal(q, ctx.actor.id, row, computed, settings))?.message ?? null;
    } else if (row?.status === 'locked') {
      lines = await frozenLines(q, month);
    }
    const latest = row ? null : await latestLocked(q);
    const names = new Map<string, string>();
    const who = async (id: string | null) => {
      if (!id) return null;
      if (!names.has(id)) {
        const [u] = await q.select({ name: users.displayName }).from(users).where(eq(users.id, id));
        names.set(id, u?.name ?? 'Okänd användare');
      }
      return names.get(id) ?? null;
    };
    const exports = row
      ? await q.select().from(payrollExports).where(eq(payrollExports.month, month)).orderBy(desc(payrollExports.exportedAt)).limit(50)
      : [];
    const exported = exportedLines(lines);
    const totals = sumLines(exported);
    const pages = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
    const shown = lines.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const blocked = lines.filter((l) => l.blocked !== null).slice(0, MAX_BLOCKED);
    const seen = new Set<ViewLine>([...shown, ...blocked]);
    const entries: AuditEntry[] = [...seen].map((l) => ({
      action: 'payroll.month_read',
      entityType: 'contact_person',
      entityId: l.contactPersonId,
      details: { month, assignmentId: l.assignmentId, kind: l.kind, forMonth: l.forMonth },
    }));
    await recordAudit(q, ctx, entries);
    const canOpen = !row && monthProblem(month, ctx.clock.today()) === null && !(latest && latest.month >= month);
    return {
      month,
      status: row?.status ?? 'unopened',
      openedAt: iso(row?.openedAt ?? null),
      openedBy: await who(row?.openedBy ?? null),
      lockedAt: iso(row?.lockedAt ?? null),
      lockedBy: await who(row?.lockedBy ?? null),
      version: row?.version ?? null,
      policy: settings.unreportedPolicy,
      policyLabel: unreportedPolicyLabel[settings.unreportedPolicy],
      totals: {
        ...totals,
        total: totalOf(totals),
        lines: lines.length,
        exported: exported.length,
        blocked: lines.filter((l) => l.blocked !== null).length,
        corrections: lines.filter((l) => l.kind === 'correction' && !isZero(l.amounts)).length,
      },
      lines: shown.map(presentLine),
      page,
      pages,
      blocked: blocked.map(presentLine),
      exports: await Promise.all(
        exports.map(async (e) => ({ format: e.format, sha256: e.sha256, exportedAt: e.exportedAt.toISOString(), exportedBy: await who(e.exportedBy), lineCount: e.lineCount })),
      ),
      abilities: { canOpen, canLock: row?.status === 'open' && lockProblem === null, lockRefusal: row?.status === 'open' ? lockProblem : null, canExport: row?.status === 'locked' },
    };
  });
}
