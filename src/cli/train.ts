/**
 * `npm run train`: trains the sentence-role model from `data/roles/` and writes
 * `src/core/roles/weights.ts` and the counts in `data/roles/README.md`. Prints cross-validated precision and recall per role and language,
 * grouped by field of work and by writing style, so memorised frames cannot flatter the figures.
 * `--check` writes nothing and exits 1 when the checked-in weights are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_WEIGHTS } from '../core/roles/weights';
import type { SerializedRoleModels } from '../core/roles/model';
import { bankHash, buildRoleModels, parseBank } from '../core/roles/train';
import { BANK_DIR, readBank, ROOT, roleTable, withCounts } from './bank';

const OUT = join(ROOT, 'src', 'core', 'roles', 'weights.ts');

function source(models: SerializedRoleModels): string {
  return `// Written by \`npm run train\` from data/roles: do not edit by hand.\nimport type { SerializedRoleModels } from './model';\n\nexport const ROLE_WEIGHTS: SerializedRoleModels = ${JSON.stringify(models, null, 1)};\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = readBank(BANK_DIR);
  const bank = parseBank(files);
  const built = buildRoleModels(bank);
  const readmePath = join(BANK_DIR, 'README.md');
  const readmeBefore = readFileSync(readmePath, 'utf8');
  const readme = withCounts(readmeBefore, bank);
  for (const report of built.reports) console.log(`${roleTable(report)}\n`);
  const hash = bankHash(files);
  const text = source({ bankHash: hash, languages: built.models });
  console.log(`model: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB (${OUT})`);
  if (check) {
    const stale = readFileSync(OUT, 'utf8') !== text || readmeBefore !== readme;
    console.log(stale ? 'weights are stale: run npm run train' : 'weights are up to date');
    process.exit(stale ? 1 : 0);
  }
  if (ROLE_WEIGHTS.bankHash === hash) console.log('bank unchanged since the last training');
  writeFileSync(OUT, text);
  writeFileSync(readmePath, readme);
}

main();
