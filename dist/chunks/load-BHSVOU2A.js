import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
} from "./chunk-CATH7QQI.js";
import "./chunk-YIZN2NQI.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  loadSpec,
  loadSpecFile
};
