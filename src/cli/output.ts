/** Printing errors and warnings for the CLI: one format, never a stack trace, never a secret. */
import { DeployTokenError } from '../core/errors.js';
import type { TextSink } from './context.js';

export function reportError(err: TextSink, e: unknown, redact: (s: string) => string = (s) => s): number {
  if (e instanceof DeployTokenError) {
    err.write(`deploy-token: error: ${redact(e.message)}\n`);
    if (e.hint) err.write(`  hint: ${redact(e.hint)}\n`);
    return e.exitCode;
  }
  const msg = e instanceof Error ? e.message : String(e);
  err.write(`deploy-token: internal error: ${redact(msg)}\n`);
  return 3;
}

/** A resolution's warnings, then (when it failed) its reason, details and fix; returns whether it is ok. */
export function reportResolution(
  err: TextSink,
  r: {
    ok: boolean;
    credentials?: unknown;
    warnings: readonly { code: string; message: string }[];
    reason?: string;
    details?: readonly string[];
    fix?: string;
  },
): boolean {
  for (const w of r.warnings) err.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
  if (r.ok && r.credentials) return true;
  err.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
  for (const d of r.details ?? []) err.write(`  ${d}\n`);
  if (r.fix) err.write(`  fix: ${r.fix}\n`);
  return false;
}
