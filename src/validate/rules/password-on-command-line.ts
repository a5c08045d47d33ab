/**
 * password-on-command-line: `docker|podman|buildah|helm login … -p $CI_DEPLOY_PASSWORD`. Many examples
 * do this; the password then shows in the process list and shell history (docker login's own docs
 * recommend --password-stdin).
 */
import { loginPasswordFlag } from '../commands/login.js';
import { refRegex } from '../commands/words.js';
import { findingAt } from '../finding.js';
import type { Rule } from '../rule.js';
import { wordSpan, type CommandScope } from '../script.js';

function check(scope: CommandScope): void {
  const pw = refRegex(scope.names.password);
  for (const item of scope.items) {
    if (scope.first && !scope.first('password-on-command-line', item)) continue;
    if (!pw.test(item.text)) continue;
    for (const cmd of item.cmds) {
      const hit = loginPasswordFlag(cmd, scope.names);
      if (!hit) continue;
      const span = wordSpan(item, { start: hit.flag.start, end: hit.value.end });
      scope.report(
        findingAt(
          passwordOnCommandLine,
          `${hit.tool} gets the deploy token on the command line; expected it on stdin with --password-stdin`,
          span,
          item.via,
        ),
      );
    }
  }
}

export const passwordOnCommandLine: Rule = {
  id: 'password-on-command-line',
  severity: 'error',
  summary: 'registry password passed with -p',
  help: 'A password in argv shows in the process list and shell history. Pipe it: `echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"`.',
  job: (j) => check(j.scope),
};
