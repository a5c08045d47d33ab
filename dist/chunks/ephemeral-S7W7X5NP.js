import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-36H7NAP6.js";
import "./chunk-TIPUZYMB.js";
import "./chunk-VPCP35NA.js";
import "./chunk-S7M735SX.js";
import "./chunk-GC33CJTY.js";
import "./chunk-YOE5HMND.js";
import "./chunk-GAHSSZYI.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-DAFGPLIL.js";
import "./chunk-RC75VXCO.js";
import "./chunk-SFJXSL7D.js";
export {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
};
