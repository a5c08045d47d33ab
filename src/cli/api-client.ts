/** The GitLab client for commands that only need the instance and the API token (provision, cleanup). */
import { normaliseUrl } from '../app/options.js';
import { UsageError } from '../core/errors.js';
import { clientWith } from '../gitlab/client.js';
import type { CliContext } from './context.js';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A GitLab client from the shared flags (token from the environment, never a flag). */
export function clientFor(
  flags: { gitlabUrl?: string; apiTokenEnv?: string },
  ctx: CliContext,
  purpose: string,
) {
  const baseUrl = normaliseUrl(flags.gitlabUrl ?? ctx.env.CI_SERVER_URL ?? 'https://gitlab.com');
  const tokenEnv = flags.apiTokenEnv ?? 'GITLAB_TOKEN';
  if (!NAME_RE.test(tokenEnv)) {
    throw new UsageError(
      `--api-token-env "${tokenEnv.slice(0, 60)}" is not a variable name`,
      'e.g. GITLAB_TOKEN',
    );
  }
  const token = ctx.env[tokenEnv];
  if (!token) {
    throw new UsageError(
      `${purpose} needs a GitLab API token in $${tokenEnv}`,
      `export ${tokenEnv} with a token that has the api scope (never pass it as a flag)`,
    );
  }
  return { client: clientWith(baseUrl, token, ctx), baseUrl };
}
