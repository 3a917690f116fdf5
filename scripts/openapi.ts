import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMain } from '@satupintu/common';
import { renderContractFiles } from './openapi/contract-files';

// `npm run openapi` and `npm run build`: writes docs/openapi.json and the API client's types,
// from the repository root, so that every API change shows in review.
runMain(async () => {
  for (const file of await renderContractFiles()) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
});
