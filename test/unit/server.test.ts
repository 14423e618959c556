// The language server as an editor sees it: dist/server.js started with --stdio, spoken to in
// JSON-RPC, every wait with a deadline.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  CodeAction, ClientCapabilities, Diagnostic, Hover, InitializeResult, PublishDiagnosticsParams, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, fixAllText, MESSAGES, principleTitle, ruleDocsUrl } from '../../src/core';
import { BACKGROUND_FROM } from '../../src/core/background/checker';
import { showFindings } from '../../src/core/presentation';
import { say, SERVER_MESSAGES } from '../../src/server/messages';
import german from '../../l10n/bundle.l10n.de.json';

const SERVER = resolve(__dirname, '../../../dist/server.js');
const DEADLINE_MS = 15_000;

const CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true } },
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
};

/** An editor's side of the conversation: sends what an editor sends and keeps what the server publishes. */
class Client {
  readonly connection: MessageConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiting = new Set<() => void>();
  readonly messages: string[] = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly stderr: string[] = [];

  constructor(private readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiting.forEach(w => w());
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.waiting.forEach(w => w());
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...p.registrations);
      this.waiting.forEach(w => w());
      return null;
    });
    child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.listen();
  }

  static async start(root: string, capabilities = CAPABILITIES, locale = 'en'): Promise<{ client: Client; init: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new Client(child);
    const rootUri = pathToFileURL(root).href;
    const init = await client.request<InitializeResult>('initialize', {
      processId: process.pid, locale, rootUri, workspaceFolders: [{ uri: rootUri, name: 'drafts' }], capabilities,
    });
    client.connection.sendNotification('initialized', {});
    return { client, init };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  open(doc: TextDocument): void {
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() },
    });
  }

  /** What `find` finds in what the server sent, as soon as it does (or sooner: already sent). */
  until<T>(what: string, find: () => T | undefined): Promise<T> {
    return new Promise((done, fail) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        this.waiting.delete(check);
        clearTimeout(timer);
        done(found);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        fail(new Error(`no ${what} within ${DEADLINE_MS} ms; published ${JSON.stringify(this.published.map(p => [p.uri, p.version]))} ${this.stderr.join('')}`));
      }, DEADLINE_MS);
      this.waiting.add(check);
      check();
    });
  }

  /** The diagnostics published for `uri` at `version` (the first such). */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri} v${version}`, () => this.published.find(p => p.uri === uri && p.version === version)?.diagnostics);
  }

  /** How many publications so far: `diagnosticsAfter` waits for one after that mark. */
  mark(): number {
    return this.published.length;
  }

  /** The first diagnostics published for `uri` after `mark`. */
  diagnosticsAfter(mark: number, uri: string): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri} after #${mark}`, () => this.published.slice(mark).find(p => p.uri === uri)?.diagnostics);
  }

  /** Where diagnostics for `uri` were published, in order. */
  publishOrder(): string[] {
    return this.published.map(p => p.uri);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>(done => (this.child.exitCode !== null ? done() : this.child.once('exit', () => done())));
    await this.request('shutdown', null);
    void this.connection.sendNotification('exit');
    const timer = setTimeout(() => this.child.kill(), DEADLINE_MS);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** What the extension shows for a text: the engine's findings through the shared presentation. */
function expectedDiagnostics(doc: TextDocument, messageLanguage: 'en' | 'de' = 'en'): Array<Partial<Diagnostic>> {
  const text = doc.getText();
  const format = doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
  const shown = showFindings(text, analyze(text, { format, messageLanguage }), { severity: {}, documentFindings: 'diagnostics' });
  const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  return shown.filter(s => s.inEditor).map(s => ({
    range: { start: doc.positionAt(s.start), end: doc.positionAt(s.end) },
    severity: severity[s.severity],
    code: s.finding.ruleId,
    codeDescription: { href: ruleDocsUrl(s.finding.ruleId) },
    source: 'Decline Coach',
    message: s.finding.message,
  }));
}

function editsFor(edit: WorkspaceEdit | undefined, doc: TextDocument): TextEdit[] {
  const change = edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  assert.ok(change, `a versioned document edit: ${JSON.stringify(edit)}`);
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  return change.edits as TextEdit[];
}

const rangeOf = (doc: TextDocument, text: string, from = 0) => {
  const start = doc.getText().indexOf(text, from);
  assert.ok(start >= 0, `“${text}” in the draft`);
  return { start: doc.positionAt(start), end: doc.positionAt(start + text.length) };
};

describe('the language server (decline-coach-lsp --stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: Client | undefined;
  let nextDraft = 1;
  /** A draft under replies/, which the default include globs take; each test its own. */
  const draft = (text: string, languageId = 'markdown') => {
    const uri = pathToFileURL(join(root, 'replies', `draft-${nextDraft++}.md`)).href;
    return TextDocument.create(uri, languageId, 1, text);
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'decline-coach-lsp-'));
    mkdirSync(join(root, 'replies'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('answers initialize with incremental sync, quick fixes, fix all and hover', async () => {
    const started = await Client.start(root);
    client = started.client;
    const { capabilities, serverInfo } = started.init;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.declineCoach'] });
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(serverInfo?.name, 'decline-coach-lsp');
  });

  it('publishes the extension’s diagnostics on open, and follows incremental edits', async () => {
    ({ client } = await Client.start(root));
    const doc = draft('Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you ASAP.\n');
    client.open(doc);
    const opened = await client.diagnostics(doc.uri, 1);
    assert.deepEqual(opened, expectedDiagnostics(doc));
    const negative = opened.find(d => d.code === 'negative-phrasing');
    assert.deepEqual(negative?.range, rangeOf(doc, 'Unfortunately,'));
    assert.equal(negative?.severity, 2);
    assert.equal(negative?.message, '“Unfortunately” frames your answer negatively. Say what you can do instead.');
    assert.ok(negative?.codeDescription?.href.endsWith('/docs/rules/negative-phrasing.md'));
    assert.ok(opened.some(d => d.code === 'vague-commitment' && d.range.start.character === doc.getText().split('\n')[2].indexOf('ASAP')));

    // Two edits in one change, as an editor sends them: the last sentence rewritten, then the refusal.
    const changes = [
      { range: rangeOf(doc, 'We will get back to you ASAP.'), text: 'Which day would suit you?' },
      { range: rangeOf(doc, 'Unfortunately, the shop'), text: 'The shop' },
    ];
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: 2 }, contentChanges: changes });
    TextDocument.update(doc, changes, 2);
    const changed = await client.diagnostics(doc.uri, 2);
    assert.deepEqual(changed, expectedDiagnostics(doc));
    assert.ok(!changed.some(d => d.code === 'negative-phrasing' || d.code === 'vague-commitment'), JSON.stringify(changed));
  });

  it('leaves Markdown that is not a reply draft alone, as the extension does', async () => {
    ({ client } = await Client.start(root));
    const readme = TextDocument.create(pathToFileURL(join(root, 'README.md')).href, 'markdown', 1, 'Unfortunately, the build is slow. We fix it ASAP.\n');
    client.open(readme);
    assert.deepEqual(await client.diagnostics(readme.uri, 1), []);
    const optedIn = TextDocument.create(pathToFileURL(join(root, 'note.md')).href, 'markdown', 1, '<!-- decline-coach -->\nUnfortunately, the build is slow.\n');
    client.open(optedIn);
    assert.deepEqual(await client.diagnostics(optedIn.uri, 1), expectedDiagnostics(optedIn));
    assert.ok((await client.diagnostics(optedIn.uri, 1)).length > 0);
    // Neovim and Helix call plain text `text`.
    const plain = draft('Hi Ann,\n\nUnfortunately, the shop is closed.\nWe will get back to you ASAP.\n', 'text');
    client.open(plain);
    const diagnostics = await client.diagnostics(plain.uri, 1);
    assert.deepEqual(diagnostics, expectedDiagnostics(plain));
    assert.ok(diagnostics.some(d => d.code === 'negative-phrasing') && diagnostics.some(d => d.code === 'vague-commitment'), JSON.stringify(diagnostics));
  });

  it('offers the rewrites as quick fixes, the safe one first, whose edit gives the rewritten draft', async () => {
    ({ client } = await Client.start(root));
    const doc = draft('Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you ASAP.\n');
    client.open(doc);
    const diagnostics = await client.diagnostics(doc.uri, 1);
    const negative = diagnostics.find(d => d.code === 'negative-phrasing') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: negative.range, context: { diagnostics: [negative], triggerKind: 1 },
    });
    const first = actions[0];
    assert.equal(first.title, 'Remove “Unfortunately,”');
    assert.equal(first.kind, 'quickfix');
    assert.equal(first.isPreferred, true);
    assert.deepEqual(first.diagnostics, [negative]);
    assert.equal(TextDocument.applyEdits(doc, editsFor(first.edit, doc)),
      'Hi Ann,\n\nThanks for asking about the calendar. The shop is closed on Sunday. We will get back to you ASAP.\n');
    assert.ok(actions.some(a => a.title === 'Disable “Negative phrasing” for this line'), actions.map(a => a.title).join(' | '));

    // No snippet edits in this client: a placeholder is bracketed text to fill in.
    const vague = diagnostics.find(d => d.code === 'vague-commitment') as Diagnostic;
    const [replace] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: vague.range, context: { diagnostics: [vague], triggerKind: 1 },
    });
    assert.equal(replace.title, 'Replace with “by [date and time]”');
    assert.equal(TextDocument.applyEdits(doc, editsFor(replace.edit, doc)),
      'Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you by [date and time].\n');
  });

  it('fixes all safe rewrites as one edit, as a quick fix and as source.fixAll.declineCoach', async () => {
    ({ client } = await Client.start(root));
    const doc = draft('Hi Ann,\n\nUnfortunately, the shop is closed on Sunday. Unfortunately, the café is full.\n');
    client.open(doc);
    const diagnostics = await client.diagnostics(doc.uri, 1);
    const negative = diagnostics.find(d => d.code === 'negative-phrasing') as Diagnostic;
    const quick = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: negative.range, context: { diagnostics: [negative] },
    });
    assert.ok(quick.some(a => a.title === 'Fix all safe rewrites (2)' && a.kind === 'quickfix'), quick.map(a => a.title).join(' | '));
    const [source, ...more] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(more.length, 0);
    assert.equal(source.kind, 'source.fixAll.declineCoach');
    const fixed = TextDocument.applyEdits(doc, editsFor(source.edit, doc));
    assert.equal(fixed, 'Hi Ann,\n\nThe shop is closed on Sunday. The café is full.\n');
    assert.equal(fixed, fixAllText(doc.getText(), text => analyze(text)).text);
  });

  it('explains a finding on hover, as the extension’s hover does', async () => {
    ({ client } = await Client.start(root));
    const doc = draft('Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you ASAP.\n');
    client.open(doc);
    const negative = (await client.diagnostics(doc.uri, 1)).find(d => d.code === 'negative-phrasing') as Diagnostic;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 2, character: negative.range.start.character + 3 } });
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.ok(contents.value.startsWith(`**${principleTitle('en', 'positive')}**\n\n`), contents.value);
    assert.ok(contents.value.includes('~~Unfortunately, the shop is closed on Sunday\\.~~ → The shop is closed on Sunday\\.'), contents.value);
    assert.ok(contents.value.includes(`*${MESSAGES.en['note.positive'].replace(/[.]/g, '\\.')}* [Learn more](${ruleDocsUrl('negative-phrasing')})`), contents.value);
    assert.deepEqual(hover.range, negative.range);
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 1 } });
    assert.equal(nothing, null);
  });

  it('sends placeholders as tab stops to a client that takes snippet edits, plain hovers to one without Markdown, in the client’s language', async () => {
    const capabilities: ClientCapabilities = { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } };
    ({ client } = await Client.start(root, capabilities, 'de'));
    const doc = draft('Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you ASAP.\n');
    client.open(doc);
    const diagnostics = await client.diagnostics(doc.uri, 1);
    assert.deepEqual(diagnostics, expectedDiagnostics(doc, 'de'));
    const vague = diagnostics.find(d => d.code === 'vague-commitment') as Diagnostic;
    assert.equal(vague.message, '„ASAP“ ist vage oder verspricht, was Sie nicht in der Hand haben. Sagen Sie, was die Kundschaft wann erwarten kann.');
    const [replace] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri }, range: vague.range, context: { diagnostics: [vague] },
    });
    const change = replace.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.edits, [{ range: vague.range, snippet: { kind: 'snippet', value: 'by ${1:date and time}' } }]);
    const negative = diagnostics.find(d => d.code === 'negative-phrasing') as Diagnostic;
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: doc.uri }, position: negative.range.start });
    assert.deepEqual(hover.contents, { kind: 'plaintext', value: (hover.contents as { value: string }).value });
    assert.ok((hover.contents as { value: string }).value.startsWith(`${principleTitle('de', 'positive')}\n\nUnfortunately, the shop is closed on Sunday. → The shop is closed on Sunday.\n\n${MESSAGES.de['note.positive']}`),
      JSON.stringify(hover.contents));
  });

  it('says once that a draft over the size limit is not checked, and shows nothing on it', async () => {
    const started = await Client.start(root);
    client = started.client;
    const doc = draft(`Hi Ann,\n\nUnfortunately, no.\n${' '.repeat(2_000_000)}`);
    client.open(doc);
    assert.deepEqual(await client.diagnostics(doc.uri, 1), []);
    const message = await started.client.until('a message', () => started.client.messages[0]);
    assert.equal(message, `Decline Coach: this document has ${doc.getText().length} characters, more than declineCoach.maxDocumentSize (2000000); it is not checked.`);
  });

  it('applies the team’s config file, found upward from the draft, read again when it changes, its problems shown in it', async () => {
    const watching: ClientCapabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };
    const started = await Client.start(root, watching);
    client = started.client;
    const watch = await started.client.until('a file watch', () => started.client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles'));
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/.declinecoach.jsonc' }, { globPattern: '**/package.json' }] });
    const team = join(root, 'team');
    mkdirSync(join(team, 'replies'), { recursive: true });
    mkdirSync(join(team, 'outbox'), { recursive: true });
    try {
      const text = 'Hi Ann,\n\nThanks for asking about the calendar. Unfortunately, the shop is closed on Sunday. We will get back to you ASAP.\n';
      const reply = TextDocument.create(pathToFileURL(join(team, 'replies', 'ann.md')).href, 'markdown', 1, text);
      const outbox = TextDocument.create(pathToFileURL(join(team, 'outbox', 'ben.md')).href, 'markdown', 1, text);
      client.open(reply);
      client.open(outbox);
      const before = await client.diagnostics(reply.uri, 1);
      assert.ok(before.some(d => d.code === 'vague-commitment'));
      assert.equal(before.find(d => d.code === 'negative-phrasing')?.severity, 2);
      assert.deepEqual(await client.diagnostics(outbox.uri, 1), [], 'outbox/ is not a reply folder by default');

      const configPath = join(team, '.declinecoach.jsonc');
      const config = [
        '{',
        '  // The team’s words.',
        '  "ignoredPhrases": ["ASAP"],',
        '  "severity": { "negative-phrasing": "error" },',
        '  "include": ["replies/**", "outbox/*.md"],',
        '  "language": "klingon",',
        '}',
      ].join('\n');
      writeFileSync(configPath, config);
      const configUri = pathToFileURL(configPath).href;
      const mark = client.mark();
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
      const after = await client.diagnosticsAfter(mark, reply.uri);
      assert.ok(!after.some(d => d.code === 'vague-commitment'), JSON.stringify(after));
      assert.equal(after.find(d => d.code === 'negative-phrasing')?.severity, 1);
      assert.ok((await client.diagnosticsAfter(mark, outbox.uri)).some(d => d.code === 'negative-phrasing'), 'outbox/*.md included by the file');
      const [problem, ...others] = await client.diagnosticsAfter(mark, configUri);
      assert.equal(others.length, 0);
      const klingon = config.indexOf('"klingon"');
      const line = config.slice(0, klingon).split('\n').length - 1;
      const character = klingon - config.lastIndexOf('\n', klingon) - 1;
      assert.deepEqual(problem.range, { start: { line, character }, end: { line, character: character + '"klingon"'.length } });
      assert.equal(problem.severity, 1);
      assert.match(problem.message as string, /language/);

      // Deleted: the defaults again, and the file's problems gone with it.
      rmSync(configPath);
      const gone = client.mark();
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
      assert.deepEqual(await client.diagnosticsAfter(gone, configUri), []);
      assert.ok((await client.diagnosticsAfter(gone, reply.uri)).some(d => d.code === 'vague-commitment'));
      assert.deepEqual(await client.diagnosticsAfter(gone, outbox.uri), []);
    } finally {
      rmSync(team, { recursive: true, force: true });
    }
  });

  it('checks a big draft off its main thread: a small draft opened after it is answered first', async () => {
    ({ client } = await Client.start(root));
    // Four times the size from which drafts go to the worker, far within its time budget.
    const big = draft(`Hi Ann,\n\n${'Unfortunately the shop is closed. We will get back to you ASAP.\n\n'.repeat(Math.ceil(BACKGROUND_FROM * 4 / 66))}`);
    const small = draft('Hi Ann,\n\nUnfortunately, the shop is closed on Sunday.\n');
    client.open(big);
    client.open(small);
    await client.diagnostics(small.uri, 1);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small.uri }, position: { line: 2, character: 2 } });
    assert.ok(hover, 'the small draft’s hover');
    const bigDiagnostics = await client.diagnostics(big.uri, 1);
    assert.deepEqual(client.publishOrder().filter(u => u === big.uri || u === small.uri).slice(0, 2), [small.uri, big.uri]);
    assert.equal(bigDiagnostics.length, expectedDiagnostics(big).length);
    // Its menu has the rewrites, but no fix all, which would check the whole draft several times over.
    const negative = bigDiagnostics.find(d => d.code === 'negative-phrasing') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: big.uri }, range: negative.range, context: { diagnostics: [negative], triggerKind: 1 },
    });
    assert.ok(actions.some(a => a.isPreferred), actions.map(a => a.title).join(' | '));
    assert.ok(!actions.some(a => a.title.startsWith('Fix all')), actions.map(a => a.title).join(' | '));
  });
});

describe('the language server’s messages', () => {
  it('are the extension’s, with its German translations', () => {
    for (const message of SERVER_MESSAGES) {
      assert.ok(message in german, `no German for “${message}”`);
      assert.equal(say('de', message, 3, 4), (german as Record<string, string>)[message].replace('{0}', '3').replace('{1}', '4'));
    }
  });
});
