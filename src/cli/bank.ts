/** The labeled sentence bank on disk (`data/roles/<lang>/<field>.jsonl`), for the trainer and eval. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLES } from '../core/roles/model';
import type { LanguageReport } from '../core/roles/train';

/** The repository root: the scripts run from `dist/`. */
export const ROOT = resolve(__dirname, '..');
export const BANK_DIR = join(ROOT, 'data', 'roles');

export function readBank(dir: string): Array<[string, string]> {
  return ['de', 'en'].flatMap(lang => readdirSync(join(dir, lang)).filter(f => f.endsWith('.jsonl')).sort()
    .map((f): [string, string] => [`${lang}/${f}`, readFileSync(join(dir, lang, f), 'utf8')]));
}

const pct = (v: number) => v.toFixed(2);

/** Cross-validated precision, recall and F1 per role, as a Markdown table. */
export function roleTable(report: LanguageReport): string {
  const lines = [
    `${report.lang}: ${report.sentences} sentences, cross-validated (leave one field out | leave one style out)`,
    '| role | threshold | confident | P field | R field | F1 field | P style | R style | F1 style | n |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const role of ROLES) {
    const f = report.byField[role];
    const s = report.byStyle[role];
    lines.push(`| ${role} | ${report.thresholds[role]} | ${report.confident[role]} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.f1)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${f.support} |`);
  }
  const macro = (pick: (r: (typeof ROLES)[number]) => number) => pct(ROLES.reduce((sum, r) => sum + pick(r), 0) / ROLES.length);
  lines.push(`macro F1: ${macro(r => report.byField[r].f1)} by field, ${macro(r => report.byStyle[r].f1)} by style`);
  return lines.join('\n');
}
