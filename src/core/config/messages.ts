/** What the config loader says about a config file, in English and German with the same keys (a unit test compares them). */
import { fillIn } from '../messages';
import type { Lang } from '../types';

const en = {
  'config.syntax': 'Not valid JSONC: {0}.',
  'config.notObject': 'The settings must be an object: { … }.',
  'config.unknownKey': 'Unknown setting “{0}”; it is ignored. Known settings: {1}.',
  'config.duplicateKey': '“{0}” is set twice; the last one applies.',
  'config.oneOf': '“{0}” must be one of: {1}. This value is ignored.',
  'config.stringList': '“{0}” must be a list of texts, e.g. ["…"]. This value is ignored.',
  'config.emptyString': 'An empty text here would match nothing; it is ignored.',
  'config.unknownRule': 'There is no rule “{0}”; it is ignored. Rules: {1}.',
  'config.object': '“{0}” must be an object: { … }. This value is ignored.',
  'config.phraseEntry': 'Each custom phrase needs "phrase" (a non-empty text) and "message" (a text); this entry is ignored.',
  'config.phraseKey': '“{0}” is not a setting of a custom phrase; it is ignored. Known: {1}.',
  'config.string': '“{0}” must be a text. This entry is ignored.',
} as const;

export type ConfigMessageKey = keyof typeof en;

const de: Record<ConfigMessageKey, string> = {
  'config.syntax': 'Kein gültiges JSONC: {0}.',
  'config.notObject': 'Die Einstellungen müssen ein Objekt sein: { … }.',
  'config.unknownKey': 'Unbekannte Einstellung „{0}“; sie wird ignoriert. Bekannt sind: {1}.',
  'config.duplicateKey': '„{0}“ ist zweimal gesetzt; die letzte Angabe gilt.',
  'config.oneOf': '„{0}“ muss einer dieser Werte sein: {1}. Dieser Wert wird ignoriert.',
  'config.stringList': '„{0}“ muss eine Liste von Texten sein, z. B. ["…"]. Dieser Wert wird ignoriert.',
  'config.emptyString': 'Ein leerer Text fände nichts; er wird ignoriert.',
  'config.unknownRule': 'Eine Regel „{0}“ gibt es nicht; sie wird ignoriert. Regeln: {1}.',
  'config.object': '„{0}“ muss ein Objekt sein: { … }. Dieser Wert wird ignoriert.',
  'config.phraseEntry': 'Jede eigene Formulierung braucht "phrase" (ein nicht leerer Text) und "message" (ein Text); dieser Eintrag wird ignoriert.',
  'config.phraseKey': '„{0}“ ist keine Einstellung einer eigenen Formulierung; sie wird ignoriert. Bekannt sind: {1}.',
  'config.string': '„{0}“ muss ein Text sein. Dieser Eintrag wird ignoriert.',
};

export const CONFIG_MESSAGES: Record<Lang, Record<ConfigMessageKey, string>> = { en, de };

export function configText(lang: Lang, key: ConfigMessageKey, ...args: Array<string | number>): string {
  return fillIn(CONFIG_MESSAGES[lang][key], args);
}
