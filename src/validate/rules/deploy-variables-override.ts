/**
 * deploy-variables-override: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD in `variables:`. Variables defined in
 * .gitlab-ci.yml rank above predefined ones (lib/gitlab/ci/variables/builder.rb), so this silently replaces the
 * gitlab-deploy-token GitLab would inject — with a committed secret, or a value that goes stale.
 */
import { get, str, type YMap, type YNode } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { CiJobContext, FileContext, Report, Rule } from '../rule.js';

function valueText(v: YNode): string {
  return str(v) ?? str(get(v, 'value')) ?? '';
}

function check(variables: YNode | undefined, report: Report): void {
  if (variables?.kind !== 'map') return;
  for (const e of (variables as YMap).entries) {
    if (e.key !== 'CI_DEPLOY_PASSWORD' && e.key !== 'CI_DEPLOY_USER') continue;
    const text = valueText(e.value);
    const reference = /^\s*\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*$/.test(text);
    const message =
      e.key === 'CI_DEPLOY_PASSWORD'
        ? reference
          ? 'CI_DEPLOY_PASSWORD set in variables: overrides the gitlab-deploy-token GitLab injects; expected it unset (for the 15.0 group fallback, a masked CI/CD variable in Settings)'
          : 'CI_DEPLOY_PASSWORD set in variables: replaces the gitlab-deploy-token with a committed secret; expected it unset'
        : 'CI_DEPLOY_USER set in variables: overrides the gitlab-deploy-token username and goes stale when the token changes; expected it unset';
    report(findingAt(deployVariablesOverride, message, e.keyNode.span, e.via));
  }
}

/** The global `variables:` of a CI file. */
function checkGlobal({ kind, root, report }: FileContext): void {
  if (kind === 'ci') check(get(root, 'variables'), report);
}

function checkJob({ view, report }: CiJobContext): void {
  check(get(view.job.node, 'variables'), report);
}

export const deployVariablesOverride: Rule = {
  id: 'deploy-variables-override',
  severity: 'error',
  summary: 'CI_DEPLOY_USER / CI_DEPLOY_PASSWORD set in variables:',
  help: 'Variables in .gitlab-ci.yml rank above predefined ones, so this replaces the gitlab-deploy-token with a committed (and soon stale) value. For the GitLab ≤ 15.0 group fallback set them in Settings > CI/CD > Variables, masked.',
  file: checkGlobal,
  ciJob: checkJob,
};
