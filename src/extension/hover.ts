import * as vscode from 'vscode';
import { beforeAfter, type Finding, isPhraseRule, principleTitle } from '../core';
import { uiLang } from './config';
import type { Linter } from './linter';
import { LEARN_MORE_COMMAND } from './rulePage';

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The fix shown first: the safe rewrite when there is one. */
function bestFixIndex(finding: Finding): number {
  const preferred = finding.fixes.findIndex(f => f.preferred);
  return preferred === -1 ? 0 : preferred;
}

const learnMoreLink = (finding: Finding) => `command:${LEARN_MORE_COMMAND}?${encodeURIComponent(JSON.stringify([finding.ruleId]))}`;

/**
 * Hover on a finding: what VS Code's own hover lacks, once per principle — the principle, the
 * best before → after first (so it is never below the fold), then why it matters. The finding's
 * message is not repeated: VS Code shows it above.
 */
export class CoachHover implements vscode.HoverProvider {
  constructor(private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      // Judged now when the published findings are for an older version.
      const outcome = this.linter.upToDate(doc);
      if (outcome.kind !== 'judged') return undefined;
      // The phrase under the cursor first, then what the draft lacks.
      const hits = outcome.state.shown.filter(s => s.inEditor && s.diagnostic.range.contains(position))
        .sort((a, b) => Number(isPhraseRule(b.finding.ruleId)) - Number(isPhraseRule(a.finding.ruleId)));
      if (hits.length === 0) return undefined;
      const lang = uiLang();
      const text = doc.getText();
      // Trusted for one command only: the link opens the rule's page.
      const md = new vscode.MarkdownString();
      md.isTrusted = { enabledCommands: [LEARN_MORE_COMMAND] };
      const explained = new Set<string>();
      for (const { finding } of hits) {
        if (explained.has(finding.principle)) continue;
        explained.add(finding.principle);
        md.appendMarkdown(`**${escapeMarkdown(principleTitle(lang, finding.principle))}**\n\n`);
        const change = beforeAfter(text, finding, bestFixIndex(finding));
        if (change) md.appendMarkdown(`~~${escapeMarkdown(change.before)}~~ → ${escapeMarkdown(change.after)}\n\n`);
        md.appendMarkdown(`*${escapeMarkdown(finding.note)}* [${escapeMarkdown(vscode.l10n.t('Learn more'))}](${learnMoreLink(finding)})\n\n`);
      }
      const range = hits.map(h => h.diagnostic.range).reduce((a, b) => a.intersection(b) ?? a);
      return new vscode.Hover(md, range);
    } catch (e) {
      this.log.error(`Hover failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}
