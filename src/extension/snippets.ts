import * as vscode from 'vscode';
import { uiLang } from './config';
import { parseSnippets, type SnippetEntry, snippetSortTexts } from './snippetOrder';

/**
 * The phrase snippets (snippets/decline-coach.code-snippets) as completions, the UI language's
 * first. Contributed snippets cannot be ordered that way: VS Code sorts them by prefix.
 */
export class SnippetCompletions implements vscode.CompletionItemProvider {
  private entries: Promise<SnippetEntry[]> | undefined;

  constructor(private readonly file: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  private load(): Promise<SnippetEntry[]> {
    this.entries ??= Promise.resolve(vscode.workspace.fs.readFile(this.file)).then(bytes => parseSnippets(new TextDecoder().decode(bytes)), e => {
      this.log.error(`Snippets could not be read from ${this.file.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      this.entries = undefined;
      return [];
    });
    return this.entries;
  }

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const entries = await this.load();
    // What is typed of a prefix: VS Code filters the items against it, as it does for contributed snippets.
    const typed = /[\w-]*$/.exec(doc.lineAt(position.line).text.slice(0, position.character))?.[0] ?? '';
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    const order = snippetSortTexts(entries, uiLang());
    return entries.map((entry, i) => {
      const item = new vscode.CompletionItem({ label: entry.prefix, description: entry.name }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(entry.body);
      item.detail = entry.description;
      item.filterText = entry.prefix;
      item.sortText = order[i];
      item.range = range;
      return item;
    });
  }
}
