/**
 * The clients deploy-token configures, defined once: each client's files (with their template and the
 * variable that points the client at them), its plain and secret settings, the scopes GitLab wants to
 * pull and to push with it, and whether it reaches the dependency proxy. The spec schema's enum, the
 * action's `configure` input, `--configure`, `plan` and validate's scope coverage all read this list
 * (test/spec/schema.test.ts holds the schema to it).
 *
 * Scopes are GitLab's rules for a deploy token: the container registry grants `pull` with read_registry
 * and `push` with write_registry (app/services/auth/container_registry_authentication_service.rb,
 * deploy_token_can_pull?/deploy_token_can_push?), and the registry wants both actions for an upload;
 * packages are read with read_package_registry or write_package_registry and published with
 * write_package_registry (app/policies/packages/policies/project_policy.rb); git reads with
 * read_repository, and no deploy token can push to a repository (it has no write_repository scope).
 */
import type { Scope } from '../spec/types.js';
import dockerTpl from '../../templates/clients/docker-config.json.njk';
import gitTpl from '../../templates/clients/gitconfig.njk';
import k8sTpl from '../../templates/clients/kubernetes-pull-secret.yaml.njk';
import netrcTpl from '../../templates/clients/netrc.njk';
import npmTpl from '../../templates/clients/npmrc.njk';
import nugetTpl from '../../templates/clients/NuGet.Config.njk';
import pipTpl from '../../templates/clients/pip.conf.njk';
import pypircTpl from '../../templates/clients/pypirc.njk';
import mavenTpl from '../../templates/clients/settings.xml.njk';
import type { ClientName } from './client-names.js';
import type { ClientValues } from './values.js';

/** Scopes one action needs: every one of `all`, and at least one of `any`. */
export interface ScopeNeed {
  all?: Scope[];
  any?: Scope[];
}

export interface ClientFile {
  /** Relative to the private directory. */
  path: string;
  template: string;
  /** The variable that points the client at it. */
  env?: string;
  /** `dir`: the variable holds the file's directory (DOCKER_CONFIG), not the file. */
  pointsAt?: 'file' | 'dir';
  /** The user's file of the same kind is merged under ours (see user-config.ts). */
  merge?: 'docker' | 'containers';
}

/** A setting for the client's environment: a plain value, or one that carries the token (masked). */
export interface ClientSetting {
  name: string;
  value: string;
  secret?: boolean;
}

export interface ClientDef {
  /** One line for help texts and docs: who reads it, and how. */
  summary: string;
  files: ClientFile[];
  /** Settings for the client's environment (`dir` is the private directory). */
  settings?: (v: ClientValues, dir: string) => ClientSetting[];
  /** Scopes to pull (read) with it; what `configure:` alone asks of the token. */
  pull: ScopeNeed;
  /** Scopes to push with it, or why a deploy token cannot push with this client. */
  push: ScopeNeed | { never: string };
  /** Its files carry the dependency proxy host too (`dependency_proxy: true`). */
  dependencyProxy?: boolean;
  /** It cannot work without the registry host (CI_REGISTRY). */
  needsRegistry?: boolean;
}

// Files more than one client reads are one definition, written once.
const GITCONFIG: ClientFile = { path: 'gitconfig', template: gitTpl, env: 'GIT_CONFIG_GLOBAL' };
const NETRC: ClientFile = { path: 'netrc', template: netrcTpl, env: 'NETRC' };
const NPMRC: ClientFile = { path: 'npmrc', template: npmTpl, env: 'NPM_CONFIG_USERCONFIG' };
const PYPIRC: ClientFile = { path: 'pypirc', template: pypircTpl, env: 'PYPIRC' };

const REGISTRY_PULL: ScopeNeed = { all: ['read_registry'] };
const REGISTRY_PUSH: ScopeNeed = { all: ['read_registry', 'write_registry'] };
const PACKAGE_PULL: ScopeNeed = { any: ['read_package_registry', 'write_package_registry'] };
const PACKAGE_PUSH: ScopeNeed = { all: ['write_package_registry'] };
const NO_GIT_PUSH =
  'a deploy token has no write_repository scope: git push needs a deploy key or another token';

/** `[a-z0-9]` and `_` only, upper case: how poetry and uv derive variable names from a source name. */
export const envKey = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The login as `<prefix>_USERNAME` and `<prefix>_PASSWORD` (masked), as poetry and uv read it. */
const loginSettings = (prefix: string, v: ClientValues): ClientSetting[] => [
  { name: `${prefix}_USERNAME`, value: v.username },
  { name: `${prefix}_PASSWORD`, value: v.password, secret: true },
];

export const CLIENTS: Readonly<Record<ClientName, ClientDef>> = {
  docker: {
    summary: 'docker: config.json with auths for the registry (and the dependency proxy), via DOCKER_CONFIG',
    files: [
      {
        path: 'docker/config.json',
        template: dockerTpl,
        env: 'DOCKER_CONFIG',
        pointsAt: 'dir',
        merge: 'docker',
      },
    ],
    pull: REGISTRY_PULL,
    push: REGISTRY_PUSH,
    dependencyProxy: true,
    needsRegistry: true,
  },
  // containers-auth.json(5): the same format; with REGISTRY_AUTH_FILE set it is the only file read.
  containers: {
    summary: 'podman, buildah, skopeo: auth.json via REGISTRY_AUTH_FILE',
    files: [
      { path: 'containers/auth.json', template: dockerTpl, env: 'REGISTRY_AUTH_FILE', merge: 'containers' },
    ],
    pull: REGISTRY_PULL,
    push: REGISTRY_PUSH,
    dependencyProxy: true,
    needsRegistry: true,
  },
  kubernetes: {
    summary: 'kubectl: an image pull secret manifest for `kubectl apply -f "$IMAGE_PULL_SECRET_FILE"`',
    files: [{ path: 'kubernetes/image-pull-secret.yaml', template: k8sTpl, env: 'IMAGE_PULL_SECRET_FILE' }],
    pull: REGISTRY_PULL,
    push: { never: 'a cluster only pulls with an image pull secret' },
    needsRegistry: true,
  },
  // GIT_CONFIG_GLOBAL (git >= 2.32) replaces ~/.gitconfig, which the file includes back.
  git: {
    summary: 'git over HTTPS: an Authorization header for the GitLab URL, via GIT_CONFIG_GLOBAL',
    files: [GITCONFIG],
    settings: () => [{ name: 'GIT_TERMINAL_PROMPT', value: '0' }],
    pull: { all: ['read_repository'] },
    push: { never: NO_GIT_PUSH },
  },
  // go get: the go-get=1 lookup sends netrc credentials (HTTPS only), git fetches with the gitconfig.
  // GitLab's Go proxy (lib/api/go_proxy.rb) does not take deploy tokens, so GOPROXY is left alone and
  // GOPRIVATE keeps the GitLab host's modules off the public proxy and checksum database.
  go: {
    summary: 'go get over git: netrc (NETRC) and gitconfig, GOPRIVATE/GONOSUMDB for the GitLab host',
    files: [NETRC, GITCONFIG],
    settings: (v) => [
      { name: 'GIT_TERMINAL_PROMPT', value: '0' },
      { name: 'GOPRIVATE', value: v.go_private },
      { name: 'GONOSUMDB', value: v.go_nosumdb },
    ],
    pull: { all: ['read_repository'] },
    push: { never: NO_GIT_PUSH },
  },
  netrc: {
    summary: 'curl --netrc-file "$NETRC", and other tools that read a netrc for the GitLab host',
    files: [NETRC],
    pull: { any: ['read_repository', 'read_package_registry', 'write_package_registry'] },
    push: PACKAGE_PUSH,
  },
  npm: {
    summary: 'npm: .npmrc with the registry and its _authToken, via NPM_CONFIG_USERCONFIG',
    files: [NPMRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // pnpm reads the user .npmrc that NPM_CONFIG_USERCONFIG names, as npm does (tested).
  pnpm: {
    summary: 'pnpm: the same .npmrc, via NPM_CONFIG_USERCONFIG',
    files: [NPMRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // Yarn Berry reads .yarnrc.yml only from the project's folders and the home folder, and cannot take
  // npmRegistries from the environment: its YARN_* settings are the one way in.
  yarn: {
    summary:
      'yarn (Berry): YARN_NPM_REGISTRY_SERVER, YARN_NPM_PUBLISH_REGISTRY and YARN_NPM_AUTH_TOKEN (masked)',
    files: [],
    settings: (v) => [
      { name: 'YARN_NPM_REGISTRY_SERVER', value: v.npm_registry },
      { name: 'YARN_NPM_PUBLISH_REGISTRY', value: v.npm_publish_registry },
      { name: 'YARN_NPM_AUTH_TOKEN', value: v.password, secret: true },
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // nuget and dotnet take it with -ConfigFile / --configfile; NUGET_CONFIG_FILE is only our name for it.
  nuget: {
    summary:
      'nuget, dotnet: NuGet.Config with the source and its credentials (-ConfigFile "$NUGET_CONFIG_FILE")',
    files: [{ path: 'NuGet.Config', template: nugetTpl, env: 'NUGET_CONFIG_FILE' }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // MAVEN_ARGS is read by Maven >= 3.9; older Maven needs `mvn -s "$MAVEN_SETTINGS"`.
  maven: {
    summary:
      'mvn: settings.xml with a Deploy-Token header (mvn -s "$MAVEN_SETTINGS"; MAVEN_ARGS on Maven 3.9+)',
    files: [{ path: 'settings.xml', template: mavenTpl, env: 'MAVEN_SETTINGS' }],
    settings: (_v, dir) => [{ name: 'MAVEN_ARGS', value: `-s ${dir}/settings.xml` }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // COMPOSER_AUTH holds auth.json's content (getcomposer.org, "Environment variables"); the user's own
  // value is merged under ours. A COMPOSER_HOME of ours would hide their global config and cache.
  composer: {
    summary: 'composer: COMPOSER_AUTH (masked) with http-basic for the GitLab host',
    files: [],
    settings: (v) => [{ name: 'COMPOSER_AUTH', value: v.composer_auth, secret: true }],
    pull: PACKAGE_PULL,
    push: {
      never: 'composer has no upload: GitLab publishes Composer packages from git tags through its API',
    },
  },
  // pip ranks PIP_CONFIG_FILE above the global, user and site files and then skips the user file
  // (pip._internal.configuration OVERRIDE_ORDER; its docs say otherwise); only PIP_* variables beat
  // it. twine takes the .pypirc with --config-file.
  pypi: {
    summary: 'pip: pip.conf (PIP_CONFIG_FILE); twine: .pypirc (--config-file "$PYPIRC")',
    files: [{ path: 'pip.conf', template: pipTpl, env: 'PIP_CONFIG_FILE' }, PYPIRC],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  twine: {
    summary: 'twine: .pypirc (twine upload --config-file "$PYPIRC"), TWINE_REPOSITORY names its section',
    files: [PYPIRC],
    settings: (v) => [{ name: 'TWINE_REPOSITORY', value: v.pypi_repository }],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // Poetry reads http-basic credentials of a named source from POETRY_HTTP_BASIC_<SOURCE>_* and a
  // repository to publish to from POETRY_REPOSITORIES_<NAME>_URL (poetry/config/config.py).
  poetry: {
    summary:
      'poetry: POETRY_HTTP_BASIC_<SOURCE>_USERNAME/_PASSWORD (masked) and POETRY_REPOSITORIES_<SOURCE>_URL',
    files: [],
    settings: (v) => [
      ...loginSettings(`POETRY_HTTP_BASIC_${envKey(v.poetry_source)}`, v),
      { name: `POETRY_REPOSITORIES_${envKey(v.poetry_source)}_URL`, value: v.pypi_upload },
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
  // uv: credentials of a named index (uv docs, "Index authentication") and of `uv publish`.
  uv: {
    summary: 'uv: UV_INDEX_<NAME>_USERNAME/_PASSWORD (masked) and UV_PUBLISH_URL/_USERNAME/_PASSWORD',
    files: [],
    settings: (v) => [
      ...loginSettings(`UV_INDEX_${envKey(v.uv_index)}`, v),
      { name: 'UV_PUBLISH_URL', value: v.pypi_upload },
      ...loginSettings('UV_PUBLISH', v),
    ],
    pull: PACKAGE_PULL,
    push: PACKAGE_PUSH,
  },
};

/** Whether the scopes meet a need, and if not, which are missing (or "one of"). */
export function unmet(need: ScopeNeed, scopes: readonly string[]): string | undefined {
  const missing = (need.all ?? []).filter((s) => !scopes.includes(s));
  if (missing.length > 0) return `needs ${missing.join(' and ')}`;
  if (need.any && !need.any.some((s) => scopes.includes(s))) return `needs ${need.any.join(' or ')}`;
  return undefined;
}

/** What a token with these scopes can do with a client, in words for `plan`. */
export function abilities(client: ClientName, scopes: readonly string[]): { pull: string; push: string } {
  const def = CLIENTS[client];
  const pullGap = unmet(def.pull, scopes);
  const pushGap = 'never' in def.push ? def.push.never : unmet(def.push, scopes);
  return { pull: pullGap ? `no (${pullGap})` : 'yes', push: pushGap ? `no (${pushGap})` : 'yes' };
}
