/**
 * The OSS routes answer in the PIA's shape, whoever refuses: the oss service for a token or a
 * body, the gateway itself for what happens before (a body that is not JSON, too large, the
 * wrong media type, a rate limit, an unknown method) or after (oss away: 503, too slow: 504).
 * Those are problem documents everywhere else; on `/v1/oss/` they are rewritten on the way out
 * into `{"respon<method>": {"status": "2", "keterangan": "…"}}` with the same HTTP status, in
 * Lampiran 9's words where it has them. OSS's client reads nothing else.
 */
export const OSS_PATH_PREFIX = '/v1/oss/';

/** SatuPintu's own routes under the prefix, for its own callers: problem+json as everywhere. */
const SATUPINTU_ROUTES = new Set(['unmapped-permits', 'deliveries', 'files']);

/** Whether the path is one of the PIA's methods (or a method OSS may call that does not exist). */
export function isPiaPath(path: string): boolean {
  if (!path.startsWith(OSS_PATH_PREFIX)) return false;
  return !SATUPINTU_ROUTES.has(path.slice(OSS_PATH_PREFIX.length).split('/')[0] ?? '');
}

/** The PIA's status texts (Lampiran 9), by HTTP status. */
export const PIA_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Data Parameter Salah',
  401: 'User Akses Tidak Valid',
  403: 'Ilegal Inquery /Akses',
  404: 'Akses Service Tidak Ditemukan',
  405: 'Akses Service Ditolak',
};

export interface PiaFailure {
  [replyKey: string]: { status: '2'; keterangan: string };
}

/** `respon<method>` for the method the path names; a path naming none gets `respon`. */
export function piaReplyKey(path: string): string {
  const method = path.slice(OSS_PATH_PREFIX.length).split('/')[0] ?? '';
  return /^[A-Za-z]{1,40}$/.test(method) ? `respon${method}` : 'respon';
}

/** A problem document as the PIA's failure reply: Lampiran 9's text, else the problem's title. */
export function piaFailureOf(path: string, status: number, problem: unknown): PiaFailure {
  const doc = (typeof problem === 'object' && problem !== null ? problem : {}) as {
    title?: unknown;
    code?: unknown;
  };
  const title = typeof doc.title === 'string' ? doc.title : undefined;
  const code = typeof doc.code === 'string' ? doc.code : undefined;
  const base = PIA_STATUS_TEXT[status] ?? title ?? 'Gagal memproses data';
  // A body that is not JSON has no field to name: the PIA's 400 names the body itself.
  const detail = status === 400 && code === 'malformed_json' ? ': body' : '';
  return { [piaReplyKey(path)]: { status: '2', keterangan: `${base}${detail}`.slice(0, 255) } };
}
