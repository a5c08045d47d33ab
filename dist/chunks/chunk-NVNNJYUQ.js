import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  connect,
  requireToken
} from "./chunk-CID4WHD4.js";

// src/cli/api-client.ts
function clientFor(gitlab, ctx, purpose, hint) {
  const apiToken = requireToken(gitlab, purpose, hint);
  return connect({ ...gitlab, apiToken }, ctx, (l) => ctx.stderr.write(`deploy-token: ${l}
`));
}

export {
  clientFor
};
