/**
 * What `audit` reads from GitLab (the tree) and what it decides (token rows and findings).
 * The tree never holds a CI_DEPLOY_PASSWORD value: gather drops it, so no formatter can print it.
 */
import type { DeployToken } from '../gitlab/types.js';

export const USER_KEY = 'CI_DEPLOY_USER';
export const PASSWORD_KEY = 'CI_DEPLOY_PASSWORD';
export type DeployVariableKey = typeof USER_KEY | typeof PASSWORD_KEY;

/** A CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variable of a group or project. */
export interface AuditVariable {
  key: DeployVariableKey;
  /** CI_DEPLOY_USER's value (a username); always null for CI_DEPLOY_PASSWORD and for hidden variables. */
  value: string | null;
  /** Hidden (17.4+): GitLab does not show the value, so it cannot be judged. */
  hidden: boolean;
  masked: boolean;
  protected: boolean;
  environmentScope: string;
}

export interface AuditGroup {
  kind: 'group';
  id: number;
  fullPath: string;
  parentId: number | null;
  /** Every deploy token, revoked and expired ones included. */
  tokens: DeployToken[];
  /** undefined: GitLab refused to show the variables (403: group variables need Owner). */
  variables: AuditVariable[] | undefined;
}

export interface AuditProject {
  kind: 'project';
  id: number;
  fullPath: string;
  /** The project's namespace: always a group of the tree (user-namespace projects are not in a group tree). */
  namespaceId: number;
  tokens: DeployToken[];
  /** undefined: GitLab refused to show the variables (403: project variables need Maintainer). */
  variables: AuditVariable[] | undefined;
}

/**
 * A group above the audited one: its tokens can still log in below it (lib/gitlab/auth.rb), and its
 * CI/CD variables are inherited by every project below it.
 */
export interface AuditAncestor {
  id: number;
  fullPath: string;
  /** undefined: not readable by the API token (403/404). */
  tokens: DeployToken[] | undefined;
  /** undefined: not readable by the API token (403/404: group variables need Owner). */
  variables: AuditVariable[] | undefined;
}

export interface AuditTree {
  /** The audited group's full path. */
  root: string;
  /** The audited group first, then its descendants. */
  groups: AuditGroup[];
  projects: AuditProject[];
  /** Groups above the audited one, nearest first. */
  ancestors: AuditAncestor[];
  /** GitLab's version string (`15.0.5-ee`), when the instance said it. */
  version?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'expiring-soon'
  | 'never-expires'
  | 'several-gitlab-deploy-tokens'
  | 'group-token-not-direct-parent'
  | 'group-token-before-15.1'
  | 'stale-variables'
  | 'variables-shadow-token'
  | 'unmasked-password'
  | 'user-without-password'
  | 'password-without-user'
  | 'leftover-ephemeral'
  | 'inactive-token'
  | 'hidden-variable'
  | 'variables-not-readable'
  | 'ancestor-not-readable';

/**
 * A piece of a finding's message: the tool's own words (a string), or a literal, a value from GitLab
 * (a path, a token name, a username, a variable's value) or a command. A name is free text any
 * Maintainer can set, so formats render literals inert (Markdown: as code spans, where no mention,
 * link, reference, emoji or emphasis is parsed).
 */
export type MessagePart = string | MessageLiteral;
export interface MessageLiteral {
  literal: string;
  /** In text: `quoted` → "value", `code` → `value`; plain otherwise. */
  as?: 'quoted' | 'code';
}

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** What is wrong and what to do, as plain text (text and JSON). Never a CI_DEPLOY_PASSWORD value. */
  message: string;
  /** The same message in pieces, so Markdown can keep GitLab's values inert. */
  parts: MessagePart[];
  /** Full path of the group or project concerned. */
  where: string;
  tokenId?: number;
}

export type TokenState = 'active' | 'revoked' | 'expired';

export interface TokenRow {
  level: 'group' | 'project';
  /** Full path of the group or project that holds the token. */
  owner: string;
  id: number;
  name: string;
  username: string;
  scopes: string[];
  /** ISO 8601 instant, or null: never expires. */
  expiresAt: string | null;
  active: boolean;
  state: TokenState;
}

export interface AuditResult {
  tokens: TokenRow[];
  findings: Finding[];
}

export interface AuditSettings {
  now: Date;
  expiringWithinDays: number;
  ephemeralOlderThanMs: number;
}
