import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/resolve/version.ts
var VERSION_RE = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?:[-+~ ]([0-9A-Za-z.+-]*))?$/;
function parseGitLabVersion(raw) {
  const m = VERSION_RE.exec(raw.trim());
  if (!m) return void 0;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === void 0 ? 0 : Number(m[3]),
    suffix: m[4] ?? "",
    raw
  };
}
function atLeast(v, major, minor) {
  return v.major > major || v.major === major && v.minor >= minor;
}
function exposesGroupDeployToken(v) {
  return atLeast(v, 15, 1);
}
function groupTokenBehindFlag(v) {
  return atLeast(v, 15, 1) && !atLeast(v, 15, 4);
}
function formatVersion(v) {
  return `${v.major}.${v.minor}.${v.patch}${v.suffix ? `-${v.suffix}` : ""}`;
}

export {
  parseGitLabVersion,
  exposesGroupDeployToken,
  groupTokenBehindFlag,
  formatVersion
};
