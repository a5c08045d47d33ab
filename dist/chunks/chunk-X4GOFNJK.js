import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  checkPermissions
} from "./chunk-AS7DOC5M.js";
import {
  durationMs,
  ephemeralCreatedAt,
  ephemeralName,
  isEphemeralName
} from "./chunk-ZXYRMQQA.js";
import {
  createDeployToken,
  deleteDeployToken,
  listDeployTokens,
  tokenActivity
} from "./chunk-ITV646QS.js";
import {
  DeployTokenError,
  ExitCode,
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

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
      `e.g. ${flag} 6h`
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

export {
  nextMidnightUtc,
  checkEphemeralScopes,
  createEphemeral,
  deleteEphemeral,
  parseDuration,
  sweepEphemeral
};
