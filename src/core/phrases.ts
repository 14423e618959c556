/**
 * Stage 4, phrase findings: the negative and vague phrases of the rule data, found in one prose
 * block, and the team's custom phrases. Only the patterns whose anchor words occur in the block
 * are run. Each finding carries its rewrites; what is reported in the end is decided by the
 * finding filters.
 */
import { anyMatch, candidates, type CompiledEntry, type CompiledLanguage, matchesOf, matchRanges } from './compiled';
import { principleNote, ruleMessage } from './messages';
import { compileLiteral } from './pattern';
import type { ProseBlock } from './prose';
import { phraseFix, templateFixes, touchesProseOnly } from './rewrites';
import { RULE_INFO } from './rules/meta';
import { clauseOpener, type LangSentence, sentenceAt } from './sentences';
import type { CustomPhrase, Finding, Fix, Lang } from './types';

/** A finding before filtering: `weak` ones give way to a stronger one in their sentence. The mark travels beside it, so that dropping it copies nothing. */
export interface RawFinding {
  finding: Finding;
  weak: boolean;
}

/**
 * Phrase findings of one block in one language, with offsets local to the block.
 * `source`: the block as written; `masked`: markup blanked; `words`: the block's words.
 */
export function phraseFindings(source: string, masked: string, words: ReadonlySet<string>, lang: Lang, rules: CompiledLanguage,
  sentences: readonly LangSentence[], messageLang: Lang): RawFinding[] {
  const out: RawFinding[] = [];
  const exceptionsOf = new Map<CompiledEntry, Array<[number, number]>>();
  // Only the patterns whose anchor words occur in the block are run, in data order.
  for (const matcher of candidates(rules.phrasePatterns, words)) {
    const entry = rules.entryOf.get(matcher) as CompiledEntry;
    for (const m of matchesOf(matcher.re, masked)) {
      const start = m.index;
      const end = start + m[0].length;
      let exceptions = exceptionsOf.get(entry);
      if (!exceptions) exceptionsOf.set(entry, (exceptions = matchRanges(entry.exceptions, masked, words)));
      if (exceptions.some(([s, e]) => s < end && start < e)) continue;
      const sentence = sentenceAt(sentences, start);
      if (sentence && entry.unlessSentenceHas.length > 0 && anyMatch(entry.unlessSentenceHas, sentence.text, sentence.words)) continue;
      if (sentence && entry.clauseOpeners.size > 0 && entry.clauseOpeners.has(clauseOpener(sentence.text, start - sentence.start))) continue;
      out.push({ finding: phraseFinding(entry, m, source, masked, start, end, lang, sentence, messageLang), weak: Boolean(entry.entry.weak) });
    }
  }
  return out;
}

function phraseFinding(entry: CompiledEntry, m: RegExpExecArray, source: string, masked: string, start: number, end: number, lang: Lang,
  sentence: LangSentence | undefined, messageLang: Lang): Finding {
  const ruleId = entry.entry.rule;
  const actual = source.slice(start, end);
  const { principle, defaultSeverity } = RULE_INFO[ruleId];
  const hint = entry.entry.hint ? ` ${entry.entry.hint[messageLang]}` : '';
  return {
    ruleId, entryId: entry.entryId, principle, severity: defaultSeverity,
    message: ruleMessage(messageLang, ruleId, actual.replace(/\s+/g, ' ').replace(/\s*,$/, '')) + hint,
    note: principleNote(messageLang, principle), start, end, actual, lang,
    fixes: templateFixes(entry.entry.fixes ?? [], m, source, masked, start, end, messageLang, sentence),
  };
}

const literals = new Map<string, RegExp | undefined>();

/** A user's phrase compiled once; undefined for a phrase that cannot be matched (empty). */
function literal(phrase: string): RegExp | undefined {
  if (!literals.has(phrase)) {
    let re: RegExp | undefined;
    try { re = compileLiteral(phrase); } catch { re = undefined; }
    literals.set(phrase, re);
  }
  return literals.get(phrase);
}

/** Findings of one custom phrase per document, at most: a phrase such as "a" must not flood the editor. */
const MAX_CUSTOM_MATCHES = 1000;

/** A phrase of the team's: its own vocabulary (`custom-phrase`), or something never to promise (`never-promise`). */
type TeamPhrase = { ruleId: 'custom-phrase'; entry: CustomPhrase } | { ruleId: 'never-promise'; phrase: string };

/** The team's own phrases and never-promise phrases in every block, with document offsets, added to `out`. */
export function customFindings(text: string, blocks: readonly ProseBlock[], phrases: readonly CustomPhrase[], neverPromise: readonly string[],
  langOf: (index: number) => Lang, messageLang: (l: Lang) => Lang, out: Finding[]): void {
  const team: TeamPhrase[] = [
    ...phrases.map(entry => ({ ruleId: 'custom-phrase' as const, entry })),
    ...neverPromise.map(phrase => ({ ruleId: 'never-promise' as const, phrase })),
  ];
  for (const item of team) {
    const phrase = item.ruleId === 'custom-phrase' ? item.entry.phrase : item.phrase;
    const re = literal(phrase);
    if (!re) continue;
    let found = 0;
    for (const [index, block] of blocks.entries()) {
      if (found === MAX_CUSTOM_MATCHES) break;
      const lang = langOf(index);
      for (const m of matchesOf(re, block.text)) {
        if (found === MAX_CUSTOM_MATCHES) break;
        found++;
        const start = block.start + m.index;
        const end = start + m[0].length;
        const actual = text.slice(start, end);
        out.push(item.ruleId === 'custom-phrase'
          ? customFinding(item.entry, text, block, start, end, lang, messageLang(lang))
          : {
            ruleId: 'never-promise', entryId: `never-promise.${phrase.toLowerCase()}`, principle: RULE_INFO['never-promise'].principle,
            severity: RULE_INFO['never-promise'].defaultSeverity, message: ruleMessage(messageLang(lang), 'never-promise', actual.replace(/\s+/g, ' ')),
            note: principleNote(messageLang(lang), RULE_INFO['never-promise'].principle), start, end, actual, lang, fixes: [],
          });
      }
    }
  }
}

function customFinding(phrase: CustomPhrase, text: string, block: ProseBlock, start: number, end: number, lang: Lang, messageLang: Lang): Finding {
  const principle = phrase.principle ?? 'positive';
  const fixes: Fix[] = [];
  if (phrase.replacement !== undefined) {
    const fix = phraseFix(text, start, end, phrase.replacement, messageLang, undefined);
    fix.preferred = !fix.snippet && touchesProseOnly(fix, text, block.text, block.start);
    fixes.push(fix);
  }
  return {
    ruleId: 'custom-phrase', entryId: `custom.${phrase.phrase.toLowerCase()}`, principle,
    severity: phrase.severity ?? RULE_INFO['custom-phrase'].defaultSeverity, message: phrase.message,
    note: principleNote(messageLang, principle), start, end, actual: text.slice(start, end), lang, fixes,
  };
}
