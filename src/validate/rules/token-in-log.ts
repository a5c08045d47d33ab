/**
 * token-in-log (commands): echo/printf of the token, printenv/env/export -p dumps, set -x traces in a job
 * that uses the token. The runner masks only the exact bytes of masked variables (GITLAB_FACTS §6).
 * CI_DEBUG_TRACE is checked with the job's variables (ci-rules.ts).
 */
import { logLeak, refRegex } from '../commands.js';
import type { JobView } from '../ci/job.js';
import { findingAt, type Finding } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';

export function checkTokenInLog(scope: CommandScope): void {
  if (!scope.usesToken) return;
  const pw = refRegex(scope.names.password);
  for (const item of scope.items) {
    if (scope.first && !scope.first('token-in-log', item)) continue;
    if (!pw.test(item.text) && !/\b(env|printenv|export|declare|typeset|set)\b/.test(item.text)) continue;
    for (let i = 0; i < item.cmds.length; i++) {
      const leak = logLeak(item.cmds, i, scope.names);
      if (leak) scope.report(findingAt('token-in-log', leak.message, wordSpan(item, leak.word), item.via));
    }
  }
}

/** CI_DEBUG_TRACE: "true" prints the content of every variable in a job that uses the token. */
export function checkDebugTrace(view: JobView, report: (f: Finding) => void): void {
  if (!view.usesToken) return;
  for (const v of view.variables) {
    if (v.key !== 'CI_DEBUG_TRACE' && v.key !== 'CI_DEBUG_SERVICES') continue;
    if (!/^(true|1|yes)$/i.test(v.text.trim())) continue;
    report(
      findingAt(
        'token-in-log',
        `${v.key} prints every variable of a job that uses the deploy token; expected it off in this job`,
        v.value.span,
        v.via,
      ),
    );
  }
}
