import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-XMARA5HD.js";
import "./chunks/chunk-PACLMIC6.js";
import "./chunks/chunk-M46EML7S.js";
import "./chunks/chunk-Z2MPN75C.js";
import "./chunks/chunk-IFRBWHT7.js";
import "./chunks/chunk-OTKGG5XH.js";
import "./chunks/chunk-5QTXFDSE.js";
import "./chunks/chunk-WAER2SJ3.js";
import "./chunks/chunk-WUOZCF53.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-QEZUO5UK.js";
import "./chunks/chunk-CBHZ3LSN.js";
import "./chunks/chunk-TIS2JBGP.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-2NBKGNHO.js";
import "./chunks/chunk-R64T6DDA.js";
import "./chunks/chunk-YOE5HMND.js";
import "./chunks/chunk-RC75VXCO.js";
import "./chunks/chunk-CANAHP2R.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-YM2RZDLZ.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-37K7DFDN.js";

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
