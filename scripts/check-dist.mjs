#!/usr/bin/env node
/**
 * check-dist: the committed dist/ must be exactly what a fresh build of src/ gives, since the action
 * runs dist/, not src/. Builds into a temporary directory and compares every file byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'deploy-token-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', tmp], { stdio: 'inherit' });
  const list = (root) =>
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(root, f)).isFile())
      .sort();
  const fresh = list(tmp);
  const committed = list('dist');
  const problems = [];
  for (const f of new Set([...fresh, ...committed])) {
    if (!fresh.includes(f)) problems.push(`dist/${f} is not produced by the build (delete it)`);
    else if (!committed.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(tmp, f)).equals(readFileSync(join('dist', f))))
      problems.push(`dist/${f} differs`);
  }
  if (problems.length > 0) {
    console.error(
      `check-dist: dist/ is not a fresh build of src/:\n  ${problems.join('\n  ')}\nrun \`npm run build\` and commit dist/`,
    );
    process.exit(1);
  }
  console.log(`check-dist: dist/ matches a fresh build (${fresh.length} files)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
