import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-ZMS25ZMX.js";
import "./chunks/chunk-AU24H3XZ.js";
import "./chunks/chunk-VFET6M6J.js";
import "./chunks/chunk-BC2ABS6W.js";
import "./chunks/chunk-SHO2RHEB.js";
import "./chunks/chunk-QWVWL4TJ.js";
import "./chunks/chunk-ISU5A6FD.js";
import "./chunks/chunk-75EZXUXU.js";
import "./chunks/chunk-XQ6QCYVK.js";
import "./chunks/chunk-IHBIXJQZ.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-F6G2ECZE.js";
import "./chunks/chunk-36H7NAP6.js";
import "./chunks/chunk-TIPUZYMB.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-S7M735SX.js";
import "./chunks/chunk-GC33CJTY.js";
import "./chunks/chunk-YOE5HMND.js";
import "./chunks/chunk-GAHSSZYI.js";
import "./chunks/chunk-4XOODLE4.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-YM2RZDLZ.js";
import "./chunks/chunk-MYCCQ4L5.js";
import "./chunks/chunk-DAFGPLIL.js";
import "./chunks/chunk-RC75VXCO.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
