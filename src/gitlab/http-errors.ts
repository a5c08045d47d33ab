/**
 * What the GitLab client says when a call fails: which failures are worth another try, the hint a
 * GitLab user needs for each status, and the one scrubbing every text from elsewhere gets (GitLab's
 * messages, socket errors) before it goes into an error: masked first (the API token and the
 * request's secrets with their derived forms, src/mask), then URL user-info and addresses removed,
 * then cut — a secret cut in half would no longer be found.
 */
import { GitLabApiError } from '../core/errors.js';
import { maskString } from '../mask/index.js';

/** GitLab answered with an HTTP error in its JSON format: `.status` and its short `message`. */
export class GitLabHttpError extends GitLabApiError {
  /** GitLab's `message` (or OAuth `error`), at most 200 characters. */
  readonly gitlabMessage: string | undefined;
  constructor(message: string, endpoint: string, status: number, hint?: string, gitlabMessage?: string) {
    super(message, endpoint, status, hint);
    this.name = 'GitLabHttpError';
    this.gitlabMessage = gitlabMessage;
  }
}

export const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN', // DNS, temporary
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const TLS_TRUST_CODES =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_\w+|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** 408, 429 and every 5xx are worth another try; other answers are GitLab's last word. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** What to do about each status, in the words a GitLab user needs. */
export function hintFor(status: number, gitlabMessage: string | undefined): string | undefined {
  switch (status) {
    case 400:
      return 'GitLab refused the request as invalid: see its message (a CI/CD variable value that cannot be masked is refused this way)';
    case 401:
      return 'the API token was refused: it needs the `read_api` scope (or `api` to create tokens) and must not be expired or revoked';
    case 403:
      // lib/api/api_guard.rb: a token without the needed scope gets 403 `insufficient_scope`.
      return gitlabMessage && /insufficient_scope/i.test(gitlabMessage)
        ? 'the API token lacks a scope: reading needs `read_api`, creating or deleting tokens and writing variables needs `api`'
        : "the token's user needs at least the Maintainer role on the project (Owner for group variables and group token changes)";
    case 404:
      return "not found: check the project or group path or id, and that the token's user can see it";
    case 409:
      return 'GitLab reports a conflict: for a CI/CD variable, the key exists in several environment scopes (ask with filter[environment_scope])';
    case 429:
      return 'GitLab is rate-limiting these requests: try again later';
    default:
      return status >= 500
        ? "GitLab failed to answer: try again later, or check the instance's status"
        : undefined;
  }
}

/** Errors may come from another realm (jest's vm, undici): read them by shape, not instanceof. */
export function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause?.message;
  const text = typeof m === 'string' && m ? m : 'network error';
  return typeof cause === 'string' && cause ? `${text}: ${cause}` : text;
}

/** The most of a text from elsewhere an error quotes. */
const QUOTE_CHARS = 200;

/**
 * The scrubbing for one client: its API token, and per call the values the request sends. Where a
 * host may be named (socket and proxy messages), `hosts` also replaces URLs and addresses: errors
 * name paths only.
 */
export function scrubberFor(token: string | undefined) {
  return (text: string, secrets: readonly string[] = [], opts: { hosts?: boolean } = {}): string => {
    const list = [token, ...secrets].filter((x): x is string => x !== undefined && x.length >= 4);
    let t = list.length > 0 ? maskString(text, list) : text;
    t = t.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@');
    if (opts.hosts) {
      t = t
        .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, '<url>')
        .replace(/\[[0-9a-f:.]+\](?::\d+)?/gi, '<address>')
        .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<address>')
        .replace(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\b/gi, '<host>');
    }
    return t.slice(0, QUOTE_CHARS);
  };
}

export type Scrub = ReturnType<typeof scrubberFor>;

/** A request that never got an answer: the error code alone, or the scrubbed message without hosts. */
export function unreachable(where: string, endpoint: string, e: unknown, scrub: Scrub): GitLabApiError {
  const code = errorCode(e);
  // The code alone when there is one: socket messages name hosts and addresses, errors name paths only.
  // Proxy refusals (407) have no telling code, so their message is shown instead.
  const detail =
    code && code !== 'UND_ERR_INVALID_ARG' && code !== 'UND_ERR_ABORTED'
      ? code
      : scrub(messageOf(e), [], { hosts: true });
  const hint =
    code && TLS_TRUST_CODES.test(code)
      ? "GitLab's TLS certificate is not trusted: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node reads it at start-up)"
      : code === 'ENOTFOUND'
        ? 'check the host name in --gitlab-url'
        : 'check --gitlab-url, the network, HTTPS_PROXY / NO_PROXY, and NODE_EXTRA_CA_CERTS for a private CA';
  return new GitLabApiError(`${where}: could not reach GitLab (${detail})`, endpoint, undefined, hint);
}

/** GitLab's short `message` (or OAuth's `error`), as one line; scrubbed and cut by the caller. */
export function gitlabMessageOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as { message?: unknown; error?: unknown; error_description?: unknown };
  const raw = d.message ?? d.error;
  if (raw === undefined || raw === null) return undefined;
  // 400 answers carry field errors as an object: {"message": {"value": ["is invalid"]}}.
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const desc =
    typeof d.error_description === 'string' && d.message === undefined ? `: ${d.error_description}` : '';
  return `${text}${desc}`.replace(/\s+/g, ' ').trim();
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
