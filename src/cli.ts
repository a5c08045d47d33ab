#!/usr/bin/env node
/** Entry point of the `deploy-token` command (dist/cli.js). */
import pkg from '../package.json' with { type: 'json' };
import { isReaderGone } from './core/errors.js';

/**
 * A reader that stops reading (`deploy-token plan | head`): what is still to print is dropped and the
 * command ends as it would have (cleanup included), without a stack trace. Other stream errors stay
 * fatal.
 */
const open = { stdout: true, stderr: true };
for (const name of ['stdout', 'stderr'] as const)
  process[name].on('error', (e) => {
    if (!isReaderGone(e)) throw e;
    open[name] = false;
  });
const sink = (name: 'stdout' | 'stderr') => (s: string) => {
  if (open[name]) process[name].write(s);
};

// `--version` answers before anything else loads: it runs in every CI job that checks the tool.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${pkg.version}\n`);
} else {
  // validate runs once and ends: V8's optimizing compiler (TurboFan) would spend more CPU compiling
  // the YAML reader and the rules than its code saves in a run that short, and a young generation
  // kept at its first size copies the trees validate builds for less (docs/benchmarks.md).
  if (process.argv[2] === 'validate') {
    const v8 = await import('node:v8');
    v8.setFlagsFromString('--max-opt=1');
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  }
  const { main } = await import('./cli/main.js');
  // exec handles SIGINT/SIGTERM/SIGHUP for its whole life (it may hold an ephemeral token to delete).
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let signalled = false;
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: sink('stdout'), isTTY: process.stdout.isTTY === true },
    stderr: { write: sink('stderr'), isTTY: process.stderr.isTTY === true },
    stdin: process.stdin,
    stdoutStream: process.stdout,
    stderrStream: process.stderr,
    onSignal: (forward) => {
      const on = (sig: NodeJS.Signals) => {
        signalled = true;
        forward(sig);
      };
      for (const sig of SIGNALS) process.on(sig, on);
      return () => {
        for (const sig of SIGNALS) process.off(sig, on);
      };
    },
    now: () => new Date(),
  });
  // Stopped by a signal: everything is cleaned up; a request left in flight must not keep us alive.
  if (signalled) process.exit();
}
