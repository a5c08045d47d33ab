import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  Delivery,
  RunDir,
  RunRecord,
  parseClients
} from "./chunk-NG6Y5VWO.js";
import "./chunk-46D74EUW.js";
import {
  checkStateDir
} from "./chunk-F7KJ4INK.js";
import {
  privateDir
} from "./chunk-HLA5MZAU.js";
import {
  runFlow
} from "./chunk-NFDSS5HO.js";
import "./chunk-OI2XTNVL.js";
import "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import {
  reportResolution
} from "./chunk-WL2QIWZL.js";
import "./chunk-T4ECGMLM.js";
import "./chunk-MD44M7EN.js";
import {
  discardEphemeral
} from "./chunk-34ZNKQFX.js";
import "./chunk-NKKUWKFE.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import {
  proxyAwareFetch
} from "./chunk-CID4WHD4.js";
import {
  maskPipe,
  maskingReads
} from "./chunk-IAFBB2HQ.js";
import "./chunk-NNIRYNRK.js";
import "./chunk-JBSERHTU.js";
import "./chunk-M2XMWK6Z.js";
import {
  isClientName
} from "./chunk-O3WIKRKW.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/exec.ts
import { constants as constants2 } from "node:os";

// src/app/child.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";

// src/app/output-link.ts
import { rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join } from "node:path";
var MAX_SOCKET_PATH = 100;
var CONNECT_LIMIT_MS = 2e3;
async function outputLinks(onreads, place = {}) {
  if ((place.platform ?? process.platform) === "win32") return void 0;
  let dir;
  try {
    dir = privateDir(place.tempDir === void 0 ? {} : { RUNNER_TEMP: place.tempDir });
  } catch {
    return void 0;
  }
  const path = join(dir, "out");
  const server = createServer();
  const links = [];
  try {
    if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return void 0;
    await listen(server, path);
    for (const onread of onreads) links.push(await link(server, path, onread));
    return links;
  } catch {
    for (const l of links) {
      l.writer.destroy();
      l.reader.destroy();
    }
    return void 0;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
function listen(server, path) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
function link(server, path, onread) {
  return new Promise((resolve, reject) => {
    let writer;
    let connected = false;
    const reader = connect({ path, onread });
    const timer = setTimeout(() => fail(new Error("output link: no connection")), CONNECT_LIMIT_MS);
    const done = () => {
      if (writer === void 0 || !connected) return;
      clearTimeout(timer);
      reader.off("error", fail);
      server.off("error", fail);
      resolve({ writer, reader });
    };
    function fail(e) {
      clearTimeout(timer);
      server.off("connection", onConnection);
      reader.destroy();
      writer?.destroy();
      reject(e);
    }
    function onConnection(s) {
      writer = s;
      done();
    }
    server.once("connection", onConnection);
    server.once("error", fail);
    reader.once("error", fail);
    reader.once("connect", () => {
      connected = true;
      done();
    });
  });
}

// src/app/child.ts
var PIPE_GRACE_MS = 1e3;
async function runChild(o) {
  const out = await outputs(o);
  const child = spawnChild(o, out.stdio);
  out.started();
  o.registry.compiled();
  const unsubscribe = o.onSignal?.((sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
  const done = exitCode(child, o);
  const pumps = Promise.all(out.pumps(child).map((p) => p?.catch(() => void 0)));
  try {
    const code = await done;
    const drained = await Promise.race([
      pumps.then(() => true),
      new Promise((r) => setTimeout(() => r(false), PIPE_GRACE_MS).unref())
    ]);
    if (!drained) {
      out.stop(child);
      await pumps;
    }
    return code;
  } finally {
    unsubscribe?.();
  }
}
function spawnChild(o, stdio) {
  return o.shell ? spawn("/bin/sh", ["-c", [o.command, ...o.args].join(" ")], { env: o.env, cwd: o.cwd, stdio }) : spawn(o.command, o.args, { env: o.env, cwd: o.cwd, stdio, shell: false });
}
function exitCode(child, o) {
  return new Promise((resolve) => {
    child.once("error", (e) => {
      o.onError(`cannot run ${o.command}: ${e.code ?? e.message}`);
      resolve(e.code === "ENOENT" || e.code === "EACCES" ? 127 : 126);
    });
    child.once("exit", (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? constants.signals[signal] ?? 0 : 0));
    });
  });
}
async function outputs(o) {
  const sinks = [o.stdout, o.stderr];
  const reads = sinks.map((sink) => maskingReads(sink, o.registry, { end: false }));
  const links = o.outputLinks === false ? void 0 : await outputLinks(
    reads.map((r) => r.onread),
    o.tempDir === void 0 ? {} : { tempDir: o.tempDir }
  );
  if (links === void 0) {
    return {
      stdio: ["inherit", "pipe", "pipe"],
      started: () => void 0,
      pumps: (child) => [child.stdout, child.stderr].map(
        (s, i) => s ? maskPipe(s, sinks[i], o.registry, { end: false }) : void 0
      ),
      stop: (child) => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }
    };
  }
  return {
    stdio: ["inherit", ...links.map((l) => l.writer)],
    started: () => links.forEach((l) => l.writer.destroy()),
    pumps: () => links.map((l, i) => reads[i]?.pump(l.reader)),
    stop: () => links.forEach((l) => l.reader.destroy())
  };
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
  if (argv.length === 0 && (flags.job === void 0 || swallowed(flags).length > 0)) throw noCommand(flags);
  checkStateDir(ctx.env);
  const stop = new Stop();
  const run = new RunDir(ctx.env);
  const unsubscribe = io.onSignal?.((sig) => stop.receive(sig));
  try {
    const settled = runFlow(flags, {
      ...ctx,
      ...io.onSignal ? { fetch: stoppableFetch(ctx, stop) } : {},
      notice: (l) => ctx.stderr.write(`deploy-token: ${l}
`),
      ephemeral: { mode: "create", random: run.stamp }
    }).then(
      (flow) => ({ flow }),
      (error) => ({ error })
    );
    const first = await Promise.race([settled, stop.stopped.then(() => void 0)]);
    if (first === void 0 || stop.signal) return await stoppedEarly(settled, stop, ctx);
    if ("error" in first) throw first.error;
    const steps = stepsOf(argv, first.flow, flags);
    return await execResolved({ flow: first.flow, steps, flags, ctx, io, stop }, run);
  } finally {
    unsubscribe?.();
    run.discard();
  }
}
async function stoppedEarly(settled, stop, ctx) {
  const late = stop.posted ? await within(settled, ctx.http?.deadlineMs ?? DEFAULT_DEADLINE_MS) : await within(settled, 0);
  ctx.stderr.write(`deploy-token: stopped by ${stop.signal ?? "a signal"} before the command started
`);
  if (late && "flow" in late) {
    const d = await discardEphemeral(late.flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
  } else if (!late && stop.posted) {
    ctx.stderr.write(
      "deploy-token: warning: GitLab had not answered the ephemeral token request; if it created the token, it expires at 00:00 UTC and `deploy-token cleanup --ephemeral` deletes it once it is older than --ephemeral-older-than (default 6h) or has expired\n"
    );
  }
  return stop.code;
}
function childEnv(env, vars, api) {
  const withheld = (k, v) => !api.pass && (k === api.name || api.token !== void 0 && v === api.token);
  const out = Object.fromEntries(Object.entries(env).filter(([k, v]) => !withheld(k, v)));
  for (const v of vars) out[v.name] = v.value;
  return out;
}
function splitConfigure(flags) {
  const all = flags.configure ?? [];
  const end = all.findIndex((c, i) => !isClientName(c) || all.indexOf(c) < i);
  return end === -1 ? { clients: all, rest: [] } : { clients: all.slice(0, end), rest: all.slice(end) };
}
var swallowed = (flags) => splitConfigure(flags).rest;
function noCommand(flags) {
  const { clients, rest } = splitConfigure(flags);
  const words = rest.join(" ").slice(0, 80);
  if (words !== "") {
    return new UsageError(
      `exec has no command: "${words}" was read as clients of --configure`,
      `put the command after --: deploy-token exec --configure ${clients.join(" ") || "CLIENT"} -- ${words}`,
      "--configure"
    );
  }
  return new UsageError(
    "exec needs a command after -- (or --job NAME whose spec has run: lines)",
    "put the command after --, e.g. deploy-token exec -- docker pull registry.example.com/img"
  );
}
function stepsOf(argv, flow, flags) {
  const [command, ...args] = argv;
  if (command !== void 0) return [{ command, args, shell: flags.shell === true }];
  const lines = flow.settings.job?.spec.run ?? [];
  if (lines.length === 0) {
    throw new UsageError(
      `exec --job ${flags.job ?? ""} has no command: the job has no run: lines`,
      `put the command after --, or add run: lines to job ${flags.job ?? ""} in the spec`,
      `spec jobs.${flags.job ?? ""}.run`
    );
  }
  return lines.map((line) => ({ command: "sh", args: ["-c", line], shell: false }));
}
async function execResolved(x, run) {
  const { flow, flags, ctx } = x;
  if (!reportResolution(ctx.stderr, flow.resolution)) return flow.resolution.exitCode;
  const record = new RunRecord(ctx.env, run, { now: ctx.now, pid: process.pid });
  const onExit = () => void record.close(false);
  process.once("exit", onExit);
  const delivery = new Delivery(flow, {
    env: ctx.env,
    run,
    ledger: record,
    clients: parseClients(flags.configure),
    // One scrubber: the child's output is masked with everything the run knows (the password, the API
    // token whether passed or not, the environment's secrets), and each secret variable besides.
    masks: {
      scrubber: ctx.scrubber,
      onWarning: (w) => ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]
`)
    },
    say: (l) => ctx.stderr.write(`deploy-token: ${l}
`),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}
`)
  });
  try {
    const v = await delivery.deliver();
    return await runCommand(x, [...v.job, ...v.files]);
  } finally {
    process.off("exit", onExit);
    await delivery.undo();
  }
}
async function runCommand(x, vars) {
  const { flow, steps, flags, ctx, io, stop } = x;
  const env = childEnv(ctx.env, vars, {
    name: flow.settings.gitlab.tokenVariable,
    token: flow.settings.gitlab.apiToken,
    pass: flags.passApiToken === true
  });
  for (const step of steps) {
    if (stop.signal) {
      ctx.stderr.write(`deploy-token: stopped by ${stop.signal} before the command started
`);
      return stop.code;
    }
    const code = await runChild({
      ...step,
      env,
      cwd: ctx.cwd,
      registry: ctx.scrubber.registry,
      stdout: io.stdout,
      stderr: io.stderr,
      onError: (m) => ctx.stderr.write(`deploy-token: ${m}
`),
      onSignal: stop.attach
    });
    if (code !== 0) return code;
  }
  return 0;
}
export {
  childEnv,
  runExec
};
