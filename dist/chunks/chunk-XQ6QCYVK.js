import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/spec/types.ts
var DEFAULT_SPEC = "deploy-token.yml";

export {
  DEFAULT_SPEC
};
