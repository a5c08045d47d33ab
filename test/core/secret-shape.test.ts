/**
 * The one guess "is this value a secret?" (src/core/secret-shape.ts): by name, by shape (a GitLab
 * token, a random-looking run of the token alphabet), by origin (a template that reads the password).
 * The resolver's swapped-user check (src/resolve/swapped.ts) and the scrubber build on these shapes.
 */
import { describe, expect, test } from '@jest/globals';
import {
  API_TOKEN_VARIABLES,
  containsGitLabToken,
  isGitLabToken,
  isPrefixlessDeployToken,
  mayBeSecret,
  mayBeToken,
  readsPassword,
  renderedSecret,
  SECRET_ENV_NAMES,
} from '../../src/core/secret-shape.js';
import { Scrubber } from '../../src/core/scrub.js';
import { GITLAB_TOKEN_PREFIXES } from '../../src/mask/tokens.js';

const TAIL = 'AbCdEfGhIjKlMnOpQrSt';

describe('by name', () => {
  test("the API token's homes, in glab's order, are secret by name; the scrubber masks them", () => {
    expect(API_TOKEN_VARIABLES).toEqual(['GITLAB_TOKEN', 'GITLAB_ACCESS_TOKEN', 'OAUTH_TOKEN']);
    for (const n of [...API_TOKEN_VARIABLES, 'CI_JOB_TOKEN', 'CI_DEPLOY_PASSWORD'])
      expect(SECRET_ENV_NAMES).toContain(n);
    const s = new Scrubber();
    s.addEnv({ OAUTH_TOKEN: 'an-oauth-secret-value', HOME: '/home/me' });
    expect(s.scrub('t=an-oauth-secret-value h=/home/me')).toBe('t=[MASKED] h=/home/me');
  });
});

describe('by shape', () => {
  test.each(GITLAB_TOKEN_PREFIXES.map((p) => [p]))('%s + 20 characters is a GitLab token', (p) => {
    expect(isGitLabToken(`${p}${TAIL}`)).toBe(true);
    expect(containsGitLabToken(`x ${p}${TAIL} y`)).toBe(true);
  });
  test.each([
    [`acme-gldt-${TAIL}`, true, true],
    [`  gldt-${TAIL}  `, true, true],
    [`gldt-${TAIL.slice(1)}`, false, false],
    [`x.gldt-${TAIL}`, false, true],
    [`gldt-${TAIL}!`, false, true],
    ['glft-parser', false, false],
    ['gitlab+deploy-token-11', false, false],
  ])('%j: the whole value a token %s, a token inside %s', (v, whole, inside) => {
    expect([isGitLabToken(v), containsGitLabToken(v)]).toEqual([whole, inside]);
  });
  test('a prefix-less deploy token: Devise.friendly_token, exactly 20 characters without l, I, O, 0', () => {
    expect(isPrefixlessDeployToken('Zq8kP3mN7vB2xC5tR9wL'.replace('L', 'M'))).toBe(true);
    expect(isPrefixlessDeployToken('Zq8kP3mN7vB2xC5tR9w')).toBe(false);
    expect(isPrefixlessDeployToken('Zq8kP3mN7vB2xC5tR9wl')).toBe(false);
    expect(isPrefixlessDeployToken('Zq8kP3mN7vB2xC5tR9w0')).toBe(false);
  });
  test.each([
    [`glpat-${TAIL}`, true],
    ['Xk3PqL9mZt2VwR8sNb4Y', true],
    ['all_lower_case_name_here', false],
    ['ALL_UPPER_CASE_NAME_HERE1', false],
    ['Short1Aa', false],
  ])('mayBeToken(%j) is %s', (v, yes) => expect(mayBeToken(v)).toBe(yes));
  test.each([
    ['gitlab+deploy-token-11', false],
    ['deployer.ci_bot-1', false],
    ['p@ss/W0rd+Secret=Value!', true],
    [`gldt-${TAIL}`, true],
  ])('as a username, %j may be a secret: %s', (v, yes) => expect(mayBeSecret(v)).toBe(yes));
});

describe('by origin', () => {
  test('a template that reads the password, or a value that holds it, is secret', () => {
    expect(readsPassword('{{ username }}:{{ password | base64 }}')).toBe(true);
    expect(readsPassword('{{ username }}')).toBe(false);
    expect(readsPassword('{{ password_hint }}')).toBe(false);
    expect(renderedSecret('{{ username }}', 'user', 'pw-secret')).toBe(false);
    expect(renderedSecret('{{ x }}', 'a-pw-secret-b', 'pw-secret')).toBe(true);
    expect(renderedSecret('{{ x }}', 'anything', '')).toBe(false);
  });
});
