import { MAX_DOCUMENT_BYTES } from '@satupintu/contracts';
import { publicOnlyLookup, isPrivateHost } from '@satupintu/webhooks';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Where the mall fetches the signed files OSS names (receiveFileDS's `file_izin`) from: any
 * public https address; http, or a private address, only for a host (`host` or `host:port`) the
 * mall configured (`OSS_FILE_HOSTS`: OSS's file server where it is not public, the fake OSS).
 */
export interface FileFetchPolicy {
  allowedHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
  /** Attempts at a file (fetch, store, attach) before it is recorded FAILED with the last error. */
  attempts: number;
}

/** The most attempts at one file: with the job's backoff (up to ten minutes), about a day. */
export const MAX_FILE_ATTEMPTS = 150;

export const DEFAULT_FILE_FETCH_POLICY: FileFetchPolicy = {
  allowedHosts: new Set(),
  timeoutMs: 30_000,
  maxBytes: MAX_DOCUMENT_BYTES,
  attempts: MAX_FILE_ATTEMPTS,
};

/** A file the mall will not take whatever it does: fetching it again changes nothing. */
export class FileRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Whether a URL may be fetched, and whether its host is one the mall configured (then its
 * address is not checked). https to a public name or address; anything else only to a
 * configured host; never with credentials in it. Pure.
 */
export function fileUrlVerdict(
  url: string,
  policy: Pick<FileFetchPolicy, 'allowedHosts'>,
): { allowed: true; configured: boolean } | { allowed: false; code: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, code: 'file_url_invalid' };
  }
  if (parsed.username || parsed.password) return { allowed: false, code: 'file_url_credentials' };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { allowed: false, code: 'file_url_scheme' };
  const configured =
    policy.allowedHosts.has(parsed.host.toLowerCase()) ||
    policy.allowedHosts.has(parsed.hostname.toLowerCase());
  if (configured) return { allowed: true, configured };
  if (parsed.protocol !== 'https:') return { allowed: false, code: 'file_url_not_https' };
  if (isPrivateHost(parsed.hostname)) return { allowed: false, code: 'file_url_private' };
  return { allowed: true, configured };
}

/**
 * Every URL in `text` without its user, query and fragment: a file server's signed URL carries
 * its credential in the query (`?signature=…`), which no log or admin list is to show. Pure.
 */
export function withoutUrlSecrets(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (found) => {
    try {
      const url = new URL(found);
      return `${url.protocol}//${url.host}${url.pathname}`;
    } catch {
      return found.replace(/[?#].*$/, '').replace(/\/\/[^/]*@/, '//');
    }
  });
}

/**
 * GETs the file: no redirect followed, a 200 only, no more than the limit announced; a name
 * that resolves to a private address refused at connect time unless its host is configured
 * (SSRF). The answer's body is the caller's to read (the signal's timeout covers it too).
 * A refusal is a `FileRefused`; a failure to reach or an error status is a plain error, worth
 * trying again.
 */
export function openFile(
  url: string,
  policy: FileFetchPolicy,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const verdict = fileUrlVerdict(url, policy);
  if (!verdict.allowed) return Promise.reject(new FileRefused(verdict.code));
  const target = new URL(url);
  const get = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = get(
      target,
      {
        method: 'GET',
        headers: { accept: 'application/pdf, image/jpeg, image/png', 'user-agent': USER_AGENT },
        signal,
        ...(verdict.configured ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const length = Number(response.headers['content-length']);
        const refuse = (error: Error) => {
          response.destroy();
          reject(error);
        };
        if (status >= 300 && status < 400) return refuse(new FileRefused('file_url_redirect'));
        if (status !== 200) return refuse(new Error(`the file server answered ${status}`));
        if (Number.isFinite(length) && length > policy.maxBytes)
          return refuse(new FileRefused('document_too_large'));
        resolve(response);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EPRIVATETARGET'
          ? new FileRefused('file_url_private')
          : signal.aborted
            ? (signal.reason as Error)
            : error,
      ),
    );
    request.end();
  });
}

const USER_AGENT = 'SatuPintu-OSS/1';
