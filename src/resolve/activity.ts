/**
 * Whether GitLab considers a deploy token active, computed the way GitLab's SQL scope does.
 *
 * app/models/deploy_token.rb: `scope :active, -> { where("revoked = false AND expires_at >= NOW()") }`.
 * A token without expiry is stored as 3000-01-01 and shown as `expires_at: null`. A date-only expiry is
 * stored as 00:00 UTC of that date: "Expiry occurs at midnight UTC on that date" (deploy tokens docs).
 * The API's `expired` field (`expires_at < Date.today`, server-local date) is never used: on the
 * expiry day it can still say `false` while the token is already excluded (docs/gitlab-rules.md, "Active").
 */
import type { DeployToken } from '../gitlab/types.js';

/** app/models/deploy_token.rb GITLAB_DEPLOY_TOKEN_NAME. */
export const GITLAB_DEPLOY_TOKEN_NAME = 'gitlab-deploy-token';

const DAY_MS = 86_400_000;

export type TokenActivity =
  | { active: true; expiresAt: Date | null }
  | { active: false; reason: 'revoked'; expiresAt: Date | null }
  | { active: false; reason: 'expired'; expiresAt: Date };

export function expiresAt(token: Pick<DeployToken, 'expires_at'>): Date | null {
  if (token.expires_at === null) return null;
  const d = new Date(token.expires_at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Active unless revoked or expired. GitLab's SQL keeps a token for the very instant `expires_at = NOW()`;
 * its documentation says the token dies at midnight UTC. We count the midnight instant itself as
 * expired: a job must not be handed a token in the microsecond GitLab stops accepting it.
 */
export function tokenActivity(token: Pick<DeployToken, 'revoked' | 'expires_at'>, now: Date): TokenActivity {
  const exp = expiresAt(token);
  if (token.revoked) return { active: false, reason: 'revoked', expiresAt: exp };
  if (exp !== null && now.getTime() >= exp.getTime())
    return { active: false, reason: 'expired', expiresAt: exp };
  return { active: true, expiresAt: exp };
}

export function isActive(token: Pick<DeployToken, 'revoked' | 'expires_at'>, now: Date): boolean {
  return tokenActivity(token, now).active;
}

/** Whole and partial days until expiry (fractional), or null for a token that never expires. */
export function daysLeft(token: Pick<DeployToken, 'expires_at'>, now: Date): number | null {
  const exp = expiresAt(token);
  return exp === null ? null : (exp.getTime() - now.getTime()) / DAY_MS;
}

export function isSpecial(token: Pick<DeployToken, 'name'>): boolean {
  return token.name === GITLAB_DEPLOY_TOKEN_NAME;
}

/** `2026-11-25T00:00:00Z` → `2026-11-25 00:00 UTC`: how expiry is shown to users. */
export function formatInstant(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
