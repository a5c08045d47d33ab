import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  safeJson
} from "./chunk-T4ECGMLM.js";
import {
  DeployTokenError,
  ExitCode
} from "./chunk-NWKT2VDV.js";

// src/cli/output.ts
function errorReport(e) {
  if (e instanceof DeployTokenError) {
    return {
      message: e.message,
      ...e.hint ? { hint: e.hint } : {},
      ...e.source ? { source: e.source } : {},
      exitCode: e.exitCode
    };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return {
    message: `internal error: ${msg}`,
    hint: "this is a bug in deploy-token: please report it with the command you ran",
    exitCode: ExitCode.GitLab
  };
}
function reportError(out, e, json = false) {
  const r = errorReport(e);
  out.stderr.write(`deploy-token: error: ${r.message}
`);
  if (r.hint) out.stderr.write(`  hint: ${r.hint}
`);
  if (json) {
    const error = { message: r.message, hint: r.hint ?? null, source: r.source ?? null };
    out.stdout.write(`${safeJson({ error, exit_code: r.exitCode }, 2)}
`);
  }
  return r.exitCode;
}
function snakeKey(k) {
  return k.replace(/([a-z0-9])([A-Z])/g, (_m, a, b) => `${a}_${b.toLowerCase()}`);
}
function contractJson(value, verbatim = /* @__PURE__ */ new Set()) {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => contractJson(v, verbatim));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      snakeKey(k),
      verbatim.has(k) ? v : contractJson(v, verbatim)
    ])
  );
}
function writeJson(out, value, verbatim) {
  out.write(`${safeJson(contractJson(value, verbatim), 2)}
`);
}
function reportResolution(err, r) {
  for (const w of r.warnings) err.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
  if (r.ok && r.credentials) return true;
  err.write(`deploy-token: error: ${r.reason ?? "no credentials"}
`);
  for (const d of r.details ?? []) err.write(`  ${d}
`);
  if (r.fix) err.write(`  hint: ${r.fix}
`);
  return false;
}

export {
  reportError,
  writeJson,
  reportResolution
};
