/**
 * A reader that stops reading: `deploy-token … | head`. The built CLI, in a real shell pipeline whose
 * reader takes one byte and leaves, must end as the command would have ended (its exit code kept),
 * without a stack trace or an "internal error", whether stdout, stderr or both lose their reader.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist', 'cli.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-reader-'));
  // 16 MiB of log lines: far more than a pipe holds, so the writer meets the closed pipe.
  const line = 'step 42: pulling layer sha256:0123456789abcdef and the token gldt-ReaderGoneReaderGone1\n';
  writeFileSync(join(dir, 'build.log'), line.repeat(Math.ceil((16 * 1024 * 1024) / line.length)));
  writeFileSync(
    join(dir, '.gitlab-ci.yml'),
    'build:\n  script:\n    - docker login -u "$CI_DEPLOY_USER" -p "$CI_DEPLOY_PASSWORD" "$CI_REGISTRY"\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `pipeline` in bash (`$DT` is the CLI); the exit status of its stage `stage`, and stderr (with `err`). */
function pipe(pipeline: string, stage = 0): { status: number; stderr: string } {
  // The status is taken at once (the next command resets PIPESTATUS); stderr sent to `err` shown after.
  const script = `${pipeline}; s=\${PIPESTATUS[${stage}]}; cat err >&2 2>/dev/null; echo "status=$s"`;
  const r = spawnSync('bash', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      DT: `${process.execPath} ${cli}`,
      S: 'gldt-ReaderGoneReaderGone1',
    },
  });
  const status = /status=(\d+)/.exec(r.stdout)?.[1];
  if (status === undefined) throw new Error(`no status: ${r.stdout} ${r.stderr}`);
  return { status: Number(status), stderr: r.stderr };
}

const noCrash = (stderr: string) => {
  expect(stderr).not.toMatch(/EPIPE|ERR_STREAM_DESTROYED|internal error|Unhandled|\n\s+at /);
};

test.each([
  ['demo, stdout', '$DT demo 2>err | head -c 1 >/dev/null', 0],
  ['--help, stdout and stderr', '$DT validate --help 2>&1 | head -c 1 >/dev/null', 0],
  ['validate with a finding keeps exit 1', '$DT validate .gitlab-ci.yml 2>&1 | head -c 1 >/dev/null', 1],
  ['a usage error keeps exit 2', '$DT plan --no-such-flag 2>&1 | head -c 1 >/dev/null', 2],
  ['mask reading a file', '$DT mask --secret-env S < build.log 2>err | head -c 1 >/dev/null', 0],
  // Stage 1 is mask (cat, stage 0, meets the closed pipe once mask stops reading).
  ['mask reading a pipe', 'cat build.log | $DT mask --secret-env S 2>err | head -c 1 >/dev/null', 0, 1],
])('%s: ends quietly with its own exit code', (_label, pipeline, code, stage = 0) => {
  const r = pipe(pipeline as string, stage as number);
  noCrash(r.stderr);
  expect(r.status).toBe(code);
});

test('mask stops reading once its reader is gone (it does not copy the rest of a pipe into nothing)', () => {
  // `yes` never ends: the pipeline ends only because mask stops and yes then meets a closed pipe.
  const r = pipe('yes gldt-ReaderGoneReaderGone1 | $DT mask --secret-env S 2>err | head -c 1 >/dev/null', 1);
  noCrash(r.stderr);
  expect(r.status).toBe(0);
});
