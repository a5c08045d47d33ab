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
