#!/usr/bin/env node
/**
 * Stamps package.json's version where the CI/CD components pin the deploy-token they run: the
 * `version` input's default of every component (templates/*.yml) and DEPLOY_TOKEN_VERSION of both
 * jobs of the GitLab ≤ 15.0 template (examples/gitlab/legacy/deploy-token.yml). `npm version X.Y.Z` runs it
 * (the `version` script), so the release commit and tag carry the stamped files; the release
 * pipelines and test/component/pinning.test.ts check that they agree.
 *
 * Only the scalar is replaced, in place (its range from the `yaml` package's parse): comments,
 * quoting and line breaks stay as they are.
 *
 * Usage: node scripts/stamp-version.mjs [--check] [ROOT]   (--check: change nothing, exit 1 on drift)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { parseAllDocuments } from 'yaml';

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Each file, the YAML document holding the pin, and the path to it. */
const targets = [
  ...readdirSync(join(root, 'templates'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `templates/${f}`, doc: 0, path: ['spec', 'inputs', 'version', 'default'] })),
  ...['deploy-token-check', '.deploy-token'].map((job) => ({
    file: 'examples/gitlab/legacy/deploy-token.yml',
    doc: 0,
    path: [job, 'variables', 'DEPLOY_TOKEN_VERSION'],
  })),
];

let drift = 0;
for (const t of targets) {
  const path = join(root, t.file);
  const text = readFileSync(path, 'utf8');
  const node = parseAllDocuments(text)[t.doc]?.getIn(t.path, true);
  if (!node || !Array.isArray(node.range) || typeof node.value !== 'string') {
    console.error(
      `stamp-version: ${t.file}: no string at ${t.path.join('.')}; expected the pinned version there`,
    );
    process.exit(2);
  }
  if (node.value === version) continue;
  drift++;
  if (check) {
    console.error(
      `stamp-version: ${t.file}: ${t.path.join('.')} is ${node.value}, package.json is ${version}`,
    );
    continue;
  }
  const [start, end] = node.range;
  writeFileSync(path, `${text.slice(0, start)}'${version}'${text.slice(end)}`);
  console.log(`stamp-version: ${t.file}: ${node.value} → ${version}`);
}
if (check && drift > 0) {
  console.error('stamp-version: run `npm run stamp` (npm version does it for you)');
  process.exit(1);
}
