import type { FieldErrors } from '../platform/form';

/** A rule's field problems (src/assignments/rules.ts) as the form's errors; refusals are the server's to answer. */
export function fieldErrors(problems: ReadonlyArray<{ path: string; message: string }>): FieldErrors {
  const errs: FieldErrors = {};
  for (const p of problems) if (!(p.path in errs)) errs[p.path] = p.message;
  return errs;
}

/** A number typed in a text field: empty → null; otherwise the number (the schema says what is wrong with it). */
export function numberOrNull(s: string): number | string | null {
  const t = s.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}
