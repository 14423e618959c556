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

export function normaliseForRoles(text: string): string {
  let folded = text.toLowerCase().replace(/[äöüß]/g, c => FOLD[c]);
  // Accents are dropped by decomposing; most sentences have none left to drop.
  if (/[\u00c0-\uffff]/.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.replace(/['’‘`´]/g, '').replace(/\d+/g, '0');
}

const TOKEN = /[\p{L}\p{N}]+|\?/gu;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;

export function roleTokens(text: string): string[] {
  return normaliseForRoles(text).match(TOKEN) ?? [];
}

/**
 * 32-bit FNV-1a of the parts one after another, as of their concatenation, folded into the
 * feature space: a feature such as "b prev word" is hashed without building its string.
 */
function hash(...parts: string[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0) & MASK;
}

/** Distinct hashed feature ids of one sentence or clause. */
export function roleFeatures(text: string): number[] {
  const tokens = roleTokens(text);
  const ids = new Set<number>();
  if (LIST_ITEM.test(text)) ids.add(hash('<li>'));
  let prev = '<s>';
  let beforePrev = '<s>';
  for (const t of tokens) {
    ids.add(hash('u ', t));
    // A long word's first five letters stand for its inflections and compounds (Termine, Terminplan).
    if (t.length > 6) ids.add(hash('p ', t.slice(0, 5)));
    ids.add(hash('b ', prev, ' ', t));
    // Skip-bigrams bridge one word: "isn't really something", „geht leider nicht“.
    ids.add(hash('s ', beforePrev, ' ', t));
    beforePrev = prev;
    prev = t;
  }
  ids.add(hash('b ', prev, ' </s>'));
  return [...ids];
}
