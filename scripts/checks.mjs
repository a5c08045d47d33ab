#!/usr/bin/env node
/**
 * The static checks of `npm test`, two at a time (a 2-core machine): ESLint, type check, Prettier
 * and check-dist. Each one's output is printed whole when it ends, so they do not mix;
 * the exit code is 1 when any failed, naming which.
 */
import { spawn } from 'node:child_process';

// Longest first: ESLint (~14 s) runs in one lane while the other runs the rest (~14 s in all).
// `npm run lint` is ESLint then Prettier; here they run apart. Node runs each tool's own bin.
const CHECKS = [
  ['eslint', ['node_modules/eslint/bin/eslint.js', '.']],
  ['typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']],
  ['prettier', ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ['check-dist', ['scripts/check-dist.mjs']],
];

function run([name, args]) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
