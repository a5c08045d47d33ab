#!/usr/bin/env node
/**
 * `npm run mutate [-- FOLDER...] [-- stryker options]`: mutation testing of src/resolve and src/mask,
 * one folder at a time (docs/mutation.md). Default: both, in turn. Other arguments (e.g.
 * `--concurrency 2`, `--force` for a full run ignoring the incremental file) go to `stryker run`.
 */
import { spawnSync } from 'node:child_process';

const KNOWN = ['resolve', 'mask'];
const args = process.argv.slice(2);
const folders = args.filter((a) => KNOWN.includes(a));
const rest = args.filter((a) => !KNOWN.includes(a));
// A bare word is a folder name unless it follows an option (`--concurrency 2`).
const unknown = rest.filter((a, i) => !a.startsWith('-') && !(rest[i - 1] ?? '').startsWith('-'));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; expected ${KNOWN.join(' or ')}`);
  process.exit(2);
}
let status = 0;
for (const folder of folders.length > 0 ? folders : KNOWN) {
  const started = Date.now();
  console.log(`mutate: src/${folder}`);
  const r = spawnSync(
    process.execPath,
    ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', ...rest],
    {
      stdio: 'inherit',
      env: { ...process.env, MUTATE_FOLDER: folder },
    },
  );
  console.log(`mutate: src/${folder} done in ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
