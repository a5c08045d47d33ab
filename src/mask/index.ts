/** The masker: secrets and their forms in, masked bytes out (streaming or whole). */
export { derivedForms, derivedFormSet, gitlabCouldMask, base64Inner, MIN_SECRET_BYTES } from './forms.js';
export { buildPatternSet, GITLAB_TOKEN_PREFIXES, type Pattern, type PatternSet } from './patterns.js';
export { maskReference } from './reference.js';
export { SecretRegistry, type MaskWarning } from './registry.js';
export { createMaskStream, MASK, MaskStream, maskBuffer, maskString } from './stream.js';
