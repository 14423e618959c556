/**
 * A small phrase language for rule data, compiled to one RegExp per pattern.
 *
 *   `can't|cannot {VERB}`   tokens are separated by spaces; `a|b` are alternatives for one token
 *   `really?`               a trailing `?` makes a token optional
 *   `{NAME}`                a word class defined in the language's rule data (a list of words) or
 *                           a built-in class: {WORD} any word, {CAP} a capitalised word, {NUM} a number
 *   `,`                     punctuation tokens may follow the previous word without a space
 *   `^`                     (first token only) the phrase opens a sentence
 *
 * Apostrophes match both ' and ’; literal words match in any case; {CAP} needs a capital.
 * Every token but `^` is a capture group, so fix templates can use `$1`, `$2`, … in token order.
 */
import { fillBlanks } from './template';

// Latin letters, digits and combining marks: all that German and English words are made of.
// Explicit ranges: a RegExp with hundreds of \p{…} classes takes V8 long to build.
const LOWER = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0101-\\u017F';
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u017E';
const LETTER = `${LOWER}${UPPER}0-9\\u00AA\\u00B5\\u00BA\\u0180-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF`;
const ONE_LETTER = new RegExp(`^[${LETTER}]$`);

/** Whether the character at `index` is one a word guard stops at (false outside the text). */
export function isLetterAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && ONE_LETTER.test(text[index]);
}

// Bounded repetition: a class that may also start inside a run such as `a-a-a-…` would otherwise
// try the whole run from every start, quadratic in its length. No word is longer than the bound.
const MAX_WORD = 80;
const BUILTIN_CLASSES: Record<string, string> = {
  WORD: `[${LETTER}][${LETTER}'’-]{0,${MAX_WORD}}`,
  CAP: `[${UPPER}][${LETTER}'’-]{0,${MAX_WORD}}`,
  // German infinitives and plural verb forms: lower case, ending in -en, -ern or -eln.
  INF: `[${LOWER}]{1,${MAX_WORD}}(?:en|ern|eln)`,
  NUM: `[$€£]?[0-9][0-9.,:]{0,${MAX_WORD}}(?:st|nd|rd|th|k)?`,
};

/**
 * Start of the text, after sentence-final punctuation, or at a line start. The lookahead comes
 * first so the lookbehind runs only where a word starts: run at every position of a long
 * whitespace run (blanked markup), it would walk back over the run each time.
 */
const SENTENCE_START = '(?=\\S)(?<=^\\s*|[.!?…]["\'”“»«)]*\\s+|\\n\\s*)';

export type WordClasses = Readonly<Record<string, readonly string[]>>;

export class PatternError extends Error {}

/** Literal text as a case-insensitive source; the `i` flag is not used because {CAP} must see case. */
function escapeLiteral(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === "'" || ch === '’') out += "['’]";
    else if (/\s/.test(ch)) out += out.endsWith('\\s+') ? '' : '\\s+';
    // Only syntax characters: under the `u` flag any other escape (`\-`) is an error.
    else if (/[.*+?^${}()|[\]\\/]/.test(ch)) out += `\\${ch}`;
    else {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      out += lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : ch;
    }
  }
  return out;
}

function isPunctuation(token: string): boolean {
  return /^[^\p{L}\p{N}{]+$/u.test(token);
}

/** Each word class's alternation, built once per rule data: many patterns share a class. */
const classSources = new WeakMap<WordClasses, Map<string, string>>();

function compileAlternative(alt: string, classes: WordClasses, pattern: string): string {
  const cls = /^\{([A-Z_]+)\}$/.exec(alt);
  if (!cls) return escapeLiteral(alt);
  const name = cls[1];
  if (BUILTIN_CLASSES[name]) return BUILTIN_CLASSES[name];
  let known = classSources.get(classes);
  if (!known) classSources.set(classes, (known = new Map()));
  let source = known.get(name);
  if (source === undefined) {
    const words = classes[name];
    if (!words || words.length === 0) throw new PatternError(`unknown word class {${name}} in pattern "${pattern}"`);
    // Longest first so that "wouldn't" wins over "would".
    source = [...words].sort((a, b) => b.length - a.length).map(escapeLiteral).join('|');
    known.set(name, source);
  }
  return source;
}

/** Compiles one pattern of the rule language; throws PatternError on malformed input. */
export function compilePattern(pattern: string, classes: WordClasses = {}): RegExp {
  return new RegExp(patternSource(pattern, classes), 'gu');
}

/**
 * The RegExp source of one pattern (flags `gu`); throws PatternError on malformed input. A word
 * token is guarded against a letter on either side, except where its neighbour in the pattern
 * cannot be a letter anyway (the spaces between two words, punctuation after a word): the guards
 * were half the sources' length, and V8 takes time to build each.
 */
export function patternSource(pattern: string, classes: WordClasses = {}): string {
  const tokens = pattern.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new PatternError('empty pattern');
  let source = '';
  if (tokens[0] === '^') {
    source = SENTENCE_START;
    tokens.shift();
    if (tokens.length === 0) throw new PatternError(`pattern "${pattern}" has nothing after ^`);
    // A sentence start is where a word begins (see SENTENCE_START).
    if (tokens[0].length > 1 && tokens[0].endsWith('?')) throw new PatternError(`pattern "${pattern}" has an optional token after ^`);
  }
  const parsed = tokens.map(raw => {
    const optional = raw.length > 1 && raw.endsWith('?');
    const token = optional ? raw.slice(0, -1) : raw;
    const alternatives = token.split('|');
    if (alternatives.some(a => a === '')) throw new PatternError(`empty alternative in pattern "${pattern}"`);
    const punct = isPunctuation(token);
    return {
      optional, punct,
      body: alternatives.map(a => compileAlternative(a, classes, pattern)).join('|'),
      // Coming next, it shows the word before has ended: a word comes after a space, punctuation must not open with a letter.
      endsWordBefore: !punct || alternatives.every(a => !isLetterAt(a, 0)),
      separator: punct ? '\\s*' : '\\s+',
    };
  });
  const firstRequired = parsed.findIndex(t => !t.optional);
  parsed.forEach((t, index) => {
    const next = parsed[index + 1];
    // Tokens up to the first required one can open a match; the optional ones among them carry the
    // separator after them, so that a match without them starts at the first word, not at the space.
    const opening = firstRequired === -1 || index <= firstRequired;
    // Any other word token follows its separator, at least one space.
    const startGuard = t.punct || !opening ? '' : `(?<![${LETTER}])`;
    const endGuard = t.punct || (next !== undefined && !next.optional && next.endsWordBefore) ? '' : `(?![${LETTER}])`;
    const unit = `${startGuard}(${t.body})${endGuard}`;
    if (opening && t.optional && next !== undefined) source += `(?:${unit}${next.separator})?`;
    else if (opening) source += t.optional ? `(?:${unit})?` : unit;
    else source += t.optional ? `(?:${t.separator}${unit})?` : `${t.separator}${unit}`;
  });
  return source;
}

/** A user's phrase is always literal text, never a regular expression. */
export function compileLiteral(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).filter(Boolean).map(escapeLiteral);
  if (words.length === 0) throw new PatternError('empty phrase');
  return new RegExp(`(?<![${LETTER}])(${words.join('\\s+')})(?![${LETTER}])`, 'gu');
}

const GROUP_REFERENCE = /\$(\$|\d)/;

/** Expands `$1`…`$9` with the match's groups; `$$` is a dollar sign. */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  return fillBlanks(template, GROUP_REFERENCE, ref => (ref === '$' ? '$' : match[Number(ref)] ?? ''));
}

/** A word as the prefilter compares it: lower case, one kind of apostrophe. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/’/g, '\'');
}

// The letters patterns treat as a word's: a word of the text is an anchor exactly when a pattern can see it whole.
const WORDS_OF = new RegExp(`[${LETTER}][${LETTER}']*`, 'g');

/** The words of a text in order, normalised (lower case, one kind of apostrophe). */
export function wordList(text: string): string[] {
  return normaliseWord(text).match(WORDS_OF) ?? [];
}

/** Every word of a text, normalised: what the anchors of a pattern are looked up in. */
export function wordsOf(text: string): Set<string> {
  return new Set(wordList(text));
}

const WHOLE_WORD = new RegExp(`^[${LETTER}][${LETTER}']*$`);

/** A word, normalised, when a pattern can anchor on it (it is a whole word); undefined otherwise. */
function anchorWord(word: string): string | undefined {
  const normal = normaliseWord(word);
  return WHOLE_WORD.test(normal) ? normal : undefined;
}

/** Each word class's anchor words, found once per rule data: many patterns share a class. */
const classAnchors = new WeakMap<WordClasses, Map<string, string[] | undefined>>();

/** The anchor words of a class's entries; undefined for a built-in or unknown class, or when an entry has none. */
function classAnchorWords(name: string, classes: WordClasses): string[] | undefined {
  let known = classAnchors.get(classes);
  if (!known) classAnchors.set(classes, (known = new Map()));
  if (known.has(name)) return known.get(name);
  const list = BUILTIN_CLASSES[name] ? undefined : classes[name];
  let anchors: string[] | undefined;
  if (list) {
    anchors = [];
    for (const entry of list) {
      // A class entry may be several words ("next week"): its first one anchors it.
      const word = anchorWord(entry.trim().split(/\s+/)[0]);
      if (word === undefined) { anchors = undefined; break; }
      anchors.push(word);
    }
  }
  known.set(name, anchors);
  return anchors;
}

/**
 * What a text must contain for the pattern to match: per required token made of literal words or
 * a word class, the first words of its alternatives — a matching text holds one word of each list.
 * Empty when no token can tell (built-in classes, optional tokens only). A few Set lookups then
 * spare most RegExp runs.
 */
export function anchorGroups(pattern: string, classes: WordClasses = {}): string[][] {
  const groups: string[][] = [];
  for (const raw of pattern.trim().split(/\s+/).filter(Boolean)) {
    if (raw === '^' || (raw.length > 1 && raw.endsWith('?')) || isPunctuation(raw)) continue;
    const words: string[] = [];
    const usable = raw.split('|').every(alt => {
      const cls = /^\{([A-Z_]+)\}$/.exec(alt);
      if (!cls) {
        const word = anchorWord(alt);
        if (word !== undefined) words.push(word);
        return word !== undefined;
      }
      const anchors = classAnchorWords(cls[1], classes);
      if (anchors) for (const word of anchors) words.push(word);
      return anchors !== undefined;
    });
    if (usable && words.length > 0) groups.push([...new Set(words)]);
  }
  return groups;
}

/**
 * The words a pattern can see whole within one word of the text: the word itself and, where it
 * has apostrophes (which patterns treat as a word's edge), every run of up to `maxParts` of its
 * parts ("can't've", 2: can, can't, t, t've, ve). The bound keeps a long run of a'a'a'… linear.
 */
export function visibleWords(word: string, maxParts: number, visit: (w: string) => void): void {
  visit(word);
  if (!word.includes("'")) return;
  const parts = word.split("'");
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + 1; to <= Math.min(parts.length, from + maxParts); to++) {
      if (from === 0 && to === parts.length) continue;
      const run = parts.slice(from, to).join("'");
      if (run) visit(run);
    }
  }
}
