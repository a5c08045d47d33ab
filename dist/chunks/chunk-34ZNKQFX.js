import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  checkPermissions
} from "./chunk-NKKUWKFE.js";
import {
  durationMs,
  ephemeralCreatedAt,
  ephemeralName,
  isEphemeralName
} from "./chunk-VPCP35NA.js";
import {
  ruleTextFor,
  unreadVariables
} from "./chunk-BM72ILTC.js";
import {
  createDeployToken,
  deleteDeployToken,
  getProject,
  listDeployTokens,
  normalizeUrl,
  tokenActivity
} from "./chunk-CID4WHD4.js";
import {
  DeployTokenError,
  ExitCode,
  GitLabApiError,
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/app/ephemeral.ts
import { randomBytes } from "node:crypto";

// src/provision/ephemeral.ts
var DAY_MS = 864e5;
var HOUR_MS = 36e5;
function nextMidnightUtc(now) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
}
function checkEphemeralScopes(scopes, dependencyProxy = false) {
  if (dependencyProxy) {
    throw new UsageError(
      "an ephemeral token is a project deploy token, and the dependency proxy accepts group deploy tokens only",
      "drop ephemeral: true for this job and use a group gitlab-deploy-token with read_registry and write_registry"
    );
  }
  if (scopes.length === 0) {
    throw new UsageError(
      "an ephemeral token needs the job's scopes, and the job lists none",
      "add scopes: [...] to the job in the spec (e.g. read_registry)"
    );
  }
}
var REFUSED_HINT = "use an API token with the api scope whose user is Maintainer (or Owner) on the project";
async function refusedCreate(client, project, e) {
  let problems = [];
  try {
    problems = (await checkPermissions(client, {
      project,
      purpose: "create and delete an ephemeral project deploy token"
    })).problems;
  } catch {
  }
  const why = problems.length ? problems.join("; ") : "creating a project deploy token needs an API token with the api scope whose user is Maintainer or Owner";
  return new DeployTokenError(
    `GitLab refused to create the ephemeral token on ${project.path_with_namespace} (HTTP ${e.status}): ${why}`,
    ExitCode.No,
    REFUSED_HINT
  );
}
var minutes = (n) => `${n} minute${n === 1 ? "" : "s"}`;
async function createEphemeral(client, project, scopes, gitlabUrl, now, random) {
  checkEphemeralScopes(scopes);
  const midnight = nextMidnightUtc(now);
  const name = ephemeralName(now, random);
  let token;
  try {
    token = await createDeployToken(client, "projects", project.id, {
      name,
      scopes: [...scopes],
      expires_at: midnight.toISOString().slice(0, 10)
    });
  } catch (e) {
    if (e instanceof GitLabApiError && (e.status === 401 || e.status === 403))
      throw await refusedCreate(client, project, e);
    try {
      const made = (await listDeployTokens(client, "projects", project.id)).filter((t) => t.name === name);
      for (const t of made) await deleteDeployToken(client, "projects", project.id, t.id);
    } catch {
    }
    throw e;
  }
  const warnings = [];
  const left = midnight.getTime() - now.getTime();
  if (left < HOUR_MS) {
    warnings.push(
      `the ephemeral token expires at ${midnight.toISOString()} (00:00 UTC), in ${minutes(Math.max(1, Math.round(left / 6e4)))}: a longer job loses access then`
    );
  }
  return {
    token,
    record: { level: "project", id: project.id, tokenId: token.id, name, gitlabUrl },
    warnings
  };
}
function deleteEphemeral(client, r) {
  return deleteDeployToken(client, "projects", r.id, r.tokenId);
}
function parseDuration(raw, flag) {
  const ms = durationMs(raw);
  if (ms === void 0) {
    throw new UsageError(
      `${flag} must be a duration like 90m, 6h or 2d, not "${raw.slice(0, 40)}"`,
      `e.g. ${flag} 6h`,
      flag
    );
  }
  return ms;
}
function leftoverEphemeral(tokens, now, olderThanMs) {
  const leftovers = [];
  const young = [];
  for (const t of tokens) {
    if (!isEphemeralName(t.name)) continue;
    const created = ephemeralCreatedAt(t.name);
    const inactive = !tokenActivity(t, now).active;
    const old = created !== void 0 && now.getTime() - created.getTime() >= olderThanMs;
    if (inactive || old) leftovers.push(t);
    else young.push(t);
  }
  return { leftovers, young };
}
async function sweepEphemeral(client, projectId, now, olderThanMs, opts = {}) {
  const { leftovers, young } = leftoverEphemeral(
    await listDeployTokens(client, "projects", projectId),
    now,
    olderThanMs
  );
  const out = { deleted: [], young, failed: [] };
  for (const t of leftovers) {
    if (opts.dryRun) {
      out.deleted.push(t);
      continue;
    }
    try {
      await deleteDeployToken(client, "projects", projectId, t.id);
      out.deleted.push(t);
    } catch (e) {
      out.failed.push({ token: t, why: e.message ?? String(e) });
    }
  }
  return out;
}

// src/app/ephemeral.ts
function checkNeeds(settings, client) {
  if (!client) {
    throw new UsageError(
      `an ephemeral token is created through the API: put a token with the api scope in ${settings.gitlab.tokenSource}`,
      "the token's user must be Maintainer on the project"
    );
  }
  if (!settings.project) {
    throw new UsageError(
      "an ephemeral token needs the project",
      "pass --project ID|PATH (default $CI_PROJECT_ID)"
    );
  }
  if (!settings.job) {
    throw new UsageError(
      "an ephemeral token takes its scopes from a job of the spec",
      "pass --job NAME (the action: input job) naming a job with scopes"
    );
  }
  checkEphemeralScopes(settings.job.scopes, settings.job.dependencyProxy);
}
function ephemeralInput(project, job, now, minDaysLeft) {
  return {
    now,
    apiAvailable: true,
    project: {
      id: project.id,
      path: project.path_with_namespace,
      namespaceKind: project.namespace.kind,
      namespacePath: project.namespace.full_path,
      ...project.container_registry_image_prefix ? { registryImagePrefix: project.container_registry_image_prefix } : {}
    },
    ancestors: [],
    jobEnv: {},
    variables: unreadVariables("not read: ephemeral"),
    job: { name: job.name, scopes: job.scopes, lfs: job.lfs },
    minDaysLeft
  };
}
var BASE = () => ({
  rule: "ephemeral-token",
  ruleText: ruleTextFor("ephemeral-token", void 0),
  considered: []
});
async function planEphemeral(client, project, scopes, now) {
  const report = await checkPermissions(client, {
    project,
    purpose: "create and delete an ephemeral project deploy token"
  });
  if (!report.ok) {
    return {
      ...BASE(),
      ok: false,
      exitCode: 1,
      sources: {},
      warnings: [],
      reason: `an ephemeral token could not be created: ${report.problems.join("; ")}`,
      fix: "use an API token with the api scope whose user is Maintainer on the project"
    };
  }
  return {
    ...BASE(),
    ok: true,
    exitCode: 0,
    ruleText: `ephemeral: a project deploy token on ${project.path_with_namespace} would be created with scopes ${scopes.join(", ")}, expiring ${nextMidnightUtc(now).toISOString()}, and deleted when the job ends`,
    sources: {},
    warnings: []
  };
}
async function createForJob(client, project, scopes, now, random) {
  const made = await createEphemeral(client, project, scopes, "", now, random);
  const t = made.token;
  const source = { kind: "token", detail: `ephemeral deploy token #${t.id} (created for this job)` };
  return {
    record: made.record,
    resolution: {
      ...BASE(),
      ok: true,
      exitCode: 0,
      token: {
        id: t.id,
        name: t.name,
        username: t.username,
        scopes: t.scopes,
        expiresAt: t.expires_at,
        level: "project",
        owner: project.path_with_namespace
      },
      credentials: { username: t.username, password: t.token },
      sources: { CI_DEPLOY_USER: source, CI_DEPLOY_PASSWORD: source },
      warnings: made.warnings.map((message) => ({ code: "ephemeral-expiry", message }))
    }
  };
}
async function ephemeralFlow(settings, client, now, mode, random = () => randomBytes(6).toString("hex")) {
  checkNeeds(settings, client);
  const job = settings.job;
  const project = await getProject(client, settings.project);
  const input = ephemeralInput(project, job, now, settings.minDaysLeft);
  if (mode === "plan") return { input, resolution: await planEphemeral(client, project, job.scopes, now) };
  return { input, ...await createForJob(client, project, job.scopes, now, random) };
}
async function discardEphemeral(flow) {
  const r = flow.ephemeral;
  if (!r) return void 0;
  if (!flow.client)
    return { ok: false, line: `could not delete ephemeral token #${r.tokenId}: no API client` };
  try {
    const res = await deleteEphemeral(flow.client, r);
    return {
      ok: true,
      line: `ephemeral token #${r.tokenId} ${res === "deleted" ? "deleted" : "was already gone"}`
    };
  } catch (e) {
    return {
      ok: false,
      line: `could not delete ephemeral token #${r.tokenId} (${e.message ?? String(e)}); it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --ephemeral-older-than (default 6h) or has expired at midnight`
    };
  }
}
function recordedTokenProblem(t, stamp, instance) {
  let recorded;
  try {
    recorded = t.gitlabUrl === void 0 ? void 0 : normalizeUrl(t.gitlabUrl, "the recorded instance");
  } catch {
    recorded = void 0;
  }
  if (recorded !== instance)
    return `it was recorded for ${recorded ?? "an unknown instance"}, not for ${instance}, where the API token goes; pass --gitlab-url ${recorded ?? "URL"} to delete it there`;
  if (t.level !== "project") return "ephemeral tokens are project tokens";
  if (!t.name || !isEphemeralName(t.name) || !t.name.endsWith(`-${stamp}`))
    return `its name ${t.name ?? "(none)"} is not the one this run gave it`;
  return void 0;
}
async function deleteRecordedToken(client, t) {
  const level = t.level === "group" ? "groups" : "projects";
  const found = (await listDeployTokens(client, level, t.id)).find((x) => x.id === t.tokenId);
  if (!found) return "gone";
  if (found.name !== t.name) {
    throw new UsageError(
      `deploy token #${t.tokenId} is named ${found.name} on GitLab, not ${t.name} as recorded: not deleted`,
      "the record does not describe a token this run made; delete tokens by hand in Settings > Repository"
    );
  }
  return deleteDeployToken(client, level, t.id, t.tokenId);
}

export {
  parseDuration,
  sweepEphemeral,
  ephemeralFlow,
  discardEphemeral,
  recordedTokenProblem,
  deleteRecordedToken
};
