/**
 * What README.md and docs/component.md show users, checked against what the repository holds:
 * - the inputs and outputs tables are what scripts/gen-tables.mjs renders from action.yml and
 *   templates/*.yml today (`--check`), hold a row for every input and output, and follow a change
 *   of action.yml (a new input appears after `npm run gen:tables`);
 * - every `include:` in their YAML examples names a component of templates/ at one release version,
 *   with declared inputs of the right type, or a remote file of this repository; the GitLab ≤ 15.0
 *   example (remote include + variables) makes a job GitLab's schema accepts, with known variables;
 * - the published names, with no placeholder left: `uses: deploy-token/deploy-token@vN` (the same
 *   major as the components' release), `gitlab.com/deploy-token/deploy-token/…@X.Y.Z`;
 * - the action's steps in README.md and docs/ pass only inputs action.yml declares.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  loadComponent,
  ofType,
  read,
  root,
  schemaErrors,
  templateFiles,
  type InputValue,
} from './gitlab-ci.js';

const DOCS = ['README.md', 'docs/component.md'];
const components = templateFiles.map((f) => f.replace(/^templates\/|\.yml$/g, ''));

/** The text between a marker pair, or undefined. */
function block(text: string, marker: string): string | undefined {
  const m = new RegExp(`<!-- ${marker}:start -->\\n([\\s\\S]*?)<!-- ${marker}:end -->`).exec(text);
  return m?.[1];
}
const rowNames = (table: string) => [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);

describe('generated tables', () => {
  const genTables = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/gen-tables.mjs'), ...args], { encoding: 'utf8' });

  test('README.md and docs/component.md hold exactly what a fresh render gives (npm run gen:tables)', () => {
    const r = genTables('--check');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  test('the action’s tables in README.md list every input and output of action.yml, with defaults', () => {
    const action = parse(read('action.yml')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    const readme = read('README.md');
    const inputs = block(readme, 'inputs:action') ?? '';
    expect(rowNames(inputs)).toEqual(Object.keys(action.inputs));
    for (const [name, i] of Object.entries(action.inputs))
      if (i.default) expect(inputs).toContain(`| \`${name}\` | \`${i.default}\` |`);
    expect(rowNames(block(readme, 'outputs:action') ?? '')).toEqual(Object.keys(action.outputs));
  });

  test.each(components)('the inputs of component %s, in README.md and docs/component.md', (name) => {
    const c = loadComponent(`templates/${name}.yml`);
    for (const doc of DOCS) {
      const table = block(read(doc), `inputs:component:${name}`);
      expect([doc, rowNames(table ?? '')]).toEqual([doc, [...c.inputs.keys()]]);
    }
  });

  test('the tables follow action.yml: a new input is a failed check, then a row after gen:tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-tables-'));
    try {
      for (const p of ['action.yml', 'README.md', 'docs', 'templates'])
        cpSync(join(root, p), join(dir, p), { recursive: true });
      const action = read('action.yml').replace(
        /^inputs:\n/m,
        "inputs:\n  new-input:\n    description: 'A new input | a pipe.'\n    required: false\n",
      );
      writeFileSync(join(dir, 'action.yml'), action);
      const check = genTables('--check', dir);
      expect([check.status, check.stderr]).toEqual([1, expect.stringContaining('README.md')]);
      expect(genTables(dir).status).toBe(0);
      const table = block(readFileSync(join(dir, 'README.md'), 'utf8'), 'inputs:action') ?? '';
      expect(table).toContain('| `new-input` | — | no | A new input \\| a pipe. |');
      expect(genTables('--check', dir).status).toBe(0);
      // An unknown marker is an error, not a silent gap.
      writeFileSync(
        join(dir, 'docs', 'x.md'),
        '<!-- inputs:nothing:start -->\n<!-- inputs:nothing:end -->\n',
      );
      expect(genTables('--check', dir)).toEqual(expect.objectContaining({ status: 2 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

interface Example {
  doc: string;
  yaml: Record<string, unknown>;
}
const yamlBlocks = (doc: string): Example[] =>
  [...read(doc).matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => ({
    doc,
    yaml: parse(m[1] ?? '') as Record<string, unknown>,
  }));
const includes = DOCS.flatMap(yamlBlocks).filter((e) => e.yaml && Array.isArray(e.yaml.include));
const COMPONENT =
  /^(?:gitlab\.com\/deploy-token\/deploy-token|\$CI_SERVER_FQDN\/[\w./-]+)\/([a-z0-9-]+)@(\d+\.\d+\.\d+)$/;
const REMOTE = /^https:\/\/gitlab\.com\/deploy-token\/deploy-token\/-\/raw\/(\d+\.\d+\.\d+)\/(.+)$/;

/** Every release version the docs and examples name for the components. */
function versionsNamed(): Set<string> {
  const texts = [...DOCS, 'examples/gitlab/.gitlab-ci.yml'].map(read).join('\n');
  const v = new Set<string>();
  for (const m of texts.matchAll(/deploy-token\/deploy-token(?:-validate)?@(\d+\.\d+\.\d+)/g))
    v.add(m[1] ?? '');
  for (const m of texts.matchAll(/-\/raw\/(\d+\.\d+\.\d+)\//g)) v.add(m[1] ?? '');
  return v;
}

test('the docs have include examples: components, self-managed, GitLab ≤ 15.0', () => {
  const refs = includes.flatMap((e) =>
    (e.yaml.include as Record<string, string>[]).map((i) => i.component ?? i.remote),
  );
  expect(refs.some((r) => r?.startsWith('gitlab.com/deploy-token/deploy-token/deploy-token@'))).toBe(true);
  expect(refs.some((r) => r?.startsWith('$CI_SERVER_FQDN/'))).toBe(true);
  expect(refs.some((r) => REMOTE.test(r ?? ''))).toBe(true);
});

test.each(includes.map((e, i) => [`${e.doc} #${i + 1}`, e] as const))(
  '%s: every include names a component with declared, well-typed inputs, or a file of this repository',
  (_name, e) => {
    for (const inc of e.yaml.include as Record<string, unknown>[]) {
      if (typeof inc.component === 'string') {
        const m = COMPONENT.exec(inc.component);
        expect([inc.component, m !== null]).toEqual([inc.component, true]);
        expect(components).toContain(m?.[1]);
        const c = loadComponent(`templates/${m?.[1]}.yml`);
        for (const [k, v] of Object.entries((inc.inputs ?? {}) as Record<string, InputValue>)) {
          const i = c.inputs.get(k);
          expect([k, i !== undefined && ofType(v, i.type)]).toEqual([k, true]);
          if (i?.options) expect(i.options).toContain(v);
        }
      } else {
        const m = REMOTE.exec(String(inc.remote));
        expect([inc.remote, m !== null]).toEqual([inc.remote, true]);
        expect(readdirSync(join(root, m?.[2] ?? '', '..'))).toContain((m?.[2] ?? '').split('/').pop());
      }
    }
  },
);

test('the GitLab ≤ 15.0 example: the included file with the example’s variables is a job GitLab accepts', () => {
  const e = includes.find((x) =>
    (x.yaml.include as Record<string, string>[]).some((i) => REMOTE.test(i.remote ?? '')),
  );
  const remote = (e?.yaml.include as Record<string, string>[])[0]?.remote ?? '';
  const included = parse(read(REMOTE.exec(remote)?.[2] ?? '')) as Record<string, Record<string, unknown>>;
  const own = { ...e?.yaml } as Record<string, Record<string, unknown>>;
  delete own.include;
  // GitLab merges a job defined in both files key by key (hashes deeply).
  const merged: Record<string, unknown> = { ...included };
  for (const [name, job] of Object.entries(own)) {
    const base = included[name];
    expect([name, base !== undefined]).toEqual([name, true]);
    const vars = (job.variables ?? {}) as Record<string, unknown>;
    for (const v of Object.keys(vars))
      expect([v, v in ((base?.variables ?? {}) as object)]).toEqual([v, true]);
    merged[name] = { ...base, ...job, variables: { ...(base?.variables as object), ...vars } };
  }
  expect(schemaErrors(merged)).toEqual([]);
  // The table of input → variable names only variables the file has.
  const doc = read('docs/component.md');
  const section = doc.slice(doc.indexOf('## GitLab 15.0 and older'));
  for (const m of section.matchAll(/^\| `([a-z-]+)` \| `([A-Z_]+)` \|$/gm)) {
    expect(loadComponent('templates/deploy-token.yml').inputs.has(m[1] ?? '')).toBe(true);
    expect(Object.keys(included['deploy-token-check']?.variables as object)).toContain(m[2]);
  }
});

test('published names: no placeholder left; one components release; the action’s major matches it', () => {
  const files = [
    ...DOCS,
    'action.yml',
    'CONTRIBUTING.md',
    'SECURITY.md',
    ...templateFiles,
    'examples/gitlab/.gitlab-ci.yml',
    'examples/gitlab/legacy/deploy-token.yml',
    ...readdirSync(join(root, 'examples/github')).map((f) => `examples/github/${f}`),
  ];
  for (const f of files)
    expect([f, read(f)]).not.toEqual([f, expect.stringMatching(/<owner>|<group>|<this repository>/)]);
  const versions = versionsNamed();
  expect(versions.size).toBe(1);
  const [version] = [...versions];
  const uses = [...DOCS, ...readdirSync(join(root, 'examples/github')).map((f) => `examples/github/${f}`)]
    .map(read)
    .join('\n')
    .matchAll(/uses: ([\w-]+\/deploy-token)@v(\d+)/g);
  const majors = new Set<string>();
  for (const m of uses) {
    expect(m[1]).toBe('deploy-token/deploy-token');
    majors.add(m[2] ?? '');
  }
  expect([...majors]).toEqual([version?.split('.')[0]]);
  // The example pipeline's own jobs run the components' release.
  const example = parse(read('examples/gitlab/.gitlab-ci.yml')) as { variables: Record<string, string> };
  expect(example.variables.DEPLOY_TOKEN_VERSION).toBe(version);
});

test('the action’s examples in the docs pass only inputs action.yml declares', () => {
  const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs);
  const docs = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const steps = docs
    .flatMap((doc) =>
      [...read(doc).matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => [doc, m[1] ?? ''] as const),
    )
    .flatMap(([doc, text]) => {
      const y = parse(text) as unknown;
      const list = Array.isArray(y) ? y : [];
      return list
        .filter((s: { uses?: string }) => /^deploy-token\/deploy-token@/.test(s?.uses ?? ''))
        .map((s: { with?: Record<string, unknown> }) => [doc, Object.keys(s.with ?? {})] as const);
    });
  expect(steps.map(([doc]) => doc)).toEqual(expect.arrayContaining(['README.md']));
  for (const [doc, keys] of steps) expect([doc, keys.filter((k) => !inputs.includes(k))]).toEqual([doc, []]);
});
