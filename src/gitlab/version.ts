/**
 * GitLab version strings as `/version` and `/metadata` return them: `15.0.5-ee`, `16.9.0-pre`,
 * `17.5.1`, sometimes with a leading `v` or build suffixes (doc/api/version.md, doc/api/metadata.md).
 * The versions where a rule changed are listed in docs/gitlab-rules.md; each has one constant here.
 */
export interface GitLabVersion {
  major: number;
  minor: number;
  patch: number;
  /** `ee`, `pre`, `rc1`… without the dash; empty when none. */
  suffix: string;
  raw: string;
}

const VERSION_RE = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:[-+~ ]([0-9A-Za-z.+-]*))?$/;

export function parseGitLabVersion(raw: string): GitLabVersion | undefined {
  const m = VERSION_RE.exec(raw.trim());
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
    suffix: m[4] ?? '',
    raw,
  };
}

/** True when `v` is at least `major.minor` (patch and suffix do not matter for feature gates). */
export function atLeast(v: GitLabVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

/**
 * Group-level `gitlab-deploy-token` exposure arrived in 15.1 (issue #214014, MR !88696), behind the
 * feature flag `ci_variable_for_group_gitlab_deploy_token`, default on, removed in 15.4 (#363621).
 */
export function exposesGroupDeployToken(v: GitLabVersion): boolean {
  return atLeast(v, 15, 1);
}

/** 15.1–15.3: exposed unless an administrator turned the flag off. */
export function groupTokenBehindFlag(v: GitLabVersion): boolean {
  return atLeast(v, 15, 1) && !atLeast(v, 15, 4);
}

export function formatVersion(v: GitLabVersion): string {
  return `${v.major}.${v.minor}.${v.patch}${v.suffix ? `-${v.suffix}` : ''}`;
}

/** A GitLab release, major and minor: where a rule changed (docs/gitlab-rules.md). */
export type Release = readonly [major: number, minor: number];

/** LFS accepts group deploy tokens (app/controllers/concerns/lfs_request.rb `has_access_to?`, MR !104529). */
export const LFS_GROUP_TOKENS: Release = [15, 7];
/** The dependency proxy accepts group deploy tokens (doc/user/project/deploy_tokens, issue 280586). */
export const DEPENDENCY_PROXY_DEPLOY_TOKENS: Release = [14, 2];
/** The virtual-registry scope pair works for the dependency proxy: behind a flag (off) from 17.11, on from 18.0. */
export const DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG: Release = [17, 11];
export const DEPENDENCY_PROXY_VIRTUAL_SCOPES: Release = [18, 0];
/** `GET /:level/:id/deploy_tokens/:token_id` (lib/api/deploy_tokens.rb). */
export const SINGLE_TOKEN_GET: Release = [14, 9];
/** Hidden variables (`masked_and_hidden`, value null in the API): doc/api/group_level_variables.md. */
export const HIDDEN_VARIABLES: Release = [17, 4];
/** Single-key group variable GET answers 409 for several scopes (`filter[environment_scope]`, issue 340185). */
export const GROUP_VARIABLE_FILTER: Release = [16, 9];
/** Single-key project variable GET with `filter[environment_scope]` (MR !34490). */
export const PROJECT_VARIABLE_FILTER: Release = [13, 2];

export function reached(v: GitLabVersion, r: Release): boolean {
  return atLeast(v, r[0], r[1]);
}

export function releaseText(r: Release): string {
  return `${r[0]}.${r[1]}`;
}
