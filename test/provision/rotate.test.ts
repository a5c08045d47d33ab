/**
 * `provision --rotate` against the stand-in GitLab over real HTTP, with a fault injected at every
 * request a rotation makes: after each run the jobs' credentials must work (the variables name an
 * active token whose secret they hold), and a failed run must leave exactly the old state.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import {
  startStandin,
  type RunningStandin,
  type StandinRequest,
  type StandinResponse,
} from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';
import { forbidden, dropped, lost } from '../helpers/standin-faults.js';
import { record } from '../helpers/report.js';
import { loadScenario } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-demoDemoDemoDemo1234';
let running: RunningStandin | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

function fresh(): Scenario {
  return structuredClone(loadScenario('2-group-token-15.0.json'));
}

function group(sc: Scenario) {
  return sc.groups.find((g) => g.full_path === 'tanuki')!;
}

/** What a job sees of a variable: key, value, flags, scope. */
function vars(sc: Scenario) {
  return (group(sc).variables ?? [])
    .map((v) => ({
      key: v.key,
      value: v.value,
      masked: v.masked === true,
      protected: v.protected === true,
      scope: v.environment_scope ?? '*',
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function active(t: ScenarioToken): boolean {
  return !t.revoked && (t.expires === null || t.expires === undefined || !/^-/.test(t.expires));
}

/** The credentials jobs get (the group's variables) belong to an active token of the group. */
function working(sc: Scenario): ScenarioToken | undefined {
  const g = group(sc);
  const user = g.variables?.find((v) => v.key === 'CI_DEPLOY_USER')?.value;
  const pass = g.variables?.find((v) => v.key === 'CI_DEPLOY_PASSWORD')?.value;
  return (g.tokens ?? []).find(
    (t) => active(t) && t.token === pass && (t.username ?? `gitlab+deploy-token-${t.id}`) === user,
  );
}

const ROTATE = [
  'provision',
  '--level',
  'group',
  '--group',
  'tanuki',
  '--scopes',
  'read_repository,read_registry',
  '--expires-in',
  '90',
  '--store',
  'group-variables',
  '--rotate',
];

async function rotate(
  sc: Scenario,
  intercept?: (req: StandinRequest, n: number, next: () => StandinResponse) => StandinResponse,
) {
  let n = 0;
  running = await startStandin(sc, {
    now: () => NOW,
    ...(intercept ? { intercept: (req, next) => intercept(req, n++, next) } : {}),
  });
  const r = await runCli([...ROTATE, '--gitlab-url', running.url], { GITLAB_TOKEN: API }, { now: NOW });
  return { ...r, requests: running.gitlab.requests.map((q) => `${q.method} ${q.url}`) };
}

describe('provision --rotate', () => {
  test.each(['14.8.0', '14.9.0'])(
    'on %s the new token is verified (before 14.9 there is no single-token GET: through the listing)',
    async (version) => {
      const sc = { ...fresh(), version };
      const r = await rotate(sc);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('verified');
      const made = working(sc)!;
      expect(made.id).not.toBe(21);
      const single = r.requests.filter((q) => q === `GET /api/v4/groups/10/deploy_tokens/${made.id}`);
      expect(single).toHaveLength(1);
      // 14.8 answers that route 404: the listing confirms the token instead.
      const listings = r.requests.filter((q) => q.startsWith('GET /api/v4/groups/10/deploy_tokens?'));
      expect(listings.length).toBe(version === '14.8.0' ? 2 : 1);
    },
  );

  test('--protected says what it means for unprotected branches', async () => {
    const sc = fresh();
    running = await startStandin(sc, { now: () => NOW });
    const r = await runCli(
      [...ROTATE, '--protected', '--gitlab-url', running.url],
      { GITLAB_TOKEN: API },
      { now: NOW },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('protected variables reach only jobs on protected branches and tags');
    expect(group(sc).variables!.every((v) => v.protected === true)).toBe(true);
  });

  test('replaces the group token: new token stored masked, verified, old one deleted; jobs keep working', async () => {
    const sc = fresh();
    const before = working(sc)!;
    expect(before.id).toBe(21);
    const r = await rotate(sc);
    expect(r.stderr).toContain('state:');
    expect(r.code).toBe(0);
    const now = working(sc);
    expect(now).toBeDefined();
    expect(now!.id).not.toBe(21);
    expect(group(sc).tokens!.map((t) => t.id)).toEqual([now!.id]);
    expect(now!.scopes).toEqual(['read_repository', 'read_registry']);
    expect(now!.expires).toBe('2027-02-23T00:00:00.000Z');
    const pw = group(sc).variables!.find((v) => v.key === 'CI_DEPLOY_PASSWORD')!;
    expect(pw.masked).toBe(true);
    expect(group(sc).variables!.find((v) => v.key === 'CI_DEPLOY_USER')!.masked).toBe(true);
    // No secret in any output.
    expect(r.stdout + r.stderr).not.toContain(now!.token);
    expect(r.stdout + r.stderr).not.toContain(API);
  });

  test('run again: rotates again and still leaves exactly one working token', async () => {
    const sc = fresh();
    await rotate(sc);
    await running!.close();
    running = undefined;
    const first = working(sc)!;
    const r = await rotate(sc);
    expect(r.code).toBe(0);
    const second = working(sc)!;
    expect(second.id).not.toBe(first.id);
    expect(group(sc).tokens!.length).toBe(1);
  });

  test('a fault at every request leaves a working state, and a failure leaves exactly the old one', async () => {
    // The requests of a clean rotation, in order.
    const clean = await rotate(fresh());
    expect(clean.code).toBe(0);
    const steps = clean.requests.length;
    await running!.close();
    running = undefined;
    const kinds = ['refuse', 'lost', 'drop'] as const;
    let cases = 0;
    for (let i = 0; i < steps; i++) {
      for (const kind of kinds) {
        const sc = fresh();
        const varsBefore = vars(sc);
        const r = await rotate(sc, (req, n, next) => {
          if (n !== i) return next();
          if (kind === 'refuse') return forbidden();
          if (kind === 'lost') {
            return lost(next);
          }
          return dropped();
        });
        await running!.close();
        running = undefined;
        cases++;
        const label = `fault ${kind} at request ${i + 1}/${steps} (${clean.requests[i]}) → exit ${r.code}\n${r.stderr}`;
        const w = working(sc);
        expect({ label, working: w !== undefined }).toEqual({ label, working: true });
        expect(r.stderr).toMatch(/state( left)?:/);
        const activeNamed = group(sc).tokens!.filter((t) => t.name === 'gitlab-deploy-token' && active(t));
        if (r.code === 0) {
          expect({ label, ids: activeNamed.map((t) => t.id) }).toEqual({ label, ids: [w!.id] });
          expect({ label, id: w!.id }).not.toEqual({ label, id: 21 });
        } else {
          // Failed: the old token and the variables exactly as they were, no new token left.
          expect({ label, ids: activeNamed.map((t) => t.id) }).toEqual({ label, ids: [21] });
          expect({ label, vars: vars(sc) }).toEqual({ label, vars: varsBefore });
          expect(r.stderr).toMatch(
            /nothing was changed|old token #21 gitlab-deploy-token .*: kept, still active/,
          );
        }
      }
    }
    record('fault', cases, 'rotation faults (every request × refuse/lost/drop)');
    expect(cases).toBeGreaterThan(30);
  }, 120_000);
});

describe('provision --rotate, double faults and re-runs', () => {
  test('a failed write whose rollback also fails says exactly which variable could not be restored; a re-run converges', async () => {
    const sc = fresh();
    let failedPassword = false;
    const r = await rotate(sc, (req, _n, next) => {
      // The password write fails; then the user variable's restore fails too.
      if (req.method === 'PUT' && req.url.includes('CI_DEPLOY_PASSWORD') && !failedPassword) {
        failedPassword = true;
        return forbidden();
      }
      if (failedPassword && req.method === 'PUT' && req.url.includes('CI_DEPLOY_USER')) return forbidden();
      return next();
    });
    expect(r.code).toBe(1); // GitLab said no (403)
    expect(r.stderr).toContain('failed while updating CI_DEPLOY_PASSWORD on group tanuki');
    expect(r.stderr).toMatch(
      /CI_DEPLOY_USER on group tanuki: COULD NOT BE RESTORED .*it names the new token/,
    );
    expect(r.stderr).toContain('CI_DEPLOY_PASSWORD on group tanuki: restored to its previous value');
    // The user variable names the new token: deleting it would leave a variable naming a deleted token.
    expect(r.stderr).toMatch(/new token #(\d+): kept, active \(CI_DEPLOY_USER may name it/);
    expect(r.stderr).toContain('NOT rolled back: jobs may get mismatched credentials');
    expect(r.stderr).not.toContain('rolled back: jobs get the old token');
    const newId = Number(/new token #(\d+): kept/.exec(r.stderr)![1]);
    expect(group(sc).tokens!.map((t) => t.id)).toEqual([21, newId]);
    const user = group(sc).variables!.find((v) => v.key === 'CI_DEPLOY_USER')!.value;
    expect(user).toBe(`gitlab+deploy-token-${newId}`);
    await running!.close();
    running = undefined;
    // The state is broken the way the output said (user and password of different tokens)…
    expect(working(sc)).toBeUndefined();
    // …and running the same command again repairs it.
    const again = await rotate(sc);
    expect(again.code).toBe(0);
    expect(working(sc)).toBeDefined();
    expect(group(sc).tokens!.filter((t) => t.name === 'gitlab-deploy-token').length).toBe(1);
  });

  test('both writes applied, verification fails, both restores fail: the new token is kept and jobs get it', async () => {
    const sc = fresh();
    let verifying = false;
    const r = await rotate(sc, (req, _n, next) => {
      // The token read-back of verification says it is not active; then every restore is refused.
      if (req.method === 'GET' && /\/deploy_tokens\/\d+$/.test(req.url) && !verifying) {
        verifying = true;
        const res = next();
        const body = JSON.parse(res.body) as Record<string, unknown>;
        return { ...res, body: JSON.stringify({ ...body, revoked: true }) };
      }
      if (verifying && req.method === 'PUT')
        return {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: '{"message":"500 Internal Server Error"}',
        };
      return next();
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('verification failed');
    expect(r.stderr).toMatch(
      /CI_DEPLOY_PASSWORD on group tanuki: COULD NOT BE RESTORED .*it names the new token/,
    );
    expect(r.stderr).toMatch(
      /CI_DEPLOY_USER on group tanuki: COULD NOT BE RESTORED .*it names the new token/,
    );
    expect(r.stderr).toContain('NOT rolled back: both variables name the new token, so jobs get it');
    const w = working(sc)!;
    expect(w.id).not.toBe(21);
    // The old token is kept too: nothing that worked was deleted.
    expect(group(sc).tokens!.map((t) => t.id)).toContain(21);
  });

  test('an orphan from a crashed run (two active gitlab-deploy-token) is cleaned up by the next rotation', async () => {
    const sc = fresh();
    group(sc).tokens!.push({
      id: 30,
      name: 'gitlab-deploy-token',
      expires: '+10d',
      scopes: ['read_registry'],
      token: 'gldt-Orphan30Orphan30Orph',
    });
    const r = await rotate(sc);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('deleted old token #21');
    expect(r.stderr).toContain('deleted old token #30');
    expect(group(sc).tokens!.length).toBe(1);
    expect(working(sc)).toBeDefined();
  });
});

describe('provision --rotate past the point of no return', () => {
  test('an old token already deleted, the next delete fails: the new token stays, the state names what remains', async () => {
    const sc = fresh();
    group(sc).tokens!.push({
      id: 30,
      name: 'gitlab-deploy-token',
      expires: '+10d',
      scopes: ['read_registry'],
      token: 'gldt-Orphan30Orphan30Orph',
    });
    const r = await rotate(sc, (req, _n, next) =>
      req.method === 'DELETE' && req.url.endsWith('/deploy_tokens/30') ? forbidden() : next(),
    );
    expect(r.code).toBe(1); // GitLab refused the delete (403): the answer is no
    expect(r.stderr).toMatch(/new token #\d+ .*: active, kept \(the variables name it\)/);
    expect(r.stderr).toContain('old token #21: deleted');
    expect(r.stderr).toContain('old token #30: still active');
    const w = working(sc)!;
    expect(w.id).not.toBe(21);
    expect(
      group(sc)
        .tokens!.map((t) => t.id)
        .sort((a, b) => a - b),
    ).toEqual([30, w.id]);
  });
});

describe('provision --rotate at project level, a fault at every request', () => {
  /** tanuki/awesome_project's own gitlab-deploy-token #11, named by project variables. */
  function projectScenario(): Scenario {
    const sc = structuredClone(loadScenario('1-project-token.json'));
    sc.projects[0]!.variables = [
      {
        key: 'CI_DEPLOY_USER',
        value: 'gitlab+deploy-token-11',
        masked: true,
        protected: true,
        environment_scope: '*',
      },
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: 'gldt-ProjToken11ProjToken1',
        masked: true,
        protected: true,
        environment_scope: '*',
      },
    ];
    return sc;
  }
  const project = (sc: Scenario) => sc.projects[0]!;
  const state = (sc: Scenario) => ({
    tokens: (project(sc).tokens ?? []).map((t) => t.id).sort((a, b) => a - b),
    vars: (project(sc).variables ?? [])
      .map((v) => `${v.key}=${v.value} masked=${v.masked} protected=${v.protected}`)
      .sort(),
  });
  const ARGV = [
    'provision',
    '--project',
    'tanuki/awesome_project',
    '--scopes',
    'read_repository,read_registry',
    '--expires-in',
    '30',
    '--store',
    'project-variables',
    '--protected',
    '--rotate',
  ];

  async function go(sc: Scenario, fault?: number, kind?: 'refuse' | 'lost') {
    let n = 0;
    running = await startStandin(sc, {
      now: () => NOW,
      intercept: (_req, next) => {
        if (n++ !== fault) return next();
        if (kind === 'refuse') return forbidden();
        return lost(next);
      },
    });
    const r = await runCli([...ARGV, '--gitlab-url', running.url], { GITLAB_TOKEN: API }, { now: NOW });
    const count = running.gitlab.requests.length;
    await running.close();
    running = undefined;
    return { ...r, count };
  }

  test('every request refused or its answer lost: either done (one new token, variables name it) or exactly as before', async () => {
    const clean = await go(projectScenario());
    expect(clean.code).toBe(0);
    let cases = 0;
    for (let i = 0; i < clean.count; i++) {
      for (const kind of ['refuse', 'lost'] as const) {
        const sc = projectScenario();
        const before = state(sc);
        const r = await go(sc, i, kind);
        cases++;
        const label = `${kind} at request ${i + 1}: exit ${r.code}\n${r.stderr}`;
        const after = state(sc);
        if (r.code === 0) {
          const t = project(sc).tokens!.find((x) => x.name === 'gitlab-deploy-token')!;
          expect({ label, ids: after.tokens, docs: after.tokens.includes(7) }).toEqual({
            label,
            ids: [7, t.id],
            docs: true,
          });
          expect({ label, vars: after.vars }).toEqual({
            label,
            vars: [
              `CI_DEPLOY_PASSWORD=${t.token} masked=true protected=true`,
              `CI_DEPLOY_USER=gitlab+deploy-token-${t.id} masked=true protected=true`,
            ],
          });
        } else {
          expect({ label, after }).toEqual({ label, after: before });
        }
      }
    }
    record('fault', cases, 'project-level rotation faults (every request × refuse/lost)');
  }, 120_000);
});

describe('provision --rotate against a GitLab that says yes but does not do it', () => {
  test('a variable write answered 200 but not applied is caught by verification and rolled back', async () => {
    const sc = fresh();
    const before = vars(sc);
    const r = await rotate(sc, (req, _n, next) =>
      req.method === 'PUT' &&
      req.url.includes('CI_DEPLOY_PASSWORD') &&
      !(req.body ?? '').includes('GroupTok21')
        ? {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              key: 'CI_DEPLOY_PASSWORD',
              value: 'x',
              masked: true,
              environment_scope: '*',
            }),
          }
        : next(),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'verification failed: CI_DEPLOY_PASSWORD on group tanuki does not hold the new value',
    );
    expect(vars(sc)).toEqual(before);
    expect(group(sc).tokens!.map((t) => t.id)).toEqual([21]);
    expect(working(sc)!.id).toBe(21);
  });

  test('a created token answered 201 without its secret: the token is found and deleted, nothing else changes', async () => {
    const sc = fresh();
    const before = vars(sc);
    const r = await rotate(sc, (req, _n, next) => {
      const a = next();
      if (req.method !== 'POST' || !req.url.endsWith('/deploy_tokens')) return a;
      const body = JSON.parse(a.body) as Record<string, unknown>;
      delete body.token;
      return { ...a, body: JSON.stringify(body) };
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no `token`');
    expect(r.stderr).toMatch(/deleted token #\d+: GitLab created it, but its answer was lost or unusable/);
    expect(vars(sc)).toEqual(before);
    expect(group(sc).tokens!.map((t) => t.id)).toEqual([21]);
  });
});

describe('provision --rotate, two faults at any two requests', () => {
  /**
   * Every pair of requests of a clean rotation, each refused (403, not applied) or lost (applied, the
   * answer dropped): what the summary says must be what GitLab holds, and the same command run again
   * must always end with exactly one working token.
   */
  test('the state printed is the state left, and a re-run converges', async () => {
    const clean = await rotate(fresh());
    expect(clean.code).toBe(0);
    const steps = clean.requests.length;
    await running!.close();
    running = undefined;
    const kinds = ['refuse', 'lost'] as const;
    const fault = (kind: (typeof kinds)[number], next: () => StandinResponse): StandinResponse => {
      if (kind === 'refuse') return forbidden();
      return lost(next);
    };
    let cases = 0;
    let pairs = 0;
    let expectedPairs = 0;
    // A first fault among the early reads only aborts before any change (the single-fault test
    // covers those): start two requests before the first write.
    const firstWrite = clean.requests.findIndex((q) => !q.startsWith('GET '));
    for (let i = Math.max(0, firstWrite - 2); i < steps; i++) {
      // The second fault may fall on a request of the rollback (beyond the clean run's count).
      const last = steps + 4;
      for (const ki of kinds) {
        expectedPairs += (last - i - 1) * kinds.length;
        // A run that never made request j (its first fault ended it sooner) is the run with the first
        // fault alone, and so is the run for every later j and either second kind: the injector lets
        // every other request through and the clock is fixed. That run is checked once and stands
        // for the rest of the row.
        let alone = false;
        for (let j = i + 1; j < last && !alone; j++) {
          for (const kj of kinds) {
            const sc = fresh();
            const varsBefore = vars(sc);
            let fired = false;
            const r = await rotate(sc, (_req, n, next) => {
              if (n === j) fired = true;
              return n === i ? fault(ki, next) : n === j ? fault(kj, next) : next();
            });
            await running!.close();
            running = undefined;
            cases++;
            pairs += fired ? 1 : (last - j) * kinds.length - (kj === kinds[0] ? 0 : 1);
            const label = `${ki}@${i + 1} ${fired ? `${kj}@${j + 1}` : 'alone'} → exit ${r.code}\n${r.stderr}`;
            const ids = group(sc).tokens!.map((t) => t.id);
            const w = working(sc);
            if (r.code === 0)
              expect({ label, ok: w !== undefined && w.id !== 21 }).toEqual({ label, ok: true });
            if (r.stderr.includes('rolled back: jobs get the old token, as before')) {
              expect({ label, vars: vars(sc), w: w?.id }).toEqual({ label, vars: varsBefore, w: 21 });
              if (!r.stderr.includes('see the extra token above'))
                expect({ label, ids }).toEqual({ label, ids: [21] });
            }
            if (r.stderr.includes('both variables name the new token, so jobs get it'))
              expect({ label, ok: w !== undefined && w.id !== 21 }).toEqual({ label, ok: true });
            for (const m of r.stderr.matchAll(/new token #(\d+): (deleted|kept)/g))
              expect({ label, present: ids.includes(Number(m[1])) }).toEqual({
                label,
                present: m[2] === 'kept',
              });
            // Whatever was left, the same command again repairs it.
            const again = await rotate(sc);
            await running!.close();
            running = undefined;
            const named = group(sc).tokens!.filter((t) => t.name === 'gitlab-deploy-token' && active(t));
            expect({
              label,
              code: again.code,
              one: named.length,
              ok: working(sc)?.id === named[0]?.id,
            }).toEqual({
              label,
              code: 0,
              one: 1,
              ok: true,
            });
            if (!fired) {
              alone = true;
              break;
            }
          }
        }
      }
    }
    record('fault', cases, 'rotation double faults (every pair of requests × refuse/lost), each re-run');
    // Every pair of the matrix was run, or is the same run as one that was.
    expect(pairs).toBe(expectedPairs);
    expect(cases).toBeGreaterThan(100);
  }, 300_000);
});
