/**
 * The values the client templates and settings use, derived from the credential context: endpoints
 * from GitLab's package docs (doc/user/packages/{npm_registry,maven_repository,nuget_repository,
 * pypi_repository}: project-level `${api}/projects/:id/packages/<type>`, group-level
 * `${api}/groups/:id/-/packages/<type>`, read only; publishing is project-level for every type), and
 * the client options of the job spec (`client_options:`), checked here. Pure.
 */
import { UsageError } from '../core/errors.js';
import type { ClientOptions, CredentialContext } from './types.js';

const enc = (x: string | number) => encodeURIComponent(String(x));

/** What the user already had in variables our settings replace: kept after ours. */
export interface UserSettings {
  GOPRIVATE?: string;
  GONOSUMDB?: string;
  COMPOSER_AUTH?: string;
}

/** The client options' patterns: schemas/deploy-token.schema.json has the same (test/credentials/clients.test.ts). */
export const OPTION_RULES: Record<string, [RegExp, string]> = {
  'kubernetes.name': [
    /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'a DNS-1123 subdomain such as gitlab-registry',
  ],
  'kubernetes.namespace': [/^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS-1123 label such as apps'],
  'nuget.source': [/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, _, . and -, e.g. GitLab'],
  'poetry.source': [
    /^[a-z][a-z-]{0,99}$/,
    'lower-case letters and -, e.g. gitlab (poetry reads POETRY_REPOSITORIES_<NAME>_URL for [A-Z_] only)',
  ],
  'uv.index': [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, _, . and -, e.g. gitlab'],
  'twine.repository': [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, _, . and -, e.g. gitlab'],
};

/** An option's value, or its default; refused (exit 2) when it does not fit where it is written. */
function option(options: ClientOptions | undefined, key: string, fallback: string): string {
  const [client, name] = key.split('.') as [keyof ClientOptions, string];
  const raw = (options?.[client] as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return fallback;
  const [re, expected] = OPTION_RULES[key] ?? [/^$/, 'no value'];
  if (typeof raw !== 'string' || !re.test(raw)) {
    throw new UsageError(
      `client_options.${key} "${String(raw).slice(0, 60)}" is not usable`,
      `expected ${expected}`,
    );
  }
  return raw;
}

/** `first` then the user's own comma list, without repeating it. */
function prependList(first: string, user: string | undefined): string {
  const rest = (user ?? '').split(',').filter((x) => x !== '' && x !== first);
  return [first, ...rest].join(',');
}

/** Go's encoding/json escapes <, > and & (and U+2028/9): kubectl's bytes, so the secret equals its. */
function goJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** COMPOSER_AUTH: the user's value (if it is a JSON object), with http-basic for our host on top. */
function composerAuth(host: string, username: string, password: string, user: string | undefined): string {
  let theirs: Record<string, unknown> = {};
  try {
    const parsed: unknown = user ? JSON.parse(user) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      theirs = parsed as Record<string, unknown>;
  } catch {
    /* composer could not read it either */
  }
  const basic = theirs['http-basic'];
  const basicObj =
    typeof basic === 'object' && basic !== null && !Array.isArray(basic)
      ? (basic as Record<string, unknown>)
      : {};
  return JSON.stringify({ ...theirs, 'http-basic': { ...basicObj, [host]: { username, password } } });
}

export function clientValues(ctx: CredentialContext, user: UserSettings = {}) {
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
  const gitlabHost = ctx.gitlabHost ?? u.host;
  const o = ctx.options;
  const nugetFeed = o?.nuget?.feed ?? 'v3';
  if (nugetFeed !== 'v3' && nugetFeed !== 'v2')
    throw new UsageError(
      `client_options.nuget.feed "${String(nugetFeed).slice(0, 20)}" is not v2 or v3`,
      'use v3 (index.json, NuGet 3+) or v2 (NuGet 2, Chocolatey 1)',
    );
  // Go module paths have no port: the GitLab host name and its relative root, if any.
  const goPrefix = `${u.hostname}${u.pathname.replace(/\/+$/, '')}`;
  const registry = ctx.registry ?? '';
  return {
    username: ctx.username,
    password: ctx.password,
    gitlab_url: gitlabUrl,
    gitlab_host: gitlabHost,
    gitlab_hostname: u.hostname,
    api_url: api,
    project_id: ctx.projectId,
    project_path: ctx.projectPath,
    group_id: ctx.groupId ?? '',
    registry,
    dependency_proxy: ctx.dependencyProxy ?? '',
    registries: [ctx.registry, ctx.dependencyProxy]
      .filter((x): x is string => !!x)
      .filter((x, i, a) => a.indexOf(x) === i),
    npm_registry: `${read}/packages/npm/`,
    npm_publish_registry: `${project}/packages/npm/`,
    npm_auth_keys: npmAuth,
    nuget_source_name: option(o, 'nuget.source', 'GitLab'),
    nuget_source: `${project}/packages/nuget/${nugetFeed === 'v2' ? 'v2' : 'index.json'}`,
    maven_url: `${read}/packages/maven`,
    pypi_index: `${pipUrl.protocol}//${auth}${pipUrl.host}${pipUrl.pathname}`,
    pypi_upload: `${project}/packages/pypi`,
    pypi_repository: option(o, 'twine.repository', 'gitlab'),
    poetry_source: option(o, 'poetry.source', 'gitlab'),
    uv_index: option(o, 'uv.index', 'gitlab'),
    k8s_name: option(o, 'kubernetes.name', 'gitlab-registry'),
    k8s_namespace: option(o, 'kubernetes.namespace', ''),
    // kubectl's DockerConfigJSON: username, password, auth, in that order (k8s.io/kubectl secret_for_docker_registry.go).
    k8s_dockerconfigjson: registry
      ? b64(
          goJson({
            auths: {
              [registry]: {
                username: ctx.username,
                password: ctx.password,
                auth: b64(`${ctx.username}:${ctx.password}`),
              },
            },
          }),
        )
      : '',
    go_private: prependList(goPrefix, user.GOPRIVATE),
    go_nosumdb: prependList(goPrefix, user.GONOSUMDB),
    composer_auth: composerAuth(gitlabHost, ctx.username, ctx.password, user.COMPOSER_AUTH),
  };
}

export type ClientValues = ReturnType<typeof clientValues>;
