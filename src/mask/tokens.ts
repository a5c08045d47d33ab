/**
 * GitLab token shapes, masked even when the token was never registered: a known prefix followed by
 * 20 or more URL-safe characters. gitlab-runner does the same for `glpat-` always and, since 17.9
 * (FF_MASK_ALL_DEFAULT_TOKENS, on by default), for the other GitLab prefixes (gitlab-runner's
 * helpers/trace/internal/tokensanitizer). Differences, on purpose: the runner keeps the prefix visible
 * and masks any non-empty tail of [0-9A-Za-z_.=-]; we mask the whole token (prefix included, the same
 * `[MASKED]` a registered secret gives) and only when the tail is at least 20 characters of
 * [0-9A-Za-z_-], GitLab's token alphabet, so words like `glft-parser` stay readable. A custom instance
 * prefix (`<custom>-gldt-...`) is caught through the `gldt-` inside it; the custom part stays visible.
 */

/**
 * app/models/deploy_token.rb (gldt-), personal/project/group access tokens (glpat-), OAuth app
 * secrets (gloas-), runner authentication (glrt-, glrtr-), CI job tokens (glcbt-), pipeline triggers
 * (glptt-), feed (glft-), incoming mail (glimt-), agent for Kubernetes (glagent-), SCIM (glsoat-),
 * feature-flag clients (glffct-), CSRF (glcsrf-), workspaces (glwt-), runner registration (GR1348941,
 * app/models/concerns/runners_token_prefixable.rb).
 */
export const GITLAB_TOKEN_PREFIXES: readonly string[] = [
  'gldt-',
  'glpat-',
  'gloas-',
  'glrt-',
  'glrtr-',
  'glcbt-',
  'glptt-',
  'glft-',
  'glimt-',
  'glagent-',
  'glsoat-',
  'glffct-',
  'glcsrf-',
  'glwt-',
  'GR1348941',
];

/** Characters after the prefix: at least this many make a token; the mask runs to the last one. */
export const TOKEN_MIN_TAIL = 20;

/** 1 for [0-9A-Za-z_-]. */
export const URL_SAFE = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const c = String.fromCharCode(b);
  URL_SAFE[b] = /^[0-9A-Za-z_-]$/.test(c) ? 1 : 0;
}

// The masker follows one token candidate at a time. That is exact because every prefix is made of
// URL-safe characters and none contains another: a prefix that completes inside a running candidate
// lies inside its tail, so its token (if any) lies inside the candidate's.
for (const p of GITLAB_TOKEN_PREFIXES) {
  for (let i = 0; i < p.length; i++) {
    if (URL_SAFE[p.charCodeAt(i)] !== 1) throw new Error(`token prefix ${p} is not URL-safe`);
  }
  for (const q of GITLAB_TOKEN_PREFIXES) {
    if (p !== q && p.includes(q)) throw new Error(`token prefix ${p} contains ${q}`);
  }
}
