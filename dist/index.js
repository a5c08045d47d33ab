import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-MB43ASEX.js";
import "./chunks/chunk-6E5KV36Y.js";
import "./chunks/chunk-ICCT63DX.js";
import "./chunks/chunk-RZJ7JB3I.js";
import "./chunks/chunk-QSJHQO5Z.js";
import "./chunks/chunk-IHBIXJQZ.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-OTKGG5XH.js";
import "./chunks/chunk-TRHTUJLO.js";
import "./chunks/chunk-LYUOR5ND.js";
import "./chunks/chunk-GAHSSZYI.js";
import "./chunks/chunk-CBHZ3LSN.js";
import "./chunks/chunk-TIS2JBGP.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-2NBKGNHO.js";
import "./chunks/chunk-R64T6DDA.js";
import "./chunks/chunk-YOE5HMND.js";
import "./chunks/chunk-RC75VXCO.js";
import "./chunks/chunk-DHMOR7KF.js";
import "./chunks/chunk-4XOODLE4.js";
import "./chunks/chunk-YM2RZDLZ.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
