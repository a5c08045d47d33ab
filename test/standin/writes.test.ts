/**
 * The stand-in GitLab's write endpoints answer as GitLab does (lib/api/deploy_tokens.rb,
 * app/models/deploy_token.rb, app/models/concerns/ci/maskable.rb, lib/api/api_guard.rb), with the
 * documented shapes from fixtures/gitlab.
 */
import { describe, expect, test } from '@jest/globals';
import createdFixture from '../../fixtures/gitlab/deploy_token_created.json' with { type: 'json' };
import variableFixture from '../../fixtures/gitlab/variable.json' with { type: 'json' };
import type { Scenario } from '../../src/standin/model.js';
import { StandinGitLab } from '../../src/standin/server.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const ADMIN = 'glpat-adminAdminAdmin0001';
const MAINT = 'glpat-maintMaintMaint0002';
const READ = 'glpat-readReadReadRead03';

function gitlab(): StandinGitLab {
  const sc: Scenario = {
    name: 'w',
    title: 'w',
    description: 'w',
    version: '17.5.1-ee',
    apiTokens: [ADMIN, MAINT, READ],
    apiUsers: [
      { token: MAINT, id: 3, username: 'max', scopes: ['api'], access: { tanuki: 40 } },
      { token: READ, id: 4, username: 'rita', scopes: ['read_api'], access: { tanuki: 50 } },
    ],
    groups: [{ id: 10, full_path: 'tanuki', parent_id: null }],
    projects: [{ id: 3, path_with_namespace: 'tanuki/app', namespace_id: 10 }],
    project: 'tanuki/app',
  };
  return new StandinGitLab(sc, { now: () => NOW });
}

function call(g: StandinGitLab, method: string, url: string, body?: unknown, token = ADMIN, form = false) {
  const a = g.handle({
    method,
    url: `/api/v4${url}`,
    headers: {
      'private-token': token,
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    },
    ...(body === undefined ? {} : { body: form ? String(body) : JSON.stringify(body) }),
  });
  return { status: a.status, body: a.body ? (JSON.parse(a.body) as Record<string, unknown>) : undefined };
}

describe('deploy tokens', () => {
  test('POST answers 201 with the documented fields and the secret, once', () => {
    const g = gitlab();
    const r = call(g, 'POST', '/projects/3/deploy_tokens', {
      name: 'x',
      scopes: ['read_registry'],
      expires_at: '2027-01-01',
    });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body!).sort()).toEqual(Object.keys(createdFixture).sort());
    expect(r.body!.token).toMatch(/^gldt-[A-Za-z0-9_-]{20}$/);
    expect(r.body!.expires_at).toBe('2027-01-01T00:00:00.000Z');
    const list = call(g, 'GET', '/projects/3/deploy_tokens');
    expect(JSON.stringify(list.body)).not.toContain(String(r.body!.token));
  });

  test('form-encoded scopes[] and comma lists are accepted, as grape does', () => {
    const g = gitlab();
    expect(
      call(
        g,
        'POST',
        '/projects/3/deploy_tokens',
        'name=a&scopes[]=read_registry&scopes[]=read_repository',
        ADMIN,
        true,
      ).body!.scopes,
    ).toEqual(['read_registry', 'read_repository']);
    expect(
      call(g, 'POST', '/projects/3/deploy_tokens', { name: 'b', scopes: 'read_registry,write_registry' })
        .body!.scopes,
    ).toEqual(['read_registry', 'write_registry']);
  });

  test.each([
    [{ scopes: ['read_registry'] }, { error: 'name is missing' }],
    [{ name: 'x' }, { error: 'scopes is missing' }],
    [{ name: 'x', scopes: ['api'] }, { error: 'scopes does not have a valid value' }],
    [{ name: 'x', scopes: [] }, { message: "Scopes can't be blank" }],
    [{ name: 'x', scopes: ['read_registry'], expires_at: 'soon' }, { error: 'expires_at is invalid' }],
    [
      { name: 'x', scopes: ['read_registry'], username: 'a b' },
      { message: "Username can contain only letters, digits, '_', '-', '+', and '.'" },
    ],
  ])('400 for %j', (body, answer) => {
    const r = call(gitlab(), 'POST', '/projects/3/deploy_tokens', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(answer);
  });

  test('group tokens: Maintainers list but only Owners create or delete; projects: Maintainers may', () => {
    const g = gitlab();
    expect(call(g, 'GET', '/groups/10/deploy_tokens', undefined, MAINT).status).toBe(200);
    expect(
      call(g, 'POST', '/groups/10/deploy_tokens', { name: 'x', scopes: ['read_registry'] }, MAINT),
    ).toEqual({ status: 403, body: { message: '403 Forbidden' } });
    const t = call(g, 'POST', '/groups/10/deploy_tokens', { name: 'x', scopes: ['read_registry'] }).body!;
    expect(call(g, 'DELETE', `/groups/10/deploy_tokens/${String(t.id)}`, undefined, MAINT).status).toBe(403);
    expect(
      call(g, 'POST', '/projects/3/deploy_tokens', { name: 'x', scopes: ['read_registry'] }, MAINT).status,
    ).toBe(201);
    expect(call(g, 'DELETE', `/groups/10/deploy_tokens/${String(t.id)}`).status).toBe(204);
    expect(call(g, 'DELETE', `/groups/10/deploy_tokens/${String(t.id)}`).status).toBe(404);
  });

  test('a read_api token reads but every write is 403 insufficient_scope', () => {
    const g = gitlab();
    expect(call(g, 'GET', '/projects/3/deploy_tokens', undefined, READ).status).toBe(200);
    const r = call(g, 'POST', '/projects/3/deploy_tokens', { name: 'x', scopes: ['read_registry'] }, READ);
    expect(r.status).toBe(403);
    expect(r.body!.error).toBe('insufficient_scope');
  });
});

describe('CI/CD variables', () => {
  test('POST 201 in the documented shape; a masked value must be maskable (400 "is invalid")', () => {
    const g = gitlab();
    const ok = call(g, 'POST', '/projects/3/variables', {
      key: 'CI_DEPLOY_PASSWORD',
      value: 'gldt-abc_DEF-123456789',
      masked: true,
    });
    expect(ok.status).toBe(201);
    expect(Object.keys(ok.body!).sort()).toEqual(Object.keys(variableFixture).sort());
    for (const value of ['short', 'has space in it', 'line\nbreak-value', 'dollar$value1']) {
      expect(call(g, 'POST', '/projects/3/variables', { key: 'K', value, masked: true })).toEqual({
        status: 400,
        body: { message: { value: ['is invalid'] } },
      });
    }
    // Raw masked variables only need 8 non-space characters.
    expect(
      call(g, 'POST', '/projects/3/variables', { key: 'R', value: 'dollar$value1', masked: true, raw: true })
        .status,
    ).toBe(201);
  });

  test('duplicate key in one scope is 400; PUT updates; DELETE removes; group variables need Owner', () => {
    const g = gitlab();
    call(g, 'POST', '/groups/10/variables', { key: 'CI_DEPLOY_USER', value: 'someone1' });
    expect(call(g, 'POST', '/groups/10/variables', { key: 'CI_DEPLOY_USER', value: 'someone2' })).toEqual({
      status: 400,
      body: { message: { key: ['(CI_DEPLOY_USER) has already been taken'] } },
    });
    expect(
      call(g, 'POST', '/groups/10/variables', {
        key: 'CI_DEPLOY_USER',
        value: 'someone2',
        environment_scope: 'production',
      }).status,
    ).toBe(201);
    expect(call(g, 'PUT', '/groups/10/variables/CI_DEPLOY_USER', { value: 'x' }).status).toBe(409);
    const put = call(g, 'PUT', '/groups/10/variables/CI_DEPLOY_USER?filter[environment_scope]=*', {
      value: 'updated-1',
      masked: true,
    });
    expect(put.body).toMatchObject({ value: 'updated-1', masked: true, environment_scope: '*' });
    expect(
      call(g, 'PUT', '/groups/10/variables/CI_DEPLOY_USER?filter[environment_scope]=*', {
        value: 'bad value',
        masked: true,
      }).status,
    ).toBe(400);
    expect(call(g, 'GET', '/groups/10/variables', undefined, MAINT).status).toBe(403);
    expect(call(g, 'DELETE', '/groups/10/variables/CI_DEPLOY_USER?filter[environment_scope]=*').status).toBe(
      204,
    );
    expect(call(g, 'DELETE', '/groups/10/variables/CI_DEPLOY_USER?filter[environment_scope]=*').status).toBe(
      404,
    );
    expect(call(g, 'POST', '/groups/10/variables', { key: 'bad-key', value: 'x' }).status).toBe(400);
  });
});
