import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  clientFor
} from "./chunk-NVNNJYUQ.js";
import {
  cleanupRun,
  jobIdentity,
  selectRecorded
} from "./chunk-F7KJ4INK.js";
import {
  markerStamp,
  saveManifest,
  tempBase,
  untrustedRunDir
} from "./chunk-HLA5MZAU.js";
import {
  checkProjectRef
} from "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import {
  writeJson
} from "./chunk-WL2QIWZL.js";
import "./chunk-T4ECGMLM.js";
import {
  deleteRecordedToken,
  parseDuration,
  recordedTokenProblem,
  sweepEphemeral
} from "./chunk-34ZNKQFX.js";
import "./chunk-NKKUWKFE.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import {
  flagConnection,
  getProject
} from "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  ExitCode,
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/cleanup.ts
var DEFAULT_OLDER_THAN = "6h";
function checkFlags(flags, ctx) {
  const olderThanMs = parseDuration(flags.ephemeralOlderThan ?? DEFAULT_OLDER_THAN, "--ephemeral-older-than");
  const project = flags.project ?? (ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH || void 0);
  if (project !== void 0)
    checkProjectRef(project, flags.project !== void 0 ? "--project" : "the project");
  if (flags.ephemeral && !project) {
    throw new UsageError(
      "cleanup --ephemeral needs the project whose leftover tokens to delete",
      "pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)"
    );
  }
  if (flags.ephemeralOlderThan !== void 0 && !flags.ephemeral) {
    throw new UsageError(
      "--ephemeral-older-than applies to --ephemeral",
      "add --ephemeral",
      "--ephemeral-older-than"
    );
  }
  if (flags.all && flags.manifest) {
    throw new UsageError(
      "--all and --manifest exclude each other",
      "pass --manifest FILE for one run, or --all for every run recorded on this machine"
    );
  }
  return { olderThanMs, ...project ? { project } : {} };
}
function selectRuns(flags, io) {
  const { ctx, warn } = io;
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
  for (const r of sel.running)
    ctx.stderr.write(
      `deploy-token: left alone ${r.path}: its run (process ${r.pid}) is still going; its files are in use
`
    );
  return sel;
}
async function runCleanup(flags, ctx) {
  const { olderThanMs, project } = checkFlags(flags, ctx);
  const json = flags.format === "json";
  const report = { removed: [], already_gone: [], left: [], lines: [] };
  const io = {
    ctx,
    dry: flags.dryRun === true,
    say: (l) => json ? report.lines.push(l) : ctx.stdout.write(`${l}
`),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}
`),
    report
  };
  let code = ExitCode.Ok;
  const sel = selectRuns(flags, io);
  const gitlab = flagConnection(flags, ctx.env);
  const instance = gitlab.defaulted ? void 0 : gitlab.url;
  const api = lazyClient(gitlab, ctx);
  for (const run of sel.runs) {
    if (!run.manifest.ephemeralTokens?.length) continue;
    const c = await deleteRunTokens(run, instance, api, io);
    if (c !== ExitCode.Ok) code = c;
  }
  removeFiles(sel, io);
  if (flags.ephemeral) {
    const c = await sweepProject(flags, gitlab, project, olderThanMs, io);
    if (c !== ExitCode.Ok) code = c;
  }
  if (json) writeJson(ctx.stdout, { dry_run: io.dry, ...report, exit_code: code });
  return code;
}
function removeFiles(sel, io) {
  const { dry, say, warn } = io;
  const total = { removed: [], missing: [], refused: [] };
  for (const run of sel.runs) {
    const r = cleanupRun(run, io.ctx.env, { dryRun: dry });
    total.removed.push(...r.removed);
    total.missing.push(...r.missing);
    if (r.why) {
      warn(`left everything ${run.path} names alone: ${r.why}`);
      total.refused.push(run.manifest.dir);
    } else total.refused.push(...r.refused);
  }
  io.report.removed.push(...total.removed);
  io.report.already_gone.push(...total.missing);
  io.report.left.push(...total.refused);
  for (const p of total.removed) say(`${dry ? "would remove" : "removed"} ${p}`);
  for (const p of total.refused)
    warn(`left ${p} in place (not empty, not ours, or outside the credentials directory)`);
  say(
    `deploy-token: cleanup${dry ? " --dry-run" : ""}: ${total.removed.length} ${dry ? "would be " : ""}removed, ${total.missing.length} already gone, ${total.refused.length} left, from ${sel.runs.length} manifest(s)${sel.leftAlone.length ? `; ${sel.leftAlone.length} of other jobs left alone` : ""}`
  );
}
async function sweepProject(flags, gitlab, project, olderThanMs, io) {
  const { ctx, dry, say, warn } = io;
  let code = ExitCode.Ok;
  const client = clientFor(gitlab, ctx, "cleanup --ephemeral");
  const p = await getProject(client, project);
  const s = await sweepEphemeral(client, p.id, ctx.now(), olderThanMs, { dryRun: dry });
  for (const t of s.deleted)
    say(
      `${dry ? "would delete" : "deleted"} leftover ephemeral token #${t.id} ${t.name} on ${p.path_with_namespace}`
    );
  for (const t of s.young)
    say(
      `kept ephemeral token #${t.id} ${t.name}: younger than ${flags.ephemeralOlderThan ?? DEFAULT_OLDER_THAN}, a job may be using it`
    );
  for (const f of s.failed) {
    warn(`could not delete ephemeral token #${f.token.id}: ${f.why}`);
    code = ExitCode.GitLab;
  }
  say(
    `deploy-token: cleanup --ephemeral: ${s.deleted.length} ${dry ? "would be " : ""}deleted, ${s.young.length} kept, ${s.failed.length} failed on ${p.path_with_namespace}`
  );
  return code;
}
function lazyClient(gitlab, ctx) {
  let client;
  return () => client ??= clientFor(gitlab, ctx, "deleting a recorded ephemeral token");
}
async function deleteRunTokens(run, instance, api, io) {
  const m = run.manifest;
  const left = [];
  let code = ExitCode.Ok;
  const dirProblem = untrustedRunDir(m, tempBase(io.ctx.env));
  for (const t of m.ephemeralTokens ?? []) {
    const which = `ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ""}`;
    const problem = !instance ? "no instance named: pass --gitlab-url (the API token is sent only to the instance you name, never to the default)" : dirProblem ? `the record ${run.path} cannot be checked: ${dirProblem === "gone" ? "its run directory is gone" : dirProblem}` : recordedTokenProblem(t, markerStamp(m.marker ?? ""), instance);
    if (problem) {
      left.push(t);
      io.warn(`left ${which} alone: ${problem}`);
      code = ExitCode.Usage;
      continue;
    }
    if (io.dry) {
      left.push(t);
      io.say(`would delete ${which}`);
      continue;
    }
    try {
      const r = await deleteRecordedToken(api(), { ...t, name: t.name });
      io.say(`${r === "deleted" ? "deleted" : "already gone:"} ${which}`);
    } catch (e) {
      left.push(t);
      io.warn(`could not delete ${which}: ${e.message ?? String(e)}`);
      code = e instanceof UsageError ? ExitCode.Usage : ExitCode.GitLab;
    }
  }
  if (!io.dry) {
    run.manifest = { ...m, ephemeralTokens: left };
    saveManifest(run.manifest, run.path);
  }
  return code;
}
export {
  runCleanup
};
