/**
 * `--export dotenv`: a `KEY=value` file for GitLab's `artifacts:reports:dotenv`, within GitLab's rules
 * (lib/gitlab/ci/parsers/dotenv_variable.rb and the instance limits dotenv_size / dotenv_variables): keys `[A-Za-z0-9_]`, one line per variable, file under 5 KB, at most 20 variables
 * on self-managed by default. GitLab parses each line with `/^(.*)=(.*)$/` and strips both sides
 * (lib/gitlab/ci/parsers/dotenv_variable.rb), so a value with `=`, a newline, or leading/trailing
 * white space would not come back as written: refused. dotenv variables are not masked and are kept
 * as an artifact, so the password goes there only when the user insists.
 */
import { UsageError } from '../core/errors.js';
import type { ExportVariable } from './variables.js';

export const DOTENV_MAX_BYTES = 5 * 1024;
export const DOTENV_MAX_VARIABLES = 20;
const KEY_RE = /^[A-Za-z0-9_]+$/;

export function dotenvValueProblem(value: string): string | undefined {
  if (/[\n\r]/.test(value)) return 'contains a line break';
  if (value.includes('=')) return 'contains "=" (GitLab splits the line at the last "=")';
  if (value !== value.trim()) return 'starts or ends with white space (GitLab strips it)';
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return 'contains a control character';
  return undefined;
}

export function renderDotenv(vars: readonly ExportVariable[], opts: { allowUnmasked: boolean }): string {
  if (!opts.allowUnmasked && vars.some((v) => v.secret)) {
    const names = vars.filter((v) => v.secret).map((v) => v.name);
    throw new UsageError(
      `refusing to write ${names.join(', ')} to a dotenv report: GitLab does not mask dotenv variables and keeps them as an artifact`,
      'use `deploy-token exec -- CMD` or `eval "$(deploy-token resolve --export shell)"` in the same job; pass --allow-unmasked-dotenv only if you accept the leak',
    );
  }
  if (vars.length > DOTENV_MAX_VARIABLES) {
    throw new UsageError(
      `a dotenv report may hold at most ${DOTENV_MAX_VARIABLES} variables, not ${vars.length}`,
      'export fewer variables',
    );
  }
  const lines: string[] = [];
  for (const v of vars) {
    if (!KEY_RE.test(v.name))
      throw new UsageError(`${v.name} is not a dotenv key ([A-Za-z0-9_])`, 'rename it');
    const bad = dotenvValueProblem(v.value);
    if (bad)
      throw new UsageError(
        `the value of ${v.name} cannot go into a dotenv report: it ${bad}`,
        'use --export shell or exec instead',
      );
    lines.push(`${v.name}=${v.value}\n`);
  }
  const text = lines.join('');
  if (Buffer.byteLength(text) >= DOTENV_MAX_BYTES) {
    throw new UsageError(
      `the dotenv report would be ${Buffer.byteLength(text)} bytes; GitLab accepts less than ${DOTENV_MAX_BYTES}`,
      'export fewer or shorter variables',
    );
  }
  return text;
}
