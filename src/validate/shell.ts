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

/** Splits a script into simple commands. Never throws; unbalanced quotes run to the end. */
export function parseScript(script: string): Command[] {
  const cmds: Command[] = [];
  const n = script.length;
  let i = 0;
  let cur: Command = newCommand(0);
  let pendingHeredocs: { delim: string; strip: boolean; quoted: boolean; cmd: Command }[] = [];
  let pendingRedirect: Redirect | undefined;

  const finish = (end: number, pipes: boolean) => {
    cur.start = Math.min(cur.words[0]?.start ?? end, cur.redirects[0]?.start ?? end);
    const lastWord = cur.words[cur.words.length - 1];
    const lastRedirect = cur.redirects[cur.redirects.length - 1];
    cur.end = Math.max(
      lastWord?.end ?? cur.start,
      lastRedirect?.target?.end ?? lastRedirect?.start ?? cur.start,
    );
    cur.pipesTo = pipes;
    if (cur.words.length > 0 || cur.redirects.length > 0) cmds.push(cur);
    const next = newCommand(end);
    next.pipedFrom = pipes && (cur.words.length > 0 || cur.redirects.length > 0);
    cur = next;
  };

  const readHeredocs = (from: number): number => {
    // Bodies start on the line after the operator, in order.
    let p = from;
    for (const h of pendingHeredocs) {
      const bodyStart = p;
      let body = '';
      let found = false;
      while (p < n) {
        let eol = script.indexOf('\n', p);
        if (eol < 0) eol = n;
        const line = script.slice(p, eol);
        const cmp = h.strip ? line.replace(/^\t+/, '') : line;
        if (cmp === h.delim) {
          h.cmd.heredocs.push({ text: body, start: bodyStart, end: p, quoted: h.quoted });
          p = Math.min(n, eol + 1);
          found = true;
          break;
        }
        body += line + '\n';
        p = eol + 1;
      }
      if (!found) {
        h.cmd.heredocs.push({ text: body, start: bodyStart, end: n, quoted: h.quoted });
        p = n;
      }
    }
    pendingHeredocs = [];
    return p;
  };

  while (i < n) {
    const c = script[i] ?? '';
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      finish(i, false);
      i++;
      if (pendingHeredocs.length > 0) {
        i = readHeredocs(i);
        cur = newCommand(i);
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '(' || c === ')') {
      if (c === ';' && script[i + 1] === ';') i++;
      finish(i, false);
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        finish(i, false);
        i += 2;
        continue;
      }
      if (c === '&' && script[i + 1] === '>') {
        // &> file, &>> file
        const op = script[i + 2] === '>' ? '&>>' : '&>';
        pendingRedirect = { op, start: i };
        cur.redirects.push(pendingRedirect);
        i += op.length;
        continue;
      }
      finish(i, c === '|');
      i += c === '|' && script[i + 1] === '&' ? 2 : 1;
      continue;
    }
    // Redirections: [n]> [n]>> [n]< <<< << <<- >& >|
    const redir = /^(\d*)(<<<|<<-|<<|>>|>&|<&|>\||<>|>|<)/.exec(script.slice(i, i + 6));
    if (redir && (redir[1] === '' || i === 0 || /[\s;|&(]/.test(script[i - 1] ?? ' '))) {
      const op = redir[2] ?? '>';
      i += redir[0].length;
      if (op === '<<' || op === '<<-') {
        while (script[i] === ' ' || script[i] === '\t') i++;
        const w = readWord(script, i);
        i = w.end;
        const quoted = /['"\\]/.test(w.raw);
        pendingHeredocs.push({ delim: w.text.replace(/\\/g, ''), strip: op === '<<-', quoted, cmd: cur });
        cur.redirects.push({ op, start: w.start, target: w });
        continue;
      }
      pendingRedirect = { op: redir[1] + op, start: i - redir[0].length };
      cur.redirects.push(pendingRedirect);
      continue;
    }
    const w = readWord(script, i);
    i = w.end > i ? w.end : i + 1;
    if (pendingRedirect && !pendingRedirect.target) {
      pendingRedirect.target = w;
      pendingRedirect = undefined;
      continue;
    }
    pendingRedirect = undefined;
    cur.words.push(w);
  }
  finish(n, false);
  if (pendingHeredocs.length > 0) readHeredocs(n);
  return cmds;
}

function newCommand(start: number): Command {
  return { words: [], redirects: [], heredocs: [], start, end: start, pipesTo: false, pipedFrom: false };
}

/** Reads one word starting at `start`: quotes, `$(…)`, `${…}` and backticks may hold spaces. */
function readWord(s: string, start: number): Word {
  let i = start;
  let text = '';
  const n = s.length;
  while (i < n) {
    const c = s[i] ?? '';
    // `$(` is consumed below before a bare `(` could end the word.
    if (
      c === ' ' ||
      c === '\t' ||
      c === '\n' ||
      c === '\r' ||
      c === ';' ||
      c === '|' ||
      c === '&' ||
      c === ')' ||
      c === '('
    )
      break;
    if ((c === '<' || c === '>') && i > start) break;
    if (c === '\\') {
      if (s[i + 1] === '\n') {
        i += 2;
        continue;
      }
      text += s[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      text += s.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < n) {
          const nx = s[i + 1] ?? '';
          text += '$`"\\\n'.includes(nx) ? (nx === '\n' ? '' : nx) : `\\${nx}`;
          i += 2;
          continue;
        }
        if (s[i] === '$' && s[i + 1] === '(') {
          const end = matchParen(s, i + 1);
          text += s.slice(i, end);
          i = end;
          continue;
        }
        text += s[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      const end = matchParen(s, i + 1);
      text += s.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$' && s[i + 1] === '{') {
      const end = s.indexOf('}', i + 2);
      const stop = end < 0 ? n : end + 1;
      text += s.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      const stop = end < 0 ? n : end + 1;
      text += s.slice(i, stop);
      i = stop;
      continue;
    }
    text += c;
    i++;
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
