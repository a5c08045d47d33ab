import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  templateValues
} from "./chunk-CTGUFLN4.js";
import {
  checkVariables,
  deployVariables
} from "./chunk-ZN5DFI3C.js";
import {
  readsPassword
} from "./chunk-DHMOR7KF.js";
import {
  checkTemplate,
  loadTemplating,
  templating
} from "./chunk-BUYLEDRM.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/export/render.ts
var env;
function engine() {
  if (!env) {
    env = new (templating()).Environment(null, { autoescape: false, throwOnUndefined: true });
    env.addFilter("base64", (s) => Buffer.from(String(s), "utf8").toString("base64"));
  }
  return env;
}
function renderTemplate(name, template, values) {
  try {
    checkTemplate(template);
    return engine().renderString(template, { ...values });
  } catch (e) {
    const msg = e.message;
    const first = typeof msg === "string" ? msg.split("\n").filter(Boolean).pop()?.trim() : void 0;
    throw new UsageError(
      `template for ${name} failed: ${first ?? "render error"}`,
      "use only the documented template values, e.g. {{ username }}"
    );
  }
}
function renderSpecVariables(templates, values, password) {
  return Object.entries(templates ?? {}).map(([name, template]) => {
    const value = renderTemplate(name, template, values);
    const secret = readsPassword(template) || password.length > 0 && value.includes(password);
    return { name, value, secret };
  });
}

// src/app/exports.ts
async function jobVariables(flow, env2) {
  const r = flow.resolution;
  if (!r.credentials) return [];
  const templates = flow.settings.job?.spec.variables;
  if (templates && Object.keys(templates).length > 0) await loadTemplating();
  const values = templateValues(r, flow.input, flow.settings.gitlabUrl, env2);
  const vars = [
    ...deployVariables(r.credentials.username, r.credentials.password),
    ...renderSpecVariables(flow.settings.job?.spec.variables, values, r.credentials.password)
  ];
  checkVariables(vars);
  return vars;
}
function stepOutputs(flow, withPassword) {
  const r = flow.resolution;
  const out = {
    username: r.credentials?.username ?? "",
    source: r.sources.CI_DEPLOY_PASSWORD?.detail ?? "",
    "token-id": r.token ? String(r.token.id) : "",
    "expires-at": r.token ? r.token.expiresAt ?? "never" : "",
    scopes: r.token ? r.token.scopes.join(",") : "",
    warnings: JSON.stringify(r.warnings)
  };
  if (withPassword && r.credentials) out.password = r.credentials.password;
  return out;
}

export {
  jobVariables,
  stepOutputs
};
