import {
  checkLicenseBody,
  checkLicenseStatusBody,
  localDateOf,
  type PiaFieldProblem,
} from '@satupintu/domain';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoNibExample } from './oss-pia';

/** The methods of OSS the fake hosts: the ones a K/L/D calls to report (PIA v4.3.22). */
export const FAKE_OSS_METHODS = ['receiveLicenseStatus', 'receiveLicense'] as const;
export type FakeOssMethod = (typeof FAKE_OSS_METHODS)[number];

/** One call the fake OSS got, as it saw it, and what it answered. */
export interface FakeOssCall {
  method: FakeOssMethod;
  at: Date;
  userKey: string | undefined;
  body: string;
  /** The body parsed, if it was JSON. */
  json?: unknown;
  /** What the field list refused (empty: the body is as the PIA lists it). */
  problems: PiaFieldProblem[];
  /** The HTTP status and `kode` answered; undefined while hanging, or never (the caller left). */
  httpStatus?: number;
  kode?: number;
}

/** How the fake answers, until told otherwise: the PIA's success, or a failure of either kind. */
export type FakeOssMode =
  | { kind: 'ok' }
  /** An HTTP error with the PIA's error body (`kode` = the status), as a failing OSS answers. */
  | { kind: 'http-error'; status: 500 | 502 | 503 | 504 }
  /** HTTP 200, but the body's `kode` is a Lampiran 9 error: the PIA's way of saying "no". */
  | { kind: 'pia-error'; kode: 400 | 403 | 404 | 405 | 500 | 504; keterangan?: string }
  /** Holds each call without answering, for `ms`, then answers as `then` says. */
  | { kind: 'hang'; ms: number; then?: 'ok' | 'drop' };

/** Lampiran 9 of the PIA, "Data Status Respon". */
const LAMPIRAN_9: Record<number, string> = {
  200: 'Sukses',
  400: 'Data Parameter Salah',
  401: 'User Akses Tidak Valid',
  403: 'Ilegal Inquery /Akses',
  404: 'Akses Service Tidak Ditemukan',
  405: 'Akses Service Ditolak',
  500: 'Proses Payload Data Di Sistem OSS Gagal',
  504: 'Proses Payload Data Di Sistem OSS Timeout',
};

/**
 * A stand-in for OSS RBA on a real local port, following the PIA (v4.3.22): it hosts
 * receiveLicenseStatus and receiveLicense (`POST /<method>`), checks the `user_key` header (401
 * with the PIA's reply otherwise) and every body against the PIA's field list (400 naming the
 * fields), answers the PIA's success reply (`respon<method>.kode` 200), and records every call.
 * Told to, it fails (an HTTP 5xx, or HTTP 200 with an error `kode`) or hangs; it calls receiveNIB
 * on a mall as OSS does (`sendNib`). Tests use it in-process; `fake-oss.main.ts` runs it alone,
 * with a small control API, for a demo (README).
 */
export class FakeOss {
  readonly calls: FakeOssCall[] = [];
  mode: FakeOssMode = { kind: 'ok' };
  port: number;
  private server?: Server;
  private readonly held = new Set<ServerResponse>();
  private readonly files = new Map<string, { bytes: Buffer; contentType: string }>();
  /** Each GET of a served file, by name, in order (answered or not). */
  readonly fileGets: string[] = [];
  /** How many of the next file GETs are answered 503, as a file server that is down. */
  fileOutages = 0;

  private readonly control: boolean;
  private readonly mall?: FakeOssMall;

  constructor(
    readonly userKey: string,
    /** `control`: also serve `/_fake/*` (mode, calls, sending receiveNIB), for a demo. */
    options: { port?: number; control?: boolean; mall?: FakeOssMall } = {},
  ) {
    this.port = options.port ?? 0;
    this.control = options.control ?? false;
    this.mall = options.mall;
  }

  async start(host = '127.0.0.1'): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, host, resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Closes the port and every connection (calls held are never answered). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** The base URL a mall is configured with (`OSS_BASE_URL`): methods are under it. */
  baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Serves `bytes` at `/files/<name>` (GET), as OSS's file server serves a signed permit for
   * receiveFileDS's `file_izin`; answers the URL.
   */
  serveFile(name: string, bytes: Uint8Array, contentType = 'application/pdf'): string {
    this.files.set(name, { bytes: Buffer.from(bytes), contentType });
    return `${this.baseUrl()}/files/${encodeURIComponent(name)}`;
  }

  /** The calls OSS acknowledged (kode 200), in the order they came: what OSS now knows. */
  acknowledged(method?: FakeOssMethod): FakeOssCall[] {
    return this.calls.filter((c) => c.kode === 200 && (!method || c.method === method));
  }

  /** The `kd_status` codes acknowledged for a permit (`id_izin`), in order. */
  statusesOf(idIzin: string): string[] {
    return this.acknowledged('receiveLicenseStatus')
      .map((c) => (c.json as { IZINSTATUS: Record<string, string> }).IZINSTATUS)
      .filter((s) => s.id_izin === idIzin)
      .map((s) => s.kd_status);
  }

  /** Answers every call held now as OK (a hang ended early). */
  release(): void {
    for (const response of this.held) response.emit('fake-oss-release');
  }

  /**
   * Calls receiveNIB on a mall as OSS does: POST `url` with `body` as given, byte for byte (the
   * PIA's example, say), and the `Token` header, SHA1(USERNAME + PASSWORD + NIB + Ymd) with the
   * NIB of the body and today's date in `timeZone` (WIB), unless `token` is given.
   */
  static async sendNib(
    url: string,
    body: string,
    credentials: { username: string; password: string; timeZone?: string; at?: Date },
    token?: string,
  ): Promise<{ status: number; body: string }> {
    const nib = /"nib"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? '';
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        Token:
          token ??
          receiveNibToken(
            credentials.username,
            credentials.password,
            nib,
            credentials.at ?? new Date(),
            credentials.timeZone,
          ),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  /**
   * The demo's control API: `GET calls`, `PUT mode` (a `FakeOssMode`), `POST nib`, whose body
   * goes byte for byte to the mall's receiveNIB with the Token OSS would send, `POST
   * nib-example` (the PIA's example filled in, `demoNibExample`), and `PUT files/<name>`, whose
   * body is then served at `/files/<name>` (answers its URL, for receiveFileDS).
   */
  private async controlCall(
    path: string,
    method: string | undefined,
    chunks: Buffer[],
    response: ServerResponse,
  ): Promise<void> {
    const json = (status: number, body: unknown) =>
      void response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
    if ((path === 'nib' || path === 'nib-example') && method === 'POST') {
      if (!this.mall) return json(400, { error: 'no mall configured (FAKE_OSS_MALL_URL)' });
      const body =
        path === 'nib'
          ? Buffer.concat(chunks).toString('utf8')
          : JSON.stringify(demoNibExample(), null, 2);
      const answer = await FakeOss.sendNib(this.mall.url, body, this.mall).catch(
        (error: Error) => ({ status: 0, body: error.message }),
      );
      return json(200, answer);
    }
    if (path.startsWith('files/') && method === 'PUT') {
      const name = decodeURIComponent(path.slice('files/'.length));
      if (!/^[\w.-]{1,100}$/.test(name))
        return json(400, { error: 'a file name: letters, digits, . _ -' });
      return json(200, { url: this.serveFile(name, Buffer.concat(chunks)) });
    }
    let input: Record<string, unknown> = {};
    try {
      if (chunks.length > 0)
        input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return json(400, { error: 'the body is not JSON' });
    }
    if (path === 'calls' && method === 'GET')
      return json(
        200,
        this.calls.map(({ method: m, at, json: body, problems, httpStatus, kode }) => ({
          method: m,
          at,
          body,
          problems,
          httpStatus,
          kode,
        })),
      );
    if (path === 'mode' && method === 'PUT') {
      const kinds = ['ok', 'http-error', 'pia-error', 'hang'];
      if (!kinds.includes(input.kind as string))
        return json(400, { error: `kind must be one of ${kinds.join(', ')}` });
      this.mode = input as FakeOssMode;
      if (input.kind !== 'hang') this.release();
      return json(200, this.mode);
    }
    return json(404, {
      error:
        'GET /_fake/calls, PUT /_fake/mode, POST /_fake/nib, POST /_fake/nib-example, PUT /_fake/files/<name>',
    });
  }

  private serveFileGet(name: string, response: ServerResponse): void {
    this.fileGets.push(name);
    const file = this.files.get(name);
    if (this.fileOutages > 0) {
      this.fileOutages--;
      response.writeHead(503).end();
      return;
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length })
      .end(file.bytes);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', 'http://fake').pathname.replace(/^\/+/, '');
    if (this.control && path.startsWith('_fake/'))
      return this.controlCall(path.slice('_fake/'.length), request.method, chunks, response);
    if (request.method === 'GET' && path.startsWith('files/'))
      return this.serveFileGet(decodeURIComponent(path.slice('files/'.length)), response);
    const method = FAKE_OSS_METHODS.find((m) => m === path);
    if (request.method !== 'POST' || !method) {
      reply(response, 404, 'receiveLicenseStatus', 404);
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const header = request.headers.user_key;
    const call: FakeOssCall = {
      method,
      at: new Date(),
      userKey: Array.isArray(header) ? header[0] : header,
      body,
      problems: [],
    };
    this.calls.push(call);
    try {
      call.json = JSON.parse(body) as unknown;
    } catch {
      call.problems = [{ field: `respon${method}`, problem: 'must_be_object' }];
    }
    if (call.json !== undefined)
      call.problems =
        method === 'receiveLicense'
          ? checkLicenseBody(call.json)
          : checkLicenseStatusBody(call.json);
    const answer = (httpStatus: number, kode: number, keterangan?: string) => {
      call.httpStatus = httpStatus;
      call.kode = kode;
      reply(response, httpStatus, method, kode, keterangan);
    };
    if (!sameKey(call.userKey, this.userKey)) return answer(401, 401);
    if (call.problems.length > 0) {
      const fields = call.problems.map((p) => `${p.field} (${p.problem})`).join(', ');
      return answer(400, 400, `${LAMPIRAN_9[400]}: ${fields}`);
    }
    const mode = this.mode;
    switch (mode.kind) {
      case 'ok':
        return answer(200, 200);
      case 'http-error':
        return answer(mode.status, mode.status === 503 || mode.status === 502 ? 500 : mode.status);
      case 'pia-error':
        return answer(200, mode.kode, mode.keterangan);
      case 'hang': {
        this.held.add(response);
        const timer = setTimeout(() => response.emit('fake-oss-release'), mode.ms);
        response.once('close', () => {
          clearTimeout(timer);
          this.held.delete(response);
        });
        response.once('fake-oss-release', () => {
          clearTimeout(timer);
          this.held.delete(response);
          if (mode.then === 'drop') response.destroy();
          else if (!response.writableEnded) answer(200, 200);
        });
      }
    }
  }
}

/** The mall the fake calls receiveNIB on, and the credentials OSS and the mall agreed on. */
export interface FakeOssMall {
  url: string;
  username: string;
  password: string;
  timeZone?: string;
}

/** The PIA's receiveNIB token: SHA1(USERNAME + PASSWORD + NIB + date `Ymd`), lower-case hex. */
export function receiveNibToken(
  username: string,
  password: string,
  nib: string,
  at: Date,
  timeZone = 'Asia/Jakarta',
): string {
  const ymd = localDateOf(at, timeZone).replace(/-/g, '');
  return createHash('sha1').update(`${username}${password}${nib}${ymd}`).digest('hex');
}

function sameKey(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The PIA's reply of a method: `respon<method>` with `kode` and `keterangan` (Lampiran 9). */
function reply(
  response: ServerResponse,
  httpStatus: number,
  method: FakeOssMethod,
  kode: number,
  keterangan = LAMPIRAN_9[kode] ?? '',
): void {
  const extra =
    method === 'receiveLicenseStatus' ? { dataNIB: {} } : { nomor_izin: '', jenis_perizinan: '' };
  response
    .writeHead(httpStatus, { 'content-type': 'application/json' })
    .end(JSON.stringify({ [`respon${method}`]: { kode, keterangan, ...extra } }));
}
