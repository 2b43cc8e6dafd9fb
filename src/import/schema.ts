// HTTP schemas of the import (shared with the web page).
import { z } from 'zod';
import { uuid } from '../platform/validation';
import { IMPORT_KINDS } from './rules';

export const importKindQuery = z.object({ kind: z.enum(IMPORT_KINDS, { error: 'Välj vilken sorts fil det är.' }) });
export const importJobParams = z.object({ id: uuid });
export const progressParams = z.object({ token: uuid });

export const rowErrorOut = z.object({ row: z.number(), column: z.string(), message: z.string() });
export const importJobOut = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  separator: z.string(),
  status: z.enum(['checked', 'committed']),
  rowCount: z.number(),
  errorCount: z.number(),
  errors: z.array(rowErrorOut),
  importedCount: z.number().nullable(),
  checkedAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ImportJobOut = z.infer<typeof importJobOut>;
export const importJobListOut = z.object({ items: z.array(importJobOut) });
export const importProgressOut = z.object({
  running: z.boolean(),
  phase: z.enum(['checking', 'committing']).nullable(),
  percent: z.number(),
  rows: z.number(),
});
export type ImportProgressOut = z.infer<typeof importProgressOut>;
