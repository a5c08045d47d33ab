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
  constructor(message, exitCode, hint) {
    super(message);
    this.name = "DeployTokenError";
    this.exitCode = exitCode;
    this.hint = hint;
  }
};
var UsageError = class extends DeployTokenError {
  constructor(message, hint) {
    super(message, ExitCode.Usage, hint);
    this.name = "UsageError";
  }
};
var GitLabApiError = class extends DeployTokenError {
  /** HTTP status, when GitLab answered at all. */
  status;
  /** The endpoint asked, without query string or host (never carries a secret). */
  endpoint;
  constructor(message, endpoint, status, hint) {
    super(message, ExitCode.GitLab, hint);
    this.name = "GitLabApiError";
    this.endpoint = endpoint;
    this.status = status;
  }
};

export {
  ExitCode,
  DeployTokenError,
  UsageError,
  GitLabApiError
};
