/**
 * token-in-log (commands): echo/printf of the token, printenv/env/export -p dumps, set -x traces in a job
 * that uses the token. The runner masks only the exact bytes of masked variables
 * (doc/ci/variables/index.md, "Mask a CI/CD variable"). CI_DEBUG_TRACE is checked with a CI job's
 * variables.
 */
import { logLeak } from '../commands/leaks.js';
import { refRegex } from '../commands/words.js';
import type { JobView } from '../ci/job.js';
import { findingAt } from '../finding.js';
import { linesFor, reportWord, type Report, type Rule } from '../rule.js';
import type { CommandScope } from '../script.js';

const DUMPS = /\b(env|printenv|export|declare|typeset|set)\b/;

function check(scope: CommandScope): void {
  if (!scope.usesToken) return;
  const pw = refRegex(scope.names.password);
  for (const item of linesFor(scope, (text) => pw.test(text) || DUMPS.test(text))) {
    for (let i = 0; i < item.cmds.length; i++) {
      const leak = logLeak(item.cmds, i, scope.names);
      if (leak) reportWord(scope.report, tokenInLog, leak.message, item, leak.word);
    }
  }
}

/** CI_DEBUG_TRACE: "true" prints the content of every variable in a job that uses the token. */
function checkDebugTrace(view: JobView, report: Report): void {
  if (!view.usesToken) return;
  for (const v of view.variables) {
    if (v.key !== 'CI_DEBUG_TRACE' && v.key !== 'CI_DEBUG_SERVICES') continue;
    if (!/^(true|1|yes)$/i.test(v.text.trim())) continue;
    report(
      findingAt(
        tokenInLog,
        `${v.key} prints every variable of a job that uses the deploy token; expected it off in this job`,
        v.value.span,
        v.via,
      ),
    );
  }
}

export const tokenInLog: Rule = {
  id: 'token-in-log',
  severity: 'error',
  summary: 'deploy token printed to the job log',
  help: 'The runner masks only the exact bytes of masked variables, not encoded forms, and CI_DEBUG_TRACE or set -x print everything. Do not echo, printenv or trace in a job that uses the token.',
  job: (j) => check(j.scope),
  ciJob: (j) => checkDebugTrace(j.view, j.report),
};
