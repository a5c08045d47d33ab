#!/usr/bin/env node
/**
 * The static checks of `npm test`, two at a time (a 2-core machine): type check, lint (ESLint and
 * Prettier) and check-dist. Each one's output is printed whole when it ends, so they do not mix;
 * the exit code is 1 when any failed, naming which.
 */
import { spawn } from 'node:child_process';

const CHECKS = [
  ['typecheck', ['run', '-s', 'typecheck']],
  ['lint', ['run', '-s', 'lint']],
  ['check-dist', ['run', '-s', 'check-dist']],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run([name, args]) {
  return new Promise((done) => {
    const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => done({ name, ok: false, text: `${e.message}\n` }));
    child.on('close', (code) => done({ name, ok: code === 0, text: Buffer.concat(out).toString() }));
  });
}

const queue = [...CHECKS];
const failed = [];
async function lane() {
  for (let c = queue.shift(); c; c = queue.shift()) {
    const r = await run(c);
    process.stdout.write(r.text);
    if (!r.ok) failed.push(r.name);
  }
}
await Promise.all([lane(), lane()]);
if (failed.length > 0) {
  console.error(`checks: ${failed.join(', ')} failed`);
  process.exit(1);
}
