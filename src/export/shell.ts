/**
 * POSIX `export NAME='value'` lines for `eval "$(deploy-token resolve --export shell)"`.
 * Single quotes keep every byte literal in sh, dash and bash; a single quote inside the value is
 * closed, escaped and reopened (`'\''`). Newlines stay literal inside the quotes.
 */
import type { ExportVariable } from './variables.js';

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function renderShell(vars: readonly ExportVariable[]): string {
  return vars.map((v) => `export ${v.name}=${shellQuote(v.value)}\n`).join('');
}
