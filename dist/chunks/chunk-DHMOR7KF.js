import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/spec/template-values.ts
var TEMPLATE_VALUES = [
  "username",
  "password",
  "gitlab_url",
  "gitlab_host",
  "api_url",
  "registry",
  "dependency_proxy",
  "project_id",
  "project_path",
  "token_id",
  "expires_at",
  "scopes"
];
function readsPassword(template) {
  return /\bpassword\b/.test(template);
}

export {
  TEMPLATE_VALUES,
  readsPassword
};
