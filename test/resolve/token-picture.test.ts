/**
 * The token picture (src/resolve/tokens.ts): which competing gitlab-deploy-token the job got, and
 * every token carrying one username, project first. Written for surviving mutants of tokens.ts.
 */
import type { DeployToken } from '../../src/gitlab/types.js';
import { noVariables } from '../../src/resolve/precedence.js';
import { exposedFor, pictureTokens, tokensNamed } from '../../src/resolve/tokens.js';
import type { ResolveInput } from '../../src/resolve/types.js';
import { parseGitLabVersion } from '../../src/gitlab/version.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const token = (over: Partial<DeployToken>): DeployToken => ({
  id: 11,
  name: 'gitlab-deploy-token',
  username: `gitlab+deploy-token-${over.id ?? 11}`,
  expires_at: null,
  revoked: false,
  scopes: ['read_repository', 'read_registry'],
  ...over,
});
const input = (projectTokens: DeployToken[], groupTokens: DeployToken[] = []): ResolveInput => ({
  now: NOW,
  apiAvailable: true,
  version: parseGitLabVersion('17.5.1-ee')!,
  project: { id: 3, path: 'tanuki/app', namespaceKind: 'group', namespacePath: 'tanuki' },
  projectTokens,
  group: { path: 'tanuki', id: 10, tokens: groupTokens },
  ancestors: [],
  jobEnv: {},
  variables: noVariables('tanuki/app'),
  minDaysLeft: 7,
});

describe('exposedFor: the competing token the job actually got', () => {
  const picture = pictureTokens(input([token({ id: 30 }), token({ id: 12 })]));
  test('the username of the job names it', () => {
    expect(exposedFor(picture, 'gitlab+deploy-token-30')?.token.id).toBe(30);
  });
  test('no username, or one of no candidate: the lowest id', () => {
    expect(exposedFor(picture, undefined)?.token.id).toBe(12);
    expect(exposedFor(picture, 'someone-else')?.token.id).toBe(12);
  });
});

describe('tokensNamed: project before group, lower id first, dead ones apart', () => {
  const shared = 'deployer';
  const picture = pictureTokens(
    input(
      [token({ id: 40, username: shared }), token({ id: 41, username: shared, revoked: true })],
      [token({ id: 5, username: shared }), token({ id: 3, username: shared })],
    ),
  );
  test('active: the project token, then the group tokens by id', () => {
    const r = tokensNamed(picture, shared, NOW);
    expect(r.active.map((l) => [l.where, l.token.id])).toEqual([
      ['project', 40],
      ['parent', 3],
      ['parent', 5],
    ]);
    expect(r.dead.map((l) => l.token.id)).toEqual([41]);
  });
  test('a username nobody has: nothing', () => {
    expect(tokensNamed(picture, 'nobody', NOW)).toEqual({ active: [], dead: [] });
  });
});

describe('usernames are known only when every level was listed', () => {
  test('all listed: the set of every username', () => {
    const p = pictureTokens(input([token({ id: 12 })], [token({ id: 7, username: 'grp' })]));
    expect([...(p.usernames ?? [])].sort()).toEqual(['gitlab+deploy-token-12', 'grp']);
  });
  test('group tokens not listed: unknown', () => {
    const i = input([token({ id: 12 })]);
    const p = pictureTokens({ ...i, group: { path: 'tanuki', id: 10, tokens: undefined, why: 'forbidden' } });
    expect(p.usernames).toBeUndefined();
  });
});
