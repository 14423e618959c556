/**
 * Stage "roles", part 3: a sentence's roles. Roles live in clauses as often as in sentences
 * ("Booked until March, but April 3 is open" refuses, gives a reason and offers a date), so the
 * model judges each clause of a sentence that has several, and a role counts with its best
 * clause's score. Judging the whole sentence as well would add up words of different clauses
 * into evidence neither has (a refusal's topic plus a referral's "specialises" read as a reason).
 */
import type { Lang } from '../types';
import { type RoleScores, roleModel } from './model';

/** Where a clause ends: a semicolon or dash, or a comma before a conjunction that opens a new role. */
const CLAUSE_BREAK: Record<Lang, RegExp> = {
  en: /\s*[;–—]\s*|\s+-\s+|,?\s+(?=(?:but|because|since|so|although|though|however|instead|otherwise)\s)|,\s+(?=(?:and|as)\s)/giu,
  de: /\s*[;–—]\s*|\s+-\s+|,?\s+(?=(?:aber|weil|denn|doch|sondern|deshalb|daher|stattdessen|allerdings|jedoch|trotzdem)\s)|,\s+(?=(?:da|und|dafür|dann)\s)/giu,
};

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** The clauses of a sentence; a piece of fewer than three words stays with its neighbour. */
export function clausesOf(sentence: string, lang: Lang): string[] {
  const breaks = CLAUSE_BREAK[lang];
  breaks.lastIndex = 0;
  // Most sentences are one clause.
  if (!breaks.test(sentence)) return sentence.trim() ? [sentence] : [];
  const pieces = sentence.split(breaks).filter(p => p.trim());
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length > 0 && (words(piece) < 3 || words(out[out.length - 1]) < 3)) out[out.length - 1] += ` ${piece}`;
    else out.push(piece);
  }
  return out;
}

export function sentenceRoles(sentence: string, lang: Lang): RoleScores {
  const clauses = clausesOf(sentence, lang);
  return roleModel(lang).bestScores(clauses.length > 0 ? clauses : [sentence]);
}
