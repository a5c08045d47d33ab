import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  clientWith
} from "./chunk-LYUOR5ND.js";
import {
  normaliseUrl
} from "./chunk-R64T6DDA.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/cli/api-client.ts
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
function clientFor(flags, ctx, purpose) {
  const baseUrl = normaliseUrl(flags.gitlabUrl ?? ctx.env.CI_SERVER_URL ?? "https://gitlab.com");
  const tokenEnv = flags.apiTokenEnv ?? "GITLAB_TOKEN";
  if (!NAME_RE.test(tokenEnv)) {
    throw new UsageError(
      `--api-token-env "${tokenEnv.slice(0, 60)}" is not a variable name`,
      "e.g. GITLAB_TOKEN"
    );
  }
  const token = ctx.env[tokenEnv];
  if (!token) {
    throw new UsageError(
      `${purpose} needs a GitLab API token in $${tokenEnv}`,
      `export ${tokenEnv} with a token that has the api scope (never pass it as a flag)`
    );
  }
  return { client: clientWith(baseUrl, token, ctx), baseUrl };
}

export {
  clientFor
};
