import { fillBlanks } from './template';
import type { Lang, Principle, RuleId } from './types';

/**
 * Every string the engine shows, in English and German. One table per language with
 * the same keys (a unit test compares them); `{0}`, `{1}` are arguments.
 */
const en = {
  'rule.negative-phrasing': '“{0}” frames your answer negatively. Say what you can do instead.',
  'rule.vague-commitment': '“{0}” is vague or promises what you may not control. Say what the client can expect, and when.',
  'rule.never-promise': '“{0}” is on your team’s list of things never to promise. Say what you can commit to instead.',
  'rule.missing-acknowledgement': 'Show that you heard the request: name what the client asked for.',
  'rule.missing-empathy': 'Add a sentence of understanding for the client’s point of view before the no.',
  'rule.missing-clarifying-question': 'Ask a question about the client’s needs instead of only refusing.',
  'rule.missing-reason': 'Give a reason for the no: capacity, scope, quality or policy.',
  'rule.missing-alternative': 'Offer something instead: a date, a smaller scope, a referral or another channel.',
  'note.listen': 'Listen first: the client should see that you understood the request before you answer it.',
  'note.empathy': 'Empathy builds trust; a statement of understanding softens the bad news.',
  'note.clarify': 'A clarifying question finds out what the client really needs, instead of a flat refusal.',
  'note.expectations': 'Be honest: make no promise you may not keep; say what the client can expect, when, and what you need.',
  'note.positive': 'Wrap the no in positive words: say what is possible rather than what is not.',
  'note.alternative': 'There is always something you can offer in return that gets a similar result.',
  'note.reason': 'Explain the no: a reason turns a refusal into a decision the client can follow.',
  'principle.listen': 'Acknowledge the request',
  'principle.empathy': 'Show empathy',
  'principle.clarify': 'Ask for clarity',
  'principle.expectations': 'Honest expectations',
  'principle.positive': 'Positive framing',
  'principle.alternative': 'Offer an alternative',
  'principle.reason': 'Give a reason',
  'title.negative-phrasing': 'Negative phrasing',
  'title.vague-commitment': 'Vague commitment',
  'title.custom-phrase': 'Team phrase',
  'title.never-promise': 'Never promised',
  'title.missing-acknowledgement': 'Missing acknowledgement',
  'title.missing-empathy': 'Missing empathy',
  'title.missing-clarifying-question': 'Missing clarifying question',
  'title.missing-reason': 'Missing reason',
  'title.missing-alternative': 'Missing alternative',
  'fix.replace': 'Replace with “{0}”',
  'fix.remove': 'Remove “{0}”',
  'fix.insert': 'Insert “{0}”',
};

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  'rule.negative-phrasing': '„{0}“ rahmt Ihre Antwort negativ. Sagen Sie, was Sie stattdessen tun können.',
  'rule.vague-commitment': '„{0}“ ist vage oder verspricht, was Sie nicht in der Hand haben. Sagen Sie, was die Kundschaft wann erwarten kann.',
  'rule.never-promise': '„{0}“ steht auf der Liste Ihres Teams, was nie versprochen wird. Sagen Sie, was Sie verbindlich zusagen können.',
  'rule.missing-acknowledgement': 'Zeigen Sie, dass Sie zugehört haben: Nennen Sie, worum die Kundschaft gebeten hat.',
  'rule.missing-empathy': 'Fügen Sie vor dem Nein einen Satz des Verständnisses für den Standpunkt der Kundschaft ein.',
  'rule.missing-clarifying-question': 'Stellen Sie eine Frage zu den Bedürfnissen der Kundschaft, statt nur abzulehnen.',
  'rule.missing-reason': 'Begründen Sie das Nein: Auslastung, Umfang, Qualität oder Regeln.',
  'rule.missing-alternative': 'Bieten Sie etwas anderes an: einen Termin, einen kleineren Umfang, eine Empfehlung oder einen anderen Weg.',
  'note.listen': 'Zuerst zuhören: Die Kundschaft soll sehen, dass Sie die Anfrage verstanden haben, bevor Sie antworten.',
  'note.empathy': 'Einfühlungsvermögen schafft Vertrauen; eine verständnisvolle Aussage federt die schlechte Nachricht ab.',
  'note.clarify': 'Eine klärende Frage findet heraus, was die Kundschaft wirklich braucht, statt glatt abzulehnen.',
  'note.expectations': 'Seien Sie ehrlich: Versprechen Sie nichts, was Sie nicht halten können; sagen Sie, was wann kommt und was Sie brauchen.',
  'note.positive': 'Verpacken Sie das Nein in positive Worte: Sagen Sie, was möglich ist, statt was nicht geht.',
  'note.alternative': 'Es gibt immer etwas, das Sie im Gegenzug anbieten können und das ein ähnliches Ergebnis liefert.',
  'note.reason': 'Erklären Sie das Nein: Mit einem Grund wird aus einer Absage eine nachvollziehbare Entscheidung.',
  'principle.listen': 'Anfrage aufgreifen',
  'principle.empathy': 'Verständnis zeigen',
  'principle.clarify': 'Klarheit erfragen',
  'principle.expectations': 'Ehrliche Erwartungen',
  'principle.positive': 'Positiv formulieren',
  'principle.alternative': 'Alternative anbieten',
  'principle.reason': 'Grund nennen',
  'title.negative-phrasing': 'Negative Formulierung',
  'title.vague-commitment': 'Vage Zusage',
  'title.custom-phrase': 'Team-Formulierung',
  'title.never-promise': 'Nie zugesagt',
  'title.missing-acknowledgement': 'Anfrage nicht aufgegriffen',
  'title.missing-empathy': 'Fehlendes Verständnis',
  'title.missing-clarifying-question': 'Fehlende Rückfrage',
  'title.missing-reason': 'Fehlender Grund',
  'title.missing-alternative': 'Fehlende Alternative',
  'fix.replace': 'Ersetzen durch „{0}“',
  'fix.remove': '„{0}“ entfernen',
  'fix.insert': '„{0}“ einfügen',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, de };

const NUMBERED_BLANK = /\{(\d+)\}/;

/** The template with `{0}`, `{1}`, … replaced by the arguments. */
export function fillIn(template: string, args: ReadonlyArray<string | number>): string {
  return fillBlanks(template, NUMBERED_BLANK, n => String(args[Number(n)] ?? ''));
}

export function t(lang: Lang, key: MessageKey, ...args: Array<string | number>): string {
  return fillIn(MESSAGES[lang][key], args);
}

export function ruleMessage(lang: Lang, ruleId: Exclude<RuleId, 'custom-phrase'>, actual = ''): string {
  return t(lang, `rule.${ruleId}`, actual);
}

export function principleNote(lang: Lang, principle: Principle): string {
  return t(lang, `note.${principle}`);
}

export function principleTitle(lang: Lang, principle: Principle): string {
  return t(lang, `principle.${principle}`);
}

/** A rule's name in words, where a surface would otherwise show its id. */
export function ruleTitle(lang: Lang, ruleId: RuleId): string {
  return t(lang, `title.${ruleId}`);
}
