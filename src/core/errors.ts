/**
 * Exit codes shared by every command (the README's exit-code table).
 * 0 done, 1 the answer is no, 2 the request is wrong, 3 GitLab could not be asked.
 */
export const ExitCode = {
  Ok: 0,
  No: 1,
  Usage: 2,
  GitLab: 3,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: a message, what to do, and the exit code it maps to. */
export class DeployTokenError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.name = 'DeployTokenError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad flags, unreadable or invalid spec, missing project: exit 2. */
export class UsageError extends DeployTokenError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
    this.name = 'UsageError';
  }
}

/** GitLab could not be asked, or answered something we cannot use: exit 3. */
export class GitLabApiError extends DeployTokenError {
  /** HTTP status, when GitLab answered at all. */
  readonly status: number | undefined;
  /** The endpoint asked, without query string or host (never carries a secret). */
  readonly endpoint: string;
  constructor(message: string, endpoint: string, status?: number, hint?: string) {
    super(message, ExitCode.GitLab, hint);
    this.name = 'GitLabApiError';
    this.endpoint = endpoint;
    this.status = status;
  }
}
