import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  DEFAULT_SPEC
} from "./chunk-XQ6QCYVK.js";
import {
  checkExportName
} from "./chunk-M2XMWK6Z.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/export/variables.ts
function deployVariables(username, password) {
  return [
    { name: "CI_DEPLOY_USER", value: username, secret: false },
    { name: "CI_DEPLOY_PASSWORD", value: password, secret: true }
  ];
}
function checkVariables(vars) {
  const seen = /* @__PURE__ */ new Set();
  for (const v of vars) {
    const bad = checkExportName(v.name);
    if (bad) throw new UsageError(bad, "rename the variable in the spec");
    if (seen.has(v.name))
      throw new UsageError(`variable ${v.name} is exported twice`, "give each variable one name");
    seen.add(v.name);
  }
}

// src/app/spec.ts
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
function specPath(spec, cwd) {
  if (spec) return isAbsolute(spec) ? spec : join(cwd, spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : void 0;
}
function runSpecs(cwd) {
  let loader;
  return async (spec) => {
    const path = specPath(spec, cwd);
    if (!path) return void 0;
    loader ??= import("./load-EHQUW6BO.js").then((m) => m.createSpecLoader());
    return (await loader).valid(path);
  };
}

export {
  deployVariables,
  checkVariables,
  runSpecs
};
