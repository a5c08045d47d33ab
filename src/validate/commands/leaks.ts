/** Commands that print the deploy token to the job log: echo and printf, dumps of every variable, traces. */
import { commandParts, type Command, type Word } from '../shell.js';
import { refRegex, type CredentialNames } from './words.js';

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

const ECHOES = new Set(['echo', 'printf', 'print', 'Write-Output', 'Write-Host']);

interface Parts {
  cmds: Command[];
  index: number;
  cmd: Command;
  name: string;
  nameWord: Word;
  args: Word[];
  names: CredentialNames;
}

/** echo/printf of the token, or `cat` of a here-document holding it. */
function echoLeak(p: Parts): LogLeak | undefined {
  const { name, args } = p;
  const pw = refRegex(p.names.password);
  if (ECHOES.has(name) && printsToLog(p.cmds, p.index)) {
    const w = args.find((a) => pw.test(a.text));
    if (w)
      return {
        kind: 'echo',
        word: w,
        message: `${name} prints the deploy token to the job log; expected it only on a pipe into --password-stdin or a file that is not an artifact`,
      };
  }
  if (
    name === 'cat' &&
    p.cmd.heredocs.some((h) => !h.quoted && pw.test(h.text)) &&
    printsToLog(p.cmds, p.index)
  ) {
    return {
      kind: 'echo',
      word: p.nameWord,
      message:
        'cat prints a here-document holding the deploy token to the job log; expected it redirected to a private file',
    };
  }
  return undefined;
}

/** printenv, export -p, declare, set: every variable (the token among them) to the log. */
function dumpLeak(p: Parts): LogLeak | undefined {
  const { name, args } = p;
  if (!printsToLog(p.cmds, p.index)) return undefined;
  if (name === 'printenv') {
    const named = args.find((a) => p.names.password.has(a.text));
    if (args.length > 0 && !named) return undefined;
    return {
      kind: 'dump',
      word: named ?? p.nameWord,
      message:
        'printenv prints the deploy token to the job log; expected only the names you need, never CI_DEPLOY_PASSWORD',
    };
  }
  if (
    (name === 'export' || name === 'declare' || name === 'typeset') &&
    (args.length === 0 || args.every((a) => /^-[px]+$/.test(a.text)))
  ) {
    return {
      kind: 'dump',
      word: p.nameWord,
      message:
        `${name} ${args.map((a) => a.text).join(' ')}`.trim() +
        ' prints every variable, including the deploy token; expected only the names you need',
    };
  }
  if (name === 'set' && args.length === 0)
    return {
      kind: 'dump',
      word: p.nameWord,
      message: 'set prints every variable, including the deploy token; expected only the names you need',
    };
  return undefined;
}

/** set -x / set -o xtrace: every command traced with the token expanded. */
function traceLeak(p: Parts): LogLeak | undefined {
  if (p.name !== 'set') return undefined;
  const x = p.args.find((a) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(a.text) || a.text === 'xtrace');
  if (!x || (x.text === 'xtrace' && !p.args.some((a) => a.text === '-o'))) return undefined;
  return {
    kind: 'trace',
    word: x,
    message:
      'set -x prints every command with the deploy token expanded; expected no tracing in a job that uses it',
  };
}

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
  const p: Parts = { cmds, index, cmd, name, nameWord, args, names };
  return echoLeak(p) ?? traceLeak(p) ?? dumpLeak(p);
}
