import type { Scope } from '../gitlab/scopes.js';
import type { CiVariable, DeployToken } from '../gitlab/types.js';
import type { GitLabVersion } from '../gitlab/version.js';

/** One level's CI/CD variables as the list API returned them (every key and scope), or why not. */
export interface LevelVariables {
  level: 'project' | 'group';
  /** Full path of the project or group. */
  path: string;
  /** undefined when they could not be read: unknown, not absent (docs/gitlab-rules.md, "Unreadable levels"). */
  variables?: CiVariable[];
  why?: string;
}

/** Every level whose CI/CD variables reach the project's jobs: the project, then its groups, nearest first. */
export interface VariableLevels {
  project: LevelVariables;
  groups: LevelVariables[];
}

/** What the CI/CD variables give one key to a job (environment, protected or not). */
export type Effective =
  | {
      state: 'set';
      level: 'project' | 'group';
      path: string;
      variable: CiVariable;
      /** Set when several environment scopes matched and GitLab's precedence chose. */
      note?: string;
    }
  | { state: 'unset' }
  /** A level that could not be read lies in front; `behind` is what the levels after it give. */
  | { state: 'unknown'; path: string; why: string; behind: Effective };

export type EffectiveSet = Extract<Effective, { state: 'set' }>;

export type ProtectionState = 'protected' | 'unprotected' | 'unknown';

/** Whether the job's ref is protected, and how that is known (docs/gitlab-rules.md, "Protected variables"). */
export interface RefProtection {
  state: ProtectionState;
  /** The branch or tag, when known. */
  ref?: string;
  /** `CI_COMMIT_REF_PROTECTED`, `protected branches API`, `no ref given`… */
  source: string;
  why?: string;
}

export interface GroupTokens {
  path: string;
  id?: number;
  /** undefined when the tokens could not be listed (no access); the reason is in `why`. */
  tokens?: DeployToken[];
  why?: string;
}

/** What the job needs from the token (the spec's job, or `--lfs`). */
export interface JobNeeds {
  name: string;
  scopes: Scope[];
  lfs: boolean;
  /** The job pulls images through the dependency proxy (spec `dependency_proxy: true`). */
  dependencyProxy?: boolean;
}

/** CI_DEPLOY_USER / CI_DEPLOY_PASSWORD as the environment holds them (already read from a file variable's path). */
export interface JobEnv {
  user?: string;
  password?: string;
  /** Keys whose environment value was a file variable's path and was replaced by the file's content. */
  fromFile?: ('CI_DEPLOY_USER' | 'CI_DEPLOY_PASSWORD')[];
}

/** Everything the resolver decides from. Gathered by `gather.ts` (I/O); the decision itself is pure. */
export interface ResolveInput {
  now: Date;
  /** false when no API token was given: only the environment can be used, unverified. */
  apiAvailable: boolean;
  /** Running inside a GitLab CI job (GITLAB_CI=true): the environment is what GitLab gave the job. */
  inGitLabJob?: boolean;
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
  /** Every deploy token of the project, revoked and expired ones included; undefined when not listed. */
  projectTokens?: DeployToken[];
  projectTokensWhy?: string;
  /** The project's direct parent group (namespace of kind `group`), if any. */
  group?: GroupTokens;
  /** Groups above the direct parent, nearest first: their tokens are never exposed to the project's jobs. */
  ancestors: GroupTokens[];
  /** CI_DEPLOY_USER / CI_DEPLOY_PASSWORD as the environment holds them. */
  jobEnv: JobEnv;
  /** The CI/CD variables API, per level. */
  variables: VariableLevels;
  /** Whether the job's ref is protected; unknown: both outcomes are worked out. */
  ref?: RefProtection;
  /** The spec's fallback source (`token.fallback`): env variable names and what they hold. */
  fallback?: { usernameEnv?: string; passwordEnv?: string; user?: string; password?: string };
  /** The job being resolved for, when the spec names one. */
  job?: JobNeeds;
  /** Warn when the token expires within this many days. */
  minDaysLeft: number;
  /** The environment name used for CI/CD variable scopes, if any. */
  environment?: string;
}

export type SourceKind =
  'job-environment' | 'project-variable' | 'group-variable' | 'spec-fallback' | 'token';

export interface Source {
  kind: SourceKind;
  /** Human words: `job environment (CI_DEPLOY_PASSWORD)`, `group CI/CD variable (scope *)`… never a value. */
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
  | 'ephemeral-expiry'
  | 'invisible-variables'
  | 'protected-variable'
  | 'file-variable'
  | 'revocation-unknown';

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

/** One protection outcome in a few words, for a plan that shows both. */
export interface OutcomeSummary {
  ok: boolean;
  /** What a job on such a ref would get (for plan: `forJob` counts). */
  jobOk: boolean;
  line: string;
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
  /** The cause, first: why the job gets nothing usable (when not ok). One line. */
  reason?: string;
  /** Secondary effects of the cause, one line each. */
  details?: string[];
  fix?: string;
  considered: Considered[];
  version?: string;
  missingScopes?: string[];
  /**
   * Outside a job: what a GitLab job of the project gets at run time. `ok` with no credentials here
   * means GitLab exposes a working token whose password the API never shows (plan exits 0).
   */
  forJob?: { ok: boolean; line: string };
  /** Whether the ref is protected, and how that was found out. */
  ref?: RefProtection;
  /** When the ref's protection is unknown and it changes the answer: both outcomes. */
  outcomes?: { protected: OutcomeSummary; unprotected: OutcomeSummary };
}
