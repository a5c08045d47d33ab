/**
 * deploy-variables-override: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD in `variables:`. Variables defined in
 * .gitlab-ci.yml rank above predefined ones (GITLAB_FACTS §1), so this silently replaces the
 * gitlab-deploy-token GitLab would inject — with a committed secret, or a value that goes stale.
 */
import { findingAt, type Finding } from '../finding.js';
import type { YMap } from '../../yaml/tree.js';
import { get, str, type YNode } from '../../yaml/tree.js';

function valueText(v: YNode): string {
  return str(v) ?? str(get(v, 'value')) ?? '';
}

export function checkDeployVariablesOverride(
  variables: YNode | undefined,
  report: (f: Finding) => void,
): void {
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
    report(findingAt('deploy-variables-override', message, e.keyNode.span, e.via));
  }
}
