import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  checkVariables,
  deployVariables
} from "./chunk-OI2XTNVL.js";
import {
  loadTemplating,
  renderSpecVariables
} from "./chunk-JBSERHTU.js";

// src/app/values.ts
function templateValues(r, input, gitlabUrl, env) {
  const url = new URL(gitlabUrl);
  const registry = env.CI_REGISTRY ?? input.project?.registryImagePrefix?.split("/")[0];
  return {
    username: r.credentials?.username,
    password: r.credentials?.password,
    gitlab_url: gitlabUrl,
    gitlab_host: url.host,
    api_url: `${gitlabUrl}/api/v4`,
    registry,
    // The dependency proxy lives on the GitLab host itself (app/models/project.rb: Gitlab.host_with_port).
    dependency_proxy: env.CI_DEPENDENCY_PROXY_SERVER ?? `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`,
    project_id: input.project?.id ?? env.CI_PROJECT_ID,
    project_path: input.project?.path ?? env.CI_PROJECT_PATH,
    token_id: r.token?.id,
    expires_at: r.token ? r.token.expiresAt ?? "never" : void 0,
    scopes: r.token?.scopes
  };
}

// src/app/exports.ts
async function jobVariables(flow, env) {
  const r = flow.resolution;
  if (!r.credentials) return [];
  const templates = flow.settings.job?.spec.variables;
  if (templates && Object.keys(templates).length > 0) await loadTemplating();
  const values = templateValues(r, flow.input, flow.settings.gitlab.url, env);
  const vars = [
    ...deployVariables(r.credentials.username, r.credentials.password),
    ...renderSpecVariables(flow.settings.job?.spec.variables, values, r.credentials.password)
  ];
  checkVariables(vars);
  return vars;
}
function stepOutputs(flow, withPassword) {
  const r = flow.resolution;
  const out = {
    username: r.credentials?.username ?? "",
    source: r.sources.CI_DEPLOY_PASSWORD?.detail ?? "",
    "token-id": r.token ? String(r.token.id) : "",
    "expires-at": r.token ? r.token.expiresAt ?? "never" : "",
    scopes: r.token ? r.token.scopes.join(",") : "",
    warnings: JSON.stringify(r.warnings)
  };
  if (withPassword && r.credentials) out.password = r.credentials.password;
  return out;
}
function scrubOutputs(outputs, scrubber, secret = ["password"]) {
  return Object.fromEntries(
    Object.entries(outputs).map(([k, v]) => [k, secret.includes(k) ? v : scrubber.scrub(v)])
  );
}

export {
  templateValues,
  jobVariables,
  stepOutputs,
  scrubOutputs
};
