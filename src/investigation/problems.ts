// The investigation rules' problems (rules.ts) → the API's error: a refusal answers with its code, field problems
// with VALIDATION_FAILED and every field. The one place they become an AppError.
import { AppError } from '../platform/errors';
import { isInvestigationFieldProblem, type InvestigationProblem, type InvestigationRefusal } from './rules';

export function throwProblems(problems: ReadonlyArray<InvestigationProblem | null>): void {
  const found = problems.filter((p): p is InvestigationProblem => p !== null);
  const refusal = found.find((p): p is InvestigationRefusal => !isInvestigationFieldProblem(p));
  if (refusal) throw new AppError(refusal.code, refusal.message ? { message: refusal.message } : {});
  const fields = found.filter(isInvestigationFieldProblem);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

/** PostgreSQL unique_violation (23505) of `constraint`, through Drizzle's wrapper on both drivers. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  let e = err as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 3; i++, e = e.cause as typeof e) {
    if (e.code === '23505') return String(e.constraint ?? e.constraint_name ?? '') === constraint;
  }
  return false;
}
