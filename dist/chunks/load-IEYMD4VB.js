import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
} from "./chunk-MXHWBTXI.js";
import "./chunk-TC5M5IGD.js";
import "./chunk-4OYPS3EV.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
};
