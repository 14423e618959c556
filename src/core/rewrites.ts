/**
 * Rewrites: turns a rule's intent (replace this phrase, remove it, insert a missing sentence)
 * into text edits on the draft, with titles in the reader's language. The phrase and judgement
 * stages call it to attach fixes to their findings; it looks at nothing but the text it is given.
 * `beforeAfter` shows one fix on its sentence, for hovers and the review panel.
 */
import { isClauseStart, type Sentence } from './sentences';
import { expandTemplate } from './pattern';
import { t } from './messages';
import type { FixTemplate, InsertTemplates } from './rules/schema';
import type { Finding, Fix, Lang, Register, TextEdit } from './types';

/** The first letter (of a leading placeholder's default, too) as a capital. */
export function upperFirst(text: string): string {
  const m = /^(\$\{\d+:)?(\p{Ll})/u.exec(text);
  if (!m) return text;
  const at = m[1]?.length ?? 0;
  return text.slice(0, at) + m[2].toUpperCase() + text.slice(at + m[2].length);
}

/** Placeholders `${1:default}` read as placeholders, `[default]`, wherever there are no tab stops: never as an invented fact. */
export function snippetToPlain(text: string): string {
  return text.includes('${') ? text.replace(/\$\{\d+:([^}]*)\}/g, '[$1]').replace(/\$\{\d+\}/g, '[…]') : text;
}

/** `$`, `}` and `\` have meaning in a snippet: escaped wherever plain text goes into one. */
export const escapeSnippet = (text: string) => text.replace(/[\\$}]/g, '\\$&');

const hasPlaceholder = (text: string) => /\$\{\d+(:[^}]*)?\}/.test(text);

/** Nothing but punctuation or symbols stands before `start` in its sentence. */
function opensSentence(sentence: Sentence, start: number): boolean {
  return !/[\p{L}\p{N}]/u.test(sentence.text.slice(0, start - sentence.start));
}

/** Builds the edit that applies one rewrite of a matched phrase; `lang` is the title's language. */
export function phraseFix(text: string, start: number, end: number, newText: string, lang: Lang, sentence: Sentence | undefined): Fix {
  const actual = text.slice(start, end);
  const snippet = hasPlaceholder(newText);
  if (newText === '') {
    // A parenthetical ", unfortunately," goes with both its commas: "and, unfortunately, we" → "and we".
    const commaBefore = /,[ \t]+$/.exec(text.slice(Math.max(0, start - 8), start));
    if (commaBefore && actual.endsWith(',')) {
      return { title: t(lang, 'fix.remove', actual.trim()), preferred: false, snippet, edits: [{ start: start - commaBefore[0].length, end, newText: '' }] };
    }
    // Removal: take the space after with it; at a sentence start, the next word takes the capital.
    let to = end;
    while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
    const atStart = sentence ? opensSentence(sentence, start) : false;
    const next = text.codePointAt(to);
    if (atStart && next !== undefined && /\p{Ll}/u.test(String.fromCodePoint(next))) {
      const ch = String.fromCodePoint(next);
      return { title: t(lang, 'fix.remove', actual.trim()), preferred: false, snippet, edits: [{ start, end: to + ch.length, newText: ch.toUpperCase() }] };
    }
    if (to === end && commaBefore && /^[.!?;]/.test(text.slice(end))) start -= commaBefore[0].length; // "…at six, unfortunately." loses its comma
    else if (to === end && start > 0 && text[start - 1] === ' ') start--; // "…, leider." loses the space before
    return { title: t(lang, 'fix.remove', actual.trim()), preferred: false, snippet, edits: [{ start, end: to, newText: '' }] };
  }
  // A capital stays where the phrase opens a sentence; "ASAP" mid-sentence gives no capital to "by …".
  const atStart = sentence ? opensSentence(sentence, start) : /^\p{Lu}\p{Ll}/u.test(actual);
  const replacement = atStart && /^\p{Lu}/u.test(actual) ? upperFirst(newText) : newText;
  return { title: t(lang, 'fix.replace', snippetToPlain(replacement)), preferred: false, snippet, edits: [{ start, end, newText: replacement }] };
}

const wordsIn = (text: string) => text.toLocaleLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

/**
 * Whether a fix only takes words away (or moves them: "Leider kann ich" → "Ich kann"): its new
 * text has no word that the text it replaces lacks. A reframe says something new.
 */
export function isDeletion(fix: Fix, text: string): boolean {
  const pool = new Map<string, number>();
  for (const e of fix.edits) for (const w of wordsIn(text.slice(e.start, e.end))) pool.set(w, (pool.get(w) ?? 0) + 1);
  for (const e of fix.edits) {
    for (const w of wordsIn(e.newText)) {
      const n = pool.get(w) ?? 0;
      if (n === 0) return false;
      pool.set(w, n - 1);
    }
  }
  return true;
}

/**
 * Whether every edit of a fix touches prose only: `masked` is `text` with markup blanked (from
 * `offset` on), so they differ wherever an edit would delete a code span, comment, link or URL.
 */
export function touchesProseOnly(fix: Fix, text: string, masked: string, offset = 0): boolean {
  return fix.edits.every(e => e.end - offset <= masked.length && text.slice(e.start, e.end) === masked.slice(e.start - offset, e.end - offset));
}

/** Where the clause that goes on at `from` ends: before its comma, colon or closing punctuation. */
function clauseEnd(sentence: Sentence, from: number): number {
  const rest = sentence.text.slice(from - sentence.start);
  const stop = /\s*(?:[,;:.!?…]|\s[-–—]\s|$)/u.exec(rest);
  return from + (stop ? stop.index : rest.trimEnd().length);
}

/** Compiled template expressions by extra flag and source. */
const conditions = new Map<string, Map<string, RegExp>>();

/** A template's regular expression, compiled once (case-insensitive; `y`: sticky). */
function conditionRe(source: string, flags = ''): RegExp {
  let byFlags = conditions.get(flags);
  if (!byFlags) conditions.set(flags, (byFlags = new Map()));
  let re = byFlags.get(source);
  if (!re) byFlags.set(source, (re = new RegExp(source, `iu${flags}`)));
  return re;
}

/** Whether a template's `when` holds for the phrase at `[start, end)`; a sentence it cannot see fails it. */
function fitsContext(when: NonNullable<FixTemplate['when']>, actual: string, sentence: Sentence | undefined, start: number, end: number): boolean {
  if (when.match !== undefined && !conditionRe(when.match).test(actual)) return false;
  if (when.before === undefined && when.after === undefined) return true;
  if (!sentence) return false;
  if (when.before !== undefined && !conditionRe(when.before).test(sentence.text.slice(0, start - sentence.start))) return false;
  return when.after === undefined || conditionRe(when.after).test(sentence.text.slice(end - sentence.start));
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    last = m;
    if (m[0] === '') re.lastIndex++;
  }
  return last;
}

/** Where the sentence's own closing punctuation (and any closing quote) begins. */
function sentenceEnd(sentence: Sentence): number {
  const body = sentence.text.trimEnd();
  const close = /[.!?…]+["'”“»«)]*$/u.exec(body);
  return sentence.start + (close ? close.index : body.length);
}

/**
 * A template's replacement with the match's tokens, less the words in `without`; an optional token
 * that did not match leaves no double space.
 */
function expandWith(template: string, match: RegExpExecArray, without?: string): string {
  let text = expandTemplate(template, match);
  if (without !== undefined) text = text.replace(conditionRe(`(?<![\\p{L}])(?:${without})(?![\\p{L}])`, 'g'), '');
  return text.replace(/ {2,}/g, ' ').replace(/ +(?=[,.;:!?])/g, '').trim();
}

/** The rewrites a phrase entry offers for one match, in data order. `masked`: `text` with markup blanked. */
export function templateFixes(templates: readonly FixTemplate[], match: RegExpExecArray, text: string, masked: string, start: number, end: number,
  lang: Lang, sentence: Sentence | undefined): Fix[] {
  const fixes: Fix[] = [];
  for (const template of templates) {
    if (template.notAtClauseStart && sentence && isClauseStart(sentence.text, start - sentence.start)) continue;
    if (template.when && !fitsContext(template.when, text.slice(start, end), sentence, start, end)) continue;
    const absorbed = template.absorb && sentence ? conditionRe(template.absorb, 'y') : undefined;
    let to = end;
    if (absorbed && sentence) {
      absorbed.lastIndex = end - sentence.start;
      if (absorbed.test(sentence.text)) to = sentence.start + absorbed.lastIndex;
    }
    // The words before the phrase that change with it ("bin ich nicht zuständig" → "ist [Name] zuständig").
    let before: TextEdit | undefined;
    if (template.alsoBefore) {
      const found = sentence && lastMatch(conditionRe(`(?<![\\p{L}])(?:${template.alsoBefore.find})`, 'g'), sentence.text.slice(0, start - sentence.start));
      if (!sentence || !found) continue;
      const at = sentence.start + found.index;
      const replacement = expandWith(template.alsoBefore.with, match);
      before = { start: at, end: at + found[0].length, newText: opensSentence(sentence, at) ? upperFirst(replacement) : replacement };
    }
    const fix = phraseFix(text, start, to, expandWith(template.with, match, template.without), lang, sentence);
    if (before) {
      fix.edits.unshift(before);
      fix.snippet ||= hasPlaceholder(before.newText);
    }
    if (template.append !== undefined) {
      if (!sentence) continue;
      const at = template.appendAt === 'sentence' ? sentenceEnd(sentence) : clauseEnd(sentence, to);
      if (at < Math.max(...fix.edits.map(e => e.end))) continue;
      const appended = expandTemplate(template.append, match);
      fix.edits.push({ start: at, end: at, newText: appended });
      fix.snippet ||= hasPlaceholder(appended);
    }
    // A rewrite in several places is titled with its whole sentence as it reads after.
    if (fix.edits.length > 1 && sentence) fix.title = t(lang, 'fix.replace', sentenceAfter(text, sentence, fix.edits));
    // A safe rewrite never takes markup with it; the writer may still choose it by hand.
    // After a backslash, a removal would let it escape whatever comes next (a link turns into text).
    fix.preferred = Boolean(template.preferred) && !fix.snippet && touchesProseOnly(fix, text, masked) && text[fix.edits[0].start - 1] !== '\\';
    fixes.push(fix);
  }
  return fixes;
}

/** One sentence of `text` with edits (offsets of `text`, not overlapping) applied, placeholders bracketed. */
function sentenceAfter(text: string, sentence: Sentence, edits: readonly TextEdit[]): string {
  let after = text.slice(sentence.start, sentence.end);
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    after = after.slice(0, e.start - sentence.start) + e.newText + after.slice(e.end - sentence.start);
  }
  return snippetToPlain(after).trim();
}

/** The inserted sentence in the draft's form of address. */
export function insertText(templates: InsertTemplates, register: Register): string {
  return templates[register] ?? templates.sie ?? templates.neutral ?? '';
}

/** Inserts a missing sentence at `at`; `before`: it opens the body. `lang` is the title's language. */
export function insertFix(text: string, at: number, sentence: string, lang: Lang, before: boolean): Fix {
  const plain = snippetToPlain(sentence);
  if (before) {
    // Opening the body: German bodies after "Hallo Frau X," start lower-case; the old first word takes a capital.
    const next = text.codePointAt(at);
    const ch = next === undefined ? '' : String.fromCodePoint(next);
    const lower = /\p{Ll}/u.test(ch);
    return { title: t(lang, 'fix.insert', plain), preferred: false, snippet: true,
      edits: [{ start: at, end: at + (lower ? ch.length : 0), newText: `${sentence} ${lower ? ch.toUpperCase() : ''}` }] };
  }
  return { title: t(lang, 'fix.insert', plain), preferred: false, snippet: true, edits: [{ start: at, end: at, newText: ` ${sentence}` }] };
}

/** Replaces the sentence at `[start, end)` by `sentence` (a generic thanks becoming the acknowledgement). */
export function replaceSentenceFix(start: number, end: number, sentence: string, lang: Lang): Fix {
  return { title: t(lang, 'fix.replace', snippetToPlain(sentence)), preferred: false, snippet: true, edits: [{ start, end, newText: sentence }] };
}

/** Before → after of one fix, on the sentence(s) around the finding (at most one line). */
export function beforeAfter(text: string, finding: Finding, fixIndex = 0): { before: string; after: string } | undefined {
  const fix = finding.fixes[fixIndex];
  if (!fix) return undefined;
  const from = Math.min(finding.start, ...fix.edits.map(e => e.start));
  const to = Math.max(finding.end, ...fix.edits.map(e => e.end));
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const lineBreak = text.indexOf('\n', to);
  const lineEnd = lineBreak === -1 ? text.length : lineBreak;
  // The sentence starts after the last sentence end before the change, and ends at the next one.
  const head = text.slice(lineStart, from);
  const sentenceEnds = [...head.matchAll(/[.!?…]["'”“»«)]*\s+/g)];
  const left = sentenceEnds.length ? lineStart + (sentenceEnds[sentenceEnds.length - 1].index ?? 0) + sentenceEnds[sentenceEnds.length - 1][0].length : lineStart;
  const tail = /[.!?…]["'”“»«)]*(?=\s|$)/.exec(text.slice(to, lineEnd));
  const right = tail ? to + tail.index + tail[0].length : lineEnd;
  const before = text.slice(left, right);
  let after = before;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) {
    after = after.slice(0, e.start - left) + snippetToPlain(e.newText) + after.slice(e.end - left);
  }
  return { before: before.trim(), after: after.trim() };
}
