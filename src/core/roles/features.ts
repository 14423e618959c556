/**
 * Stage "roles", part 1: the features the sentence-role model reads. A sentence becomes hashed
 * word unigrams, bigrams, skip-bigrams and five-letter prefixes of long words (each family kept
 * because grouped cross-validation showed it helps) over a normalised text: lower case, umlauts folded (ä → ae, ß → ss),
 * other accents dropped, apostrophes removed ("can't" and "cant" meet), digits reduced to 0 so
 * that "the 11th" and "the 3rd" share a feature. "?" is a token of its own, sentence start and
 * end are marked, and a list item gets a marker.
 */

/** log2 of the hashed feature space. */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

const FOLD: Record<string, string> = { 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss' };

function normaliseForRoles(text: string): string {
  let folded = text.toLowerCase().replace(/[äöüß]/g, c => FOLD[c]);
  // Accents are dropped by decomposing; most sentences have none left to drop.
  if (/[\u00c0-\uffff]/.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.replace(/['’‘`´]/g, '').replace(/\d+/g, '0');
}

const TOKEN = /[\p{L}\p{N}]+|\?/gu;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;

function roleTokens(text: string): string[] {
  return normaliseForRoles(text).match(TOKEN) ?? [];
}

/** 32-bit FNV-1a, continued from state `h` over `part` (as far as `end`). */
function fnv(h: number, part: string, end = part.length): number {
  for (let i = 0; i < end; i++) {
    h ^= part.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** A hash state folded into the feature space. */
const feature = (h: number) => (h >>> 0) & MASK;

// FNV-1a runs over its input in order, so a feature such as "b prev word" is hashed from the
// state after its fixed start ("b prev "), without building its string; each start is hashed once.
const OFFSET = 0x811c9dc5;
const UNIGRAM = fnv(OFFSET, 'u ');
const PREFIX = fnv(OFFSET, 'p ');
const BIGRAM = fnv(OFFSET, 'b ');
const SKIP = fnv(OFFSET, 's ');
const LIST_FEATURE = feature(fnv(OFFSET, '<li>'));
/** The states after "b <s> " and "s <s> ": the sentence start as the word before. */
const BIGRAM_START = fnv(fnv(BIGRAM, '<s>'), ' ');
const SKIP_START = fnv(fnv(SKIP, '<s>'), ' ');

/** Distinct hashed feature ids of one sentence or clause, in the order they first occur. */
export function roleFeatures(text: string): number[] {
  const found = roleFeatureIds(text);
  return [...new Set(found.ids.subarray(0, found.count))];
}

/** A text's feature ids in the order they occur, repeats included: `ids[0]` to `ids[count - 1]`. */
export interface FeatureIds {
  ids: Int32Array;
  count: number;
}

/** Extraction is synchronous, so one scratch list serves every call. */
const FOUND: FeatureIds = { ids: new Int32Array(256), count: 0 };

function add(id: number): void {
  if (FOUND.count === FOUND.ids.length) {
    const grown = new Int32Array(2 * FOUND.count);
    grown.set(FOUND.ids);
    FOUND.ids = grown;
  }
  FOUND.ids[FOUND.count++] = id;
}

/**
 * Hashing state between tokens — after "b prev ", after "s prev ", after "s beforePrev " — in an
 * Int32Array, so the 32-bit states are never boxed as they would be in captured variables.
 */
const AFTER_PREV = 0;
const SKIP_PREV = 1;
const SKIP_BEFORE_PREV = 2;
const STATE = new Int32Array(3);
/** The normalised characters of the current token. */
let TOKEN_CHARS = new Uint16Array(64);

const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** A token of `length` characters in TOKEN_CHARS: its features, and the state for the next token. */
function tokenFeatures(length: number): void {
  let unigram = UNIGRAM;
  let prefix = PREFIX;
  let bigram = STATE[AFTER_PREV];
  let skip = STATE[SKIP_BEFORE_PREV];
  let nextBigram = BIGRAM;
  let nextSkip = SKIP;
  for (let i = 0; i < length; i++) {
    const c = TOKEN_CHARS[i];
    unigram = Math.imul(unigram ^ c, FNV_PRIME);
    if (i < 5) prefix = Math.imul(prefix ^ c, FNV_PRIME);
    bigram = Math.imul(bigram ^ c, FNV_PRIME);
    skip = Math.imul(skip ^ c, FNV_PRIME);
    nextBigram = Math.imul(nextBigram ^ c, FNV_PRIME);
    nextSkip = Math.imul(nextSkip ^ c, FNV_PRIME);
  }
  add(feature(unigram));
  // A long word's first five letters stand for its inflections and compounds (Termine, Terminplan).
  if (length > 6) add(feature(prefix));
  add(feature(bigram));
  // Skip-bigrams bridge one word: "isn't really something", „geht leider nicht“.
  add(feature(skip));
  STATE[SKIP_BEFORE_PREV] = STATE[SKIP_PREV];
  STATE[AFTER_PREV] = Math.imul(nextBigram ^ SPACE, FNV_PRIME);
  STATE[SKIP_PREV] = Math.imul(nextSkip ^ SPACE, FNV_PRIME);
}

/** Room in TOKEN_CHARS for `length` characters. */
function tokenRoom(length: number): void {
  if (length > TOKEN_CHARS.length) {
    const grown = new Uint16Array(2 * length);
    grown.set(TOKEN_CHARS);
    TOKEN_CHARS = grown;
  }
}

/** The text's feature ids (repeats included), without allocating; valid until the next call. */
export function roleFeatureIds(text: string): Readonly<FeatureIds> {
  FOUND.count = 0;
  if (LIST_ITEM.test(text)) add(LIST_FEATURE);
  STATE[AFTER_PREV] = BIGRAM_START;
  STATE[SKIP_PREV] = SKIP_START;
  STATE[SKIP_BEFORE_PREV] = SKIP_START;
  if (!tokenizeFast(text)) {
    for (const t of roleTokens(text)) {
      tokenRoom(t.length);
      for (let i = 0; i < t.length; i++) TOKEN_CHARS[i] = t.charCodeAt(i);
      tokenFeatures(t.length);
    }
  }
  add(feature(fnv(STATE[AFTER_PREV], '</s>')));
  return FOUND;
}

/** What each character of a text `tokenizeFast` reads becomes: see CHAR_CLASS. */
const SEPARATOR = 0;
const LETTER = 1;
const DIGIT = 2;
const DROPPED = 3;
const QUESTION = 4;
const FOLDED = 5;
const OTHER = 6;

/**
 * The class of each character below U+2200 for the fast tokenizer. OTHER: a character whose
 * normalisation `tokenizeFast` does not repeat (accented letters, ª, ½, ²…): such text takes the
 * long way.
 */
const CHAR_CLASS = new Uint8Array(0x2200).fill(OTHER);
for (let c = 0; c < 0x80; c++) CHAR_CLASS[c] = SEPARATOR;
for (let c = 0x61; c <= 0x7a; c++) CHAR_CLASS[c] = CHAR_CLASS[c - 0x20] = LETTER;
for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = DIGIT;
for (const ch of '\'’‘`´') CHAR_CLASS[ch.charCodeAt(0)] = DROPPED;
CHAR_CLASS[0x3f] = QUESTION;
for (const ch of 'äöüßÄÖÜ') CHAR_CLASS[ch.charCodeAt(0)] = FOLDED;
// Punctuation and spaces that neither decompose nor belong to a word.
for (const ch of '\u00a0«»§°·¶–—„“”‚…•€£¦¨¬±×÷\u2009\u200a\u202f\u2002\u2003') CHAR_CLASS[ch.charCodeAt(0)] = SEPARATOR;

/** The two characters an umlaut or ß folds to (ä → ae), by its code. */
const FOLDED_PAIR = new Map([...'äöüßÄÖÜ'].map(ch => [ch.charCodeAt(0), FOLD[ch.toLowerCase()]] as const));

/**
 * The tokens of `normaliseForRoles` + TOKEN, hashed as `tokenFeatures` does, for a text of
 * ASCII, German umlauts and common punctuation; false (and nothing hashed) for any other text.
 */
function tokenizeFast(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2200 || CHAR_CLASS[code] === OTHER) return false;
  }
  // Folding (ä → ae) at most doubles a token.
  tokenRoom(2 * text.length);
  let length = 0;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    switch (CHAR_CLASS[code]) {
      case LETTER: TOKEN_CHARS[length++] = code | 0x20; digits = false; break;
      case DIGIT: if (!digits) TOKEN_CHARS[length++] = 0x30; digits = true; break;
      case FOLDED: {
        const pair = FOLDED_PAIR.get(code) as string;
        TOKEN_CHARS[length++] = pair.charCodeAt(0);
        TOKEN_CHARS[length++] = pair.charCodeAt(1);
        digits = false;
        break;
      }
      case DROPPED: break;
      default:
        if (length > 0) tokenFeatures(length);
        length = 0;
        digits = false;
        if (code === 0x3f) { TOKEN_CHARS[0] = code; tokenFeatures(1); }
    }
  }
  if (length > 0) tokenFeatures(length);
  return true;
}
