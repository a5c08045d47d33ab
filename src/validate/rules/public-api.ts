/**
 * public-api: the deploy token sent to /api/v4 outside the package endpoints. GitLab's docs
 * (doc/user/project/deploy_tokens/index.md): "Deploy tokens can't be used with the GitLab public API.
 * However, you can use deploy tokens with some endpoints, such as those from the Package Registry."
 */
import { publicApiCall } from '../commands/calls.js';
import { linesFor, reportWord, type JobContext, type Rule } from '../rule.js';

const API = /api\/v4|CI_API_V4_URL|api_url/;

function check({ scope }: JobContext): void {
  for (const item of linesFor(scope, (text) => API.test(text))) {
    for (const cmd of item.cmds) {
      const url = publicApiCall(cmd, scope.names);
      if (url)
        reportWord(
          scope.report,
          publicApi,
          'deploy tokens only work with package endpoints of the API (/packages/…); expected an API token (e.g. $GITLAB_TOKEN) for this call',
          item,
          url,
        );
    }
  }
}

export const publicApi: Rule = {
  id: 'public-api',
  severity: 'error',
  summary: 'deploy token used against the public API',
  help: 'Deploy tokens cannot be used with the GitLab public API, only with some endpoints such as the package registry (/packages/…). Use an API token for everything else.',
  job: check,
};
