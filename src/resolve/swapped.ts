/**
 * A CI_DEPLOY_USER that holds a token: swapped variables, or a password pasted into the user field.
 * Such a value is never shown; resolution reports "CI_DEPLOY_USER holds what looks like a token".
 *
 * Token shapes (docs/gitlab-rules.md, "Token shapes"): a GitLab prefix (`gldt-`, `glpat-`…, also
 * inside a custom instance prefix `<custom>-gldt-`) and 20 or more characters of GitLab's token
 * alphabet; a prefix-less deploy token from before 16.7 (20 characters of Devise.friendly_token's
 * alphabet) when it is no known username; or any value equal to a known password.
 */
import { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL } from '../mask/tokens.js';

export const SWAPPED_MESSAGE = 'CI_DEPLOY_USER holds what looks like a token: the variables may be swapped';

/** What the check knows: usernames of the tokens listed, and the passwords in play. */
export interface KnownValues {
  /** undefined when some level's tokens could not be listed: the prefix-less shape is then not judged. */
  usernames?: ReadonlySet<string>;
  passwords: readonly string[];
}

const TAIL = new RegExp(`^[0-9A-Za-z_-]{${TOKEN_MIN_TAIL},}$`);
/** Devise.friendly_token(20): URL-safe base64 with `lIO0` replaced, exactly 20 characters. */
const PREFIXLESS = /^[1-9A-HJ-NP-Za-km-z_-]{20}$/;

export function looksLikeToken(value: string, known: KnownValues): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (known.passwords.some((p) => p !== '' && p === v)) return true;
  for (const prefix of GITLAB_TOKEN_PREFIXES) {
    const at = v.indexOf(prefix);
    // At the start, or after a custom instance prefix ending in '-'.
    if (at === 0 || (at > 0 && v[at - 1] === '-' && /^[0-9A-Za-z_-]+$/.test(v.slice(0, at)))) {
      if (TAIL.test(v.slice(at + prefix.length))) return true;
    }
  }
  return known.usernames !== undefined && !known.usernames.has(v) && PREFIXLESS.test(v);
}
