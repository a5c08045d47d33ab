import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  SecretRegistry,
  maskFile,
  maskPipe
} from "./chunk-IAFBB2HQ.js";
import "./chunk-RC75VXCO.js";
import {
  UsageError,
  isReaderGone
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/mask.ts
import { fstatSync } from "node:fs";
import { Writable } from "node:stream";
function regularFileFd(stdin) {
  const fd = stdin.fd;
  if (typeof fd !== "number") return void 0;
  try {
    return fstatSync(fd).isFile() ? fd : void 0;
  } catch {
    return void 0;
  }
}
async function runMask(names, ctx, io = {}) {
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
  const stdin = io.stdin ?? ctx.stdin;
  const stdout = io.stdout ?? ctx.stdoutStream ?? new Writable({
    write(chunk, _enc, cb) {
      ctx.stdout.write(chunk.toString("utf8"));
      cb();
    }
  });
  const fd = regularFileFd(stdin);
  try {
    if (fd !== void 0) await maskFile(fd, stdout, registry);
    else await maskPipe(stdin, stdout, registry);
  } catch (e) {
    if (!isReaderGone(e)) throw e;
  }
  return 0;
}
export {
  runMask
};
