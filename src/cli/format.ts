import { type Analysis, type Lang, LineIndex, PRINCIPLES, principleTitle, RULE_IDS, ruleDocsUrl, ruleMessage } from '../core';
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

export function formatText(reports: readonly FileReport[], uiLang: Lang): string {
  const lines: string[] = [];
  let serious = 0;
  let suggestions = 0;
  for (const r of reports) {
    for (const f of r.result.findings) {
      const { line, column } = location(r, f.start);
      lines.push(`${r.path}:${line}:${column}  ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`);
      const preferred = f.fixes.find(x => x.preferred);
      if (preferred) lines.push(`    ↳ ${preferred.title}`);
      if (f.severity === 'error' || f.severity === 'warning') serious++;
      else suggestions++;
    }
    if (r.result.verdict === 'empty') {
      lines.push(cliText(uiLang, 'cli.empty', r.path));
    } else {
      const register = r.result.register === 'neutral' ? r.result.language : `${r.result.language}, ${r.result.register === 'sie' ? 'Sie' : 'du'}`;
      lines.push(cliText(uiLang, 'cli.verdict', r.path, r.result.score, cliText(uiLang, `verdict.${r.result.verdict}`), register,
        PRINCIPLES.map(p => `${r.result.principles[p] ? '✓' : '✗'} ${principleTitle(uiLang, p)}`).join(' · ')));
    }
    lines.push('');
  }
  lines.push(cliText(uiLang, 'cli.summary', reports.length, serious, suggestions));
  return `${lines.join('\n')}\n`;
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map(r => ({
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
      fixes: f.fixes.map(x => ({ title: x.title, preferred: x.preferred, edits: x.edits.map(e => ({ start: e.start, end: e.end, newText: e.newText })) })),
    })),
    sentences: r.result.sentences,
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(reports: readonly FileReport[]): string {
  const rules = RULE_IDS.map(id => ({
    id,
    shortDescription: { text: id === 'custom-phrase' ? 'A phrase from your team’s vocabulary' : ruleMessage('en', id, '…') },
    helpUri: ruleDocsUrl(id),
  }));
  const results = reports.flatMap(r => r.result.findings.map(f => {
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
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Decline Coach', informationUri: pkg.repository.url.replace(/\.git$/, ''), version: pkg.version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
