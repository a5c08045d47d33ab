import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/core/output.ts
import { randomBytes } from "node:crypto";
var CLEAR_LINE = "\r\x1B[2K";
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function commandLine(name, data, props = {}) {
  const p = Object.entries(props).filter(([, v]) => v !== "").map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  return `::${name}${p ? ` ${p}` : ""}::${escapeData(data)}
`;
}
var COMMAND_LIKE = /^[^\S\n]*::|##\[/m;
var randomToken = () => randomBytes(16).toString("hex");
var RunnerStream = class {
  constructor(inner, token = randomToken) {
    this.inner = inner;
    this.token = token;
  }
  inner;
  token;
  line = "";
  /** Text as it is (already scrubbed or meant to be raw), inert as workflow commands when `inert`. */
  write(text, inert) {
    if (text === "") return;
    if (inert && COMMAND_LIKE.test(this.line + text)) {
      const t = this.token();
      const body = text.endsWith("\n") ? text : `${text}
`;
      this.emit(`${this.line ? "\n" : ""}::stop-commands::${t}
${body}::${t}::
`);
      return;
    }
    this.emit(text);
  }
  /** A whole command line of ours. */
  command(line) {
    this.emit(`${this.line ? "\n" : ""}${line}`);
  }
  emit(text) {
    this.inner.write(text);
    const nl = text.lastIndexOf("\n");
    this.line = (nl === -1 ? this.line + text : text.slice(nl + 1)).slice(0, 4096);
  }
};
function guardOutput(raw, scrubber, opts) {
  const out = new RunnerStream(raw.stdout, opts.token);
  const err = new RunnerStream(raw.stderr, opts.token);
  const guarded = (s, tty) => ({
    write: (text) => s.write(scrubber.scrub(text, { style: tty === true || opts.forceColor === true }), opts.github),
    ...tty === void 0 ? {} : { isTTY: tty },
    // Our own control sequence, raw, and only on a terminal: text from outside never moves the cursor.
    ...tty === true ? { clearLine: () => s.write(CLEAR_LINE, false) } : {}
  });
  return {
    stdout: guarded(out, raw.stdout.isTTY),
    stderr: guarded(err, raw.stderr.isTTY),
    payload: {
      write: (text) => out.write(text, false),
      ...raw.stdout.isTTY === void 0 ? {} : { isTTY: raw.stdout.isTTY }
    },
    commands: { write: (text) => out.write(scrubber.scrub(text), false) },
    command: (name, data, props) => out.command(commandLine(name, data, props)),
    scrubber
  };
}

export {
  CLEAR_LINE,
  guardOutput
};
