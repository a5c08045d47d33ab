import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-BY42IF5G.js";
import "./chunk-NSVVJGLA.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import "./chunk-AX7EUXOE.js";
import "./chunk-JRF2QOIL.js";
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
