// Pure rules of the log review (loggkontroll), shared with the web form.

/** A period's end may not be before its start. */
export function periodProblem(from: string | null | undefined, to: string | null | undefined): { path: 'to'; message: string } | null {
  return from && to && to < from ? { path: 'to', message: 'Slutdatum kan inte vara före startdatum.' } : null;
}
