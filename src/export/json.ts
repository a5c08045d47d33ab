/** `--export json`: one object on stdout with the credentials and how they were found. */
import { safeJson } from '../core/text.js';
import type { Resolution } from '../resolve/types.js';

export function renderJson(r: Resolution, extra: Record<string, string> = {}): string {
  if (!r.credentials) throw new Error('renderJson needs resolved credentials');
  // safeJson: the same JSON, with nothing in names from GitLab a terminal or the runner acts on.
  return `${safeJson({
    username: r.credentials.username,
    password: r.credentials.password,
    variables: extra,
    source: {
      CI_DEPLOY_USER: r.sources.CI_DEPLOY_USER?.detail ?? null,
      CI_DEPLOY_PASSWORD: r.sources.CI_DEPLOY_PASSWORD?.detail ?? null,
    },
    rule: r.rule,
    token: r.token ?? null,
    gitlab_version: r.version ?? null,
    warnings: r.warnings,
  })}\n`;
}
