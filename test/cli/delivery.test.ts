/**
 * The delivery (src/app/delivery.ts) with ports of the test's own: the order of its steps (masks,
 * every export rendered, the files recorded before the first is written, then written, then the
 * exports by rank), all or nothing when a step fails, and `undo` once. Against the stand-in GitLab.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Delivery, type DeliveryPorts, type Ledger } from '../../src/app/delivery.js';
import { runFlow, type FlowResult } from '../../src/app/flow.js';
import { RunDir } from '../../src/app/run-dir.js';
import { cleanup, type Manifest } from '../../src/credentials/manifest.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { loadScenario } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const scenario = loadScenario('1-project-token.json');
const PASSWORD = 'gldt-ProjToken11ProjToken1';

let standin: RunningStandin;
let dir: string;
beforeAll(async () => {
  standin = await startStandin(scenario, { now: () => NOW });
});
afterAll(() => standin.close());
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dt-delivery-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  GITLAB_TOKEN: scenario.apiTokens[0],
  CI_SERVER_URL: standin.url,
  CI_PROJECT_PATH: 'tanuki/awesome_project',
  RUNNER_TEMP: dir,
  ...scenario.jobEnv,
});

async function flow(configure: string): Promise<FlowResult> {
  writeFileSync(
    join(dir, 'deploy-token.yml'),
    `version: 1\njobs:\n  build:\n    scopes: [read_repository]\n    configure: [${configure}]\n    variables:\n      AUTH: "{{ username }}:{{ password }}"\n`,
  );
  return runFlow({ job: 'build' }, { env: env(), cwd: dir, now: () => NOW });
}

/** A ledger that remembers what it was told, and whether the files existed when it was. */
function memoryLedger(events: string[]): Ledger & { laidOut?: Manifest } {
  const l: Ledger & { laidOut?: Manifest } = {
    token: () => events.push('token'),
    files: (m) => {
      l.laidOut = m;
      events.push(`record ${m.files.length} file(s), ${m.files.filter((f) => existsSync(f)).length} on disk`);
    },
    close: (tokenLeft) => {
      events.push(`close ${tokenLeft}`);
      return l.laidOut ? cleanup(l.laidOut) : { removed: [], refused: [] };
    },
  };
  return l;
}

function ports(events: string[], over: Partial<DeliveryPorts> = {}): DeliveryPorts {
  const e = env();
  return {
    env: e,
    run: new RunDir(e),
    ledger: memoryLedger(events),
    clients: [],
    masks: { runner: (f) => events.push(`mask ${f === PASSWORD ? 'password' : 'form'}`) },
    say: (l) => events.push(`say ${l.replace(dir, 'DIR').replace(/deploy-token-\w+/, 'RUN')}`),
    warn: (l) => events.push(`warn ${l}`),
    ...over,
  };
}

test('masks first, every export rendered, files recorded before written, exports by rank', async () => {
  const events: string[] = [];
  const f = await flow('git');
  const v = await new Delivery(
    f,
    ports(events, {
      render: (d) => {
        events.push(`render ${d.job.length}+${d.files.length}`);
        return [
          { rank: 2, write: () => events.push('stdout') },
          { rank: 0, write: () => events.push('file') },
          { rank: 1, write: () => events.push('runner') },
        ];
      },
    }),
  ).deliver();
  expect(v.job.map((x) => x.name)).toEqual(['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD', 'AUTH']);
  expect(v.files.map((x) => x.name)).toEqual(['GIT_CONFIG_GLOBAL', 'GIT_TERMINAL_PROMPT']);
  const firstMask = events.indexOf('mask password');
  expect(firstMask).toBe(0);
  expect(events.slice(events.indexOf('render 3+0'))).toEqual([
    'render 3+0',
    'record 1 file(s), 0 on disk',
    'say wrote 1 credential file(s) in DIR/RUN',
    'render 3+2',
    'file',
    'runner',
    'stdout',
  ]);
});

test('a target that refuses the files’ variables: nothing exported, the files removed, the record closed', async () => {
  const events: string[] = [];
  const p = ports(events, {
    render: (d) => {
      if (d.files.length > 0) throw new Error('refused');
      return [{ rank: 2, write: () => events.push('stdout') }];
    },
  });
  await expect(new Delivery(await flow('git'), p).deliver()).rejects.toThrow('refused');
  expect(events).not.toContain('stdout');
  expect(events).toContain('close false');
  expect(events).toContain('say removed the 1 credential file(s) this run wrote');
  const laidOut = (p.ledger as { laidOut?: Manifest }).laidOut as Manifest;
  expect(laidOut.files.every((f) => !existsSync(f))).toBe(true);
  expect(existsSync(laidOut.dir)).toBe(false);
});

test('an export that fails after another was written: the written one is taken back; undo runs once', async () => {
  const events: string[] = [];
  const d = new Delivery(
    await flow('git'),
    ports(events, {
      render: () => [
        { rank: 0, write: () => events.push('file'), undo: () => ({ ok: true, line: 'file taken back' }) },
        {
          rank: 1,
          write: () => {
            throw new Error('runner files gone');
          },
        },
      ],
    }),
  );
  await expect(d.deliver()).rejects.toThrow('runner files gone');
  await d.undo();
  expect(events.filter((e) => e.startsWith('close'))).toEqual(['close false']);
  expect(events).toContain('say file taken back');
});
