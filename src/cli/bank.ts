/** The labeled sentence bank on disk (`data/roles/<lang>/<field>.jsonl`), for the trainer and eval. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLES } from '../core/roles/model';
import type { BankSentence, LanguageReport } from '../core/roles/train';

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

/** Sentences per role and language, and per field, as Markdown: the bank README's counts. */
export function countsTable(bank: readonly BankSentence[]): string {
  const count = (lang: string, pick: (s: BankSentence) => boolean) => bank.filter(s => s.lang === lang && pick(s)).length;
  const lines = ['| role | en | de |', '|---|---|---|'];
  for (const role of ROLES) lines.push(`| ${role} | ${count('en', s => s.roles.includes(role))} | ${count('de', s => s.roles.includes(role))} |`);
  lines.push(`| **sentences** | ${count('en', () => true)} | ${count('de', () => true)} |`);
  const fields = [...new Set(bank.map(s => s.field))].sort();
  lines.push('', `${fields.length} fields: ${fields.map(f => `${f} (${count('en', s => s.field === f)} en, ${count('de', s => s.field === f)} de)`).join(', ')}.`);
  const registers = ['us', 'uk', 'sie', 'du', 'neutral'].map(r => `${r} ${bank.filter(s => s.register === r).length}`).join(', ');
  const styles = [...new Set(bank.map(s => s.style))].sort().map(st => `${st} ${bank.filter(s => s.style === st).length}`).join(', ');
  lines.push(`Registers: ${registers}. Styles: ${styles}.`);
  return lines.join('\n');
}

const COUNTS = /(<!-- counts: written by npm run train -->)[\s\S]*?(<!-- \/counts -->)/;

/** The bank README with its counts section brought up to date. */
export function withCounts(readme: string, bank: readonly BankSentence[]): string {
  if (!COUNTS.test(readme)) throw new Error('data/roles/README.md has no counts section');
  return readme.replace(COUNTS, (_, open: string, close: string) => `${open}\n${countsTable(bank)}\n${close}`);
}
