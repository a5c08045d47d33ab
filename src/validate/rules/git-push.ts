/**
 * git-push: no deploy token scope can write a repository (doc/user/project/deploy_tokens/index.md: the
 * repository scope is read_repository only), so `git push` with its credentials is refused by GitLab.
 */
import { gitPush } from '../commands/calls.js';
import { refRegex } from '../commands/words.js';
import { get, str } from '../../yaml/tree.js';
import { reportWord, type JobContext, type Rule } from '../rule.js';
import type { CommandScope } from '../script.js';
import { commandParts } from '../shell.js';

/** `always`: the job's git is configured with the token (a spec job with configure: git). */
function checkPushes(scope: CommandScope, always: boolean): void {
  if (!scope.usesToken || !scope.items.some((it) => /\bgit\b[\s\S]*\bpush\b/.test(it.text))) return;
  const pw = refRegex(scope.names.password);
  // In a CI job, only when some git command of the job carries the token.
  const gitWithToken =
    always ||
    scope.items.some((it) =>
      it.cmds.some((c) => commandParts(c).name === 'git' && c.words.some((w) => pw.test(w.text))),
    );
  if (!gitWithToken) return;
  for (const item of scope.items) {
    if (!/\bpush\b/.test(item.text)) continue;
    for (const cmd of item.cmds) {
      const w = gitPush(cmd);
      if (w) {
        reportWord(
          scope.report,
          gitPushRule,
          'git push cannot use a deploy token (no scope writes a repository); expected a project access token or a deploy key',
          item,
          w,
        );
      }
    }
  }
}

function check(j: JobContext): void {
  const configure = j.kind === 'spec' ? get(j.job.node, 'configure') : undefined;
  checkPushes(j.scope, configure?.kind === 'seq' && configure.items.some((c) => str(c) === 'git'));
}

export const gitPushRule: Rule = {
  id: 'git-push',
  severity: 'error',
  summary: 'git push with a deploy token',
  help: 'No deploy token scope grants write access to a repository (the scopes are read_repository, read_/write_registry, read_/write_package_registry). Push with a project access token or a deploy key.',
  job: check,
};
