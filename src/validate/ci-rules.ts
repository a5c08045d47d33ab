/**
 * The deploy-token rules of a `.gitlab-ci.yml`, run on every job (hidden templates are checked
 * through the jobs that extend them, at their real lines) and on the global keywords.
 */
import { jobView } from './ci/job.js';
import type { CiModel } from './ci/load.js';
import type { Finding } from './finding.js';
import { checkDeployVariablesOverride } from './rules/deploy-variables-override.js';
import { checkGitPush } from './rules/git-push.js';
import { checkMissingGuard, workflowGuards } from './rules/missing-guard.js';
import { checkPasswordOnCommandLine } from './rules/password-on-command-line.js';
import { commandPasswordFindings, scanTokens } from './rules/plain-password.js';
import { checkPublicApi } from './rules/public-api.js';
import { checkPushScope, type SpecScopes } from './rules/push-scope.js';
import { checkTokenInArtifact } from './rules/token-in-artifact.js';
import { checkDebugTrace, checkTokenInLog } from './rules/token-in-log.js';
import { checkTokenInUrl } from './rules/token-in-url.js';
import { checkTokenOverSsh } from './rules/token-over-ssh.js';
import { onceTracker, type CommandScope } from './script.js';
import { get } from '../yaml/tree.js';

export function ciRuleFindings(model: CiModel, specs?: SpecScopes): Finding[] {
  const findings: Finding[] = [];
  const report = (f: Finding) => findings.push(f);
  scanTokens(model.root, report, 'a masked CI/CD variable (Settings > CI/CD > Variables)');
  checkDeployVariablesOverride(get(model.root, 'variables'), report);
  const workflowGuarded = workflowGuards(model.root);
  const firstFor = onceTracker();
  for (const job of model.jobs) {
    const view = jobView(model, job);
    checkDeployVariablesOverride(get(job.node, 'variables'), report);
    const context = `${view.usesToken}|${[...view.names.password].sort().join(',')}|${[...view.names.user].sort().join(',')}`;
    const scope: CommandScope = {
      items: view.scripts,
      names: view.names,
      usesToken: view.usesToken,
      report,
      first: firstFor(context),
    };
    checkPasswordOnCommandLine(scope);
    commandPasswordFindings(scope);
    checkTokenInUrl(scope);
    checkTokenInLog(scope);
    checkDebugTrace(view, report);
    checkTokenInArtifact(view, report);
    checkTokenOverSsh(scope);
    checkPublicApi(scope);
    checkGitPush(scope, false);
    checkMissingGuard(view, workflowGuarded, report);
    checkPushScope(view, specs, report);
  }
  return findings;
}
