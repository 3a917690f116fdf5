import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The OSS PIA v4.3.22 as published (docs/reference/oss-pia/, apidoc comment format), for tests
 * that must use its examples as they are, not retyped: the fake OSS, the connector's tests.
 */
export const PIA_ENDPOINTS_FILE = join(
  process.cwd(),
  'docs',
  'reference',
  'oss-pia',
  'endpoints.apidoc.txt',
);

/**
 * An example of one method, as its text: the lines after the `@api…Example` tag named `tag`
 * (e.g. `@apiParamExample {json} RequestBody-Example:`), up to the next tag, with the comment's
 * ` * ` margin taken off each line and the `HTTP/1.1 200 OK` line the PIA puts before some bodies
 * left out. Nothing else is changed: spacing, tabs and key order are the document's.
 */
export function piaExample(method: string, tag: string, file = PIA_ENDPOINTS_FILE): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `* @apiName ${method}`);
  if (start < 0) throw new Error(`the PIA has no method ${method}`);
  const end = lines.findIndex((line, i) => i > start && line.trim() === '*/');
  const block = lines.slice(start, end);
  const at = block.findIndex((line) => line.includes(tag));
  if (at < 0) throw new Error(`the PIA's ${method} has no ${tag}`);
  const body: string[] = [];
  for (const line of block.slice(at + 1)) {
    if (/^\s*\*\s*@api/.test(line)) break;
    body.push(line.replace(/^ \* ?/, '').replace(/^ \*$/, ''));
  }
  while (body.length > 0 && body[0].trim() === '') body.shift();
  if (body[0]?.trim().startsWith('HTTP/1.1')) body.shift();
  while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
  return body.join('\n');
}

export const PIA_REQUEST_EXAMPLE = '@apiParamExample {json} RequestBody-Example:';

export type PiaObject = Record<string, unknown>;

/** The receiveNIB body as far as tests fill it in; every other field stays as the PIA has it. */
export interface PiaNibBody {
  dataNIB: PiaObject & {
    penanggung_jwb: PiaObject[];
    data_proyek: PiaObject[];
    data_checklist: PiaObject[];
  };
}

export interface PiaFileDsBody {
  receiveFileDS: PiaObject;
}

/** The PIA's receiveNIB example, parsed (a fresh copy on every call). */
export function piaNibExample(): PiaNibBody {
  return JSON.parse(piaExample('receiveNIB', PIA_REQUEST_EXAMPLE)) as PiaNibBody;
}

/** The PIA's receiveFileDS example, parsed (a fresh copy on every call). */
export function piaFileDsExample(): PiaFileDsBody {
  return JSON.parse(piaExample('receiveFileDS', PIA_REQUEST_EXAMPLE)) as PiaFileDsBody;
}
