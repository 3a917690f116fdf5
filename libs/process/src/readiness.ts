import { request } from 'node:http';

export type ReadyCheck = { ready: true } | { ready: false; detail: string };

/**
 * What a failed readiness check says, in a few words: Terminus answers 503 with
 * `{"error":{"nats":{"status":"down","message":"…"}}}`, which names the dependency at fault.
 */
export function summarizeHealth(status: number, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const details =
      (parsed as { error?: unknown; details?: unknown }).error ??
      (parsed as { details?: unknown }).details;
    if (typeof details === 'object' && details !== null) {
      const down = Object.entries(
        details as Record<string, { status?: unknown; message?: unknown }>,
      )
        .filter(([, check]) => check?.status !== 'up')
        .map(([name, check]) =>
          typeof check?.message === 'string' ? `${name}: ${check.message}` : `${name} down`,
        );
      if (down.length > 0) return `HTTP ${status} (${down.join('; ')})`;
    }
  } catch {
    // Not JSON: the status alone will do.
  }
  return `HTTP ${status}`;
}

/** GET /health/ready once; any network error counts as not ready yet. */
export function checkReady(url: string, timeoutMs = 1000): Promise<ReadyCheck> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => resolve({ ready: false, detail: error.message }));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status === 200) resolve({ ready: true });
        else
          resolve({
            ready: false,
            detail: summarizeHealth(status, Buffer.concat(chunks).toString('utf8')),
          });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        ready: false,
        detail: error.code === 'ECONNREFUSED' ? 'not listening yet' : error.message,
      }),
    );
    req.end();
  });
}
