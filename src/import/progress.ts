// How far a running dry run or commit has come, for the upload page that polls while it waits. In memory: the
// request that runs the import is served by this process, and so is the poll (a progress unknown to this instance
// reads as "not started"). Each entry belongs to the user who started it.
export interface ImportProgress {
  actorId: string;
  phase: 'checking' | 'committing';
  /** Characters of the file read so far and in all. */
  done: number;
  total: number;
  rows: number;
}

const running = new Map<string, ImportProgress>();

export function startProgress(token: string | undefined, p: ImportProgress): (done: number, rows: number) => void {
  if (!token) return () => {};
  running.set(token, p);
  return (done, rows) => {
    p.done = done;
    p.rows = rows;
  };
}

export function endProgress(token: string | undefined): void {
  if (token) running.delete(token);
}

export function progressOf(token: string, actorId: string): ImportProgress | null {
  const p = running.get(token);
  return p && p.actorId === actorId ? p : null;
}
