import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  cleanup,
  loadManifest,
  saveManifest,
  tempBase,
  untrustedManifest,
  whyNotOurs
} from "./chunk-HLA5MZAU.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/app/state-dir.ts
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
function stateDir(env, uid = process.getuid?.()) {
  return join(tempBase(env), `deploy-token-state-${uid ?? "u"}`);
}
function jobIdentity(env) {
  const v = (name) => env[name] && env[name] !== "" ? env[name] : void 0;
  const gitlabJob = v("CI_JOB_ID");
  if (gitlabJob)
    return `GitLab job ${gitlabJob} of project ${v("CI_PROJECT_ID") ?? "?"} on ${v("CI_SERVER_URL") ?? "?"}`;
  const run = v("GITHUB_RUN_ID");
  if (run) return `GitHub run ${run} attempt ${v("GITHUB_RUN_ATTEMPT") ?? "1"} job ${v("GITHUB_JOB") ?? "?"}`;
  return void 0;
}
function checkStateDir(env, uid = process.getuid?.()) {
  const dir = stateDir(env, uid);
  const why = whyNotOurs(dir, "directory", uid, { absentOk: true });
  if (why) {
    throw new UsageError(
      `the state directory ${dir} is not safe to use: ${why}`,
      "someone else may have planted it: inspect and remove it (or set RUNNER_TEMP to a private directory), then run again"
    );
  }
  return dir;
}
function recordedManifests(env, manifestPath) {
  if (manifestPath) return [manifestPath];
  const dir = checkStateDir(env);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f)) : [];
}
function recordManifest(m, env) {
  const dir = stateDir(env);
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (e) {
    const code = e.code;
    if (code !== "EEXIST") {
      throw new UsageError(
        `cannot create the state directory ${dir}${code ? ` (${code})` : ""}`,
        "check that RUNNER_TEMP (or the system temp dir) exists and is writable"
      );
    }
  }
  checkStateDir(env);
  const job = jobIdentity(env);
  if (job) m.job = job;
  const path = join(dir, `${m.dir.split("/").pop() ?? "run"}.json`);
  saveManifest(m, path);
  return path;
}
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function selectRecorded(env, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const current = jobIdentity(env);
  const out = { runs: [], leftAlone: [], refused: [], running: [] };
  const paths = opts.manifest ? [opts.manifest] : recordedManifests(env);
  for (const path of paths) {
    const why = untrustedManifest(path, uid);
    if (why && opts.manifest) {
      throw new UsageError(
        `the manifest ${path} cannot be used: ${why}`,
        "pass a manifest that this user's deploy-token run wrote (0600)"
      );
    }
    if (why) {
      out.refused.push({ path, why: `the file is not ours: ${why}` });
      continue;
    }
    let manifest;
    try {
      manifest = loadManifest(path);
    } catch (e) {
      if (opts.manifest) throw e;
      out.refused.push({ path, why: e.message });
      continue;
    }
    if (!opts.manifest && !opts.all && manifest.job !== current) {
      out.leftAlone.push({ path, job: manifest.job });
      continue;
    }
    if (manifest.pid !== void 0 && manifest.pid !== process.pid && running(manifest.pid)) {
      out.running.push({ path, pid: manifest.pid });
      continue;
    }
    out.runs.push({ path, manifest });
  }
  return out;
}
function cleanupRun(run, env, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const r = cleanup(run.manifest, {
    dryRun: opts.dryRun === true,
    uid,
    base: tempBase(env),
    // A dry run shows what a real run does: that one deletes the tokens first, then the marker goes.
    keepMarker: !opts.dryRun && (run.manifest.ephemeralTokens?.length ?? 0) > 0
  });
  if (!opts.dryRun && r.refused.length === 0 && !run.manifest.ephemeralTokens?.length && dirname(run.path) === stateDir(env, uid))
    rmSync(run.path, { force: true });
  return r;
}
function forgetManifest(path) {
  rmSync(path, { force: true });
}

export {
  jobIdentity,
  checkStateDir,
  recordManifest,
  selectRecorded,
  cleanupRun,
  forgetManifest
};
