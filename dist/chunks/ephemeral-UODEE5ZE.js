import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
} from "./chunk-VTOBZ5XO.js";
import "./chunk-JS6S37IK.js";
import "./chunk-T2Z4QM6I.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-JYN6UXQC.js";
import "./chunk-LYWWAOIP.js";
import "./chunk-T7ZD4NLQ.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  deleteRecorded,
  discardEphemeral,
  ephemeralFlow
};
