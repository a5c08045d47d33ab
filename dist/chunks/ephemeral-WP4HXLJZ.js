import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-34ZNKQFX.js";
import "./chunk-NKKUWKFE.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";
export {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
};
