import { type Analysis, type Lang, LineIndex, PRINCIPLES, principleTitle, RULE_IDS, ruleDocsUrl, ruleMessage, ruleTitle, type Severity, snippetToPlain } from '../core';
import { cliText } from './messages';
import pkg from '../../package.json';

export interface FileReport {
  path: string;
  text: string;
  lines: LineIndex;
  result: Analysis;
}


function location(r: FileReport, offset: number): { line: number; column: number } {
  const p = r.lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Counts over every file checked, for the summary line and the exit code. */
export interface Totals {
  files: number;
  serious: number;
  suggestions: number;
}

/** Adds one file and its findings to `totals`: errors and warnings are serious, the rest suggestions. */
export function tally(totals: Totals, r: FileReport): void {
  totals.files++;
  for (const f of r.result.findings) {
    if (f.severity === 'error' || f.severity === 'warning') totals.serious++;
    else totals.suggestions++;
  }
}

/** One file's lines of the text report. */
export function formatTextFile(r: FileReport, uiLang: Lang): string {
  const lines: string[] = [];
  for (const f of r.result.findings) {
    const { line, column } = location(r, f.start);
    // One finding, one line: a team's message may span several.
    lines.push(`${r.path}:${line}:${column}  ${f.severity.padEnd(7)}  ${f.message.replace(/\s*\n\s*/g, ' ')}  ${f.ruleId}`);
    const preferred = f.fixes.find(x => x.preferred);
    if (preferred) lines.push(`    ↳ ${preferred.title}`);
  }
  if (r.result.verdict === 'empty') {
    lines.push(cliText(uiLang, 'cli.empty', r.path));
  } else {
    const register = r.result.register === 'neutral' ? r.result.language : `${r.result.language}, ${r.result.register === 'sie' ? 'Sie' : 'du'}`;
    lines.push(cliText(uiLang, 'cli.verdict', r.path, r.result.score, cliText(uiLang, `verdict.${r.result.verdict}`), register,
      PRINCIPLES.map(p => `${r.result.principles[p] ? '✓' : '✗'} ${principleTitle(uiLang, p)}`).join(' · ')));
  }
  return `${lines.join('\n')}\n\n`;
}

/** A workflow command's message: percent, carriage return and line feed escaped, as GitHub's runner reads them back. */
export const escapeGithubData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: as a message, and also `:` and `,`, which separate properties. */
export const escapeGithubProperty = (s: string): string => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** One annotation: `::warning file=…,line=…::message`. */
export function githubCommand(severity: Severity, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`).join(',');
  return `::${GITHUB_LEVEL[severity]}${props ? ` ${props}` : ''}::${escapeGithubData(message)}\n`;
}

/** One file's findings as GitHub Actions annotations on the lines they concern. */
export function formatGithubFile(r: FileReport, uiLang: Lang): string {
  let out = '';
  for (const f of r.result.findings) {
    const start = location(r, f.start);
    const end = location(r, f.end);
    const where: Record<string, string | number> = r.path === '-' ? {} : { file: r.path.replace(/\\/g, '/'), line: start.line, col: start.column, endLine: end.line, endColumn: end.column };
    const preferred = f.fixes.find(x => x.preferred);
    const message = preferred ? `${f.message}\n↳ ${preferred.title}` : f.message;
    out += githubCommand(f.severity, { ...where, title: `Decline Coach: ${ruleTitle(uiLang, f.ruleId)} (${f.ruleId})` }, message);
  }
  return out;
}

export function formatTextSummary(totals: Totals, uiLang: Lang): string {
  return `${cliText(uiLang, 'cli.summary', totals.files, totals.serious, totals.suggestions)}\n`;
}

/**
 * A JSON document written piece by piece: `open` up to the array that holds one entry per file,
 * `item` for each entry, `close` after the last. No single string holds every file's results.
 */
export interface StreamedJson {
  open: string;
  item: (r: FileReport) => string;
  close: string;
}

/** Splits a document rendered with an empty array where the items go; items indented to match. */
function streamed(skeleton: object, itemsOf: (r: FileReport) => unknown[]): StreamedJson {
  const rendered = JSON.stringify(skeleton, null, 2);
  const at = rendered.indexOf('[]');
  const indent = rendered.slice(rendered.lastIndexOf('\n', at) + 1).match(/^ */)?.[0] ?? '';
  const pad = `${indent}  `;
  let written = false;
  return {
    open: `${rendered.slice(0, at)}[`,
    item: r => {
      let out = '';
      for (const value of itemsOf(r)) {
        out += `${written ? ',' : ''}\n${pad}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`)}`;
        written = true;
      }
      return out;
    },
    close: `\n${indent}]${rendered.slice(at + 2)}\n`,
  };
}

function fileJson(r: FileReport) {
  return {
    path: r.path,
    language: r.result.language,
    register: r.result.register,
    verdict: r.result.verdict,
    score: r.result.score,
    principles: r.result.principles,
    findings: r.result.findings.map(f => ({
      ruleId: f.ruleId,
      principle: f.principle,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
      ...location(r, f.start),
      actual: f.actual,
      // `newText` reads as text (placeholders bracketed); `snippet`, where there are placeholders, carries the tab stops.
      fixes: f.fixes.map(x => ({
        title: x.title, preferred: x.preferred,
        edits: x.edits.map(e => ({ start: e.start, end: e.end, newText: snippetToPlain(e.newText), ...(x.snippet ? { snippet: e.newText } : {}) })),
      })),
    })),
    sentences: r.result.sentences,
  };
}

export function jsonStream(): StreamedJson {
  return streamed({ files: [] }, r => [fileJson(r)]);
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function sarifResults(r: FileReport) {
  return r.result.findings.map(f => {
    const start = location(r, f.start);
    const end = location(r, f.end);
    const region = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, charOffset: f.start, charLength: f.end - f.start };
    const artifactLocation = { uri: r.path.replace(/\\/g, '/') };
    return {
      ruleId: f.ruleId,
      ruleIndex: RULE_IDS.indexOf(f.ruleId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region } }],
      fixes: f.fixes.filter(x => !x.snippet).map(x => ({
        description: { text: x.title },
        artifactChanges: [{
          artifactLocation,
          replacements: x.edits.map(e => {
            const a = location(r, e.start);
            const b = location(r, e.end);
            return { deletedRegion: { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column }, insertedContent: { text: e.newText } };
          }),
        }],
      })),
    };
  });
}

export function sarifStream(): StreamedJson {
  const rules = RULE_IDS.map(id => ({
    id,
    shortDescription: { text: id === 'custom-phrase' ? 'A phrase from your team’s vocabulary' : ruleMessage('en', id, '…') },
    helpUri: ruleDocsUrl(id),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Decline Coach', informationUri: pkg.repository.url.replace(/\.git$/, ''), version: pkg.version, rules } },
      columnKind: 'utf16CodeUnits',
      results: [],
    }],
  };
  return streamed(sarif, sarifResults);
}
