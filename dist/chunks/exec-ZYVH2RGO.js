import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  SecretRegistry,
  maskPipe
} from "./chunk-MBTZR6UO.js";
import {
  jobVariables
} from "./chunk-XGISQFTY.js";
import {
  parseClients,
  writeJobCredentials
} from "./chunk-CTGUFLN4.js";
import "./chunk-G3DM6G4G.js";
import {
  runFlow
} from "./chunk-ZN5DFI3C.js";
import "./chunk-FJEDMX6I.js";
import {
  cleanup
} from "./chunk-BWGITJJA.js";
import {
  proxyAwareFetch
} from "./chunk-4YG5LHE6.js";
import {
  discardEphemeral
} from "./chunk-II6JEI5M.js";
import "./chunk-2KYKZ3OY.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-4CIYU6N5.js";
import "./chunk-7TLYVLNA.js";
import "./chunk-ZXYRMQQA.js";
import "./chunk-W3LW53PW.js";
import "./chunk-DHMOR7KF.js";
import "./chunk-BUYLEDRM.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/exec.ts
import { constants as constants2 } from "node:os";

// src/app/child.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
var PIPE_GRACE_MS = 1e3;
async function runChild(o) {
  const child = o.shell ? spawn("/bin/sh", ["-c", [o.command, ...o.args].join(" ")], {
    env: o.env,
    cwd: o.cwd,
    stdio: ["inherit", "pipe", "pipe"]
  }) : spawn(o.command, o.args, { env: o.env, cwd: o.cwd, stdio: ["inherit", "pipe", "pipe"], shell: false });
  const unsubscribe = o.onSignal?.((sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
  const done = new Promise((resolve) => {
    child.once("error", (e) => {
      o.onError(`cannot run ${o.command}: ${e.code ?? e.message}`);
      resolve(e.code === "ENOENT" || e.code === "EACCES" ? 127 : 126);
    });
    child.once("exit", (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? constants.signals[signal] ?? 0 : 0));
    });
  });
  const pumps = Promise.all(
    [
      child.stdout ? maskPipe(child.stdout, o.stdout, o.registry, { end: false }) : void 0,
      child.stderr ? maskPipe(child.stderr, o.stderr, o.registry, { end: false }) : void 0
    ].map((p) => p?.catch(() => void 0))
  );
  try {
    const code = await done;
    const drained = await Promise.race([
      pumps.then(() => true),
      new Promise((r) => setTimeout(() => r(false), PIPE_GRACE_MS).unref())
    ]);
    if (!drained) {
      child.stdout?.destroy();
      child.stderr?.destroy();
      await pumps;
    }
    return code;
  } finally {
    unsubscribe?.();
  }
}

// src/cli/commands/exec.ts
var DEFAULT_DEADLINE_MS = 6e4;
var Stop = class {
  signal;
  /** A token may have been asked for (a POST was sent): a stop must then wait for it and undo it. */
  posted = false;
  stopped;
  resolve = () => void 0;
  forward;
  constructor() {
    this.stopped = new Promise((r) => this.resolve = r);
  }
  receive(sig) {
    if (this.signal === void 0) {
      this.signal = sig;
      this.resolve(sig);
    }
    this.forward?.(sig);
  }
  /** For runChild: signals received while the command runs are forwarded to it. */
  attach = (forward) => {
    this.forward = forward;
    return () => this.forward = void 0;
  };
  /** 128 + the signal's number, as a shell reports a command killed by it. */
  get code() {
    return 128 + (this.signal ? constants2.signals[this.signal] ?? 0 : 0);
  }
};
function stoppableFetch(ctx, stop) {
  const inner = ctx.fetch ?? proxyAwareFetch(ctx.env) ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init) => {
    const post = (init?.method ?? "GET").toUpperCase() === "POST";
    if (stop.signal && (post || !stop.posted)) {
      return Promise.reject(
        Object.assign(new Error(`stopped by ${stop.signal}`), { code: `stopped by ${stop.signal}` })
      );
    }
    if (post) stop.posted = true;
    return inner(input, init);
  };
}
function within(p, ms) {
  return Promise.race([p, new Promise((r) => setTimeout(() => r(void 0), ms).unref())]);
}
async function runExec(argv, flags, ctx, io) {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      "exec needs a command after --",
      "e.g. deploy-token exec -- docker pull registry.example.com/img"
    );
  const stop = new Stop();
  const unsubscribe = io.onSignal?.((sig) => stop.receive(sig));
  try {
    const settled = runFlow(flags, {
      ...ctx,
      ...io.onSignal ? { fetch: stoppableFetch(ctx, stop) } : {},
      ephemeral: { mode: "create" }
    }).then(
      (flow2) => ({ flow: flow2 }),
      (error) => ({ error })
    );
    const first = await Promise.race([settled, stop.stopped.then(() => void 0)]);
    if (first === void 0 || stop.signal) {
      const late = stop.posted ? await within(settled, ctx.http?.deadlineMs ?? DEFAULT_DEADLINE_MS) : await within(settled, 0);
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal ?? "a signal"} before the command started
`);
      if (late && "flow" in late) {
        const d = await discardEphemeral(late.flow);
        if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
      } else if (!late && stop.posted) {
        ctx.stderr.write(
          "deploy-token: warning: GitLab had not answered the ephemeral token request; if it created the token, it expires at 00:00 UTC and `deploy-token cleanup --ephemeral` deletes it once it is older than --older-than (default 6h) or has expired\n"
        );
      }
      return stop.code;
    }
    if ("error" in first) throw first.error;
    const flow = first.flow;
    try {
      return await execResolved(flow, command, args, flags, ctx, io, stop);
    } finally {
      const d = await discardEphemeral(flow);
      if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
    }
  } finally {
    unsubscribe?.();
  }
}
async function execResolved(flow, command, args, flags, ctx, io, stop) {
  const r = flow.resolution;
  for (const w of r.warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? "no credentials"}
`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}
`);
    return r.exitCode;
  }
  const vars = await jobVariables(flow, ctx.env);
  const registry = new SecretRegistry();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const w of registry.add(v.value, { username: r.credentials.username })) {
      ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
    }
  }
  const files = await writeJobCredentials(flow, ctx.env, parseClients(flags.configure));
  const onExit = () => {
    if (files) cleanup(files.manifest);
  };
  if (files) process.once("exit", onExit);
  const env = {
    ...ctx.env,
    ...Object.fromEntries(vars.map((v) => [v.name, v.value])),
    ...Object.fromEntries((files?.variables ?? []).map((v) => [v.name, v.value]))
  };
  try {
    if (stop.signal) {
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal} before the command started
`);
      return stop.code;
    }
    return await runChild({
      command,
      args,
      env,
      cwd: ctx.cwd,
      shell: flags.shell === true,
      registry,
      stdout: io.stdout,
      stderr: io.stderr,
      onError: (m) => ctx.stderr.write(`deploy-token: ${m}
`),
      onSignal: stop.attach
    });
  } finally {
    if (files) {
      process.off("exit", onExit);
      const report = cleanup(files.manifest);
      ctx.stderr.write(
        `deploy-token: removed ${report.removed.length} credential file(s) and directories${report.refused.length ? `; refused ${report.refused.join(", ")}` : ""}
`
      );
    }
  }
}
export {
  runExec
};
