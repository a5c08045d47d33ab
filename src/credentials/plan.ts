/**
 * Which files each client needs, and their content: pure (nothing is written here). Content comes
 * from the templates in templates/clients/, rendered by the guarded nunjucks of src/export/render.ts
 * with format filters, so a value cannot break out of its file format.
 */
import nunjucks from 'nunjucks';
import { UsageError } from '../core/errors.js';
import { checkTemplate } from '../export/template-guard.js';
import dockerTpl from '../../templates/clients/docker-config.json.njk';
import gitTpl from '../../templates/clients/gitconfig.njk';
import npmTpl from '../../templates/clients/npmrc.njk';
import nugetTpl from '../../templates/clients/NuGet.Config.njk';
import pipTpl from '../../templates/clients/pip.conf.njk';
import pypircTpl from '../../templates/clients/pypirc.njk';
import mavenTpl from '../../templates/clients/settings.xml.njk';
import { FORMAT_FILTERS, UnsafeValueError } from './escape.js';
import type { ClientName, CredentialContext, CredentialPlan, PlannedFile } from './types.js';

let engine: nunjucks.Environment | undefined;
function env(): nunjucks.Environment {
  if (!engine) {
    engine = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true, trimBlocks: false });
    for (const [name, fn] of Object.entries(FORMAT_FILTERS)) engine.addFilter(name, fn);
    engine.addFilter('base64', (s: unknown) => Buffer.from(String(s), 'utf8').toString('base64'));
  }
  return engine;
}

export function renderClientTemplate(
  name: string,
  template: string,
  values: Record<string, unknown>,
): string {
  try {
    checkTemplate(template);
    return env().renderString(template, values);
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    if (e instanceof UnsafeValueError || cause instanceof UnsafeValueError) {
      throw new UsageError(
        `cannot write ${name}: ${(e as Error).message.split('\n').pop()?.trim()}`,
        'this value cannot be carried by that file format; use exec with environment variables instead',
      );
    }
    const msg = ((e as { message?: string }).message ?? 'render error')
      .split('\n')
      .filter(Boolean)
      .pop()
      ?.trim();
    throw new UsageError(`template ${name} failed: ${msg}`, 'use only the documented template values');
  }
}

/** A plain relative file name inside the private directory: no `..`, no absolute path. */
export function checkRelativePath(p: string): string {
  const parts = p.split('/');
  if (
    p === '' ||
    p.startsWith('/') ||
    parts.some((x) => x === '..' || x === '.' || x === '') ||
    /[\u0000-\u001f]/.test(p)
  ) {
    throw new UsageError(
      `file path "${p.slice(0, 80)}" must be a plain relative name inside the credentials directory`,
      'e.g. path: netrc',
    );
  }
  return p;
}

function parseMode(m: string | undefined): number {
  if (m === undefined) return 0o600;
  if (!/^0?[0-7]{3}$/.test(m))
    throw new UsageError(`file mode "${m}" is not an octal mode`, 'e.g. mode: "0600"');
  const mode = parseInt(m, 8);
  if (mode & 0o077)
    throw new UsageError(`file mode ${m} would let others read a credential`, 'use 0600 or 0400');
  return mode;
}

export function clientValues(ctx: CredentialContext): Record<string, unknown> {
  const u = new URL(ctx.gitlabUrl);
  const api = `${ctx.gitlabUrl}/api/v4`;
  const project = encodeURIComponent(String(ctx.projectId));
  const npm = `${api}/projects/${project}/packages/npm/`;
  const auth = `${encodeURIComponent(ctx.username)}:${encodeURIComponent(ctx.password)}@`;
  return {
    username: ctx.username,
    password: ctx.password,
    gitlab_url: ctx.gitlabUrl,
    gitlab_host: u.host,
    api_url: api,
    project_id: ctx.projectId,
    project_path: ctx.projectPath,
    registries: [ctx.registry, ctx.dependencyProxy]
      .filter((x): x is string => !!x)
      .filter((x, i, a) => a.indexOf(x) === i),
    npm_registry: npm,
    npm_registry_noscheme: npm.replace(/^https?:/, ''),
    nuget_source: `${api}/projects/${project}/packages/nuget/index.json`,
    maven_url: `${api}/projects/${project}/packages/maven`,
    pypi_index: `${u.protocol}//${auth}${u.host}${u.pathname.replace(/\/$/, '')}/api/v4/projects/${project}/packages/pypi/simple`,
    pypi_upload: `${api}/projects/${project}/packages/pypi`,
  };
}

interface ClientSpec {
  files: { path: string; template: string; env?: string }[];
  /** Extra settings, relative to the directory with {dir}. */
  variables?: Record<string, string>;
}

const CLIENTS: Record<ClientName, ClientSpec> = {
  git: {
    files: [{ path: 'gitconfig', template: gitTpl, env: 'GIT_CONFIG_GLOBAL' }],
    variables: { GIT_TERMINAL_PROMPT: '0' },
  },
  // skopeo, podman and buildah read REGISTRY_AUTH_FILE; docker reads $DOCKER_CONFIG/config.json.
  docker: {
    files: [{ path: 'docker/config.json', template: dockerTpl, env: 'REGISTRY_AUTH_FILE' }],
    variables: { DOCKER_CONFIG: '{dir}/docker' },
  },
  npm: { files: [{ path: 'npmrc', template: npmTpl, env: 'NPM_CONFIG_USERCONFIG' }] },
  nuget: { files: [{ path: 'NuGet.Config', template: nugetTpl, env: 'NUGET_CONFIG_FILE' }] },
  maven: {
    files: [{ path: 'settings.xml', template: mavenTpl, env: 'MAVEN_SETTINGS' }],
    variables: { MAVEN_ARGS: '-s {dir}/settings.xml' },
  },
  pypi: {
    files: [
      { path: 'pip.conf', template: pipTpl, env: 'PIP_CONFIG_FILE' },
      { path: 'pypirc', template: pypircTpl, env: 'PYPIRC' },
    ],
  },
};

export function planCredentials(
  clients: readonly ClientName[],
  userFiles: readonly { path: string; template: string; mode?: string; env?: string }[],
  ctx: CredentialContext,
  dir: string,
  extra: { userGitconfig?: string; userValues?: Record<string, unknown> } = {},
): CredentialPlan {
  const base = clientValues(ctx);
  const values: Record<string, unknown> = { ...base, user_gitconfig: extra.userGitconfig ?? '' };
  const files: PlannedFile[] = [];
  const variables: { name: string; value: string }[] = [];
  for (const c of [...new Set(clients)]) {
    const spec = CLIENTS[c];
    if (!spec)
      throw new UsageError(`unknown client "${String(c)}"`, `use one of: ${Object.keys(CLIENTS).join(', ')}`);
    if (c === 'docker' && (values.registries as string[]).length === 0) {
      throw new UsageError(
        'configure docker needs the registry host',
        'set CI_REGISTRY, or enable the container registry of the project',
      );
    }
    for (const f of spec.files) {
      const file: PlannedFile = {
        client: c,
        path: f.path,
        mode: 0o600,
        content: renderClientTemplate(f.path, f.template, values),
      };
      if (f.env) {
        file.env = f.env;
        variables.push({ name: f.env, value: `${dir}/${f.path}` });
      }
      files.push(file);
    }
    for (const [name, value] of Object.entries(spec.variables ?? {}))
      variables.push({ name, value: value.replaceAll('{dir}', dir) });
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (files.some((f) => f.path === path))
      throw new UsageError(`file ${path} is written twice`, 'give each file its own path');
    const file: PlannedFile = {
      client: 'user',
      path,
      mode: parseMode(u.mode),
      content: renderClientTemplate(path, u.template, { ...values, ...extra.userValues }),
    };
    if (u.env) {
      file.env = u.env;
      variables.push({ name: u.env, value: `${dir}/${path}` });
    }
    files.push(file);
  }
  return { files, variables };
}

/** What `plan` shows: paths, modes and variables, never content. */
export function planView(
  plan: CredentialPlan,
): { client: string; path: string; mode: string; env: string | null }[] {
  return plan.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null,
  }));
}
