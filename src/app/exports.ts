/** What a resolved job exports, shared by the CLI and the action. */
import type { Env } from '../core/env.js';
import { renderSpecVariables } from '../export/render.js';
import { loadTemplating } from '../export/templating.js';
import { checkVariables, deployVariables, type ExportVariable } from '../export/variables.js';
import type { FlowResult } from './flow.js';
import { templateValues } from './values.js';

/** The variables a job gets: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD and the spec's own, checked first. */
export async function jobVariables(flow: FlowResult, env: Env): Promise<ExportVariable[]> {
  const r = flow.resolution;
  if (!r.credentials) return [];
  const templates = flow.settings.job?.spec.variables;
  if (templates && Object.keys(templates).length > 0) await loadTemplating();
  const values = templateValues(r, flow.input, flow.settings.gitlab.url, env);
  const vars = [
    ...deployVariables(r.credentials.username, r.credentials.password),
    ...renderSpecVariables(flow.settings.job?.spec.variables, values, r.credentials.password),
  ];
  checkVariables(vars);
  return vars;
}

export function stepOutputs(flow: FlowResult, withPassword: boolean): Record<string, string> {
  const r = flow.resolution;
  const out: Record<string, string> = {
    username: r.credentials?.username ?? '',
    source: r.sources.CI_DEPLOY_PASSWORD?.detail ?? '',
    'token-id': r.token ? String(r.token.id) : '',
    'expires-at': r.token ? (r.token.expiresAt ?? 'never') : '',
    scopes: r.token ? r.token.scopes.join(',') : '',
    warnings: JSON.stringify(r.warnings),
  };
  if (withPassword && r.credentials) out.password = r.credentials.password;
  return out;
}

/**
 * Step outputs are printed by the runner and read by later steps: every one goes through the
 * scrubber, except those named in `secret` (the password, when asked for with password-output).
 */
export function scrubOutputs(
  outputs: Readonly<Record<string, string>>,
  scrubber: { scrub(text: string): string },
  secret: readonly string[] = ['password'],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(outputs).map(([k, v]) => [k, secret.includes(k) ? v : scrubber.scrub(v)]),
  );
}
