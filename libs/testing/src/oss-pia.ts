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

/**
 * The PIA's receiveNIB example filled in for a demo mall (`npm run fake-oss`, `POST
 * /_fake/nib-example`): a NIB, its business (name, NPWP, address in Kabupaten Bogor, the KBLI
 * of its one project), the person responsible by KTP, and three permits (`<idPrefix>-PBG`, …): the demo permit map's
 * PBG (by code) and reklame (by code and KBLI 73100), and one it does not know.
 */
export function demoNibExample(nib = '8120000110171', idPrefix = nib): PiaNibBody {
  const body = piaNibExample();
  const data = body.dataNIB;
  Object.assign(data, {
    nib,
    oss_id: 'P-202612010001',
    nama_perseroan: 'PT Maju Bersama Cibinong',
    npwp_perseroan: '012345678901234',
    alamat_perseroan: 'Jl. Raya Tegar Beriman No. 1',
    perseroan_daerah_id: '3201010001',
    kode_pos_perseroan: '16911',
  });
  Object.assign(data.penanggung_jwb[0], {
    jns_identitas_penanggung_jwb: '01',
    no_identitas_penanggung_jwb: '3201015506900003',
    nama_penanggung_jwb: 'Siti Rahmawati',
  });
  Object.assign(data.data_proyek[0], { id_proyek: 'R-1', kbli: '73100' });
  const template = data.data_checklist[0];
  data.data_checklist = [
    { ...template, id_izin: `${idPrefix}-PBG`, id_proyek: 'R-1', kd_izin: '032000000001' },
    { ...template, id_izin: `${idPrefix}-REK`, id_proyek: 'R-1', kd_izin: '059000000020' },
    { ...template, id_izin: `${idPrefix}-UNK`, id_proyek: 'R-1', kd_izin: '999000000001' },
  ];
  return body;
}
