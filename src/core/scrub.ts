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
import { mayBeSecret, SECRET_ENV_NAMES } from './secret-shape.js';
import { cleanText } from './text.js';

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

  /** Registers a value meant to be a username when it may be a secret instead (src/core/secret-shape.ts). */
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
