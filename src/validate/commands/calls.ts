/** Commands that use the deploy token in a telling way: in a URL, over SSH, against the API, git push, deploy-token itself. */
import { commandParts, type Command, type Word } from '../shell.js';
import { operands, refRegex, subcommand, type CredentialNames } from './words.js';

/** A word holding a URL whose user-info carries the token, e.g. https://user:$CI_DEPLOY_PASSWORD@host/… */
export function tokenInUrl(word: Word, names: CredentialNames): boolean {
  const m = /\b[a-z][a-z0-9+.-]*:\/\/([^/\s@]*)@/i.exec(word.text);
  return m !== null && refRegex(names.password).test(m[1] ?? '');
}

/** SSH remotes: git@host:path, ssh://…, git+ssh://… */
export function sshRemote(word: Word): boolean {
  return /^(ssh:\/\/|git\+ssh:\/\/|[A-Za-z0-9._$-]+@[A-Za-z0-9.${}_-]+:(?!\/\/)\S)/.test(word.text);
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
