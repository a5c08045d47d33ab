/**
 * git-push: no deploy token scope can write a repository (the seed's scope table has read_repository
 * only), so `git push` with its credentials is refused by GitLab.
 */
import { gitPush, refRegex } from '../commands.js';
import { findingAt } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';
import { commandParts } from '../shell.js';

/** `always`: the job's git is configured with the token (a spec job with configure: git). */
export function checkGitPush(scope: CommandScope, always: boolean): void {
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
        scope.report(
          findingAt(
            'git-push',
            'git push cannot use a deploy token (no scope writes a repository); expected a project access token or a deploy key',
            wordSpan(item, w),
            item.via,
          ),
        );
      }
    }
  }
}
