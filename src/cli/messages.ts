/** The CLI's own strings, in English and German with the same keys (a unit test compares them). */
import { fillIn, type Lang, langOfLocale } from '../core';

const en = {
  'verdict.good': 'good',
  'verdict.needs_work': 'needs work',
  'verdict.empty': 'nothing to review',
  'cli.usage': 'Usage: decline-coach check [--format text|json|sarif|github] [--config FILE] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <files…|folders…|->\n       decline-coach --init [folder]    decline-coach --help',
  'cli.help': `Decline Coach checks replies that say “no” to a client: acknowledge, empathy, a question, honest expectations, a reason, an alternative.

Usage:
  decline-coach check [options] <files…|folders…|->
  decline-coach --init [folder]     write a commented .declinecoach.jsonc (never over an existing one)
  decline-coach --help

A folder is searched for .md, .markdown and .txt drafts (hidden folders and node_modules left out;
"include" and "exclude" of the config file apply). "-" reads standard input.

Options:
  -f, --format text|json|sarif|github   output: for people, JSON, SARIF 2.1.0, or GitHub annotations (default text)
  -c, --config FILE     use this config file for every draft, instead of the .declinecoach.jsonc
                        (or "decline-coach" in package.json) nearest each draft, up to the repository root
      --lang auto|de|en  language of the drafts (default: the config file's, else auto)
      --fix             apply the safe rewrites in place ("-": the fixed text goes to standard output)
      --no-exit         exit 0 even when there are findings
      --max-size MB     skip larger files (default 2)
  -h, --help            show this help

Exit codes: 0 no warning or error, 1 at least one, 2 bad usage, an unreadable file or an error in the config file.`,
  'cli.configMissing': '--config needs a file',
  'cli.configUnreadable': '{0}: config file not found or not readable',
  'cli.configProblem': '{0}:{1}:{2}  {3}  {4}',
  'cli.initExists': '{0} already exists; not overwritten',
  'cli.initWritten': 'wrote {0}',
  'cli.initFailed': '{0}: could not be written ({1})',
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

export type CliMessageKey = keyof typeof en;

const de: Record<CliMessageKey, string> = {
  'verdict.good': 'gut',
  'verdict.needs_work': 'überarbeiten',
  'verdict.empty': 'nichts zu prüfen',
  'cli.usage': 'Aufruf: decline-coach check [--format text|json|sarif|github] [--config DATEI] [--lang auto|de|en] [--fix] [--no-exit] [--max-size MB] <Dateien…|Ordner…|->\n        decline-coach --init [Ordner]    decline-coach --help',
  'cli.help': `Decline Coach prüft Antworten, die einer Kundin oder einem Kunden „nein“ sagen: aufgreifen, Verständnis, eine Rückfrage, ehrliche Erwartungen, ein Grund, eine Alternative.

Aufruf:
  decline-coach check [Optionen] <Dateien…|Ordner…|->
  decline-coach --init [Ordner]     schreibt eine kommentierte .declinecoach.jsonc (nie über eine vorhandene)
  decline-coach --help

Ein Ordner wird nach Entwürfen (.md, .markdown, .txt) durchsucht (ohne versteckte Ordner und
node_modules; "include" und "exclude" der Konfigurationsdatei gelten). „-“ liest die Standardeingabe.

Optionen:
  -f, --format text|json|sarif|github   Ausgabe: für Menschen, JSON, SARIF 2.1.0 oder GitHub-Annotationen (Standard text)
  -c, --config DATEI    diese Konfigurationsdatei für alle Entwürfe, statt der .declinecoach.jsonc
                        (oder "decline-coach" in package.json), die jedem Entwurf am nächsten liegt, bis zur Repository-Wurzel
      --lang auto|de|en  Sprache der Entwürfe (Standard: die der Konfigurationsdatei, sonst auto)
      --fix             wendet die sicheren Umformulierungen an („-“: der korrigierte Text geht auf die Standardausgabe)
      --no-exit         Exit-Code 0 auch bei Befunden
      --max-size MB     größere Dateien überspringen (Standard 2)
  -h, --help            diese Hilfe

Exit-Codes: 0 keine Warnung und kein Fehler, 1 mindestens eins davon, 2 falscher Aufruf, eine unlesbare Datei oder ein Fehler in der Konfigurationsdatei.`,
  'cli.configMissing': '--config braucht eine Datei',
  'cli.configUnreadable': '{0}: Konfigurationsdatei nicht gefunden oder nicht lesbar',
  'cli.configProblem': '{0}:{1}:{2}  {3}  {4}',
  'cli.initExists': '{0} gibt es schon; nicht überschrieben',
  'cli.initWritten': '{0} geschrieben',
  'cli.initFailed': '{0}: konnte nicht geschrieben werden ({1})',
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

export const CLI_MESSAGES: Record<Lang, Record<CliMessageKey, string>> = { en, de };

/** The language of the CLI's own words: German when the locale says so. */
export const uiLang: Lang = langOfLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');

export function cliText(lang: Lang, key: CliMessageKey, ...args: Array<string | number>): string {
  return fillIn(CLI_MESSAGES[lang][key], args);
}

/** A message in the user's language. */
export const say = (key: CliMessageKey, ...args: Array<string | number>): string => cliText(uiLang, key, ...args);
