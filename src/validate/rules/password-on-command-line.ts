/**
 * password-on-command-line: `docker|podman|buildah|helm login … -p $CI_DEPLOY_PASSWORD`. Many examples
 * do this; the password then shows in the process list and shell history (docker login's own docs
 * recommend --password-stdin).
 */
import { loginPasswordFlag } from '../commands/login.js';
import { refRegex } from '../commands/words.js';
import { linesFor, reportWord, type JobContext, type Rule } from '../rule.js';

function check({ scope }: JobContext): void {
  const pw = refRegex(scope.names.password);
  for (const item of linesFor(scope, (text) => pw.test(text))) {
    for (const cmd of item.cmds) {
      const hit = loginPasswordFlag(cmd, scope.names);
      if (!hit) continue;
      reportWord(
        scope.report,
        passwordOnCommandLine,
        `${hit.tool} gets the deploy token on the command line; expected it on stdin with --password-stdin`,
        item,
        { start: hit.flag.start, end: hit.value.end },
      );
    }
  }
}

export const passwordOnCommandLine: Rule = {
  id: 'password-on-command-line',
  severity: 'error',
  summary: 'registry password passed with -p',
  help: 'A password in argv shows in the process list and shell history. Pipe it: `echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"`.',
  job: check,
};
