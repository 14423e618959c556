/**
 * Reads a config file: JSON with comments and trailing commas, never code. Every value is
 * checked on its own; a bad one becomes a problem at its place in the file and is left out,
 * and everything else still applies. Never throws on any text.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { LineIndex } from '../lineIndex';
import { RULE_IDS } from '../rules/meta';
import { type CustomPhrase, type Lang, PRINCIPLES, type RuleId } from '../types';
import { type ConfigMessageKey, configText } from './messages';
import { type ConfigProblem, type FileConfig, type LoadedConfig, PACKAGE_JSON_KEY } from './types';

const SEVERITY_VALUES = ['default', 'error', 'warning', 'info', 'hint', 'off'] as const;
const PHRASE_SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
const CHOICES = {
  language: ['auto', 'de', 'en'],
  register: ['sie', 'du'],
  messageLanguage: ['ui', 'draft'],
} as const;
const STRING_LISTS = ['include', 'exclude', 'ignoredPhrases', 'neverPromise'] as const;
/** Every key a config file may hold, in the order the starter config and the docs list them. */
export const CONFIG_KEYS = ['$schema', 'language', 'register', 'messageLanguage', 'include', 'exclude', 'severity', 'ignoredPhrases',
  'customPhrases', 'neverPromise'] as const;
const PHRASE_KEYS = ['phrase', 'message', 'principle', 'replacement', 'severity'] as const;

interface Reader {
  problems: ConfigProblem[];
  report(node: Node | { offset: number; length: number }, severity: ConfigProblem['severity'], key: ConfigMessageKey, ...args: string[]): void;
}

function reader(text: string, lang: Lang): Reader {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  return {
    problems,
    report(node, severity, key, ...args) {
      const end = node.offset + node.length;
      const { line, character } = lines.positionAt(node.offset);
      const { line: endLine, character: endCharacter } = lines.positionAt(end);
      problems.push({ severity, message: configText(lang, key, ...args), start: node.offset, end, line, character, endLine, endCharacter });
    },
  };
}

/** The object's properties by key; a key set twice is reported and the last one counts. */
function properties(object: Node, r: Reader): Map<string, { key: Node; value: Node }> {
  const out = new Map<string, { key: Node; value: Node }>();
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value || typeof key.value !== 'string') continue;
    if (out.has(key.value)) r.report(key, 'warning', 'config.duplicateKey', key.value);
    out.set(key.value, { key, value });
  }
  return out;
}

const quoted = (values: readonly string[]) => values.map(v => `"${v}"`).join(', ');

function choice<T extends string>(name: string, node: Node, allowed: readonly T[], r: Reader): T | undefined {
  if (node.type === 'string' && allowed.includes(node.value)) return node.value as T;
  r.report(node, 'error', 'config.oneOf', name, quoted(allowed));
  return undefined;
}

/** A list of non-empty texts; a bad entry is reported and left out, a value that is no list is left out whole. */
function stringList(name: string, node: Node, r: Reader): string[] | undefined {
  if (node.type !== 'array') {
    r.report(node, 'error', 'config.stringList', name);
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'string') r.report(item, 'error', 'config.string', name);
    else if ((item.value as string).trim() === '') r.report(item, 'warning', 'config.emptyString');
    else out.push(item.value);
  }
  return out;
}

function severities(node: Node, r: Reader): FileConfig['severity'] {
  if (node.type !== 'object') {
    r.report(node, 'error', 'config.object', 'severity');
    return undefined;
  }
  const out: NonNullable<FileConfig['severity']> = {};
  for (const [id, { key, value }] of properties(node, r)) {
    if (!RULE_IDS.includes(id as RuleId)) {
      r.report(key, 'warning', 'config.unknownRule', id, RULE_IDS.join(', '));
      continue;
    }
    const level = choice(`severity.${id}`, value, SEVERITY_VALUES, r);
    if (level) out[id as RuleId] = level;
  }
  return out;
}

function customPhrase(node: Node, r: Reader): CustomPhrase | undefined {
  if (node.type !== 'object') {
    r.report(node, 'error', 'config.phraseEntry');
    return undefined;
  }
  const props = properties(node, r);
  for (const [name, { key }] of props) {
    if (!(PHRASE_KEYS as readonly string[]).includes(name)) r.report(key, 'warning', 'config.phraseKey', name, PHRASE_KEYS.join(', '));
  }
  const phrase = props.get('phrase')?.value;
  const message = props.get('message')?.value;
  if (phrase?.type !== 'string' || (phrase.value as string).trim() === '' || message?.type !== 'string') {
    r.report(node, 'error', 'config.phraseEntry');
    return undefined;
  }
  const out: CustomPhrase = { phrase: phrase.value, message: message.value };
  const principle = props.get('principle')?.value;
  if (principle) {
    const p = choice('principle', principle, PRINCIPLES, r);
    if (!p) return undefined;
    out.principle = p;
  }
  const replacement = props.get('replacement')?.value;
  if (replacement) {
    if (replacement.type !== 'string') {
      r.report(replacement, 'error', 'config.string', 'replacement');
      return undefined;
    }
    out.replacement = replacement.value;
  }
  const severity = props.get('severity')?.value;
  if (severity) {
    const s = choice('severity', severity, PHRASE_SEVERITIES, r);
    if (!s) return undefined;
    out.severity = s;
  }
  return out;
}

function settingsOf(object: Node, r: Reader): FileConfig {
  const config: FileConfig = {};
  for (const [name, { key, value }] of properties(object, r)) {
    if (name === '$schema') continue;
    if (name === 'language' || name === 'register' || name === 'messageLanguage') {
      const v = choice(name, value, CHOICES[name], r);
      if (v) (config as Record<string, unknown>)[name] = v;
    } else if ((STRING_LISTS as readonly string[]).includes(name)) {
      const v = stringList(name, value, r);
      if (v) config[name as (typeof STRING_LISTS)[number]] = v;
    } else if (name === 'severity') {
      const v = severities(value, r);
      if (v) config.severity = v;
    } else if (name === 'customPhrases') {
      if (value.type !== 'array') {
        r.report(value, 'error', 'config.object', name);
        continue;
      }
      config.customPhrases = (value.children ?? []).map(entry => customPhrase(entry, r)).filter((p): p is CustomPhrase => p !== undefined);
    } else {
      r.report(key, 'warning', 'config.unknownKey', name, CONFIG_KEYS.filter(k => k !== '$schema').join(', '));
    }
  }
  return config;
}

/**
 * The settings in a config file's text. `packageJson`: the text is a package.json and the
 * settings are under its "decline-coach" key (undefined when it has none). `lang`: the language
 * of the problems' messages.
 */
export function parseConfig(path: string, text: string, options: { packageJson?: boolean; lang?: Lang } = {}): LoadedConfig | undefined {
  const r = reader(text, options.lang ?? 'en');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors) r.report(e, 'error', 'config.syntax', printParseErrorCode(e.error));
  let settings = root;
  if (options.packageJson) {
    settings = root?.type === 'object' ? properties(root, reader(text, 'en')).get(PACKAGE_JSON_KEY)?.value : undefined;
    if (!settings) return undefined;
  }
  if (settings === undefined) return { path, config: {}, problems: r.problems };
  if (settings.type !== 'object') {
    r.report(settings, 'error', 'config.notObject');
    return { path, config: {}, problems: r.problems };
  }
  return { path, config: settingsOf(settings, r), problems: r.problems };
}
