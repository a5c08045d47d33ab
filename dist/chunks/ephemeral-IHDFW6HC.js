import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-CBHZ3LSN.js";
import "./chunk-TIS2JBGP.js";
import "./chunk-VPCP35NA.js";
import "./chunk-2NBKGNHO.js";
import "./chunk-R64T6DDA.js";
import "./chunk-YOE5HMND.js";
import "./chunk-RC75VXCO.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";
export {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
};
