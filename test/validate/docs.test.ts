/**
 * Docs cannot drift from behaviour: every example marked `<!-- validate-example: FILE -->` in README.md
 * or docs/validate.md is written to FILE in an empty directory and validated; the ```text block that
 * follows it (if any) is the exact expected output, and no block means no finding. docs/validate.md
 * also lists every rule id with its severity.
 *
 * The README stays a short page: under 15 KB, linking every doc in docs/, every relative link (and
 * heading anchor) of README, CONTRIBUTING, SECURITY and docs/ resolving; every arrow of its Design
 * picture is an import in src/, and no file outside the surfaces imports them; docs/design.md names
 * only files that exist; nothing cites documents outside the repository.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../src/validate/known-rules.js';
import { startStandin } from '../../src/standin/server.js';
import { runValidate } from '../../src/validate/run.js';
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Example {
  doc: string;
  file: string;
  yaml: string;
  expected: string;
}

const EXAMPLE = /<!-- validate-example: (\S+) -->\s*```ya?ml\n([\s\S]*?)```(?:\s*```text\n([\s\S]*?)```)?/g;

function examples(doc: string): Example[] {
  const path = join(root, doc);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(EXAMPLE)].map((m) => ({
    doc,
    file: m[1] ?? '',
    yaml: m[2] ?? '',
    expected: m[3] ?? '',
  }));
}

const all = [...examples('README.md'), ...examples('docs/validate.md')];

describe('documented examples', () => {
  it('exist', () => expect(all.length).toBeGreaterThanOrEqual(4));

  it.each(all.map((e, i) => [`${e.doc} #${i + 1} (${e.file})`, e] as const))(
    '%s gives the documented output',
    async (_name, ex) => {
      const dir = mkdtempSync(join(tmpdir(), 'dt-doc-'));
      try {
        writeFileSync(join(dir, ex.file), ex.yaml);
        let out = '';
        let err = '';
        const code = await runValidate(
          [ex.file],
          { format: 'text', cwd: dir },
          { write: (s) => (out += s) },
          { write: (s) => (err += s) },
        );
        expect(err).toBe('');
        expect(out).toBe(ex.expected);
        if (ex.expected === '') expect(code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('docs/validate.md', () => {
  const doc = readFileSync(join(root, 'docs/validate.md'), 'utf8');
  it.each(RULES.map((r) => [r.id, r] as const))('lists rule %s with its severity', (id, info) => {
    expect(doc).toContain(`| \`${id}\` | ${info.severity} |`);
  });
});

// ---------------------------------------------------------------------------------------------
// The README is a short page that links every doc; its Design picture is the code's imports.

const read = (p: string) => readFileSync(join(root, p), 'utf8');
const docFiles = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchors = (text: string) =>
  new Set([...text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));

describe('README.md', () => {
  const readme = read('README.md');

  it('is under 15 KB', () => expect(Buffer.byteLength(readme)).toBeLessThan(15_000));

  it('links every doc in docs/', () => {
    expect(docFiles.length).toBeGreaterThanOrEqual(10);
    for (const doc of docFiles) expect([doc, readme.includes(`](${doc})`)]).toEqual([doc, true]);
  });

  it.each(['README.md', 'CONTRIBUTING.md', 'SECURITY.md', ...docFiles])(
    '%s: every relative link names a file (and heading) that exists',
    (doc) => {
      const text = read(doc).replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1] ?? '';
        if (/^[a-z]+:/.test(link)) continue;
        const [path = '', anchor] = link.split('#');
        const target = path === '' ? doc : join(dirname(doc), path);
        expect([link, existsSync(join(root, target))]).toEqual([link, true]);
        if (anchor && target.endsWith('.md'))
          expect([link, anchors(read(target)).has(anchor)]).toEqual([link, true]);
      }
    },
  );
});

/** Every relative import of every file under src/, resolved: `src/a/b.ts` → [`src/c/d.ts`, …]. */
function importsOf(): Map<string, string[]> {
  const files = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => `src/${f.split(sep).join('/')}`);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const specs = [...read(f).matchAll(/(?:from|import\(?)\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
    graph.set(
      f,
      specs.map((s) => posix.join(posix.dirname(f), s).replace(/\.js$/, '.ts')),
    );
  }
  return graph;
}

/** A module as the picture names it: `app/` is the folder src/app, `gitlab/api` the file src/gitlab/api.ts. */
const inModule = (file: string, name: string) =>
  name.endsWith('/') ? file.startsWith(`src/${name}`) : file === `src/${name}.ts`;

/** The arrows of the README's Design picture: [from, to] for every `─►` (and `◄─`) between module names. */
function drawnArrows(picture: string): [string, string][] {
  const arrows: [string, string][] = [];
  let root: string[] = [];
  for (const line of picture.split('\n')) {
    const tree = /^\s*[├└]─►/.test(line);
    const parts = line.split(/(─►|◄─)/);
    const names = (s: string) =>
      [...s.matchAll(/(?<![\w/])[a-z][a-z-]*\/(?:[a-z][\w/-]*)?/g)].map((m) => m[0]);
    let from = tree ? root : names(parts[0] ?? '');
    if (!tree && parts.length === 1 && from.length > 0) root = from.slice(0, 1);
    for (let i = 1; i < parts.length; i += 2) {
      const to = names(parts[i + 1] ?? '');
      for (const a of from) for (const b of to) arrows.push(parts[i] === '─►' ? [a, b] : [b, a]);
      from = to;
    }
  }
  return arrows;
}

/** The surfaces: the CLI (src/cli.ts and src/cli/) and the action (src/action/). */
const surface = (f: string) => f === 'src/cli.ts' || inModule(f, 'cli/') || inModule(f, 'action/');

describe('the README’s Design picture matches the imports', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Design'));
  const picture = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const graph = importsOf();
  const arrows = drawnArrows(picture);

  it('draws the surfaces, the flow, the masker and the spec reader', () => {
    expect(arrows.length).toBeGreaterThanOrEqual(12);
    expect(arrows).toEqual(
      expect.arrayContaining([
        ['cli/', 'app/'],
        ['action/', 'app/'],
        ['app/', 'resolve/resolver'],
      ]),
    );
  });

  it.each(arrows.map(([a, b]) => [`${a} → ${b}`, a, b] as const))('%s is an import in src/', (_n, a, b) => {
    const found = [...graph].some(([f, deps]) => inModule(f, a) && deps.some((d) => inModule(d, b)));
    expect(found).toBe(true);
  });

  it('the core never imports a surface (cli/, action/)', () => {
    const wrong = [...graph].flatMap(([f, deps]) =>
      surface(f) ? [] : deps.filter(surface).map((d) => `${f} → ${d}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('docs/design.md', () => {
  it('names only modules and files that exist', () => {
    const text = read('docs/design.md');
    const named = [...text.matchAll(/`((?:src\/)?[a-z][a-z-]*\/[\w./-]*)`/g)]
      .map((m) => m[1] ?? '')
      .filter((p) => !p.endsWith('.rb')); // GitLab's own source paths
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter((p) => {
      const path = p.replace(/\/$/, '');
      return ![path, `src/${path}`, `src/${path}.ts`, `${path}.ts`].some((c) => existsSync(join(root, c)));
    });
    expect(missing).toEqual([]);
  });
});

describe('no citation of documents outside the repository', () => {
  // Spelled in pieces so this file does not cite them itself.
  const outside = new RegExp(
    ['GITLAB' + '_FACTS', 'PRODUCT' + '\\.md', 'the ' + 'seed', '/work/' + 'shared'].join('|'),
    'i',
  );
  const roots = [
    'README.md',
    'CONTRIBUTING.md',
    'SECURITY.md',
    'CHANGELOG.md',
    'action.yml',
    'docs',
    'src',
    'test',
    'examples',
    'templates',
    'scripts',
    'bench',
    'fixtures',
    'schemas',
    '.github',
    '.gitlab-ci.yml',
  ];
  const files = roots.flatMap((r) =>
    statSync(join(root, r)).isDirectory()
      ? (readdirSync(join(root, r), { recursive: true }) as string[]).map((f) => join(r, f))
      : [r],
  );
  it('in README, docs, code, tests, examples and templates', () => {
    const citing = files.filter(
      (f) =>
        /\.(md|ts|mjs|js|json|yml|yaml|njk|sh)$/.test(f) &&
        !f.endsWith('.generated.js') &&
        outside.test(read(f)),
    );
    expect(citing).toEqual([]);
  });
});

describe('the README’s plan example', () => {
  it('is what plan prints for its command against a GitLab 15.0 with the group variables (lines kept in order)', async () => {
    const block = /```text\n(\$ deploy-token plan [^\n]*)\n([\s\S]*?)```/.exec(read('README.md'));
    expect(block).not.toBeNull();
    const argv = (block?.[1] ?? '')
      .replace(/\s+\(shortened\)$/, '')
      .split(/\s+/)
      .slice(2);
    const standin = await startStandin(loadScenario('2-group-token-15.0.json'), {
      now: () => new Date('2026-11-25T10:00:00Z'),
    });
    try {
      const run = await runCli([...argv, '--gitlab-url', standin.url], {
        GITLAB_TOKEN: loadScenario('2-group-token-15.0.json').apiTokens[0],
      });
      expect(run.code).toBe(0);
      const printed = run.stdout.split('\n');
      let at = 0;
      for (const line of (block?.[2] ?? '').trimEnd().split('\n')) {
        const want = line.replace('https://gitlab.example.com', standin.url.replace(/\/$/, ''));
        const found = printed.indexOf(want, at);
        expect([want, found >= at]).toEqual([want, true]);
        at = found + 1;
      }
    } finally {
      await standin.close();
    }
  });
});

describe('citations of docs/ name files and headings that exist', () => {
  const roots = ['README.md', 'CONTRIBUTING.md', 'docs', 'src', 'test', 'bench', 'scripts'];
  const files = roots
    .flatMap((r) =>
      statSync(join(root, r)).isDirectory()
        ? (readdirSync(join(root, r), { recursive: true }) as string[]).map((f) => join(r, f))
        : [r],
    )
    .filter((f) => /\.(md|ts|mjs)$/.test(f));
  // `docs/gitlab-rules.md, "Active"`, `docs/gitlab-rules.md ("API by version")`, several headings.
  const CITE = /docs\/([a-z-]+\.md)[,:]?\s*\(?((?:["“][^"”\n]+["”](?:,\s*)?)+)/g;
  const cites = files.flatMap((f) =>
    [...read(f).matchAll(CITE)].flatMap((m) =>
      [...(m[2] ?? '').matchAll(/["“]([^"”]+)["”]/g)].map((h) => [f, `docs/${m[1]}`, h[1] ?? ''] as const),
    ),
  );
  it('finds the citations', () => expect(cites.length).toBeGreaterThan(20));
  it.each(cites.map(([f, doc, h]) => [`${f} → ${doc} "${h}"`, doc, h] as const))('%s', (_n, doc, heading) => {
    expect(existsSync(join(root, doc))).toBe(true);
    expect(anchors(read(doc)).has(slug(heading))).toBe(true);
  });
});
