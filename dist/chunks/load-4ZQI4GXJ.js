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
} from "./chunk-YHALU4HY.js";
import "./chunk-5GWK7HOK.js";
import "./chunk-DHMOR7KF.js";
import "./chunk-BUYLEDRM.js";
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
