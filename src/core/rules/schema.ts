import type { Register } from '../types';

/** A rewrite of a matched phrase. `$1`, `$2`, … are the pattern's tokens; `$0` the whole match. */
export interface FixTemplate {
  /** Replacement text; '' removes the phrase (and tidies the space or comma it leaves). */
  with: string;
  /** Safe to apply without reading: used by "fix all" and `--fix`. At most one per entry. */
  preferred?: boolean;
  /** Only offer this rewrite where the phrase does not open a sentence or clause (German verb-second order). */
  notAtClauseStart?: boolean;
  /**
   * Only offer this rewrite where these regular expressions (case-insensitive) match: `match` the
   * matched phrase, `before` / `after` the rest of its sentence on either side. A rewrite that
   * fits one grammar ("Kein Problem, wenn …") is kept from the sentences it would break.
   */
  when?: { match?: string; before?: string; after?: string };
  /**
   * A regular expression matched right after the phrase (case-insensitive); what it matches is
   * replaced too, so a vague time phrase goes whole ("at some point | over the summer").
   */
  absorb?: string;
  /**
   * Inserted where the phrase's clause ends (before its comma or full stop), for a reframe that
   * names the condition: "can't include X" → "can include X ${1:if/once …}".
   */
  append?: string;
  /** Words (a regular expression, whole words) the pattern's tokens may bring into `with` that the rewrite drops: „machen wir leider nicht“ → „machen wir, wenn …“. */
  without?: string;
  /** Where `append` goes: the end of the phrase's clause (default) or of its sentence, before its full stop. */
  appendAt?: 'clause' | 'sentence';
  /**
   * Words before the phrase that change with it: the last match of `find` (a regular expression,
   * case-insensitive, in the sentence before the phrase) is replaced by `with`
   * ("bin ich nicht zuständig" → "ist ${1:Name} zuständig"). Without such words the rewrite is not offered.
   */
  alsoBefore?: { find: string; with: string };
}

export interface RuleExample {
  /** A draft sentence in which the entry must report exactly the `flagged` text. */
  input: string;
  flagged: string;
  /** The draft after the entry's first applicable fix; omitted when no fix is offered here. */
  output?: string;
  /** The output with its placeholders filled in as a writer would, when the placeholders alone leave the finding (a date still to name). */
  filled?: string;
  /**
   * The draft after the first fix that says what is possible rather than only deleting words,
   * placeholders bracketed. Every example of a negative-phrasing entry has one, unless the entry is a
   * softener whose removal is safe there (the rest of the sentence refuses nothing).
   */
  reframed?: string;
  /** Drafts no fix of this finding may produce: the meaning-changing rewrites this example guards against. */
  never?: string[];
}

/** One phrase family of `negative-phrasing` or `vague-commitment`. */
export interface PhraseEntry {
  id: string;
  rule: 'negative-phrasing' | 'vague-commitment';
  patterns: string[];
  /** Matches that overlap one of these are not reported (e.g. "don't hesitate"). */
  exceptions?: string[];
  /** Not reported inside a sentence that also matches one of these (e.g. a concrete date). */
  unlessSentenceHas?: string[];
  /** Not reported where the sentence already has another finding of the same rule. */
  weak?: boolean;
  /**
   * A softener ("unfortunately"): its removal is preferred only where the rest of the sentence
   * refuses nothing; next to a refusal, dropping it only makes the "no" blunter.
   */
  softener?: boolean;
  /** Not reported in a clause opened by one of these words ("wenn … nicht"). */
  unlessClauseOpensWith?: string[];
  fixes?: FixTemplate[];
  /** Optional extra advice for this phrase, in English and German. */
  hint?: { en: string; de: string };
  examples: RuleExample[];
  /** Sentences in which this entry must stay silent. */
  counterexamples: string[];
}

/** Phrases whose presence satisfies a principle (Vale's `occurrence`, inverted). */
export interface SignalSet {
  patterns: string[];
  exceptions?: string[];
}

/** A sentence the engine offers to insert when a principle is missing. */
export type InsertTemplates = Partial<Record<Register, string>> & { neutral?: string; sie?: string; du?: string };

export interface LanguageRules {
  lang: 'de' | 'en';
  /** Word classes usable as `{NAME}` in every pattern of this language. */
  classes: Record<string, string[]>;
  phrases: PhraseEntry[];
  /** A request restated after an opener like "Thanks for …" needs at least one specific word. */
  acknowledgement: {
    openers: string[];
    /** Phrases that restate the request by themselves ("the export you asked about"). */
    restatements: string[];
    /** Words too generic to count as naming the request ("your message", "thinking of me"). */
    genericWords: string[];
    /** A clause ends at these words: "Thanks for thinking of me, but …". */
    contrastWords: string[];
  };
  empathy: SignalSet;
  reason: SignalSet;
  alternative: SignalSet;
  clarify: {
    /** Question words that open a clause: what/which/welche … */
    questionWords: string[];
    /** Requests for information that need no question word ("could you tell me", "gibt es"). */
    infoRequests: string[];
    /** Closing or choose-one questions that do not ask about the client's needs. */
    closingQuestions: string[];
  };
  /** Lines that greet ("Hi Tom,") or close ("Best regards") a reply; not part of the body. */
  salutation: string[];
  closing: string[];
  /** Sentences inserted by document-level fixes; `${n:…}` are placeholders. */
  inserts: Record<'listen' | 'empathy' | 'clarify' | 'reason' | 'alternative', InsertTemplates>;
}

