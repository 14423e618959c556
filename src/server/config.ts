/**
 * The settings a document is checked with in the language server: the extension's defaults
 * (package.json), the same shape as the extension's settings.
 */
import type { CustomPhrase, Lang } from '../core';
import type { ShowSettings } from '../core/presentation';

export interface ServerConfig extends ShowSettings {
  include: string[];
  exclude: string[];
  language: 'auto' | Lang;
  ignoredPhrases: string[];
  customPhrases: CustomPhrase[];
  messageLanguage: 'ui' | 'draft';
  maxDocumentSize: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  include: ['**/*.reply.md', '**/*.draft.md', '**/replies/**', '**/drafts/**'],
  exclude: [],
  language: 'auto',
  severity: {},
  ignoredPhrases: [],
  customPhrases: [],
  messageLanguage: 'ui',
  maxDocumentSize: 2_000_000,
  documentFindings: 'diagnostics',
};
