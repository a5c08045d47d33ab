/**
 * public-api: the deploy token sent to /api/v4 outside the package endpoints. The seed: "Deploy tokens
 * can't be used with the GitLab public API. However, you can use deploy tokens with some endpoints,
 * such as those from the Package Registry."
 */
import { publicApiCall } from '../commands.js';
import { findingAt } from '../finding.js';
import { wordSpan, type CommandScope } from '../script.js';

export function checkPublicApi(scope: CommandScope): void {
  for (const item of scope.items) {
    if (scope.first && !scope.first('public-api', item)) continue;
    if (!/api\/v4|CI_API_V4_URL|api_url/.test(item.text)) continue;
    for (const cmd of item.cmds) {
      const url = publicApiCall(cmd, scope.names);
      if (url) {
        scope.report(
          findingAt(
            'public-api',
            'deploy tokens only work with package endpoints of the API (/packages/…); expected an API token (e.g. $GITLAB_TOKEN) for this call',
            wordSpan(item, url),
            item.via,
          ),
        );
      }
    }
  }
}
