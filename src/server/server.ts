/**
 * The language server: Decline Coach's diagnostics, quick fixes and hover for any editor that
 * speaks LSP, over the same engine and the same choices as the VS Code extension.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, CodeActionTriggerKind, type Connection, DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type InitializeResult,
  MarkupKind, MessageType, type Range, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Lang, langOfLocale, LineIndex, ruleDocsUrl } from '../core';
import { BACKGROUND_BUDGET_SECONDS, BACKGROUND_FROM, BackgroundChecker } from '../core/background/checker';
import type { WorkerPort } from '../core/background/protocol';
import { CONFIG_FILE_NAME } from '../core/config';
import { hoverAt } from '../core/presentation';
import { Checks } from './checks';
import { type ConfigFile, filePath, ServerSettings } from './config';
import { say } from './messages';
import { type EditSupport, FIX_ALL_KIND, fixAllAction, quickFixes, SOURCE, toDiagnostic } from './lsp';

export interface ServerOptions {
  name: string;
  version: string;
  /** Starts the worker that checks big drafts; without one they are checked in-process. */
  spawnWorker?: () => Promise<WorkerPort>;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let uiLang: Lang = 'en';
  let support: EditSupport = { documentChanges: false, snippets: false };
  let hoverFormat: 'markdown' | 'plaintext' = 'plaintext';
  let roots: string[] = [];
  const background = options.spawnWorker && new BackgroundChecker(options.spawnWorker, BACKGROUND_BUDGET_SECONDS * 1000);
  let watchesFiles = false;
  const logError = (message: string) => connection.console.error(message);

  /** A config file's problems, as diagnostics at their places in it. */
  const showProblems = (file: ConfigFile) => {
    const lines = new LineIndex(file.text);
    void connection.sendDiagnostics({
      uri: pathToFileURL(file.path).href,
      diagnostics: file.problems.map(p => ({
        range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: SOURCE,
        message: p.message,
      })),
    });
  };
  const settings = new ServerSettings(() => roots, () => uiLang, showProblems);

  const checks = new Checks({
    document: uri => documents.get(uri),
    config: uri => settings.configFor(uri),
    matches: (uri, globs) => settings.matches(uri, globs),
    get uiLang() { return uiLang; },
    publish: (uri, version, shown) => {
      const doc = documents.get(uri);
      if (!doc) return;
      void connection.sendDiagnostics({ uri, version, diagnostics: shown.filter(s => s.inEditor).map(s => toDiagnostic(doc, s)) });
    },
    // A notification, not window/showMessageRequest: nothing to answer, and no client that lacks it can fail it.
    tell: (message, kind) => void connection.sendNotification(ShowMessageNotification.type, { type: kind === 'warning' ? MessageType.Warning : MessageType.Info, message }),
    error: logError,
  }, background);

  /** A handler that logs what it throws and answers `fallback`: a bug must never break the client. */
  const guarded = <P, R>(what: string, fallback: R, handler: (params: P) => R) => (params: P): R => {
    try {
      return handler(params);
    } catch (e) {
      logError(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    uiLang = langOfLocale(params.locale ?? 'en');
    const edits = params.capabilities.workspace?.workspaceEdit;
    // Snippet edits are sent only inside versioned document edits, as LSP 3.18 defines them.
    support = { documentChanges: edits?.documentChanges === true, snippets: edits?.documentChanges === true && edits.snippetEditSupport === true };
    hoverFormat = params.capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ? 'markdown' : 'plaintext';
    const folders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(filePath).filter((p): p is string => p !== undefined);
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: options.name, version: options.version },
    };
  });

  connection.onInitialized(() => {
    // Editors that watch files for servers tell this one when a config file changes.
    if (watchesFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/package.json' }],
      }).catch(e => logError(`Could not watch config files: ${e instanceof Error ? e.message : String(e)}`));
    }
  });

  connection.onDidChangeWatchedFiles(guarded('Config change', undefined, params => {
    const configs = params.changes.filter(c => {
      const path = filePath(c.uri) ?? '';
      return path.endsWith(`/${CONFIG_FILE_NAME}`) || path.endsWith('/package.json');
    });
    if (configs.length === 0) return;
    // A deleted file's problems go with it.
    for (const c of configs) if (c.type === FileChangeType.Deleted) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
    settings.clear();
    checks.checkAll(documents.keys());
  }));

  // A document opened is checked at once; an edit after the pause in typing.
  const opening = new Set<string>();
  documents.onDidOpen(e => opening.add(e.document.uri));
  documents.onDidChangeContent(e => checks.schedule(e.document.uri, opening.delete(e.document.uri) ? 0 : undefined));
  documents.onDidClose(e => {
    checks.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(guarded('Hover', null, params => {
    const doc = documents.get(params.textDocument.uri);
    const judged = doc && checks.upToDate(doc.uri);
    if (!doc || !judged) return null;
    const hover = hoverAt(judged.text, judged.shown, doc.offsetAt(params.position), uiLang,
      { format: hoverFormat, learnMore: { label: say(uiLang, 'Learn more'), link: ruleDocsUrl } });
    if (!hover) return null;
    return { contents: { kind: hoverFormat, value: hover.content }, range: { start: doc.positionAt(hover.start), end: doc.positionAt(hover.end) } };
  }));

  connection.onCodeAction(guarded('Code actions', [], params => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { only, triggerKind } = params.context;
    const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(`${o}.`) || o.startsWith(`${kind}.`));
    const judge = () => checks.judgeAsShown(doc);
    if (only && wants(FIX_ALL_KIND) && !wants(CodeActionKind.QuickFix)) {
      const judged = checks.upToDate(doc.uri);
      const all = judged && fixAllAction(doc, judge(), FIX_ALL_KIND, 1, [], uiLang, support);
      return all ? [all] : [];
    }
    if (!wants(CodeActionKind.QuickFix)) return [];
    // Asked for: judged now when the published findings are outdated. Asked automatically (a
    // light bulb after each keystroke): the debounced check is awaited instead of forced.
    const judged = triggerKind === CodeActionTriggerKind.Automatic ? checks.published(doc.uri) : checks.upToDate(doc.uri);
    if (!judged) return [];
    const range: Range = params.range;
    // Fixing all of a big draft takes several checks in a row: only when asked for (source.fixAll), never for every menu.
    const big = judged.text.length >= BACKGROUND_FROM;
    return quickFixes(doc, judged.shown, doc.offsetAt(range.start), doc.offsetAt(range.end), uiLang, support,
      diagnostics => (big ? undefined : fixAllAction(doc, judge(), CodeActionKind.QuickFix, 2, diagnostics, uiLang, support)));
  }));

  connection.onShutdown(() => checks.dispose());
  documents.listen(connection);
  connection.listen();
}
