/**
 * token-in-url: https://user:$CI_DEPLOY_PASSWORD@host/… — git saves it in .git/config, it shows in the
 * process list, and the runner does not mask its URL-encoded form (GITLAB_FACTS §6).
 */
import { commandParts } from '../shell.js';
import { refRegex, tokenInUrl } from '../commands.js';
import { findingAt } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';

export function checkTokenInUrl(scope: CommandScope): void {
  const pw = refRegex(scope.names.password);
  for (const item of scope.items) {
    if (scope.first && !scope.first('token-in-url', item)) continue;
    if (!item.text.includes('://') || !pw.test(item.text)) continue;
    for (const cmd of item.cmds) {
      const { name } = commandParts(cmd);
      for (const w of cmd.words) {
        if (!tokenInUrl(w, scope.names)) continue;
        const message =
          name === 'git'
            ? 'the deploy token is inside a git URL, which git saves in .git/config; expected a credential helper or http.extraHeader'
            : 'the deploy token is inside a URL, visible in the process list and unmasked when URL-encoded; expected a netrc file or a header';
        scope.report(findingAt('token-in-url', message, wordSpan(item, w), item.via));
      }
    }
  }
}
