import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/app/options.ts
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
var DEFAULT_SPEC = "deploy-token.yml";
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
function specPath(flags, cwd) {
  if (flags.spec) return isAbsolute(flags.spec) ? flags.spec : join(cwd, flags.spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : void 0;
}
function normaliseUrl(raw) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(
      `--gitlab-url "${raw.slice(0, 100)}" is not a URL`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new UsageError(
      `--gitlab-url must be http(s), not ${u.protocol}`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.username || u.password) {
    throw new UsageError(
      "--gitlab-url must not contain credentials",
      "put the API token in GITLAB_TOKEN instead"
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, "").replace(/\/api\/v4$/, "")}`;
}
function resolveSettings(flags, env, spec) {
  const gitlabUrl = normaliseUrl(
    flags.gitlabUrl ?? spec?.gitlab?.url ?? env.CI_SERVER_URL ?? "https://gitlab.com"
  );
  const specProject = spec?.gitlab?.project;
  const project = flags.project ?? (specProject === void 0 ? void 0 : String(specProject)) ?? env.CI_PROJECT_ID ?? env.CI_PROJECT_PATH;
  const apiTokenEnv = flags.apiTokenEnv ?? spec?.gitlab?.api_token_env ?? "GITLAB_TOKEN";
  if (!NAME_RE.test(apiTokenEnv)) {
    throw new UsageError(
      `--api-token-env "${apiTokenEnv.slice(0, 60)}" is not a variable name`,
      "name the environment variable that holds the API token, e.g. GITLAB_TOKEN"
    );
  }
  const apiToken = env[apiTokenEnv] || void 0;
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === "number" ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      "e.g. --min-days-left 14"
    );
  }
  let job;
  if (flags.job !== void 0) {
    const jobSpec = spec?.jobs[flags.job];
    if (!spec)
      throw new UsageError(`--job ${flags.job} needs a spec`, `write ${DEFAULT_SPEC} or pass --spec FILE`);
    if (!jobSpec) {
      throw new UsageError(
        `job "${flags.job}" is not in the spec`,
        `choose one of: ${Object.keys(spec.jobs).join(", ") || "(none)"}`
      );
    }
    job = {
      name: flags.job,
      spec: jobSpec,
      scopes: [...new Set(jobSpec.scopes ?? [])],
      lfs: flags.lfs === true || jobSpec.lfs === true,
      dependencyProxy: jobSpec.dependency_proxy === true
    };
  }
  const s = { gitlabUrl, apiTokenEnv, minDaysLeft, lfs: flags.lfs === true || job?.lfs === true };
  if (project) s.project = project;
  if (apiToken) s.apiToken = apiToken;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  if (flags.ref !== void 0) {
    if (flags.ref.trim() === "")
      throw new UsageError("--ref needs a branch or tag name", "e.g. --ref main, or --ref refs/tags/v1.2");
    s.ref = flags.ref;
  }
  return s;
}

export {
  specPath,
  normaliseUrl,
  resolveSettings
};
