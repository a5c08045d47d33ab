import type { DeployToken } from '../gitlab/types.js';
import type { GitLabVersion } from './version.js';

export type Scope =
  'read_repository' | 'read_registry' | 'write_registry' | 'read_package_registry' | 'write_package_registry';

/** What the API said about one CI/CD variable (`CI_DEPLOY_USER` or `CI_DEPLOY_PASSWORD`) at one level. */
export type VariableLookup =
  | { state: 'unset' }
  | {
      state: 'set';
      /** null when the variable is hidden (GitLab 17.4+): the API never returns its value. */
      value: string | null;
      hidden: boolean;
      masked: boolean;
      protected: boolean;
      environmentScope: string;
      /** Set when several environment scopes matched and one was chosen by GitLab's precedence. */
      note?: string;
    }
  | { state: 'unknown'; why: string };

export interface VariablePair {
  user: VariableLookup;
  password: VariableLookup;
}

export const UNKNOWN_PAIR = (why: string): VariablePair => ({
  user: { state: 'unknown', why },
  password: { state: 'unknown', why },
});

export interface GroupTokens {
  path: string;
  id?: number;
  /** undefined when the tokens could not be listed (no access); the reason is in `why`. */
  tokens?: DeployToken[];
  why?: string;
}

/** Everything the resolver decides from. Gathered by `gather.ts` (I/O); the decision itself is pure. */
export interface ResolveInput {
  now: Date;
  /** false when no API token was given: only the job environment can be used, unverified. */
  apiAvailable: boolean;
  version?: GitLabVersion;
  /** Why the version is unknown, when it is. */
  versionWhy?: string;
  project?: {
    id: number;
    path: string;
    namespaceKind: 'group' | 'user';
    namespacePath: string;
    /** e.g. `registry.example.com/tanuki/awesome_project`: the registry host a job's CI_REGISTRY would be. */
    registryImagePrefix?: string;
  };
  /** undefined when the project's tokens could not be listed. */
  projectTokens?: DeployToken[];
  projectTokensWhy?: string;
  /** The project's direct parent group (namespace of kind `group`), if any. */
  group?: GroupTokens;
  /** Groups above the direct parent, nearest first: their tokens are never exposed to the project's jobs. */
  ancestors: GroupTokens[];
  /** `CI_DEPLOY_USER` / `CI_DEPLOY_PASSWORD` as the job sees them (runner-injected or CI/CD variables). */
  jobEnv: { user?: string; password?: string };
  /** The CI/CD variables API, per level. */
  variables: { project: VariablePair; group: VariablePair };
  /** The spec's fallback source (`token.fallback`): env variable names and what they hold. */
  fallback?: { usernameEnv?: string; passwordEnv?: string; user?: string; password?: string };
  /** The job being resolved for, when the spec names one. */
  job?: { name: string; scopes: Scope[]; lfs: boolean };
  /** Warn when the token expires within this many days. */
  minDaysLeft: number;
  /** The environment name used for CI/CD variable scopes, if any. */
  environment?: string;
}

export type SourceKind =
  'job-environment' | 'project-variable' | 'group-variable' | 'spec-fallback' | 'token';

export interface Source {
  kind: SourceKind;
  /** Human words: `job environment (CI_DEPLOY_PASSWORD)`, `group CI/CD variable (scope *)`… */
  detail: string;
}

export type RuleId =
  | 'project-token'
  | 'group-token'
  | 'group-variables-fallback'
  | 'variables-override'
  | 'unverified-environment'
  | 'ephemeral-token'
  | 'none';

export type WarningCode =
  | 'ambiguous-tokens'
  | 'variables-shadow-token'
  | 'expiring-soon'
  | 'group-token-lfs'
  | 'group-token-outside-parent'
  | 'unverified'
  | 'version-unknown'
  | 'feature-flag'
  | 'hidden-variable'
  | 'expired-field-disagrees'
  | 'variables-unreadable'
  | 'ancestor-token-ignored'
  | 'user-namespace'
  | 'ephemeral-expiry';

export interface ResolveWarning {
  code: WarningCode;
  message: string;
}

export type TokenLevel = 'project' | 'group';

export interface TokenSummary {
  id: number;
  name: string;
  username: string;
  scopes: string[];
  /** ISO instant, or null for never. */
  expiresAt: string | null;
  level: TokenLevel;
  /** Full path of the project or group that owns it. */
  owner: string;
}

export type Verdict =
  | 'picked'
  | 'revoked'
  | 'expired'
  | 'not-special'
  | 'ambiguous-not-picked'
  | 'not-exposed-before-15.1'
  | 'outside-direct-parent'
  | 'shadowed-by-project-token'
  | 'named-by-variables'
  | 'named-by-stale-variables';

/** One token the resolver looked at, and why it was or was not used. */
export interface Considered {
  token: TokenSummary;
  verdict: Verdict;
  note: string;
}

export interface Resolution {
  ok: boolean;
  exitCode: 0 | 1;
  rule: RuleId;
  /** One sentence: which of GitLab's rules applied. */
  ruleText: string;
  /** The token whose credentials the job gets (when known). */
  token?: TokenSummary;
  /** The credentials: present only when ok. */
  credentials?: { username: string; password: string };
  sources: { CI_DEPLOY_USER?: Source; CI_DEPLOY_PASSWORD?: Source };
  warnings: ResolveWarning[];
  /** Why the job gets nothing usable, and what to do (when not ok). */
  reason?: string;
  fix?: string;
  considered: Considered[];
  version?: string;
  missingScopes?: string[];
}
