import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  escapeCommandData
} from "./chunks/chunk-GU27M52E.js";
import {
  cleanup,
  parseManifest
} from "./chunks/chunk-OQRBQRFD.js";
import "./chunks/chunk-YIZN2NQI.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-37K7DFDN.js";

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

// src/action/post.ts
process.exitCode = runPost(process.env, { write: (s) => void process.stdout.write(s) });
