/** The masker: secrets and their forms in, masked bytes out (streaming or whole). No dependencies. */
export { buildAutomaton, step, type AcPattern, type Automaton } from './automaton.js';
export {
  base64Inner,
  derivedForms,
  derivedKeys,
  gitlabCouldMask,
  MIN_FORM_BYTES,
  MIN_SECRET_BYTES,
  whitespaceForm,
} from './forms.js';
export { MASK, MASK_BYTES, Masker, type MaskerOptions } from './masker.js';
export { createMaskStream, maskBuffer, MaskStream, maskString, type MaskStreamOptions } from './stream.js';
export {
  FILE_CHUNK,
  maskFile,
  maskingReads,
  maskPipe,
  SINK_LIMIT,
  SOCKET_CHUNK,
  type ByteSource,
  type OnRead,
  type PumpOptions,
  type ReadSocket,
} from './pump.js';
export { maskReference, referenceRanges } from './reference.js';
export {
  MAX_WS_GAP,
  SecretRegistry,
  type AddOptions,
  type Compiled,
  type MaskWarning,
  type Warning,
} from './registry.js';
export { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL } from './tokens.js';
