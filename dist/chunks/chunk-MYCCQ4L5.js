import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  GITLAB_TOKEN_PREFIXES,
  TOKEN_MIN_TAIL
} from "./chunk-RC75VXCO.js";

// src/core/secret-shape.ts
var API_TOKEN_VARIABLES = ["GITLAB_TOKEN", "GITLAB_ACCESS_TOKEN", "OAUTH_TOKEN"];
var SECRET_ENV_NAMES = [
  ...API_TOKEN_VARIABLES,
  "CI_JOB_TOKEN",
  "CI_REGISTRY_PASSWORD",
  "CI_DEPENDENCY_PROXY_PASSWORD",
  "CI_DEPLOY_PASSWORD"
];
var TAIL = new RegExp(`^[0-9A-Za-z_-]{${TOKEN_MIN_TAIL},}$`);
var URL_SAFE_RUN = new RegExp(`^[0-9A-Za-z_-]{${TOKEN_MIN_TAIL}}`);
var PREFIXLESS = /^[1-9A-HJ-NP-Za-km-z_-]{20}$/;
var USERNAME_RE = /^[a-zA-Z0-9.+_-]{1,255}$/;
function isGitLabToken(value) {
  const v = value.trim();
  for (const prefix of GITLAB_TOKEN_PREFIXES) {
    const at = v.indexOf(prefix);
    if (at === 0 || at > 0 && v[at - 1] === "-" && /^[0-9A-Za-z_-]+$/.test(v.slice(0, at))) {
      if (TAIL.test(v.slice(at + prefix.length))) return true;
    }
  }
  return false;
}
function containsGitLabToken(value) {
  for (const prefix of GITLAB_TOKEN_PREFIXES) {
    for (let at = value.indexOf(prefix); at !== -1; at = value.indexOf(prefix, at + 1)) {
      if (URL_SAFE_RUN.test(value.slice(at + prefix.length))) return true;
    }
  }
  return false;
}
function isPrefixlessDeployToken(value) {
  return PREFIXLESS.test(value.trim());
}
function mayBeToken(value) {
  if (containsGitLabToken(value)) return true;
  return /^[A-Za-z0-9_-]{20,}$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}
function mayBeSecret(username) {
  return !USERNAME_RE.test(username) || mayBeToken(username);
}
function readsPassword(template) {
  return /\bpassword\b/.test(template);
}
function renderedSecret(template, value, password) {
  return readsPassword(template) || password.length > 0 && value.includes(password);
}

export {
  API_TOKEN_VARIABLES,
  SECRET_ENV_NAMES,
  isGitLabToken,
  isPrefixlessDeployToken,
  mayBeSecret,
  readsPassword,
  renderedSecret
};
