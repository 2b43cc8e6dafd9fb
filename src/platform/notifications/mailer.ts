// The e-mail transport: nodemailer over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.kommun.se:587 or smtps://…).
// Kept behind a small interface so the worker does not care how mail leaves.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  // What the URL sets (host, port, auth, smtps) wins; the timeouts keep a hanging server from holding a lease.
  const t = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(mail) {
      await t.sendMail(mail);
    },
    close: () => t.close(),
  };
}
