import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
} from "./chunk-PAIQXION.js";
import "./chunk-TC5M5IGD.js";
import "./chunk-CANAHP2R.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-YM2RZDLZ.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
};
