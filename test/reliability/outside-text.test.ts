/**
 * Text from GitLab reaching workflow commands and terminals (issue 12, class 5): project and
 * namespace paths, token names and usernames, the version string and GitLab's error messages may
 * hold terminal escapes, bidi and invisible characters, and lines the GitHub runner would read as
 * workflow commands. Whatever the member, no output carries a control or format character raw, and
 * in a GitHub step no line starts a command but this tool's own (masks and annotations). The runner
 * is simulated from its source (ActionCommandManager: ::name:: after white space, the legacy ##[
 * anywhere, stop-commands until its token). The first member through the built dist/ (a process per
 * run), the others in this process from src/ (in-process.ts: the code dist/ bundles, its output
 * collected the same way).
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Scenario } from '../../src/standin/model.js';
import {
  startStandin,
  type RunningStandin,
  type StandinRequest,
  type StandinResponse,
} from '../../src/standin/server.js';
import { loadScenario } from '../helpers/scenarios.js';
import { place, placeEnv, runDist, type Place } from './dist.js';
import { runInProcess } from './in-process.js';

const API = 'glpat-demoDemoDemoDemo1234';
/** Terminal escapes (title, clear, colour), a bell, bidi override and isolate, CR, and commands. */
const HOSTILE =
  'x\u001b]0;PWNED\u0007\u001b[2J\u001b[31m\u202etxe\u2066\u200b\r\n::set-output name=pwned::1\n  ::add-path::/pwned\n::stop-commands::pwned\n##[set-env name=PWNED;]1 \u009b2J';

/** The commands the runner would act on in `out`, as [name, line]. */
export function runnerCommands(out: string): [string, string][] {
  const acted: [string, string][] = [];
  let stopped: string | undefined;
  for (const line of out.split(/\r?\n/)) {
    const v2 = /^::([^\s:]+)(?:\s[^:]*)?::(.*)$/.exec(line.trim());
    const v1 = /##\[([^\s\]]+)[^\]]*\](.*)$/.exec(line);
    const name = v2?.[1] ?? v1?.[1];
    if (!name) continue;
    const data = v2?.[2] ?? v1?.[2] ?? '';
    if (stopped !== undefined) {
      if (name.toLowerCase() === stopped.toLowerCase()) stopped = undefined;
      continue;
    }
    if (name.toLowerCase() === 'stop-commands') stopped = data;
    acted.push([name, line]);
  }
  return acted;
}

// The action's own commands (the dry run's plan is folded in a group, debug lines with ACTIONS_STEP_DEBUG).
const OURS = new Set(['add-mask', 'warning', 'error', 'notice', 'group', 'endgroup', 'debug']);

type Member = [
  string,
  (sc: Scenario) => Scenario,
  ((req: StandinRequest, a: StandinResponse) => StandinResponse)?,
];

const editJson = (a: StandinResponse, f: (x: Record<string, unknown>) => void): StandinResponse => {
  const data = JSON.parse(a.body) as Record<string, unknown> | Record<string, unknown>[];
  for (const x of Array.isArray(data) ? data : [data]) f(x);
  return { ...a, body: JSON.stringify(data) };
};

const MEMBERS: Member[] = [
  ['the version string', (sc) => ({ ...sc, version: `17.5.1-ee${HOSTILE}` })],
  [
    'the project and namespace paths',
    (sc) => sc,
    (req, a) =>
      /\/projects\/[^/]+$/.test(req.url.split('?')[0]!) && a.status === 200
        ? editJson(a, (p) => {
            p.path_with_namespace = `tanuki/app${HOSTILE}`;
            (p.namespace as Record<string, unknown>).full_path = `tanuki${HOSTILE}`;
          })
        : a,
  ],
  [
    "a token's name",
    (sc) => ({
      ...sc,
      projects: sc.projects.map((p) => ({
        ...p,
        tokens: [
          ...(p.tokens ?? []),
          {
            id: 12,
            name: `robot${HOSTILE}`,
            expires: null,
            scopes: ['read_registry'],
            token: 'gldt-RobotRobotRobotRobot12',
          },
        ],
      })),
    }),
  ],
  [
    "GitLab's error message",
    (sc) => sc,
    (req, a) =>
      req.url.includes('/variables') || /^\/api\/v4\/(projects\/3|groups\/10)(\?|$)/.test(req.url)
        ? {
            status: 403,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: `403 Forbidden${HOSTILE}` }),
          }
        : a,
  ],
];

const places: Place[] = [];
afterAll(() => {
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
});

function check(label: string, texts: Record<string, string>): void {
  for (const [where, text] of Object.entries(texts)) {
    // Nothing raw a terminal acts on: C0 but new line and tab, DEL, C1, bidi and invisible format characters.
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.exec(text);
    expect({ label, where, raw: raw?.[0] }).toEqual({ label, where, raw: undefined });
  }
  // Ours: masks, annotations, and stop-commands with a token of ours (32 hex digits) and its end.
  const ours = ([n, line]: [string, string]) =>
    OURS.has(n.toLowerCase()) || /^::(stop-commands::)?[0-9a-f]{32}(::)?$/.test(line);
  const acted = runnerCommands(`${texts.stdout ?? ''}\n${texts.stderr ?? ''}`).filter((c) => !ours(c));
  expect({ label, acted }).toEqual({ label, acted: [] });
}

const HOW = (m: Member) => (m === MEMBERS[0] ? 'dist' : 'in-process');

describe.each(MEMBERS.map((m) => [HOW(m), ...m] as const))('%s: %s', (how, _name, edit, intercept) => {
  let gitlab: RunningStandin;
  beforeAll(async () => {
    gitlab = await startStandin(edit(loadScenario('1-project-token.json')), {
      ...(intercept ? { intercept: (req, next) => intercept(req, next()) } : {}),
    });
  });
  afterAll(() => gitlab.close());

  async function run(entry: 'cli.js' | 'index.js', args: string[], extra: Record<string, string> = {}) {
    const p = place();
    places.push(p);
    const r = await (how === 'dist' ? runDist : runInProcess)(
      entry,
      args,
      placeEnv(p, {
        GITHUB_ACTIONS: 'true',
        GITLAB_TOKEN: API,
        CI_SERVER_URL: gitlab.url,
        CI_DEPLOY_USER: 'gitlab+deploy-token-11',
        CI_DEPLOY_PASSWORD: 'gldt-ProjToken11ProjToken1',
        ...extra,
      }),
      { cwd: p.work },
    );
    return {
      stdout: r.stdout,
      stderr: r.stderr,
      summary: readFileSync(p.ghSummary, 'utf8'),
      outputs: readFileSync(p.ghOut, 'utf8'),
    };
  }

  /** Whether the hostile text reached an output at all (cleaned or inert): the member ran. */
  let reached = false;
  const saw = (r: Record<string, string>) => (reached ||= /PWNED|pwned/.test(Object.values(r).join('\n')));

  test('plan (text and json) in a GitHub step', async () => {
    const text = await run('cli.js', ['plan', '--project', '3', '--verbose']);
    check('plan', text);
    saw(text);
    const json = await run('cli.js', ['plan', '--project', '3', '--format', 'json']);
    check('plan json', json);
  });

  test('the action: log, annotations, summary, outputs', async () => {
    const r = await run('index.js', [], {
      'INPUT_GITLAB-URL': gitlab.url,
      'INPUT_GITLAB-TOKEN': API,
      INPUT_PROJECT: '3',
    });
    check('action', r);
    saw(r);
    const dry = await run('index.js', [], {
      'INPUT_GITLAB-URL': gitlab.url,
      'INPUT_GITLAB-TOKEN': API,
      INPUT_PROJECT: '3',
      'INPUT_DRY-RUN': 'true',
    });
    check('action dry run', dry);
  });

  test('audit (text, markdown, json) in a GitHub step', async () => {
    for (const format of ['text', 'markdown', 'json']) {
      const r = await run('cli.js', ['audit', '--group', '10', '--format', format]);
      check(`audit ${format}`, r);
      saw(r);
    }
    expect(reached).toBe(true);
  });
});

test('the simulated runner acts on what the real one does', () => {
  const out = [
    '::warning::ours',
    '  ::set-output name=a::1',
    'text ##[set-env name=B;]2',
    '::stop-commands::tok',
    '::error::ignored',
    '##[add-path]ignored',
    '::tok::',
    '::notice::again',
  ].join('\n');
  expect(runnerCommands(out).map(([n]) => n)).toEqual([
    'warning',
    'set-output',
    'set-env',
    'stop-commands',
    'notice',
  ]);
});
