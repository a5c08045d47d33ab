/**
 * Shell words as the rules read them: which variables hold the deploy token, references to them in
 * any shell's syntax, a script's commands parsed once, and a command's operands and subcommand.
 */
import { parseScript, type Command, type Word } from '../shell.js';

/** Names of the variables that hold the token (password) and its username in one job. */
export interface CredentialNames {
  password: ReadonlySet<string>;
  user: ReadonlySet<string>;
}

const regexCache = new Map<string, RegExp>();

/** `$NAME`, `${NAME…}`, `$env:NAME` (PowerShell) or `%NAME%` (cmd) for any of the names. */
export function refRegex(names: Iterable<string>): RegExp {
  // One name (the usual case: CI_DEPLOY_PASSWORD alone) needs no sorting.
  const list = [...names];
  if (list.length > 1) list.sort();
  const key = list.length === 1 ? (list[0] as string) : list.join(',');
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
export function operands(args: Word[]): Word[] {
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
