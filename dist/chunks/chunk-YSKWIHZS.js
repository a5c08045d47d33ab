import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  ruleTextFor,
  unreadVariables
} from "./chunk-4DBN7XEY.js";
import {
  checkEphemeralScopes,
  createEphemeral,
  deleteEphemeral,
  nextMidnightUtc
} from "./chunk-X4GOFNJK.js";
import {
  checkPermissions
} from "./chunk-AS7DOC5M.js";
import {
  getProject
} from "./chunk-ITV646QS.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/app/ephemeral.ts
import { randomBytes } from "node:crypto";
async function ephemeralFlow(settings, client, now, mode, random = () => randomBytes(6).toString("hex")) {
  if (!client) {
    throw new UsageError(
      `an ephemeral token is created through the API: put a token with the api scope in $${settings.apiTokenEnv}`,
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
  const project = await getProject(client, settings.project);
  const input = {
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
    job: { name: settings.job.name, scopes: settings.job.scopes, lfs: settings.job.lfs },
    minDaysLeft: settings.minDaysLeft
  };
  const base = {
    rule: "ephemeral-token",
    ruleText: ruleTextFor("ephemeral-token", void 0),
    considered: []
  };
  if (mode === "plan") {
    const report = await checkPermissions(client, {
      project,
      purpose: "create and delete an ephemeral project deploy token"
    });
    if (!report.ok) {
      return {
        input,
        resolution: {
          ...base,
          ok: false,
          exitCode: 1,
          sources: {},
          warnings: [],
          reason: `an ephemeral token could not be created: ${report.problems.join("; ")}`,
          fix: "use an API token with the api scope whose user is Maintainer on the project"
        }
      };
    }
    return {
      input,
      resolution: {
        ...base,
        ok: true,
        exitCode: 0,
        ruleText: `ephemeral: a project deploy token on ${project.path_with_namespace} would be created with scopes ${settings.job.scopes.join(", ")}, expiring ${nextMidnightUtc(now).toISOString()}, and deleted when the job ends`,
        sources: {},
        warnings: []
      }
    };
  }
  const made = await createEphemeral(client, project, settings.job.scopes, "", now, random);
  const t = made.token;
  const source = { kind: "token", detail: `ephemeral deploy token #${t.id} (created for this job)` };
  return {
    input,
    record: made.record,
    resolution: {
      ...base,
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
      line: `could not delete ephemeral token #${r.tokenId} (${e.message ?? String(e)}); it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --older-than (default 6h) or has expired at midnight`
    };
  }
}

export {
  ephemeralFlow,
  discardEphemeral
};
