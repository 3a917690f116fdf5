import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../apps/gateway/src/openapi/openapi';

/** A committed file the build writes from the gateway's code, and a test checks. */
export interface ContractFile {
  /** From the repository root. */
  path: string;
  text: string;
}

export const OPENAPI_JSON = 'docs/openapi.json';
export const API_CLIENT_SCHEMA = 'libs/api-client/src/schema.ts';

const SCHEMA_HEADER = `/**
 * The types of the gateway's API, generated from ${OPENAPI_JSON} by openapi-typescript.
 * Do not edit: \`npm run openapi\` writes this file again.
 */

`;

/**
 * The OpenAPI document (sorted keys, 2-space JSON, a final newline) and the client types
 * generated from it. Needs no NATS and no PostgreSQL.
 */
export async function renderContractFiles(): Promise<ContractFile[]> {
  const document = await buildOpenApiDocument();
  const json = `${JSON.stringify(document, null, 2)}\n`;
  // From the JSON text, not the object: the types describe exactly what is committed. A field
  // with a default stays optional: the server fills it in, the client need not send it.
  const ast = await openapiTS(JSON.parse(json) as OpenAPI3, {
    silent: true,
    defaultNonNullable: false,
  });
  return [
    { path: OPENAPI_JSON, text: json },
    { path: API_CLIENT_SCHEMA, text: SCHEMA_HEADER + astToString(ast) },
  ];
}

/** One line per file whose committed text differs from what the code generates. */
export function staleContractFiles(
  files: ContractFile[],
  readCommitted: (path: string) => string | undefined,
): string[] {
  const stale: string[] = [];
  for (const file of files) {
    const committed = readCommitted(file.path);
    if (committed === file.text) continue;
    const where =
      committed === undefined
        ? 'missing'
        : `first difference at line ${firstDifferentLine(committed, file.text)}`;
    stale.push(`${file.path} is stale: run \`npm run openapi\` (${where})`);
  }
  return stale;
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}
