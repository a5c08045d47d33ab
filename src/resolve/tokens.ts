/**
 * Which token GitLab exposes to a project's jobs (docs/gitlab-rules.md, "Which token"):
 *
 * - app/models/project.rb: `deploy_tokens.gitlab_deploy_token || group&.gitlab_deploy_token`, where
 *   `group` is the project's direct parent group only, and group tokens are exposed from 15.1
 *   (app/models/ci/build.rb, MR !88696; behind a default-on flag until 15.4).
 * - app/models/deploy_token.rb: `gitlab_deploy_token` is `active.find_by(name: 'gitlab-deploy-token')`,
 *   `LIMIT 1` with no ORDER BY: among several active ones GitLab's pick is unspecified.
 * Pure: the token lists in, the picture out; activity is computed here (src/resolve/activity.ts).
 */
import type { DeployToken } from '../gitlab/types.js';
import { formatInstant, isSpecial, tokenActivity } from './activity.js';
import { describeToken, SETTINGS_TOKENS, summarize } from './messages.js';
import type { Considered, ResolveInput, ResolveWarning, TokenLevel } from './types.js';
import { exposesGroupDeployToken, formatVersion } from '../gitlab/version.js';

export interface Located {
  token: DeployToken;
  level: TokenLevel;
  owner: string;
  where: 'project' | 'parent' | 'ancestor';
}

export interface TokenPicture {
  /** The token GitLab exposes (deploy-token shows the lowest id when several are active). */
  exposed?: Located;
  /** Every active gitlab-deploy-token on the exposed level: more than one means GitLab's pick is unspecified. */
  candidates: Located[];
  /** ≤ 15.0: the parent group's active gitlab-deploy-token, which GitLab does not expose. */
  groupNotExposed?: Located;
  considered: Considered[];
  warnings: ResolveWarning[];
  /** Every token listed, for finding the one a username names. */
  all: Located[];
  /** undefined when some level's tokens could not be listed. */
  usernames?: Set<string>;
  version?: string;
}

interface LevelPick {
  active: Located[];
  considered: Considered[];
}

function deadNote(t: DeployToken, now: Date): { verdict: 'revoked' | 'expired'; note: string } | undefined {
  const act = tokenActivity(t, now);
  if (act.active) return undefined;
  if (act.reason === 'revoked') return { verdict: 'revoked', note: 'revoked' };
  let note = `expired at ${formatInstant(act.expiresAt)} (expiry occurs at midnight UTC on that date)`;
  if (t.expired === false) {
    note +=
      '; the API still says `expired: false` (it uses the server-local date), but GitLab no longer accepts it';
  }
  return { verdict: 'expired', note };
}

/** The special tokens of one level: the active ones (lowest id first) and the dead ones with why. */
function pickLevel(located: Located[], now: Date): LevelPick {
  const special = located.filter((l) => isSpecial(l.token)).sort((a, b) => a.token.id - b.token.id);
  const active: Located[] = [];
  const considered: Considered[] = [];
  for (const l of special) {
    const dead = deadNote(l.token, now);
    if (dead) considered.push({ token: summarize(l.token, l.level, l.owner), ...dead });
    else active.push(l);
  }
  return { active, considered };
}

function ambiguity(pick: LevelPick): ResolveWarning | undefined {
  const [first, ...rest] = pick.active;
  if (!first || rest.length === 0) return undefined;
  return {
    code: 'ambiguous-tokens',
    message:
      `${first.owner} has ${pick.active.length} active tokens named gitlab-deploy-token (ids ${pick.active.map((l) => l.token.id).join(', ')}); ` +
      `GitLab's pick among them is unspecified (LIMIT 1 without ORDER BY): a job may get any of them, and deploy-token shows the lowest id #${first.token.id}. ` +
      `Revoke the others in ${SETTINGS_TOKENS}.`,
  };
}

function locate(input: ResolveInput): Located[] {
  const out: Located[] = [];
  const projectPath = input.project?.path ?? 'the project';
  for (const t of input.projectTokens ?? [])
    out.push({ token: t, level: 'project', owner: projectPath, where: 'project' });
  for (const t of input.group?.tokens ?? []) {
    out.push({ token: t, level: 'group', owner: input.group?.path ?? 'the group', where: 'parent' });
  }
  for (const g of input.ancestors) {
    for (const t of g.tokens ?? []) out.push({ token: t, level: 'group', owner: g.path, where: 'ancestor' });
  }
  return out;
}

function ancestorNotes(input: ResolveInput, all: Located[], picture: TokenPicture): void {
  const projectPath = input.project?.path ?? 'the project';
  for (const l of all.filter((x) => x.where === 'ancestor' && isSpecial(x.token))) {
    if (!tokenActivity(l.token, input.now).active) continue;
    picture.considered.push({
      token: summarize(l.token, 'group', l.owner),
      verdict: 'outside-direct-parent',
      note: `on ${l.owner}, not the direct parent group: GitLab exposes only the direct parent's token ("available only to immediate child projects of the group")`,
    });
    picture.warnings.push({
      code: 'ancestor-token-ignored',
      message: `group ${l.owner} has an active gitlab-deploy-token (#${l.token.id}), but it is not ${projectPath}'s direct parent group; GitLab never exposes it to this project's jobs`,
    });
  }
}

function listingNotes(input: ResolveInput, all: Located[], picture: TokenPicture): void {
  if (input.group && input.group.tokens === undefined && input.group.why) {
    picture.warnings.push({
      code: 'variables-unreadable',
      message: `the deploy tokens of group ${input.group.path} could not be listed (${input.group.why})`,
    });
  }
  if (all.some((l) => l.token.revokedUnknown)) {
    picture.warnings.push({
      code: 'revocation-unknown',
      message:
        'this GitLab does not say whether its deploy tokens are revoked (its API answers have no `revoked` field): a revoked token looks active here',
    });
  }
}

/** Which token GitLab exposes, every token considered with why, and the warnings that follow. */
export function pictureTokens(input: ResolveInput): TokenPicture {
  const all = locate(input);
  const version = input.version ? formatVersion(input.version) : undefined;
  const picture: TokenPicture = {
    candidates: [],
    considered: [],
    warnings: [],
    all,
    ...(version ? { version } : {}),
  };
  const proj = pickLevel(
    all.filter((l) => l.where === 'project'),
    input.now,
  );
  const grp = pickLevel(
    all.filter((l) => l.where === 'parent'),
    input.now,
  );
  const groupExposed = input.version ? exposesGroupDeployToken(input.version) : true;
  if (!input.version) {
    picture.warnings.push({
      code: 'version-unknown',
      message: `the GitLab version could not be read (${input.versionWhy ?? 'no answer'}); assuming 15.1 or later, where group tokens are exposed`,
    });
  }
  const projFirst = proj.active[0];
  const grpFirst = grp.active[0];
  if (projFirst)
    picture.considered.push({
      token: summarize(projFirst.token, 'project', projFirst.owner),
      verdict: 'picked',
      note: 'active',
    });
  picture.considered.push(...proj.considered);
  for (const l of proj.active.slice(1)) picture.considered.push(notPicked(l, projFirst as Located));
  if (grpFirst) {
    const s = summarize(grpFirst.token, 'group', grpFirst.owner);
    if (projFirst)
      picture.considered.push({
        token: s,
        verdict: 'shadowed-by-project-token',
        note: "the project's own token wins",
      });
    else if (!groupExposed) {
      picture.considered.push({
        token: s,
        verdict: 'not-exposed-before-15.1',
        note: `GitLab ${version} exposes only project tokens; group tokens reach CI jobs from 15.1`,
      });
      picture.groupNotExposed = grpFirst;
    } else picture.considered.push({ token: s, verdict: 'picked', note: 'active' });
  }
  picture.considered.push(...grp.considered);
  for (const l of grp.active.slice(1)) picture.considered.push(notPicked(l, grpFirst as Located));
  const exposedPick = projFirst ? proj : groupExposed && grpFirst ? grp : undefined;
  if (exposedPick) {
    picture.exposed = exposedPick.active[0];
    picture.candidates = exposedPick.active;
  }
  for (const w of [ambiguity(proj), ambiguity(grp)]) if (w) picture.warnings.push(w);
  ancestorNotes(input, all, picture);
  listingNotes(input, all, picture);
  if (
    input.projectTokens !== undefined &&
    (!input.group || input.group.tokens !== undefined) &&
    input.ancestors.every((g) => g.tokens !== undefined)
  ) {
    picture.usernames = new Set(all.map((l) => l.token.username));
  }
  return picture;
}

function notPicked(l: Located, first: Located): Considered {
  return {
    token: summarize(l.token, l.level, l.owner),
    verdict: 'ambiguous-not-picked',
    note: `also active; GitLab's pick is unspecified, deploy-token shows the lowest id #${first.token.id}`,
  };
}

/** The active tokens whose username is `username`, exposed level first; and dead ones when none is active. */
export function tokensNamed(
  picture: TokenPicture,
  username: string,
  now: Date,
): { active: Located[]; dead: Located[] } {
  const matches = picture.all.filter((l) => l.token.username === username);
  const order = { project: 0, parent: 1, ancestor: 2 } as const;
  matches.sort((a, b) => order[a.where] - order[b.where] || a.token.id - b.token.id);
  const active = matches.filter((l) => tokenActivity(l.token, now).active);
  return { active, dead: matches.filter((l) => !tokenActivity(l.token, now).active) };
}

/** When several active gitlab-deploy-tokens compete, the one the job actually got (its username says). */
export function exposedFor(picture: TokenPicture, username: string | undefined): Located | undefined {
  if (username === undefined) return picture.exposed;
  return picture.candidates.find((l) => l.token.username === username) ?? picture.exposed;
}

export function describeLocated(l: Located): string {
  return describeToken(summarize(l.token, l.level, l.owner));
}
