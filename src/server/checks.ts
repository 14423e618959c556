/**
 * The server's checks of open documents, as the extension's linter does them: debounced while
 * typing (the pause adapts to how long the draft's checks take), big drafts checked in a worker
 * within a time budget, results for an older version dropped, one document's failure logged
 * without stopping the others.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, type AnalyzeInput, Analyzer, type Lang, withFindings } from '../core';
import { BACKGROUND_BUDGET_SECONDS, BACKGROUND_FROM, type BackgroundChecker } from '../core/background/checker';
import { analyzeOptionsOf } from '../core/config';
import { headOf, isReplyDraftBy } from '../core/drafts';
import { showFindings, type ShownFinding } from '../core/presentation';
import { TypingDelay } from '../core/typingDelay';
import { filePath, type ServerConfig } from './config';
import { say } from './messages';

/** A document's findings as published, for the version (and its text) they were computed for. */
export interface Judged {
  version: number;
  text: string;
  shown: ShownFinding[];
}

/** What the checks need from the server around them. */
export interface CheckHost {
  document(uri: string): TextDocument | undefined;
  /** The settings for a document (its config file, else the defaults). */
  config(uri: string): ServerConfig;
  /** Whether the document matches any of the globs (include, exclude). */
  matches(uri: string, globs: readonly string[]): boolean;
  /** The language the server speaks (the client's locale). */
  uiLang: Lang;
  /** Diagnostics for the version the document has now. */
  publish(uri: string, version: number, shown: ShownFinding[]): void;
  tell(message: string, kind: 'info' | 'warning'): void;
  error(message: string): void;
}

/** Language ids of drafts: VS Code's, and Neovim's and Helix's `text` for plain text. */
const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext', 'text']);

function analyzeOptions(doc: TextDocument, config: ServerConfig, uiLang: Lang): AnalyzeInput {
  return { ...analyzeOptionsOf(config, uiLang), format: doc.languageId === 'markdown' ? 'markdown' : 'plaintext' };
}

export class Checks {
  private readonly judged = new Map<string, Judged>();
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly typingDelay = new TypingDelay();
  /** Documents being checked in the background, with the version being checked. */
  private readonly checking = new Map<string, number>();
  /** Documents whose last background check was abandoned, with that version. */
  private readonly abandoned = new Map<string, number>();
  private readonly said = new Set<string>();
  /** Documents whose last published diagnostics were none: not published again while so. */
  private readonly cleared = new Set<string>();

  constructor(private readonly host: CheckHost, private readonly background: BackgroundChecker | undefined) {}

  /** Checks soon: after a pause in typing (as long as the draft's checks allow), or at once. */
  schedule(uri: string, delay = this.typingDelay.delay(uri)): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.check(uri);
    }, delay));
  }

  /** The findings published for the document's current version, if any. */
  published(uri: string): Judged | undefined {
    const judged = this.judged.get(uri);
    return judged && judged.version === this.host.document(uri)?.version ? judged : undefined;
  }

  /** The findings for the document's current version: published, or judged now (not a big draft). */
  upToDate(uri: string): Judged | undefined {
    const doc = this.host.document(uri);
    if (!doc) return undefined;
    const judged = this.published(uri);
    if (judged) return judged;
    // A big draft is being judged in the background: never wait for it here.
    if (doc.getText().length >= BACKGROUND_FROM && this.background) return undefined;
    this.check(uri);
    return this.published(uri);
  }

  /** Judges text as this document's findings are shown (rules turned off left out): for fix all. */
  judgeAsShown(doc: TextDocument): (text: string) => Analysis {
    const config = this.host.config(doc.uri);
    const options = analyzeOptions(doc, config, this.host.uiLang);
    const analyzer = new Analyzer(error => this.host.error(error.message));
    return text => {
      const analysis = analyzer.analyze(text, options);
      return withFindings(analysis, analysis.findings.filter(f => config.severity[f.ruleId] !== 'off'));
    };
  }

  private isDraft(doc: TextDocument, config: ServerConfig): boolean {
    if (!DRAFT_LANGUAGES.has(doc.languageId)) return false;
    const matches = (globs: readonly string[]) => this.host.matches(doc.uri, globs);
    return isReplyDraftBy({
      excluded: matches(config.exclude),
      openedForReview: false,
      included: matches(config.include),
      untitled: doc.uri.startsWith('untitled:'),
    }, () => headOf(doc.getText()));
  }

  /** Judges the document's current version and publishes the result. Never throws. */
  check(uri: string): void {
    const doc = this.host.document(uri);
    if (!doc) return;
    try {
      const config = this.host.config(uri);
      if (!this.isDraft(doc, config)) return this.clear(uri, doc.version);
      const text = doc.getText();
      if (text.length > config.maxDocumentSize) {
        this.clear(uri, doc.version);
        this.sayOnce(`size ${uri}`, say(this.host.uiLang,
          'Decline Coach: this document has {0} characters, more than declineCoach.maxDocumentSize ({1}); it is not checked.',
          text.length, config.maxDocumentSize), 'info');
        return;
      }
      const options = analyzeOptions(doc, config, this.host.uiLang);
      if (this.background && text.length >= BACKGROUND_FROM) return this.checkInBackground(uri, doc.version, text, options, config);
      let analyzer = this.analyzers.get(uri);
      if (!analyzer) this.analyzers.set(uri, (analyzer = new Analyzer(error => this.host.error(error.message))));
      const started = performance.now();
      const analysis = analyzer.analyze(text, options);
      this.typingDelay.record(uri, performance.now() - started);
      this.publish(uri, doc.version, text, analysis, config);
    } catch (e) {
      this.host.error(`Could not check ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  private checkInBackground(uri: string, version: number, text: string, options: AnalyzeInput, config: ServerConfig): void {
    if (this.abandoned.get(uri) === version || this.checking.get(uri) === version) return;
    this.checking.set(uri, version);
    const started = performance.now();
    void (this.background as BackgroundChecker).check(uri, text, options).then(result => {
      if (this.checking.get(uri) === version) this.checking.delete(uri);
      // Edited or closed meanwhile: the check of the newer version publishes.
      if (this.host.document(uri)?.version !== version) return;
      if (result.kind === 'done') {
        this.typingDelay.record(uri, performance.now() - started);
        for (const problem of result.problems) this.host.error(problem);
        this.publish(uri, version, text, result.analysis, config);
      } else if (result.kind === 'interrupted') {
        this.schedule(uri, 0);
      } else if (result.kind === 'abandoned') {
        this.abandoned.set(uri, version);
        this.clear(uri, version);
        this.sayOnce(`abandoned ${uri}`, say(this.host.uiLang,
          'Decline Coach: checking {0} took longer than {1} seconds and was stopped; it is not checked until it changes.',
          filePath(uri) ?? uri, BACKGROUND_BUDGET_SECONDS), 'warning');
      } else {
        this.host.error(`Could not check ${uri}: ${result.error}`);
      }
    });
  }

  private publish(uri: string, version: number, text: string, analysis: Analysis, config: ServerConfig): void {
    const shown = showFindings(text, analysis, config);
    this.judged.set(uri, { version, text, shown });
    this.cleared.delete(uri);
    this.host.publish(uri, version, shown);
  }

  /** Not checked (any more): nothing shown. */
  private clear(uri: string, version: number): void {
    this.judged.delete(uri);
    this.analyzers.delete(uri);
    if (this.cleared.has(uri)) return;
    this.cleared.add(uri);
    this.host.publish(uri, version, []);
  }

  private sayOnce(key: string, message: string, kind: 'info' | 'warning'): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.host.tell(message, kind);
  }

  /** A document closed: everything about it goes. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.judged.delete(uri);
    this.analyzers.delete(uri);
    this.checking.delete(uri);
    this.abandoned.delete(uri);
    this.cleared.delete(uri);
    this.typingDelay.forget(uri);
    for (const key of [...this.said]) if (key.endsWith(` ${uri}`)) this.said.delete(key);
    this.background?.forget(uri);
  }

  /** Settings changed: every open document is checked again. */
  checkAll(uris: readonly string[]): void {
    for (const uri of uris) this.schedule(uri, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.background?.dispose();
  }
}
