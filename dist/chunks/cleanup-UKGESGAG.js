import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  clientFor
} from "./chunk-7C6V7UI5.js";
import {
  cleanupRun,
  jobIdentity,
  selectRecorded
} from "./chunk-CTGUFLN4.js";
import {
  normaliseUrl
} from "./chunk-FJEDMX6I.js";
import {
  saveManifest
} from "./chunk-BWGITJJA.js";
import "./chunk-4YG5LHE6.js";
import {
  parseDuration,
  sweepEphemeral
} from "./chunk-4CIYU6N5.js";
import "./chunk-7TLYVLNA.js";
import "./chunk-ZXYRMQQA.js";
import {
  deleteDeployToken,
  getProject
} from "./chunk-W3LW53PW.js";
import "./chunk-BUYLEDRM.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/cleanup.ts
var DEFAULT_OLDER_THAN = "6h";
async function runCleanup(flags, ctx) {
  const olderThanMs = parseDuration(flags.olderThan ?? DEFAULT_OLDER_THAN, "--older-than");
  const project = flags.project ?? (ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH || void 0);
  if (flags.ephemeral && !project) {
    throw new UsageError(
      "cleanup --ephemeral needs the project whose leftover tokens to delete",
      "pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)"
    );
  }
  if (flags.olderThan !== void 0 && !flags.ephemeral) {
    throw new UsageError("--older-than applies to --ephemeral", "add --ephemeral");
  }
  if (flags.all && flags.manifest) {
    throw new UsageError(
      "--all and --manifest exclude each other",
      "pass --manifest FILE for one run, or --all for every run recorded on this machine"
    );
  }
  const dry = flags.dryRun === true;
  const say = (l) => ctx.stdout.write(`${l}
`);
  const warn = (l) => ctx.stderr.write(`deploy-token: warning: ${l}
`);
  let code = ExitCode.Ok;
  const sel = selectRecorded(ctx.env, {
    ...flags.manifest ? { manifest: flags.manifest } : {},
    all: flags.all === true
  });
  for (const r of sel.refused) warn(`ignored ${r.path}: ${r.why}`);
  const current = jobIdentity(ctx.env);
  for (const l of sel.leftAlone) {
    ctx.stderr.write(
      `deploy-token: left alone ${l.path}: recorded by ${l.job ?? "a run outside CI"}, not by this job (${current ?? "outside CI"}); \`deploy-token cleanup --all\` cleans up every run recorded on this machine
`
    );
  }
  const configured = flags.gitlabUrl ?? ctx.env.CI_SERVER_URL;
  const instance = configured ? normaliseUrl(configured) : void 0;
  let client;
  for (const run of sel.runs) {
    const m = run.manifest;
    if (!m.ephemeralTokens?.length) continue;
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
      if (dry) {
        left.push(t);
        say(`would delete ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ""}`);
        continue;
      }
      try {
        client ??= clientFor(
          { ...flags, gitlabUrl: recorded },
          ctx,
          "deleting a recorded ephemeral token"
        ).client;
        const r = await deleteDeployToken(
          client,
          t.level === "group" ? "groups" : "projects",
          t.id,
          t.tokenId
        );
        say(
          `${r === "deleted" ? "deleted" : "already gone:"} ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ""}`
        );
      } catch (e) {
        left.push(t);
        warn(
          `could not delete ephemeral token #${t.tokenId}: ${e.message ?? String(e)}`
        );
        code = e instanceof UsageError ? ExitCode.Usage : ExitCode.GitLab;
      }
    }
    if (!dry) {
      run.manifest = { ...m, ephemeralTokens: left };
      saveManifest(run.manifest, run.path);
    }
  }
  const total = { removed: [], missing: [], refused: [] };
  for (const run of sel.runs) {
    const r = cleanupRun(run, ctx.env, { dryRun: dry });
    total.removed.push(...r.removed);
    total.missing.push(...r.missing);
    total.refused.push(...r.refused);
  }
  for (const p of total.removed) say(`${dry ? "would remove" : "removed"} ${p}`);
  for (const p of total.refused)
    warn(`left ${p} in place (not empty, not ours, or outside the credentials directory)`);
  say(
    `deploy-token: cleanup${dry ? " --dry-run" : ""}: ${total.removed.length} ${dry ? "would be " : ""}removed, ${total.missing.length} already gone, ${total.refused.length} left, from ${sel.runs.length} manifest(s)${sel.leftAlone.length ? `; ${sel.leftAlone.length} of other jobs left alone` : ""}`
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
