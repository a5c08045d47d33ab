/**
 * A small POSIX-shell reader for CI scripts and spec `run` commands: enough to see commands, their
 * words, pipes, redirections and here-documents, with offsets into the script so findings point at
 * the exact word. It never executes or expands anything; what it cannot read it keeps as text.
 */

export interface Word {
  /** Source text, quotes included. */
  raw: string;
  /** Quotes removed; `$VAR`, `$(…)` and backticks kept as written. */
  text: string;
  start: number;
  end: number;
}

export interface Redirect {
  op: string;
  target?: Word;
  start: number;
}

export interface HereDoc {
  text: string;
  start: number;
  end: number;
  /** `<<'EOF'`: no expansion in the body. */
  quoted: boolean;
}

export interface Command {
  words: Word[];
  redirects: Redirect[];
  heredocs: HereDoc[];
  start: number;
  end: number;
  /** This command's stdout goes into the next command (`|`). */
  pipesTo: boolean;
  /** This command reads the previous command's stdout. */
  pipedFrom: boolean;
}

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'for',
  'case',
  'esac',
  '!',
  '{',
  '}',
  'time',
]);
const WRAPPERS = new Set(['sudo', 'exec', 'command', 'nohup', 'eval', 'xargs', 'timeout']);

/** Index of the word naming the command (after keywords, `VAR=value` prefixes and sudo/exec/env). */
export function commandIndex(cmd: Command): number {
  let i = 0;
  const w = cmd.words;
  while (i < w.length) {
    const t = w[i]?.text ?? '';
    if (KEYWORDS.has(t) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
      i++;
      continue;
    }
    if (WRAPPERS.has(t)) {
      i++;
      // timeout 10 cmd, sudo -E cmd
      while (i < w.length && /^(-|\d)/.test(w[i]?.text ?? '')) i++;
      continue;
    }
    if (t === 'env') {
      i++;
      while (i < w.length && /^(-|[A-Za-z_][A-Za-z0-9_]*=)/.test(w[i]?.text ?? '')) i++;
      continue;
    }
    break;
  }
  return i;
}

export interface CommandParts {
  name: string;
  nameWord?: Word;
  args: Word[];
}

const partsCache = new WeakMap<Command, CommandParts>();

/** The command's name (basename, e.g. `/usr/bin/docker` → `docker`) and its arguments (cached: every rule asks). */
export function commandParts(cmd: Command): CommandParts {
  let parts = partsCache.get(cmd);
  if (!parts) {
    const i = commandIndex(cmd);
    const nameWord = cmd.words[i];
    parts = nameWord
      ? { name: nameWord.text.replace(/^.*\//, ''), nameWord, args: cmd.words.slice(i + 1) }
      : { name: '', args: [] };
    partsCache.set(cmd, parts);
  }
  return parts;
}

interface PendingHeredoc {
  delim: string;
  strip: boolean;
  quoted: boolean;
  cmd: Command;
}

/** One pass over a script: words, operators, redirections and here-documents into commands. */
class ScriptParser {
  readonly cmds: Command[] = [];
  private i = 0;
  private cur: Command = newCommand(0);
  private heredocs: PendingHeredoc[] = [];
  private redirect: Redirect | undefined;

  constructor(private readonly s: string) {}

  parse(): Command[] {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i] ?? '';
      if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '\n') this.newline();
      else if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '#') while (this.i < s.length && s[this.i] !== '\n') this.i++;
      else if (!this.operator(c) && !this.redirection()) this.word();
    }
    this.finish(s.length, false);
    if (this.heredocs.length > 0) this.readHeredocs(s.length);
    return this.cmds;
  }

  private newline(): void {
    this.finish(this.i, false);
    this.i++;
    if (this.heredocs.length > 0) {
      this.i = this.readHeredocs(this.i);
      this.cur = newCommand(this.i);
    }
  }

  /** `;` `(` `)` `&&` `||` `|` `|&` `&` and `&>`/`&>>`; false when `c` starts none of them. */
  private operator(c: string): boolean {
    const s = this.s;
    if (c === ';' || c === '(' || c === ')') {
      if (c === ';' && s[this.i + 1] === ';') this.i++;
      this.finish(this.i, false);
      this.i++;
      return true;
    }
    if (c !== '&' && c !== '|') return false;
    const two = s.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||') {
      this.finish(this.i, false);
      this.i += 2;
    } else if (c === '&' && s[this.i + 1] === '>') {
      // &> file, &>> file
      const op = s[this.i + 2] === '>' ? '&>>' : '&>';
      this.redirect = { op, start: this.i };
      this.cur.redirects.push(this.redirect);
      this.i += op.length;
    } else {
      this.finish(this.i, c === '|');
      this.i += c === '|' && s[this.i + 1] === '&' ? 2 : 1;
    }
    return true;
  }

  /** Redirections: [n]> [n]>> [n]< <<< << <<- >& >|; false when there is none here. */
  private redirection(): boolean {
    const s = this.s;
    const redir = /^(\d*)(<<<|<<-|<<|>>|>&|<&|>\||<>|>|<)/.exec(s.slice(this.i, this.i + 6));
    if (!redir || (redir[1] !== '' && this.i !== 0 && !/[\s;|&(]/.test(s[this.i - 1] ?? ' '))) return false;
    const op = redir[2] ?? '>';
    this.i += redir[0].length;
    if (op === '<<' || op === '<<-') {
      while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
      const w = readWord(s, this.i);
      this.i = w.end;
      const quoted = /['"\\]/.test(w.raw);
      this.heredocs.push({ delim: w.text.replace(/\\/g, ''), strip: op === '<<-', quoted, cmd: this.cur });
      this.cur.redirects.push({ op, start: w.start, target: w });
      return true;
    }
    this.redirect = { op: redir[1] + op, start: this.i - redir[0].length };
    this.cur.redirects.push(this.redirect);
    return true;
  }

  private word(): void {
    const w = readWord(this.s, this.i);
    this.i = w.end > this.i ? w.end : this.i + 1;
    const r = this.redirect;
    this.redirect = undefined;
    if (r && !r.target) r.target = w;
    else this.cur.words.push(w);
  }

  private finish(end: number, pipes: boolean): void {
    const cur = this.cur;
    cur.start = Math.min(cur.words[0]?.start ?? end, cur.redirects[0]?.start ?? end);
    const lastWord = cur.words[cur.words.length - 1];
    const lastRedirect = cur.redirects[cur.redirects.length - 1];
    cur.end = Math.max(
      lastWord?.end ?? cur.start,
      lastRedirect?.target?.end ?? lastRedirect?.start ?? cur.start,
    );
    cur.pipesTo = pipes;
    const any = cur.words.length > 0 || cur.redirects.length > 0;
    if (any) this.cmds.push(cur);
    this.cur = newCommand(end);
    this.cur.pipedFrom = pipes && any;
  }

  /** Here-document bodies start on the line after the operator, in order. */
  private readHeredocs(from: number): number {
    const s = this.s;
    let p = from;
    for (const h of this.heredocs) {
      const bodyStart = p;
      let body = '';
      let end = s.length;
      while (p < s.length) {
        const nl = s.indexOf('\n', p);
        const eol = nl < 0 ? s.length : nl;
        const line = s.slice(p, eol);
        if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delim) {
          end = p;
          p = Math.min(s.length, eol + 1);
          break;
        }
        body += `${line}\n`;
        p = eol + 1;
      }
      if (end === s.length) p = s.length;
      h.cmd.heredocs.push({ text: body, start: bodyStart, end, quoted: h.quoted });
    }
    this.heredocs = [];
    return p;
  }
}

/** Splits a script into simple commands. Never throws; unbalanced quotes run to the end. */
export function parseScript(script: string): Command[] {
  return new ScriptParser(script).parse();
}

function newCommand(start: number): Command {
  return { words: [], redirects: [], heredocs: [], start, end: start, pipesTo: false, pipedFrom: false };
}

const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '|', '&', ')', '(']);

/** A double-quoted string from `i` (its opening quote): its text and where it ends. */
function readDoubleQuoted(s: string, i: number): { text: string; end: number } {
  const n = s.length;
  let text = '';
  i++;
  while (i < n && s[i] !== '"') {
    if (s[i] === '\\' && i + 1 < n) {
      const nx = s[i + 1] ?? '';
      text += '$`"\\\n'.includes(nx) ? (nx === '\n' ? '' : nx) : `\\${nx}`;
      i += 2;
    } else if (s[i] === '$' && s[i + 1] === '(') {
      const end = matchParen(s, i + 1);
      text += s.slice(i, end);
      i = end;
    } else {
      text += s[i];
      i++;
    }
  }
  return { text, end: i + 1 };
}

/** A piece kept as written up to `close` (`${…}`, backticks), or to the end of the script. */
function upTo(s: string, close: string, from: number): number {
  const end = s.indexOf(close, from);
  return end < 0 ? s.length : end + 1;
}

/** Reads one word starting at `start`: quotes, `$(…)`, `${…}` and backticks may hold spaces. */
function readWord(s: string, start: number): Word {
  let i = start;
  let text = '';
  const n = s.length;
  while (i < n) {
    const c = s[i] ?? '';
    // `$(` is consumed below before a bare `(` could end the word.
    if (WORD_END.has(c) || ((c === '<' || c === '>') && i > start)) break;
    let next: number;
    if (c === '\\') {
      if (s[i + 1] !== '\n') text += s[i + 1] ?? '';
      next = i + 2;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      text += s.slice(i + 1, stop);
      next = stop + 1;
    } else if (c === '"') {
      const q = readDoubleQuoted(s, i);
      text += q.text;
      next = q.end;
    } else {
      if (c === '$' && s[i + 1] === '(') next = matchParen(s, i + 1);
      else if (c === '$' && s[i + 1] === '{') next = upTo(s, '}', i + 2);
      else if (c === '`') next = upTo(s, '`', i + 1);
      else next = i + 1;
      text += s.slice(i, next);
    }
    i = next;
  }
  const end = Math.min(i, n);
  return { raw: s.slice(start, end), text, start, end };
}

/** End (exclusive) of a parenthesised group starting at `open` (the `(`), quotes respected. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const e = s.indexOf("'", i + 1);
      i = e < 0 ? s.length : e + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return s.length;
}
