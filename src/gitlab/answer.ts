/**
 * What a GitLab answer means: GitLab's error answers become GitLabHttpError with the hint a user
 * needs, anything that is not GitLab's JSON API (a sign-in page, a proxy's error, truncated JSON, an
 * unexpected shape) a clear GitLabApiError (exit 3) without `.status`.
 */
import { GitLabApiError } from '../core/errors.js';
import type { Answer } from './attempt.js';
import { gitlabMessageOf, GitLabHttpError, hintFor, type Scrub } from './http-errors.js';

function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isJsonType(t: string): boolean {
  return t === 'application/json' || t.endsWith('+json');
}

function looksLikeHtml(a: Answer): boolean {
  const t = mediaType(a.headers);
  return (
    t === 'text/html' ||
    t === 'application/xhtml+xml' ||
    /^\s*<(!doctype|html|head|body)\b/i.test(a.text.slice(0, 512))
  );
}

/** The answer as JSON, or a GitLabApiError saying what it was instead (no `.status`: it is not GitLab's API speaking). */
export function jsonOf(where: string, a: Answer, scrub: Scrub): unknown {
  const redirected = a.leftOrigin
    ? ' The request was redirected to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?).'
    : '';
  if (looksLikeHtml(a)) {
    throw new GitLabApiError(
      `${where}: GitLab answered HTML, not JSON (HTTP ${a.status}: a sign-in page? check --gitlab-url and that the API token is valid)`,
      a.endpoint,
      undefined,
      `--gitlab-url is the instance root (https://gitlab.example.com), not a project or sign-in page; a proxy's login page answers HTML too.${redirected}`,
    );
  }
  const type = mediaType(a.headers);
  if (type && !isJsonType(type)) {
    throw new GitLabApiError(
      `${where}: GitLab answered ${scrub(type)}, not JSON (HTTP ${a.status})`,
      a.endpoint,
      undefined,
      `check --gitlab-url and any proxy between you and GitLab${redirected ? `;${redirected}` : ''}`,
    );
  }
  if (a.text.trim() === '') {
    throw new GitLabApiError(
      `${where}: GitLab answered an empty body, not JSON (HTTP ${a.status})`,
      a.endpoint,
    );
  }
  try {
    return JSON.parse(a.text);
  } catch {
    throw new GitLabApiError(
      `${where}: GitLab's answer is not valid JSON (truncated or not an API answer)`,
      a.endpoint,
      undefined,
      'try again; if it persists, check proxies between you and GitLab',
    );
  }
}

/** GitLab's error answer (status ≥ 400) as the error to throw: its message masked first, then cut. */
function httpError(where: string, a: Answer, scrub: Scrub, secrets: readonly string[]): GitLabHttpError {
  // GitLab's API answers errors as JSON ({"message": ...}); anything else is not GitLab speaking.
  const data = a.text.trim() === '' ? undefined : jsonOf(where, a, scrub);
  const raw = gitlabMessageOf(data);
  const gm = raw === undefined ? undefined : scrub(raw, secrets);
  const hint =
    a.status === 401 && a.leftOrigin
      ? 'GitLab redirected the request to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?)'
      : hintFor(a.status, gm);
  return new GitLabHttpError(
    `${where}: HTTP ${a.status}${gm ? ` (${gm})` : ''}`,
    a.endpoint,
    a.status,
    hint,
    gm,
  );
}

/** Status, then content: the parsed data (undefined for 204, 205 and HEAD). */
export function interpret<T>(
  method: string,
  a: Answer,
  parse: (x: unknown) => T,
  scrub: Scrub,
  secrets: readonly string[] = [],
): T | undefined {
  const where = `${method} ${a.endpoint}`;
  if (a.status >= 400) throw httpError(where, a, scrub, secrets);
  if (a.status === 204 || a.status === 205 || method === 'HEAD') return undefined;
  const data = jsonOf(where, a, scrub);
  try {
    return parse(data);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'ShapeError')) throw e;
    throw new GitLabApiError(
      `${where}: unexpected answer from GitLab: ${scrub(e.message)}`,
      a.endpoint,
      undefined,
      'check that --gitlab-url points at a GitLab instance',
    );
  }
}
