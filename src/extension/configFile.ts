import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, type ConfigProblem, findConfig, type LoadedConfig, loadConfig, parseConfig } from '../core/config';
import { uiLang } from './config';
import { isDraftLanguage } from './selection';

/** The config file that applies to a folder, as last read; undefined when there is none. */
export interface FolderConfig {
  uri: vscode.Uri;
  loaded: LoadedConfig;
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning };

const isConfigDocument = (doc: vscode.TextDocument) => doc.uri.path.endsWith(`/${CONFIG_FILE_NAME}`);

/**
 * The team's config files, read through vscode.workspace.fs (so in the web extension and remote
 * workspaces too), remembered per folder, read again when one changes on disk; their problems
 * are diagnostics in the file, shown live while it is edited.
 */
export class ConfigFiles implements vscode.Disposable {
  readonly problems = vscode.languages.createDiagnosticCollection('declineCoach.config');
  /** Per folder (URI string): the search under way or done. */
  private readonly searches = new Map<string, Promise<FolderConfig | undefined>>();
  /** Per folder: the result, once known. */
  private readonly known = new Map<string, FolderConfig | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a config file changed on disk and the folders were searched again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAME},package.json}`);
    const reread = () => void this.reread();
    this.subscriptions = [
      watcher, watcher.onDidCreate(reread), watcher.onDidChange(reread), watcher.onDidDelete(reread),
      vscode.workspace.onDidOpenTextDocument(doc => this.showProblemsWhileEditing(doc)),
      vscode.workspace.onDidChangeTextDocument(e => this.showProblemsWhileEditing(e.document)),
    ];
    for (const doc of vscode.workspace.textDocuments) this.showProblemsWhileEditing(doc);
  }

  private static folderOf(uri: vscode.Uri): vscode.Uri | undefined {
    // Only files of a workspace folder have a config file: not untitled drafts, not files outside.
    return vscode.workspace.getWorkspaceFolder(uri) ? vscode.Uri.joinPath(uri, '..') : undefined;
  }

  /** The config for a document's folder if already known; `pending` while it is being looked for. */
  cached(uri: vscode.Uri): FolderConfig | undefined | 'pending' {
    const folder = ConfigFiles.folderOf(uri);
    if (!folder) return undefined;
    const key = folder.toString();
    return this.known.has(key) ? this.known.get(key) : 'pending';
  }

  /** Looks for the config of a document's folder (once per folder until a config file changes). Never rejects. */
  lookUp(uri: vscode.Uri): Promise<FolderConfig | undefined> {
    const folder = ConfigFiles.folderOf(uri);
    if (!folder) return Promise.resolve(undefined);
    const key = folder.toString();
    let search = this.searches.get(key);
    if (!search) {
      const generation = this.generation;
      search = this.search(folder, vscode.workspace.getWorkspaceFolder(uri)?.uri as vscode.Uri).then(found => {
        if (generation === this.generation) {
          this.known.set(key, found);
          if (found) this.showProblems(found.uri, found.loaded.problems);
        }
        return found;
      }, (e: unknown) => {
        this.log.error(`Could not look for ${CONFIG_FILE_NAME} from ${folder.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
        if (generation === this.generation) this.known.set(key, undefined);
        return undefined;
      });
      this.searches.set(key, search);
    }
    return search;
  }

  private async search(folder: vscode.Uri, workspaceFolder: vscode.Uri): Promise<FolderConfig | undefined> {
    const at = (path: string) => folder.with({ path });
    const source = await findConfig(folder.path, workspaceFolder.path, {
      read: async path => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(path)));
        } catch {
          return undefined;
        }
      },
      exists: async path => {
        try {
          await vscode.workspace.fs.stat(at(path));
          return true;
        } catch {
          return false;
        }
      },
    });
    return source && { uri: at(source.path), loaded: loadConfig(source, uiLang()) };
  }

  /** A config file changed on disk: forget every search, search again for the drafts open, then tell. */
  private async reread(): Promise<void> {
    this.generation++;
    this.searches.clear();
    this.known.clear();
    this.problems.clear();
    for (const doc of vscode.workspace.textDocuments) this.showProblemsWhileEditing(doc);
    await Promise.all(vscode.workspace.textDocuments.filter(d => !d.isClosed && isDraftLanguage(d)).map(d => this.lookUp(d.uri)));
    this.changed.fire();
  }

  private showProblemsWhileEditing(doc: vscode.TextDocument): void {
    if (!isConfigDocument(doc) || !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    const loaded = parseConfig(doc.uri.path, doc.getText(), { lang: uiLang() });
    if (loaded) this.showProblems(doc.uri, loaded.problems);
  }

  private showProblems(uri: vscode.Uri, problems: readonly ConfigProblem[]): void {
    this.problems.set(uri, problems.map(p => {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(p.line, p.character, p.endLine, p.endCharacter), p.message, SEVERITY[p.severity]);
      diagnostic.source = 'Decline Coach';
      return diagnostic;
    }));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.problems.dispose();
    this.changed.dispose();
  }
}
