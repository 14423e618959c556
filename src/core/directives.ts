import type { Finding } from './types';

/**
 * Inline control in the draft, as HTML comments (invisible when the Markdown is rendered):
 *   <!-- decline-coach-disable [rule-id …] -->        off from here (all rules when none named)
 *   <!-- decline-coach-enable [rule-id …] -->         on again
 *   <!-- decline-coach-disable-next-line [rule-id …] -->
 *   <!-- decline-coach-disable-line [rule-id …] -->
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  start: number;
  end: number;
}

const DIRECTIVE = /<!--\s*decline-coach-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;

export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('decline-coach-')) return out;
  for (const m of text.matchAll(DIRECTIVE)) {
    out.push({
      kind: m[1] as Directive['kind'],
      rules: m[2].split(/[\s,]+/).filter(Boolean),
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const names = (d: Directive, f: Finding) => d.rules.length === 0 || d.rules.includes(f.ruleId) || d.rules.includes(f.entryId);

export function isSuppressed(directives: readonly Directive[], text: string, f: Finding): boolean {
  if (directives.length === 0) return false;
  let disabled = false;
  const findingLine = lineOf(text, f.start);
  for (const d of directives) {
    if (!names(d, f)) continue;
    if (d.kind === 'disable-line' && lineOf(text, d.start) === findingLine) return true;
    if (d.kind === 'disable-next-line' && lineOf(text, d.end) + 1 === findingLine) return true;
    if (d.start < f.start) {
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
  }
  return disabled;
}
