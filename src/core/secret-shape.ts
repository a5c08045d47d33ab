/**
 * The one guess "is this value a secret?", for every caller: the scrubber (which values to mask
 * although nobody said they are secret), the resolver (a CI_DEPLOY_USER that holds a token: swapped
 * variables, src/resolve/swapped.ts), the exporter and validate (a template made from the password).
 *
 * A value is a secret by its name (the variables below), by its shape (a GitLab token, or a
 * random-looking run of the token alphabet), or by where it comes from (a template that reads
 * `password`). Token shapes: docs/gitlab-rules.md, "Token shapes"; the prefixes are the masker's
 * (src/mask/tokens.ts).
 */
import { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL } from '../mask/tokens.js';

/**
 * Where an API token is read when no variable is named (`--api-token-env`, the spec's
 * `gitlab.api_token_env`): GITLAB_TOKEN, then GITLAB_ACCESS_TOKEN and OAUTH_TOKEN, in the order glab
 * reads them.
 */
export const API_TOKEN_VARIABLES: readonly string[] = ['GITLAB_TOKEN', 'GITLAB_ACCESS_TOKEN', 'OAUTH_TOKEN'];

/**
 * Variables whose value is a secret by its name, whatever the value looks like: the API token's
 * usual homes, the job's own token and the registry passwords GitLab derives from it, and the deploy
 * password.
 */
export const SECRET_ENV_NAMES: readonly string[] = [
  ...API_TOKEN_VARIABLES,
  'CI_JOB_TOKEN',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
];

/** GitLab's token alphabet after a prefix (URL-safe base64). */
const TAIL = new RegExp(`^[0-9A-Za-z_-]{${TOKEN_MIN_TAIL},}$`);
const URL_SAFE_RUN = new RegExp(`^[0-9A-Za-z_-]{${TOKEN_MIN_TAIL}}`);
/** Devise.friendly_token(20): URL-safe base64 with `lIO0` replaced, exactly 20 characters. */
const PREFIXLESS = /^[1-9A-HJ-NP-Za-km-z_-]{20}$/;
/** A deploy token's username as GitLab validates it (app/models/deploy_token.rb). */
const USERNAME_RE = /^[a-zA-Z0-9.+_-]{1,255}$/;

/**
 * Whether the whole value (white space around it aside) is a GitLab token: a known prefix at the
 * start, or right after a custom instance prefix ending in `-` (`acme-gldt-…`), then 20 or more
 * characters of the token alphabet and nothing else.
 */
export function isGitLabToken(value: string): boolean {
  const v = value.trim();
  for (const prefix of GITLAB_TOKEN_PREFIXES) {
    const at = v.indexOf(prefix);
    if (at === 0 || (at > 0 && v[at - 1] === '-' && /^[0-9A-Za-z_-]+$/.test(v.slice(0, at)))) {
      if (TAIL.test(v.slice(at + prefix.length))) return true;
    }
  }
  return false;
}

/** Whether a GitLab token stands anywhere in the value, as the masker finds one (src/mask/tokens.ts). */
export function containsGitLabToken(value: string): boolean {
  for (const prefix of GITLAB_TOKEN_PREFIXES) {
    for (let at = value.indexOf(prefix); at !== -1; at = value.indexOf(prefix, at + 1)) {
      if (URL_SAFE_RUN.test(value.slice(at + prefix.length))) return true;
    }
  }
  return false;
}

/** The shape of a prefix-less deploy token (GitLab before 16.7): Devise.friendly_token, 20 characters. */
export function isPrefixlessDeployToken(value: string): boolean {
  return PREFIXLESS.test(value.trim());
}

/**
 * A value that looks like a token rather than a name: one holding a GitLab token, or 20 or more
 * characters of the token alphabet mixing upper case, lower case and digits (a prefix-less deploy
 * token is 20 such characters). A guess for masking, where a wrong yes only masks a name.
 */
export function mayBeToken(value: string): boolean {
  if (containsGitLabToken(value)) return true;
  return /^[A-Za-z0-9_-]{20,}$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

/**
 * Whether a value meant to be a deploy token's username may be a secret instead: one GitLab would
 * refuse as a username (a password, its base64 or URL encoding…), or one that looks like a token
 * (`gitlab+deploy-token-11` or a chosen name is neither). Swapped CI_DEPLOY_USER / CI_DEPLOY_PASSWORD
 * and a password pasted into the user field are masked this way.
 */
export function mayBeSecret(username: string): boolean {
  return !USERNAME_RE.test(username) || mayBeToken(username);
}

/**
 * Is a template's value a secret? When it reads `password` in any way (base64 of it, a URL with it,
 * `user:password`). The exporter (src/export/render.ts) and validate (variables made from the
 * password hold the token) both ask this.
 */
export function readsPassword(template: string): boolean {
  return /\bpassword\b/.test(template);
}

/** A rendered value is secret when its template reads the password or the value contains it. */
export function renderedSecret(template: string, value: string, password: string): boolean {
  return readsPassword(template) || (password.length > 0 && value.includes(password));
}
