import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  SecretRegistry,
  createMaskStream
} from "./chunk-Q2QDTOIA.js";
import {
  jobVariables
} from "./chunk-3OP52GHY.js";
import {
  parseClients,
  writeJobCredentials
} from "./chunk-AJB6IMTT.js";
import "./chunk-D4NMBEDX.js";
import {
  runFlow
} from "./chunk-R6WHY4I4.js";
import "./chunk-FJEDMX6I.js";
import {
  cleanup
} from "./chunk-H3IUSMMK.js";
import "./chunk-MS3PQTP7.js";
import {
  discardEphemeral
} from "./chunk-VTOBZ5XO.js";
import "./chunk-JS6S37IK.js";
import "./chunk-T2Z4QM6I.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-JYN6UXQC.js";
import "./chunk-LYWWAOIP.js";
import "./chunk-T7ZD4NLQ.js";
import "./chunk-4OYPS3EV.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/app/child.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { pipeline } from "node:stream/promises";
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
      child.stdout ? pipeline(child.stdout, createMaskStream(o.registry), o.stdout, { end: false }) : void 0,
      child.stderr ? pipeline(child.stderr, createMaskStream(o.registry), o.stderr, { end: false }) : void 0
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
async function runExec(argv, flags, ctx, io) {
  const [command, ...args] = argv;
  if (!command)
    throw new UsageError(
      "exec needs a command after --",
      "e.g. deploy-token exec -- docker pull registry.example.com/img"
    );
  const flow = await runFlow(flags, { ...ctx, ephemeral: { mode: "create" } });
  try {
    return await execResolved(flow, command, args, flags, ctx, io);
  } finally {
    const d = await discardEphemeral(flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
  }
}
async function execResolved(flow, command, args, flags, ctx, io) {
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
      ...io.onSignal ? { onSignal: io.onSignal } : {}
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
