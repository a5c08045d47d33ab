/** The GitLab client for commands that need only the instance and the API token (provision, cleanup, audit). */
import { connect, requireToken, type Connection } from '../app/connection.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { CliContext } from './context.js';

/**
 * A GitLab client for `purpose` (`provision`, `cleanup --ephemeral`…): a usage error naming where
 * the API token was looked for when there is none; the default instance said on stderr first.
 */
export function clientFor(gitlab: Connection, ctx: CliContext, purpose: string, hint?: string): GitLabClient {
  const apiToken = requireToken(gitlab, purpose, hint);
  return connect({ ...gitlab, apiToken }, ctx, (l) => ctx.stderr.write(`deploy-token: ${l}\n`));
}
