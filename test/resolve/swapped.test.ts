/** A CI_DEPLOY_USER that holds a token (docs/gitlab-rules.md, "Token shapes"), and file variables in a job. */
import { describe, expect, test } from '@jest/globals';
import { gatherInput } from '../../src/resolve/gather.js';
import { noVariables } from '../../src/resolve/precedence.js';
import { resolveCredentials } from '../../src/resolve/resolver.js';
import { looksLikeToken } from '../../src/resolve/swapped.js';

const known = {
  usernames: new Set(['gitlab+deploy-token-11', 'deployerproduction12']),
  passwords: ['s3cret-pass'],
};

describe('looksLikeToken', () => {
  test.each([
    'gldt-AbCdEfGhIjKlMnOpQrSt',
    'glpat-AbCdEfGhIjKlMnOpQrSt',
    'acme-gldt-AbCdEfGhIjKlMnOpQrSt',
    'my-corp-gldt-AbCdEfGhIjKlMnOpQrSt',
    'Zq8kP3mN7vB2xC5tR9wL',
    's3cret-pass',
    '  gldt-AbCdEfGhIjKlMnOpQrSt  ',
  ])('%j is a token', (value) => {
    expect(looksLikeToken(value, known)).toBe(true);
  });
  test.each([
    'gitlab+deploy-token-11',
    'tanuki-deployer',
    'deployerproduction12',
    'glft-parser',
    'gldt-short',
    'gitlab-gldt-',
    '',
  ])('%j is not', (value) => {
    expect(looksLikeToken(value, known)).toBe(false);
  });
  test('a value equal to a password in play is one also with blanks around it', () => {
    expect(looksLikeToken(' s3cret-pass\n', known)).toBe(true);
  });
  test('without the list of usernames, a prefix-less 20-character value is not judged', () => {
    expect(looksLikeToken('Zq8kP3mN7vB2xC5tR9wL', { passwords: [] })).toBe(false);
  });
});

describe('no API token: the environment as it is', () => {
  test('a token-shaped CI_DEPLOY_USER is still refused, and never shown', () => {
    const r = resolveCredentials({
      now: new Date('2026-11-25T10:00:00Z'),
      apiAvailable: false,
      ancestors: [],
      jobEnv: { user: 'gldt-AbCdEfGhIjKlMnOpQrSt', password: 'gldt-ZyXwVuTsRqPoNmLkJiHg' },
      variables: noVariables(),
      minDaysLeft: 7,
    });
    expect(r.exitCode).toBe(1);
    expect(r.reason).toBe('CI_DEPLOY_USER holds what looks like a token: the variables may be swapped');
    expect(JSON.stringify(r)).not.toContain('AbCdEfGhIjKlMnOpQrSt');
  });
});

describe('a file variable in a job holds a path', () => {
  test('without an API token, a path ending in /CI_DEPLOY_PASSWORD is read (the runner names the file after the key)', async () => {
    const files: Record<string, string> = {
      '/builds/tanuki/app.tmp/CI_DEPLOY_PASSWORD': 'gldt-FromTheFileFromTheFi\n',
    };
    const input = await gatherInput({
      env: {
        CI_DEPLOY_USER: 'gitlab+deploy-token-11',
        CI_DEPLOY_PASSWORD: '/builds/tanuki/app.tmp/CI_DEPLOY_PASSWORD',
      },
      now: new Date(),
      minDaysLeft: 7,
      readFile: (p) => files[p],
    });
    expect(input.jobEnv.password).toBe('gldt-FromTheFileFromTheFi');
    expect(input.jobEnv.fromFile).toEqual(['CI_DEPLOY_PASSWORD']);
    const r = resolveCredentials(input);
    expect(r.credentials?.password).toBe('gldt-FromTheFileFromTheFi');
    expect(r.sources.CI_DEPLOY_PASSWORD?.detail).toContain('a file variable');
  });
  test('another path is a value, not a file to read', async () => {
    const input = await gatherInput({
      env: { CI_DEPLOY_USER: 'u', CI_DEPLOY_PASSWORD: '/etc/passwd' },
      now: new Date(),
      minDaysLeft: 7,
      readFile: () => 'root:x:0:0',
    });
    expect(input.jobEnv.password).toBe('/etc/passwd');
  });
});
