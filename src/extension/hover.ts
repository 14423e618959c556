import * as vscode from 'vscode';
import type { RuleId } from '../core';
import { hoverAt } from '../core/presentation';
import { uiLang } from './config';
import type { Linter } from './linter';
import { LEARN_MORE_COMMAND } from './rulePage';

const learnMoreLink = (ruleId: RuleId) => `command:${LEARN_MORE_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;

/**
 * Hover on a finding: what VS Code's own hover lacks, once per principle (see core/presentation.ts).
 * The finding's message is not repeated: VS Code shows it above.
 */
export class CoachHover implements vscode.HoverProvider {
  constructor(private readonly linter: Linter, private readonly log: vscode.LogOutputChannel) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      // Judged now when the published findings are for an older version.
      const outcome = this.linter.upToDate(doc);
      if (outcome.kind !== 'judged') return undefined;
      const hover = hoverAt(doc.getText(), outcome.state.shown, doc.offsetAt(position), uiLang(),
        { learnMore: { label: vscode.l10n.t('Learn more'), link: learnMoreLink } });
      if (!hover) return undefined;
      // Trusted for one command only: the link opens the rule's page.
      const md = new vscode.MarkdownString(hover.content);
      md.isTrusted = { enabledCommands: [LEARN_MORE_COMMAND] };
      return new vscode.Hover(md, new vscode.Range(doc.positionAt(hover.start), doc.positionAt(hover.end)));
    } catch (e) {
      this.log.error(`Hover failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}
