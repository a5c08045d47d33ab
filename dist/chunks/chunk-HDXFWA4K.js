import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  DeployTokenError
} from "./chunk-XSTXBMLW.js";

// src/cli/output.ts
function reportError(err, e, redact = (s) => s) {
  if (e instanceof DeployTokenError) {
    err.write(`deploy-token: error: ${redact(e.message)}
`);
    if (e.hint) err.write(`  hint: ${redact(e.hint)}
`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.message : String(e);
  err.write(`deploy-token: internal error: ${redact(msg)}
`);
  return 3;
}
function reportResolution(err, r) {
  for (const w of r.warnings) err.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
  if (r.ok && r.credentials) return true;
  err.write(`deploy-token: ${r.reason ?? "no credentials"}
`);
  for (const d of r.details ?? []) err.write(`  ${d}
`);
  if (r.fix) err.write(`  fix: ${r.fix}
`);
  return false;
}

export {
  reportError,
  reportResolution
};
