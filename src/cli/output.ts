/**
 * The CLI's output contract (docs/cli.md, "Output"): one error style, one JSON shape for errors,
 * snake_case keys and ISO 8601 UTC instants in every JSON report, never a stack trace, never a secret
 * (every text goes through the output boundary, src/core/output.ts).
 */
import { DeployTokenError, ExitCode } from '../core/errors.js';
import { safeJson } from '../core/text.js';
import type { TextSink } from './context.js';

/** What an error says: its message, what to do, and the setting its bad value came from. */
export interface ErrorReport {
  message: string;
  hint?: string;
  source?: string;
  exitCode: number;
}

/** Any thrown value as a report: ours as they are, anything else an internal error (exit 3). */
export function errorReport(e: unknown): ErrorReport {
  if (e instanceof DeployTokenError) {
    return {
      message: e.message,
      ...(e.hint ? { hint: e.hint } : {}),
      ...(e.source ? { source: e.source } : {}),
      exitCode: e.exitCode,
    };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return {
    message: `internal error: ${msg}`,
    hint: 'this is a bug in deploy-token: please report it with the command you ran',
    exitCode: ExitCode.GitLab,
  };
}

/**
 * An error, as text on stderr (`deploy-token: error: …` then `  hint: …`) for the person reading the
 * log and, with `--format json`, also as `{"error": {"message", "hint", "source"}, "exit_code": N}` on
 * stdout for the script reading the output. Returns the exit code.
 */
export function reportError(out: { stdout: TextSink; stderr: TextSink }, e: unknown, json = false): number {
  const r = errorReport(e);
  out.stderr.write(`deploy-token: error: ${r.message}\n`);
  if (r.hint) out.stderr.write(`  hint: ${r.hint}\n`);
  if (json) {
    const error = { message: r.message, hint: r.hint ?? null, source: r.source ?? null };
    out.stdout.write(`${safeJson({ error, exit_code: r.exitCode }, 2)}\n`);
  }
  return r.exitCode;
}

/** `expiresAt` → `expires_at`; keys already in snake_case or upper case (`CI_DEPLOY_USER`) stay. */
export function snakeKey(k: string): string {
  return k.replace(/([a-z0-9])([A-Z])/g, (_m, a: string, b: string) => `${a}_${b.toLowerCase()}`);
}

/**
 * A report as the JSON contract has it: every key in snake_case (GitLab's API casing), every instant
 * (a Date) as ISO 8601 UTC. Keys under `verbatim` (maps keyed by variable names) are left as they are.
 */
export function contractJson(value: unknown, verbatim: ReadonlySet<string> = new Set()): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => contractJson(v, verbatim));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      snakeKey(k),
      verbatim.has(k) ? v : contractJson(v, verbatim),
    ]),
  );
}

/** A JSON report on stdout, in the contract's shape. */
export function writeJson(out: TextSink, value: unknown, verbatim?: ReadonlySet<string>): void {
  out.write(`${safeJson(contractJson(value, verbatim), 2)}\n`);
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
  err.write(`deploy-token: error: ${r.reason ?? 'no credentials'}\n`);
  for (const d of r.details ?? []) err.write(`  ${d}\n`);
  if (r.fix) err.write(`  hint: ${r.fix}\n`);
  return false;
}
