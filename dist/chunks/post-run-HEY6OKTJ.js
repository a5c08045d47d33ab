import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  INPUT_NAMES,
  Runner,
  flagsOf,
  rawInput,
  readInputs
} from "./chunk-LRJPELPH.js";
import "./chunk-XIV4O4MB.js";
import "./chunk-DWTRIDGW.js";
import {
  getState
} from "./chunk-ZMI75SJ3.js";
import "./chunk-46D74EUW.js";
import {
  cleanup,
  markerStamp,
  parseManifest,
  tempBase,
  untrustedRunDir
} from "./chunk-HLA5MZAU.js";
import {
  runSpecs
} from "./chunk-OI2XTNVL.js";
import {
  resolveSettings
} from "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import "./chunk-T4ECGMLM.js";
import {
  deleteRecordedToken,
  recordedTokenProblem
} from "./chunk-34ZNKQFX.js";
import "./chunk-NKKUWKFE.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import {
  connect
} from "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-JBSERHTU.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-O3WIKRKW.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/action/post-run.ts
var LATER = "it expires at 00:00 UTC; `deploy-token cleanup --ephemeral` deletes it once it is older than --older-than (default 6h) or has expired";
async function runPostAll(env, deps = {}) {
  const runner = deps.runner ?? new Runner();
  runner.scrubber.addEnv(env);
  runner.setSecret(rawInput("gitlab-token"));
  runner.setSecret(rawInput("password"));
  if (getState("ephemeral"))
    runner.annotate(
      "warning",
      "deploy-token: ignored STATE_ephemeral: this main step saves its tokens in its manifest"
    );
  const state = getState("manifest");
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
    const flags = flagsOf(readInputs());
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
export {
  runPostAll
};
