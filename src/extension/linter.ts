import * as vscode from 'vscode';
import { type Analysis, type AnalyzeInput, Analyzer, ruleDocsUrl, type Severity, withFindings } from '../core';
import { type CoachConfig, messageLanguage, readConfig } from './config';
import type { ConfigFiles } from './configFile';
import { isDraftLanguage, isReplyDraft } from './selection';
import { BACKGROUND_BUDGET_SECONDS, BACKGROUND_FROM, type BackgroundChecker } from '../core/background/checker';
import { showFindings, type ShownFinding } from '../core/presentation';
import { TypingDelay } from '../core/typingDelay';

export const SOURCE = 'Decline Coach';

export interface DraftState {
  /** The document judged: an untitled name ("Untitled-1") is reused by the next new draft. */
  document: vscode.TextDocument;
  /** The document version the analysis was computed for. */
  version: number;
  analysis: Analysis;
  /** Findings that are shown (severity not `off`), with their diagnostics; in the panel, and in the editor when `inEditor`. */
  shown: Array<ShownFinding & { diagnostic: vscode.Diagnostic }>;
}

/** What became of a request to check a document. */
export type LintOutcome =
  | { kind: 'judged'; state: DraftState }
  /** Closed, not Markdown or plain text, turned off, excluded, or not a reply draft. */
  | { kind: 'notReply' }
  | { kind: 'tooLarge' }
  /** Being checked in the background; published when done. */
  | { kind: 'checking' }
  /** The check took longer than its time budget and was stopped. */
  | { kind: 'abandoned' }
  /** The check threw; the error is in the log. */
  | { kind: 'failed' };

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function analyzeOptions(doc: vscode.TextDocument, config: CoachConfig): AnalyzeInput {
  return {
    language: config.language,
    format: doc.languageId === 'plaintext' ? 'plaintext' : 'markdown',
    ignoredPhrases: config.ignoredPhrases,
    customPhrases: config.customPhrases,
    neverPromise: config.neverPromise,
    register: config.register,
    messageLanguage: messageLanguage(config),
  };
}

/**
 * Publishes diagnostics for reply drafts: debounced while typing, with results for an older
 * document version dropped, and one document's failure logged without stopping the others.
 */
export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('declineCoach');
  private readonly states = new Map<string, DraftState>();
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly typingDelay = new TypingDelay();
  private readonly tooLargeSaid = new Set<string>();
  private readonly abandonedSaid = new Set<string>();
  /** Documents being checked in the background, with the version being checked. */
  private readonly checking = new Map<string, number>();
  /** Documents whose last background check was abandoned, with that version. */
  private readonly abandoned = new Map<string, number>();
  private untrustedSaid = false;
  private invalidSaid = false;
  private readonly openedForReview = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's findings were published (or cleared). */
  readonly onDidLint = this.changed.event;

  /**
   * `background`: where big drafts are checked; without one, every check runs in-process.
   * `configFiles`: the team's config files; without them, VS Code's settings alone apply.
   */
  constructor(private readonly log: vscode.LogOutputChannel, private readonly background?: BackgroundChecker,
    private readonly configFiles?: ConfigFiles) {}

  /** The document's settings with its folder's config file; a folder not yet searched is searched, and checked again if it has one. */
  private configOf(doc: vscode.TextDocument): CoachConfig {
    const team = this.teamConfigOf(doc);
    if (team === 'pending') {
      void this.configFiles?.lookUp(doc.uri).then(found => { if (found) this.schedule(doc, 0); });
      return readConfig(doc.uri);
    }
    return readConfig(doc.uri, team && { uri: team.uri, config: team.loaded.config });
  }

  /** Only Markdown and plain text can be drafts: other documents need no config file. */
  private teamConfigOf(doc: vscode.TextDocument): ReturnType<ConfigFiles['cached']> {
    return isDraftLanguage(doc) ? this.configFiles?.cached(doc.uri) : undefined;
  }

  /** What is shown for the document's current version; undefined when nothing is, or it is outdated. */
  published(doc: vscode.TextDocument): DraftState | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.document === doc && s.version === doc.version ? s : undefined;
  }

  /** Checks a document from now on, whatever its name, because the writer asked for a review. */
  review(doc: vscode.TextDocument): void {
    this.openedForReview.add(doc.uri.toString());
    this.lint(doc);
  }

  /** Judges soon: after a pause in typing (as long as the draft's checks allow), or at once. */
  schedule(doc: vscode.TextDocument, delay?: number): void {
    const key = doc.uri.toString();
    delay ??= this.typingDelay.delay(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // A folder's config file is looked for before its first check, so that no finding it hides flashes up.
      if (this.configFiles && this.teamConfigOf(doc) === 'pending') void this.configFiles.lookUp(doc.uri).then(() => this.lint(doc));
      else this.lint(doc);
    }, delay));
  }

  /** Judges the document's current version now and publishes the result. Never throws. */
  lint(doc: vscode.TextDocument): LintOutcome {
    const key = doc.uri.toString();
    try {
      if (doc.isClosed) return { kind: 'notReply' };
      const config = this.configOf(doc);
      if (!isReplyDraft(doc, config, this.openedForReview)) {
        this.clear(doc.uri);
        return { kind: 'notReply' };
      }
      this.sayOnce(config);
      const text = doc.getText();
      if (text.length > config.maxDocumentSize) {
        this.clear(doc.uri);
        if (!this.tooLargeSaid.has(key)) {
          this.tooLargeSaid.add(key);
          void vscode.window.showInformationMessage(vscode.l10n.t(
            'Decline Coach: this document has {0} characters, more than declineCoach.maxDocumentSize ({1}); it is not checked.',
            text.length, config.maxDocumentSize));
        }
        return { kind: 'tooLarge' };
      }
      if (this.background && text.length >= BACKGROUND_FROM) return this.lintInBackground(doc, text, config);
      let analyzer = this.analyzers.get(key);
      if (!analyzer) this.analyzers.set(key, (analyzer = this.newAnalyzer()));
      // Synchronous: the document cannot change between getText() and publishing.
      const started = performance.now();
      const analysis = analyzer.analyze(text, analyzeOptions(doc, config));
      this.typingDelay.record(key, performance.now() - started);
      return { kind: 'judged', state: this.publish(doc, doc.version, text, analysis, config) };
    } catch (e) {
      this.log.error(`Could not check ${doc.uri.toString(true)}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return { kind: 'failed' };
    }
  }

  /** Starts a check in the worker (unless this version is already being checked) and publishes its result. */
  private lintInBackground(doc: vscode.TextDocument, text: string, config: CoachConfig): LintOutcome {
    const key = doc.uri.toString();
    const version = doc.version;
    if (this.abandoned.get(key) === version) return { kind: 'abandoned' };
    if (this.checking.get(key) === version) return { kind: 'checking' };
    this.checking.set(key, version);
    const started = performance.now();
    void (this.background as BackgroundChecker).check(key, text, analyzeOptions(doc, config)).then(result => {
      if (this.checking.get(key) === version) this.checking.delete(key);
      // Edited or closed meanwhile: the check of the newer version publishes.
      if (doc.isClosed || doc.version !== version) return;
      if (result.kind === 'done') {
        this.typingDelay.record(key, performance.now() - started);
        for (const problem of result.problems) this.log.error(problem);
        this.publish(doc, version, text, result.analysis, config);
      } else if (result.kind === 'interrupted') {
        this.schedule(doc, 0);
      } else if (result.kind === 'abandoned') {
        this.abandoned.set(key, version);
        this.clear(doc.uri);
        this.changed.fire(doc);
        if (!this.abandonedSaid.has(key)) {
          this.abandonedSaid.add(key);
          void vscode.window.showWarningMessage(vscode.l10n.t(
            'Decline Coach: checking {0} took longer than {1} seconds and was stopped; it is not checked until it changes.',
            vscode.workspace.asRelativePath(doc.uri), BACKGROUND_BUDGET_SECONDS));
        }
      } else {
        this.log.error(`Could not check ${doc.uri.toString(true)}: ${result.error}`);
      }
    });
    return { kind: 'checking' };
  }

  /** Judges any text as this document's findings would be shown (rules turned off left out). */
  judgeAsShown(doc: vscode.TextDocument): (text: string) => Analysis {
    const config = this.configOf(doc);
    const options = analyzeOptions(doc, config);
    const analyzer = this.newAnalyzer();
    return text => {
      const analysis = analyzer.analyze(text, options);
      return withFindings(analysis, analysis.findings.filter(f => config.severity[f.ruleId] !== 'off'));
    };
  }

  /** An analyzer that logs an engine bug (an invalid finding) and leaves the finding out. */
  private newAnalyzer(): Analyzer {
    return new Analyzer(error => this.log.error(error.message));
  }

  /** The outcome for the document's current version, judged now unless already published. */
  upToDate(doc: vscode.TextDocument): LintOutcome {
    const state = this.published(doc);
    return state ? { kind: 'judged', state } : this.lint(doc);
  }

  private publish(doc: vscode.TextDocument, version: number, text: string, analysis: Analysis, config: CoachConfig): DraftState {
    const shown = showFindings(text, analysis, config).map(s => {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), s.finding.message, SEVERITY[s.severity]);
      diagnostic.source = SOURCE;
      diagnostic.code = { value: s.finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(s.finding.ruleId)) };
      return { ...s, diagnostic };
    });
    const state: DraftState = { document: doc, version, analysis, shown };
    this.states.set(doc.uri.toString(), state);
    this.collection.set(doc.uri, shown.filter(s => s.inEditor).map(s => s.diagnostic));
    this.changed.fire(doc);
    return state;
  }

  private sayOnce(config: CoachConfig): void {
    if (config.untrustedPhrasesSkipped && !this.untrustedSaid) {
      this.untrustedSaid = true;
      void vscode.window.showInformationMessage(vscode.l10n.t(
        'Decline Coach: this workspace is not trusted, so its own custom phrases (declineCoach.customPhrases, .declinecoach.jsonc) are not applied (your user settings are).'));
    }
    if (config.invalidPhrases > 0 && !this.invalidSaid) {
      this.invalidSaid = true;
      this.log.warn(`${config.invalidPhrases} entr${config.invalidPhrases === 1 ? 'y' : 'ies'} of declineCoach.customPhrases need "phrase" and "message" and were skipped.`);
    }
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const had = this.states.delete(key);
    this.analyzers.delete(key);
    this.checking.delete(key);
    this.background?.forget(key);
    this.collection.delete(uri);
    if (had) {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
      if (doc) this.changed.fire(doc);
    }
  }

  /** A document closed. Its URI may already belong to a new draft opened under the same untitled name: that one is judged afresh. */
  forget(closed: vscode.TextDocument): void {
    const key = closed.uri.toString();
    const state = this.states.get(key);
    if (state && state.document !== closed) return;
    this.clear(closed.uri);
    this.tooLargeSaid.delete(key);
    this.abandonedSaid.delete(key);
    this.abandoned.delete(key);
    this.typingDelay.forget(key);
    this.openedForReview.delete(key);
    const reopened = vscode.workspace.textDocuments.find(d => d !== closed && !d.isClosed && d.uri.toString() === key);
    if (reopened) this.schedule(reopened, 0);
  }

  lintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.lint(doc);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.background?.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }
}
