import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-47UGFL6X.js";
import "./chunk-OVQZIIAC.js";
import "./chunk-VPCP35NA.js";
import "./chunk-JOO4MYIM.js";
import "./chunk-Y5VIL5JF.js";
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
