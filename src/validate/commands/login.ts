/** Registry logins and the password they are given on the command line (`-p X`, `--password=X`). */
import { commandParts, type Command, type Word } from '../shell.js';
import { operands, refRegex, type CredentialNames } from './words.js';

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
