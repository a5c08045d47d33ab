import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  derivedForms
} from "./chunk-G3DM6G4G.js";

// src/export/masks.ts
function maskFormsFor(vars, creds) {
  const out = /* @__PURE__ */ new Set();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const f of derivedForms(v.value, { username: creds.username })) out.add(f.toString("utf8"));
  }
  return [...out].filter((f) => f.length > 0);
}

export {
  maskFormsFor
};
