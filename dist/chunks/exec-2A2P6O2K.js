import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  jobVariables
} from "./chunk-XAMLROGK.js";
import {
  SecretRegistry,
  createMaskStream
} from "./chunk-J4M7WR5O.js";
import "./chunk-D7WALF7T.js";
import {
  runFlow
} from "./chunk-FIU3NRXV.js";
import "./chunk-QBB5QS7J.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/app/child.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { pipeline } from "node:stream/promises";
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
    child.once("close", (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? constants.signals[signal] ?? 0 : 0));
    });
  });
  const pumps = [
    child.stdout ? pipeline(child.stdout, createMaskStream(o.registry), o.stdout, { end: false }) : Promise.resolve(),
    child.stderr ? pipeline(child.stderr, createMaskStream(o.registry), o.stderr, { end: false }) : Promise.resolve()
  ];
  try {
    const [code] = await Promise.all([done, ...pumps.map((p) => p.catch(() => void 0))]);
    return code;
  } finally {
    unsubscribe?.();
  }
}

// src/cli/commands/exec.ts
async function runExec(argv, flags, ctx, io) {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      "exec needs a command after --",
      "e.g. deploy-token exec -- docker pull registry.example.com/img"
    );
  const flow = await runFlow(flags, ctx);
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
  const vars = jobVariables(flow, ctx.env);
  const registry = new SecretRegistry();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const w of registry.add(v.value, { username: r.credentials.username })) {
      ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
    }
  }
  const env = { ...ctx.env, ...Object.fromEntries(vars.map((v) => [v.name, v.value])) };
  return runChild({
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
    ...io.onSignal ? { onSignal: io.onSignal } : {}
  });
}
export {
  runExec
};
