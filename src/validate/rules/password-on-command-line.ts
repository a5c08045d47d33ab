/**
 * password-on-command-line: `docker|podman|buildah|helm login … -p $CI_DEPLOY_PASSWORD`. The seed's own
 * example does this; the password then shows in the process list and shell history (GITLAB_FACTS §8).
 */
import { loginPasswordFlag, refRegex } from '../commands.js';
import { findingAt } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';

export function checkPasswordOnCommandLine(scope: CommandScope): void {
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
          'password-on-command-line',
          `${hit.tool} gets the deploy token on the command line; expected it on stdin with --password-stdin`,
          span,
          item.via,
        ),
      );
    }
  }
}
