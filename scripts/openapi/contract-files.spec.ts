import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_CLIENT_SCHEMA,
  type ContractFile,
  OPENAPI_JSON,
  renderContractFiles,
  staleContractFiles,
} from './contract-files';

const root = join(__dirname, '..', '..');

function readCommitted(path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

describe('the committed API contract', () => {
  it('is what the gateway’s code generates: docs/openapi.json and the API client types', async () => {
    const files = await renderContractFiles();
    expect(files.map((file) => file.path)).toEqual([OPENAPI_JSON, API_CLIENT_SCHEMA]);
    expect(staleContractFiles(files, readCommitted)).toEqual([]);
  });

  it('is written as sorted, 2-space JSON with a final newline', async () => {
    const [json] = await renderContractFiles();
    const document = JSON.parse(json.text) as Record<string, unknown>;
    expect(json.text).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(Object.keys(document)).toEqual([...Object.keys(document)].sort());
  });
});

describe('staleContractFiles', () => {
  const files: ContractFile[] = [
    { path: 'docs/openapi.json', text: '{\n  "a": 1\n}\n' },
    { path: 'libs/api-client/src/schema.ts', text: 'export {};\n' },
  ];

  it('reports nothing when every committed file is what was generated', () => {
    const committed = new Map(files.map((file) => [file.path, file.text]));
    expect(staleContractFiles(files, (path) => committed.get(path))).toEqual([]);
  });

  it('names a file that differs, the command that fixes it, and the first line that differs', () => {
    const committed = new Map(files.map((file) => [file.path, file.text]));
    committed.set('docs/openapi.json', '{\n  "a": 2\n}\n');
    expect(staleContractFiles(files, (path) => committed.get(path))).toEqual([
      'docs/openapi.json is stale: run `npm run openapi` (first difference at line 2)',
    ]);
  });

  it('names a file that was never committed', () => {
    expect(staleContractFiles(files, () => undefined)).toEqual([
      'docs/openapi.json is stale: run `npm run openapi` (missing)',
      'libs/api-client/src/schema.ts is stale: run `npm run openapi` (missing)',
    ]);
  });
});
