/**
 * What the language server says, in the words and German translations the extension uses
 * (l10n/bundle.l10n.de.json), so the two never drift apart.
 */
import type { Lang } from '../core';
import { fillIn } from '../core';
import german from '../../l10n/bundle.l10n.de.json';

export const SERVER_MESSAGES = [
  'Fix all safe rewrites ({0})',
  'Disable “{0}” for this line',
  'Learn more',
  'Decline Coach: this document has {0} characters, more than declineCoach.maxDocumentSize ({1}); it is not checked.',
  'Decline Coach: checking {0} took longer than {1} seconds and was stopped; it is not checked until it changes.',
] as const;

export type ServerMessage = (typeof SERVER_MESSAGES)[number];

export function say(lang: Lang, message: ServerMessage, ...args: Array<string | number>): string {
  const template = lang === 'de' ? (german as Record<string, string>)[message] ?? message : message;
  return fillIn(template, args);
}
