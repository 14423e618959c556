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
  return [...roleFeatureSet(text)];
}

/** The same as `roleFeatures`, as the Set it is collected in. */
export function roleFeatureSet(text: string): Set<number> {
  const tokens = roleTokens(text);
  const ids = new Set<number>();
  if (LIST_ITEM.test(text)) ids.add(LIST_FEATURE);
  // The states after "b prev " and "s beforePrev ".
  let afterPrev = BIGRAM_START;
  let skipPrev = SKIP_START;
  let skipBeforePrev = SKIP_START;
  for (const t of tokens) {
    ids.add(feature(fnv(UNIGRAM, t)));
    // A long word's first five letters stand for its inflections and compounds (Termine, Terminplan).
    if (t.length > 6) ids.add(feature(fnv(PREFIX, t, 5)));
    ids.add(feature(fnv(afterPrev, t)));
    // Skip-bigrams bridge one word: "isn't really something", „geht leider nicht“.
    ids.add(feature(fnv(skipBeforePrev, t)));
    skipBeforePrev = skipPrev;
    afterPrev = fnv(fnv(BIGRAM, t), ' ');
    skipPrev = fnv(fnv(SKIP, t), ' ');
  }
  ids.add(feature(fnv(afterPrev, '</s>')));
  return ids;
}
