import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  cleanupRecorded
} from "./chunk-4RDKWILY.js";
import "./chunk-OQRBQRFD.js";
import "./chunk-YIZN2NQI.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/cli/commands/cleanup.ts
async function runCleanup(flags, ctx) {
  if (flags.ephemeral) {
    throw new UsageError(
      "ephemeral tokens are not available in this version",
      "run cleanup without --ephemeral"
    );
  }
  const r = cleanupRecorded(ctx.env, flags.manifest);
  for (const p of r.removed) ctx.stdout.write(`removed ${p}
`);
  for (const p of r.refused)
    ctx.stderr.write(
      `deploy-token: warning: left ${p} in place (not empty, not ours, or outside the credentials directory)
`
    );
  ctx.stdout.write(
    `deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone, ${r.refused.length} left, from ${r.manifests.length} manifest(s)
`
  );
  return 0;
}
export {
  runCleanup
};
