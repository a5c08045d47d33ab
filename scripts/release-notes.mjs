#!/usr/bin/env node
/**
 * Prints the release notes of a tag — its section of CHANGELOG.md, without the heading — after
 * checking that the release is consistent: the tag (`vX.Y.Z` or `X.Y.Z`) is package.json's version,
 * the components pin that version (scripts/stamp-version.mjs --check), and CHANGELOG.md has a
 * non-empty `## [X.Y.Z] - YYYY-MM-DD` section. The release workflows (.github/workflows/release.yml,
 * .gitlab-ci.yml) run it before publishing anything.
 *
 * Usage: node scripts/release-notes.mjs TAG [ROOT]
 * Exit codes: 0 notes printed; 1 the release is inconsistent (says what to fix); 2 bad usage.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const [tag, rootArg] = process.argv.slice(2);
const root = rootArg ?? fileURLToPath(new URL('..', import.meta.url));
const fail = (code, message) => {
  console.error(`release-notes: ${message}`);
  process.exit(code);
};
if (!tag) fail(2, 'usage: node scripts/release-notes.mjs TAG (e.g. v1.2.3)');

const version = tag.replace(/^v/, '');
if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version))
  fail(1, `tag ${tag} is not a version tag; expected vX.Y.Z (npm version makes it)`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (pkg.version !== version)
  fail(
    1,
    `tag ${tag} is not package.json's version ${pkg.version}; tag the commit \`npm version ${version}\` made`,
  );

const stamp = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('stamp-version.mjs', import.meta.url)), '--check', root],
  {
    encoding: 'utf8',
  },
);
if (stamp.status !== 0) fail(1, `the components do not pin ${version}:\n${stamp.stderr.trim()}`);

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const lines = changelog.split('\n');
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`).test(l));
if (start < 0)
  fail(1, `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section; move the Unreleased notes under it`);
let end = lines.findIndex((l, i) => i > start && (/^## /.test(l) || /^\[[^\]]+\]: /.test(l)));
if (end < 0) end = lines.length;
const notes = lines
  .slice(start + 1, end)
  .join('\n')
  .trim();
if (!notes) fail(1, `CHANGELOG.md's section for ${version} is empty`);
process.stdout.write(`${notes}\n`);
