/**
 * The engine's verdict on a language model's rewrite: the score before and after, the principles
 * it gained or lost, and what the writer must look at before applying it — a lower score,
 * numbers or dates the draft never had, another language, the client's quoted lines changed.
 * Pure: the same texts and analyses always give the same check.
 */
import { guessLanguage } from './language';
import { type Analysis, type Lang, PRINCIPLES, type Principle } from './types';

export type RewriteFlag =
  | { kind: 'lowerScore' }
  | { kind: 'inventedNumbers'; values: string[] }
  | { kind: 'inventedDates'; values: string[] }
  | { kind: 'languageChanged'; from: Lang; to: Lang }
  | { kind: 'quotesChanged' }
  | { kind: 'empty' };

export interface RewriteCheck {
  scoreBefore: number;
  scoreAfter: number;
  gained: Principle[];
  lost: Principle[];
  flags: RewriteFlag[];
}

const MONTH_NAMES = 'january|february|march|april|june|july|august|september|october|november|december|' +
  'januar|jänner|februar|märz|mai|juni|juli|oktober|dezember';
/** With a day number only: alone, "may" is a verb and "mar" or "dec" may be anything. */
const MONTHS = `${MONTH_NAMES}|may|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|okt|dez`;
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag';
/** Dates and days: numeric dates, day-month with a month name either way round, weekdays, ordinals. */
const DATE = new RegExp([
  '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
  '\\b\\d{1,2}[./]\\d{1,2}(?:[./]\\d{2,4})?\\b\\.?',
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(?:${MONTHS})\\b\\.?(?:\\s+\\d{4})?`,
  `\\b(?:${MONTHS})\\b\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
  `\\b(?:${MONTH_NAMES}|${WEEKDAYS})\\b`,
  '\\b\\d{1,2}(?:st|nd|rd|th)\\b',
].join('|'), 'giu');
const NUMBER = /\d+(?:[.,]\d+)*/g;

/** The words and digit runs a date expression is made of, each of which the source must hold. */
function dateParts(expression: string): string[] {
  return expression.toLowerCase().match(/\p{L}+|\d+/gu)?.filter(p => !/^(?:of|st|nd|rd|th)$/.test(p)) ?? [];
}

/** Digits of a number without group separators: "1,500", "1.500" and "1500" are one number. */
const digitsOf = (n: string) => n.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');

/**
 * What the rewrite says that `source` does not: date expressions with a part (a day, a month, a
 * weekday) the source never names, and numbers the source never has. Placeholders hold no digits.
 */
export function inventedFacts(source: string, rewrite: string): { numbers: string[]; dates: string[] } {
  const sourceWords = new Set(source.toLowerCase().match(/\p{L}+/gu) ?? []);
  const sourceNumbers = new Set([...source.matchAll(NUMBER)].flatMap(m => [digitsOf(m[0]), ...(m[0].match(/\d+/g) ?? []).map(digitsOf)]));
  const has = (part: string) => (/^\d+$/.test(part) ? sourceNumbers.has(digitsOf(part)) : sourceWords.has(part));
  const dates: string[] = [];
  let rest = rewrite;
  for (const m of rewrite.matchAll(DATE)) {
    // A sentence's full stop after a month name is not part of the date.
    if (!dateParts(m[0]).every(has)) dates.push(m[0].trim().replace(/(?<=\p{L})\.$/u, ''));
    // Numbers inside a date are judged with the date, not again on their own.
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  const numbers = [...rest.matchAll(NUMBER)].map(m => m[0]).filter(n => !sourceNumbers.has(digitsOf(n)));
  return { numbers: unique(numbers), dates: unique(dates) };
}

const unique = (values: string[]) => [...new Set(values)];

const quoteLines = (text: string) => text.split(/\r?\n/).filter(line => /^\s*>/.test(line)).map(line => line.trim());

export interface RewriteCheckInput {
  /** The part of the draft that was sent, and the whole draft (facts may come from either). */
  draft: string;
  document: string;
  rewrite: string;
  before: Analysis;
  /** The engine's judgement of the document with the rewrite in place. */
  after: Analysis;
}

export function checkRewrite({ draft, document, rewrite, before, after }: RewriteCheckInput): RewriteCheck {
  const flags: RewriteFlag[] = [];
  if (rewrite.trim() === '') flags.push({ kind: 'empty' });
  if (after.score < before.score) flags.push({ kind: 'lowerScore' });
  const invented = inventedFacts(document, rewrite);
  if (invented.numbers.length) flags.push({ kind: 'inventedNumbers', values: invented.numbers });
  if (invented.dates.length) flags.push({ kind: 'inventedDates', values: invented.dates });
  const guess = guessLanguage(rewrite);
  if (guess.lang && guess.lang !== before.language && guess.confidence >= 0.6) flags.push({ kind: 'languageChanged', from: before.language, to: guess.lang });
  const quotedBefore = quoteLines(draft);
  const quotedAfter = quoteLines(rewrite);
  if (quotedBefore.length !== quotedAfter.length || quotedBefore.some((q, i) => q !== quotedAfter[i])) flags.push({ kind: 'quotesChanged' });
  return {
    scoreBefore: before.score,
    scoreAfter: after.score,
    gained: PRINCIPLES.filter(p => !before.principles[p] && after.principles[p]),
    lost: PRINCIPLES.filter(p => before.principles[p] && !after.principles[p]),
    flags,
  };
}
