/**
 * The one scrubber: every text this tool prints (reports, errors, warnings, hints, debug lines,
 * annotations, summaries, step outputs) passes through `scrub`, which masks the known secrets with
 * their derived forms (src/mask/forms.ts) and every GitLab token shape (src/mask/tokens.ts), then
 * cleans what is left of terminal and log controls (src/core/text.ts). The secrets are registered as
 * they become known: from the environment at start-up, the API token once settings are read, the
 * values the resolution found, tokens created during the run.
 */
import { maskString, SecretRegistry, type Warning } from '../mask/index.js';
import type { Env } from './env.js';
import { cleanText } from './text.js';

/**
 * Variables whose value is a secret by its name, whatever the value looks like: the API token's
 * usual homes (GITLAB_TOKEN; GITLAB_ACCESS_TOKEN and OAUTH_TOKEN as glab reads them), the job's
 * own token and the registry passwords GitLab derives from it, and the deploy password.
 */
export const SECRET_ENV_NAMES: readonly string[] = [
  'GITLAB_TOKEN',
  'GITLAB_ACCESS_TOKEN',
  'OAUTH_TOKEN',
  'CI_JOB_TOKEN',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPENDENCY_PROXY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
];

/**
 * A value that looks like a token rather than a name: one with a GitLab token prefix, or 20 or more
 * characters of a token alphabet mixing upper case, lower case and digits (a prefix-less deploy
 * token from before GitLab 16.x is Devise.friendly_token: 20 URL-safe characters).
 */
export function looksLikeToken(value: string): boolean {
  if (/(?:^|[^A-Za-z0-9])(gl[a-z]{1,6}-[0-9A-Za-z_-]{20,}|GR1348941[0-9A-Za-z_-]{20,})/.test(value))
    return true;
  return /^[A-Za-z0-9_-]{20,}$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

/** A deploy token's username as GitLab validates it (app/models/deploy_token.rb). */
const USERNAME_RE = /^[a-zA-Z0-9.+_-]{1,255}$/;

/**
 * Whether a value meant to be a deploy token's username may be a secret instead: one GitLab would
 * refuse as a username (a password, its base64 or URL encoding…), or one that looks like a token
 * (`gitlab+deploy-token-11` or a chosen name is neither). Swapped CI_DEPLOY_USER / CI_DEPLOY_PASSWORD
 * and a password pasted into the user field are masked this way.
 */
export function mayBeSecret(username: string): boolean {
  return !USERNAME_RE.test(username) || looksLikeToken(username);
}

export class Scrubber {
  /** GitLab token shapes are masked even when never registered. */
  readonly registry = new SecretRegistry({ gitlabTokens: true });

  /**
   * Registers a secret and its derived forms (with `username`: also base64 of `username:secret`).
   * Too short or blank values are skipped (they would mask ordinary text); the warnings say so.
   */
  add(secret: string | undefined | null, opts: { username?: string } = {}): Warning[] {
    if (secret === undefined || secret === null || secret === '') return [];
    return this.registry.add(secret, opts.username === undefined ? {} : { username: opts.username });
  }

  /** Registers a value meant to be a username when it may be a secret instead (`mayBeSecret`). */
  addIfNotUsername(value: string | undefined | null): void {
    if (value && mayBeSecret(value)) this.add(value);
  }

  /** The secrets the environment holds by name, and a CI_DEPLOY_USER that may be a secret. */
  addEnv(env: Env, extraNames: readonly string[] = []): void {
    for (const name of [...SECRET_ENV_NAMES, ...extraNames]) this.add(env[name]);
    this.addIfNotUsername(env.CI_DEPLOY_USER);
  }

  /** Masking only (a child's output, which is the child's to format). */
  mask(text: string): string {
    return maskString(text, this.registry);
  }

  /**
   * Masked first (cleaning would change a secret holding a control character), then cleaned;
   * `style`: for a terminal, where our own colour sequences stay.
   */
  scrub(text: string, opts: { style?: boolean } = {}): string {
    return cleanText(this.mask(text), opts);
  }
}
