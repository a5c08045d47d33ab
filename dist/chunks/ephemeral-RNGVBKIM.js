import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-FZMSWF6D.js";
import "./chunk-TIPUZYMB.js";
import "./chunk-VPCP35NA.js";
import "./chunk-XPKAPSRL.js";
import "./chunk-GC33CJTY.js";
import "./chunk-MD44M7EN.js";
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
