import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/core/errors.ts
var ExitCode = {
  Ok: 0,
  No: 1,
  Usage: 2,
  GitLab: 3
};
var DeployTokenError = class extends Error {
  exitCode;
  hint;
  source;
  constructor(message, exitCode, hint, source) {
    super(message);
    this.name = "DeployTokenError";
    this.exitCode = exitCode;
    this.hint = hint;
    this.source = source;
  }
};
function exitForStatus(status) {
  if (status === 401 || status === 404) return ExitCode.Usage;
  if (status === 403) return ExitCode.No;
  return ExitCode.GitLab;
}
var UsageError = class extends DeployTokenError {
  constructor(message, hint, source) {
    super(message, ExitCode.Usage, hint, source);
    this.name = "UsageError";
  }
};
var GitLabApiError = class extends DeployTokenError {
  /** HTTP status, when GitLab answered at all. */
  status;
  /** The endpoint asked, without query string or host (never carries a secret). */
  endpoint;
  constructor(message, endpoint, status, hint) {
    super(message, exitForStatus(status), hint);
    this.name = "GitLabApiError";
    this.endpoint = endpoint;
    this.status = status;
  }
};
function isReaderGone(e) {
  const code = e?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

export {
  ExitCode,
  DeployTokenError,
  UsageError,
  GitLabApiError,
  isReaderGone
};
