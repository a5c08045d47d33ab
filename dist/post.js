import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  escapeCommandData
} from "./chunks/chunk-NXRRVDO2.js";
import {
  cleanup,
  parseManifest
} from "./chunks/chunk-BWGITJJA.js";
import {
  clientWith
} from "./chunks/chunk-4YG5LHE6.js";
import {
  deleteEphemeral
} from "./chunks/chunk-4CIYU6N5.js";
import "./chunks/chunk-7TLYVLNA.js";
import "./chunks/chunk-ZXYRMQQA.js";
import "./chunks/chunk-W3LW53PW.js";
import "./chunks/chunk-BUYLEDRM.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/post-run.ts
function runPost(env, stdout) {
  const state = env.STATE_manifest;
  if (!state) {
    stdout.write("deploy-token: nothing to clean up\n");
    return 0;
  }
  try {
    const r = cleanup(parseManifest(state, "the saved state"));
    for (const p of r.removed) stdout.write(`deploy-token: removed ${p}
`);
    for (const p of r.refused)
      stdout.write(
        `::warning::${escapeCommandData(`deploy-token: left ${p} in place (not empty or outside the credentials directory)`)}
`
      );
    stdout.write(`deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone
`);
  } catch (e) {
    stdout.write(
      `::warning::${escapeCommandData(`deploy-token: cleanup failed: ${e.message ?? String(e)}`)}
`
    );
  }
  return 0;
}
async function runPostAll(env, stdout, deps = {}) {
  runPost(env, stdout);
  const state = env.STATE_ephemeral;
  if (!state) return 0;
  const warn = (m) => stdout.write(`::warning::${escapeCommandData(`deploy-token: ${m}`)}
`);
  let records;
  try {
    records = parseRecords(state);
  } catch {
    warn("the saved ephemeral-token state is unreadable: run `deploy-token cleanup --ephemeral`");
    return 0;
  }
  const token = (env["INPUT_GITLAB-TOKEN"] ?? "").trim() || env.GITLAB_TOKEN;
  if (token) stdout.write(`::add-mask::${escapeCommandData(token)}
`);
  for (const r of records) {
    if (!token) {
      warn(
        `no API token to delete ephemeral token #${r.tokenId}: it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --older-than (default 6h) or has expired`
      );
      continue;
    }
    try {
      const client = clientWith(r.gitlabUrl, token, { ...deps, env });
      const res = await deleteEphemeral(client, r);
      stdout.write(
        `deploy-token: ephemeral token #${r.tokenId} ${res === "deleted" ? "deleted" : "was already gone"}
`
      );
    } catch (e) {
      warn(
        `could not delete ephemeral token #${r.tokenId} (${e.message ?? String(e)}): it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --older-than (default 6h) or has expired`
      );
    }
  }
  return 0;
}
function parseRecords(text) {
  const v = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error("not a list");
  return v.map((x) => {
    if (x?.level !== "project" || !Number.isInteger(x.id) || !Number.isInteger(x.tokenId) || typeof x.gitlabUrl !== "string" || typeof x.name !== "string")
      throw new Error("not a record");
    return x;
  });
}

// src/action/post.ts
process.exitCode = await runPostAll(process.env, { write: (s) => void process.stdout.write(s) });
