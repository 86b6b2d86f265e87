// docs/api.md, the readable API page, must match the server's route table.
//   node --test e2e/api-doc.test.mjs
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { renderApiDoc } from '../scripts/gen-api-doc.mjs';
import { binaryPath, repoRoot } from './support/server.mjs';

it('docs/api.md is generated from the current route table', () => {
  const committed = readFileSync(path.join(repoRoot, 'docs/api.md'), 'utf8');
  assert.equal(committed, renderApiDoc(binaryPath()), 'run: node scripts/gen-api-doc.mjs');
});
