import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/mask/tokens.ts
var GITLAB_TOKEN_PREFIXES = [
  "gldt-",
  "glpat-",
  "gloas-",
  "glrt-",
  "glrtr-",
  "glcbt-",
  "glptt-",
  "glft-",
  "glimt-",
  "glagent-",
  "glsoat-",
  "glffct-",
  "glcsrf-",
  "glwt-",
  "GR1348941"
];
var TOKEN_MIN_TAIL = 20;
var URL_SAFE = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const c = String.fromCharCode(b);
  URL_SAFE[b] = /^[0-9A-Za-z_-]$/.test(c) ? 1 : 0;
}
for (const p of GITLAB_TOKEN_PREFIXES) {
  for (let i = 0; i < p.length; i++) {
    if (URL_SAFE[p.charCodeAt(i)] !== 1) throw new Error(`token prefix ${p} is not URL-safe`);
  }
  for (const q of GITLAB_TOKEN_PREFIXES) {
    if (p !== q && p.includes(q)) throw new Error(`token prefix ${p} contains ${q}`);
  }
}

export {
  GITLAB_TOKEN_PREFIXES,
  TOKEN_MIN_TAIL,
  URL_SAFE
};
