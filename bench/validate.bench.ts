/**
 * Validation speed, cold, as a CI job pays it: a generated `.gitlab-ci.yml` of 2,000 jobs (anchors,
 * `<<` merge keys, extends, !reference, a local include) and a job spec of 500 jobs, each validated by
 * a fresh `node dist/cli.js validate` process, timed whole. Beside it, in the same interleaved rounds:
 * bare `node -e 0`; a node process that only parses the same file with the `yaml` library
 * (parseAllDocuments, what validate used before src/yaml/events.ts); and one that only reads it
 * with js-yaml's event parser (parseEvents, validate's fast reader: the floor for validate's read).
 * Target (issue 19): the CI file under 0.6 s on an idle 2-core machine. Prints medians; asserts
 * nothing.
 *
 *   npm run bench -- validate          (BENCH_ROUNDS=9 for more rounds; npm run build first)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, timed } from './machine.js';
import { ciFile, specFile, TEMPLATES } from '../test/validate/generated-files.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const root = fileURLToPath(new URL('../', import.meta.url));

interface Row {
  name: string;
  args: string[];
  /** Exit codes a run may end with. */
  exits: number[];
  target?: number;
}

function time(row: Row, cwd: string): { ms: number; cpu: number | undefined } {
  return timed(() => {
    const r = spawnSync(process.execPath, row.args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    if (!row.exits.includes(r.status ?? -1)) throw new Error(`${row.name}: exit ${r.status}\n${r.stderr}`);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function compare(title: string, rows: Row[], cwd: string): void {
  const ms = rows.map(() => [] as number[]);
  const cpu = rows.map(() => [] as number[]);
  rows.forEach((r) => time(r, cwd)); // warm the file cache
  for (let k = 0; k < ROUNDS; k++)
    rows.forEach((r, i) => {
      const t = time(r, cwd);
      ms[i]?.push(t.ms);
      if (t.cpu !== undefined) cpu[i]?.push(t.cpu);
    });
  console.log(`\n${title}: median of ${ROUNDS} interleaved rounds, each a fresh process`);
  console.log(`cpu: user + system time of the process; machine: ${machineLine()}`);
  const base = median(ms[0] ?? []);
  rows.forEach((r, i) => {
    const m = median(ms[i] ?? []);
    const c =
      cpu[i]?.length === ROUNDS
        ? `  cpu ${median(cpu[i] ?? [])
            .toFixed(0)
            .padStart(5)} ms`
        : '';
    const target = r.target ? `  target < ${r.target} ms: ${m < r.target ? 'met' : 'NOT met'}` : '';
    console.log(
      `${r.name.padEnd(46)} ${m.toFixed(0).padStart(5)} ms  (${(m / base).toFixed(2)}× bare node)${c}${target}`,
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'deploy-token-bench-'));
try {
  mkdirSync(join(dir, 'ci'));
  writeFileSync(join(dir, 'ci', 'templates.yml'), TEMPLATES);
  writeFileSync(join(dir, '.gitlab-ci.yml'), ciFile(2000));
  writeFileSync(join(dir, 'big-spec.yml'), specFile(500));
  const cli = join(root, 'dist/cli.js');
  const yamlOnly = (file: string) => [
    '--input-type=module',
    '-e',
    `import { parseAllDocuments } from ${JSON.stringify(join(root, 'node_modules/yaml/dist/index.js'))}; import { readFileSync } from 'node:fs'; parseAllDocuments(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
  ];
  const eventsOnly = (file: string) => [
    '--input-type=module',
    '-e',
    `import { parseEvents } from ${JSON.stringify(join(root, 'node_modules/js-yaml/dist/js-yaml.mjs'))}; import { readFileSync } from 'node:fs'; parseEvents(readFileSync(${JSON.stringify(file)}, 'utf8'), {});`,
  ];
  const kib = (f: string) => (statSync(join(dir, f)).size / 1024).toFixed(0);
  compare(
    `.gitlab-ci.yml, 2,000 jobs (${kib('.gitlab-ci.yml')} KiB: anchors, << merge keys, extends, !reference, include: local)`,
    [
      { name: 'node -e 0 (bare node)', args: ['-e', '0'], exits: [0] },
      { name: 'yaml parseAllDocuments only', args: yamlOnly(join(dir, '.gitlab-ci.yml')), exits: [0] },
      {
        name: 'js-yaml parseEvents only (the fast reader)',
        args: eventsOnly(join(dir, '.gitlab-ci.yml')),
        exits: [0],
      },
      {
        name: 'deploy-token validate .gitlab-ci.yml',
        args: [cli, 'validate', '.gitlab-ci.yml'],
        exits: [0, 1],
        target: 600,
      },
    ],
    dir,
  );
  compare(
    `job spec, 500 jobs (${kib('big-spec.yml')} KiB: templates, files, run commands)`,
    [
      { name: 'node -e 0 (bare node)', args: ['-e', '0'], exits: [0] },
      { name: 'yaml parseAllDocuments only', args: yamlOnly(join(dir, 'big-spec.yml')), exits: [0] },
      {
        name: 'js-yaml parseEvents only (the fast reader)',
        args: eventsOnly(join(dir, 'big-spec.yml')),
        exits: [0],
      },
      { name: 'deploy-token validate big-spec.yml', args: [cli, 'validate', 'big-spec.yml'], exits: [0, 1] },
    ],
    dir,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
