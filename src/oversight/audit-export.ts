// Loggkontroll: the entries a search finds, as a CSV file for Excel (semicolon, UTF-8 with BOM, CRLF, formula guard:
// toCsv as the payroll notice writes it). The export is logged with the filter's shape and the number of rows.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { AUDIT_ACTIONS, recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { formatIdentityNumber } from '../people/identity-number';
import { toCsv } from '../assignments/payroll-csv';
import { auditRows, auditWhere } from './search-audit-log';
import { AUDIT_EXPORT_LIMIT, type auditExportBody } from './schema';

const HEADER = ['Tidpunkt', 'Användare', 'Användarnamn', 'Händelse', 'Person', 'Personnummer', 'Typ', 'Id', 'Anrops-id'] as const;

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A moment as Swedish local time, 2026-03-16 10:00:00. */
export function stockholmTime(d: Date): string {
  return stockholm.format(d);
}

export function exportAuditLog(ctx: UseCaseContext, q: z.output<typeof auditExportBody>): Promise<{ csv: Buffer; fileName: string }> {
  return writeUseCase(ctx, async (tx) => {
    const { where, personId } = await auditWhere(tx, ctx, q);
    const rows = await auditRows(tx, where, AUDIT_EXPORT_LIMIT + 1, 0);
    if (rows.length > AUDIT_EXPORT_LIMIT) throw new AppError('AUDIT_EXPORT_TOO_LARGE');
    await recordAudit(tx, ctx, {
      action: 'audit.export',
      entityType: 'audit_log',
      personId,
      details: { byPerson: Boolean(personId), byUser: Boolean(q.userId), byUnit: Boolean(q.unitId), from: q.from ?? null, to: q.to ?? null, rows: rows.length },
    });
    const csv = toCsv(
      HEADER,
      rows.map((r) => [
        stockholmTime(r.a.occurredAt),
        r.displayName ?? (r.a.actorUserId ? null : 'Systemet'),
        r.a.actorUsername,
        AUDIT_ACTIONS[r.a.action as keyof typeof AUDIT_ACTIONS] ?? r.a.action,
        r.pNo ? `${r.pFirst} ${r.pLast}` : null,
        r.pNo ? formatIdentityNumber(r.pNo, r.pKind) : null,
        r.a.entityType,
        r.a.entityId,
        r.a.requestId,
      ]),
    );
    const day = ctx.clock.today();
    return { csv: Buffer.from(csv, 'utf8'), fileName: `logg-${day}.csv` };
  });
}
