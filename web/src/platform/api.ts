// The one way the web app talks to the API: JSON over fetch with the session cookie.
// Every error becomes an ApiError carrying the API's stable code and Swedish message.

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, fields: FieldIssue[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export const GENERIC_ERROR_MESSAGE = 'Något gick fel. Försök igen om en stund.';
export const NETWORK_ERROR_MESSAGE = 'Det gick inte att nå Kontakt. Kontrollera nätverket och försök igen.';

let unauthenticatedHandler: (() => void) | null = null;

/** Called when the session has ended (401 UNAUTHENTICATED from any request but the ones that opt out). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  unauthenticatedHandler = fn;
}

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session ended" (the login page and the first /me check). */
  ignoreUnauthenticated?: boolean;
  /** The request outlives the page (a save when the tab closes). */
  keepalive?: boolean;
};

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      keepalive: options.keepalive,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const d = (data ?? {}) as { code?: string; message?: string; fields?: FieldIssue[]; requestId?: string };
    const err = new ApiError(
      res.status,
      d.code ?? `HTTP_${res.status}`,
      d.message ?? GENERIC_ERROR_MESSAGE,
      Array.isArray(d.fields) ? d.fields : [],
      d.requestId,
    );
    if (res.status === 401 && err.code === 'UNAUTHENTICATED' && !options.ignoreUnauthenticated) {
      unauthenticatedHandler?.();
    }
    throw err;
  }
  return data as T;
}
