/**
 * token-in-log (commands): echo/printf of the token, printenv/env/export -p dumps, set -x traces in a job
 * that uses the token. The runner masks only the exact bytes of masked variables (GITLAB_FACTS §6).
 * CI_DEBUG_TRACE is checked with the job's variables (ci-rules.ts).
 */
import { logLeak } from '../commands.js';
import { findingAt } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';

export function checkTokenInLog(scope: CommandScope): void {
  if (!scope.usesToken) return;
  for (const item of scope.items) {
    for (let i = 0; i < item.cmds.length; i++) {
      const leak = logLeak(item.cmds, i, scope.names);
      if (leak) scope.report(findingAt('token-in-log', leak.message, wordSpan(item, leak.word), item.via));
    }
  }
}
