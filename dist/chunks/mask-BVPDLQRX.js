import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  SecretRegistry,
  createMaskStream
} from "./chunk-QEZUO5UK.js";
import "./chunk-RC75VXCO.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/cli/commands/mask.ts
import { pipeline } from "node:stream/promises";
async function runMask(names, ctx, io) {
  if (names.length === 0)
    throw new UsageError(
      "mask needs --secret-env NAME",
      "e.g. some-build 2>&1 | deploy-token mask --secret-env CI_DEPLOY_PASSWORD"
    );
  const registry = new SecretRegistry();
  for (const name of names) {
    const value = ctx.env[name];
    if (value === void 0 || value === "") {
      ctx.stderr.write(
        `deploy-token: warning: ${name} is not set; nothing to mask for it [secret-env-unset]
`
      );
      continue;
    }
    for (const w of registry.add(value))
      ctx.stderr.write(`deploy-token: warning: ${name}: ${w.message} [${w.code}]
`);
  }
  await pipeline(io.stdin, createMaskStream(registry), io.stdout);
  return 0;
}
export {
  runMask
};
