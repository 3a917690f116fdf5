import { runInContext } from '@satupintu/common';
import {
  PutCounter,
  PutServiceLine,
  type Principal,
  type RequestContract,
} from '@satupintu/contracts';
import { RpcClient } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';

/**
 * Demo services the kiosk row spreads its tickets over, each the only service of a line of its
 * own: a line numbers at most 9,999 tickets a day, and the row takes some 13,000 at 1,000/s.
 */
export const FLOOR_SERVICES = [
  'DUKCAPIL-KK',
  'DUKCAPIL-AKTA-LAHIR',
  'DUKCAPIL-KTP-EL',
  'PUPR-PBG',
  'PUPR-SLF',
  'DPMPTSP-NIB',
] as const;

/** The counter the call-next row's officer opens a session at. */
export const FLOOR_COUNTER = 'B1';

const agencyOf = (serviceCode: string) => serviceCode.split('-')[0];

/**
 * The floor as a mall admin sets it up, through the queue's own requests (the gateway routes
 * are not what the rows measure): a line per service (`A`, `B`, …) and one DUKCAPIL counter.
 */
export async function setUpFloor(natsUrl: string, namespace: string): Promise<void> {
  const rpc = new RpcClient({ url: natsUrl, namespace, timeoutMs: 10_000, name: 'bench-floor' });
  const admin: Principal = {
    kind: 'officer',
    subject: `bench-admin-${randomUUID().slice(0, 8)}`,
    roles: ['MALL_ADMIN'],
    agency: 'MPP',
    scopes: [],
  };
  const ask = <Req, Res>(contract: RequestContract<Req, Res>, body: Req) =>
    runInContext({ requestId: randomUUID(), traceparent: '', principal: admin }, () =>
      rpc.request(contract, body),
    );
  try {
    for (const [i, serviceCode] of FLOOR_SERVICES.entries())
      await ask(PutServiceLine, {
        prefix: String.fromCharCode(65 + i),
        agencyCode: agencyOf(serviceCode),
        name: `Bench ${serviceCode}`,
        serviceCodes: [serviceCode],
        active: true,
      });
    await ask(PutCounter, {
      code: FLOOR_COUNTER,
      agencyCode: 'DUKCAPIL',
      name: 'Bench counter',
      active: true,
    });
  } finally {
    await rpc.onApplicationShutdown();
  }
}

/** Each kiosk request's body: the services in turn. */
export function ticketBodies(): () => string {
  let next = 0;
  return () => JSON.stringify({ serviceCode: FLOOR_SERVICES[next++ % FLOOR_SERVICES.length] });
}

export interface CallNextLatency {
  calls: number;
  p50: number;
  p99: number;
  max: number;
  failures: string[];
}

/**
 * One officer at the counter, as on the floor: call the next ticket, mark it served, again,
 * `calls` times one after another over a queue of waiting tickets; each call timed from
 * sending it to its 201 (the served answer is not timed).
 */
export async function callNextLatency(options: {
  gatewayUrl: string;
  headers: Record<string, string>;
  serviceCode: string;
  calls: number;
}): Promise<CallNextLatency> {
  const post = (path: string, body?: unknown) =>
    fetch(`${options.gatewayUrl}${path}`, {
      method: 'POST',
      // No body, no content type: an empty body declared as JSON is malformed JSON.
      headers: {
        ...options.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const failures: string[] = [];
  const opened = await post('/v1/queue/sessions', {
    counterCode: FLOOR_COUNTER,
    serviceCodes: [options.serviceCode],
  });
  if (opened.status !== 201) {
    failures.push(`open session: ${opened.status} ${await opened.text()}`);
    return { calls: 0, p50: NaN, p99: NaN, max: NaN, failures };
  }
  const { sessionId } = (await opened.json()) as { sessionId: string };
  const times: number[] = [];
  for (let i = 0; i < options.calls; i++) {
    const started = performance.now();
    const called = await post(`/v1/queue/sessions/${sessionId}/calls`);
    const ms = performance.now() - started;
    if (called.status !== 201) {
      failures.push(`call ${i}: ${called.status} ${(await called.text()).slice(0, 200)}`);
      continue;
    }
    await called.arrayBuffer();
    times.push(ms);
    const served = await post(`/v1/queue/sessions/${sessionId}/served`);
    if (served.status !== 200) failures.push(`served ${i}: ${served.status}`);
    await served.arrayBuffer();
  }
  await (await post(`/v1/queue/sessions/${sessionId}/close`)).arrayBuffer();
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times.length > 0 ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN;
  return { calls: times.length, p50: at(0.5), p99: at(0.99), max: at(1), failures };
}
