/**
 * A webhook receiver for tests, written as a landlord's relay would be: it checks the HMAC-SHA256
 * signature over "<timestamp>.<body>" with the shared secret, refuses a timestamp more than five
 * minutes off (a replay), and keeps every body it accepted. It can be told to fail the next few.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export interface TestWebhookReceiver {
  url: string;
  /** Raw bodies of the messages accepted (2xx). */
  accepted: string[];
  /** How many were refused for a bad or missing signature or timestamp. */
  refused: () => number;
  /** Answers 503 to the next `n` messages. */
  failNext: (n: number) => void;
  waitFor: (count: number, ms?: number) => Promise<void>;
  stop: () => Promise<void>;
}

const toleranceSeconds = 300;

/** Starts a receiver on loopback that trusts `secret`. */
export async function startWebhookReceiver(secret: string): Promise<TestWebhookReceiver> {
  const accepted: string[] = [];
  let refused = 0;
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-safe-home-timestamp'] ?? '');
      const signature = Buffer.from(String(req.headers['x-safe-home-signature'] ?? ''));
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
      const fresh = /^\d+$/.test(timestamp) && Math.abs(Date.now() / 1000 - Number(timestamp)) <= toleranceSeconds;
      if (!fresh || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
        refused += 1;
        res.writeHead(401).end();
      } else if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end();
      } else {
        accepted.push(body);
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    accepted,
    refused: () => refused,
    failNext: (n) => (failures = n),
    waitFor: async (count, ms = 20_000) => {
      const until = Date.now() + ms;
      while (accepted.length < count) {
        if (Date.now() > until) throw new Error(`Only ${accepted.length} of ${count} webhook messages arrived within ${ms} ms.`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
