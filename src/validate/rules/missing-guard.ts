/**
 * missing-guard: GitLab injects CI_DEPLOY_PASSWORD only when an active gitlab-deploy-token exists
 * (lib/gitlab/ci/variables/builder.rb, deploy token variables), so a job that uses it unguarded fails obscurely (an empty password) when the token
 * is missing, expired or revoked. A guard is a rules:/only:/workflow: condition on the variable, or a
 * test of it in the script. Jobs that go through the deploy-token CLI get its explanation instead.
 */
import { refRegex } from '../commands/words.js';
import { get, type YNode } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { CiJobContext, Rule } from '../rule.js';

const GUARD = refRegex(['CI_DEPLOY_PASSWORD', 'CI_DEPLOY_USER']);

function mentions(node: YNode | undefined, re: RegExp, depth = 0): boolean {
  if (!node || depth > 8) return false;
  if (node.kind === 'scalar') return typeof node.value === 'string' && re.test(node.value);
  if (node.kind === 'seq') return node.items.some((i) => mentions(i, re, depth + 1));
  return node.entries.some((e) => mentions(e.value, re, depth + 1));
}

/** workflow: rules: mention the token: every job is guarded. */
export function workflowGuards(root: YNode): boolean {
  return mentions(get(get(root, 'workflow'), 'rules'), GUARD);
}

const SCRIPT_GUARD =
  /\$\{CI_DEPLOY_(PASSWORD|USER):[?]|-[nz]\s+["']?\$\{?CI_DEPLOY_(PASSWORD|USER)\b|\$\{?CI_DEPLOY_(PASSWORD|USER)\}?["']?\s*[!=]=/;

function check({ view, workflowGuarded, report }: CiJobContext): void {
  if (!view.usesDirect || view.usesTool || workflowGuarded) return;
  const node = view.job.node;
  const re = GUARD;
  if (
    mentions(get(node, 'rules'), re) ||
    mentions(get(node, 'only'), re) ||
    mentions(get(node, 'except'), re)
  )
    return;
  if (view.scripts.some((s) => SCRIPT_GUARD.test(s.text))) return;
  report(
    findingAt(
      missingGuard,
      `job "${view.job.name}" uses the deploy token without a guard; expected rules: [{if: $CI_DEPLOY_PASSWORD}] (GitLab sets it only while a gitlab-deploy-token is active)`,
      view.job.keyNode.span,
    ),
  );
}

export const missingGuard: Rule = {
  id: 'missing-guard',
  severity: 'warning',
  summary: 'deploy token used without a guard',
  help: 'GitLab sets CI_DEPLOY_PASSWORD only when an active gitlab-deploy-token exists. Guard the job with `rules: - if: $CI_DEPLOY_PASSWORD` (or test it in the script) so it does not fail obscurely.',
  ciJob: check,
};
