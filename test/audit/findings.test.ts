/** auditFindings, pure: one describe per finding code, with GitLab's boundaries (docs/gitlab-rules.md, "Active"). */
import { auditFindings } from '../../src/audit/findings.js';
import { formatDuration } from '../../src/audit/words.js';
import type {
  AuditAncestor,
  AuditGroup,
  AuditProject,
  AuditTree,
  AuditVariable,
  FindingCode,
} from '../../src/audit/types.js';
import type { DeployToken } from '../../src/gitlab/types.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const MIDNIGHT = Date.UTC(2026, 10, 25);
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** N days from today's 00:00 UTC, as GitLab stores a date-only expiry. */
const day = (n: number) => new Date(MIDNIGHT + n * DAY).toISOString();

let seq = 1000;
function tok(name: string, o: Partial<DeployToken> = {}): DeployToken {
  const id = o.id ?? seq++;
  return {
    id,
    name,
    username: `gitlab+deploy-token-${id}`,
    expires_at: day(100),
    revoked: false,
    scopes: ['read_registry'],
    ...o,
  };
}
const special = (o: Partial<DeployToken> = {}) => tok('gitlab-deploy-token', o);
function grp(
  id: number,
  fullPath: string,
  parentId: number | null,
  tokens: DeployToken[] = [],
  variables: AuditVariable[] | 'refused' = [],
): AuditGroup {
  return {
    kind: 'group',
    id,
    fullPath,
    parentId,
    tokens,
    variables: variables === 'refused' ? undefined : variables,
  };
}
function prj(
  id: number,
  fullPath: string,
  namespaceId: number,
  tokens: DeployToken[] = [],
  variables: AuditVariable[] | 'refused' = [],
): AuditProject {
  return {
    kind: 'project',
    id,
    fullPath,
    namespaceId,
    tokens,
    variables: variables === 'refused' ? undefined : variables,
  };
}
function userVar(value: string | null, o: Partial<AuditVariable> = {}): AuditVariable {
  return {
    key: 'CI_DEPLOY_USER',
    value,
    hidden: value === null,
    masked: false,
    protected: false,
    environmentScope: '*',
    ...o,
  };
}
function passVar(o: Partial<AuditVariable> = {}): AuditVariable {
  return {
    key: 'CI_DEPLOY_PASSWORD',
    value: null,
    hidden: false,
    masked: true,
    protected: false,
    environmentScope: '*',
    ...o,
  };
}
function tree(
  groups: AuditGroup[],
  projects: AuditProject[] = [],
  ancestors: AuditAncestor[] = [],
): AuditTree {
  return { root: (groups[0] as AuditGroup).fullPath, groups, projects, ancestors };
}
function run(
  t: AuditTree,
  o: { expiringWithinDays?: number; ephemeralOlderThanMs?: number; now?: Date } = {},
) {
  return auditFindings(t, { now: NOW, expiringWithinDays: 30, ephemeralOlderThanMs: 6 * HOUR, ...o });
}
const of = (r: ReturnType<typeof run>, code: FindingCode) => r.findings.filter((f) => f.code === code);

describe('token rows and inactive-token (info)', () => {
  test('state comes from revoked and expires_at; GitLab’s own `expired: false` is ignored', () => {
    const dead = tok('nightly', { expires_at: day(0), expired: false }); // died at 00:00 UTC today
    const revoked = tok('old', { revoked: true, expires_at: null });
    const fine = tok('fine');
    const r = run(tree([grp(1, 'top', null, [fine, dead, revoked])]));
    const rows = Object.fromEntries(r.tokens.map((t) => [t.id, t]));
    expect(rows[dead.id]).toMatchObject({
      state: 'expired',
      active: false,
      expiresAt: '2026-11-25T00:00:00.000Z',
      level: 'group',
      owner: 'top',
    });
    expect(rows[revoked.id]).toMatchObject({ state: 'revoked', active: false, expiresAt: null });
    expect(rows[fine.id]).toMatchObject({ state: 'active', active: true });
    const info = of(r, 'inactive-token');
    expect(info.map((f) => f.tokenId).sort()).toEqual([dead.id, revoked.id].sort());
    expect(info.every((f) => f.severity === 'info')).toBe(true);
    expect(info.find((f) => f.tokenId === dead.id)?.message).toContain('expired at 2026-11-25 00:00 UTC');
    expect(info.find((f) => f.tokenId === revoked.id)?.message).toContain('is revoked');
    // An inactive token is neither expiring soon nor never-expiring.
    expect(of(r, 'expiring-soon')).toEqual([]);
    expect(of(r, 'never-expires')).toEqual([]);
  });

  test('a token expiring at this very instant is already dead', () => {
    const t = tok('edge', { expires_at: NOW.toISOString() });
    const r = run(tree([grp(1, 'top', null, [t])]));
    expect(r.tokens[0]?.state).toBe('expired');
  });

  test('rows list group tokens then project tokens, by id; scopes are copied', () => {
    const r = run(
      tree(
        [grp(1, 'top', null, [tok('b', { id: 9 }), tok('a', { id: 3 })])],
        [prj(5, 'top/p', 1, [tok('c', { id: 1 })])],
      ),
    );
    expect(r.tokens.map((t) => [t.level, t.id])).toEqual([
      ['group', 3],
      ['group', 9],
      ['project', 1],
    ]);
  });
});

describe('expiring-soon (warning)', () => {
  test('exactly N days left is within N days; a millisecond more is not', () => {
    const exact = tok('exact', { expires_at: new Date(NOW.getTime() + 30 * DAY).toISOString() });
    const later = tok('later', { expires_at: new Date(NOW.getTime() + 30 * DAY + 1).toISOString() });
    const r = run(tree([grp(1, 'top', null, [exact, later])]));
    expect(of(r, 'expiring-soon').map((f) => f.tokenId)).toEqual([exact.id]);
    expect(of(r, 'expiring-soon')[0]).toMatchObject({ severity: 'warning', where: 'top' });
    expect(of(r, 'expiring-soon')[0]?.message).toContain('30 days');
  });

  test('says how long and the UTC instant; --expiring-within moves the threshold', () => {
    const t = special({ expires_at: day(5) });
    const r = run(tree([grp(1, 'top', null, [t])]));
    const msg = of(r, 'expiring-soon')[0]?.message ?? '';
    expect(msg).toContain('4 days 14 hours');
    expect(msg).toContain('2026-11-30 00:00 UTC');
    expect(msg).toContain('CI_DEPLOY_USER');
    expect(of(run(tree([grp(1, 'top', null, [t])]), { expiringWithinDays: 4 }), 'expiring-soon')).toEqual([]);
    expect(of(run(tree([grp(1, 'top', null, [t])]), { expiringWithinDays: 0 }), 'expiring-soon')).toEqual([]);
  });

  test('hours when less than a day is left', () => {
    const r = run(tree([grp(1, 'top', null, [tok('x', { expires_at: day(1) })])]));
    expect(of(r, 'expiring-soon')[0]?.message).toContain('expires in 14 hours');
  });
});

describe('never-expires (warning)', () => {
  test('an active token without expiry; not a revoked one', () => {
    const forever = tok('forever', { expires_at: null });
    const gone = tok('gone', { expires_at: null, revoked: true });
    const r = run(tree([grp(1, 'top', null, [forever, gone])]));
    expect(of(r, 'never-expires').map((f) => [f.tokenId, f.severity])).toEqual([[forever.id, 'warning']]);
    expect(of(r, 'never-expires')[0]?.message).toMatch(/expiry date/);
  });
});

describe('several-gitlab-deploy-tokens (error)', () => {
  test('two active ones on a project: error naming both', () => {
    const a = special({ id: 51 });
    const b = special({ id: 50, expires_at: null });
    const r = run(tree([grp(1, 'top', null)], [prj(5, 'top/p', 1, [a, b])]));
    const f = of(r, 'several-gitlab-deploy-tokens');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', where: 'top/p', tokenId: 50 });
    expect(f[0]?.message).toContain('#50, #51');
    expect(f[0]?.message).toContain('LIMIT 1');
  });

  test('revoked and expired namesakes do not count; other names do not count', () => {
    const r = run(
      tree([
        grp(1, 'top', null, [
          special(),
          special({ revoked: true }),
          special({ expires_at: day(0) }),
          tok('gitlab-deploy-token-2'),
          tok('GitLab-Deploy-Token'),
        ]),
      ]),
    );
    expect(of(r, 'several-gitlab-deploy-tokens')).toEqual([]);
  });

  test('one on a group and one on its project is normal (the project wins)', () => {
    const r = run(tree([grp(1, 'top', null, [special()])], [prj(5, 'top/p', 1, [special()])]));
    expect(of(r, 'several-gitlab-deploy-tokens')).toEqual([]);
  });
});

describe('group-token-not-direct-parent (error)', () => {
  test('a grandparent group token reaches no job in the subgroup', () => {
    const t = special({ id: 41, expires_at: null });
    const r = run(
      tree(
        [grp(10, 'tanuki', null, [t]), grp(12, 'tanuki/platform', 10)],
        [prj(5, 'tanuki/platform/api', 12)],
      ),
    );
    const f = of(r, 'group-token-not-direct-parent');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', where: 'tanuki', tokenId: 41 });
    expect(f[0]?.message).toContain('tanuki/platform/api');
    expect(f[0]?.message).toContain('1 project below gets');
  });

  test('direct children are fine; deeper projects are still reported', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [special()]), grp(11, 'top/a', 10), grp(12, 'top/a/b', 11)],
        [prj(1, 'top/direct', 10), prj(2, 'top/a/p', 11), prj(3, 'top/a/b/q', 12)],
      ),
    );
    const msg = of(r, 'group-token-not-direct-parent')[0]?.message ?? '';
    expect(msg).toContain('top/a/b/q, top/a/p');
    expect(msg).not.toContain('top/direct');
  });

  test('projects served by their own token or their direct parent’s are not listed', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [special()]), grp(11, 'top/a', 10, [special()]), grp(12, 'top/b', 10)],
        [prj(2, 'top/a/p', 11), prj(3, 'top/b/q', 12, [special()])],
      ),
    );
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
  });

  test('an expired subgroup token falls through to nothing: reported', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [special()]), grp(11, 'top/a', 10, [special({ expires_at: day(-1) })])],
        [prj(2, 'top/a/p', 11)],
      ),
    );
    expect(of(r, 'group-token-not-direct-parent')[0]?.message).toContain('top/a/p');
  });

  test('a revoked group token, or a token with another name, reaches nobody anyway: no finding', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [special({ revoked: true }), tok('registry-reader')]), grp(11, 'top/a', 10)],
        [prj(2, 'top/a/p', 11)],
      ),
    );
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
  });

  test('a middle group token is reported for its own subgroups, not for its siblings', () => {
    const r = run(
      tree(
        [
          grp(10, 'top', null),
          grp(11, 'top/a', 10, [special({ id: 77 })]),
          grp(12, 'top/a/deep', 11),
          grp(13, 'top/b', 10),
        ],
        [prj(2, 'top/a/deep/x', 12), prj(3, 'top/b/y', 13)],
      ),
    );
    const f = of(r, 'group-token-not-direct-parent');
    expect(f.map((x) => [x.where, x.tokenId])).toEqual([['top/a', 77]]);
    expect(f[0]?.message).not.toContain('top/b/y');
  });
});

describe('stale-variables (error) and hidden-variable (info)', () => {
  test('a group variable naming an active token of the group or of an ancestor: fine', () => {
    const own = tok('x', { username: 'own-user' });
    const up = tok('y', { username: 'up-user' });
    const r = run(
      tree([
        grp(10, 'top', null, [up]),
        grp(11, 'top/a', 10, [own], [userVar('own-user'), userVar('up-user', { environmentScope: 'prod' })]),
      ]),
    );
    expect(of(r, 'stale-variables')).toEqual([]);
  });

  test('a group variable naming a project token cannot log in everywhere: stale', () => {
    const t = tok('x', { username: 'proj-user' });
    const r = run(tree([grp(10, 'top', null, [], [userVar('proj-user')])], [prj(5, 'top/p', 10, [t])]));
    expect(of(r, 'stale-variables').map((f) => f.where)).toEqual(['top']);
  });

  test('a project variable may name a grandparent group token (login is wider than exposure)', () => {
    const t = tok('any', { username: 'grandpa' });
    const r = run(
      tree(
        [grp(10, 'top', null, [t]), grp(11, 'top/a', 10)],
        [prj(5, 'top/a/p', 11, [], [userVar('grandpa')])],
      ),
    );
    expect(of(r, 'stale-variables')).toEqual([]);
  });

  test('naming a sibling project’s token, an expired token, a revoked token, or nothing: stale, with what to do', () => {
    const sibling = tok('s', { username: 'sibling-user' });
    const expired = tok('e', { username: 'expired-user', expires_at: day(0) });
    const revoked = tok('r', { username: 'revoked-user', revoked: true });
    const r = run(
      tree(
        [grp(10, 'top', null, [expired, revoked])],
        [
          prj(1, 'top/a', 10, [], [userVar('sibling-user')]),
          prj(2, 'top/b', 10, [sibling]),
          prj(3, 'top/c', 10, [], [userVar('expired-user')]),
          prj(4, 'top/d', 10, [], [userVar('revoked-user')]),
          prj(6, 'top/e', 10, [], [userVar('nobody')]),
        ],
      ),
    );
    const f = of(r, 'stale-variables');
    expect(f.map((x) => x.where)).toEqual(['top/a', 'top/c', 'top/d', 'top/e']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f[1]).toMatchObject({ tokenId: expired.id });
    expect(f[1]?.message).toContain('has expired');
    expect(f[2]?.message).toContain('is revoked');
    expect(f[3]?.message).toContain('"nobody"');
    expect(f[3]?.message).toContain('Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD');
  });

  test('a name matching both a dead and an active token is not stale', () => {
    const r = run(
      tree([
        grp(
          10,
          'top',
          null,
          [tok('a', { username: 'same', revoked: true }), tok('b', { username: 'same' })],
          [userVar('same')],
        ),
      ]),
    );
    expect(of(r, 'stale-variables')).toEqual([]);
  });

  test('a hidden CI_DEPLOY_USER cannot be judged: info, never stale, never shadowing', () => {
    const r = run(
      tree([grp(10, 'top', null, [special()], [userVar(null, { hidden: true })])], [prj(1, 'top/p', 10)]),
    );
    expect(of(r, 'stale-variables')).toEqual([]);
    expect(of(r, 'variables-shadow-token')).toEqual([]);
    expect(of(r, 'hidden-variable')).toEqual([expect.objectContaining({ severity: 'info', where: 'top' })]);
  });

  test('tokens of groups above the audited one count; unreadable ones are named', () => {
    const above = tok('a', { username: 'above-user' });
    const t = tree(
      [grp(11, 'top/a', 10, [], [userVar('above-user')])],
      [],
      [{ id: 10, fullPath: 'top', tokens: [above], variables: [] }],
    );
    expect(of(run(t), 'stale-variables')).toEqual([]);
    const blind = run(
      tree(
        [grp(11, 'top/a', 10, [], [userVar('above-user')])],
        [],
        [{ id: 10, fullPath: 'top', tokens: undefined, variables: undefined }],
      ),
    );
    expect(of(blind, 'stale-variables')[0]?.message).toContain('tokens of top could not be read');
    expect(of(blind, 'ancestor-not-readable')).toEqual([
      expect.objectContaining({ severity: 'info', where: 'top' }),
    ]);
  });
});

describe('variables-shadow-token (warning)', () => {
  test('a project variable naming another (active) token overrides the project’s gitlab-deploy-token', () => {
    const t = special({ id: 60 });
    const other = tok('ci', { username: 'ci-user' });
    const r = run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [t, other], [userVar('ci-user')])]));
    const f = of(r, 'variables-shadow-token');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', where: 'top/p', tokenId: 60 })]);
    expect(f[0]?.message).toContain('"ci-user"');
    expect(f[0]?.message).toContain('gitlab+deploy-token-60');
    expect(of(r, 'stale-variables')).toEqual([]);
  });

  test('the same username as the exposed token: nothing to say', () => {
    const t = special({ id: 61 });
    const r = run(
      tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [t], [userVar('gitlab+deploy-token-61')])]),
    );
    expect(of(r, 'variables-shadow-token')).toEqual([]);
  });

  test('the nearest level wins: a matching project variable hides a differing group variable', () => {
    const t = special({ id: 62 });
    const r = run(
      tree(
        [grp(10, 'top', null, [tok('x', { username: 'grp-user' })], [userVar('grp-user')])],
        [
          prj(1, 'top/p', 10, [t], [userVar('gitlab+deploy-token-62')]),
          prj(2, 'top/q', 10, [special({ id: 63 })]),
        ],
      ),
    );
    expect(of(r, 'variables-shadow-token').map((f) => [f.where, f.tokenId])).toEqual([['top/q', 63]]);
    expect(of(r, 'variables-shadow-token')[0]?.message).toContain('from the CI/CD variable on top');
  });

  test('a grandparent group variable shadows the direct parent’s token', () => {
    const r = run(
      tree(
        [
          grp(10, 'top', null, [tok('x', { username: 'u' })], [userVar('u')]),
          grp(11, 'top/a', 10, [special({ id: 64 })]),
        ],
        [prj(1, 'top/a/p', 11)],
      ),
    );
    expect(of(r, 'variables-shadow-token').map((f) => [f.where, f.tokenId])).toEqual([['top/a/p', 64]]);
  });

  test('no token exposed to the project: no shadowing (maybe stale, judged separately)', () => {
    const r = run(
      tree([grp(10, 'top', null, [], [userVar('u')]), grp(11, 'top/a', 10)], [prj(1, 'top/a/p', 11)]),
    );
    expect(of(r, 'variables-shadow-token')).toEqual([]);
  });
});

describe('unmasked-password (error)', () => {
  test('masked false: error; masked true or hidden: fine', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [], [passVar({ masked: false, environmentScope: 'staging' })])],
        [
          prj(1, 'top/ok', 10, [], [passVar()]),
          prj(2, 'top/hidden', 10, [], [passVar({ masked: false, hidden: true })]),
        ],
      ),
    );
    const f = of(r, 'unmasked-password');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', where: 'top' })]);
    expect(f[0]?.message).toContain('"staging"');
    expect(f[0]?.message).toMatch(/Mask/);
  });
});

describe('leftover-ephemeral (warning)', () => {
  const eph = (created: string, o: Partial<DeployToken> = {}) =>
    tok(`deploy-token-ephemeral-${created}-abc123`, { expires_at: day(1), ...o });

  test('older than the threshold: leftover; younger or exactly at it: not', () => {
    const old = eph('20261125T025959Z'); // 7h00m01s
    const exact = eph('20261125T040000Z'); // 6h
    const young = eph('20261125T050000Z'); // 5h
    const r = run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [old, exact, young])]));
    const f = of(r, 'leftover-ephemeral');
    expect(f.map((x) => x.tokenId)).toEqual([old.id]);
    expect(f[0]?.message).toContain('deploy-token cleanup --ephemeral');
    expect(f[0]?.message).toContain('7 hours ago');
    expect(
      of(
        run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [old])]), { ephemeralOlderThanMs: 8 * HOUR }),
        'leftover-ephemeral',
      ),
    ).toEqual([]);
  });

  test('a young one that is no longer active is a leftover too', () => {
    const r = run(
      tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [eph('20261125T093000Z', { revoked: true })])]),
    );
    expect(of(r, 'leftover-ephemeral')[0]?.message).toContain('no longer active (revoked)');
  });

  test('our prefix with an unreadable time: reported; other names never', () => {
    const odd = tok('deploy-token-ephemeral-whenever');
    const r = run(
      tree([
        grp(10, 'top', null, [
          odd,
          tok('deploy-token-ephemeralish'),
          tok('my-deploy-token-ephemeral-20200101T000000Z-abc123'),
        ]),
      ]),
    );
    expect(of(r, 'leftover-ephemeral').map((f) => f.tokenId)).toEqual([odd.id]);
  });

  test('an ephemeral token’s short life is not an expiring-soon warning', () => {
    const r = run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [eph('20261125T093000Z')])]));
    expect(of(r, 'expiring-soon')).toEqual([]);
    expect(of(r, 'leftover-ephemeral')).toEqual([]);
  });
});

describe('variables-not-readable (info)', () => {
  test('variables GitLab refused: info naming the role, and nothing judged there', () => {
    const r = run(tree([grp(10, 'top', null, [special()], 'refused')], [prj(1, 'top/p', 10, [], 'refused')]));
    const f = of(r, 'variables-not-readable');
    expect(f.map((x) => [x.where, x.severity])).toEqual([
      ['top', 'info'],
      ['top/p', 'info'],
    ]);
    expect(f[0]?.message).toContain('Owner');
    expect(f[1]?.message).toContain('Maintainer');
  });
});

describe('ordering and the whole', () => {
  test('errors first, then warnings, then infos; deterministic', () => {
    const t = tree(
      [
        grp(
          10,
          'top',
          null,
          [special({ expires_at: null }), special({ revoked: true })],
          [passVar({ masked: false })],
        ),
      ],
      [prj(1, 'top/p', 10, [], 'refused')],
    );
    const a = run(t);
    expect(a.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info', 'info']);
    expect(run(t)).toEqual(a);
  });

  test('an empty group: no tokens, no findings', () => {
    expect(run(tree([grp(10, 'top', null)]))).toEqual({ tokens: [], findings: [] });
  });

  test('a project whose namespace is not a group of the tree (e.g. a user namespace) gets only its own token', () => {
    const r = run(tree([grp(10, 'top', null, [special()])], [prj(1, 'someone/p', 999)]));
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
  });
});

test('formatDuration', () => {
  expect(formatDuration(0)).toBe('0 minutes');
  expect(formatDuration(61_000)).toBe('1 minute');
  expect(formatDuration(HOUR)).toBe('1 hour');
  expect(formatDuration(DAY)).toBe('1 day');
  expect(formatDuration(2 * DAY + 3 * HOUR + 59_000)).toBe('2 days 3 hours');
  expect(formatDuration(-5)).toBe('0 minutes');
});

describe('group-token-before-15.1 (error): GitLab ≤ 15.0 exposes only project tokens', () => {
  const at = (version: string | undefined, t: AuditTree): AuditTree => ({
    ...t,
    ...(version ? { version } : {}),
  });
  const g = () => special({ id: 1 });
  test('a direct child project with neither own token nor variables gets nothing on 15.0', () => {
    const t = tree(
      [grp(1, 'top', null, [g()])],
      [prj(10, 'top/app', 1), prj(11, 'top/own', 1, [special({ id: 2 })])],
    );
    const r = run(at('15.0.5-ee', t));
    const f = of(r, 'group-token-before-15.1');
    expect(f.map((x) => [x.where, x.severity, x.tokenId])).toEqual([['top/app', 'error', 1]]);
    expect(f[0]!.message).toContain(
      '`deploy-token provision --level group --group top --scopes read_registry --expires-at 2027-03-05 --store group-variables --rotate`',
    );
  });
  test('the fix command carries the token’s scopes (provision refuses to run without --scopes)', () => {
    const t = tree(
      [grp(1, 'top', null, [special({ id: 1, scopes: ['read_repository', 'read_registry'] })])],
      [prj(10, 'top/app', 1)],
    );
    expect(of(run(at('15.0.5-ee', t)), 'group-token-before-15.1')[0]?.message).toContain(
      '--scopes read_repository,read_registry --expires-at 2027-03-05 --store group-variables --rotate',
    );
  });
  test('variables GitLab would not show (a Maintainer’s audit) are not judged: no error, and the info says what was not judged', () => {
    // The working ≤ 15.0 setup, audited without Owner: the group's variables are refused.
    const working = tree([grp(1, 'top', null, [g()], 'refused')], [prj(10, 'top/app', 1)]);
    const r = run(at('15.0.5-ee', working));
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(of(r, 'variables-not-readable')[0]?.message).toContain(
      'nor whether the projects below get working credentials through them',
    );
    // The same when the project's own variables, or those of a group above the tree, are refused.
    const ownRefused = tree([grp(1, 'top', null, [g()])], [prj(10, 'top/app', 1, [], 'refused')]);
    expect(of(run(at('15.0.5-ee', ownRefused)), 'group-token-before-15.1')).toEqual([]);
    const aboveRefused = tree(
      [grp(1, 'top', 0, [g()])],
      [prj(10, 'top/app', 1)],
      [{ id: 0, fullPath: 'org', tokens: [], variables: undefined }],
    );
    expect(of(run(at('15.0.5-ee', aboveRefused)), 'group-token-before-15.1')).toEqual([]);
  });
  test('the workaround on a group above the audited one counts', () => {
    const up = special({ id: 5 });
    const t = tree(
      [grp(1, 'top', 0, [g()])],
      [prj(10, 'top/app', 1)],
      [{ id: 0, fullPath: 'org', tokens: [up], variables: [userVar(up.username), passVar()] }],
    );
    expect(run(at('15.0.5-ee', t)).findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });
  test('variables that do not work (a username without a password) do not hide the finding', () => {
    const t = tree([grp(1, 'top', null, [g()], [userVar('gitlab+deploy-token-1')])], [prj(10, 'top/app', 1)]);
    const r = run(at('15.0.5-ee', t));
    expect(of(r, 'group-token-before-15.1').map((x) => x.where)).toEqual(['top/app']);
    expect(of(r, 'user-without-password').map((x) => x.where)).toEqual(['top/app']);
  });
  test('on 15.1 and later, and when the version is unknown, the group token is exposed: no finding', () => {
    const t = tree([grp(1, 'top', null, [g()])], [prj(10, 'top/app', 1)]);
    expect(of(run(at('15.1.0', t)), 'group-token-before-15.1')).toEqual([]);
    expect(of(run(at('17.5.1-ee', t)), 'group-token-before-15.1')).toEqual([]);
    expect(of(run(at(undefined, t)), 'group-token-before-15.1')).toEqual([]);
  });
  test('the 15.0 workaround (group variables naming the token) is no finding, and no shadow either', () => {
    const t = tree(
      [grp(1, 'top', null, [g()], [userVar('gitlab+deploy-token-1'), passVar()])],
      [prj(10, 'top/app', 1)],
    );
    const r = run(at('15.0.5-ee', t));
    expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });
  test('on 15.0 variables naming another token do not "shadow" a group token GitLab would not expose', () => {
    const t = tree(
      [grp(1, 'top', null, [g(), tok('other', { id: 3 })], [userVar('gitlab+deploy-token-3'), passVar()])],
      [prj(10, 'top/app', 1)],
    );
    expect(of(run(at('15.0.5-ee', t)), 'variables-shadow-token')).toEqual([]);
    expect(of(run(at('16.0.0', t)), 'variables-shadow-token').length).toBe(1);
  });
});

describe('group-token-not-direct-parent: CI/CD variables that give working credentials count', () => {
  const t = () => special({ id: 41, username: 'top-deployer' });
  test('group variables naming the group token (it logs in to all subgroups) serve the projects below', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [t()], [userVar('top-deployer'), passVar()]), grp(12, 'top/sub', 10)],
        [prj(5, 'top/sub/p', 12)],
      ),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('so do variables on the project, or on a group above the audited one naming a token that logs in there', () => {
    const up = tok('org-ci', { username: 'org-ci' });
    const r = run(
      tree(
        [grp(10, 'top', 9, [t()]), grp(12, 'top/sub', 10)],
        [prj(5, 'top/sub/p', 12, [], [userVar('top-deployer'), passVar()]), prj(6, 'top/sub/q', 12)],
        [{ id: 9, fullPath: 'org', tokens: [up], variables: [userVar('org-ci'), passVar()] }],
      ),
    );
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
  });

  test('variables that do not work are no credentials: a dead token, a token that cannot log in there, no password', () => {
    const r = run(
      tree(
        [
          grp(10, 'top', null, [t(), tok('dead', { username: 'dead', revoked: true })]),
          grp(12, 'top/sub', 10),
        ],
        [
          prj(1, 'top/sub/dead', 12, [], [userVar('dead'), passVar()]),
          prj(2, 'top/sub/sibling', 12, [], [userVar('sibling-user'), passVar()]),
          prj(3, 'top/sub/other', 12, [tok('s', { username: 'sibling-user' })]),
          prj(4, 'top/sub/nopass', 12, [], [userVar('top-deployer')]),
        ],
      ),
    );
    expect(of(r, 'group-token-not-direct-parent')[0]?.message).toContain(
      'top/sub/dead, top/sub/nopass, top/sub/other, top/sub/sibling',
    );
  });

  test('on GitLab ≤ 15.0, a project broken by nearer variables is not sent to the group (the advice would loop)', () => {
    const r = run(
      {
        ...tree(
          [grp(10, 'top', null, [t()]), grp(12, 'top/sub', 10, [], [userVar('gone'), passVar()])],
          [prj(5, 'top/sub/p', 12)],
        ),
        version: '15.0.5-ee',
      },
      {},
    );
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
    expect(of(r, 'stale-variables').map((f) => f.where)).toEqual(['top/sub']);
    // A project with no variables at all is still sent to the group's variables.
    const open = run(
      {
        ...tree(
          [
            grp(10, 'top', null, [t()]),
            grp(12, 'top/sub', 10, [], [userVar('gone'), passVar()]),
            grp(13, 'top/other', 10),
          ],
          [prj(5, 'top/sub/p', 12), prj(6, 'top/other/q', 13)],
        ),
        version: '15.0.5-ee',
      },
      {},
    );
    expect(of(open, 'group-token-not-direct-parent')[0]?.message).toContain('at all: top/other/q.');
  });

  test('where a level that could hold them is unreadable, the project is not judged (like group-token-before-15.1)', () => {
    const r = run(
      tree([grp(10, 'top', null, [t()]), grp(12, 'top/sub', 10, [], 'refused')], [prj(5, 'top/sub/p', 12)]),
    );
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
    expect(of(r, 'variables-not-readable').map((f) => f.where)).toEqual(['top/sub']);
  });

  test('on GitLab ≤ 15.0 the message says no group token is exposed at all, and gives the command that fixes it', () => {
    const base = tree([grp(10, 'top', null, [t()]), grp(12, 'top/sub', 10)], [prj(5, 'top/sub/p', 12)]);
    const msg =
      of(run({ ...base, version: '15.0.5-ee' }, {}), 'group-token-not-direct-parent')[0]?.message ?? '';
    expect(msg).toContain('GitLab 15.0.5-ee exposes no group token to jobs');
    expect(msg).not.toContain('is exposed only to projects directly in');
    expect(msg).toContain(
      '`deploy-token provision --level group --group top --scopes read_registry --expires-at 2027-03-05 --store group-variables --rotate`',
    );
    expect(of(run(base), 'group-token-not-direct-parent')[0]?.message).toContain(
      'is exposed only to projects directly in top',
    );
  });

  test('the two checks agree on ≤ 15.0: the workaround on the group serves its projects at every depth', () => {
    const tk = t();
    const base = tree(
      [grp(10, 'top', null, [tk]), grp(12, 'top/sub', 10)],
      [prj(4, 'top/app', 10), prj(5, 'top/sub/p', 12)],
    );
    const before = run({ ...base, version: '15.0.5-ee' });
    expect(of(before, 'group-token-before-15.1').map((f) => f.where)).toEqual(['top/app']);
    expect(of(before, 'group-token-not-direct-parent').map((f) => f.where)).toEqual(['top']);
    const fixed = tree(
      [grp(10, 'top', null, [tk], [userVar('top-deployer'), passVar()]), grp(12, 'top/sub', 10)],
      [prj(4, 'top/app', 10), prj(5, 'top/sub/p', 12)],
    );
    expect(run({ ...fixed, version: '15.0.5-ee' }).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('CI/CD variables of groups above the audited one are inherited by its projects', () => {
  const above = (variables: AuditVariable[] | undefined, tokens: DeployToken[] = []): AuditAncestor => ({
    id: 9,
    fullPath: 'org',
    tokens,
    variables,
  });
  const sub = (): AuditGroup[] => [grp(10, 'org/top', 9, [special({ id: 12 })])];

  test('a stale CI_DEPLOY_USER above the tree overrides the token its projects get: stale and shadowing', () => {
    const r = run(
      tree(sub(), [prj(5, 'org/top/app', 10)], [above([userVar('gitlab+deploy-token-999'), passVar()])]),
    );
    expect(of(r, 'stale-variables').map((f) => [f.where, f.severity])).toEqual([['org', 'error']]);
    expect(of(r, 'stale-variables')[0]?.message).toContain(
      'on org (a group above org/top, inherited by its projects)',
    );
    expect(of(r, 'variables-shadow-token').map((f) => [f.where, f.tokenId])).toEqual([['org/top/app', 12]]);
    expect(of(r, 'variables-shadow-token')[0]?.message).toContain('from the CI/CD variable on org');
  });

  test('naming a token of the audited group or above it is fine (it logs in to the whole tree)', () => {
    const r = run(
      tree(sub(), [prj(5, 'org/top/app', 10)], [above([userVar('gitlab+deploy-token-12'), passVar()])]),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('an unmasked CI_DEPLOY_PASSWORD above the tree shows in its job logs', () => {
    const r = run(tree(sub(), [prj(5, 'org/top/app', 10)], [above([passVar({ masked: false })])]));
    expect(of(r, 'unmasked-password').map((f) => f.where)).toEqual(['org']);
  });

  test('variables above the tree that every project overrides are not the tree’s business', () => {
    const r = run(
      tree(
        [grp(10, 'org/top', 9, [special({ id: 12 })], [userVar('gitlab+deploy-token-12'), passVar()])],
        [prj(5, 'org/top/app', 10)],
        [above([userVar('gitlab+deploy-token-999'), passVar({ masked: false })])],
      ),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('unreadable variables above the tree: an info that names what was not judged', () => {
    const r = run(tree(sub(), [prj(5, 'org/top/app', 10)], [above(undefined)]));
    const f = of(r, 'variables-not-readable');
    expect(f.map((x) => [x.where, x.severity])).toEqual([['org', 'info']]);
    expect(f[0]?.message).toContain('a group above org/top whose variables its projects inherit');
    expect(f[0]?.message).toContain('Owner');
  });
});

describe('password-without-user (warning): a CI_DEPLOY_PASSWORD with no CI_DEPLOY_USER anywhere above it', () => {
  test('it replaces the exposed token’s password: a warning, since the audit cannot see whether it holds that secret', () => {
    const r = run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [special({ id: 2 })], [passVar()])]));
    const f = of(r, 'password-without-user');
    expect(f.map((x) => [x.where, x.severity, x.tokenId])).toEqual([['top/p', 'warning', 2]]);
    expect(f[0]?.message).toContain("logins fail unless the variable holds exactly that token's secret");
    expect(f[0]?.message).toContain('A warning, not an error: the audit never reads passwords');
  });

  test('a group’s lone password reaches each project below it', () => {
    const r = run(
      tree(
        [grp(10, 'top', null, [special({ id: 3 })], [passVar()])],
        [prj(1, 'top/a', 10), prj(2, 'top/b', 10, [special({ id: 4 })])],
      ),
    );
    expect(of(r, 'password-without-user').map((x) => [x.where, x.tokenId])).toEqual([
      ['top/a', 3],
      ['top/b', 4],
    ]);
  });

  test('no token exposed either: the password is of no use (still a warning: nothing worked without it)', () => {
    const r = run(tree([grp(10, 'top', null)], [prj(1, 'top/p', 10, [], [passVar()])]));
    expect(of(r, 'password-without-user')[0]?.message).toContain('so the password is of no use');
  });

  test('a CI_DEPLOY_USER at any level above, or a level that cannot be read, means it is not alone', () => {
    const withUser = run(
      tree(
        [grp(10, 'top', null, [tok('x', { username: 'u' })], [userVar('u')])],
        [prj(1, 'top/p', 10, [special()], [passVar()])],
      ),
    );
    expect(of(withUser, 'password-without-user')).toEqual([]);
    const blind = run(
      tree([grp(10, 'top', null, [], 'refused')], [prj(1, 'top/p', 10, [special()], [passVar()])]),
    );
    expect(of(blind, 'password-without-user')).toEqual([]);
  });
});

describe('user-without-password (error): a CI_DEPLOY_USER with no CI_DEPLOY_PASSWORD and no token to supply one', () => {
  test('jobs get a username and no password', () => {
    const r = run(
      tree(
        [grp(1, 'top', null, [tok('ci', { username: 'ci-user' })])],
        [prj(10, 'top/p', 1, [], [userVar('ci-user')])],
      ),
    );
    const f = of(r, 'user-without-password');
    expect(f.map((x) => [x.where, x.severity])).toEqual([['top/p', 'error']]);
    expect(f[0]?.message).toContain(
      'CI_DEPLOY_USER "ci-user" from the CI/CD variable on top/p but no CI_DEPLOY_PASSWORD',
    );
    expect(f[0]?.message).toContain('Add a masked CI_DEPLOY_PASSWORD');
  });

  test('a group’s CI_DEPLOY_USER: each project below without a token is affected', () => {
    const r = run(
      tree(
        [grp(1, 'top', null, [tok('ci', { username: 'ci-user' })], [userVar('ci-user')]), grp(2, 'top/s', 1)],
        [prj(10, 'top/s/a', 2), prj(11, 'top/s/b', 2, [special({ id: 7, username: 'ci-user' })])],
      ),
    );
    expect(of(r, 'user-without-password').map((x) => x.where)).toEqual(['top/s/a']);
  });

  test('an exposed token supplies the password (and naming it works); a password at any level counts; unreadable levels are not judged', () => {
    const own = special({ id: 8 });
    expect(
      of(
        run(tree([grp(1, 'top', null)], [prj(10, 'top/p', 1, [own], [userVar(own.username)])])),
        'user-without-password',
      ),
    ).toEqual([]);
    const passAbove = tree(
      [grp(1, 'top', null, [tok('ci', { username: 'ci-user' })], [passVar()])],
      [prj(10, 'top/p', 1, [], [userVar('ci-user')])],
    );
    expect(run(passAbove).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const blind = tree(
      [grp(1, 'top', null, [tok('ci', { username: 'ci-user' })], 'refused')],
      [prj(10, 'top/p', 1, [], [userVar('ci-user')])],
    );
    expect(of(run(blind), 'user-without-password')).toEqual([]);
  });

  test('on GitLab ≤ 15.0 a group token supplies nothing: naming it without a password is this error', () => {
    const g = special({ id: 1 });
    const t: AuditTree = {
      ...tree([grp(1, 'top', null, [g])], [prj(10, 'top/p', 1, [], [userVar(g.username)])]),
      version: '15.0.0',
    };
    expect(of(run(t), 'user-without-password').map((x) => x.where)).toEqual(['top/p']);
    expect(of(run({ ...t, version: '15.1.0' }), 'user-without-password')).toEqual([]);
  });
});

test('findings are ordered by code unit, whatever the locale (B before a, z before ä)', () => {
  const r = run(
    tree(
      [grp(10, 'top', null)],
      ['top/ä', 'top/a', 'top/z', 'top/B'].map((path, i) => prj(i + 1, path, 10, [], [userVar('nobody')])),
    ),
  );
  expect(of(r, 'stale-variables').map((f) => f.where)).toEqual(['top/B', 'top/a', 'top/z', 'top/ä']);
});

describe('variables naming a token of a group above whose tokens could not be read: not known to be broken', () => {
  const unreadable = (fullPath: string, variables: AuditVariable[] | undefined): AuditAncestor => ({
    id: 1,
    fullPath,
    tokens: undefined,
    variables,
  });
  test('group-token-not-direct-parent does not claim a project whose variables may name such a token', () => {
    const base = (vars: AuditVariable[]) =>
      tree(
        [grp(2, 'top/sub', 1, [special({ id: 12 })]), grp(3, 'top/sub/deep', 2)],
        [prj(22, 'top/sub/deep/svc', 3, [], vars)],
        [unreadable('top', [])],
      );
    const r = run(base([userVar('top-deployer'), passVar()]));
    expect(of(r, 'group-token-not-direct-parent')).toEqual([]);
    // The stale finding still says the name could not be checked against those tokens.
    expect(of(r, 'stale-variables')[0]?.message).toContain('(tokens of top could not be read)');
    expect(of(r, 'ancestor-not-readable').map((f) => f.where)).toEqual(['top']);
    // A name of a known dead token stays broken; so does a username with no password.
    const dead = special({ id: 13, username: 'dead-one', revoked: true });
    const withDead = tree(
      [grp(2, 'top/sub', 1, [special({ id: 12 }), dead]), grp(3, 'top/sub/deep', 2)],
      [prj(22, 'top/sub/deep/svc', 3, [], [userVar('dead-one'), passVar()])],
      [unreadable('top', [])],
    );
    expect(of(run(withDead), 'group-token-not-direct-parent').map((f) => f.where)).toEqual(['top/sub']);
    expect(
      of(run(base([userVar('top-deployer')])), 'group-token-not-direct-parent').map((f) => f.where),
    ).toEqual(['top/sub']);
    // With every group readable the same unknown name is broken.
    const readable = tree(
      [grp(2, 'top/sub', 1, [special({ id: 12 })]), grp(3, 'top/sub/deep', 2)],
      [prj(22, 'top/sub/deep/svc', 3, [], [userVar('top-deployer'), passVar()])],
      [{ id: 1, fullPath: 'top', tokens: [], variables: [] }],
    );
    expect(of(run(readable), 'group-token-not-direct-parent').map((f) => f.where)).toEqual(['top/sub']);
  });
  test('nor does group-token-before-15.1 on GitLab 15.0', () => {
    const t: AuditTree = {
      ...tree(
        [grp(2, 'top/sub', 1, [special({ id: 12 })])],
        [prj(22, 'top/sub/svc', 2, [], [userVar('top-deployer'), passVar()])],
        [unreadable('top', [])],
      ),
      version: '15.0.1',
    };
    expect(of(run(t), 'group-token-before-15.1')).toEqual([]);
  });
});

describe('user-without-password (error): another token’s username with the exposed token’s password', () => {
  test('an exposed token and a CI_DEPLOY_USER naming another token, no CI_DEPLOY_PASSWORD anywhere: the pair never logs in', () => {
    const own = special({ id: 2 });
    const other = tok('ci', { id: 3, username: 'ci-user' });
    const r = run(tree([grp(1, 'top', null)], [prj(10, 'top/p', 1, [own, other], [userVar('ci-user')])]));
    const f = of(r, 'user-without-password');
    expect(f.map((x) => [x.where, x.severity, x.tokenId])).toEqual([['top/p', 'error', 2]]);
    expect(f[0]?.message).toContain(
      'jobs of top/p get CI_DEPLOY_USER "ci-user" from the CI/CD variable on top/p (environment scope "*") but no CI_DEPLOY_PASSWORD variable',
    );
    expect(f[0]?.message).toContain(
      'the password is that of gitlab-deploy-token #2 (gitlab+deploy-token-2) from top/p, and GitLab accepts a token only with its own username',
    );
    expect(of(r, 'variables-shadow-token').map((x) => x.where)).toEqual(['top/p']);
    // The token the direct parent exposes, and a group's CI_DEPLOY_USER, are the same case.
    const inherited = run(
      tree([grp(1, 'top', null, [special({ id: 4 }), other], [userVar('ci-user')])], [prj(10, 'top/p', 1)]),
    );
    expect(of(inherited, 'user-without-password').map((x) => [x.where, x.tokenId])).toEqual([['top/p', 4]]);
  });
  test('naming the exposed token, a password at any level, an unreadable level or a hidden user: no error', () => {
    const own = special({ id: 2 });
    const other = tok('ci', { id: 3, username: 'ci-user' });
    const none = (groupVars: AuditVariable[] | 'refused', projectVars: AuditVariable[]) =>
      of(
        run(tree([grp(1, 'top', null, [], groupVars)], [prj(10, 'top/p', 1, [own, other], projectVars)])),
        'user-without-password',
      );
    expect(none([], [userVar(own.username)])).toEqual([]);
    expect(none([passVar()], [userVar('ci-user')])).toEqual([]);
    expect(none('refused', [userVar('ci-user')])).toEqual([]);
    expect(none([], [userVar(null)])).toEqual([]);
  });
});

describe('group-token-before-15.1: advice that would help', () => {
  const at15 = (t: AuditTree): AuditTree => ({ ...t, version: '15.0.1' });
  test('not for a project whose own CI_DEPLOY_USER breaks it (it overrides group variables): the stale finding says what to do', () => {
    const g = special({ id: 5, username: 'g' });
    const r = run(
      at15(
        tree(
          [grp(1, 'top', null, [g], [userVar('g'), passVar()])],
          [prj(10, 'top/p', 1, [], [userVar('old'), passVar()])],
        ),
      ),
    );
    expect(of(r, 'group-token-before-15.1')).toEqual([]);
    expect(of(r, 'stale-variables').map((f) => f.where)).toEqual(['top/p']);
    // Its own username without a password: user-without-password says what to do.
    const lone = run(at15(tree([grp(1, 'top', null, [g])], [prj(10, 'top/p', 1, [], [userVar('g')])])));
    expect(of(lone, 'group-token-before-15.1')).toEqual([]);
    expect(of(lone, 'user-without-password').map((f) => f.where)).toEqual(['top/p']);
    // Broken group variables: storing the token there (--rotate rewrites them) is the fix.
    const groupStale = run(
      at15(tree([grp(1, 'top', null, [g], [userVar('old'), passVar()])], [prj(10, 'top/p', 1)])),
    );
    expect(of(groupStale, 'group-token-before-15.1').map((f) => f.where)).toEqual(['top/p']);
  });
  test('a lone CI_DEPLOY_PASSWORD of the project would override the group’s: the advice says to delete it', () => {
    const r = run(
      at15(tree([grp(1, 'top', null, [special({ id: 5 })])], [prj(10, 'top/p', 1, [], [passVar()])])),
    );
    expect(of(r, 'group-token-before-15.1')[0]?.message).toContain(
      "--rotate`, and delete the CI_DEPLOY_PASSWORD variable of top/p, which would override the group's",
    );
  });
  test('the command keeps the token’s expiry: a date-only one as its date, another instant as is, none when it never expires', () => {
    const cmd = (t: DeployToken) =>
      /`(deploy-token provision [^`]+)`/.exec(
        of(run(at15(tree([grp(1, 'top', null, [t])], [prj(10, 'top/p', 1)]))), 'group-token-before-15.1')[0]
          ?.message ?? '',
      )?.[1];
    expect(cmd(special({ id: 5, expires_at: '2027-01-31T00:00:00.000Z' }))).toBe(
      'deploy-token provision --level group --group top --scopes read_registry --expires-at 2027-01-31 --store group-variables --rotate',
    );
    expect(cmd(special({ id: 5, expires_at: '2027-01-31T15:30:00.000Z' }))).toBe(
      'deploy-token provision --level group --group top --scopes read_registry --expires-at 2027-01-31T15:30:00.000Z --store group-variables --rotate',
    );
    expect(cmd(special({ id: 5, expires_at: null }))).toBe(
      'deploy-token provision --level group --group top --scopes read_registry --store group-variables --rotate',
    );
  });
  test('scopes provision does not know are left out, and the message says so; with none it knows, the command asks for SCOPES', () => {
    const msg = (scopes: string[]) =>
      of(
        run(at15(tree([grp(1, 'top', null, [special({ id: 5, scopes })])], [prj(10, 'top/p', 1)]))),
        'group-token-before-15.1',
      )[0]?.message ?? '';
    const mixed = msg(['read_registry', 'read_api_custom']);
    expect(mixed).toContain(
      '`deploy-token provision --level group --group top --scopes read_registry --expires-at 2027-03-05 --store group-variables --rotate` (the token\'s "read_api_custom" left out: provision knows no such scope)',
    );
    const unknown = msg(['read_api_custom']);
    expect(unknown).toContain(
      '`deploy-token provision --level group --group top --scopes SCOPES --expires-at 2027-03-05 --store group-variables --rotate` with SCOPES the comma list of scopes its jobs need (the token\'s "read_api_custom" is not a scope provision knows; it takes read_repository, read_registry,',
    );
    expect(msg([])).toContain('(the token has none; it takes read_repository');
  });
});
