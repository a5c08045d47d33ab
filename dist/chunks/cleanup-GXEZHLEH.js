import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  clientFor
} from "./chunk-3CBJXPK4.js";
import {
  cleanupRecorded,
  recordedManifests
} from "./chunk-AJB6IMTT.js";
import {
  normaliseUrl
} from "./chunk-FJEDMX6I.js";
import {
  loadManifest,
  saveManifest
} from "./chunk-H3IUSMMK.js";
import "./chunk-MS3PQTP7.js";
import {
  parseDuration,
  sweepEphemeral
} from "./chunk-JYN6UXQC.js";
import "./chunk-LYWWAOIP.js";
import {
  deleteDeployToken,
  getProject
} from "./chunk-T7ZD4NLQ.js";
import "./chunk-4OYPS3EV.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/cli/commands/cleanup.ts
import { lstatSync } from "node:fs";
var DEFAULT_OLDER_THAN = "6h";
function ownedByUs(path) {
  try {
    const st = lstatSync(path);
    return st.isFile() && (st.mode & 18) === 0 && (process.getuid === void 0 || st.uid === process.getuid());
  } catch {
    return false;
  }
}
async function runCleanup(flags, ctx) {
  const olderThanMs = parseDuration(flags.olderThan ?? DEFAULT_OLDER_THAN, "--older-than");
  const project = flags.project ?? (ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH || void 0);
  if (flags.ephemeral && !project) {
    throw new UsageError(
      "cleanup --ephemeral needs the project whose leftover tokens to delete",
      "pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)"
    );
  }
  if ((flags.olderThan !== void 0 || flags.dryRun) && !flags.ephemeral) {
    throw new UsageError("--older-than and --dry-run apply to --ephemeral", "add --ephemeral");
  }
  const say = (l) => ctx.stdout.write(`${l}
`);
  const warn = (l) => ctx.stderr.write(`deploy-token: warning: ${l}
`);
  let code = ExitCode.Ok;
  const configured = flags.gitlabUrl ?? ctx.env.CI_SERVER_URL;
  const instance = configured ? normaliseUrl(configured) : void 0;
  let client;
  for (const path of recordedManifests(ctx.env, flags.manifest)) {
    const m = loadManifest(path);
    if (!m.ephemeralTokens?.length) continue;
    if (!ownedByUs(path)) {
      warn(`ignored the ephemeral tokens recorded in ${path}: the file is not ours (owner or mode)`);
      continue;
    }
    const left = [];
    for (const t of m.ephemeralTokens) {
      const recorded = t.gitlabUrl ? normaliseUrl(t.gitlabUrl) : instance;
      if (!recorded || recorded !== instance) {
        left.push(t);
        warn(
          `ephemeral token #${t.tokenId} was created on ${recorded ?? "an unrecorded instance"}; pass --gitlab-url ${recorded ?? "URL"} to delete it (the API token is sent only to the instance you name)`
        );
        code = ExitCode.Usage;
        continue;
      }
      try {
        client ??= clientFor(
          { ...flags, gitlabUrl: recorded },
          ctx,
          "deleting a recorded ephemeral token"
        ).client;
        const r2 = await deleteDeployToken(
          client,
          t.level === "group" ? "groups" : "projects",
          t.id,
          t.tokenId
        );
        say(
          `${r2 === "deleted" ? "deleted" : "already gone:"} ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ""}`
        );
      } catch (e) {
        left.push(t);
        warn(
          `could not delete ephemeral token #${t.tokenId}: ${e.message ?? String(e)}`
        );
        code = e instanceof UsageError ? ExitCode.Usage : ExitCode.GitLab;
      }
    }
    saveManifest({ ...m, ephemeralTokens: left }, path);
  }
  const r = cleanupRecorded(ctx.env, flags.manifest);
  for (const p of r.removed) say(`removed ${p}`);
  for (const p of r.refused)
    warn(`left ${p} in place (not empty, not ours, or outside the credentials directory)`);
  say(
    `deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone, ${r.refused.length} left, from ${r.manifests.length} manifest(s)`
  );
  if (flags.ephemeral) {
    const { client: client2 } = clientFor(flags, ctx, "cleanup --ephemeral");
    const p = await getProject(client2, project);
    const s = await sweepEphemeral(client2, p.id, ctx.now(), olderThanMs, { dryRun: flags.dryRun === true });
    for (const t of s.deleted)
      say(
        `${flags.dryRun ? "would delete" : "deleted"} leftover ephemeral token #${t.id} ${t.name} on ${p.path_with_namespace}`
      );
    for (const t of s.young)
      say(
        `kept ephemeral token #${t.id} ${t.name}: younger than ${flags.olderThan ?? DEFAULT_OLDER_THAN}, a job may be using it`
      );
    for (const f of s.failed) {
      warn(`could not delete ephemeral token #${f.token.id}: ${f.why}`);
      code = ExitCode.GitLab;
    }
    say(
      `deploy-token: cleanup --ephemeral: ${s.deleted.length} ${flags.dryRun ? "would be " : ""}deleted, ${s.young.length} kept, ${s.failed.length} failed on ${p.path_with_namespace}`
    );
  }
  return code;
}
export {
  runCleanup
};
