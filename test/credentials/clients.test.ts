/**
 * The clients, defined once (src/credentials/clients.ts): every one is laid out and listed by `plan`
 * without its secrets; the new clients' files match golden files and read back with their own parsers
 * (Python's netrc, kubectl for the pull secret); the settings carry what each client reads; options
 * are checked as the schema checks them; what a token's scopes allow follows GitLab's rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLIENT_NAMES } from '../../src/credentials/client-names.js';
import { CLIENTS, abilities } from '../../src/credentials/clients.js';
import {
  clientView,
  layoutCredentials,
  layoutView,
  type ClientName,
  type CredentialContext,
} from '../../src/credentials/index.js';
import { PROJECT_TOKEN_CONTEXT } from '../helpers/credential-context.js';
import { OPTION_RULES } from '../../src/credentials/values.js';
import { needBinary } from '../helpers/servers/binaries.js';
import { loadTemplating } from '../../src/export/templating.js';

const ctx: CredentialContext = PROJECT_TOKEN_CONTEXT;
const HOSTILE = `p"a<s>s&amp;w'o%(x)s\\d$(x)\`y\`;#=[]`;
/** Compares with test/credentials/golden/NAME (UPDATE_GOLDEN=1 rewrites it; review the diff). */
function expectGolden(name: string, text: string): void {
  const url = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, text);
  expect(text).toBe(readFileSync(url, 'utf8'));
}
const file = (clients: ClientName[], path: string, c: CredentialContext = ctx) =>
  layoutCredentials(clients, [], c, '/private').files.find((f) => f.path === path)!.content;
const settings = (clients: ClientName[], c: CredentialContext = ctx, extra = {}) =>
  Object.fromEntries(layoutCredentials(clients, [], c, '/private', extra).variables.map((v) => [v.name, v]));

let root: string;
beforeAll(() => loadTemplating());
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'dt-clients-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('every client, at once', () => {
  test('laid out and listed by plan with its files and variables; shared files written once; no secret in the view', () => {
    const layout = layoutCredentials(
      CLIENT_NAMES,
      [],
      { ...ctx, dependencyProxy: 'gitlab.example.com:443' },
      '/private',
    );
    const paths = layout.files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(
      [
        'NuGet.Config',
        'containers/auth.json',
        'docker/config.json',
        'gitconfig',
        'kubernetes/image-pull-secret.yaml',
        'netrc',
        'npmrc',
        'pip.conf',
        'pypirc',
        'settings.xml',
      ].sort(),
    );
    const view = clientView(layout, ['read_registry', 'read_package_registry']);
    expect(view.map((c) => c.client)).toEqual([...CLIENT_NAMES]);
    for (const c of view) {
      expect(c.files).toEqual(CLIENTS[c.client].files.map((f) => f.path));
      for (const name of c.variables) expect(layout.variables.some((v) => v.name === name)).toBe(true);
    }
    // The settings that carry the token are the masked ones, and only those.
    expect(
      layout.variables
        .filter((v) => v.secret)
        .map((v) => v.name)
        .sort(),
    ).toEqual(
      [
        'COMPOSER_AUTH',
        'POETRY_HTTP_BASIC_GITLAB_PASSWORD',
        'UV_INDEX_GITLAB_PASSWORD',
        'UV_PUBLISH_PASSWORD',
        'YARN_NPM_AUTH_TOKEN',
      ].sort(),
    );
    expect(view.flatMap((c) => c.masked).sort()).toEqual(
      layout.variables
        .filter((v) => v.secret)
        .map((v) => v.name)
        .sort(),
    );
    const shown = JSON.stringify({
      files: layoutView(layout),
      view,
      names: layout.variables.map((v) => v.name),
    });
    for (const form of [ctx.password, Buffer.from(`${ctx.username}:${ctx.password}`).toString('base64')])
      expect(shown).not.toContain(form);
    // Plain settings hold no form of the token either.
    for (const v of layout.variables.filter((x) => !x.secret)) expect(v.value).not.toContain(ctx.password);
  });

  test('each client has a summary, pull scopes, and push scopes or the reason it cannot push', () => {
    for (const name of CLIENT_NAMES) {
      const def = CLIENTS[name];
      expect(def.summary.length).toBeGreaterThan(10);
      expect((def.pull.all ?? def.pull.any ?? []).length).toBeGreaterThan(0);
      expect('never' in def.push ? def.push.never.length : (def.push.all ?? []).length).toBeGreaterThan(0);
    }
  });
});

describe('what the token can do with each client (GitLab rules)', () => {
  test.each([
    ['containers', ['read_registry'], 'yes', 'no (needs write_registry)'],
    ['containers', ['write_registry'], 'no (needs read_registry)', 'no (needs read_registry)'],
    ['containers', ['read_registry', 'write_registry'], 'yes', 'yes'],
    [
      'kubernetes',
      ['read_registry', 'write_registry'],
      'yes',
      'no (a cluster only pulls with an image pull secret)',
    ],
    ['npm', ['write_package_registry'], 'yes', 'yes'],
    ['yarn', ['read_package_registry'], 'yes', 'no (needs write_package_registry)'],
    [
      'maven',
      ['read_registry'],
      'no (needs read_package_registry or write_package_registry)',
      'no (needs write_package_registry)',
    ],
    [
      'go',
      ['read_repository'],
      'yes',
      expect.stringMatching(/^no \(a deploy token has no write_repository scope/),
    ],
  ] as const)('%s with %j', (client, scopes, pull, push) => {
    expect(abilities(client, scopes)).toEqual({ pull, push });
  });
});

describe('golden files of the new clients', () => {
  test.each([
    [['netrc'], 'netrc', 'netrc'],
    [['kubernetes'], 'kubernetes/image-pull-secret.yaml', 'image-pull-secret.yaml'],
    [['containers'], 'containers/auth.json', 'containers-auth.json'],
  ] as const)('%j %s', (clients, path, name) => {
    expectGolden(name, file([...clients], path, { ...ctx, options: { kubernetes: { namespace: 'apps' } } }));
  });

  test('NuGet v2 feed and its own source name', () => {
    expectGolden(
      'NuGet.v2.Config',
      file(['nuget'], 'NuGet.Config', { ...ctx, options: { nuget: { feed: 'v2', source: 'gitlab.v2' } } }),
    );
  });

  test('the settings of yarn, poetry, uv, composer, go and twine', () => {
    const s = settings(['yarn', 'poetry', 'uv', 'composer', 'go', 'twine'], {
      ...ctx,
      options: {
        poetry: { source: 'my-source' },
        uv: { index: 'GitLab.Index' },
        twine: { repository: 'gl' },
      },
    });
    const plain = Object.fromEntries(
      Object.values(s).map((v) => [v.name, v.secret ? `(secret) ${v.value}` : v.value]),
    );
    expectGolden('settings.json', `${JSON.stringify(plain, null, 2)}\n`);
  });
});

describe('read back by the clients own parsers', () => {
  test("Python's netrc module reads the machine, login and password", () => {
    writeFileSync(
      join(root, 'netrc'),
      file(['netrc'], 'netrc', { ...ctx, gitlabUrl: 'https://gitlab.example.com:8443/gitlab' }),
    );
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import sys, netrc, json; print(json.dumps(netrc.netrc(sys.argv[1]).authenticators("gitlab.example.com")))',
        join(root, 'netrc'),
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([ctx.username, null, ctx.password].map((x) => x ?? ''));
  });

  test.each(['with space', '#comment', 'quote"d', "it's", 'back\\slash', 'line\nbreak'])(
    'a token netrc cannot carry (%j) is refused, never written',
    (password) => {
      expect(() => layoutCredentials(['netrc'], [], { ...ctx, password }, '/d')).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringContaining('netrc') }),
      );
    },
  );

  test.each([ctx.password, HOSTILE])(
    'kubectl makes the same pull secret for the same values (%#)',
    (password) => {
      const ours = file(['kubernetes'], 'kubernetes/image-pull-secret.yaml', { ...ctx, password });
      const kubectl = execFileSync(
        needBinary('kubectl', 'kubectl (Debian package kubernetes-client)'),
        [
          'create',
          'secret',
          'docker-registry',
          'gitlab-registry',
          '--docker-server=registry.example.com',
          `--docker-username=${ctx.username}`,
          `--docker-password=${password}`,
          '--dry-run=client',
          '-o',
          'yaml',
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: root } },
      );
      expect(ours).toBe(kubectl.replace('  creationTimestamp: null\n', ''));
      const data = (parse(ours) as { data: Record<string, string> }).data['.dockerconfigjson']!;
      expect(JSON.parse(Buffer.from(data, 'base64').toString('utf8'))).toEqual({
        auths: {
          'registry.example.com': {
            username: ctx.username,
            password,
            auth: Buffer.from(`${ctx.username}:${password}`).toString('base64'),
          },
        },
      });
    },
  );
});

describe('the user own settings and files are kept', () => {
  test("containers: the user's auth files are merged under ours, in containers/image order", () => {
    const auth = (host: string, a: string) => JSON.stringify({ auths: { [host]: { auth: a } } });
    const text = layoutCredentials(['containers'], [], ctx, '/d', {
      userContainersAuth: [
        auth('quay.io', 'Zmlyc3Q='),
        JSON.stringify({
          auths: {
            'quay.io': { auth: 'c2Vjb25k' },
            'ghcr.io': { auth: 'Z2g=' },
            'registry.example.com': { auth: 'b2xk' },
          },
        }),
      ],
    }).files[0]!.content;
    expect(JSON.parse(text).auths).toEqual({
      'quay.io': { auth: 'Zmlyc3Q=' },
      'ghcr.io': { auth: 'Z2g=' },
      'registry.example.com': { auth: Buffer.from(`${ctx.username}:${ctx.password}`).toString('base64') },
    });
  });

  test('go: GOPRIVATE and GONOSUMDB keep the user entries after ours; a relative root is part of the module path', () => {
    const s = settings(
      ['go'],
      { ...ctx, gitlabUrl: 'https://example.com:8443/gitlab/' },
      {
        userSettings: { GOPRIVATE: 'corp.example/*,example.com/gitlab', GONOSUMDB: '' },
      },
    );
    expect(s.GOPRIVATE!.value).toBe('example.com/gitlab,corp.example/*');
    expect(s.GONOSUMDB!.value).toBe('example.com/gitlab');
  });

  test('composer: the user COMPOSER_AUTH stays, ours is added for the GitLab host; an unreadable one is dropped', () => {
    const user = JSON.stringify({
      'github-oauth': { 'github.com': 'x' },
      'http-basic': { 'repo.example': { username: 'u', password: 'p' } },
    });
    const s = settings(['composer'], ctx, { userSettings: { COMPOSER_AUTH: user } });
    expect(JSON.parse(s.COMPOSER_AUTH!.value)).toEqual({
      'github-oauth': { 'github.com': 'x' },
      'http-basic': {
        'repo.example': { username: 'u', password: 'p' },
        'gitlab.example.com': { username: ctx.username, password: ctx.password },
      },
    });
    expect(
      JSON.parse(
        settings(['composer'], ctx, { userSettings: { COMPOSER_AUTH: '{not json' } }).COMPOSER_AUTH!.value,
      ),
    ).toEqual({
      'http-basic': { 'gitlab.example.com': { username: ctx.username, password: ctx.password } },
    });
  });
});

describe('options and values the clients cannot take are refused (exit 2), naming the spec key', () => {
  test.each([
    [{ kubernetes: { name: 'Not_A_Name' } }, 'client_options.kubernetes.name'],
    [{ kubernetes: { namespace: 'a.b' } }, 'client_options.kubernetes.namespace'],
    [{ nuget: { source: '1bad name' } }, 'client_options.nuget.source'],
    [{ poetry: { source: 'has_underscore' } }, 'client_options.poetry.source'],
    [{ twine: { repository: 'a]b' } }, 'client_options.twine.repository'],
    [{ nuget: { feed: 'v4' } }, 'client_options.nuget.feed'],
  ] as const)('%j', (options, key) => {
    const client = Object.keys(options)[0] as ClientName;
    expect(() =>
      layoutCredentials([client], [], { ...ctx, options: options as CredentialContext['options'] }, '/d'),
    ).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(key) }));
  });

  test('poetry: a token holding {…} would be expanded by poetry, so it is refused', () => {
    expect(() => layoutCredentials(['poetry'], [], { ...ctx, password: 'gldt-{cache-dir}x' }, '/d')).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('poetry') }),
    );
  });

  test('kubernetes and containers need the registry host', () => {
    for (const c of ['kubernetes', 'containers'] as const)
      expect(() => layoutCredentials([c], [], { ...ctx, registry: undefined }, '/d')).toThrow(
        /needs the registry host/,
      );
  });

  test('the option patterns are the schema patterns', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/deploy-token.schema.json', import.meta.url), 'utf8'),
    );
    const props = schema.$defs.job.properties.client_options.properties;
    for (const [key, [re]] of Object.entries(OPTION_RULES)) {
      const [client, name] = key.split('.') as [string, string];
      expect(props[client].properties[name].pattern).toBe(re.source);
    }
    expect(props.nuget.properties.feed.enum).toEqual(['v3', 'v2']);
  });
});
