/**
 * What shell commands do with the deploy token, read from their words: which variables hold it,
 * which registry or endpoint a command talks to, and which scope that needs (GitLab's rules for deploy tokens:
 * lib/gitlab/auth.rb, app/policies/packages/policies/project_policy.rb). Pure functions over parsed commands; the rules turn them into findings.
 */
import type { ClientName, Scope } from '../spec/types.js';
import { commandParts, parseScript, type Command, type Word } from './shell.js';

/** Names of the variables that hold the token (password) and its username in one job. */
export interface CredentialNames {
  password: ReadonlySet<string>;
  user: ReadonlySet<string>;
}

const regexCache = new Map<string, RegExp>();

/** `$NAME`, `${NAME…}`, `$env:NAME` (PowerShell) or `%NAME%` (cmd) for any of the names. */
export function refRegex(names: Iterable<string>): RegExp {
  const list = [...names].sort();
  const key = list.join(',');
  let re = regexCache.get(key);
  if (!re) {
    const alt = list.map((n) => n.replace(/[^A-Za-z0-9_]/g, '')).join('|') || '(?!)';
    re = new RegExp(`\\$\\{?(?:${alt})(?![A-Za-z0-9_])|\\$env:(?:${alt})(?![A-Za-z0-9_])|%(?:${alt})%`, 'i');
    regexCache.set(key, re);
  }
  return re;
}

export function refersTo(text: string, names: Iterable<string>): boolean {
  return refRegex(names).test(text);
}

const scriptCache = new Map<string, Command[]>();

/** Parsed commands of a script, cached by text (templates shared through extends parse once). */
export function commandsOf(script: string): Command[] {
  let cmds = scriptCache.get(script);
  if (!cmds) {
    cmds = parseScript(script);
    if (scriptCache.size > 20000) scriptCache.clear();
    scriptCache.set(script, cmds);
  }
  return cmds;
}

/** Words that are not options (do not start with `-`). */
function operands(args: Word[]): Word[] {
  return args.filter((a) => !a.text.startsWith('-'));
}

/** The first operand: a subcommand such as `push` in `docker push`. git's `-C dir` / `-c k=v` are skipped. */
export function subcommand(name: string, args: Word[]): { sub: string; index: number } {
  for (let i = 0; i < args.length; i++) {
    const t = args[i]?.text ?? '';
    if (name === 'git' && (t === '-C' || t === '-c' || t === '--git-dir' || t === '--work-tree')) {
      i++;
      continue;
    }
    if (t.startsWith('-')) continue;
    return { sub: t, index: i };
  }
  return { sub: '', index: -1 };
}

// --- registries

const OTHER_REGISTRIES = [
  /^(index\.)?docker\.io$/,
  /^registry-1\.docker\.io$/,
  /^ghcr\.io$/,
  /^quay\.io$/,
  /(^|\.)gcr\.io$/,
  /\.pkg\.dev$/,
  /\.amazonaws\.com$/,
  /^public\.ecr\.aws$/,
  /\.azurecr\.io$/,
  /^mcr\.microsoft\.com$/,
];

export type RegistryKind = 'gitlab' | 'dependency-proxy' | 'other' | 'unknown';

/** Whether an image reference points at GitLab's container registry, the dependency proxy or elsewhere. */
export function registryOf(ref: string): RegistryKind {
  const r = ref.replace(/^(docker|oci):\/\//, '');
  if (/\$\{?CI_DEPENDENCY_PROXY_/.test(r)) return 'dependency-proxy';
  if (/\$\{?CI_REGISTRY/.test(r)) return 'gitlab';
  const first = r.split('/')[0] ?? '';
  const hasHost = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasHost) return r.startsWith('$') ? 'unknown' : 'other';
  const host = first.replace(/:\d+$/, '').toLowerCase();
  if (host.startsWith('$')) return 'unknown';
  if (OTHER_REGISTRIES.some((re) => re.test(host))) return 'other';
  if (/^registry\.|gitlab/.test(host)) return 'gitlab';
  return 'unknown';
}

// --- scope needs

export interface Need {
  /** e.g. "docker push" */
  label: string;
  /** every scope listed is needed */
  all: Scope[];
  word: Word;
}

const REGISTRY_CLIENTS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'crane', 'oras', 'regctl']);

function imageNeeds(name: string, sub: string, args: Word[], out: Need[]): void {
  const ops = operands(args);
  const pushLike = sub === 'push' || (sub === 'manifest' && ops[1]?.text === 'push');
  if (sub === 'pull' || sub === 'push' || pushLike) {
    for (const w of ops.slice(sub === 'manifest' ? 2 : 1)) {
      const kind = registryOf(w.text);
      if (kind === 'dependency-proxy')
        out.push({ label: `${name} ${sub}`, all: ['read_registry', 'write_registry'], word: w });
      else if (pushLike && kind !== 'other')
        out.push({ label: `${name} push`, all: ['write_registry'], word: w });
      else if (!pushLike && kind === 'gitlab')
        out.push({ label: `${name} pull`, all: ['read_registry'], word: w });
    }
  }
  // docker buildx build --push / docker build --push -t IMAGE
  if (
    (sub === 'build' || sub === 'buildx') &&
    args.some((a) => a.text === '--push' || /^--output=.*push=true/.test(a.text))
  ) {
    const tag = args.find((a, i) => i > 0 && (args[i - 1]?.text === '-t' || args[i - 1]?.text === '--tag'));
    const w = tag ?? args.find((a) => a.text === '--push') ?? args[0];
    if (w && (!tag || registryOf(tag.text) !== 'other'))
      out.push({ label: `${name} build --push`, all: ['write_registry'], word: w });
  }
}

function urlWord(args: Word[]): Word | undefined {
  return args.find((a) => /^(https?:\/\/|\$\{?CI_API_V4_URL|\$\{?CI_SERVER_URL|\{\{\s*api_url)/.test(a.text));
}

/** Is this a GitLab repository URL (or one the job's git is configured for)? */
function gitlabRepoUrl(text: string): boolean {
  return /\$\{?CI_(REPOSITORY_URL|SERVER_|PROJECT_)|gitlab/i.test(text);
}

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

const needsCache = new WeakMap<Command, Map<string, Need[]>>();

function findNeeds(cmd: Command, configured: ReadonlySet<ClientName>): Need[] {
  const { name, nameWord, args } = commandParts(cmd);
  if (!nameWord) return [];
  const out: Need[] = [];
  const { sub, index } = subcommand(name, args);
  const subWord = args[index] ?? nameWord;
  const rest = index >= 0 ? args.slice(index + 1) : [];
  if (REGISTRY_CLIENTS.has(name)) {
    if (name === 'crane' && (sub === 'copy' || sub === 'cp')) {
      const [src, dst] = operands(rest);
      if (src && registryOf(src.text) === 'gitlab')
        out.push({ label: 'crane copy', all: ['read_registry'], word: src });
      if (dst && registryOf(dst.text) !== 'other')
        out.push({ label: 'crane copy', all: ['write_registry'], word: dst });
    } else imageNeeds(name, sub, args.slice(Math.max(index, 0)), out);
  } else if (name === 'skopeo' && sub === 'copy') {
    const [src, dst] = operands(rest);
    if (src && registryOf(src.text) === 'gitlab')
      out.push({ label: 'skopeo copy', all: ['read_registry'], word: src });
    if (dst && registryOf(dst.text) !== 'other')
      out.push({ label: 'skopeo copy', all: ['write_registry'], word: dst });
  } else if (name === 'executor' || name === 'kaniko') {
    // Kaniko: /kaniko/executor --destination IMAGE pushes.
    const dest = args.find((a, i) => a.text.startsWith('--destination') || args[i - 1]?.text === '-d');
    if (dest) out.push({ label: 'kaniko --destination', all: ['write_registry'], word: dest });
  } else if (name === 'helm') {
    const oci = rest.find((a) => a.text.startsWith('oci://'));
    if (oci && registryOf(oci.text) !== 'other') {
      if (sub === 'push') out.push({ label: 'helm push', all: ['write_registry'], word: oci });
      else if (
        ['pull', 'install', 'upgrade', 'template', 'show'].includes(sub) &&
        registryOf(oci.text) === 'gitlab'
      )
        out.push({ label: `helm ${sub}`, all: ['read_registry'], word: oci });
    }
  } else if (name === 'git') {
    const url = rest.find((a) => /^(https?:\/\/|\$)/.test(a.text));
    const fetchLike = ['clone', 'fetch', 'pull', 'ls-remote', 'submodule'].includes(sub);
    const lfs = sub === 'lfs' && ['pull', 'fetch', 'checkout'].includes(operands(rest)[0]?.text ?? '');
    if ((fetchLike || lfs) && (configured.has('git') || (url !== undefined && gitlabRepoUrl(url.text))))
      out.push({ label: `git ${sub}`, all: ['read_repository'], word: url ?? subWord });
  } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    if (sub === 'publish')
      out.push({ label: `${name} publish`, all: ['write_package_registry'], word: subWord });
    else if (
      (configured.has('npm') || configured.has(name as ClientName)) &&
      (['install', 'i', 'ci', 'add', 'update', 'upgrade'].includes(sub) || (name === 'yarn' && sub === ''))
    )
      out.push({ label: `${name} ${sub || 'install'}`, all: ['read_package_registry'], word: subWord });
  } else if (name === 'twine' && sub === 'upload') {
    out.push({ label: 'twine upload', all: ['write_package_registry'], word: subWord });
  } else if (['poetry', 'uv', 'flit', 'hatch', 'pdm'].includes(name) && sub === 'publish') {
    out.push({ label: `${name} publish`, all: ['write_package_registry'], word: subWord });
  } else if (
    (name === 'pip' || name === 'pip3' || name === 'poetry' || name === 'uv' || name === 'pipenv') &&
    (configured.has('pypi') || configured.has(name as ClientName))
  ) {
    if (['install', 'download', 'wheel', 'sync', 'add', 'lock'].includes(sub))
      out.push({ label: `${name} ${sub}`, all: ['read_package_registry'], word: subWord });
  } else if (/^(mvn|mvnw|gradle|gradlew)$/.test(name)) {
    const publish = args.find((a) => /^(deploy(:deploy)?|publish\w*)$/.test(a.text));
    if (publish)
      out.push({ label: `${name} ${publish.text}`, all: ['write_package_registry'], word: publish });
    else if (configured.has('maven') && sub !== '')
      out.push({ label: `${name} ${sub}`, all: ['read_package_registry'], word: subWord });
  } else if (name === 'nuget' || name === 'dotnet') {
    const nugetSub = name === 'dotnet' && sub === 'nuget' ? (operands(rest)[0]?.text ?? '') : sub;
    if (nugetSub === 'push')
      out.push({
        label: `${name} ${name === 'dotnet' ? 'nuget ' : ''}push`,
        all: ['write_package_registry'],
        word: subWord,
      });
    else if (configured.has('nuget') && ['install', 'restore', 'build'].includes(nugetSub))
      out.push({ label: `${name} ${nugetSub}`, all: ['read_package_registry'], word: subWord });
  } else if (name === 'curl' || name === 'wget') {
    const url = urlWord(args);
    if (url && /\/packages\//.test(url.text)) {
      const upload = args.some((a, i) => {
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
      out.push({
        label: upload ? `${name} upload to the package registry` : `${name} from the package registry`,
        all: [upload ? 'write_package_registry' : 'read_package_registry'],
        word: url,
      });
    }
  }
  return out;
}

// --- token handling in commands

/** The password argument of a registry login (`-p X`, `--password X`, `--password=X`, `-pX`), if any. */
type LoginPassword = { flag: Word; value: Word; valueText: string; tool: string };
const loginCache = new WeakMap<Command, LoginPassword | null>();

export function loginPasswordArg(cmd: Command): LoginPassword | undefined {
  let hit = loginCache.get(cmd);
  if (hit === undefined) {
    hit = findLoginPassword(cmd) ?? null;
    loginCache.set(cmd, hit);
  }
  return hit ?? undefined;
}

function findLoginPassword(cmd: Command): LoginPassword | undefined {
  const { name, args } = commandParts(cmd);
  if (!/^(docker|podman|buildah|nerdctl|skopeo|oras|regctl|helm|crane)$/.test(name)) return undefined;
  const ops = operands(args).map((w) => w.text);
  const isLogin =
    (['docker', 'podman', 'buildah', 'nerdctl', 'skopeo', 'oras', 'regctl'].includes(name) &&
      ops[0] === 'login') ||
    (name === 'helm' && ops[0] === 'registry' && ops[1] === 'login') ||
    (name === 'crane' && ops[0] === 'auth' && ops[1] === 'login') ||
    (name === 'regctl' && ops[0] === 'registry' && ops[1] === 'login');
  if (!isLogin) return undefined;
  const tool = `${name} ${name === 'helm' ? 'registry login' : name === 'crane' ? 'auth login' : 'login'}`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a) continue;
    if (a.text === '-p' || a.text === '--password') {
      const v = args[i + 1];
      if (v) return { flag: a, value: v, valueText: v.text, tool };
    } else if (/^--password=./.test(a.text)) {
      return { flag: a, value: a, valueText: a.text.slice('--password='.length), tool };
    } else if (/^-p./.test(a.text) && !a.text.startsWith('--')) {
      return { flag: a, value: a, valueText: a.text.slice(2), tool };
    }
  }
  return undefined;
}

/** A registry login given the deploy token on the command line (it has a --password-stdin form). */
export function loginPasswordFlag(
  cmd: Command,
  names: CredentialNames,
): { flag: Word; value: Word; tool: string } | undefined {
  const hit = loginPasswordArg(cmd);
  return hit && refRegex(names.password).test(hit.valueText) ? hit : undefined;
}

/** A word holding a URL whose user-info carries the token, e.g. https://user:$CI_DEPLOY_PASSWORD@host/… */
export function tokenInUrl(word: Word, names: CredentialNames): boolean {
  const m = /\b[a-z][a-z0-9+.-]*:\/\/([^/\s@]*)@/i.exec(word.text);
  return m !== null && refRegex(names.password).test(m[1] ?? '');
}

/** SSH remotes: git@host:path, ssh://…, git+ssh://… */
export function sshRemote(word: Word): boolean {
  return /^(ssh:\/\/|git\+ssh:\/\/|[A-Za-z0-9._$-]+@[A-Za-z0-9.${}_-]+:(?!\/\/)\S)/.test(word.text);
}

/** Commands that print their input to the log. */
const PRINTERS = new Set([
  'base64',
  'xxd',
  'od',
  'hexdump',
  'rev',
  'tr',
  'sed',
  'awk',
  'cut',
  'tee',
  'cat',
  'head',
  'tail',
  'sort',
  'grep',
  'jq',
  'fold',
]);

function stdoutToFile(cmd: Command): boolean {
  return cmd.redirects.some(
    (r) => /^(1?>|1?>>|&>|&>>|>\|)$/.test(r.op) && r.target !== undefined && !r.target.text.startsWith('&'),
  );
}

/** Does this command's output end up in the job log (not piped into a consumer, not redirected to a file)? */
export function printsToLog(cmds: Command[], index: number): boolean {
  let i = index;
  let cmd = cmds[i];
  while (cmd) {
    if (stdoutToFile(cmd)) return false;
    if (!cmd.pipesTo) return true;
    const next = cmds[i + 1];
    if (!next) return true;
    if (!PRINTERS.has(commandParts(next).name)) return false;
    i++;
    cmd = next;
  }
  return true;
}

export type LogLeak = { kind: 'echo' | 'dump' | 'trace'; word: Word; message: string };

/** echo/printf of the token, printenv/env/export -p dumps, set -x traces. */
export function logLeak(cmds: Command[], index: number, names: CredentialNames): LogLeak | undefined {
  const cmd = cmds[index];
  if (!cmd) return undefined;
  const { name, nameWord, args } = commandParts(cmd);
  const first = cmd.words[0];
  // bare `env` (commandParts treats env as a wrapper and finds no command after it)
  if (!nameWord && first?.text === 'env' && cmd.words.length === 1 && printsToLog(cmds, index)) {
    return {
      kind: 'dump',
      word: first,
      message: 'env prints every variable, including the deploy token; expected only the names you need',
    };
  }
  if (!nameWord) return undefined;
  const pw = refRegex(names.password);
  if (
    (name === 'echo' ||
      name === 'printf' ||
      name === 'print' ||
      name === 'Write-Output' ||
      name === 'Write-Host') &&
    printsToLog(cmds, index)
  ) {
    const w = args.find((a) => pw.test(a.text));
    if (w)
      return {
        kind: 'echo',
        word: w,
        message: `${name} prints the deploy token to the job log; expected it only on a pipe into --password-stdin or a file that is not an artifact`,
      };
  }
  if (name === 'cat' && cmd.heredocs.some((h) => !h.quoted && pw.test(h.text)) && printsToLog(cmds, index)) {
    return {
      kind: 'echo',
      word: nameWord,
      message:
        'cat prints a here-document holding the deploy token to the job log; expected it redirected to a private file',
    };
  }
  if (name === 'printenv' && printsToLog(cmds, index)) {
    const named = args.find((a) => names.password.has(a.text));
    if (args.length === 0 || named) {
      return {
        kind: 'dump',
        word: named ?? nameWord,
        message:
          'printenv prints the deploy token to the job log; expected only the names you need, never CI_DEPLOY_PASSWORD',
      };
    }
  }
  if (
    (name === 'export' || name === 'declare' || name === 'typeset') &&
    (args.length === 0 || args.every((a) => /^-[px]+$/.test(a.text))) &&
    printsToLog(cmds, index)
  ) {
    return {
      kind: 'dump',
      word: nameWord,
      message:
        `${name} ${args.map((a) => a.text).join(' ')}`.trim() +
        ' prints every variable, including the deploy token; expected only the names you need',
    };
  }
  if (name === 'set') {
    const x = args.find((a) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(a.text) || a.text === 'xtrace');
    if (x && (x.text !== 'xtrace' || args.some((a) => a.text === '-o'))) {
      return {
        kind: 'trace',
        word: x,
        message:
          'set -x prints every command with the deploy token expanded; expected no tracing in a job that uses it',
      };
    }
    if (args.length === 0 && printsToLog(cmds, index)) {
      return {
        kind: 'dump',
        word: nameWord,
        message: 'set prints every variable, including the deploy token; expected only the names you need',
      };
    }
  }
  return undefined;
}

/** An HTTP call to the GitLab API (not a package endpoint) authenticated with the deploy token. */
export function publicApiCall(cmd: Command, names: CredentialNames): Word | undefined {
  const { name, args } = commandParts(cmd);
  if (!['curl', 'wget', 'http', 'https', 'xh'].includes(name)) return undefined;
  const url = args.find((a) => /\/api\/v4(\/|\b)|\$\{?CI_API_V4_URL\b|\{\{\s*api_url\s*\}\}/.test(a.text));
  if (!url || /\/packages\//.test(url.text)) return undefined;
  const creds = refRegex([...names.password, ...names.user]);
  const usesToken = args.some((a) => creds.test(a.text) || /deploy-token\s*:/i.test(a.text));
  return usesToken ? url : undefined;
}

/** `git push` (deploy tokens have no scope that can write a repository). */
export function gitPush(cmd: Command): Word | undefined {
  const { name, args } = commandParts(cmd);
  if (name !== 'git') return undefined;
  const { sub, index } = subcommand(name, args);
  return sub === 'push' ? args[index] : undefined;
}

/** Does the command run the deploy-token CLI (resolve/exec), and with which --job / --spec? */
export function deployTokenCall(
  cmd: Command,
): { sub: string; job?: string; spec?: string; word: Word } | undefined {
  const { name, nameWord, args } = commandParts(cmd);
  let w = nameWord;
  let a = args;
  if ((name === 'npx' || name === 'node') && args[0] && /deploy-token|dist\/cli\.js/.test(args[0].text)) {
    w = args[0];
    a = args.slice(1);
  } else if (name !== 'deploy-token') return undefined;
  if (!w) return undefined;
  const out: { sub: string; job?: string; spec?: string; word: Word } = {
    sub: operands(a)[0]?.text ?? '',
    word: w,
  };
  for (let i = 0; i < a.length; i++) {
    const t = a[i]?.text ?? '';
    if (t === '--job') out.job = a[i + 1]?.text;
    else if (t.startsWith('--job=')) out.job = t.slice(6);
    else if (t === '--spec') out.spec = a[i + 1]?.text;
    else if (t.startsWith('--spec=')) out.spec = t.slice(7);
    if (t === '--') break;
  }
  return out;
}
