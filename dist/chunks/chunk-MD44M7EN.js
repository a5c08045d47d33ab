import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/gitlab/version.ts
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
var LFS_GROUP_TOKENS = [15, 7];
var DEPENDENCY_PROXY_DEPLOY_TOKENS = [14, 2];
var DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG = [17, 11];
var DEPENDENCY_PROXY_VIRTUAL_SCOPES = [18, 0];
var SINGLE_TOKEN_GET = [14, 9];
var HIDDEN_VARIABLES = [17, 4];
var GROUP_VARIABLE_FILTER = [16, 9];
var PROJECT_VARIABLE_FILTER = [13, 2];
function reached(v, r) {
  return atLeast(v, r[0], r[1]);
}
function releaseText(r) {
  return `${r[0]}.${r[1]}`;
}

// src/gitlab/scopes.ts
var DEPLOY_TOKEN_SCOPES = [
  "read_repository",
  "read_registry",
  "write_registry",
  "read_package_registry",
  "write_package_registry",
  "read_virtual_registry",
  "write_virtual_registry"
];
var SCOPE_SINCE = {
  read_repository: [10, 7],
  read_registry: [10, 7],
  write_registry: [12, 10],
  read_package_registry: [13, 0],
  write_package_registry: [13, 0],
  read_virtual_registry: [17, 3],
  write_virtual_registry: [17, 9]
};
function isScope(s) {
  return DEPLOY_TOKEN_SCOPES.includes(s);
}
function scopeExistsIn(scope, v) {
  const [major, minor] = SCOPE_SINCE[scope];
  return atLeast(v, major, minor);
}
var REGISTRY_SCOPES = ["read_registry", "write_registry"];
var VIRTUAL_REGISTRY_SCOPES = ["read_virtual_registry", "write_virtual_registry"];
function impliedScopes(scopes) {
  const out = new Set(scopes);
  if (out.has("write_registry")) out.add("read_registry");
  return DEPLOY_TOKEN_SCOPES.filter((s) => out.has(s));
}

export {
  parseGitLabVersion,
  exposesGroupDeployToken,
  groupTokenBehindFlag,
  formatVersion,
  LFS_GROUP_TOKENS,
  DEPENDENCY_PROXY_DEPLOY_TOKENS,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES,
  SINGLE_TOKEN_GET,
  HIDDEN_VARIABLES,
  GROUP_VARIABLE_FILTER,
  PROJECT_VARIABLE_FILTER,
  reached,
  releaseText,
  DEPLOY_TOKEN_SCOPES,
  isScope,
  scopeExistsIn,
  REGISTRY_SCOPES,
  VIRTUAL_REGISTRY_SCOPES,
  impliedScopes
};
