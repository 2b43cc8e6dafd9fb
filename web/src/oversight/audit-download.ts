// A file the API makes from a POST body (the log export: its filter may hold a personnummer, which never goes in a
// URL). Fetched, then handed to the browser as a download under the name the server gives.
import { ApiError, GENERIC_ERROR_MESSAGE } from '../platform/api';

export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) {
    const d = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? GENERIC_ERROR_MESSAGE);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
