// Notifications, pure: what an e-mail says (never anything personal: only that there is news, and where to read it),
// when a failed delivery is tried again (exponential backoff) and when it is given up, and how a failure is recorded
// (codes only: an SMTP server's reply text can quote the address).
export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const emailStatusLabel: Record<EmailStatus, string> = {
  pending: 'Väntar på att skickas',
  sending: 'Skickas',
  sent: 'Skickat',
  failed: 'Kunde inte skickas',
};

export const EMAIL_SUBJECT = 'Nytt meddelande i Kontakt';
/** Where the e-mail leads: the user's list of messages (the message itself is read there, after sign-in). */
export const INBOX_PATH = '/meddelanden';

/** The whole text of every notification e-mail: the same for everyone, whatever the message is about. */
export function emailText(publicUrl: string): string {
  return `Du har ett nytt meddelande i Kontakt.\n\nLogga in för att läsa det: ${inboxUrl(publicUrl)}\n`;
}

export function inboxUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${INBOX_PATH}`;
}

/** Attempts before an e-mail is given up (the first try included). */
export const MAX_EMAIL_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** Wait after failed attempt number `attempt` (1-based): 1, 2, 4, 8 … minutes, at most 6 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/** What becomes of an e-mail whose attempt number `attempts` failed at `now`. */
export function afterFailure(attempts: number, now: Date): { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date } {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/**
 * A failure as codes only: the error's class, its code (ECONNREFUSED, EENVELOPE, EAUTH …) and the SMTP reply code
 * (550 …). Never the message or the server's reply, which may quote the recipient's address.
 */
export function describeSendError(e: unknown): string {
  const err = (e ?? {}) as { name?: unknown; code?: unknown; responseCode?: unknown };
  // Only shapes that cannot carry an address: a class name, an upper-case code, a three-digit reply code.
  const name = typeof err.name === 'string' && /^[A-Za-z]{1,40}$/.test(err.name) && err.name.endsWith('Error') ? err.name : 'Error';
  const code = typeof err.code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(err.code) ? err.code : null;
  const reply = typeof err.responseCode === 'number' && Number.isInteger(err.responseCode) && err.responseCode >= 100 && err.responseCode <= 599 ? String(err.responseCode) : null;
  return [name, code, reply].filter(Boolean).join(' ');
}
