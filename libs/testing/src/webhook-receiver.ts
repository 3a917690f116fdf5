import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a webhook receiver got, as it saw it. */
export interface ReceivedWebhook {
  webhookId: string;
  type: string;
  data: Record<string, unknown>;
  /** Whether `new Webhook(secret).verify(body, headers)` accepted it, with the secret then. */
  verified: boolean;
  /** The status answered; undefined while held, or if it never was (the sender went away). */
  answered?: number;
  /** Another request of the same ordering key was unanswered when this one arrived. */
  overlapped: boolean;
  /** As sent: to verify it again (with another secret, say). */
  body: string;
  headers: Record<string, string>;
}

/**
 * A webhook receiver on a real local port, as an agency's system would run one: it verifies
 * every request with the subscription's secret (`standardwebhooks`), and answers 200, or holds
 * the requests (answers none) while `hold` is set. Stopped, its port refuses connections; started
 * again, it listens on the same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  hold = false;
  port = 0;
  private server?: Server;
  private readonly open = new Set<string>();

  constructor(
    /** What orders a request among others (an application id): overlaps are counted by it. */
    private readonly keyOf: (data: Record<string, unknown>) => string = () => '',
  ) {}

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the port, and every connection (held requests are never answered). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  url(path = 'hooks'): string {
    return `http://127.0.0.1:${this.port}/${path}`;
  }

  /** The requests answered 2xx, the first of each webhook id only, in the order they came. */
  accepted(): ReceivedWebhook[] {
    const seen = new Set<string>();
    return this.received.filter((r) => {
      if (!r.answered || r.answered >= 300 || seen.has(r.webhookId)) return false;
      seen.add(r.webhookId);
      return true;
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = request.headers as Record<string, string>;
    let verified = false;
    try {
      new Webhook(this.secret).verify(body, headers);
      verified = true;
    } catch {
      // recorded as not verified
    }
    const { type, data } = JSON.parse(body) as { type: string; data: Record<string, unknown> };
    const key = this.keyOf(data);
    const received: ReceivedWebhook = {
      webhookId: headers['webhook-id'],
      type,
      data,
      verified,
      overlapped: this.open.has(key),
      body,
      headers,
    };
    this.received.push(received);
    this.open.add(key);
    response.on('close', () => this.open.delete(key));
    if (this.hold) return;
    received.answered = 200;
    this.open.delete(key);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }
}
