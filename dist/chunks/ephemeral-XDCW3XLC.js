import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-YX4ZHBR2.js";
import "./chunk-W3DJH2KI.js";
import "./chunk-VPCP35NA.js";
import "./chunk-L3T2MR4A.js";
import "./chunk-QXCUGIMX.js";
import "./chunk-MD44M7EN.js";
import "./chunk-GAHSSZYI.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-RC75VXCO.js";
import "./chunk-SFJXSL7D.js";
export {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
};
