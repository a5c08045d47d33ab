import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runAction
} from "./chunks/chunk-GNYTMFL6.js";
import "./chunks/chunk-AU24H3XZ.js";
import "./chunks/chunk-WY2RICLH.js";
import "./chunks/chunk-7TGN5CAQ.js";
import "./chunks/chunk-DDKGJSTJ.js";
import "./chunks/chunk-HP23DP7Y.js";
import "./chunks/chunk-5H5GKXEI.js";
import "./chunks/chunk-MLXUUSAN.js";
import "./chunks/chunk-XQ6QCYVK.js";
import "./chunks/chunk-IHBIXJQZ.js";
import "./chunks/chunk-T4ECGMLM.js";
import "./chunks/chunk-C5OEAS2L.js";
import "./chunks/chunk-W3DJH2KI.js";
import "./chunks/chunk-VPCP35NA.js";
import "./chunks/chunk-UVL2VDMO.js";
import "./chunks/chunk-QXCUGIMX.js";
import "./chunks/chunk-YOE5HMND.js";
import "./chunks/chunk-GAHSSZYI.js";
import "./chunks/chunk-4XOODLE4.js";
import "./chunks/chunk-M2XMWK6Z.js";
import "./chunks/chunk-YM2RZDLZ.js";
import "./chunks/chunk-MYCCQ4L5.js";
import "./chunks/chunk-XSTXBMLW.js";
import "./chunks/chunk-RC75VXCO.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/main.ts
process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => /* @__PURE__ */ new Date(),
  stdout: { write: (s) => void process.stdout.write(s) }
});
