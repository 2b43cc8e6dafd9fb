// A rule's problems (src/intake/rules.ts) → the API's error: a refusal answers with its code, field problems
// with VALIDATION_FAILED and every field. The rules stay pure; this is the one place they become an AppError.
import { AppError } from '../platform/errors';
import { isFieldProblem, type Problem, type Refusal } from './rules';

export function throwProblems(problems: ReadonlyArray<Problem | null>): void {
  const found = problems.filter((p): p is Problem => p !== null);
  const refusal = found.find((p): p is Refusal => !isFieldProblem(p));
  if (refusal) throw new AppError(refusal.code, refusal.message ? { message: refusal.message } : {});
  const fields = found.filter(isFieldProblem);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}
