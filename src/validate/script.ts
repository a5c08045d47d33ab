/**
 * Commands as the rules see them: every line of a spec's `run` or a CI job's before_script, script
 * and after_script (nested lists from !reference flattened), parsed once, with a way back to the
 * exact source span of any word.
 */
import { commandsOf, type CredentialNames } from './commands/words.js';
import type { Finding } from './finding.js';
import type { Command, Word } from './shell.js';
import { spanInScalar } from '../yaml/locate.js';
import type { Span, Via, YNode, YScalar } from '../yaml/tree.js';

export interface ScriptItem {
  node: YScalar;
  via?: Via;
  text: string;
  /** Commands, with the command after `deploy-token exec … --` added as one of its own. */
  readonly cmds: Command[];
}

/** Everything a command rule needs about one job. */
export interface CommandScope {
  items: ScriptItem[];
  names: CredentialNames;
  /** The job uses the deploy token (always true for a spec job). */
  usesToken: boolean;
  report(f: Finding): void;
  /**
   * The lines the command rules read: those not already read in a job of the same context (a
   * template line shared by two thousand jobs through extends is read once; its finding would be
   * one anyway). Every line of a spec job.
   */
  fresh: ScriptItem[];
}

/**
 * For one run: the lines of a job not yet read in another job of the same context (what the
 * command rules depend on besides the line: the names that hold the token, whether the job uses it).
 */
export function freshLines(): (context: string, items: ScriptItem[]) => ScriptItem[] {
  const seenIn = new Map<string, Set<YScalar>>();
  return (context, items) => {
    let seen = seenIn.get(context);
    if (!seen) {
      seen = new Set();
      seenIn.set(context, seen);
    }
    const out: ScriptItem[] = [];
    for (const item of items) {
      if (seen.has(item.node)) continue;
      seen.add(item.node);
      out.push(item);
    }
    return out;
  };
}

/**
 * Commands by line text: the same line written in many jobs (or shared by a template) is parsed
 * once. Offsets in commands are offsets in the text, so any scalar with that text can use them.
 */
const commandCache = new Map<string, Command[]>();
const COMMAND_CACHE_SIZE = 20_000;

/** `deploy-token exec [opts] -- CMD ARGS`: CMD runs with the credentials, so it is checked as a command. */
function withExecInner(cmds: Command[]): Command[] {
  let out: Command[] | undefined;
  for (let i = 0; i < cmds.length; i++) {
    const c = cmds[i];
    if (!c) continue;
    const dd = c.words.findIndex((w) => w.text === '--');
    if (
      dd > 0 &&
      c.words.slice(0, dd).some((w) => /(^|\/)deploy-token$/.test(w.text)) &&
      c.words.slice(0, dd).some((w) => w.text === 'exec')
    ) {
      out ??= cmds.slice(0, i + 1);
      if (out[out.length - 1] !== c) out.push(c);
      const words = c.words.slice(dd + 1);
      if (words.length > 0) out.push({ ...c, words, start: words[0]?.start ?? c.start });
      continue;
    }
    if (out) out.push(c);
  }
  return out ?? cmds;
}

export function commandsOfScalar(node: YScalar): Command[] {
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  let cmds = commandCache.get(text);
  if (!cmds) {
    cmds = withExecInner(commandsOf(text));
    if (commandCache.size >= COMMAND_CACHE_SIZE) commandCache.clear();
    commandCache.set(text, cmds);
  }
  return cmds;
}

/** A line of a script; its commands are parsed on first use (most rules skip a line by its text). */
class Line implements ScriptItem {
  via?: Via;
  constructor(
    readonly node: YScalar,
    readonly text: string,
  ) {}

  get cmds(): Command[] {
    return commandsOfScalar(this.node);
  }
}

/** Flattens a script value (a string, a list, nested lists) into items. */
export function scriptItems(
  node: YNode | undefined,
  via?: Via,
  out: ScriptItem[] = [],
  depth = 0,
): ScriptItem[] {
  if (!node || depth > 20) return out;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string' && node.value.trim() !== '') {
      const item = new Line(node, node.value);
      if (via) item.via = via;
      out.push(item);
    }
  } else if (node.kind === 'seq') {
    node.items.forEach((it, i) => scriptItems(it, node.via[i] ?? via, out, depth + 1));
  }
  return out;
}

/** The source span of a word (or any offsets) of an item. */
export function wordSpan(item: ScriptItem, w: Pick<Word, 'start' | 'end'>): Span {
  return spanInScalar(item.node, w.start, w.end);
}
