import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
} from "./chunk-TLW55D3J.js";
import "./chunk-3C3ZEL4N.js";
import "./chunk-LIADXNYY.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-74URNURH.js";
import "./chunk-LYWWAOIP.js";
import "./chunk-IRJGCQ3S.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
};
