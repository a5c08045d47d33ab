#!/usr/bin/env node
/**
 * Vendors GitLab's CI schema (`app/assets/javascripts/editor/schema/ci.json`, MIT) for the component
 * tests, from the only place reachable without network access but npm: the package gitlab-ci-local,
 * whose bundle embeds that JSON file as one object literal (`var Sn={$schema:…,$id:"https://gitlab.com/.gitlab-ci.yml",…}`).
 *
 *   node scripts/extract-gitlab-ci-schema.mjs [out]   (default test/component/ci-schema/ci.json)
 *
 * Steps: `npm pack gitlab-ci-local@<version>` into a temp dir, untar, find the literal that holds
 * `$id:"https://gitlab.com/.gitlab-ci.yml"`, walk back to its opening brace and forward to the
 * matching closing one (balanced-brace scan that skips string, template and regex-free contents),
 * evaluate the literal alone in an empty VM context (no access to this process), and write it as
 * pretty JSON. The bundle's own tweaks of the schema (src/schema.ts deletes some patterns and adds
 * gcl* keys) run later, at module evaluation, so the literal is GitLab's file unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const PACKAGE = 'gitlab-ci-local';
export const VERSION = '4.75.1';
const MARKER = '$id:"https://gitlab.com/.gitlab-ci.yml"';

/**
 * Index just past the string/template literal that starts at `i` (a quote character). Template
 * literals with `${…}` are scanned recursively; the schema has none, but the scan must not be fooled.
 */
function skipString(src, i) {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === q) return j + 1;
    if (q === '`' && c === '$' && src[j + 1] === '{') {
      j = matchBrace(src, j + 1) + 1;
      continue;
    }
    if (q !== '`' && c === '\n') throw new Error(`unterminated string at ${i}`);
    j++;
  }
  throw new Error(`unterminated string at ${i}`);
}

/** Index of the `}` that closes the `{` at `open`, skipping strings. */
export function matchBrace(src, open) {
  if (src[open] !== '{') throw new Error(`no "{" at ${open}`);
  let depth = 0;
  for (let i = open; i < src.length;) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  throw new Error(`unbalanced "{" at ${open}`);
}

/**
 * The object literal around `marker`: the marker sits at depth 1 of the literal, i.e. right after
 * `{$schema:"…",` in a minified bundle. Walk back over the preceding key/value pairs to the brace.
 */
export function extractLiteral(src, marker = MARKER) {
  const at = src.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  if (src.indexOf(marker, at + 1) >= 0) throw new Error(`marker ${marker} found more than once`);
  // Candidates: each `{` before the marker, nearest first; the right one closes after the marker
  // and is preceded by `=` (the `var Sn=` assignment).
  for (let open = src.lastIndexOf('{', at); open >= 0; open = src.lastIndexOf('{', open - 1)) {
    let close;
    try {
      close = matchBrace(src, open);
    } catch {
      continue;
    }
    if (close > at && /=\s*$/.test(src.slice(Math.max(0, open - 8), open))) {
      return src.slice(open, close + 1);
    }
    if (at - open > 10_000) break;
  }
  throw new Error('no enclosing object literal found');
}

/** Evaluates an object literal with no globals reachable (it is data, but evaluation is code). */
export function evaluateLiteral(literal) {
  const value = vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 5000 });
  // Round-trip through JSON in this realm: plain objects, no functions, no undefined.
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('the literal is not JSON data');
  return JSON.parse(json);
}

function main() {
  const out = process.argv[2] ?? 'test/component/ci-schema/ci.json';
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-ci-schema-'));
  try {
    const name = execFileSync(
      'npm',
      ['pack', `${PACKAGE}@${VERSION}`, '--silent', '--pack-destination', dir],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', join(dir, name), '-C', dir], { stdio: 'inherit' });
    const bundle = readFileSync(join(dir, 'package', 'dist', 'index.js'), 'utf8');
    const schema = evaluateLiteral(extractLiteral(bundle));
    if (schema.$schema !== 'http://json-schema.org/draft-07/schema#') throw new Error('not draft-07');
    if (schema.$id !== 'https://gitlab.com/.gitlab-ci.yml') throw new Error('unexpected $id');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
    const defs = Object.keys(schema.definitions ?? {}).length;
    console.log(`${out}: GitLab ci.json from ${PACKAGE}@${VERSION} (${name}), ${defs} definitions`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
