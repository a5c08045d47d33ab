import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  INPUT_NAMES,
  Runner,
  flagsOf,
  rawInput,
  readInputs
} from "./chunks/chunk-ZMS25ZMX.js";
import "./chunks/chunk-AU24H3XZ.js";
import "./chunks/chunk-VFET6M6J.js";
import "./chunks/chunk-BC2ABS6W.js";
import {
  cleanup,
  markerStamp,
  parseManifest,
  tempBase,
  untrustedRunDir
} from "./chunks/chunk-SHO2RHEB.js";
import "./chunks/chunk-QWVWL4TJ.js";
import {
  runSpecs
} from "./chunks/chunk-ISU5A6FD.js";
import {
  resolveSettings
} from "./chunks/chunk-75EZXUXU.js";
import "./chunks/chunk-XQ6QCYVK.js";
import "./chunks/chunk-IHBIXJQZ.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-F6G2ECZE.js";
import {
  deleteRecordedToken,
  recordedTokenProblem
} from "./chunks/chunk-36H7NAP6.js";
import "./chunks/chunk-TIPUZYMB.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-S7M735SX.js";
import {
  connect
} from "./chunks/chunk-GC33CJTY.js";
import "./chunks/chunk-YOE5HMND.js";
import "./chunks/chunk-GAHSSZYI.js";
import "./chunks/chunk-4XOODLE4.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-YM2RZDLZ.js";
import "./chunks/chunk-MYCCQ4L5.js";
import "./chunks/chunk-DAFGPLIL.js";
import "./chunks/chunk-RC75VXCO.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/post-run.ts
var LATER = "it expires at 00:00 UTC; `deploy-token cleanup --ephemeral` deletes it once it is older than --older-than (default 6h) or has expired";
async function runPostAll(env, stdout, deps = {}) {
  const runner = new Runner(env, stdout);
  runner.scrubber.addEnv(env);
  runner.setSecret(rawInput(env, "gitlab-token"));
  if (env.STATE_ephemeral)
    runner.annotate(
      "warning",
      "deploy-token: ignored STATE_ephemeral: this main step saves its tokens in its manifest"
    );
  const state = env.STATE_manifest;
  if (!state) {
    runner.info("deploy-token: nothing to clean up");
    return 0;
  }
  let m;
  try {
    m = parseManifest(state, "the saved state");
  } catch (e) {
    runner.annotate("warning", `deploy-token: cleanup skipped: ${e.message}`);
    return 0;
  }
  const why = untrustedRunDir(m, tempBase(env));
  if (why && why !== "gone") {
    runner.annotate(
      "warning",
      `deploy-token: left everything the saved state names alone: ${why}; this run's main step did not record it`
    );
    return 0;
  }
  if (m.ephemeralTokens?.length) await deleteTokens(m, why === "gone", env, runner, deps);
  removeFiles(m, env, runner);
  return 0;
}
function removeFiles(m, env, runner) {
  try {
    const r = cleanup(m, { base: tempBase(env) });
    for (const p of r.removed) runner.info(`deploy-token: removed ${p}`);
    for (const p of r.refused)
      runner.annotate(
        "warning",
        `deploy-token: left ${p} in place (not empty, not ours, or outside the credentials directory)`
      );
    runner.info(`deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone`);
  } catch (e) {
    runner.annotate(
      "warning",
      `deploy-token: cleanup failed: ${e.message ?? String(e)}`
    );
  }
}
async function inputConnection(env, cwd) {
  try {
    const flags = flagsOf(readInputs(env));
    return { gitlab: resolveSettings(flags, env, await runSpecs(cwd)(flags.spec), INPUT_NAMES).gitlab };
  } catch (e) {
    return { why: e.message ?? String(e) };
  }
}
async function deleteTokens(m, dirGone, env, runner, deps) {
  const warn = (m2) => runner.annotate("warning", `deploy-token: ${m2}`);
  const { gitlab, why } = await inputConnection(env, deps.cwd ?? env.GITHUB_WORKSPACE ?? process.cwd());
  let client;
  for (const t of m.ephemeralTokens ?? []) {
    const which = `ephemeral token #${t.tokenId}`;
    const problem = dirGone ? `the run's directory ${m.dir} is gone, so the record cannot be checked` : !gitlab ? `the GitLab instance is not known (${why ?? "no input"})` : recordedTokenProblem(t, markerStamp(m.marker ?? ""), gitlab.url);
    if (problem || !gitlab) {
      warn(`left ${which} alone: ${problem}; ${LATER}`);
      continue;
    }
    if (!gitlab.apiToken) {
      warn(`no API token to delete ${which} (none in ${gitlab.tokenSource}): ${LATER}`);
      continue;
    }
    try {
      client ??= connect(
        { ...gitlab, apiToken: gitlab.apiToken },
        { ...deps, env },
        (l) => runner.info(`deploy-token: ${l}`)
      );
      const res = await deleteRecordedToken(client, { ...t, name: t.name });
      runner.info(`deploy-token: ${which} ${res === "deleted" ? "deleted" : "was already gone"}`);
    } catch (e) {
      warn(`could not delete ${which} (${e.message ?? String(e)}): ${LATER}`);
    }
  }
}

// src/action/post.ts
process.exitCode = await runPostAll(process.env, { write: (s) => void process.stdout.write(s) });
