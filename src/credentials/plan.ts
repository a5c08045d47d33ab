/**
 * Which files each client needs, and their content: pure (nothing is read or written here). Content
 * comes from the templates in templates/clients/, rendered by nunjucks with strict undefined, the
 * allow-list of src/export/template-guard.ts, and format filters (escape.ts), so a value cannot break
 * out of its file format and a template sees nothing but the values given to it.
 */
import type nunjucks from 'nunjucks';
import { templating } from '../export/templating.js';
import { UsageError } from '../core/errors.js';
import { checkTemplate, freeNames, parseTemplate } from '../export/template-guard.js';
import dockerTpl from '../../templates/clients/docker-config.json.njk';
import gitTpl from '../../templates/clients/gitconfig.njk';
import npmTpl from '../../templates/clients/npmrc.njk';
import nugetTpl from '../../templates/clients/NuGet.Config.njk';
import pipTpl from '../../templates/clients/pip.conf.njk';
import pypircTpl from '../../templates/clients/pypirc.njk';
import mavenTpl from '../../templates/clients/settings.xml.njk';
import { FORMAT_FILTERS, UnsafeValueError } from './escape.js';
import type {
  ClientName,
  CredentialContext,
  CredentialPlan,
  PlannedFile,
  PlannedFileView,
  PlanVariable,
} from './types.js';

let engine: nunjucks.Environment | undefined;
function env(): nunjucks.Environment {
  if (!engine) {
    engine = new (templating().Environment)(null, { autoescape: false, throwOnUndefined: true });
    for (const [name, fn] of Object.entries(FORMAT_FILTERS)) engine.addFilter(name, fn);
    engine.addFilter('base64', (s: unknown) => Buffer.from(String(s), 'utf8').toString('base64'));
  }
  return engine;
}

/**
 * Every name a template reads must be one of the values given (own keys) or a loop variable: nunjucks
 * would otherwise answer `{{ constructor }}` from Object.prototype, or `{{ range }}` from its globals.
 */
function checkNames(source: string, values: Record<string, unknown>): void {
  for (const { name } of freeNames(parseTemplate(source))) {
    if (!Object.prototype.hasOwnProperty.call(values, name))
      throw new Error(`"${name}" is not a template value`);
  }
}

export function renderClientTemplate(
  name: string,
  template: string,
  values: Record<string, unknown>,
): string {
  try {
    checkTemplate(template);
    checkNames(template, values);
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
    /[\u0000-\u001f\u007f\\]/.test(p) ||
    p.length > 255
  ) {
    throw new UsageError(
      `file path "${p.slice(0, 80)}" must be a plain relative name inside the credentials directory`,
      'e.g. path: netrc (no "..", no leading "/")',
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
  if (!(mode & 0o400)) throw new UsageError(`file mode ${m} would not let you read it`, 'use 0600 or 0400');
  return mode;
}

const enc = (x: string | number) => encodeURIComponent(String(x));

/**
 * The values the built-in templates use. Endpoints from GitLab's package docs:
 * doc/user/packages/{npm_registry,maven_repository,nuget_repository,pypi_repository}: project-level
 * `${api}/projects/:id/packages/<type>`, group-level `${api}/groups/:id/-/packages/<type>` (read only;
 * publishing is project-level for every type).
 */
export function clientValues(ctx: CredentialContext): Record<string, unknown> {
  const u = new URL(ctx.gitlabUrl);
  const gitlabUrl = ctx.gitlabUrl.replace(/\/+$/, '');
  const api = (ctx.apiUrl ?? `${gitlabUrl}/api/v4`).replace(/\/+$/, '');
  const project = `${api}/projects/${enc(ctx.projectId)}`;
  const group =
    ctx.groupId !== undefined && ctx.groupId !== '' ? `${api}/groups/${enc(ctx.groupId)}/-` : undefined;
  const read = group ?? project;
  const noScheme = (url: string) => url.replace(/^https?:/, '');
  // npm keys a token by the registry URL without its scheme (npm-registry-fetch "nerf dart").
  const npmAuth = [...new Set([`${read}/packages/npm/`, `${project}/packages/npm/`])].map(
    (r) => `${noScheme(r)}:_authToken`,
  );
  for (const k of npmAuth) {
    // npm's ini reads a key up to the first "=": a URL that holds one cannot be a key.
    if (/[=\r\n]/.test(k)) throw new UsageError(`the GitLab URL cannot be an npm config key: ${k}`);
  }
  // pip takes basic auth from the index URL (pip docs "Authentication"), percent-decoding it.
  const pipUrl = new URL(`${read}/packages/pypi/simple`);
  const auth = `${enc(ctx.username)}:${enc(ctx.password)}@`;
  return {
    username: ctx.username,
    password: ctx.password,
    gitlab_url: gitlabUrl,
    gitlab_host: ctx.gitlabHost ?? u.host,
    api_url: api,
    project_id: ctx.projectId,
    project_path: ctx.projectPath,
    group_id: ctx.groupId ?? '',
    registry: ctx.registry ?? '',
    dependency_proxy: ctx.dependencyProxy ?? '',
    registries: [ctx.registry, ctx.dependencyProxy]
      .filter((x): x is string => !!x)
      .filter((x, i, a) => a.indexOf(x) === i),
    npm_registry: `${read}/packages/npm/`,
    npm_auth_keys: npmAuth,
    nuget_source: `${project}/packages/nuget/index.json`,
    maven_url: `${read}/packages/maven`,
    pypi_index: `${pipUrl.protocol}//${auth}${pipUrl.host}${pipUrl.pathname}`,
    pypi_upload: `${project}/packages/pypi`,
  };
}

/**
 * docker's config.json has no include: so that a login made before (docker/login-action, a runner's
 * DOCKER_AUTH_CONFIG) keeps working for other registries, the user's file is merged under ours. Our
 * hosts lose any credHelpers entry (it would win over `auths`), and `credsStore` is dropped: docker
 * would ask the store for every host, ours too (docker/cli config/configfile GetCredentialsStore).
 */
export function mergeDockerConfig(ours: string, user: string | undefined): string {
  if (user === undefined) return ours;
  let theirs: unknown;
  try {
    theirs = JSON.parse(user);
  } catch {
    return ours; // docker could not read it either
  }
  if (typeof theirs !== 'object' || theirs === null || Array.isArray(theirs)) return ours;
  const o = JSON.parse(ours) as { auths: Record<string, unknown> };
  const t = { ...(theirs as Record<string, unknown>) };
  delete t.credsStore;
  const obj = (x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  const helpers = Object.fromEntries(
    Object.entries(obj(t.credHelpers)).filter(([host]) => !(host in o.auths)),
  );
  const merged: Record<string, unknown> = { ...t, auths: { ...obj(t.auths), ...o.auths } };
  if (Object.keys(helpers).length > 0) merged.credHelpers = helpers;
  else delete merged.credHelpers;
  return `${JSON.stringify(merged, null, 2)}\n`;
}

interface ClientSpec {
  files: { path: string; template: string; env?: string }[];
  /** Extra settings; `{dir}` is the private directory. */
  variables?: Record<string, string>;
}

const CLIENTS: Record<ClientName, ClientSpec> = {
  // GIT_CONFIG_GLOBAL (git >= 2.32) replaces ~/.gitconfig, which the file includes back.
  git: {
    files: [{ path: 'gitconfig', template: gitTpl, env: 'GIT_CONFIG_GLOBAL' }],
    variables: { GIT_TERMINAL_PROMPT: '0' },
  },
  // docker reads $DOCKER_CONFIG/config.json; skopeo 1.9 (containers/image) does too (tested), and
  // REGISTRY_AUTH_FILE (containers-auth.json(5)) makes older podman/buildah/skopeo read the same file.
  docker: {
    files: [{ path: 'docker/config.json', template: dockerTpl, env: 'REGISTRY_AUTH_FILE' }],
    variables: { DOCKER_CONFIG: '{dir}/docker' },
  },
  npm: { files: [{ path: 'npmrc', template: npmTpl, env: 'NPM_CONFIG_USERCONFIG' }] },
  // nuget and dotnet take it with -ConfigFile / --configfile; NUGET_CONFIG_FILE is only our name for it.
  nuget: { files: [{ path: 'NuGet.Config', template: nugetTpl, env: 'NUGET_CONFIG_FILE' }] },
  // MAVEN_ARGS is read by Maven >= 3.9; older Maven needs `mvn -s "$MAVEN_SETTINGS"`.
  maven: {
    files: [{ path: 'settings.xml', template: mavenTpl, env: 'MAVEN_SETTINGS' }],
    variables: { MAVEN_ARGS: '-s {dir}/settings.xml' },
  },
  // pip ranks PIP_CONFIG_FILE above the global, user and site files and then skips the user file
  // (pip._internal.configuration OVERRIDE_ORDER; its docs say otherwise); only PIP_* variables beat
  // it. twine takes the .pypirc with --config-file.
  pypi: {
    files: [
      { path: 'pip.conf', template: pipTpl, env: 'PIP_CONFIG_FILE' },
      { path: 'pypirc', template: pypircTpl, env: 'PYPIRC' },
    ],
  },
};

export interface PlanExtras {
  /** The user's existing global git config, included first so their settings keep working. */
  userGitconfig?: string;
  /** The text of the user's existing docker config.json, merged under ours. */
  userDockerConfig?: string;
  /** Extra values user templates (`files:`) may use. */
  userValues?: Record<string, unknown>;
}

export function planCredentials(
  clients: readonly ClientName[],
  userFiles: readonly { path: string; template: string; mode?: string; env?: string }[],
  ctx: CredentialContext,
  dir: string,
  extra: PlanExtras = {},
): CredentialPlan {
  const values: Record<string, unknown> = {
    ...clientValues(ctx),
    user_gitconfig: extra.userGitconfig ?? '',
  };
  const files: PlannedFile[] = [];
  const variables: PlanVariable[] = [];
  const variable = (name: string, value: string) => {
    if (variables.some((v) => v.name === name))
      throw new UsageError(`variable ${name} is set twice`, 'give each file its own env');
    variables.push({ name, value, secret: false });
  };
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
      let content = renderClientTemplate(f.path, f.template, values);
      if (c === 'docker') content = mergeDockerConfig(content, extra.userDockerConfig);
      const file: PlannedFile = { client: c, path: f.path, mode: 0o600, content };
      if (f.env) {
        file.env = f.env;
        variable(f.env, `${dir}/${f.path}`);
      }
      files.push(file);
    }
    for (const [name, value] of Object.entries(spec.variables ?? {}))
      variable(name, value.replaceAll('{dir}', dir));
  }
  for (const u of userFiles) {
    const path = checkRelativePath(u.path);
    if (files.some((f) => f.path === path || f.path.startsWith(`${path}/`) || path.startsWith(`${f.path}/`)))
      throw new UsageError(`file ${path} is written twice`, 'give each file its own path');
    if (u.env !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.env))
      throw new UsageError(`"${u.env.slice(0, 40)}" is not a variable name`, 'e.g. env: NETRC');
    const file: PlannedFile = {
      client: 'user',
      path,
      mode: parseMode(u.mode),
      content: renderClientTemplate(path, u.template, { ...values, ...extra.userValues }),
    };
    if (u.env) {
      file.env = u.env;
      variable(u.env, `${dir}/${path}`);
    }
    files.push(file);
  }
  return { dir, files, variables };
}

/** What `plan` shows: paths, modes and variables, never content. */
export function planView(plan: CredentialPlan): PlannedFileView[] {
  return plan.files.map((f) => ({
    client: f.client,
    path: f.path,
    mode: `0${f.mode.toString(8)}`,
    env: f.env ?? null,
  }));
}
