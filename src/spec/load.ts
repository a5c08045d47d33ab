/**
 * Where the spec loader used to live. It is validation's now (src/validate/spec/load.ts: the spec
 * model in src/spec imports nothing from validate/); this path stays until its last caller
 * (src/app/flow.ts) imports `createSpecLoader` from there, then goes.
 */
export {
  analyzeSpec,
  createSpecLoader,
  loadSpec,
  loadSpecFile,
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  validSpec,
  type LoadedSpec,
  type SpecAnalysis,
  type SpecLoader,
} from '../validate/spec/load.js';
