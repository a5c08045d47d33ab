/**
 * token-in-url: https://user:$CI_DEPLOY_PASSWORD@host/… — git saves it in .git/config, it shows in the
 * process list, and the runner does not mask its URL-encoded form (it masks the exact value only:
 * doc/ci/variables/index.md, "Mask a CI/CD variable").
 */
import { commandParts } from '../shell.js';
import { tokenInUrl } from '../commands/calls.js';
import { refRegex } from '../commands/words.js';
import { linesFor, reportWord, type JobContext, type Rule } from '../rule.js';

function check({ scope }: JobContext): void {
  const pw = refRegex(scope.names.password);
  for (const item of linesFor(scope, (text) => text.includes('://') && pw.test(text))) {
    for (const cmd of item.cmds) {
      const { name } = commandParts(cmd);
      for (const w of cmd.words) {
        if (!tokenInUrl(w, scope.names)) continue;
        const message =
          name === 'git'
            ? 'the deploy token is inside a git URL, which git saves in .git/config; expected a credential helper or http.extraHeader'
            : 'the deploy token is inside a URL, visible in the process list and unmasked when URL-encoded; expected a netrc file or a header';
        reportWord(scope.report, tokenInUrlRule, message, item, w);
      }
    }
  }
}

export const tokenInUrlRule: Rule = {
  id: 'token-in-url',
  severity: 'warning',
  summary: 'deploy token inside a URL',
  help: 'A token in a URL is saved in .git/config by git clone/remote, shows in the process list, and its URL-encoded form is not masked by the runner. Use a credential helper, a netrc file or a header.',
  job: check,
};
