/**
 * `npm run eval -- <labeled.jsonl>`: how right the engine is on labeled drafts.
 * Phrase labels are scored as spans (a labeled span is found when a finding of its principle
 * overlaps it); document labels and the verdict as accuracy. Every mismatch is listed.
 */
import { readFileSync } from 'node:fs';
import { analyze, extractProse, type Finding, isPhraseRule, type Principle } from '../core';

interface Labeled {
  id: string;
  lang: 'de' | 'en';
  text: string;
  labels: Record<string, string[] | boolean>;
  verdict: 'good' | 'needs_work';
}

const SPAN_LABELS: Array<[string, Principle]> = [['negative_phrasing', 'positive'], ['overpromise_or_vague', 'expectations']];
const DOC_LABELS: Array<[string, Principle]> = [
  ['acknowledges_request', 'listen'], ['has_empathy', 'empathy'], ['has_clarifying_question', 'clarify'],
  ['has_reason', 'reason'], ['has_alternative', 'alternative'],
];

/** Every occurrence of the labeled substrings inside the writer's prose. */
function labeledSpans(text: string, substrings: string[]): Array<[number, number, string]> {
  const blocks = extractProse(text).blocks;
  const out: Array<[number, number, string]> = [];
  for (const s of substrings) {
    for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) {
      if (blocks.some(b => i >= b.start && i < b.end)) out.push([i, i + s.length, s]);
    }
  }
  return out;
}

const overlaps = (a: [number, number], f: Finding) => f.start < a[1] && a[0] < f.end;

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run eval -- <labeled.jsonl>');
    process.exit(2);
  }
  const rows: Labeled[] = readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l) as Labeled);
  const span: Record<string, { tp: number; fp: number; found: number; total: number }> = {};
  const doc: Record<string, { right: number; total: number }> = {};
  const mismatches: string[] = [];
  let languageRight = 0;
  for (const [label] of SPAN_LABELS) span[label] = { tp: 0, fp: 0, found: 0, total: 0 };
  for (const [label] of [...DOC_LABELS, ['verdict']]) doc[label] = { right: 0, total: 0 };

  for (const row of rows) {
    // Judged as users get it: the language is detected, not given.
    const result = analyze(row.text);
    languageRight += result.language === row.lang ? 1 : 0;
    for (const [label, principle] of SPAN_LABELS) {
      const spans = labeledSpans(row.text, (row.labels[label] as string[]) ?? []);
      const findings = result.findings.filter(f => f.principle === principle && isPhraseRule(f.ruleId) && f.ruleId !== 'custom-phrase');
      const s = span[label];
      for (const f of findings) {
        if (spans.some(sp => overlaps([sp[0], sp[1]], f))) s.tp++;
        else { s.fp++; mismatches.push(`${row.id}  ${label}  false positive: “${f.actual}” (${f.entryId})`); }
      }
      for (const sp of spans) {
        s.total++;
        if (findings.some(f => overlaps([sp[0], sp[1]], f))) s.found++;
        else mismatches.push(`${row.id}  ${label}  missed: “${sp[2]}”`);
      }
    }
    for (const [label, principle] of DOC_LABELS) {
      const expected = Boolean(row.labels[label]);
      const got = result.principles[principle];
      doc[label].total++;
      if (expected === got) doc[label].right++;
      else mismatches.push(`${row.id}  ${label}  expected ${expected}, got ${got}`);
    }
    doc.verdict.total++;
    if (result.verdict === row.verdict) doc.verdict.right++;
    else mismatches.push(`${row.id}  verdict  expected ${row.verdict}, got ${result.verdict}`);
  }

  const pct = (n: number) => n.toFixed(2);
  console.log(`Decline Coach eval on ${file}: ${rows.length} drafts\n`);
  console.log('| label | principle | precision | recall | n |');
  console.log('|---|---|---|---|---|');
  for (const [label, principle] of SPAN_LABELS) {
    const s = span[label];
    const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    const recall = s.total === 0 ? 1 : s.found / s.total;
    console.log(`| ${label} | ${principle} | ${pct(precision)} | ${pct(recall)} | ${s.total} spans |`);
  }
  console.log('\n| label | accuracy | n |');
  console.log('|---|---|---|');
  for (const [label] of [...DOC_LABELS, ['verdict']]) {
    console.log(`| ${label} | ${pct(doc[label].right / doc[label].total)} | ${doc[label].total} |`);
  }
  console.log(`| language detected | ${pct(languageRight / rows.length)} | ${rows.length} |`);
  console.log(mismatches.length ? `\nMismatches (${mismatches.length}):\n${mismatches.join('\n')}` : '\nNo mismatches.');
}

main();
