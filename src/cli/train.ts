/**
 * `npm run train`: trains the sentence-role model from `data/roles/` and writes
 * `src/core/roles/weights.ts`. Prints cross-validated precision and recall per role and language,
 * grouped by field of work and by writing style, so memorised frames cannot flatter the figures.
 * `--check` writes nothing and exits 1 when the checked-in weights are stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLE_WEIGHTS } from '../core/roles/weights';
import { ROLES, type SerializedRoleModels } from '../core/roles/model';
import { bankHash, buildRoleModels, type LanguageReport, parseBank } from '../core/roles/train';

const ROOT = resolve(__dirname, '..');
const BANK = join(ROOT, 'data', 'roles');
const OUT = join(ROOT, 'src', 'core', 'roles', 'weights.ts');

export function readBank(dir: string): Array<[string, string]> {
  return ['de', 'en'].flatMap(lang => readdirSync(join(dir, lang)).filter(f => f.endsWith('.jsonl')).sort()
    .map((f): [string, string] => [`${lang}/${f}`, readFileSync(join(dir, lang, f), 'utf8')]));
}

const pct = (v: number) => v.toFixed(2);

function table(report: LanguageReport): string {
  const lines = [
    `${report.lang}: ${report.sentences} sentences, cross-validated (leave one field out | leave one style out)`,
    '| role | threshold | P field | R field | F1 field | P style | R style | F1 style | n |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const role of ROLES) {
    const f = report.byField[role];
    const s = report.byStyle[role];
    lines.push(`| ${role} | ${report.thresholds[role]} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${f.support} |`);
  }
  const macro = (pick: (r: (typeof ROLES)[number]) => number) => pct(ROLES.reduce((sum, r) => sum + pick(r), 0) / ROLES.length);
  lines.push(`macro F1: ${macro(r => report.byField[r].f1)} by field, ${macro(r => report.byStyle[r].f1)} by style`);
  return lines.join('\n');
}

function source(models: SerializedRoleModels): string {
  return `// Written by \`npm run train\` from data/roles: do not edit by hand.\nimport type { SerializedRoleModels } from './model';\n\nexport const ROLE_WEIGHTS: SerializedRoleModels = ${JSON.stringify(models, null, 1)};\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = readBank(BANK);
  const built = buildRoleModels(parseBank(files));
  for (const report of built.reports) console.log(`${table(report)}\n`);
  const text = source({ bankHash: bankHash(files), languages: built.models });
  console.log(`model: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB (${OUT})`);
  if (check) {
    const stale = readFileSync(OUT, 'utf8') !== text;
    console.log(stale ? 'weights are stale: run npm run train' : 'weights are up to date');
    process.exit(stale ? 1 : 0);
  }
  if (ROLE_WEIGHTS.bankHash === bankHash(files)) console.log('bank unchanged since the last training');
  writeFileSync(OUT, text);
}

main();
