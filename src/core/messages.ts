import type { Lang, Principle, RuleId } from './types';

/**
 * Every string the engine and the CLI show, in English and German. One table per language with
 * the same keys (a unit test compares them); `{0}`, `{1}` are arguments.
 */
const en = {
  'rule.negative-phrasing': '“{0}” frames your answer negatively. Say what you can do instead.',
  'rule.vague-commitment': '“{0}” is vague or promises what you may not control. Say what the client can expect, and when.',
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
  'fix.replace': 'Replace with “{0}”',
  'fix.remove': 'Remove “{0}”',
  'fix.insert': 'Insert “{0}”',
  'verdict.good': 'good',
  'verdict.needs_work': 'needs work',
  'verdict.empty': 'nothing to review',
  'cli.usage': 'Usage: decline-coach check [--format text|json|sarif] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <files…|->',
  'cli.unknownOption': 'unknown option “{0}”',
  'cli.badValue': '{0} must be one of: {1}',
  'cli.noFiles': 'no files given (use - to read standard input)',
  'cli.notFound': '{0}: no such file',
  'cli.isDirectory': '{0}: is a directory with no .md or .txt drafts',
  'cli.unreadable': '{0}: cannot read ({1})',
  'cli.binary': '{0}: looks like a binary file, not a text draft',
  'cli.invalidUtf8': '{0}: is not valid UTF-8 text',
  'cli.tooLarge': '{0}: is larger than {1} MB; not checked',
  'cli.fixFailed': '{0}: could not write the fixes ({1}); the file is unchanged',
  'cli.fixed': '{0}: applied {1} fix(es)',
  'cli.summary': '{0} file(s): {1} warning(s) or error(s), {2} suggestion(s)',
  'cli.verdict': '{0}: score {1}/100, {2} ({3}, {4})',
  'cli.empty': '{0}: empty draft, nothing to review',
  'cli.notRegular': '{0}: is not a regular file; not checked',
  'cli.changed': '{0}: changed while the fixes were made; not written, run again',
  'cli.failed': '{0}: could not be checked ({1})',
};

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  'rule.negative-phrasing': '„{0}“ rahmt Ihre Antwort negativ. Sagen Sie, was Sie stattdessen tun können.',
  'rule.vague-commitment': '„{0}“ ist vage oder verspricht, was Sie nicht in der Hand haben. Sagen Sie, was die Kundschaft wann erwarten kann.',
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
  'fix.replace': 'Ersetzen durch „{0}“',
  'fix.remove': '„{0}“ entfernen',
  'fix.insert': '„{0}“ einfügen',
  'verdict.good': 'gut',
  'verdict.needs_work': 'überarbeiten',
  'verdict.empty': 'nichts zu prüfen',
  'cli.usage': 'Aufruf: decline-coach check [--format text|json|sarif] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <Dateien…|->',
  'cli.unknownOption': 'unbekannte Option „{0}“',
  'cli.badValue': '{0} muss einer der Werte sein: {1}',
  'cli.noFiles': 'keine Dateien angegeben (- liest die Standardeingabe)',
  'cli.notFound': '{0}: Datei nicht gefunden',
  'cli.isDirectory': '{0}: ist ein Ordner ohne .md- oder .txt-Entwürfe',
  'cli.unreadable': '{0}: nicht lesbar ({1})',
  'cli.binary': '{0}: sieht nach einer Binärdatei aus, nicht nach einem Textentwurf',
  'cli.invalidUtf8': '{0}: ist kein gültiger UTF-8-Text',
  'cli.tooLarge': '{0}: ist größer als {1} MB; nicht geprüft',
  'cli.fixFailed': '{0}: Korrekturen konnten nicht geschrieben werden ({1}); die Datei ist unverändert',
  'cli.fixed': '{0}: {1} Korrektur(en) angewendet',
  'cli.summary': '{0} Datei(en): {1} Warnung(en) oder Fehler, {2} Hinweis(e)',
  'cli.verdict': '{0}: Punktzahl {1}/100, {2} ({3}, {4})',
  'cli.empty': '{0}: leerer Entwurf, nichts zu prüfen',
  'cli.notRegular': '{0}: ist keine normale Datei; nicht geprüft',
  'cli.changed': '{0}: wurde während der Korrektur geändert; nicht geschrieben, bitte erneut ausführen',
  'cli.failed': '{0}: konnte nicht geprüft werden ({1})',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, de };

export function t(lang: Lang, key: MessageKey, ...args: Array<string | number>): string {
  return MESSAGES[lang][key].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
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
