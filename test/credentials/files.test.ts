/**
 * Credential files: each client's file parsed back by a real parser for its format (JSON.parse,
 * git config, npm config, Python's configparser and ElementTree), golden files for NuGet, Maven and
 * PyPI, hostile values that must not break out, and the private directory's guarantees.
 */
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cleanup,
  planCredentials,
  planView,
  privateDir,
  writeCredentials,
  type CredentialContext,
} from '../../src/credentials/index.js';

const ctx: CredentialContext = {
  username: 'gitlab+deploy-token-11',
  password: 'gldt-ProjToken11ProjToken1',
  gitlabUrl: 'https://gitlab.example.com',
  projectId: 3,
  projectPath: 'tanuki/awesome_project',
  registry: 'registry.example.com',
};
const HOSTILE = `p"a<s>s&w'o%r\\d$(x)\`y\``;

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'dt-files-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeAll(c: CredentialContext, clients: Parameters<typeof planCredentials>[0]) {
  const dir = privateDir({ RUNNER_TEMP: root });
  const plan = planCredentials(clients, [], c, dir);
  return { dir, plan, manifest: writeCredentials(plan, dir) };
}

const py = (code: string, file: string) => execFileSync('python3', ['-c', code, file], { encoding: 'utf8' });

describe('each client gets its file, read back by a real parser', () => {
  test.each([ctx.password, HOSTILE])(
    'docker config.json: auths.<registry>.auth = base64(user:password) (%#)',
    (password) => {
      const { plan } = writeAll({ ...ctx, password, dependencyProxy: 'gitlab.example.com:443' }, ['docker']);
      const cfg = JSON.parse(plan.files[0]!.content) as { auths: Record<string, { auth: string }> };
      expect(Object.keys(cfg.auths)).toEqual(['registry.example.com', 'gitlab.example.com:443']);
      expect(Buffer.from(cfg.auths['registry.example.com']!.auth, 'base64').toString()).toBe(
        `${ctx.username}:${password}`,
      );
      expect(plan.variables.map((v) => v.name)).toEqual(['REGISTRY_AUTH_FILE', 'DOCKER_CONFIG']);
    },
  );

  test.each([ctx.password, HOSTILE])(
    'git: an extraHeader for the GitLab URL only, read by git config (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['git']);
      const get = (key: string) =>
        execFileSync('git', ['config', '-f', join(dir, 'gitconfig'), '--get', key], {
          encoding: 'utf8',
        }).trim();
      expect(get('http.https://gitlab.example.com/.extraheader')).toBe(
        `Authorization: Basic ${Buffer.from(`${ctx.username}:${password}`).toString('base64')}`,
      );
      expect(
        execFileSync('git', ['config', '-f', join(dir, 'gitconfig'), '--list'], { encoding: 'utf8' }),
      ).not.toMatch(/^http\.extraheader/m);
    },
  );

  test.each([ctx.password, HOSTILE, 'a;b#c "d" ', 'line\nbreak'])(
    'npm: registry and _authToken for the project endpoint, read by npm (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['npm']);
      const npm = (key: string) =>
        execFileSync('npm', ['config', 'get', key, '--userconfig', join(dir, 'npmrc')], {
          encoding: 'utf8',
          env: { ...process.env, npm_config_userconfig: join(dir, 'npmrc') },
        }).trim();
      expect(npm('registry')).toBe('https://gitlab.example.com/api/v4/projects/3/packages/npm/');
      // npm's own ini parser (the one npm reads .npmrc with) gives the exact value back.
      const ini = execFileSync(
        process.execPath,
        [
          '-e',
          "const ini=require(process.argv[1]);process.stdout.write(JSON.stringify(ini.parse(require('fs').readFileSync(process.argv[2],'utf8'))))",
          '/usr/lib/node_modules/npm/node_modules/ini',
          join(dir, 'npmrc'),
        ],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(ini)['//gitlab.example.com/api/v4/projects/3/packages/npm/:_authToken']).toBe(
        password,
      );
    },
  );

  test.each([ctx.password, HOSTILE])(
    'NuGet.Config and settings.xml: ElementTree reads the exact values (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['nuget', 'maven']);
      const nuget = py(
        "import sys,xml.etree.ElementTree as E;r=E.parse(sys.argv[1]).getroot();print(r.find('packageSources/add').get('value'));c=r.find('packageSourceCredentials/GitLab');print(c.find(\"add[@key='Username']\").get('value'));print(c.find(\"add[@key='ClearTextPassword']\").get('value'),end='')",
        join(dir, 'NuGet.Config'),
      ).split('\n');
      expect(nuget).toEqual([
        'https://gitlab.example.com/api/v4/projects/3/packages/nuget/index.json',
        ctx.username,
        password,
      ]);
      const maven = py(
        "import sys,xml.etree.ElementTree as E;n={'m':'http://maven.apache.org/SETTINGS/1.0.0'};r=E.parse(sys.argv[1]).getroot();p=r.find('m:servers/m:server/m:configuration/m:httpHeaders/m:property',n);print(p.find('m:name',n).text);print(p.find('m:value',n).text,end='')",
        join(dir, 'settings.xml'),
      ).split('\n');
      expect(maven).toEqual(['Deploy-Token', password]);
    },
  );

  test.each([ctx.password, HOSTILE])(
    'pip.conf and .pypirc: configparser reads them back (%#)',
    (password) => {
      const { dir } = writeAll({ ...ctx, password }, ['pypi']);
      const index = py(
        "import sys,configparser as C;c=C.RawConfigParser();c.read(sys.argv[1]);print(c.get('global','index-url'),end='')",
        join(dir, 'pip.conf'),
      );
      const u = new URL(index);
      expect(decodeURIComponent(u.username)).toBe(ctx.username);
      expect(decodeURIComponent(u.password)).toBe(password);
      expect(u.pathname).toBe('/api/v4/projects/3/packages/pypi/simple');
      const rc = py(
        "import sys,configparser as C;c=C.RawConfigParser();c.read(sys.argv[1]);print(c.get('gitlab','repository'));print(c.get('gitlab','password'),end='')",
        join(dir, 'pypirc'),
      ).split('\n');
      expect(rc).toEqual(['https://gitlab.example.com/api/v4/projects/3/packages/pypi', password]);
    },
  );
});

describe('golden files (NuGet, Maven, PyPI)', () => {
  test.each([
    ['nuget', 'NuGet.Config'],
    ['maven', 'settings.xml'],
    ['pypi', 'pip.conf'],
    ['pypi', 'pypirc'],
  ] as const)('%s %s', (client, file) => {
    const plan = planCredentials([client], [], ctx, '/private');
    const f = plan.files.find((x) => x.path === file)!;
    expect(f.content).toBe(readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8'));
  });
});

describe('values a format cannot carry are refused, never written', () => {
  test.each([
    ['pypi', 'line\nbreak'],
    ['pypi', ' leading-space'],
    ['nuget', 'bell\u0007'],
  ] as const)('%s with %j', (client, password) => {
    expect(() => writeAll({ ...ctx, password }, [client])).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('the private directory', () => {
  test('0700 under RUNNER_TEMP, files 0600, plan view without content', () => {
    const { dir, plan } = writeAll(ctx, ['docker', 'git', 'npm']);
    expect(dir.startsWith(root)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of plan.files) expect(statSync(join(dir, f.path)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'docker')).mode & 0o777).toBe(0o700);
    const view = planView(plan);
    expect(view).toContainEqual({
      client: 'docker',
      path: 'docker/config.json',
      mode: '0600',
      env: 'REGISTRY_AUTH_FILE',
    });
    expect(JSON.stringify(view)).not.toContain(ctx.password);
  });

  test('git carries any value: the header is base64', () => {
    expect(() => writeAll({ ...ctx, password: 'line\nbreak' }, ['git'])).not.toThrow();
  });

  test('a symlink planted where a file goes is not written through; nothing is left', () => {
    const dir = join(root, 'planted');
    mkdirSync(dir, { mode: 0o700 });
    const victim = join(root, 'victim');
    writeFileSync(victim, 'original');
    symlinkSync(victim, join(dir, 'gitconfig'));
    const plan = planCredentials(['git'], [], ctx, dir);
    expect(() => writeCredentials(plan, dir)).toThrow(/nothing was left behind/);
    expect(readFileSync(victim, 'utf8')).toBe('original');
    expect(existsSync(dir)).toBe(false);
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

  test('user templates: relative names only', () => {
    for (const path of ['../escape', '/etc/passwd', 'a/../../b', '']) {
      expect(() => planCredentials([], [{ path, template: 'x' }], ctx, '/d')).toThrow(
        expect.objectContaining({ exitCode: 2 }),
      );
    }
    const p = planCredentials(
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
    expect(p.variables).toEqual([{ name: 'NETRC', value: '/d/netrc' }]);
  });
});

describe('cleanup removes exactly what the manifest lists', () => {
  test('everything, then idempotently nothing', () => {
    const { dir, manifest } = writeAll(ctx, ['docker', 'git']);
    const first = cleanup(manifest);
    expect(first.removed).toContain(dir);
    expect(existsSync(dir)).toBe(false);
    const again = cleanup(manifest);
    expect(again.removed).toEqual([]);
    expect(again.missing.length).toBeGreaterThan(0);
  });
  test('never anything outside the private directory, never through a symlink', () => {
    const { dir, manifest } = writeAll(ctx, ['git']);
    const outside = join(root, 'keep');
    writeFileSync(outside, 'keep me');
    const r = cleanup({ ...manifest, files: [...manifest.files, outside, join(dir, '..', 'keep')] });
    expect(r.refused).toEqual(expect.arrayContaining([outside]));
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(readdirSync(root).sort()).toEqual(['keep']);
    expect(lstatSync(root).isDirectory()).toBe(true);
  });
});
