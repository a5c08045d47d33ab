#!/usr/bin/env node
import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-2LMOQGEN.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/cli.ts
if (process.argv.length === 3 && process.argv[2] === "--version") {
  process.stdout.write(`${package_default.version}
`);
} else {
  const { main } = await import("./chunks/main-R65MOVOW.js");
  const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
  let signalled = false;
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
    stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
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
