import * as vscode from 'vscode';
import { api } from '../integration/helpers';
import * as assert from './assert';

describe('The web extension host', () => {
  it('runs the extension and these tests in a Web Worker, without Node', async () => {
    const scope = globalThis as { importScripts?: unknown; process?: unknown; WorkerGlobalScope?: unknown };
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the browser workbench');
    assert.equal(typeof scope.importScripts, 'function', 'a worker global scope');
    assert.equal(typeof scope.WorkerGlobalScope, 'function', 'a worker global scope');
    assert.equal(typeof scope.process, 'undefined', 'no Node process object');
    const ext = vscode.extensions.getExtension('decline-coach.decline-coach');
    assert.ok(ext, 'the extension is installed');
    // The server's Node host would run it as a workspace extension.
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'the extension runs on the browser side');
    // Its API is a live object only to code in the same extension host.
    assert.equal(typeof (await api()).analysisFor, 'function', 'the extension shares this host');
  });
});
