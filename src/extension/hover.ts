import * as vscode from 'vscode';
import { beforeAfter, isPhraseRule, principleTitle } from '../core';
import { uiLang } from './config';
import type { Linter } from './linter';

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Hover on a finding: the principle, why it matters (from the seed's advice), and the rewrites. */
export class CoachHover implements vscode.HoverProvider {
  constructor(private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const state = this.linter.published(doc);
      if (!state) return undefined;
      const offset = doc.offsetAt(position);
      const hits = state.shown.filter(s => s.finding.start <= offset && offset <= s.finding.end && isPhraseRule(s.finding.ruleId));
      if (hits.length === 0) return undefined;
      const md = new vscode.MarkdownString();
      for (const { finding } of hits) {
        md.appendMarkdown(`**Decline Coach · ${escapeMarkdown(principleTitle(uiLang(), finding.principle))}**\n\n`);
        md.appendMarkdown(`${escapeMarkdown(finding.message)}\n\n*${escapeMarkdown(finding.note)}*\n\n`);
        const text = doc.getText();
        finding.fixes.forEach((fix, i) => {
          const change = beforeAfter(text, finding, i);
          if (change) md.appendMarkdown(`- ${escapeMarkdown(change.before)} → ${escapeMarkdown(change.after)}${fix.preferred ? ' ✓' : ''}\n`);
        });
      }
      const first = hits[0].diagnostic.range;
      return new vscode.Hover(md, first);
    } catch (e) {
      this.log.error(`Hover failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}
