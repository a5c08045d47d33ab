/**
 * Names of ephemeral deploy tokens. GitLab's deploy-token answers carry no creation time, so the
 * name carries it: `deploy-token-ephemeral-20261125T100100Z-k3x9q2`. Never `gitlab-deploy-token`
 * (app/models/deploy_token.rb GITLAB_DEPLOY_TOKEN_NAME), so an ephemeral token never changes what
 * other jobs of the project are given.
 */
export const EPHEMERAL_PREFIX = 'deploy-token-ephemeral-';

const NAME_RE = /^deploy-token-ephemeral-(\d{8}T\d{6}Z)-([a-z0-9]{6,32})$/;

function compact(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A unique name for a token created at `now`; `random` gives the suffix (injected for tests). */
export function ephemeralName(now: Date, random: () => string): string {
  const suffix = random()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12)
    .padEnd(6, '0');
  return `${EPHEMERAL_PREFIX}${compact(now)}-${suffix}`;
}

/**
 * The creation time an ephemeral token's name records, or undefined when the name is not one of ours.
 * The stamp must be one `ephemeralName` could have written: an impossible date or time (20260230,
 * T240000), which Date would roll over, is not ours, so it is never swept by age.
 */
export function ephemeralCreatedAt(name: string): Date | undefined {
  const m = NAME_RE.exec(name);
  if (!m) return undefined;
  const s = m[1] as string;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return compact(d) === s ? d : undefined;
}

/** True for any name starting with the ephemeral prefix (also ones whose time cannot be read). */
export function isEphemeralName(name: string): boolean {
  return name.startsWith(EPHEMERAL_PREFIX);
}
