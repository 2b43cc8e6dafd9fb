// A tiny SMTP server for tests (RFC 5321's few commands nodemailer uses, no TLS, no auth): it keeps every message it
// accepts and can refuse recipients with a reply code, so the e-mail worker is tested against real SMTP.
import net from 'node:net';

export interface SinkMessage {
  from: string;
  to: string[];
  /** The raw message (headers and body) as received. */
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: SinkMessage[];
  /** Reply to RCPT TO with this code (e.g. 451: try later, 550: no such user) for matching addresses; null accepts. */
  refuse: (address: string) => number | null;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const sockets = new Set<net.Socket>();
  const sink = { messages, refuse: (_a: string) => null as number | null } as SmtpSink;
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.setEncoding('utf8');
    let buf = '';
    let inData = false;
    let cur: SinkMessage = { from: '', to: [], data: '' };
    const reply = (s: string) => sock.write(`${s}\r\n`);
    reply('220 sink ESMTP');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          cur.data = buf.slice(0, end);
          buf = buf.slice(end + 5);
          inData = false;
          messages.push(cur);
          cur = { from: '', to: [], data: '' };
          reply('250 2.0.0 OK queued');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        const address = (line.match(/<([^>]*)>/) ?? [])[1] ?? '';
        if (verb === 'EHLO') sock.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 sink');
        else if (verb === 'MAIL') {
          cur = { from: address, to: [], data: '' };
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          const code = sink.refuse(address);
          if (code) reply(`${code} ${code >= 500 ? '5.1.1' : '4.3.0'} <${address}> refused`);
          else {
            cur.to.push(address);
            reply('250 2.1.5 OK');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          cur = { from: '', to: [], data: '' };
          reply('250 2.0.0 OK');
        } else if (verb === 'NOOP') reply('250 2.0.0 OK');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          sock.end();
        } else reply('502 5.5.2 Not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return sink;
}
