import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-MSATD4P3.js";
import "./chunk-LBBB5HTN.js";
import "./chunk-VPCP35NA.js";
import "./chunk-E3PBREW5.js";
import "./chunk-NCHRED7Y.js";
import "./chunk-MD44M7EN.js";
import "./chunk-GAHSSZYI.js";
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
