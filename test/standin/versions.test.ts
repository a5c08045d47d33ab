/**
 * The stand-in answers as GitLab does at the scenario's version (docs/gitlab-rules.md, "API by
 * version"), and judges logins as lib/gitlab/auth.rb does: each row names the source it follows and
 * covers both sides of the release where the answer changed.
 */
import { describe, expect, test } from '@jest/globals';
import type { CiVariable } from '../../src/gitlab/types.js';
import type { ScenarioToken } from '../../src/standin/model.js';
import { StandinGitLab } from '../../src/standin/server.js';
import { appWorld, type AppWorld } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-versionsVersions1234';

function gitlab(
  version: string,
  over: Pick<AppWorld, 'projectTokens' | 'groupTokens' | 'groupVars' | 'projectVars'> = {},
) {
  const sc = appWorld(version, API, over);
  // A subgroup with a project, and a group of another tree with its own.
  sc.groups.push(
    { id: 12, full_path: 'tanuki/sub', parent_id: 10 },
    { id: 20, full_path: 'other', parent_id: null },
  );
  sc.projects.push(
    { id: 4, path_with_namespace: 'tanuki/sub/lib', namespace_id: 12 },
    { id: 5, path_with_namespace: 'other/app', namespace_id: 20 },
  );
  const g = new StandinGitLab(sc, { now: () => NOW, baseUrl: 'https://gitlab.example.com' });
  const call = (method: string, url: string, extra: { body?: unknown; auth?: [string, string] } = {}) => {
    const a = g.handle({
      method,
      url,
      headers: {
        ...(extra.auth
          ? { authorization: `Basic ${Buffer.from(`${extra.auth[0]}:${extra.auth[1]}`).toString('base64')}` }
          : { 'private-token': API }),
        ...(extra.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(extra.body ? { body: JSON.stringify(extra.body) } : {}),
    });
    return { status: a.status, body: a.body ? (JSON.parse(a.body) as unknown) : undefined };
  };
  return { g, call };
}

const tok = (over: Partial<ScenarioToken>): ScenarioToken => ({
  id: 11,
  name: 'gitlab-deploy-token',
  expires: null,
  scopes: ['read_repository', 'read_registry', 'write_registry'],
  token: 'gldt-Token11Token11Token1',
  ...over,
});

describe('deploy-token entities by version (lib/api/entities/deploy_token.rb)', () => {
  test.each([
    ['13.12.0', false],
    ['14.0.0', true],
  ])('%s: revoked/expired present = %s, and active=true honoured alike', (version, fields) => {
    const { call } = gitlab(version, {
      projectTokens: [tok({}), tok({ id: 12, revoked: true, token: 'gldt-x' })],
    });
    const all = call('GET', '/api/v4/projects/3/deploy_tokens').body as Record<string, unknown>[];
    expect('revoked' in all[0]!).toBe(fields);
    expect('expired' in all[0]!).toBe(fields);
    const active = call('GET', '/api/v4/projects/3/deploy_tokens?active=true').body as unknown[];
    // Older servers ignore the filter: every token comes back.
    expect(active).toHaveLength(fields ? 1 : 2);
  });

  test.each([
    ['14.8.0', 404, { error: '404 Not Found' }],
    ['14.9.0', 200, undefined],
  ])(
    '%s: GET /groups/:id/deploy_tokens/:token_id answers %s (lib/api/deploy_tokens.rb: 14.9)',
    (version, status, body) => {
      const { call } = gitlab(version, { groupTokens: [tok({ id: 21 })] });
      const r = call('GET', '/api/v4/groups/10/deploy_tokens/21');
      expect(r.status).toBe(status);
      if (body) expect(r.body).toEqual(body);
    },
  );

  test('a stored empty username is answered as stored; a created one with username "" gets the default (DeployTokenMethods .presence)', () => {
    const { call } = gitlab('17.5.1-ee', { projectTokens: [tok({ username: '' })] });
    expect(
      (call('GET', '/api/v4/projects/3/deploy_tokens').body as { username: string }[])[0]?.username,
    ).toBe('');
    const made = call('POST', '/api/v4/projects/3/deploy_tokens', {
      body: { name: 'x', scopes: ['read_repository'], username: '' },
    });
    expect(made.status).toBe(201);
    expect((made.body as { id: number; username: string }).username).toBe(
      `gitlab+deploy-token-${(made.body as { id: number }).id}`,
    );
  });

  test('scopes: [] is refused with 400 (ensure_at_least_one_scope)', () => {
    const { call } = gitlab('17.5.1-ee');
    expect(call('POST', '/api/v4/projects/3/deploy_tokens', { body: { name: 'x', scopes: [] } })).toEqual({
      status: 400,
      body: { message: "Scopes can't be blank" },
    });
  });
});

describe('one key in several environment scopes (lib/api/helpers/variables_helpers.rb find_variable)', () => {
  const rows: CiVariable[] = [
    { key: 'CI_DEPLOY_USER', value: 'all', environment_scope: '*' },
    { key: 'CI_DEPLOY_USER', value: 'prod', environment_scope: 'production' },
  ];
  test.each([
    ['groups', '16.8.0', 200],
    ['groups', '16.9.0', 409],
    ['projects', '13.1.0', 200],
    ['projects', '13.2.0', 409],
  ])('%s on %s: single-key GET answers %s', (level, version, status) => {
    const { call } = gitlab(version, level === 'groups' ? { groupVars: rows } : { projectVars: rows });
    const id = level === 'groups' ? 10 : 3;
    const r = call('GET', `/api/v4/${level}/${id}/variables/CI_DEPLOY_USER`);
    expect(r.status).toBe(status);
    // The list answers every row on every version.
    expect(call('GET', `/api/v4/${level}/${id}/variables`).body).toHaveLength(2);
  });

  test.each([
    ['17.3.0', false],
    ['17.4.0', true],
  ])('%s: hidden variables answer value null, with a hidden field = %s', (version, field) => {
    const { call } = gitlab(version, {
      projectVars: [
        { key: 'CI_DEPLOY_PASSWORD', value: 'gldt-secretsecretsecret12', hidden: true, masked: true },
      ],
    });
    const [row] = call('GET', '/api/v4/projects/3/variables').body as Record<string, unknown>[];
    expect(row?.value).toBeNull();
    expect('hidden' in row!).toBe(field);
  });
});

describe('logging in with a deploy token (lib/gitlab/auth.rb deploy_token_check)', () => {
  const project = tok({ id: 11, token: 'gldt-Project11Project11Pr' });
  const group = tok({ id: 21, username: 'tanuki-deployer', token: 'gldt-Group21Group21Group2' });

  test('a pair from two tokens is refused; each token with its own name is accepted', () => {
    const { call } = gitlab('17.5.1-ee', { projectTokens: [project], groupTokens: [group] });
    const lfs = (user: string, pw: string) =>
      call('POST', '/tanuki/app.git/info/lfs/objects/batch', { auth: [user, pw] }).status;
    expect(lfs('tanuki-deployer', project.token)).toBe(401);
    expect(lfs('gitlab+deploy-token-11', group.token)).toBe(401);
    expect(lfs('gitlab+deploy-token-11', project.token)).toBe(200);
    expect(lfs('tanuki-deployer', group.token)).toBe(200);
  });

  test.each([
    ['15.6.0', 404],
    ['15.7.0', 200],
  ])(
    'LFS with a group token on %s: %s (lfs_request.rb: project == before 15.7, has_access_to? after)',
    (version, status) => {
      const { call } = gitlab(version, { groupTokens: [group] });
      expect(
        call('POST', '/tanuki/sub/lib.git/info/lfs/objects/batch', { auth: ['tanuki-deployer', group.token] })
          .status,
      ).toBe(status);
      // Never outside the token's group.
      expect(
        call('POST', '/other/app.git/info/lfs/objects/batch', { auth: ['tanuki-deployer', group.token] })
          .status,
      ).toBe(404);
    },
  );

  const proxy = (version: string, t: ScenarioToken, level: 'project' | 'group') => {
    const { call } = gitlab(version, level === 'group' ? { groupTokens: [t] } : { projectTokens: [t] });
    const user = t.username ?? `gitlab+deploy-token-${t.id}`;
    return call('GET', '/jwt/auth?service=dependency_proxy', { auth: [user, t.token] }).status;
  };
  test.each([
    ['17.5.1-ee', 'project', ['read_registry', 'write_registry'], 403],
    ['17.5.1-ee', 'group', ['read_registry', 'write_registry'], 200],
    ['17.5.1-ee', 'group', ['read_registry'], 403],
    ['17.11.0', 'group', ['read_virtual_registry', 'write_virtual_registry'], 403],
    ['18.0.0', 'group', ['read_virtual_registry', 'write_virtual_registry'], 200],
    ['14.1.0', 'group', ['read_registry', 'write_registry'], 403],
    ['14.2.0', 'group', ['read_registry', 'write_registry'], 200],
  ] as [string, 'project' | 'group', string[], number][])(
    'dependency proxy on %s with a %s token %j: %s (valid_for_dependency_proxy?)',
    (version, level, scopes, status) => {
      expect(proxy(version, tok({ id: 21, username: 'tanuki-deployer', scopes: [...scopes] }), level)).toBe(
        status,
      );
    },
  );

  test('the registry grants pull for read_registry and push for write_registry, each on its own', () => {
    const { call } = gitlab('17.5.1-ee', { projectTokens: [tok({ scopes: ['write_registry'] })] });
    const r = call('GET', '/jwt/auth?service=container_registry&scope=repository:tanuki/app:push,pull', {
      auth: ['gitlab+deploy-token-11', 'gldt-Token11Token11Token1'],
    });
    expect((r.body as { access: { actions: string[] }[] }).access[0]?.actions).toEqual(['push']);
  });

  test('an expired token logs in nowhere (scope :active)', () => {
    const { call } = gitlab('17.5.1-ee', { projectTokens: [tok({ expires: '+0d' })] });
    expect(
      call('POST', '/tanuki/app.git/info/lfs/objects/batch', {
        auth: ['gitlab+deploy-token-11', 'gldt-Token11Token11Token1'],
      }).status,
    ).toBe(401);
  });
});
