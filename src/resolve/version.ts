/**
 * GitLab version strings as `/version` and `/metadata` return them: `15.0.5-ee`, `16.9.0-pre`,
 * `17.5.1`, sometimes with a leading `v` or build suffixes (GITLAB_FACTS §5).
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
