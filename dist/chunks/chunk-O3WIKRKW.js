import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/credentials/client-names.ts
var CLIENT_NAMES = [
  "docker",
  "containers",
  "kubernetes",
  "git",
  "go",
  "netrc",
  "npm",
  "pnpm",
  "yarn",
  "nuget",
  "maven",
  "composer",
  "pypi",
  "twine",
  "poetry",
  "uv"
];
function isClientName(s) {
  return CLIENT_NAMES.includes(s);
}

export {
  CLIENT_NAMES,
  isClientName
};
