/**
 * A real SMTP server for tests (smtp-server), on loopback: it takes mail as a landlord's mail server
 * would, with a login, and keeps each message's raw source and its parsed form (mailparser).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestMailServer {
  port: number;
  /** Every message received so far, raw and parsed. */
  messages: { raw: string; parsed: ParsedMail }[];
  /** Resolves once at least `count` messages have arrived, or rejects after `ms`. */
  waitFor: (count: number, ms?: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts a mail server on `port` (0: any free port) that accepts the user and password given. */
export async function startMailServer(port: number, user: string, password: string, messages: TestMailServer['messages'] = []): Promise<TestMailServer> {
  const server = new SMTPServer({
    // Plain text on loopback only: the test needs no certificate.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            messages.push({ raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    messages,
    waitFor: async (count, ms = 20_000) => {
      const until = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`Only ${messages.length} of ${count} messages arrived within ${ms} ms.`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
