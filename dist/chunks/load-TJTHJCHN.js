import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
} from "./chunk-E2TCXR5O.js";
import "./chunk-TC5M5IGD.js";
import "./chunk-4OYPS3EV.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
};
