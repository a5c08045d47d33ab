/** The job summary's words: dates with days from the injected clock, no source paths or MR numbers. */
import { dateWithDays, summaryRows, userText } from '../../src/action/summary.js';
import type { Resolution } from '../../src/resolve/types.js';

const NOW = new Date('2026-12-03T18:00:00Z');

test.each([
  ['2027-03-02T00:00:00Z', '2027-03-02 (89 days)'],
  ['2026-12-04T23:59:59Z', '2026-12-04 (1 day)'],
  ['2026-12-03T01:00:00Z', '2026-12-03 (today)'],
  ['2026-12-01T00:00:00Z', '2026-12-01 (expired 2 days ago)'],
  [null, 'never'],
])('dateWithDays(%s) is %s', (iso, text) => {
  expect(dateWithDays(iso, NOW)).toBe(text);
});

test('userText drops GitLab source paths and merge-request numbers, keeps the rest', () => {
  expect(
    userText(
      "GitLab 17.5: the project's active gitlab-deploy-token becomes CI_DEPLOY_USER (app/models/project.rb)",
    ),
  ).toBe("GitLab 17.5: the project's active gitlab-deploy-token becomes CI_DEPLOY_USER");
  expect(userText('the direct parent group token is exposed (15.1+, MR !88696)')).toBe(
    'the direct parent group token is exposed (15.1+)',
  );
});

test('rows: token, scopes, expiry with days, rule without paths, exported and configured, warnings with fix', () => {
  const r = {
    ok: true,
    exitCode: 0,
    rule: 'project-token',
    ruleText: 'GitLab 17.5: the token (app/models/project.rb)',
    token: {
      id: 11,
      name: 'gitlab-deploy-token',
      username: 'gitlab+deploy-token-11',
      scopes: ['read_registry'],
      expiresAt: '2027-03-02T00:00:00Z',
      level: 'project',
      owner: 'tanuki/app',
    },
    credentials: { username: 'gitlab+deploy-token-11', password: 'x' },
    sources: {
      CI_DEPLOY_PASSWORD: { kind: 'job-environment', detail: 'job environment (CI_DEPLOY_PASSWORD)' },
    },
    warnings: [{ code: 'expiring-soon', message: 'expires in 89 days' }],
    considered: [],
  } as Resolution;
  const rows = summaryRows({
    resolution: r,
    now: NOW,
    dryRun: false,
    exported: 'A, B',
    configured: 'docker',
  });
  expect(rows).toEqual([
    ['result', 'credentials resolved'],
    ['token', '#11 gitlab-deploy-token (gitlab+deploy-token-11), project token of tanuki/app'],
    ['scopes', 'read_registry'],
    ['expires', '2027-03-02 (89 days)'],
    ['rule', 'GitLab 17.5: the token'],
    ['password from', 'job environment (CI_DEPLOY_PASSWORD)'],
    ['exported', 'A, B'],
    ['configured', 'docker'],
    ['warning', expect.stringMatching(/^expires in 89 days — fix: create a new gitlab-deploy-token/)],
  ]);
});
