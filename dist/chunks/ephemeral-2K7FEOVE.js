import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
} from "./chunk-MPL3VCE5.js";
import "./chunk-FPNGZR6X.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-YEUEITLX.js";
import "./chunk-RN7I22FU.js";
import "./chunk-ZXYRMQQA.js";
import "./chunk-ECPKZTKR.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
};
