import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  formatPlanText,
  pickStyle,
  planReport
} from "./chunk-BFDTY6KY.js";
import {
  runFlow
} from "./chunk-NFDSS5HO.js";
import {
  deployVariables
} from "./chunk-OI2XTNVL.js";
import {
  renderShell
} from "./chunk-3WRJZRQ7.js";
import "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import "./chunk-F6G2ECZE.js";
import {
  DEPENDENCY_PROXY_DEPLOY_TOKENS,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES,
  GROUP_VARIABLE_FILTER,
  HIDDEN_VARIABLES,
  LFS_GROUP_TOKENS,
  PROJECT_VARIABLE_FILTER,
  SINGLE_TOKEN_GET,
  isScope,
  parseGitLabVersion,
  reached
} from "./chunk-MD44M7EN.js";
import "./chunk-BM72ILTC.js";
import "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// fixtures/scenarios/1-project-token.json
var project_token_default = {
  name: "project-token",
  title: "A project gitlab-deploy-token (GitLab 17.5)",
  description: "tanuki/awesome_project has an active token named gitlab-deploy-token; the runner injects it as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [{ id: 10, full_path: "tanuki", parent_id: null }],
  projects: [
    {
      id: 3,
      path_with_namespace: "tanuki/awesome_project",
      namespace_id: 10,
      tokens: [
        { id: 7, name: "docs-reader", expires: null, scopes: ["read_repository"], token: "gldt-DocsReaderDocsReader1" },
        { id: 11, name: "gitlab-deploy-token", expires: "+90d", scopes: ["read_repository", "read_registry"], token: "gldt-ProjToken11ProjToken1" }
      ]
    }
  ],
  project: "tanuki/awesome_project",
  jobEnv: { CI_DEPLOY_USER: "gitlab+deploy-token-11", CI_DEPLOY_PASSWORD: "gldt-ProjToken11ProjToken1" },
  expectExit: 0
};

// fixtures/scenarios/2-group-token-15.0.json
var group_token_15_0_default = {
  name: "group-token-15.0",
  title: "A group token on GitLab 15.0, through the group's CI/CD variables",
  description: "GitLab 15.0 does not expose group tokens; the group sets CI_DEPLOY_USER / CI_DEPLOY_PASSWORD as CI/CD variables (the documented workaround), read here through the variables API.",
  version: "15.0.5-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 21, name: "gitlab-deploy-token", username: "tanuki-deployer", expires: "+200d", scopes: ["read_repository", "read_registry", "read_package_registry"], token: "gldt-GroupTok21GroupTok21" }
      ],
      variables: [
        { key: "CI_DEPLOY_USER", value: "tanuki-deployer", masked: false, protected: false, environment_scope: "*" },
        { key: "CI_DEPLOY_PASSWORD", value: "gldt-GroupTok21GroupTok21", masked: true, protected: false, environment_scope: "*" }
      ]
    }
  ],
  projects: [{ id: 3, path_with_namespace: "tanuki/awesome_project", namespace_id: 10, tokens: [] }],
  project: "tanuki/awesome_project",
  expectExit: 0
};

// fixtures/scenarios/3-group-token-17.json
var group_token_17_default = {
  name: "group-token-17",
  title: "The same group token on GitLab 17.5: exposed by GitLab itself",
  description: "From 15.1 the direct parent group's gitlab-deploy-token reaches the project's jobs without any variables.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 21, name: "gitlab-deploy-token", username: "tanuki-deployer", expires: "+5d", scopes: ["read_repository", "read_registry", "read_package_registry"], token: "gldt-GroupTok21GroupTok21" }
      ]
    }
  ],
  projects: [{ id: 3, path_with_namespace: "tanuki/awesome_project", namespace_id: 10, tokens: [] }],
  project: "tanuki/awesome_project",
  jobEnv: { CI_DEPLOY_USER: "tanuki-deployer", CI_DEPLOY_PASSWORD: "gldt-GroupTok21GroupTok21" },
  expectExit: 0
};

// fixtures/scenarios/4-expired-token.json
var expired_token_default = {
  name: "expired-token",
  title: "A token that expired at 00:00 UTC today is refused",
  description: "The project's only gitlab-deploy-token expires today: GitLab stopped accepting it at 00:00 UTC, although the API still says expired: false. Its values, left behind as CI/CD variables, reach the job environment, and deploy-token refuses them.",
  version: "17.5.1-ee",
  apiTokens: [
    "glpat-demoDemoDemoDemo1234"
  ],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null
    }
  ],
  projects: [
    {
      id: 3,
      path_with_namespace: "tanuki/awesome_project",
      namespace_id: 10,
      tokens: [
        {
          id: 31,
          name: "gitlab-deploy-token",
          expires: "+0d",
          scopes: [
            "read_repository"
          ],
          token: "gldt-Expired31Expired31Ex"
        }
      ]
    }
  ],
  project: "tanuki/awesome_project",
  expectExit: 1,
  jobEnv: {
    CI_DEPLOY_USER: "gitlab+deploy-token-31",
    CI_DEPLOY_PASSWORD: "gldt-Expired31Expired31Ex"
  }
};

// fixtures/scenarios/5-grandparent-token.json
var grandparent_token_default = {
  name: "grandparent-token",
  title: "A token on a grandparent group reaches no job",
  description: "tanuki/platform/api lives in the subgroup tanuki/platform; the gitlab-deploy-token sits on tanuki, which is not the direct parent, so GitLab exposes nothing.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-demoDemoDemoDemo1234"],
  groups: [
    {
      id: 10,
      full_path: "tanuki",
      parent_id: null,
      tokens: [
        { id: 41, name: "gitlab-deploy-token", expires: null, scopes: ["read_registry"], token: "gldt-Grandpa41Grandpa41Gr" }
      ]
    },
    { id: 12, full_path: "tanuki/platform", parent_id: 10 }
  ],
  projects: [{ id: 5, path_with_namespace: "tanuki/platform/api", namespace_id: 12, tokens: [] }],
  project: "tanuki/platform/api",
  expectExit: 1
};

// fixtures/scenarios/audit-tree.json
var audit_tree_default = {
  name: "audit-tree",
  title: "A group tree four levels deep with every problem `deploy-token audit` reports",
  description: "acme has a never-expiring gitlab-deploy-token that reaches only acme/site; acme/platform has stale, unmasked CI_DEPLOY_* variables; acme/platform/backend has a token expiring in 5 days that does not reach acme/platform/backend/db/schema; acme/web has two active gitlab-deploy-tokens (and a revoked one); acme/web/shop has an expired token, a token dead since 00:00 UTC today and a leftover ephemeral token; acme/site's own CI_DEPLOY_USER variable shadows the token GitLab would expose; acme/hidden has a hidden CI_DEPLOY_USER.",
  version: "17.5.1-ee",
  apiTokens: ["glpat-auditAdminAuditAdmin1", "glpat-auditMaintainer00001"],
  apiUsers: [
    {
      token: "glpat-auditMaintainer00001",
      id: 77,
      username: "maintainer",
      scopes: ["read_api"],
      access: { acme: 40 }
    }
  ],
  groups: [
    {
      id: 100,
      full_path: "acme",
      parent_id: null,
      tokens: [
        { id: 201, name: "gitlab-deploy-token", expires: null, scopes: ["read_registry"], token: "gldt-AcmeRoot201AcmeRoot2" }
      ]
    },
    {
      id: 101,
      full_path: "acme/platform",
      parent_id: 100,
      variables: [
        { variable_type: "env_var", key: "CI_DEPLOY_USER", value: "gitlab+deploy-token-999", protected: false, masked: false, hidden: false, raw: false, environment_scope: "*", description: null },
        { variable_type: "env_var", key: "CI_DEPLOY_PASSWORD", value: "gldt-PlatformSecretXYZ9876", protected: false, masked: false, hidden: false, raw: false, environment_scope: "*", description: null },
        { variable_type: "env_var", key: "UNRELATED", value: "hello", protected: false, masked: false, hidden: false, raw: false, environment_scope: "*", description: null }
      ]
    },
    {
      id: 102,
      full_path: "acme/platform/backend",
      parent_id: 101,
      tokens: [
        { id: 202, name: "gitlab-deploy-token", expires: "+5d", scopes: ["read_repository", "read_registry"], token: "gldt-Backend202Backend202" }
      ]
    },
    { id: 103, full_path: "acme/platform/backend/db", parent_id: 102 },
    {
      id: 104,
      full_path: "acme/web",
      parent_id: 100,
      tokens: [
        { id: 203, name: "gitlab-deploy-token", expires: "+60d", scopes: ["read_registry"], token: "gldt-WebTokenA203WebToken" },
        { id: 204, name: "gitlab-deploy-token", expires: "+90d", scopes: ["read_registry"], token: "gldt-WebTokenB204WebToken" },
        { id: 205, name: "gitlab-deploy-token", username: "web-old", expires: "+90d", revoked: true, scopes: ["read_registry"], token: "gldt-WebRevoked205WebRevo" }
      ]
    },
    {
      id: 105,
      full_path: "acme/hidden",
      parent_id: 100,
      variables: [
        { variable_type: "env_var", key: "CI_DEPLOY_USER", value: "someone", protected: false, masked: true, hidden: true, raw: false, environment_scope: "*", description: null },
        { variable_type: "env_var", key: "CI_DEPLOY_PASSWORD", value: "gldt-HiddenSecretValue555", protected: false, masked: true, hidden: true, raw: false, environment_scope: "*", description: null }
      ]
    }
  ],
  projects: [
    {
      id: 301,
      path_with_namespace: "acme/site",
      namespace_id: 100,
      tokens: [
        { id: 206, name: "ci-deployer", username: "site-deployer", expires: "+200d", scopes: ["read_repository"], token: "gldt-SiteDeployer206Site" }
      ],
      variables: [
        { variable_type: "env_var", key: "CI_DEPLOY_USER", value: "site-deployer", protected: false, masked: false, hidden: false, raw: false, environment_scope: "*", description: null },
        { variable_type: "env_var", key: "CI_DEPLOY_PASSWORD", value: "gldt-SiteSecretMasked0001", protected: false, masked: true, hidden: false, raw: false, environment_scope: "*", description: null }
      ]
    },
    { id: 302, path_with_namespace: "acme/platform/api", namespace_id: 101 },
    { id: 303, path_with_namespace: "acme/platform/backend/worker", namespace_id: 102 },
    { id: 304, path_with_namespace: "acme/platform/backend/db/schema", namespace_id: 103 },
    {
      id: 305,
      path_with_namespace: "acme/web/shop",
      namespace_id: 104,
      tokens: [
        { id: 207, name: "gitlab-deploy-token", expires: "-1d", scopes: ["read_registry"], token: "gldt-ShopExpired207Shop2" },
        { id: 208, name: "deploy-token-ephemeral-20261124T080000Z-abc123", expires: "+1d", scopes: ["read_registry"], token: "gldt-Ephemeral208Ephemera" },
        { id: 209, name: "deploy-token-ephemeral-20261125T093000Z-fresh1", expires: "+1d", scopes: ["read_registry"], token: "gldt-Ephemeral209Ephemera" },
        { id: 210, name: "nightly", expires: "+0d", scopes: ["read_repository"], token: "gldt-Nightly210Nightly210" }
      ]
    },
    {
      id: 306,
      path_with_namespace: "acme/web/legacy",
      namespace_id: 104,
      variables: [
        { variable_type: "env_var", key: "CI_DEPLOY_USER", value: "web-old", protected: true, masked: false, hidden: false, raw: false, environment_scope: "production", description: null },
        { variable_type: "env_var", key: "CI_DEPLOY_PASSWORD", value: "gldt-LegacySecretValue0001", protected: true, masked: true, hidden: false, raw: false, environment_scope: "production", description: null }
      ]
    }
  ],
  project: "acme/site",
  expectExit: 1
};

// src/standin/server.ts
import { createServer } from "node:http";

// fixtures/gitlab/metadata.json
var metadata_default = {
  version: "17.5.1-ee",
  revision: "a8d5f3a1e2c",
  kas: { enabled: true, externalUrl: "grpc://gitlab.example.com:8150", version: "17.5.1" },
  enterprise: true
};

// fixtures/gitlab/personal_access_token.json
var personal_access_token_default = {
  id: 4,
  name: "Test Token",
  revoked: false,
  created_at: "2020-07-23T14:31:47.729Z",
  description: "Test Token description",
  scopes: ["api"],
  user_id: 3,
  last_used_at: "2021-10-06T17:58:37.550Z",
  active: true,
  expires_at: null
};

// fixtures/gitlab/user.json
var user_default = {
  id: 1,
  username: "john_smith",
  name: "John Smith",
  state: "active",
  locked: false,
  avatar_url: "http://localhost:3000/uploads/user/avatar/1/index.jpg",
  web_url: "http://localhost:3000/john_smith",
  created_at: "2012-05-23T08:00:58Z",
  bio: "",
  public_email: "john@example.com",
  email: "john@example.com",
  two_factor_enabled: true,
  external: false,
  private_profile: false
};

// fixtures/gitlab/version.json
var version_default = { version: "17.5.1-ee", revision: "a8d5f3a1e2c" };

// fixtures/gitlab/errors.json
var errors_default = {
  "401": {
    message: "401 Unauthorized"
  },
  "403": {
    message: "403 Forbidden"
  },
  "404_project": {
    message: "404 Project Not Found"
  },
  "404_group": {
    message: "404 Group Not Found"
  },
  "404_variable": {
    message: "404 Variable Not Found"
  },
  "409_variable": {
    message: "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"
  },
  "429": {
    message: "Retry later"
  },
  "500": {
    message: "500 Internal Server Error"
  },
  "403_insufficient_scope": {
    error: "insufficient_scope",
    error_description: "The request requires higher privileges than provided by the access token.",
    scope: "api"
  },
  "404_token": {
    message: "404 Token Not Found"
  },
  "404_user": {
    message: "404 User Not Found"
  },
  "404_member": {
    message: "404 Member Not Found"
  },
  "400_missing": {
    error: "{param} is missing"
  },
  "400_invalid_value": {
    error: "{param} does not have a valid value"
  },
  "400_variable_value": {
    message: {
      value: [
        "is invalid"
      ]
    }
  },
  "400_variable_key_taken": {
    message: {
      key: [
        "({key}) has already been taken"
      ]
    }
  },
  "400_variable_key_format": {
    message: {
      key: [
        "can contain only letters, digits and '_'."
      ]
    }
  },
  "400_scopes_blank": {
    message: "Scopes can't be blank"
  },
  "400_username_format": {
    message: "Username can contain only letters, digits, '_', '-', '+', and '.'"
  }
};

// fixtures/gitlab/pagination_headers.json
var pagination_headers_default = {
  comment: "Offset pagination headers as GitLab sends them (doc/api/rest/index.md#pagination-link-header). {base}, {page}, {next}, {prev}, {per_page}, {total}, {total_pages} are filled in per answer. GitLab.com may omit x-total and x-total-pages on large collections.",
  "content-type": "application/json",
  "x-page": "{page}",
  "x-per-page": "{per_page}",
  "x-next-page": "{next}",
  "x-prev-page": "{prev}",
  "x-total": "{total}",
  "x-total-pages": "{total_pages}",
  link: '<{base}&page={next}>; rel="next", <{base}&page=1>; rel="first", <{base}&page={total_pages}>; rel="last"'
};

// src/standin/http.ts
var errors = errors_default;
var json = (status, body, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body)
});
var noContent = () => ({ status: 204, headers: {}, body: "" });
var noRoute = () => json(404, { error: "404 Not Found" });
var notAllowed = () => json(405, { message: "405 Method Not Allowed" });
function fill(entry, values) {
  let text = JSON.stringify(entry);
  for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v.replace(/["\\]/g, ""));
  return JSON.parse(text);
}
function gitlabError(key, values) {
  const entry = errors_default[key];
  return json(Number(key.slice(0, 3)), values ? fill(entry, values) : entry);
}
var missing = (param) => gitlabError("400_missing", { param });
var invalid = (param) => json(400, { error: `${param} is invalid` });
function paginate(items, url, base) {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 20) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const q = new URLSearchParams(url.searchParams);
  q.delete("page");
  const linkBase = `${base}${url.pathname}?${q.toString()}`;
  const fillHeader = (s) => s.replaceAll("{page}", String(page)).replaceAll("{per_page}", String(perPage)).replaceAll("{next}", page < totalPages ? String(page + 1) : "").replaceAll("{prev}", page > 1 ? String(page - 1) : "").replaceAll("{total}", String(items.length)).replaceAll("{total_pages}", String(totalPages)).replaceAll("{base}", linkBase);
  const headers = {};
  for (const [k, v] of Object.entries(pagination_headers_default)) {
    if (k === "comment") continue;
    headers[k] = fillHeader(v);
  }
  return { status: 200, headers, body: JSON.stringify(slice) };
}
function parseBody(req) {
  const raw = req.body ?? "";
  if (raw === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    try {
      const v = JSON.parse(raw);
      return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
    } catch {
      return void 0;
    }
  }
  const out = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (k.endsWith("[]")) {
      const key = k.slice(0, -2);
      out[key] = [...out[key] ?? [], v];
    } else out[k] = v;
  }
  return out;
}
function boolParam(v) {
  if (v === void 0) return void 0;
  if (v === true || v === "true" || v === "1" || v === 1) return true;
  if (v === false || v === "false" || v === "0" || v === 0) return false;
  return "invalid";
}
function basicAuth(req) {
  const h = req.headers.authorization ?? "";
  const m = /^Basic\s+(\S+)$/i.exec(h);
  if (!m?.[1]) return void 0;
  const text = Buffer.from(m[1], "base64").toString("utf8");
  const at = text.indexOf(":");
  return at < 0 ? void 0 : { login: text.slice(0, at), password: text.slice(at + 1) };
}

// src/standin/model.ts
var DAY_MS = 864e5;
function expiryInstant(expires, now) {
  if (expires === null || expires === void 0) return null;
  const rel = /^([+-]\d+)d$/.exec(expires);
  if (rel) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(midnight + Number(rel[1]) * DAY_MS).toISOString();
  }
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires);
  return d.toISOString();
}

// src/standin/auth.ts
function deployTokenLogin(w, login, password) {
  if (password === "") return void 0;
  const t = w.allTokens().find((x) => x.token === password && w.activeNow(x));
  if (!t || login !== w.usernameOf(t)) return void 0;
  return t;
}
function hasAccessTo(w, t, p) {
  const holder = w.holderOf(t);
  if (!holder) return false;
  if (holder.level === "projects") return holder.p === p;
  const group = w.groupById(p.namespace_id);
  if (!group) return false;
  return group.id === holder.g.id || w.descendants(holder.g).some((d) => d.id === group.id);
}
function activeByDate(w, t) {
  const now = w.now();
  const e = expiryInstant(t.expires, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return !t.revoked && (e === null || new Date(e).getTime() >= today);
}
var denied = () => json(401, { message: "HTTP Basic: Access denied" });
function lfsBatch(w, req, projectPath) {
  const creds = basicAuth(req);
  const t = creds && deployTokenLogin(w, creds.login, creds.password);
  if (!t) return denied();
  const p = w.findProject(projectPath);
  const notFound = json(404, { message: "Not found.", documentation_url: `${w.baseUrl}/help` });
  if (!p) return notFound;
  const access = w.at(LFS_GROUP_TOKENS) ? hasAccessTo(w, t, p) : (p.tokens ?? []).includes(t);
  if (!access || !t.scopes.includes("read_repository")) return notFound;
  return {
    status: 200,
    headers: { "content-type": "application/vnd.git-lfs+json" },
    body: JSON.stringify({ objects: [] })
  };
}
function jwtAuth(w, req, url) {
  const creds = basicAuth(req);
  const t = creds && deployTokenLogin(w, creds.login, creds.password);
  if (!t) return denied();
  if (url.searchParams.get("service") === "dependency_proxy") {
    return validForDependencyProxy(w, t) ? json(200, { token: "standin-dependency-proxy-jwt" }) : json(403, { message: "access forbidden" });
  }
  const scope = /^repository:(.+):([a-z,*]+)$/.exec(url.searchParams.get("scope") ?? "");
  const p = scope?.[1] ? w.findProject(scope[1]) : void 0;
  const asked = (scope?.[2] ?? "").split(",");
  const actions = asked.filter(
    (a) => p !== void 0 && hasAccessTo(w, t, p) && (a === "pull" && t.scopes.includes("read_registry") || a === "push" && t.scopes.includes("write_registry"))
  );
  const access = p && scope ? [{ type: "repository", name: scope[1], actions }] : [];
  return json(200, { token: Buffer.from(JSON.stringify({ access })).toString("base64url"), access });
}
function validForDependencyProxy(w, t) {
  if (!w.at(DEPENDENCY_PROXY_DEPLOY_TOKENS)) return false;
  const holder = w.holderOf(t);
  if (holder?.level !== "groups" || !activeByDate(w, t)) return false;
  const has = (a, b) => t.scopes.includes(a) && t.scopes.includes(b);
  if (has("read_registry", "write_registry")) return true;
  return w.at(DEPENDENCY_PROXY_VIRTUAL_SCOPES) && has("read_virtual_registry", "write_virtual_registry");
}

// fixtures/gitlab/group.json
var group_default = {
  id: 10,
  web_url: "https://gitlab.example.com/groups/tanuki",
  name: "tanuki",
  path: "tanuki",
  description: "",
  visibility: "private",
  lfs_enabled: true,
  full_name: "tanuki",
  full_path: "tanuki",
  created_at: "2020-01-15T12:36:29.590Z",
  parent_id: null
};

// fixtures/gitlab/member.json
var member_default = {
  id: 1,
  username: "raymond_smith",
  name: "Raymond Smith",
  state: "active",
  avatar_url: "https://www.gravatar.com/avatar/c2525a7f58ae3776070e44c106c48e15?s=80&d=identicon",
  web_url: "http://192.168.1.8:3000/root",
  expires_at: "2012-10-22T14:13:35Z",
  access_level: 30,
  group_saml_identity: null,
  membership_state: "active"
};

// fixtures/gitlab/project.json
var project_default = {
  id: 3,
  description: "Tanuki's project",
  name: "awesome_project",
  name_with_namespace: "Tanuki / awesome_project",
  path: "awesome_project",
  path_with_namespace: "tanuki/awesome_project",
  created_at: "2013-09-30T13:46:02Z",
  default_branch: "main",
  visibility: "private",
  ssh_url_to_repo: "git@gitlab.example.com:tanuki/awesome_project.git",
  http_url_to_repo: "https://gitlab.example.com/tanuki/awesome_project.git",
  web_url: "https://gitlab.example.com/tanuki/awesome_project",
  namespace: {
    id: 10,
    name: "tanuki",
    path: "tanuki",
    kind: "group",
    full_path: "tanuki",
    parent_id: null,
    avatar_url: null,
    web_url: "https://gitlab.example.com/groups/tanuki"
  },
  container_registry_enabled: true,
  container_registry_access_level: "enabled",
  container_registry_image_prefix: "registry.example.com/tanuki/awesome_project",
  lfs_enabled: true,
  archived: false,
  permissions: {
    project_access: {
      access_level: 10,
      notification_level: 3
    },
    group_access: {
      access_level: 50,
      notification_level: 3
    }
  }
};

// src/standin/entities.ts
function projectView(w, p, u) {
  const g = w.groupById(p.namespace_id);
  const nsPath = g ? g.full_path : p.path_with_namespace.split("/").slice(0, -1).join("/");
  const name = p.path_with_namespace.split("/").pop() ?? "";
  const host = new URL(w.baseUrl).host;
  const view = {
    ...project_default,
    id: p.id,
    name,
    path: name,
    name_with_namespace: p.path_with_namespace.split("/").join(" / "),
    path_with_namespace: p.path_with_namespace,
    ssh_url_to_repo: `git@${host}:${p.path_with_namespace}.git`,
    http_url_to_repo: `${w.baseUrl}/${p.path_with_namespace}.git`,
    web_url: `${w.baseUrl}/${p.path_with_namespace}`,
    namespace: {
      ...project_default.namespace,
      id: g ? g.id : 1e3 + p.id,
      name: nsPath.split("/").pop(),
      path: nsPath.split("/").pop(),
      kind: g ? "group" : "user",
      full_path: nsPath,
      parent_id: g ? g.parent_id ?? null : null,
      web_url: `${w.baseUrl}/${g ? "groups/" : ""}${nsPath}`
    },
    container_registry_image_prefix: `registry.${host.replace(/^gitlab\./, "")}/${p.path_with_namespace}`
  };
  if (u === void 0) delete view.permissions;
  else view.permissions = permissions(w, p, u);
  return view;
}
function permissions(w, p, u) {
  const direct = u.access?.[p.path_with_namespace];
  const inherited = w.chain({ level: "projects", p }).slice(1).map((path) => u.access?.[path] ?? 0);
  const groupLevel = Math.max(0, ...inherited);
  return {
    project_access: direct ? { access_level: direct, notification_level: 3 } : null,
    group_access: groupLevel ? { access_level: groupLevel, notification_level: 3 } : null
  };
}
function groupView(w, g) {
  return {
    ...group_default,
    id: g.id,
    name: g.full_path.split("/").pop(),
    path: g.full_path.split("/").pop(),
    full_name: g.full_path.split("/").join(" / "),
    full_path: g.full_path,
    parent_id: g.parent_id ?? null,
    web_url: `${w.baseUrl}/groups/${g.full_path}`
  };
}
function groupListing(w, g, sub, url) {
  if (sub === "descendant_groups") {
    return paginate(
      w.descendants(g).map((x) => groupView(w, x)),
      url,
      w.baseUrl
    );
  }
  const groupIds = /* @__PURE__ */ new Set([
    g.id,
    ...url.searchParams.get("include_subgroups") === "true" ? w.descendants(g).map((x) => x.id) : []
  ]);
  const projects = w.scenario.projects.filter((x) => x.namespace_id !== null && groupIds.has(x.namespace_id)).sort((a, b) => a.id - b.id).map((x) => projectView(w, x));
  return paginate(projects, url, w.baseUrl);
}
function groupMember(w, g, key, u) {
  const who = Number(key) === u.id ? u : w.scenario.apiUsers?.find((x) => x.id === Number(key));
  const lvl = who && !who.admin ? Math.max(0, ...w.chain({ level: "groups", g }).map((x) => who.access?.[x] ?? 0)) : 0;
  if (!who || lvl === 0) return gitlabError("404_member");
  return json(200, { ...member_default, id: who.id, username: who.username, access_level: lvl });
}
function protectedRefs(w, p, kind, key, url) {
  const names = (kind === "branches" ? p.protectedBranches : p.protectedTags) ?? [];
  const view = (name) => kind === "branches" ? {
    id: names.indexOf(name) + 1,
    name,
    push_access_levels: [],
    merge_access_levels: [],
    allow_force_push: false,
    code_owner_approval_required: false
  } : { name, create_access_levels: [] };
  if (key !== void 0) {
    return names.includes(key) ? json(200, view(key)) : json(404, { message: "404 Not found" });
  }
  return paginate(names.map(view), url, w.baseUrl);
}

// src/standin/rate-limit.ts
var NAME = "throttle_authenticated_api";
var Throttle = class {
  constructor(o) {
    this.o = o;
  }
  o;
  /** Answers refused with 429. */
  refused = 0;
  counts = /* @__PURE__ */ new Map();
  /** Count the request: a 429 when over the limit, else the headers to add to GitLab's answer. */
  check(req) {
    const who = req.headers["private-token"];
    if (!who) return { headers: {} };
    const nowS = Math.floor((this.o.now ?? Date.now)() / 1e3);
    const period = this.o.periodS;
    const key = `${who}:${Math.floor(nowS / period)}`;
    const observed = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, observed);
    const retryAfter = period - nowS % period;
    const reset = nowS + retryAfter;
    const common = {
      // GitLab's own clock, which RateLimit-Reset is read against.
      date: new Date(nowS * 1e3).toUTCString(),
      "ratelimit-name": NAME,
      "ratelimit-limit": String(Math.ceil(this.o.limit * 60 / period)),
      "ratelimit-observed": String(observed),
      "ratelimit-remaining": String(Math.max(0, this.o.limit - observed)),
      "ratelimit-reset": String(reset)
    };
    if (observed > this.o.limit) {
      this.refused++;
      return {
        refused: {
          status: 429,
          headers: {
            "content-type": "text/plain",
            ...common,
            "retry-after": String(retryAfter),
            "ratelimit-resettime": new Date(reset * 1e3).toUTCString()
          },
          body: "Retry later\n"
        }
      };
    }
    return { headers: this.o.everyAnswer ? common : { date: common.date } };
  }
};

// src/standin/tokens.ts
import { randomBytes } from "node:crypto";

// fixtures/gitlab/deploy_token.json
var deploy_token_default = {
  id: 1,
  name: "MyToken",
  username: "gitlab+deploy-token-1",
  expires_at: "2020-02-14T00:00:00.000Z",
  revoked: false,
  expired: false,
  scopes: ["read_repository", "read_registry"]
};

// fixtures/gitlab/deploy_token_created.json
var deploy_token_created_default = {
  id: 1,
  name: "My deploy token",
  username: "custom-user",
  expires_at: "2021-01-01T00:00:00.000Z",
  token: "gldt-jMRvtCNxrn3crTEGukpZ",
  revoked: false,
  expired: false,
  scopes: ["read_repository"]
};

// src/standin/tokens.ts
var TOKEN_STATE_FIELDS = [14, 0];
var DEPLOY_USERNAME = /^[a-zA-Z0-9.+_-]+$/;
function tokenView(w, t) {
  const now = w.now();
  const expires_at = expiryInstant(t.expires, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const view = {
    ...deploy_token_default,
    id: t.id,
    name: t.name,
    username: w.usernameOf(t),
    expires_at,
    revoked: t.revoked ?? false,
    expired: expires_at !== null && new Date(expires_at).getTime() < today,
    scopes: t.scopes
  };
  if (!w.at(TOKEN_STATE_FIELDS)) {
    delete view.revoked;
    delete view.expired;
  }
  return view;
}
function deployTokens(w, r) {
  const tokens = [...r.holder.tokens ?? []].sort((a, b) => a.id - b.id);
  if (r.method === "POST") return r.key === void 0 ? createToken(w, r.holder, r.body) : notAllowed();
  if (r.method === "DELETE") {
    if (r.key === void 0) return notAllowed();
    const t = tokens.find((x) => String(x.id) === r.key);
    if (!t) return gitlabError("404_token");
    r.holder.tokens = (r.holder.tokens ?? []).filter((x) => x !== t);
    return noContent();
  }
  if (r.method !== "GET") return notAllowed();
  if (r.key !== void 0) {
    if (!w.at(SINGLE_TOKEN_GET)) return noRoute();
    const t = tokens.find((x) => String(x.id) === r.key);
    return t ? json(200, tokenView(w, t)) : gitlabError("404_token");
  }
  const filter = r.url.searchParams.get("active") === "true" && w.at(TOKEN_STATE_FIELDS);
  const list = filter ? tokens.filter((t) => w.activeNow(t)) : tokens;
  return paginate(
    list.map((t) => tokenView(w, t)),
    r.url,
    w.baseUrl
  );
}
function scopesParam(v) {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") {
    return v.split(",").map((s) => s.trim()).filter(Boolean);
  }
  return void 0;
}
function expiresParam(v) {
  if (v === void 0 || v === null || v === "") return null;
  const raw = String(v);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Date.parse(raw);
  return Number.isNaN(at) ? "invalid" : new Date(at).toISOString();
}
function createToken(w, holder, body) {
  if (body.name === void 0) return missing("name");
  if (body.scopes === void 0) return missing("scopes");
  const scopes = scopesParam(body.scopes);
  if (!scopes || !scopes.every((s) => typeof s === "string" && isScope(s)))
    return gitlabError("400_invalid_value", { param: "scopes" });
  if (typeof body.name !== "string") return invalid("name");
  const expires = expiresParam(body.expires_at);
  if (expires === "invalid") return invalid("expires_at");
  if (scopes.length === 0) return gitlabError("400_scopes_blank");
  if (body.name.length > 255) return json(400, { message: "Name is too long (maximum is 255 characters)" });
  let username;
  if (body.username !== void 0 && body.username !== null) {
    if (typeof body.username !== "string") return invalid("username");
    if (body.username !== "") {
      if (!DEPLOY_USERNAME.test(body.username) || body.username.length > 255)
        return gitlabError("400_username_format");
      username = body.username;
    }
  }
  const id = Math.max(0, ...w.allTokens().map((t2) => t2.id)) + 1;
  const token = `gldt-${randomBytes(15).toString("base64url").slice(0, 20)}`;
  const t = {
    id,
    name: body.name,
    scopes,
    expires,
    token,
    ...username ? { username } : {}
  };
  holder.tokens ??= [];
  holder.tokens.push(t);
  const view = { ...deploy_token_created_default, ...tokenView(w, t), token };
  if (!w.at(TOKEN_STATE_FIELDS)) {
    delete view.revoked;
    delete view.expired;
  }
  return json(201, view);
}

// fixtures/gitlab/variable.json
var variable_default = {
  variable_type: "env_var",
  key: "TEST_VARIABLE_1",
  value: "TEST_1",
  protected: false,
  masked: true,
  hidden: false,
  raw: false,
  environment_scope: "*",
  description: null
};

// src/standin/variables.ts
var MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
var MASKABLE_RAW = /^\S{8,}$/;
var VARIABLE_KEY = /^[a-zA-Z0-9_]+$/;
function variableView(w, v) {
  const view = { ...variable_default, ...v, value: v.hidden ? null : v.value };
  if (!w.at(HIDDEN_VARIABLES)) delete view.hidden;
  return view;
}
function variables(w, r) {
  if (r.method === "GET") return read(w, r);
  if (r.method === "POST" || r.method === "PUT" || r.method === "DELETE") return write(w, r);
  return notAllowed();
}
function filters(w, level) {
  return w.at(level === "projects" ? PROJECT_VARIABLE_FILTER : GROUP_VARIABLE_FILTER);
}
function addressed(w, r, vars) {
  const scope = filters(w, r.level) ? r.url.searchParams.get("filter[environment_scope]") : null;
  const found = vars.filter(
    (v) => v.key === r.key && (scope === null || (v.environment_scope ?? "*") === scope)
  );
  if (found.length === 0) return gitlabError("404_variable");
  if (found.length > 1 && filters(w, r.level)) return gitlabError("409_variable");
  return found[0];
}
function read(w, r) {
  const vars = r.holder.variables ?? [];
  if (r.key === void 0) {
    return paginate(
      vars.map((v) => variableView(w, v)),
      r.url,
      w.baseUrl
    );
  }
  const one = addressed(w, r, vars);
  return "status" in one ? one : json(200, variableView(w, one));
}
function write(w, r) {
  r.holder.variables ??= [];
  const vars = r.holder.variables;
  const body = r.body;
  let target;
  if (r.method === "POST") {
    if (r.key !== void 0) return notAllowed();
    if (body.key === void 0) return missing("key");
    if (body.value === void 0) return missing("value");
    if (typeof body.key !== "string" || typeof body.value !== "string") return invalid("value");
  } else {
    if (r.key === void 0) return notAllowed();
    const one = addressed(w, r, vars);
    if ("status" in one) return one;
    target = one;
    if (r.method === "DELETE") {
      vars.splice(vars.indexOf(target), 1);
      return noContent();
    }
    if (body.value !== void 0 && typeof body.value !== "string") return invalid("value");
  }
  const next = merged(body, target);
  if ("status" in next) return next;
  return store(w, vars, next, target);
}
function merged(body, target) {
  const flags = {};
  for (const f of ["masked", "protected", "raw"]) {
    const b = boolParam(body[f]);
    if (b === "invalid") return invalid(f);
    if (b !== void 0) flags[f] = b;
  }
  const next = {
    ...variable_default,
    ...target ?? { masked: false, protected: false, raw: false, hidden: false, description: null },
    ...typeof body.key === "string" ? { key: body.key } : {},
    ...typeof body.value === "string" ? { value: body.value } : {},
    ...typeof body.environment_scope === "string" ? { environment_scope: body.environment_scope } : {},
    ...body.variable_type === "file" || body.variable_type === "env_var" ? { variable_type: body.variable_type } : {},
    ...flags
  };
  if (target === void 0)
    next.environment_scope = typeof body.environment_scope === "string" ? body.environment_scope : "*";
  return next;
}
function store(w, vars, next, target) {
  if (next.key.length > 255 || !VARIABLE_KEY.test(next.key)) return gitlabError("400_variable_key_format");
  const clash = vars.find(
    (v) => v !== target && v.key === next.key && (v.environment_scope ?? "*") === (next.environment_scope ?? "*")
  );
  if (clash) return gitlabError("400_variable_key_taken", { key: next.key });
  if (next.masked && !(next.raw ? MASKABLE_RAW : MASKABLE).test(next.value ?? ""))
    return gitlabError("400_variable_value");
  if (target) {
    Object.assign(target, next);
    return json(200, variableView(w, target));
  }
  vars.push(next);
  return json(201, variableView(w, next));
}

// src/standin/world.ts
var GUEST = 10;
var MAINTAINER = 40;
var OWNER = 50;
var World = class {
  constructor(scenario, now, baseUrl) {
    this.scenario = scenario;
    this.now = now;
    this.baseUrl = baseUrl;
    this.version = parseGitLabVersion(scenario.version) ?? {
      major: 99,
      minor: 0,
      patch: 0,
      suffix: "",
      raw: scenario.version
    };
  }
  scenario;
  now;
  baseUrl;
  version;
  /** Whether the scenario's GitLab has reached a release. */
  at(r) {
    return reached(this.version, r);
  }
  findProject(id) {
    return this.scenario.projects.find((p) => String(p.id) === id || p.path_with_namespace === id);
  }
  findGroup(id) {
    return this.scenario.groups.find((g) => String(g.id) === id || g.full_path === id);
  }
  groupById(id) {
    return id === null || id === void 0 ? void 0 : this.scenario.groups.find((g) => g.id === id);
  }
  /** Every token of the scenario, for new ids (GitLab's ids are global). */
  allTokens() {
    return [...this.scenario.groups, ...this.scenario.projects].flatMap((e) => e.tokens ?? []);
  }
  user(token) {
    return this.scenario.apiUsers?.find((u) => u.token === token) ?? {
      token,
      id: 1,
      username: "root",
      admin: true,
      scopes: ["api"]
    };
  }
  /** Paths whose membership applies to an entity: itself, then its ancestors (membership is inherited). */
  chain(e) {
    const paths = [];
    let groupId;
    if (e.level === "projects") {
      paths.push(e.p.path_with_namespace);
      groupId = e.p.namespace_id;
    } else groupId = e.g.id;
    for (let i = 0; i < 50; i++) {
      const g = this.groupById(groupId);
      if (!g) break;
      paths.push(g.full_path);
      groupId = g.parent_id;
    }
    return paths;
  }
  accessLevel(u, e) {
    if (u.admin) return OWNER;
    return Math.max(0, ...this.chain(e).map((p) => u.access?.[p] ?? 0));
  }
  descendants(g) {
    const out = [];
    const queue = [g.id];
    for (let i = 0; i < queue.length && i < 1e4; i++) {
      for (const c of this.scenario.groups.filter((x) => x.parent_id === queue[i])) {
        out.push(c);
        queue.push(c.id);
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }
  /** app/models/deploy_token.rb `scope :active`: revoked = false AND expires_at >= NOW(). */
  activeNow(t) {
    const now = this.now();
    const e = expiryInstant(t.expires, now);
    return !t.revoked && (e === null || new Date(e).getTime() >= now.getTime());
  }
  /** `DeployToken#username`: the stored one, else `gitlab+deploy-token-{id}`. */
  usernameOf(t) {
    return t.username ?? `gitlab+deploy-token-${t.id}`;
  }
  /** Who holds a token: the project or group whose list has it. */
  holderOf(t) {
    const p = this.scenario.projects.find((x) => x.tokens?.includes(t));
    if (p) return { level: "projects", p };
    const g = this.scenario.groups.find((x) => x.tokens?.includes(t));
    return g ? { level: "groups", g } : void 0;
  }
};

// src/standin/server.ts
var PAT_SELF = [15, 5];
var RESOURCE = /^\/(projects|groups)\/([^/]+)(?:\/(deploy_tokens|variables|descendant_groups|projects|members\/all|protected_branches|protected_tags)(?:\/([^/]+))?)?$/;
var StandinGitLab = class {
  scenario;
  requests = [];
  world;
  intercept;
  throttle;
  constructor(scenario, opts = {}) {
    this.scenario = scenario;
    this.world = new World(
      scenario,
      opts.now ?? (() => /* @__PURE__ */ new Date()),
      opts.baseUrl ?? "https://gitlab.example.com"
    );
    this.intercept = opts.intercept;
    this.throttle = opts.throttle ? new Throttle(opts.throttle) : void 0;
  }
  /** Answer one request, as GitLab would (after the fault injector, if any). */
  handle(req) {
    this.requests.push(req);
    const gate = this.throttle?.check(req);
    if (gate && "refused" in gate) return gate.refused;
    const a = this.intercept ? this.intercept(req, () => this.answer(req)) : this.answer(req);
    return gate ? { ...a, headers: { ...a.headers, ...gate.headers } } : a;
  }
  answer(req) {
    const url = new URL(req.url, "http://standin");
    const method = req.method.toUpperCase();
    const lfs = /^\/(.+)\.git\/info\/lfs\/objects\/batch$/.exec(url.pathname);
    if (lfs?.[1] && method === "POST") return lfsBatch(this.world, req, decodeURIComponent(lfs[1]));
    if (url.pathname === "/jwt/auth" && method === "GET") return jwtAuth(this.world, req, url);
    const token = req.headers["private-token"];
    if (!token || !this.scenario.apiTokens.includes(token)) return gitlabError("401");
    const u = this.world.user(token);
    const write2 = method !== "GET" && method !== "HEAD";
    if (write2 ? !u.scopes.includes("api") : !u.scopes.some((s) => s === "api" || s === "read_api"))
      return json(403, { ...errors["403_insufficient_scope"], scope: write2 ? "api" : "api read_api" });
    const body = write2 ? parseBody(req) : {};
    if (body === void 0) return json(400, { error: "The request body is not valid JSON" });
    const path = url.pathname.replace(/^\/api\/v4/, "");
    return this.instance(path, { method, url, u, body }) ?? this.resource(path, { method, url, u, body });
  }
  /** Instance-wide endpoints: version, metadata, the caller. */
  instance(path, r) {
    if (r.method !== "GET") return void 0;
    const version = this.scenario.version;
    if (path === "/version") return json(200, { ...version_default, version });
    if (path === "/metadata") return json(200, { ...metadata_default, version });
    if (path === "/user") {
      return json(200, {
        ...user_default,
        id: r.u.id,
        username: r.u.username,
        ...r.u.admin ? { is_admin: true } : {}
      });
    }
    if (path === "/personal_access_tokens/self") {
      if (!this.world.at(PAT_SELF)) return json(404, { message: "404 Not Found" });
      return json(200, { ...personal_access_token_default, user_id: r.u.id, scopes: r.u.scopes });
    }
    return void 0;
  }
  /** `/projects/:id/...` and `/groups/:id/...`, with GitLab's permission rules. */
  resource(path, r) {
    const m = RESOURCE.exec(path);
    if (!m) return json(404, { message: "404 Not Found" });
    const [, level, rawId = "", sub, rawKey] = m;
    const id = decodeURIComponent(rawId);
    const key = rawKey === void 0 ? void 0 : decodeURIComponent(rawKey);
    const p = level === "projects" ? this.world.findProject(id) : void 0;
    const g = level === "groups" ? this.world.findGroup(id) : void 0;
    const entity = p ? { level: "projects", p } : g ? { level: "groups", g } : void 0;
    if (!entity || this.world.accessLevel(r.u, entity) < GUEST)
      return gitlabError(level === "projects" ? "404_project" : "404_group");
    const access = this.world.accessLevel(r.u, entity);
    const holder = p ?? g;
    if (sub === void 0) {
      if (r.method !== "GET") return notAllowed();
      return p ? json(200, projectView(this.world, p, r.u)) : json(200, groupView(this.world, g));
    }
    if (sub === "descendant_groups" || sub === "projects") {
      if (!g || r.method !== "GET" || key !== void 0) return json(404, { message: "404 Not Found" });
      return groupListing(this.world, g, sub, r.url);
    }
    if (sub === "members/all") {
      if (!g || r.method !== "GET" || key === void 0) return json(404, { message: "404 Not Found" });
      return groupMember(this.world, g, key, r.u);
    }
    if (sub === "protected_branches" || sub === "protected_tags") {
      if (!p || r.method !== "GET") return json(404, { message: "404 Not Found" });
      if (access < MAINTAINER) return gitlabError("403");
      return protectedRefs(this.world, p, sub === "protected_branches" ? "branches" : "tags", key, r.url);
    }
    const lvl = level;
    if (sub === "deploy_tokens") {
      if (access < (r.method === "GET" || lvl === "projects" ? MAINTAINER : OWNER)) return gitlabError("403");
      return deployTokens(this.world, { method: r.method, url: r.url, key, holder, body: r.body });
    }
    if (access < (lvl === "projects" ? MAINTAINER : OWNER)) return gitlabError("403");
    return variables(this.world, { method: r.method, url: r.url, key, level: lvl, holder, body: r.body });
  }
};
async function startStandin(scenario, opts = {}) {
  const holder = {};
  const server = createServer((req, res) => {
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size <= 1048576) chunks.push(c);
    });
    req.on("end", () => {
      const answer = holder.gitlab.handle({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers,
        ...size > 0 ? { body: Buffer.concat(chunks).toString("utf8") } : {}
      });
      const send = () => {
        if (answer.status === 0) {
          res.socket?.destroy();
          return;
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      };
      if (opts.latencyMs) setTimeout(send, opts.latencyMs);
      else send();
    });
  });
  server.keepAliveTimeout = 5e3;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  const gitlab = new StandinGitLab(scenario, { ...opts, baseUrl: url });
  holder.gitlab = gitlab;
  return {
    url,
    gitlab,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}

// src/cli/commands/demo.ts
var DEMO_SCENARIOS = [project_token_default, group_token_15_0_default, group_token_17_default, expired_token_default, grandparent_token_default];
function secretsOf(sc) {
  return [
    ...sc.apiTokens,
    ...sc.projects.flatMap((p) => (p.tokens ?? []).map((t) => t.token)),
    ...sc.groups.flatMap((g) => (g.tokens ?? []).map((t) => t.token)),
    ...[...sc.projects, ...sc.groups].flatMap(
      (h) => (h.variables ?? []).filter((v) => v.key === "CI_DEPLOY_PASSWORD" && v.value).map((v) => v.value)
    )
  ];
}
function registerSecrets(ctx, sc) {
  for (const s of secretsOf(sc)) ctx.scrubber.add(s);
}
async function captured(ctx, sc, fn) {
  let text = "";
  const sink = { write: (t) => void (text += t), isTTY: false };
  const code = await fn({
    ...ctx,
    stdout: sink,
    stderr: sink,
    payload: sink,
    env: { GITLAB_TOKEN: sc.apiTokens[0] ?? "" }
  });
  return { code, text };
}
async function demoChanges(ctx, style, first) {
  let mismatches = 0;
  const sc = structuredClone(group_token_15_0_default);
  registerSecrets(ctx, sc);
  const standin = await startStandin(sc, { now: ctx.now });
  try {
    const argv = `provision --level group --group tanuki --scopes read_repository,read_registry --expires-in 90 --store group-variables --rotate`;
    let out = `
${style.bold(`${first}. Rotate the group token kept in the group's CI/CD variables (GitLab 15.0)`)}
   A new token, the variables updated and verified, and only then the old token deleted; any failure rolls back.

$ deploy-token ${argv}
`;
    const { runProvisionCommand } = await import("./provision-WSSJVREG.js");
    const r = await captured(
      ctx,
      sc,
      (sub) => runProvisionCommand(
        {
          level: "group",
          group: "tanuki",
          scopes: "read_repository,read_registry",
          expiresIn: "90",
          store: "group-variables",
          rotate: true,
          gitlabUrl: standin.url
        },
        sub
      )
    );
    out += r.text;
    const env = { GITLAB_TOKEN: sc.apiTokens[0] };
    const { resolution, settings } = await runFlow(
      { gitlabUrl: standin.url, project: sc.project },
      { env, cwd: ctx.cwd, now: ctx.now }
    );
    out += `
$ deploy-token plan --project ${sc.project}   # the job now gets the new token
`;
    out += formatPlanText(
      planReport(resolution, {
        gitlabUrl: settings.gitlab.url,
        project: sc.project,
        now: ctx.now(),
        exports: []
      }),
      style
    );
    ctx.stdout.write(out);
    if (r.code !== 0 || !resolution.ok || resolution.token?.id === 21) {
      mismatches++;
      ctx.stderr.write("deploy-token demo: the rotation did not give the job a new working token\n");
    }
  } finally {
    await standin.close();
  }
  const tree = structuredClone(audit_tree_default);
  registerSecrets(ctx, tree);
  const audit = await startStandin(tree, { now: ctx.now });
  try {
    const { runAudit } = await import("./audit-4TE6G3MW.js");
    const r = await captured(ctx, tree, (sub) => runAudit({ group: "acme", gitlabUrl: audit.url }, sub));
    ctx.stdout.write(
      `
${style.bold(`${first + 1}. Audit a group tree`)}
   Every deploy token of acme, its subgroups and projects, with what is wrong and what to do (exit 1: errors found).

$ deploy-token audit --group acme
${r.text}`
    );
    if (r.code !== 1) {
      mismatches++;
      ctx.stderr.write(`deploy-token demo: the audit gave exit ${r.code}, expected 1
`);
    }
  } finally {
    await audit.close();
  }
  return mismatches;
}
async function runDemo(ctx, scenarios = DEMO_SCENARIOS) {
  const style = pickStyle(ctx.stdout.isTTY, ctx.env);
  let mismatches = 0;
  for (const [i, sc] of scenarios.entries()) {
    registerSecrets(ctx, sc);
    const standin = await startStandin(sc, { now: ctx.now });
    try {
      const env = { GITLAB_TOKEN: sc.apiTokens[0], ...sc.jobEnv ?? {} };
      const flags = { gitlabUrl: standin.url, project: sc.project };
      const { resolution: r, settings } = await runFlow(flags, { env, cwd: ctx.cwd, now: ctx.now });
      const plan = planReport(r, {
        gitlabUrl: settings.gitlab.url,
        project: sc.project,
        now: ctx.now(),
        exports: r.ok ? [{ target: "shell", where: "stdout", variables: ["CI_DEPLOY_USER", "CI_DEPLOY_PASSWORD"] }] : []
      });
      let out = `
${style.bold(`${i + 1}. ${sc.title}`)}
   ${sc.description}

$ deploy-token plan --project ${sc.project}
`;
      out += formatPlanText(plan, style);
      if (r.ok && r.credentials) {
        out += `
$ eval "$(deploy-token resolve --export shell)"   # what it exports (secret masked here)
`;
        out += renderShell(deployVariables(r.credentials.username, r.credentials.password));
      }
      ctx.stdout.write(out);
      if (sc.expectExit !== void 0 && r.exitCode !== sc.expectExit) {
        mismatches++;
        ctx.stderr.write(
          `deploy-token demo: scenario ${sc.name} gave exit ${r.exitCode}, expected ${sc.expectExit}
`
        );
      }
    } finally {
      await standin.close();
    }
  }
  if (scenarios === DEMO_SCENARIOS) mismatches += await demoChanges(ctx, style, scenarios.length + 1);
  const total = scenarios.length + (scenarios === DEMO_SCENARIOS ? 2 : 0);
  ctx.stdout.write(
    `
${mismatches === 0 ? style.green("demo complete") : style.red("demo found a mismatch")}: ${total} scenarios against a stand-in GitLab on 127.0.0.1; no network, no token.
`
  );
  return mismatches === 0 ? 0 : 1;
}
export {
  DEMO_SCENARIOS,
  runDemo
};
