import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
} from "./chunk-ZS4SH6XG.js";
import "./chunk-CFFWXRYZ.js";
import "./chunk-VPCP35NA.js";
import "./chunk-4NBTOX2Y.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-C7CNVSM4.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  deleteRecordedToken,
  discardEphemeral,
  ephemeralFlow,
  recordedTokenProblem
};
