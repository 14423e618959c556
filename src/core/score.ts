/**
 * Verdict and score: the last step of judgement, from the principles and the reported phrase
 * findings to "good / needs work" and a number from 0 to 100.
 */
import { isPhraseRule } from './rules/meta';
import { type Finding, PRINCIPLES, type Principle, type Verdict } from './types';

/** Score weights; they add up to 100. `positive` and `expectations` lose 5 points a finding. */
const SCORE_WEIGHTS: Record<Principle, number> = {
  listen: 15, empathy: 15, clarify: 10, expectations: 15, positive: 15, alternative: 15, reason: 15,
};

export function verdictOf(principles: Record<Principle, boolean>, proseLength: number): Verdict {
  if (proseLength === 0) return 'empty';
  const p = principles;
  return p.listen && p.empathy && p.reason && (p.alternative || p.clarify) && p.positive && p.expectations ? 'good' : 'needs_work';
}

/**
 * 0–100: the weights of the satisfied principles. `positive` and `expectations` start at their
 * weight and lose 5 points for each phrase finding, down to 0.
 */
export function scoreOf(principles: Record<Principle, boolean>, findings: readonly Finding[]): number {
  let score = 0;
  for (const p of PRINCIPLES) {
    if (p === 'positive' || p === 'expectations') {
      const n = findings.filter(f => f.principle === p && isPhraseRule(f.ruleId)).length;
      score += Math.max(0, SCORE_WEIGHTS[p] - 5 * n);
    } else if (principles[p]) {
      score += SCORE_WEIGHTS[p];
    }
  }
  return score;
}
