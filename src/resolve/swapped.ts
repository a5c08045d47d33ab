/**
 * A CI_DEPLOY_USER that holds a token: swapped variables, or a password pasted into the user field.
 * Such a value is never shown; resolution reports "CI_DEPLOY_USER holds what looks like a token".
 *
 * Token shapes (docs/gitlab-rules.md, "Token shapes"): a GitLab prefix (`gldt-`, `glpat-`…, also
 * inside a custom instance prefix `<custom>-gldt-`) and 20 or more characters of GitLab's token
 * alphabet; a prefix-less deploy token from before 16.7 (20 characters of Devise.friendly_token's
 * alphabet) when it is no known username; or any value equal to a known password.
 */
import { isGitLabToken, isPrefixlessDeployToken } from '../core/secret-shape.js';

export const SWAPPED_MESSAGE = 'CI_DEPLOY_USER holds what looks like a token: the variables may be swapped';

/** What the check knows: usernames of the tokens listed, and the passwords in play. */
export interface KnownValues {
  /** undefined when some level's tokens could not be listed: the prefix-less shape is then not judged. */
  usernames?: ReadonlySet<string>;
  passwords: readonly string[];
}

/** The shapes are src/core/secret-shape.ts's; what the resolver adds is what it knows of the job. */
export function looksLikeToken(value: string, known: KnownValues): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (known.passwords.some((p) => p !== '' && p === v)) return true;
  if (isGitLabToken(v)) return true;
  return known.usernames !== undefined && !known.usernames.has(v) && isPrefixlessDeployToken(v);
}
