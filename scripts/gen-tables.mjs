#!/usr/bin/env node
/**
 * Renders the reference tables from the files that define them, between marker comments in the
 * docs, so the docs cannot drift from the code:
 *
 *   <!-- inputs:action:start -->  …  <!-- inputs:action:end -->     the action's inputs (action.yml)
 *   <!-- outputs:action:start --> …  <!-- outputs:action:end -->    the action's outputs (action.yml)
 *   <!-- inputs:component:NAME:start --> … <!-- inputs:component:NAME:end -->
 *                                          a component's inputs (templates/NAME.yml, its spec: header)
 *
 * in README.md and every docs/*.md that has markers. An unknown marker name is an error.
 *
 * Usage: node scripts/gen-tables.mjs [--check] [ROOT]
 *   --check: change nothing; exit 1 and name the files whose tables differ from a fresh render.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('..', import.meta.url));

/** Table cell text: one line, pipes escaped. */
const cell = (s) =>
  String(s ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
/** A value as inline code; an empty string shows as `''`, no value as a dash. */
const code = (v) => {
  if (v === undefined || v === null) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (s === '') return "`''`";
  return `\`${s.replace(/\|/g, '\\|')}\``;
};
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function actionYml() {
  return parse(readFileSync(join(root, 'action.yml'), 'utf8')) ?? {};
}

function actionInputs() {
  const inputs = Object.entries(actionYml().inputs ?? {});
  return table(
    ['Input', 'Default', 'Required', 'Description'],
    inputs.map(([name, i]) => [
      `\`${name}\``,
      code(i?.default),
      i?.required ? 'yes' : 'no',
      cell(i?.description),
    ]),
  );
}

function actionOutputs() {
  const outputs = Object.entries(actionYml().outputs ?? {});
  return table(
    ['Output', 'Description'],
    outputs.map(([name, o]) => [`\`${name}\``, cell(o?.description)]),
  );
}

function componentInputs(name) {
  const file = join(root, 'templates', `${name}.yml`);
  if (!existsSync(file)) throw new Error(`no component templates/${name}.yml`);
  const header = parseAllDocuments(readFileSync(file, 'utf8'))[0]?.toJS() ?? {};
  const inputs = Object.entries(header.spec?.inputs ?? {});
  return table(
    ['Input', 'Type', 'Default', 'Description'],
    inputs.map(([input, i]) => {
      const options = Array.isArray(i?.options) ? ` One of: ${i.options.map(code).join(', ')}.` : '';
      return [`\`${input}\``, i?.type ?? 'string', code(i?.default), `${cell(i?.description)}${options}`];
    }),
  );
}

function render(marker) {
  if (marker === 'inputs:action') return actionInputs();
  if (marker === 'outputs:action') return actionOutputs();
  const m = /^inputs:component:([a-z0-9-]+)$/.exec(marker);
  if (m) return componentInputs(m[1]);
  throw new Error(`unknown table marker <!-- ${marker}:start -->`);
}

const MARKERS = /(<!-- ([a-z0-9:-]+):start -->\n)([\s\S]*?)(<!-- \2:end -->)/g;

/** The file's text with every marked table rendered afresh. */
function renderFile(text) {
  return text.replace(MARKERS, (_m, start, marker, _old, end) => `${start}\n${render(marker)}\n\n${end}`);
}

const docs = [
  'README.md',
  ...(existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : []),
];
let stale = 0;
for (const doc of docs) {
  const path = join(root, doc);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  let fresh;
  try {
    fresh = renderFile(text);
  } catch (e) {
    console.error(`gen-tables: ${doc}: ${e.message}`);
    process.exit(2);
  }
  if (fresh === text) continue;
  stale++;
  if (check)
    console.error(`gen-tables: ${doc}: a table differs from action.yml / templates/; run npm run gen:tables`);
  else {
    writeFileSync(path, fresh);
    console.log(`gen-tables: ${doc} updated`);
  }
}
if (check && stale > 0) process.exit(1);
