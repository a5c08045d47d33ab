/**
 * The template values of a resolved job (src/spec/template-values.ts): what `variables`, `files`
 * and the client templates may use. In a GitLab job the predefined variables win
 * (lib/gitlab/ci/variables/builder.rb):
 * CI_REGISTRY, CI_DEPENDENCY_PROXY_SERVER, CI_PROJECT_ID; elsewhere they come from the API.
 */
import type { Env } from '../core/env.js';
import type { TemplateValues } from '../export/render.js';
import type { ResolveInput, Resolution } from '../resolve/types.js';

export function templateValues(
  r: Resolution,
  input: ResolveInput,
  gitlabUrl: string,
  env: Env,
): TemplateValues {
  const url = new URL(gitlabUrl);
  const registry = env.CI_REGISTRY ?? input.project?.registryImagePrefix?.split('/')[0];
  return {
    username: r.credentials?.username,
    password: r.credentials?.password,
    gitlab_url: gitlabUrl,
    gitlab_host: url.host,
    api_url: `${gitlabUrl}/api/v4`,
    registry,
    // The dependency proxy lives on the GitLab host itself (app/models/project.rb: Gitlab.host_with_port).
    dependency_proxy:
      env.CI_DEPENDENCY_PROXY_SERVER ??
      `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`,
    project_id: input.project?.id ?? env.CI_PROJECT_ID,
    project_path: input.project?.path ?? env.CI_PROJECT_PATH,
    token_id: r.token?.id,
    expires_at: r.token ? (r.token.expiresAt ?? 'never') : undefined,
    scopes: r.token?.scopes,
  };
}
