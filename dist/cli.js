#!/usr/bin/env node
import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-2LMOQGEN.js";
import {
  isReaderGone
} from "./chunks/chunk-NWKT2VDV.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/cli.ts
var open = { stdout: true, stderr: true };
for (const name of ["stdout", "stderr"])
  process[name].on("error", (e) => {
    if (!isReaderGone(e)) throw e;
    open[name] = false;
  });
var sink = (name) => (s) => {
  if (open[name]) process[name].write(s);
};
if (process.argv.length === 3 && process.argv[2] === "--version") {
  process.stdout.write(`${package_default.version}
`);
} else {
  if (process.argv[2] === "validate") {
    const v8 = await import("node:v8");
    v8.setFlagsFromString("--max-opt=1");
    v8.setFlagsFromString("--semi-space-growth-factor=1");
  }
  const { main } = await import("./chunks/main-7S4BJQCF.js");
  const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
  let signalled = false;
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: sink("stdout"), isTTY: process.stdout.isTTY === true },
    stderr: { write: sink("stderr"), isTTY: process.stderr.isTTY === true },
    stdin: process.stdin,
    stdoutStream: process.stdout,
    stderrStream: process.stderr,
    onSignal: (forward) => {
      const on = (sig) => {
        signalled = true;
        forward(sig);
      };
      for (const sig of SIGNALS) process.on(sig, on);
      return () => {
        for (const sig of SIGNALS) process.off(sig, on);
      };
    },
    now: () => /* @__PURE__ */ new Date()
  });
  if (signalled) process.exit();
}
