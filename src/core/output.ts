/**
 * The output boundary. Every text a surface prints goes through one of three channels:
 * - `stdout` / `stderr`: reports, errors, warnings, hints, debug lines: scrubbed (src/core/scrub.ts)
 *   and, in a GitHub step, unable to start a workflow command;
 * - `payload`: the few outputs the user asked to carry the secret (`resolve --export shell|json`,
 *   `provision --store none`): written as they are;
 * - `command`: the workflow commands this tool issues itself (`::add-mask::`, annotations), each on
 *   a line of its own, its data escaped as `@actions/core` escapes it (and `commands`, for text a
 *   formatter of ours made of such lines only).
 *
 * The runner reads workflow commands from every line of a step's stdout and stderr: a line that
 * starts with `::` after white space (ActionCommand.TryParseV2) or holds `##[` anywhere (the legacy
 * ActionCommand.TryParse). Text that could form such a line is wrapped in `::stop-commands::<token>`
 * … `::<token>::` with a fresh random token, so the runner treats it as log text only.
 */
import { randomBytes } from 'node:crypto';
import type { Scrubber } from './scrub.js';

/** A sink for text output (stdout, stderr), injected so tests capture it without a process. */
export interface TextSink {
  write(text: string): void;
  /** True when output goes to a terminal (colour allowed unless NO_COLOR). */
  isTTY?: boolean;
  /** On a terminal: back to the start of the line and clear it (a live progress line of ours). */
  clearLine?: () => void;
}

/** Carriage return, then ANSI "erase in line" (all of it). */
export const CLEAR_LINE = '\r\u001b[2K';

export interface Output {
  stdout: TextSink;
  stderr: TextSink;
  payload: TextSink;
  /**
   * Text that is nothing but workflow commands a formatter of ours built with escaped data
   * (`validate --format github`): scrubbed, but left able to act as commands.
   */
  commands: TextSink;
  /** `::name props::data` on stdout, at the start of a line (the caller knows it is in a GitHub step). */
  command(name: string, data: string, props?: Readonly<Record<string, string>>): void;
  scrubber: Scrubber;
}

/** @actions/core's escaping of command data (toCommandValue → escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escaping of command properties (escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, as @actions/core's issueCommand writes it. */
export function commandLine(
  name: string,
  data: string,
  props: Readonly<Record<string, string>> = {},
): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(data)}\n`;
}

/** A line the runner would read as a workflow command. */
const COMMAND_LIKE = /^[^\S\n]*::|##\[/m;

const randomToken = () => randomBytes(16).toString('hex');

/**
 * One stream seen by the runner: it remembers the line being written, so text that continues a line
 * is judged with what came before it, and a command always starts on a line of its own.
 */
export class RunnerStream {
  private line = '';
  constructor(
    private readonly inner: TextSink,
    private readonly token: () => string = randomToken,
  ) {}

  /** Text as it is (already scrubbed or meant to be raw), inert as workflow commands when `inert`. */
  write(text: string, inert: boolean): void {
    if (text === '') return;
    if (inert && COMMAND_LIKE.test(this.line + text)) {
      const t = this.token();
      const body = text.endsWith('\n') ? text : `${text}\n`;
      this.emit(`${this.line ? '\n' : ''}::stop-commands::${t}\n${body}::${t}::\n`);
      return;
    }
    this.emit(text);
  }

  /** A whole command line of ours. */
  command(line: string): void {
    this.emit(`${this.line ? '\n' : ''}${line}`);
  }

  private emit(text: string): void {
    this.inner.write(text);
    const nl = text.lastIndexOf('\n');
    // Enough of the open line to judge what follows (a command prefix sits at its start, `##[` is 3 wide).
    this.line = (nl === -1 ? this.line + text : text.slice(nl + 1)).slice(0, 4096);
  }
}

/**
 * The guarded channels over a process's raw stdout and stderr. `github`: in a GitHub Actions step
 * (the action, or the CLI with GITHUB_ACTIONS=true), where lines can be workflow commands.
 */
export function guardOutput(
  raw: { stdout: TextSink; stderr: TextSink },
  scrubber: Scrubber,
  opts: { github: boolean; token?: () => string; forceColor?: boolean },
): Output {
  const out = new RunnerStream(raw.stdout, opts.token);
  const err = new RunnerStream(raw.stderr, opts.token);
  // Our colours reach a terminal, or a log when FORCE_COLOR asks for them (src/core/color.ts);
  // otherwise no escape sequence is ours.
  const guarded = (s: RunnerStream, tty: boolean | undefined): TextSink => ({
    write: (text) =>
      s.write(scrubber.scrub(text, { style: tty === true || opts.forceColor === true }), opts.github),
    ...(tty === undefined ? {} : { isTTY: tty }),
    // Our own control sequence, raw, and only on a terminal: text from outside never moves the cursor.
    ...(tty === true ? { clearLine: () => s.write(CLEAR_LINE, false) } : {}),
  });
  return {
    stdout: guarded(out, raw.stdout.isTTY),
    stderr: guarded(err, raw.stderr.isTTY),
    payload: {
      write: (text) => out.write(text, false),
      ...(raw.stdout.isTTY === undefined ? {} : { isTTY: raw.stdout.isTTY }),
    },
    commands: { write: (text) => out.write(scrubber.scrub(text), false) },
    command: (name, data, props) => out.command(commandLine(name, data, props)),
    scrubber,
  };
}
