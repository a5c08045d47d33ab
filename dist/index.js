import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-RSCZWS25.js";
import "./chunks/chunk-6UPMOPGX.js";
import "./chunks/chunk-HYCJJPBA.js";
import "./chunks/chunk-22Q4IQJA.js";
import "./chunks/chunk-VJ3CNTPE.js";
import "./chunks/chunk-7OUYWICG.js";
import "./chunks/chunk-35F5LJQG.js";
import "./chunks/chunk-JDRZ7YSW.js";
import "./chunks/chunk-WUOZCF53.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-ERPYJNOP.js";
import "./chunks/chunk-ZS4SH6XG.js";
import "./chunks/chunk-CFFWXRYZ.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-4NBTOX2Y.js";
import "./chunks/chunk-HYBTJBPM.js";
import "./chunks/chunk-C7CNVSM4.js";
import "./chunks/chunk-4OYPS3EV.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-37K7DFDN.js";

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
