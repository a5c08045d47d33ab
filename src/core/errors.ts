/**
 * Exit codes shared by every command (docs/cli.md, "Exit codes"): 0 done; 1 the answer is no (no
 * usable credentials, findings, GitLab refused: 403); 2 the request is wrong (bad flags, a project or
 * group GitLab does not know: 404, an API token GitLab rejects: 401); 3 GitLab or the network failed
 * (5xx, timeouts, answers that are not GitLab's) or an internal error.
 */
export const ExitCode = {
  Ok: 0,
  No: 1,
  Usage: 2,
  GitLab: 3,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the user can act on: a message, what to do, the exit code it maps to, and (when known)
 * the setting the bad value came from (`--project`, `$GITLAB_TOKEN`, `spec gitlab.url`).
 */
export class DeployTokenError extends Error {
  readonly exitCode: ExitCodeValue;
  hint: string | undefined;
  source: string | undefined;
  constructor(message: string, exitCode: ExitCodeValue, hint?: string, source?: string) {
    super(message);
    this.name = 'DeployTokenError';
    this.exitCode = exitCode;
    this.hint = hint;
    this.source = source;
  }
}

/**
 * What GitLab's answer means for the exit code: 401 (the API token rejected) and 404 (no such
 * project or group) are a wrong request, 403 is GitLab's no; anything else (5xx, no answer, an
 * answer that is not GitLab's) is GitLab failing.
 */
export function exitForStatus(status: number | undefined): ExitCodeValue {
  if (status === 401 || status === 404) return ExitCode.Usage;
  if (status === 403) return ExitCode.No;
  return ExitCode.GitLab;
}

/** Bad flags, unreadable or invalid spec, missing project: exit 2. */
export class UsageError extends DeployTokenError {
  constructor(message: string, hint?: string, source?: string) {
    super(message, ExitCode.Usage, hint, source);
    this.name = 'UsageError';
  }
}

/** GitLab could not be asked, answered something we cannot use (exit 3), or said no (exitForStatus). */
export class GitLabApiError extends DeployTokenError {
  /** HTTP status, when GitLab answered at all. */
  readonly status: number | undefined;
  /** The endpoint asked, without query string or host (never carries a secret). */
  readonly endpoint: string;
  constructor(message: string, endpoint: string, status?: number, hint?: string) {
    super(message, exitForStatus(status), hint);
    this.name = 'GitLabApiError';
    this.endpoint = endpoint;
    this.status = status;
  }
}

/**
 * The reader of our output went away (`deploy-token demo | head`, a closed log viewer): writing on
 * is pointless and not an error of ours. Node reports the first write as EPIPE, later ones on the
 * destroyed stream as ERR_STREAM_DESTROYED.
 */
export function isReaderGone(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}
