/**
 * Credential files: each client's file read back by a real parser for its format (JSON.parse, git
 * config, npm's own ini, Python's configparser and ElementTree, bash), golden files for NuGet, Maven
 * and PyPI, hostile values that must not break out, user templates that see only their values, the
 * private directory's guarantees, the manifest, and cleanup.
 */
import { loadTemplating } from '../../src/export/templating.js';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cleanup,
  existingUserConfig,
  loadManifest,
  mergeDockerConfig,
  layoutCredentials,
  layoutView,
  privateDir,
  saveManifest,
  writeCredentials,
  type ClientName,
  type CredentialContext,
  type Manifest,
} from '../../src/credentials/index.js';
import { PROJECT_TOKEN_CONTEXT } from '../helpers/credential-context.js';

const ctx: CredentialContext = PROJECT_TOKEN_CONTEXT;
/** Quotes, markup, entities, `%` (configparser interpolation), shell and ini specials. */
const HOSTILE = `p"a<s>s&amp;w'o%(x)s%r\\d$(x)\`y\`;#=[]{{ }}`;

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'dt-files-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeAll(c: CredentialContext, clients: readonly ClientName[]) {
  const dir = privateDir({ RUNNER_TEMP: root });
  const layout = layoutCredentials(clients, [], c, dir);
  return { dir, layout, manifest: writeCredentials(layout) };
}

const py = (code: string, ...args: string[]) =>
  execFileSync('python3', ['-c', code, ...args], { encoding: 'utf8' });

// npm's own ini parser, the one it reads .npmrc with.
const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
const npmIni = createRequire(join(npmRoot, 'npm', 'package.json'))('ini') as {
  parse(s: string): Record<string, unknown>;
};

// The renderers use the template engine loaded on demand (src/export/templating.ts).
beforeAll(() => loadTemplating());

describe('each client gets its file, read back by a real parser', () => {
  test.each([ctx.password, HOSTILE])(
    'docker config.json: auths.<registry>.auth = base64(user:password) (%#)',
    (password) => {
      const { layout } = writeAll({ ...ctx, password, dependencyProxy: 'gitlab.example.com:443' }, [
        'docker',
      ]);
      const cfg = JSON.parse(layout.files[0]!.content) as { auths: Record<string, { auth: string }> };
      expect(Object.keys(cfg.auths)).toEqual(['registry.example.com', 'gitlab.example.com:443']);
      for (const a of Object.values(cfg.auths))
        expect(Buffer.from(a.auth, 'base64').toString()).toBe(`${ctx.username}:${password}`);
      // docker reads $DOCKER_CONFIG/config.json; podman, buildah and skopeo get `containers`.
      expect(layout.variables).toEqual([
        { name: 'DOCKER_CONFIG', value: `${layout.dir}/docker`, secret: false },
      ]);
    },
  );

  test.each([ctx.password, HOSTILE, 'line\nbreak'])(
    'git: an extraHeader for the GitLab URL only, read by git config (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['git']);
      const git = (...args: string[]) =>
        execFileSync('git', ['config', '-f', join(dir, 'gitconfig'), ...args], { encoding: 'utf8' });
      // The empty value first resets the list, so only ours is sent.
      expect(git('--get-all', 'http.https://gitlab.example.com/.extraheader').split('\n')).toEqual([
        '',
        `Authorization: Basic ${Buffer.from(`${ctx.username}:${password}`).toString('base64')}`,
        '',
      ]);
      expect(git('--get', 'credential.https://gitlab.example.com/.helper')).toBe('\n');
      // Nothing for other hosts: no unscoped http.extraheader, no credential.helper.
      expect(git('--list')).not.toMatch(/^(http\.extraheader|credential\.helper)=/m);
    },
  );

  test('git: a relative root scopes the header to its path; the user global config is included', () => {
    const user = join(root, 'my "gitconfig"');
    writeFileSync(user, '[user]\n\tname = Tanuki\n');
    const p = layoutCredentials(['git'], [], { ...ctx, gitlabUrl: 'https://example.com/gitlab' }, '/d', {
      userGitconfig: user,
    });
    const f = join(root, 'gitconfig');
    writeFileSync(f, p.files[0]!.content);
    const get = (k: string) =>
      execFileSync('git', ['config', '-f', f, '--includes', '--get', k], { encoding: 'utf8' }).trim();
    expect(get('user.name')).toBe('Tanuki');
    expect(get('http.https://example.com/gitlab/.extraheader')).toMatch(/^Authorization: Basic /);
    expect(p.variables.map((v) => v.name)).toEqual(['GIT_CONFIG_GLOBAL', 'GIT_TERMINAL_PROMPT']);
  });

  test.each([ctx.password, HOSTILE, 'a;b#c "d" ', 'line\nbreak', '[section]'])(
    'npm: registry and _authToken for the project endpoint, read by npm (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['npm']);
      const text = readFileSync(join(dir, 'npmrc'), 'utf8');
      expect(npmIni.parse(text)).toEqual({
        registry: 'https://gitlab.example.com/api/v4/projects/3/packages/npm/',
        '//gitlab.example.com/api/v4/projects/3/packages/npm/:_authToken': password,
      });
      if (password !== ctx.password) return;
      // npm itself reads the file as its user config, with no unknown keys (npm 9+ dropped always-auth).
      const out = execFileSync('npm', ['config', 'get', 'registry'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: root, NPM_CONFIG_USERCONFIG: join(dir, 'npmrc') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out.trim()).toBe('https://gitlab.example.com/api/v4/projects/3/packages/npm/');
    },
  );

  test.each([ctx.password, HOSTILE])(
    'NuGet.Config and settings.xml: ElementTree reads the exact values (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['nuget', 'maven']);
      const nuget = JSON.parse(
        py(
          "import sys,json,xml.etree.ElementTree as E;r=E.parse(sys.argv[1]).getroot();c=r.find('packageSourceCredentials/GitLab');print(json.dumps([r.find(\"packageSources/add[@key='GitLab']\").get('value'),c.find(\"add[@key='Username']\").get('value'),c.find(\"add[@key='ClearTextPassword']\").get('value')]))",
          join(dir, 'NuGet.Config'),
        ),
      ) as string[];
      expect(nuget).toEqual([
        'https://gitlab.example.com/api/v4/projects/3/packages/nuget/index.json',
        ctx.username,
        password,
      ]);
      const maven = JSON.parse(
        py(
          "import sys,json,xml.etree.ElementTree as E;n={'m':'http://maven.apache.org/SETTINGS/1.0.0'};r=E.parse(sys.argv[1]).getroot();s=r.find('m:servers/m:server',n);p=s.find('m:configuration/m:httpHeaders/m:property',n);print(json.dumps([s.find('m:id',n).text,p.find('m:name',n).text,p.find('m:value',n).text,r.find('m:profiles/m:profile/m:repositories/m:repository/m:url',n).text]))",
          join(dir, 'settings.xml'),
        ),
      ) as string[];
      expect(maven).toEqual([
        'gitlab-maven',
        'Deploy-Token',
        password,
        'https://gitlab.example.com/api/v4/projects/3/packages/maven',
      ]);
    },
  );

  test.each([ctx.password, HOSTILE, 'with space inside', 'ünïcödé'])(
    'pip.conf and .pypirc: configparser reads them back, as pip and twine do (RawConfigParser) (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['pypi']);
      const [index, repository, username, pass] = JSON.parse(
        py(
          "import sys,json,configparser as C\na=C.RawConfigParser();a.read(sys.argv[1],encoding='utf-8')\nb=C.RawConfigParser();b.read(sys.argv[2],encoding='utf-8')\nprint(json.dumps([a.get('global','index-url'),b.get('gitlab','repository'),b.get('gitlab','username'),b.get('gitlab','password')]))",
          join(dir, 'pip.conf'),
          join(dir, 'pypirc'),
        ),
      ) as string[];
      // pip splits the user info off the URL and percent-decodes it (pip._internal.utils.misc).
      const u = new URL(index!);
      expect([decodeURIComponent(u.username), decodeURIComponent(u.password)]).toEqual([
        ctx.username,
        password,
      ]);
      expect(`${u.origin}${u.pathname}`).toBe(
        'https://gitlab.example.com/api/v4/projects/3/packages/pypi/simple',
      );
      expect([repository, username, pass]).toEqual([
        'https://gitlab.example.com/api/v4/projects/3/packages/pypi',
        ctx.username,
        password,
      ]);
    },
  );
});

describe('group-level endpoints: packages are read from the group, published to the project', () => {
  test('npm, maven and pip read from /groups/:id/-/packages; uploads and NuGet stay on the project', () => {
    const p = layoutCredentials(['npm', 'maven', 'pypi', 'nuget'], [], { ...ctx, groupId: 10 }, '/d');
    const file = (path: string) => p.files.find((f) => f.path === path)!.content;
    expect(npmIni.parse(file('npmrc'))).toEqual({
      registry: 'https://gitlab.example.com/api/v4/groups/10/-/packages/npm/',
      '//gitlab.example.com/api/v4/groups/10/-/packages/npm/:_authToken': ctx.password,
      '//gitlab.example.com/api/v4/projects/3/packages/npm/:_authToken': ctx.password,
    });
    expect(file('settings.xml')).toContain(
      '<url>https://gitlab.example.com/api/v4/groups/10/-/packages/maven</url>',
    );
    expect(file('pip.conf')).toContain('@gitlab.example.com/api/v4/groups/10/-/packages/pypi/simple');
    expect(file('pypirc')).toContain(
      'repository = https://gitlab.example.com/api/v4/projects/3/packages/pypi\n',
    );
    expect(file('NuGet.Config')).toContain('/api/v4/projects/3/packages/nuget/index.json');
  });

  test('a project given by path is URL-encoded; an explicit apiUrl wins', () => {
    const p = layoutCredentials(
      ['npm'],
      [],
      { ...ctx, projectId: 'tanuki/awesome project', apiUrl: 'https://api.example.com/gl/api/v4' },
      '/d',
    );
    expect(p.files[0]!.content).toContain(
      'registry=https://api.example.com/gl/api/v4/projects/tanuki%2Fawesome%20project/packages/npm/',
    );
  });
});

describe('golden files (NuGet, Maven, PyPI)', () => {
  test.each([
    ['nuget', 'NuGet.Config'],
    ['maven', 'settings.xml'],
    ['pypi', 'pip.conf'],
    ['pypi', 'pypirc'],
  ] as const)('%s %s', (client, file) => {
    const layout = layoutCredentials([client], [], ctx, '/private');
    const f = layout.files.find((x) => x.path === file)!;
    expect(f.content).toBe(readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8'));
  });
});

describe('values a format cannot carry are refused, never written', () => {
  test.each([
    ['pypi', 'line\nbreak'],
    ['pypi', ' leading-space'],
    ['pypi', 'trailing-space '],
    ['nuget', 'bell\u0007'],
    ['maven', 'nul\u0000'],
  ] as const)('%s with %j', (client, password) => {
    expect(() => writeAll({ ...ctx, password }, [client])).toThrow(expect.objectContaining({ exitCode: 2 }));
    // Nothing was created: the layout failed before any write.
    expect(readdirSync(root).filter((f) => readdirSync(join(root, f)).length > 0)).toEqual([]);
  });
});

describe('user templates (`files:`) see only the values given, with strict undefined', () => {
  const user = (template: string, extra: Partial<{ path: string; mode: string; env: string }> = {}) =>
    layoutCredentials([], [{ path: 'f', template, ...extra }], ctx, '/d');

  test('a netrc from the documented values', () => {
    const p = layoutCredentials(
      [],
      [
        {
          path: 'netrc',
          template: 'machine {{ gitlab_host }} login {{ username }} password {{ password }}',
          env: 'NETRC',
        },
      ],
      ctx,
      '/d',
    );
    expect(p.files[0]!.content).toBe(
      `machine gitlab.example.com login ${ctx.username} password ${ctx.password}`,
    );
    expect(p.variables).toEqual([{ name: 'NETRC', value: '/d/netrc', secret: false }]);
  });

  test.each([
    ['{{ nope }}', /nope/],
    ['{{ constructor }}', /constructor/],
    ['{{ range }}', /range/],
    ['{{ username.constructor }}', /constructor/],
    ['{{ range(3) }}', /FunCall/],
    ['{% set x = 1 %}', /Set/],
    ['{% include "/etc/passwd" %}', /Include/],
    ['{{ username | safe | reverse }}', /reverse/],
    ['{{ username[password] }}', /literal key/],
  ])('%s is refused', (template, message) => {
    expect(() => user(template)).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringMatching(message) }),
    );
  });

  test('loops, conditions, tests and format filters work', () => {
    const p = layoutCredentials(
      ['docker'],
      [
        {
          path: 'f',
          template:
            '{% for r in registries %}{{ loop.index }}={{ r | json }};{% endfor %}{% if group_id is defined and group_id %}g{% else %}p{% endif %}',
        },
      ],
      { ...ctx, dependencyProxy: 'proxy:443' },
      '/d',
    );
    expect(p.files.find((f) => f.client === 'user')!.content).toBe(
      '1="registry.example.com";2="proxy:443";p',
    );
  });

  test.each([ctx.password, HOSTILE, "it's\nmulti\nline", '$HOME `id` !x'])(
    'the sh filter: bash reads the exact value back (%#)',
    (password) => {
      const p = layoutCredentials(
        [],
        [{ path: 'env.sh', template: 'export TOKEN={{ password | sh }}\n' }],
        { ...ctx, password },
        '/d',
      );
      const out = execFileSync('bash', ['-c', `${p.files[0]!.content}printf %s "$TOKEN"`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      });
      expect(out).toBe(password);
    },
  );

  test.each(['../escape', '/etc/passwd', 'a/../../b', '', './x', 'a//b', 'a\\..\\b', 'tab\there'])(
    'path %j is refused: a plain relative name inside the private directory only',
    (path) => {
      expect(() => layoutCredentials([], [{ path, template: 'x' }], ctx, '/d')).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringContaining('plain relative name') }),
      );
    },
  );

  test('modes that others could read, or that you could not, are refused; 0400 is kept', () => {
    expect(() => user('x', { mode: '0644' })).toThrow(/others read/);
    expect(() => user('x', { mode: '0200' })).toThrow(/not let you read/);
    expect(() => user('x', { mode: 'rw' })).toThrow(/octal/);
    expect(user('x', { mode: '0400' }).files[0]!.mode).toBe(0o400);
  });

  test('a path or variable used twice, or a variable name that is not one, is refused', () => {
    expect(() => layoutCredentials(['git'], [{ path: 'gitconfig', template: 'x' }], ctx, '/d')).toThrow(
      /twice/,
    );
    expect(() => layoutCredentials(['docker'], [{ path: 'docker', template: 'x' }], ctx, '/d')).toThrow(
      /twice/,
    );
    expect(() =>
      layoutCredentials(['git'], [{ path: 'g2', template: 'x', env: 'GIT_CONFIG_GLOBAL' }], ctx, '/d'),
    ).toThrow(/twice/);
    expect(() => user('x', { env: 'NOT-A-NAME' })).toThrow(/not a variable name/);
  });
});

describe('plan view: paths, modes and variables, never content', () => {
  test.each([ctx.password, HOSTILE])('no form of the token in the view of every client (%#)', (password) => {
    const layout = layoutCredentials(
      ['docker', 'git', 'npm', 'nuget', 'maven', 'pypi'],
      [{ path: 'my-netrc', template: 'password {{ password }}', env: 'MY_NETRC', mode: '0400' }],
      { ...ctx, password, dependencyProxy: 'gitlab.example.com:443' },
      '/private',
    );
    const view = layoutView(layout);
    expect(view).toEqual(
      [
        { client: 'git', path: 'gitconfig', mode: '0600', env: 'GIT_CONFIG_GLOBAL' },
        { client: 'docker', path: 'docker/config.json', mode: '0600', env: 'DOCKER_CONFIG' },
        { client: 'npm', path: 'npmrc', mode: '0600', env: 'NPM_CONFIG_USERCONFIG' },
        { client: 'nuget', path: 'NuGet.Config', mode: '0600', env: 'NUGET_CONFIG_FILE' },
        { client: 'maven', path: 'settings.xml', mode: '0600', env: 'MAVEN_SETTINGS' },
        { client: 'pypi', path: 'pip.conf', mode: '0600', env: 'PIP_CONFIG_FILE' },
        { client: 'pypi', path: 'pypirc', mode: '0600', env: 'PYPIRC' },
        { client: 'user', path: 'my-netrc', mode: '0400', env: 'MY_NETRC' },
      ].sort((a, b) => view.findIndex((v) => v.path === a.path) - view.findIndex((v) => v.path === b.path)),
    );
    const text = JSON.stringify({ view, variables: layout.variables });
    for (const form of [
      password,
      encodeURIComponent(password),
      Buffer.from(`${ctx.username}:${password}`).toString('base64'),
      Buffer.from(password).toString('base64'),
    ])
      expect(text).not.toContain(form);
  });
});

describe('the private directory', () => {
  test('0700 under RUNNER_TEMP, else the system temp dir; files 0600 whatever the umask', () => {
    const old = process.umask(0o000);
    try {
      const { dir, layout } = writeAll(ctx, ['docker', 'git', 'npm']);
      expect(dir.startsWith(root)).toBe(true);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const f of layout.files) expect(statSync(join(dir, f.path)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'docker')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(old);
    }
    for (const env of [{}, { RUNNER_TEMP: '' }]) {
      const dir = privateDir(env);
      expect(dir.startsWith(join(tmpdir()).replace(/\/$/, ''))).toBe(true);
      rmSync(dir, { recursive: true });
    }
  });

  test('a user file with its own mode and a sub-directory', () => {
    const dir = privateDir({ RUNNER_TEMP: root });
    const layout = layoutCredentials([], [{ path: 'conf/netrc', template: 'x', mode: '0400' }], ctx, dir);
    const m = writeCredentials(layout);
    expect(statSync(join(dir, 'conf', 'netrc')).mode & 0o777).toBe(0o400);
    expect(m.dirs).toEqual([join(dir, 'conf')]);
  });

  test("writeCredentials(layout): the layout's dir, and the manifest lists the layout's variables", () => {
    const { dir, manifest } = writeAll(ctx, ['maven']);
    expect(manifest).toMatchObject({
      version: 1,
      dir,
      files: [join(dir, 'settings.xml')],
      dirs: [],
      variables: ['MAVEN_SETTINGS', 'MAVEN_ARGS'],
    });
  });

  test('a symlink planted where a file goes is not written through; what was written is removed', () => {
    const dir = join(root, 'planted');
    mkdirSync(dir, { mode: 0o700 });
    const victim = join(root, 'victim');
    writeFileSync(victim, 'original');
    symlinkSync(victim, join(dir, 'npmrc'));
    const layout = layoutCredentials(['git', 'npm'], [], ctx, dir);
    expect(() => writeCredentials(layout)).toThrow(/EEXIST.*nothing was left behind/);
    expect(readFileSync(victim, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['npmrc']); // the gitconfig written first is gone again
  });

  test('a symlinked sub-directory is not followed', () => {
    const dir = join(root, 'planted');
    mkdirSync(dir, { mode: 0o700 });
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir, 'docker'));
    expect(() => writeCredentials(layoutCredentials(['docker'], [], ctx, dir))).toThrow(/EEXIST/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  test('a directory others can enter, or a symlink to one, is not written in', () => {
    const open = join(root, 'open');
    mkdirSync(open, { mode: 0o755 });
    expect(() => writeCredentials(layoutCredentials(['git'], [], ctx, open))).toThrow(/cannot write/);
    const link = join(root, 'link');
    const target = privateDir({ RUNNER_TEMP: root });
    symlinkSync(target, link);
    expect(() => writeCredentials(layoutCredentials(['git'], [], ctx, link))).toThrow(/cannot write/);
    expect(readdirSync(open)).toEqual([]);
    expect(readdirSync(target)).toEqual([]);
  });

  test('a temp dir that cannot hold it: a clear error', () => {
    const notADir = join(root, 'file');
    writeFileSync(notADir, '');
    expect(() => privateDir({ RUNNER_TEMP: notADir })).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining('cannot create a private directory'),
      }),
    );
  });
});

describe('the user configuration our files replace keeps working', () => {
  test('existingUserConfig finds ~/.gitconfig (or $GIT_CONFIG_GLOBAL) and the docker config.json', () => {
    mkdirSync(join(root, '.docker'));
    writeFileSync(join(root, '.gitconfig'), '');
    writeFileSync(join(root, '.docker', 'config.json'), '{"auths":{}}');
    expect(existingUserConfig({ HOME: root })).toEqual({
      userGitconfig: join(root, '.gitconfig'),
      userDockerConfig: '{"auths":{}}',
      // containers/image falls back to docker's file when REGISTRY_AUTH_FILE is not set.
      userContainersAuth: ['{"auths":{}}'],
    });
    expect(existingUserConfig({ HOME: join(root, 'none') })).toEqual({});
  });

  test('docker: other registries and helpers are kept; ours win, and credsStore cannot shadow them', () => {
    const user = JSON.stringify({
      auths: { 'ghcr.io': { auth: 'Z2g6eA==' }, 'registry.example.com': { auth: 'c3RhbGU=' } },
      credHelpers: { 'registry.example.com': 'ecr-login', 'gcr.io': 'gcloud' },
      credsStore: 'desktop',
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
    });
    const layout = layoutCredentials(['docker'], [], ctx, '/d', { userDockerConfig: user });
    expect(JSON.parse(layout.files[0]!.content)).toEqual({
      auths: {
        'ghcr.io': { auth: 'Z2g6eA==' },
        'registry.example.com': { auth: Buffer.from(`${ctx.username}:${ctx.password}`).toString('base64') },
      },
      credHelpers: { 'gcr.io': 'gcloud' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
    });
    expect(mergeDockerConfig('{"auths":{}}', 'not json')).toBe('{"auths":{}}');
  });
});

describe('the manifest', () => {
  test('saved 0600 and loaded back, ephemeral tokens included; anything else is refused', () => {
    const { manifest } = writeAll(ctx, ['git']);
    const m: Manifest = { ...manifest, ephemeralTokens: [{ level: 'project', id: 3, tokenId: 42 }] };
    const path = join(root, 'manifest.json');
    saveManifest(m, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadManifest(path)).toEqual(m);
    expect(readFileSync(path, 'utf8')).not.toContain(ctx.password);
    writeFileSync(
      path,
      JSON.stringify({ ...m, ephemeralTokens: [{ level: 'instance', id: 3, tokenId: 1 }] }),
    );
    expect(() => loadManifest(path)).toThrow(/not a deploy-token manifest/);
    writeFileSync(path, JSON.stringify({ ...m, dir: 'relative' }));
    expect(() => loadManifest(path)).toThrow(/not a deploy-token manifest/);
    expect(() => loadManifest(join(root, 'none.json'))).toThrow(/cannot read manifest/);
  });
});

describe('cleanup removes exactly what the manifest lists', () => {
  test('everything, then idempotently nothing (await works too)', async () => {
    const { dir, manifest } = writeAll(ctx, ['docker', 'git']);
    const first = await cleanup(manifest);
    expect(first.removed.sort()).toEqual([...manifest.files, ...manifest.dirs, dir].sort());
    expect(existsSync(dir)).toBe(false);
    const again = cleanup(manifest);
    expect(again.removed).toEqual([]);
    expect(again.missing.sort()).toEqual([...manifest.files, ...manifest.dirs, dir].sort());
  });

  test('never anything outside the private directory', () => {
    const { dir, manifest } = writeAll(ctx, ['git']);
    const outside = join(root, 'keep');
    writeFileSync(outside, 'keep me');
    const r = cleanup({ ...manifest, files: [...manifest.files, outside, join(dir, '..', 'keep')] });
    expect(r.refused).toEqual([outside, join(dir, '..', 'keep')]);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readdirSync(root)).toEqual(['keep']);
  });

  test('a file the run did not make is left, and so is the directory holding it', () => {
    const { dir, manifest } = writeAll(ctx, ['git']);
    writeFileSync(join(dir, 'not-ours'), '');
    const r = cleanup(manifest);
    expect(r.removed).toEqual(manifest.files);
    expect(r.refused).toEqual([dir]);
    expect(readdirSync(dir)).toEqual(['not-ours']);
  });

  test('never through a symlink: the private directory or a sub-directory swapped for one', () => {
    const { dir, manifest } = writeAll(ctx, ['docker']);
    // The sub-directory docker/ now points at a directory with a file of the same name.
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'config.json'), 'not ours');
    rmSync(join(dir, 'docker'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'docker'));
    const r = cleanup(manifest);
    expect(r.refused).toEqual(
      expect.arrayContaining([join(dir, 'docker', 'config.json'), join(dir, 'docker')]),
    );
    expect(readFileSync(join(elsewhere, 'config.json'), 'utf8')).toBe('not ours');
    expect(lstatSync(join(dir, 'docker')).isSymbolicLink()).toBe(true);

    // The private directory itself swapped for a symlink: nothing in it is touched.
    const { dir: dir2, manifest: m2 } = writeAll(ctx, ['git']);
    const moved = `${dir2}-moved`;
    execFileSync('mv', [dir2, moved]);
    const decoy = join(root, 'decoy');
    mkdirSync(decoy, { mode: 0o700 });
    writeFileSync(join(decoy, 'gitconfig'), 'not ours');
    symlinkSync(decoy, dir2);
    const r2 = cleanup(m2);
    expect(r2.removed).toEqual([]);
    expect(readFileSync(join(decoy, 'gitconfig'), 'utf8')).toBe('not ours');
  });
});
