/**
 * Which deploy-token scopes a command needs when it talks to GitLab with the token, by command family
 * (doc/user/project/deploy_tokens/index.md, the scope table): images, git, packages, HTTP. Pushing an
 * image needs read_registry as well as write_registry: GitLab's registry authentication grants a push
 * only with both (app/services/auth/container_registry_authentication_service.rb;
 * doc/user/packages/container_registry/authenticate_with_container_registry.md), and so does the
 * dependency proxy for a group token.
 */
import type { ClientName, Scope } from '../../spec/types.js';
import type { Command, Word } from '../shell.js';
import { commandParts } from '../shell.js';
import { registryOf } from './registries.js';
import { operands, subcommand } from './words.js';

export interface Need {
  /** e.g. "docker push" */
  label: string;
  /** every scope listed is needed */
  all: Scope[];
  word: Word;
}

/** The scopes of an image push (and of the dependency proxy): both registry scopes. */
export const PUSH_SCOPES: readonly Scope[] = ['read_registry', 'write_registry'];
const push = (label: string, word: Word): Need => ({ label, all: [...PUSH_SCOPES], word });
const pull = (label: string, word: Word): Need => ({ label, all: ['read_registry'], word });

const REGISTRY_CLIENTS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'crane', 'oras', 'regctl']);

/** `docker pull|push IMAGE`, `docker manifest push`, `docker build --push -t IMAGE`. */
function imageNeeds(name: string, sub: string, args: Word[], out: Need[]): void {
  const ops = operands(args);
  const pushLike = sub === 'push' || (sub === 'manifest' && ops[1]?.text === 'push');
  if (sub === 'pull' || pushLike) {
    for (const w of ops.slice(sub === 'manifest' ? 2 : 1)) {
      const kind = registryOf(w.text);
      if (kind === 'dependency-proxy') out.push({ label: `${name} ${sub}`, all: [...PUSH_SCOPES], word: w });
      else if (pushLike && kind !== 'other') out.push(push(`${name} push`, w));
      else if (!pushLike && kind === 'gitlab') out.push(pull(`${name} pull`, w));
    }
  }
  // docker buildx build --push / docker build --push -t IMAGE
  if (
    (sub === 'build' || sub === 'buildx') &&
    args.some((a) => a.text === '--push' || /^--output=.*push=true/.test(a.text))
  ) {
    const tag = args.find((a, i) => i > 0 && (args[i - 1]?.text === '-t' || args[i - 1]?.text === '--tag'));
    const w = tag ?? args.find((a) => a.text === '--push') ?? args[0];
    if (w && (!tag || registryOf(tag.text) !== 'other')) out.push(push(`${name} build --push`, w));
  }
}

/** `crane copy` / `skopeo copy SRC DST`: a pull from GitLab, a push unless DST is elsewhere. */
function copyNeeds(label: string, rest: Word[], out: Need[]): void {
  const [src, dst] = operands(rest);
  if (src && registryOf(src.text) === 'gitlab') out.push(pull(label, src));
  if (dst && registryOf(dst.text) !== 'other') out.push(push(label, dst));
}

/** Image clients: docker and its kin, crane, skopeo, kaniko, helm's OCI registry. */
function imageClientNeeds(
  name: string,
  sub: { sub: string; index: number },
  args: Word[],
  out: Need[],
): boolean {
  const rest = sub.index >= 0 ? args.slice(sub.index + 1) : [];
  if (REGISTRY_CLIENTS.has(name)) {
    if (name === 'crane' && (sub.sub === 'copy' || sub.sub === 'cp')) copyNeeds('crane copy', rest, out);
    else imageNeeds(name, sub.sub, args.slice(Math.max(sub.index, 0)), out);
  } else if (name === 'skopeo') {
    if (sub.sub === 'copy') copyNeeds('skopeo copy', rest, out);
  } else if (name === 'executor' || name === 'kaniko') {
    // Kaniko: /kaniko/executor --destination IMAGE pushes.
    const dest = args.find((a, i) => a.text.startsWith('--destination') || args[i - 1]?.text === '-d');
    if (dest) out.push(push('kaniko --destination', dest));
  } else if (name === 'helm') {
    const oci = rest.find((a) => a.text.startsWith('oci://'));
    if (oci && registryOf(oci.text) !== 'other') {
      if (sub.sub === 'push') out.push(push('helm push', oci));
      else if (
        ['pull', 'install', 'upgrade', 'template', 'show'].includes(sub.sub) &&
        registryOf(oci.text) === 'gitlab'
      )
        out.push(pull(`helm ${sub.sub}`, oci));
    }
  } else return false;
  return true;
}

/** Is this a GitLab repository URL (or one the job's git is configured for)? */
function gitlabRepoUrl(text: string): boolean {
  return /\$\{?CI_(REPOSITORY_URL|SERVER_|PROJECT_)|gitlab/i.test(text);
}

function gitNeeds(sub: string, rest: Word[], subWord: Word, configured: ReadonlySet<ClientName>): Need[] {
  const url = rest.find((a) => /^(https?:\/\/|\$)/.test(a.text));
  const fetchLike = ['clone', 'fetch', 'pull', 'ls-remote', 'submodule'].includes(sub);
  const lfs = sub === 'lfs' && ['pull', 'fetch', 'checkout'].includes(operands(rest)[0]?.text ?? '');
  if ((fetchLike || lfs) && (configured.has('git') || (url !== undefined && gitlabRepoUrl(url.text))))
    return [{ label: `git ${sub}`, all: ['read_repository'], word: url ?? subWord }];
  return [];
}

const readPackages = (label: string, word: Word): Need => ({ label, all: ['read_package_registry'], word });
const writePackages = (label: string, word: Word): Need => ({ label, all: ['write_package_registry'], word });

/** Package managers: publishing always counts; installing when the client is configured for GitLab. */
function packageNeeds(
  name: string,
  sub: string,
  args: Word[],
  rest: Word[],
  subWord: Word,
  configured: ReadonlySet<ClientName>,
): Need[] {
  if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    if (sub === 'publish') return [writePackages(`${name} publish`, subWord)];
    const install = ['install', 'i', 'ci', 'add', 'update', 'upgrade'].includes(sub);
    if (
      (configured.has('npm') || configured.has(name as ClientName)) &&
      (install || (name === 'yarn' && sub === ''))
    )
      return [readPackages(`${name} ${sub || 'install'}`, subWord)];
    return [];
  }
  if (name === 'twine' && sub === 'upload') return [writePackages('twine upload', subWord)];
  if (['poetry', 'uv', 'flit', 'hatch', 'pdm'].includes(name) && sub === 'publish')
    return [writePackages(`${name} publish`, subWord)];
  if (['pip', 'pip3', 'poetry', 'uv', 'pipenv'].includes(name)) {
    const install = ['install', 'download', 'wheel', 'sync', 'add', 'lock'].includes(sub);
    const client = configured.has('pypi') || configured.has(name as ClientName);
    return client && install ? [readPackages(`${name} ${sub}`, subWord)] : [];
  }
  if (/^(mvn|mvnw|gradle|gradlew)$/.test(name)) {
    const publish = args.find((a) => /^(deploy(:deploy)?|publish\w*)$/.test(a.text));
    if (publish) return [writePackages(`${name} ${publish.text}`, publish)];
    return configured.has('maven') && sub !== '' ? [readPackages(`${name} ${sub}`, subWord)] : [];
  }
  if (name === 'nuget' || name === 'dotnet') {
    const nugetSub = name === 'dotnet' && sub === 'nuget' ? (operands(rest)[0]?.text ?? '') : sub;
    if (nugetSub === 'push')
      return [writePackages(`${name} ${name === 'dotnet' ? 'nuget ' : ''}push`, subWord)];
    if (configured.has('nuget') && ['install', 'restore', 'build'].includes(nugetSub))
      return [readPackages(`${name} ${nugetSub}`, subWord)];
  }
  return [];
}

function urlWord(args: Word[]): Word | undefined {
  return args.find((a) => /^(https?:\/\/|\$\{?CI_API_V4_URL|\$\{?CI_SERVER_URL|\{\{\s*api_url)/.test(a.text));
}

function uploads(args: Word[]): boolean {
  return args.some((a, i) => {
    const t = a.text;
    const prev = args[i - 1]?.text ?? '';
    return (
      t === '-T' ||
      t === '--upload-file' ||
      t.startsWith('--upload-file=') ||
      t === '-F' ||
      t === '--form' ||
      t.startsWith('--data') ||
      t.startsWith('--post-') ||
      t === '--method=PUT' ||
      ((prev === '-X' || prev === '--request') && /^(PUT|POST)$/i.test(t)) ||
      /^-X(PUT|POST)$/i.test(t)
    );
  });
}

/** curl/wget against a package endpoint: an upload writes, anything else reads. */
function httpNeeds(name: string, args: Word[]): Need[] {
  const url = urlWord(args);
  if (!url || !/\/packages\//.test(url.text)) return [];
  return uploads(args)
    ? [writePackages(`${name} upload to the package registry`, url)]
    : [readPackages(`${name} from the package registry`, url)];
}

function findNeeds(cmd: Command, configured: ReadonlySet<ClientName>): Need[] {
  const { name, nameWord, args } = commandParts(cmd);
  if (!nameWord) return [];
  const found = subcommand(name, args);
  const { sub, index } = found;
  const subWord = args[index] ?? nameWord;
  const rest = index >= 0 ? args.slice(index + 1) : [];
  const out: Need[] = [];
  if (imageClientNeeds(name, found, args, out)) return out;
  if (name === 'git') return gitNeeds(sub, rest, subWord, configured);
  if (name === 'curl' || name === 'wget') return httpNeeds(name, args);
  return packageNeeds(name, sub, args, rest, subWord, configured);
}

const needsCache = new WeakMap<Command, Map<string, Need[]>>();

/**
 * Scopes one command needs, when it uses GitLab with the deploy token. Pulls count when they name a
 * GitLab image or the client is configured for GitLab; pushes count unless they clearly go elsewhere.
 */
export function commandNeeds(cmd: Command, configured: ReadonlySet<ClientName>): Need[] {
  // Identical lines share their parsed commands (commandsOf), so the answer is cached per command.
  const key = [...configured].sort().join(',');
  let byClients = needsCache.get(cmd);
  if (!byClients) {
    byClients = new Map();
    needsCache.set(cmd, byClients);
  }
  let needs = byClients.get(key);
  if (!needs) {
    needs = findNeeds(cmd, configured);
    byClients.set(key, needs);
  }
  return needs;
}
