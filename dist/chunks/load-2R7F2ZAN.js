import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  createSpecLoader,
  loadSpec,
  loadSpecFile,
  validSpec
} from "./chunk-HI377XSV.js";
import "./chunk-LLXZHJ5T.js";
import "./chunk-DHMOR7KF.js";
import "./chunk-4XOODLE4.js";
import "./chunk-YM2RZDLZ.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-UFXFPX5H.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  createSpecLoader,
  loadSpec,
  loadSpecFile,
  validSpec
};
