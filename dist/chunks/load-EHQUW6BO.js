import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  applySuppressions,
  checkSpec,
  didYouMean,
  fileFinding,
  findingAt,
  getEntry,
  hasErrors,
  normalizeFindings,
  parseYaml,
  schema,
  syntax,
  toPlain,
  yamlFindings
} from "./chunk-HAOFU2QA.js";
import {
  require_nunjucks
} from "./chunk-UFXFPX5H.js";
import "./chunk-NNIRYNRK.js";
import {
  provideTemplating
} from "./chunk-JBSERHTU.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-O3WIKRKW.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";
import {
  __toESM
} from "./chunk-SFJXSL7D.js";

// src/validate/spec/load.ts
var import_nunjucks = __toESM(require_nunjucks(), 1);
import { readFile } from "node:fs/promises";

// src/spec/validator.generated.js
var validator_generated_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:deploy-token:schema:job-spec:1", "title": "deploy-token job spec", "description": "What each CI job needs from GitLab's gitlab-deploy-token: scopes, credential files, exported variables. Read by `deploy-token resolve`, `plan`, `exec` and checked by `deploy-token validate`.", "type": "object", "additionalProperties": false, "required": ["version", "jobs"], "patternProperties": { "^x-": { "title": "Extension", "description": "Ignored by deploy-token: a place for YAML anchors (&name) to reuse with aliases and << merge keys, e.g. x-registry: &registry {...}." } }, "properties": { "version": { "title": "Spec version", "description": "Version of this file format. Always 1.", "const": 1 }, "gitlab": { "title": "GitLab instance and project", "description": "Where the gitlab-deploy-token lives. Every field is optional: inside a GitLab job the predefined variables ($CI_SERVER_URL, $CI_PROJECT_ID) are used.", "type": "object", "additionalProperties": false, "properties": { "url": { "title": "GitLab URL", "description": "Base URL of the GitLab instance, e.g. https://gitlab.example.com. Default: $CI_SERVER_URL, then https://gitlab.com.", "type": "string", "pattern": "^https?://[^\\s/?#]+(/[^\\s?#]*)?$" }, "project": { "title": "Project", "description": "Numeric project id or full path (tanuki/awesome_project). Default: $CI_PROJECT_ID, then $CI_PROJECT_PATH.", "oneOf": [{ "type": "integer", "minimum": 1 }, { "type": "string", "pattern": "^[^/\\s]+(/[^/\\s]+)+$" }] }, "api_token_env": { "title": "API token variable", "description": "NAME of the environment variable that holds the GitLab API token (read_api; api to provision). Never the token itself. Default: GITLAB_TOKEN.", "$ref": "#/$defs/envName" }, "environment": { "title": "Environment", "description": "Environment name used to pick CI/CD variables by environment scope (as $CI_ENVIRONMENT_NAME would).", "type": "string", "pattern": "\\S" } } }, "token": { "title": "Deploy token", "description": "Which deploy token is expected and what to do when the job environment has none.", "type": "object", "additionalProperties": false, "properties": { "name": { "title": "Token name", "description": "Only a deploy token named exactly gitlab-deploy-token is exposed to CI jobs as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (app/models/deploy_token.rb), so no other name is accepted.", "const": "gitlab-deploy-token" }, "level": { "title": "Token level", "description": "Where the gitlab-deploy-token is defined, when you know it: project or group (direct parent group only). Lets validate warn about group tokens with Git LFS.", "type": "string", "enum": ["project", "group"] }, "min_days_left": { "title": "Minimum days left", "description": "Warn when the token expires in fewer days than this. Expiry is at 00:00 UTC of the expiry date. Default 7.", "type": "integer", "minimum": 0, "maximum": 3650 }, "fallback": { "title": "Fallback source", "description": "Environment variables to read the credentials from when the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (e.g. outside GitLab). NAMES only, never values.", "type": "object", "additionalProperties": false, "properties": { "username_env": { "title": "Username variable", "description": "NAME of the environment variable holding the deploy token's username.", "$ref": "#/$defs/envName" }, "password_env": { "title": "Password variable", "description": "NAME of the environment variable holding the deploy token itself. Never the token.", "$ref": "#/$defs/envName" } } } } }, "jobs": { "title": "Jobs", "description": "One entry per CI job (or purpose) that uses the deploy token, keyed by a name you pass with --job.", "type": "object", "minProperties": 1, "propertyNames": { "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$" }, "additionalProperties": { "$ref": "#/$defs/job" } } }, "$defs": { "envName": { "title": "Environment variable name", "description": "The name of an environment variable: letters, digits and underscores, not starting with a digit.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "scope": { "title": "Deploy token scope", "description": "read_repository (git clone), read_registry (pull images), write_registry (push images, with read_registry), read_package_registry (pull packages), write_package_registry (push packages), read_virtual_registry and write_virtual_registry (the dependency proxy, group tokens, GitLab 18.0+). The dependency proxy takes a group token with read_registry and write_registry, or both virtual-registry scopes.", "type": "string", "enum": ["read_repository", "read_registry", "write_registry", "read_package_registry", "write_package_registry", "read_virtual_registry", "write_virtual_registry"] }, "client": { "title": "Credential client", "description": "A client to configure for GitLab's registries (src/credentials/clients.ts; docs/credentials.md): docker (config.json), containers (podman/buildah/skopeo auth.json), kubernetes (image pull secret), git (gitconfig), go (netrc, gitconfig, GOPRIVATE), netrc, npm and pnpm (.npmrc), yarn (YARN_NPM_* settings), nuget (NuGet.Config), maven (settings.xml), composer (COMPOSER_AUTH), pypi (pip.conf, .pypirc), twine (.pypirc), poetry (POETRY_HTTP_BASIC_* for a named source), uv (UV_INDEX_* and UV_PUBLISH_*).", "type": "string", "enum": ["docker", "containers", "kubernetes", "git", "go", "netrc", "npm", "pnpm", "yarn", "nuget", "maven", "composer", "pypi", "twine", "poetry", "uv"] }, "exportTarget": { "title": "Export target", "description": "github (GITHUB_ENV and GITHUB_OUTPUT), shell (export lines for eval), dotenv (a KEY=value file for artifacts:reports:dotenv: not masked by GitLab), json (one object on stdout).", "type": "string", "enum": ["github", "shell", "dotenv", "json"] }, "job": { "title": "Job", "description": "What one job needs: the scopes it uses, the clients to configure, extra variables and files rendered from templates, and commands for `deploy-token exec`.", "type": "object", "additionalProperties": false, "properties": { "scopes": { "title": "Scopes", "description": "Scopes the job needs on the deploy token; resolve fails (exit 1) when the token lacks one.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/scope" } }, "configure": { "title": "Clients to configure", "description": "Clients to write credential files for, in a private directory removed by cleanup.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/client" } }, "client_options": { "title": "Client options", "description": "Names and feeds the configured clients use; every key is optional.", "type": "object", "additionalProperties": false, "properties": { "kubernetes": { "title": "Kubernetes image pull secret", "description": "The secret's metadata.", "type": "object", "additionalProperties": false, "properties": { "name": { "title": "Secret name", "description": "metadata.name, a DNS-1123 subdomain. Default gitlab-registry.", "type": "string", "pattern": "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, "namespace": { "title": "Namespace", "description": "metadata.namespace, a DNS-1123 label. Default: none (kubectl's current namespace).", "type": "string", "pattern": "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$" } } }, "poetry": { "title": "Poetry", "description": "The named source in pyproject.toml.", "type": "object", "additionalProperties": false, "properties": { "source": { "title": "Source name", "description": "The [[tool.poetry.source]] name credentials are set for (POETRY_HTTP_BASIC_<SOURCE>_*) and `poetry publish -r` uploads to. Lower-case letters and -. Default gitlab.", "type": "string", "pattern": "^[a-z][a-z-]{0,99}$" } } }, "uv": { "title": "uv", "description": "The named index in pyproject.toml.", "type": "object", "additionalProperties": false, "properties": { "index": { "title": "Index name", "description": "The [[tool.uv.index]] name credentials are set for (UV_INDEX_<NAME>_*). Default gitlab.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" } } }, "twine": { "title": "twine", "description": "The .pypirc section.", "type": "object", "additionalProperties": false, "properties": { "repository": { "title": "Repository name", "description": "The .pypirc section (and TWINE_REPOSITORY). Default gitlab.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" } } }, "nuget": { "title": "NuGet", "description": "The NuGet source.", "type": "object", "additionalProperties": false, "properties": { "source": { "title": "Source key", "description": "The source's key in NuGet.Config. Default GitLab.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_.-]{0,99}$" }, "feed": { "title": "Feed", "description": "v3: GitLab's index.json (NuGet 3+, dotnet; default). v2: GitLab's v2 feed (GitLab 16.3+), for NuGet 2.x and Chocolatey 1.x.", "type": "string", "enum": ["v3", "v2"] } } } } }, "export": { "title": "Export targets", "description": "Where `resolve` exports the credentials for this job.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/exportTarget" } }, "variables": { "title": "Variables", "description": "Extra variables: NAME -> nunjucks template using only the template values (username, password, gitlab_url, gitlab_host, api_url, registry, dependency_proxy, project_id, project_path, token_id, expires_at, scopes).", "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "additionalProperties": { "type": "string" } }, "files": { "title": "Files", "description": "User templates rendered into files in the private credentials directory (mode 0600 unless mode says otherwise).", "type": "array", "items": { "title": "File", "description": "One user template rendered into a file.", "type": "object", "additionalProperties": false, "required": ["path", "template"], "properties": { "path": { "title": "File path", "description": "Relative name inside the private credentials directory, e.g. netrc. No absolute path, no `..`.", "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$" }, "template": { "title": "Template", "description": "nunjucks template of the file's content, e.g. machine {{ gitlab_host }} login {{ username }} password {{ password }}.", "type": "string" }, "mode": { "title": "File mode", "description": 'Octal file mode, e.g. "0600" (the default). Quote it, or YAML reads a number.', "type": "string", "pattern": "^0?[0-7]{3}$" }, "env": { "title": "Path variable", "description": "NAME of an environment variable set to the file's path (e.g. NETRC).", "$ref": "#/$defs/envName" } } } }, "run": { "title": "Commands", "description": "Shell commands `deploy-token exec --job NAME` runs with the credentials in place; validate infers the scopes they need.", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "lfs": { "title": "Git LFS", "description": "The job fetches Git LFS objects. With a group deploy token LFS answered 404 (issue 235398); use a project token.", "type": "boolean" }, "ephemeral": { "title": "Ephemeral token", "description": "Create a project deploy token for this job alone, with exactly its scopes, expiring at the next 00:00 UTC, never named gitlab-deploy-token; deleted at the end of exec, by the action's post step, or by deploy-token cleanup (after resolve).", "type": "boolean" }, "dependency_proxy": { "title": "Dependency proxy", "description": "The job pulls images through the dependency proxy: needs read_registry and write_registry.", "type": "boolean" } } } } };
var pattern4 = new RegExp("^x-", "u");
var pattern5 = new RegExp("^https?://[^\\s/?#]+(/[^\\s?#]*)?$", "u");
var pattern6 = new RegExp("^[^/\\s]+(/[^/\\s]+)+$", "u");
var pattern7 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
var pattern8 = new RegExp("\\S", "u");
var pattern11 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]*$", "u");
var schema35 = { "title": "Job", "description": "What one job needs: the scopes it uses, the clients to configure, extra variables and files rendered from templates, and commands for `deploy-token exec`.", "type": "object", "additionalProperties": false, "properties": { "scopes": { "title": "Scopes", "description": "Scopes the job needs on the deploy token; resolve fails (exit 1) when the token lacks one.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/scope" } }, "configure": { "title": "Clients to configure", "description": "Clients to write credential files for, in a private directory removed by cleanup.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/client" } }, "client_options": { "title": "Client options", "description": "Names and feeds the configured clients use; every key is optional.", "type": "object", "additionalProperties": false, "properties": { "kubernetes": { "title": "Kubernetes image pull secret", "description": "The secret's metadata.", "type": "object", "additionalProperties": false, "properties": { "name": { "title": "Secret name", "description": "metadata.name, a DNS-1123 subdomain. Default gitlab-registry.", "type": "string", "pattern": "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, "namespace": { "title": "Namespace", "description": "metadata.namespace, a DNS-1123 label. Default: none (kubectl's current namespace).", "type": "string", "pattern": "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$" } } }, "poetry": { "title": "Poetry", "description": "The named source in pyproject.toml.", "type": "object", "additionalProperties": false, "properties": { "source": { "title": "Source name", "description": "The [[tool.poetry.source]] name credentials are set for (POETRY_HTTP_BASIC_<SOURCE>_*) and `poetry publish -r` uploads to. Lower-case letters and -. Default gitlab.", "type": "string", "pattern": "^[a-z][a-z-]{0,99}$" } } }, "uv": { "title": "uv", "description": "The named index in pyproject.toml.", "type": "object", "additionalProperties": false, "properties": { "index": { "title": "Index name", "description": "The [[tool.uv.index]] name credentials are set for (UV_INDEX_<NAME>_*). Default gitlab.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" } } }, "twine": { "title": "twine", "description": "The .pypirc section.", "type": "object", "additionalProperties": false, "properties": { "repository": { "title": "Repository name", "description": "The .pypirc section (and TWINE_REPOSITORY). Default gitlab.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" } } }, "nuget": { "title": "NuGet", "description": "The NuGet source.", "type": "object", "additionalProperties": false, "properties": { "source": { "title": "Source key", "description": "The source's key in NuGet.Config. Default GitLab.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_.-]{0,99}$" }, "feed": { "title": "Feed", "description": "v3: GitLab's index.json (NuGet 3+, dotnet; default). v2: GitLab's v2 feed (GitLab 16.3+), for NuGet 2.x and Chocolatey 1.x.", "type": "string", "enum": ["v3", "v2"] } } } } }, "export": { "title": "Export targets", "description": "Where `resolve` exports the credentials for this job.", "type": "array", "uniqueItems": true, "items": { "type": "string", "$ref": "#/$defs/exportTarget" } }, "variables": { "title": "Variables", "description": "Extra variables: NAME -> nunjucks template using only the template values (username, password, gitlab_url, gitlab_host, api_url, registry, dependency_proxy, project_id, project_path, token_id, expires_at, scopes).", "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "additionalProperties": { "type": "string" } }, "files": { "title": "Files", "description": "User templates rendered into files in the private credentials directory (mode 0600 unless mode says otherwise).", "type": "array", "items": { "title": "File", "description": "One user template rendered into a file.", "type": "object", "additionalProperties": false, "required": ["path", "template"], "properties": { "path": { "title": "File path", "description": "Relative name inside the private credentials directory, e.g. netrc. No absolute path, no `..`.", "type": "string", "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$" }, "template": { "title": "Template", "description": "nunjucks template of the file's content, e.g. machine {{ gitlab_host }} login {{ username }} password {{ password }}.", "type": "string" }, "mode": { "title": "File mode", "description": 'Octal file mode, e.g. "0600" (the default). Quote it, or YAML reads a number.', "type": "string", "pattern": "^0?[0-7]{3}$" }, "env": { "title": "Path variable", "description": "NAME of an environment variable set to the file's path (e.g. NETRC).", "$ref": "#/$defs/envName" } } } }, "run": { "title": "Commands", "description": "Shell commands `deploy-token exec --job NAME` runs with the credentials in place; validate infers the scopes they need.", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "lfs": { "title": "Git LFS", "description": "The job fetches Git LFS objects. With a group deploy token LFS answered 404 (issue 235398); use a project token.", "type": "boolean" }, "ephemeral": { "title": "Ephemeral token", "description": "Create a project deploy token for this job alone, with exactly its scopes, expiring at the next 00:00 UTC, never named gitlab-deploy-token; deleted at the end of exec, by the action's post step, or by deploy-token cleanup (after resolve).", "type": "boolean" }, "dependency_proxy": { "title": "Dependency proxy", "description": "The job pulls images through the dependency proxy: needs read_registry and write_registry.", "type": "boolean" } } };
var schema36 = { "title": "Deploy token scope", "description": "read_repository (git clone), read_registry (pull images), write_registry (push images, with read_registry), read_package_registry (pull packages), write_package_registry (push packages), read_virtual_registry and write_virtual_registry (the dependency proxy, group tokens, GitLab 18.0+). The dependency proxy takes a group token with read_registry and write_registry, or both virtual-registry scopes.", "type": "string", "enum": ["read_repository", "read_registry", "write_registry", "read_package_registry", "write_package_registry", "read_virtual_registry", "write_virtual_registry"] };
var schema37 = { "title": "Credential client", "description": "A client to configure for GitLab's registries (src/credentials/clients.ts; docs/credentials.md): docker (config.json), containers (podman/buildah/skopeo auth.json), kubernetes (image pull secret), git (gitconfig), go (netrc, gitconfig, GOPRIVATE), netrc, npm and pnpm (.npmrc), yarn (YARN_NPM_* settings), nuget (NuGet.Config), maven (settings.xml), composer (COMPOSER_AUTH), pypi (pip.conf, .pypirc), twine (.pypirc), poetry (POETRY_HTTP_BASIC_* for a named source), uv (UV_INDEX_* and UV_PUBLISH_*).", "type": "string", "enum": ["docker", "containers", "kubernetes", "git", "go", "netrc", "npm", "pnpm", "yarn", "nuget", "maven", "composer", "pypi", "twine", "poetry", "uv"] };
var schema38 = { "title": "Export target", "description": "github (GITHUB_ENV and GITHUB_OUTPUT), shell (export lines for eval), dotenv (a KEY=value file for artifacts:reports:dotenv: not masked by GitLab), json (one object on stdout).", "type": "string", "enum": ["github", "shell", "dotenv", "json"] };
var func1 = Object.prototype.hasOwnProperty;
var pattern12 = new RegExp("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "u");
var pattern13 = new RegExp("^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
var pattern14 = new RegExp("^[a-z][a-z-]{0,99}$", "u");
var pattern15 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$", "u");
var pattern17 = new RegExp("^[A-Za-z_][A-Za-z0-9_.-]{0,99}$", "u");
var pattern19 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$", "u");
var pattern20 = new RegExp("^0?[0-7]{3}$", "u");
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func1.call(schema35.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.scopes !== void 0) {
      let data0 = data.scopes;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 !== "string") {
            const err1 = { instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/properties/scopes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
          }
          if (typeof data1 !== "string") {
            const err2 = { instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/$defs/scope/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
          if (!(data1 === "read_repository" || data1 === "read_registry" || data1 === "write_registry" || data1 === "read_package_registry" || data1 === "write_package_registry" || data1 === "read_virtual_registry" || data1 === "write_virtual_registry")) {
            const err3 = { instancePath: instancePath + "/scopes/" + i0, schemaPath: "#/$defs/scope/enum", keyword: "enum", params: { allowedValues: schema36.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        let i1 = data0.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data0[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err4 = { instancePath: instancePath + "/scopes", schemaPath: "#/properties/scopes/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/scopes", schemaPath: "#/properties/scopes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.configure !== void 0) {
      let data2 = data.configure;
      if (Array.isArray(data2)) {
        const len1 = data2.length;
        for (let i2 = 0; i2 < len1; i2++) {
          let data3 = data2[i2];
          if (typeof data3 !== "string") {
            const err6 = { instancePath: instancePath + "/configure/" + i2, schemaPath: "#/properties/configure/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
          if (typeof data3 !== "string") {
            const err7 = { instancePath: instancePath + "/configure/" + i2, schemaPath: "#/$defs/client/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (!(data3 === "docker" || data3 === "containers" || data3 === "kubernetes" || data3 === "git" || data3 === "go" || data3 === "netrc" || data3 === "npm" || data3 === "pnpm" || data3 === "yarn" || data3 === "nuget" || data3 === "maven" || data3 === "composer" || data3 === "pypi" || data3 === "twine" || data3 === "poetry" || data3 === "uv")) {
            const err8 = { instancePath: instancePath + "/configure/" + i2, schemaPath: "#/$defs/client/enum", keyword: "enum", params: { allowedValues: schema37.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        let i3 = data2.length;
        let j1;
        if (i3 > 1) {
          const indices1 = {};
          for (; i3--; ) {
            let item1 = data2[i3];
            if (typeof item1 !== "string") {
              continue;
            }
            if (typeof indices1[item1] == "number") {
              j1 = indices1[item1];
              const err9 = { instancePath: instancePath + "/configure", schemaPath: "#/properties/configure/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
              break;
            }
            indices1[item1] = i3;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/configure", schemaPath: "#/properties/configure/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.client_options !== void 0) {
      let data4 = data.client_options;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key1 in data4) {
          if (!(key1 === "kubernetes" || key1 === "poetry" || key1 === "uv" || key1 === "twine" || key1 === "nuget")) {
            const err11 = { instancePath: instancePath + "/client_options", schemaPath: "#/properties/client_options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data4.kubernetes !== void 0) {
          let data5 = data4.kubernetes;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key2 in data5) {
              if (!(key2 === "name" || key2 === "namespace")) {
                const err12 = { instancePath: instancePath + "/client_options/kubernetes", schemaPath: "#/properties/client_options/properties/kubernetes/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data5.name !== void 0) {
              let data6 = data5.name;
              if (typeof data6 === "string") {
                if (!pattern12.test(data6)) {
                  const err13 = { instancePath: instancePath + "/client_options/kubernetes/name", schemaPath: "#/properties/client_options/properties/kubernetes/properties/name/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: 'must match pattern "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"' };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/client_options/kubernetes/name", schemaPath: "#/properties/client_options/properties/kubernetes/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data5.namespace !== void 0) {
              let data7 = data5.namespace;
              if (typeof data7 === "string") {
                if (!pattern13.test(data7)) {
                  const err15 = { instancePath: instancePath + "/client_options/kubernetes/namespace", schemaPath: "#/properties/client_options/properties/kubernetes/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/client_options/kubernetes/namespace", schemaPath: "#/properties/client_options/properties/kubernetes/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
          } else {
            const err17 = { instancePath: instancePath + "/client_options/kubernetes", schemaPath: "#/properties/client_options/properties/kubernetes/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data4.poetry !== void 0) {
          let data8 = data4.poetry;
          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
            for (const key3 in data8) {
              if (!(key3 === "source")) {
                const err18 = { instancePath: instancePath + "/client_options/poetry", schemaPath: "#/properties/client_options/properties/poetry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data8.source !== void 0) {
              let data9 = data8.source;
              if (typeof data9 === "string") {
                if (!pattern14.test(data9)) {
                  const err19 = { instancePath: instancePath + "/client_options/poetry/source", schemaPath: "#/properties/client_options/properties/poetry/properties/source/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z-]{0,99}$" }, message: 'must match pattern "^[a-z][a-z-]{0,99}$"' };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
              } else {
                const err20 = { instancePath: instancePath + "/client_options/poetry/source", schemaPath: "#/properties/client_options/properties/poetry/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            }
          } else {
            const err21 = { instancePath: instancePath + "/client_options/poetry", schemaPath: "#/properties/client_options/properties/poetry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data4.uv !== void 0) {
          let data10 = data4.uv;
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            for (const key4 in data10) {
              if (!(key4 === "index")) {
                const err22 = { instancePath: instancePath + "/client_options/uv", schemaPath: "#/properties/client_options/properties/uv/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data10.index !== void 0) {
              let data11 = data10.index;
              if (typeof data11 === "string") {
                if (!pattern15.test(data11)) {
                  const err23 = { instancePath: instancePath + "/client_options/uv/index", schemaPath: "#/properties/client_options/properties/uv/properties/index/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"' };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/client_options/uv/index", schemaPath: "#/properties/client_options/properties/uv/properties/index/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          } else {
            const err25 = { instancePath: instancePath + "/client_options/uv", schemaPath: "#/properties/client_options/properties/uv/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data4.twine !== void 0) {
          let data12 = data4.twine;
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            for (const key5 in data12) {
              if (!(key5 === "repository")) {
                const err26 = { instancePath: instancePath + "/client_options/twine", schemaPath: "#/properties/client_options/properties/twine/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data12.repository !== void 0) {
              let data13 = data12.repository;
              if (typeof data13 === "string") {
                if (!pattern15.test(data13)) {
                  const err27 = { instancePath: instancePath + "/client_options/twine/repository", schemaPath: "#/properties/client_options/properties/twine/properties/repository/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"' };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/client_options/twine/repository", schemaPath: "#/properties/client_options/properties/twine/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/client_options/twine", schemaPath: "#/properties/client_options/properties/twine/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data4.nuget !== void 0) {
          let data14 = data4.nuget;
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            for (const key6 in data14) {
              if (!(key6 === "source" || key6 === "feed")) {
                const err30 = { instancePath: instancePath + "/client_options/nuget", schemaPath: "#/properties/client_options/properties/nuget/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data14.source !== void 0) {
              let data15 = data14.source;
              if (typeof data15 === "string") {
                if (!pattern17.test(data15)) {
                  const err31 = { instancePath: instancePath + "/client_options/nuget/source", schemaPath: "#/properties/client_options/properties/nuget/properties/source/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_.-]{0,99}$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_.-]{0,99}$"' };
                  if (vErrors === null) {
                    vErrors = [err31];
                  } else {
                    vErrors.push(err31);
                  }
                  errors++;
                }
              } else {
                const err32 = { instancePath: instancePath + "/client_options/nuget/source", schemaPath: "#/properties/client_options/properties/nuget/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data14.feed !== void 0) {
              let data16 = data14.feed;
              if (typeof data16 !== "string") {
                const err33 = { instancePath: instancePath + "/client_options/nuget/feed", schemaPath: "#/properties/client_options/properties/nuget/properties/feed/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              if (!(data16 === "v3" || data16 === "v2")) {
                const err34 = { instancePath: instancePath + "/client_options/nuget/feed", schemaPath: "#/properties/client_options/properties/nuget/properties/feed/enum", keyword: "enum", params: { allowedValues: schema35.properties.client_options.properties.nuget.properties.feed.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
          } else {
            const err35 = { instancePath: instancePath + "/client_options/nuget", schemaPath: "#/properties/client_options/properties/nuget/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
      } else {
        const err36 = { instancePath: instancePath + "/client_options", schemaPath: "#/properties/client_options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.export !== void 0) {
      let data17 = data.export;
      if (Array.isArray(data17)) {
        const len2 = data17.length;
        for (let i4 = 0; i4 < len2; i4++) {
          let data18 = data17[i4];
          if (typeof data18 !== "string") {
            const err37 = { instancePath: instancePath + "/export/" + i4, schemaPath: "#/properties/export/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
          if (typeof data18 !== "string") {
            const err38 = { instancePath: instancePath + "/export/" + i4, schemaPath: "#/$defs/exportTarget/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
          if (!(data18 === "github" || data18 === "shell" || data18 === "dotenv" || data18 === "json")) {
            const err39 = { instancePath: instancePath + "/export/" + i4, schemaPath: "#/$defs/exportTarget/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        let i5 = data17.length;
        let j2;
        if (i5 > 1) {
          const indices2 = {};
          for (; i5--; ) {
            let item2 = data17[i5];
            if (typeof item2 !== "string") {
              continue;
            }
            if (typeof indices2[item2] == "number") {
              j2 = indices2[item2];
              const err40 = { instancePath: instancePath + "/export", schemaPath: "#/properties/export/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i5 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
              break;
            }
            indices2[item2] = i5;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/export", schemaPath: "#/properties/export/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.variables !== void 0) {
      let data19 = data.variables;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        for (const key7 in data19) {
          const _errs54 = errors;
          if (typeof key7 === "string") {
            if (!pattern7.test(key7)) {
              const err42 = { instancePath: instancePath + "/variables", schemaPath: "#/properties/variables/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', propertyName: key7 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          }
          var valid19 = _errs54 === errors;
          if (!valid19) {
            const err43 = { instancePath: instancePath + "/variables", schemaPath: "#/properties/variables/propertyNames", keyword: "propertyNames", params: { propertyName: key7 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        for (const key8 in data19) {
          if (typeof data19[key8] !== "string") {
            const err44 = { instancePath: instancePath + "/variables/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/variables/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
      } else {
        const err45 = { instancePath: instancePath + "/variables", schemaPath: "#/properties/variables/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data21 = data.files;
      if (Array.isArray(data21)) {
        const len3 = data21.length;
        for (let i6 = 0; i6 < len3; i6++) {
          let data22 = data21[i6];
          if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            if (data22.path === void 0) {
              const err46 = { instancePath: instancePath + "/files/" + i6, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
              if (vErrors === null) {
                vErrors = [err46];
              } else {
                vErrors.push(err46);
              }
              errors++;
            }
            if (data22.template === void 0) {
              const err47 = { instancePath: instancePath + "/files/" + i6, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "template" }, message: "must have required property 'template'" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
            for (const key9 in data22) {
              if (!(key9 === "path" || key9 === "template" || key9 === "mode" || key9 === "env")) {
                const err48 = { instancePath: instancePath + "/files/" + i6, schemaPath: "#/properties/files/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data22.path !== void 0) {
              let data23 = data22.path;
              if (typeof data23 === "string") {
                if (!pattern19.test(data23)) {
                  const err49 = { instancePath: instancePath + "/files/" + i6 + "/path", schemaPath: "#/properties/files/items/properties/path/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._@+-][A-Za-z0-9._@+/-]*$"' };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
              } else {
                const err50 = { instancePath: instancePath + "/files/" + i6 + "/path", schemaPath: "#/properties/files/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data22.template !== void 0) {
              if (typeof data22.template !== "string") {
                const err51 = { instancePath: instancePath + "/files/" + i6 + "/template", schemaPath: "#/properties/files/items/properties/template/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            }
            if (data22.mode !== void 0) {
              let data25 = data22.mode;
              if (typeof data25 === "string") {
                if (!pattern20.test(data25)) {
                  const err52 = { instancePath: instancePath + "/files/" + i6 + "/mode", schemaPath: "#/properties/files/items/properties/mode/pattern", keyword: "pattern", params: { pattern: "^0?[0-7]{3}$" }, message: 'must match pattern "^0?[0-7]{3}$"' };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
              } else {
                const err53 = { instancePath: instancePath + "/files/" + i6 + "/mode", schemaPath: "#/properties/files/items/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
            if (data22.env !== void 0) {
              let data26 = data22.env;
              if (typeof data26 === "string") {
                if (!pattern7.test(data26)) {
                  const err54 = { instancePath: instancePath + "/files/" + i6 + "/env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              } else {
                const err55 = { instancePath: instancePath + "/files/" + i6 + "/env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
            }
          } else {
            const err56 = { instancePath: instancePath + "/files/" + i6, schemaPath: "#/properties/files/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
      } else {
        const err57 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data27 = data.run;
      if (Array.isArray(data27)) {
        const len4 = data27.length;
        for (let i7 = 0; i7 < len4; i7++) {
          let data28 = data27[i7];
          if (typeof data28 === "string") {
            if (!pattern8.test(data28)) {
              const err58 = { instancePath: instancePath + "/run/" + i7, schemaPath: "#/properties/run/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
          } else {
            const err59 = { instancePath: instancePath + "/run/" + i7, schemaPath: "#/properties/run/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
      } else {
        const err60 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      }
    }
    if (data.lfs !== void 0) {
      if (typeof data.lfs !== "boolean") {
        const err61 = { instancePath: instancePath + "/lfs", schemaPath: "#/properties/lfs/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err61];
        } else {
          vErrors.push(err61);
        }
        errors++;
      }
    }
    if (data.ephemeral !== void 0) {
      if (typeof data.ephemeral !== "boolean") {
        const err62 = { instancePath: instancePath + "/ephemeral", schemaPath: "#/properties/ephemeral/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err62];
        } else {
          vErrors.push(err62);
        }
        errors++;
      }
    }
    if (data.dependency_proxy !== void 0) {
      if (typeof data.dependency_proxy !== "boolean") {
        const err63 = { instancePath: instancePath + "/dependency_proxy", schemaPath: "#/properties/dependency_proxy/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors++;
      }
    }
  } else {
    const err64 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err64];
    } else {
      vErrors.push(err64);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.jobs === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "jobs" }, message: "must have required property 'jobs'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "gitlab" || key0 === "token" || key0 === "jobs" || pattern4.test(key0))) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      if (1 !== data.version) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.gitlab !== void 0) {
      let data1 = data.gitlab;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "url" || key1 === "project" || key1 === "api_token_env" || key1 === "environment")) {
            const err4 = { instancePath: instancePath + "/gitlab", schemaPath: "#/properties/gitlab/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.url !== void 0) {
          let data2 = data1.url;
          if (typeof data2 === "string") {
            if (!pattern5.test(data2)) {
              const err5 = { instancePath: instancePath + "/gitlab/url", schemaPath: "#/properties/gitlab/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#]+(/[^\\s?#]*)?$" }, message: 'must match pattern "^https?://[^\\s/?#]+(/[^\\s?#]*)?$"' };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = { instancePath: instancePath + "/gitlab/url", schemaPath: "#/properties/gitlab/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1.project !== void 0) {
          let data3 = data1.project;
          const _errs9 = errors;
          let valid2 = false;
          let passing0 = null;
          const _errs10 = errors;
          if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
            const err7 = { instancePath: instancePath + "/gitlab/project", schemaPath: "#/properties/gitlab/properties/project/oneOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (typeof data3 == "number" && isFinite(data3)) {
            if (data3 < 1 || isNaN(data3)) {
              const err8 = { instancePath: instancePath + "/gitlab/project", schemaPath: "#/properties/gitlab/properties/project/oneOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          }
          var _valid0 = _errs10 === errors;
          if (_valid0) {
            valid2 = true;
            passing0 = 0;
          }
          const _errs12 = errors;
          if (typeof data3 === "string") {
            if (!pattern6.test(data3)) {
              const err9 = { instancePath: instancePath + "/gitlab/project", schemaPath: "#/properties/gitlab/properties/project/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^[^/\\s]+(/[^/\\s]+)+$" }, message: 'must match pattern "^[^/\\s]+(/[^/\\s]+)+$"' };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/gitlab/project", schemaPath: "#/properties/gitlab/properties/project/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
          var _valid0 = _errs12 === errors;
          if (_valid0 && valid2) {
            valid2 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid2 = true;
              passing0 = 1;
            }
          }
          if (!valid2) {
            const err11 = { instancePath: instancePath + "/gitlab/project", schemaPath: "#/properties/gitlab/properties/project/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          } else {
            errors = _errs9;
            if (vErrors !== null) {
              if (_errs9) {
                vErrors.length = _errs9;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data1.api_token_env !== void 0) {
          let data4 = data1.api_token_env;
          if (typeof data4 === "string") {
            if (!pattern7.test(data4)) {
              const err12 = { instancePath: instancePath + "/gitlab/api_token_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/gitlab/api_token_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data1.environment !== void 0) {
          let data5 = data1.environment;
          if (typeof data5 === "string") {
            if (!pattern8.test(data5)) {
              const err14 = { instancePath: instancePath + "/gitlab/environment", schemaPath: "#/properties/gitlab/properties/environment/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/gitlab/environment", schemaPath: "#/properties/gitlab/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/gitlab", schemaPath: "#/properties/gitlab/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.token !== void 0) {
      let data6 = data.token;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        for (const key2 in data6) {
          if (!(key2 === "name" || key2 === "level" || key2 === "min_days_left" || key2 === "fallback")) {
            const err17 = { instancePath: instancePath + "/token", schemaPath: "#/properties/token/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data6.name !== void 0) {
          if ("gitlab-deploy-token" !== data6.name) {
            const err18 = { instancePath: instancePath + "/token/name", schemaPath: "#/properties/token/properties/name/const", keyword: "const", params: { allowedValue: "gitlab-deploy-token" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data6.level !== void 0) {
          let data8 = data6.level;
          if (typeof data8 !== "string") {
            const err19 = { instancePath: instancePath + "/token/level", schemaPath: "#/properties/token/properties/level/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
          if (!(data8 === "project" || data8 === "group")) {
            const err20 = { instancePath: instancePath + "/token/level", schemaPath: "#/properties/token/properties/level/enum", keyword: "enum", params: { allowedValues: schema31.properties.token.properties.level.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data6.min_days_left !== void 0) {
          let data9 = data6.min_days_left;
          if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
            const err21 = { instancePath: instancePath + "/token/min_days_left", schemaPath: "#/properties/token/properties/min_days_left/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
          if (typeof data9 == "number" && isFinite(data9)) {
            if (data9 > 3650 || isNaN(data9)) {
              const err22 = { instancePath: instancePath + "/token/min_days_left", schemaPath: "#/properties/token/properties/min_days_left/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3650 }, message: "must be <= 3650" };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            if (data9 < 0 || isNaN(data9)) {
              const err23 = { instancePath: instancePath + "/token/min_days_left", schemaPath: "#/properties/token/properties/min_days_left/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
        }
        if (data6.fallback !== void 0) {
          let data10 = data6.fallback;
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            for (const key3 in data10) {
              if (!(key3 === "username_env" || key3 === "password_env")) {
                const err24 = { instancePath: instancePath + "/token/fallback", schemaPath: "#/properties/token/properties/fallback/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            if (data10.username_env !== void 0) {
              let data11 = data10.username_env;
              if (typeof data11 === "string") {
                if (!pattern7.test(data11)) {
                  const err25 = { instancePath: instancePath + "/token/fallback/username_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                }
              } else {
                const err26 = { instancePath: instancePath + "/token/fallback/username_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
            if (data10.password_env !== void 0) {
              let data12 = data10.password_env;
              if (typeof data12 === "string") {
                if (!pattern7.test(data12)) {
                  const err27 = { instancePath: instancePath + "/token/fallback/password_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
              } else {
                const err28 = { instancePath: instancePath + "/token/fallback/password_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/token/fallback", schemaPath: "#/properties/token/properties/fallback/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/token", schemaPath: "#/properties/token/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.jobs !== void 0) {
      let data13 = data.jobs;
      if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
        if (Object.keys(data13).length < 1) {
          const err31 = { instancePath: instancePath + "/jobs", schemaPath: "#/properties/jobs/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        for (const key4 in data13) {
          const _errs38 = errors;
          if (typeof key4 === "string") {
            if (!pattern11.test(key4)) {
              const err32 = { instancePath: instancePath + "/jobs", schemaPath: "#/properties/jobs/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]*$"', propertyName: key4 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
          var valid8 = _errs38 === errors;
          if (!valid8) {
            const err33 = { instancePath: instancePath + "/jobs", schemaPath: "#/properties/jobs/propertyNames", keyword: "propertyNames", params: { propertyName: key4 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        for (const key5 in data13) {
          if (!validate21(data13[key5], { instancePath: instancePath + "/jobs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data13, parentDataProperty: key5, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err34 = { instancePath: instancePath + "/jobs", schemaPath: "#/properties/jobs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/validate/spec/schema.ts
function locate(root, pointer) {
  let cur = { node: root };
  if (pointer === "") return cur;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const n = cur.node;
    if (n.kind === "map") {
      const e = getEntry(n, seg);
      if (!e) return cur;
      const via = e.via ?? cur.via;
      cur = { node: e.value, entry: e, ...via ? { via } : {} };
    } else if (n.kind === "seq") {
      const i = Number(seg);
      const item = n.items[i];
      if (!item) return cur;
      const via = n.via[i] ?? cur.via;
      cur = { node: item, ...via ? { via } : {} };
    } else return cur;
  }
  return cur;
}
var TYPE_NAMES = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  null: "nothing"
};
function actualType(n) {
  if (n.kind === "map") return "a mapping";
  if (n.kind === "seq") return "a list";
  if (n.value === null) return "nothing";
  if (typeof n.value === "boolean") return n.value ? "true" : "false";
  if (typeof n.value === "number")
    return Number.isInteger(n.value) ? `the number ${n.value}` : `the number ${n.value}`;
  return `"${n.value}"`;
}
function describeValue(n) {
  return n.kind === "scalar" ? typeof n.value === "string" ? `"${n.value}"` : String(n.value) : actualType(n);
}
function where(pointer) {
  const segs = pointer.split("/").slice(1);
  if (segs.length === 0) return "the spec";
  if (segs[0] === "jobs" && segs[1] !== void 0) {
    if (segs[2] === "files" && segs[3] !== void 0) return `files[${segs[3]}] of job "${segs[1]}"`;
    return segs.length > 2 ? `${segs.slice(2).join(".")} of job "${segs[1]}"` : `job "${segs[1]}"`;
  }
  return `"${segs.join(".")}"`;
}
function allowedKeys(pointer) {
  if (pointer === "") return ["version", "gitlab", "token", "jobs"];
  if (pointer === "/gitlab") return ["url", "project", "api_token_env", "environment"];
  if (pointer === "/token") return ["name", "level", "min_days_left", "fallback"];
  if (pointer === "/token/fallback") return ["username_env", "password_env"];
  if (/^\/jobs\/[^/]+$/.test(pointer))
    return [
      "scopes",
      "configure",
      "client_options",
      "export",
      "variables",
      "files",
      "run",
      "lfs",
      "ephemeral",
      "dependency_proxy"
    ];
  if (/^\/jobs\/[^/]+\/files\/\d+$/.test(pointer)) return ["path", "template", "mode", "env"];
  return [];
}
var PATTERN_MESSAGES = [
  [
    /^\/gitlab\/api_token_env$|^\/token\/fallback\/\w+_env$|^\/jobs\/[^/]+\/files\/\d+\/env$|^\/jobs\/[^/]+\/variables$/,
    "expected the name of an environment variable (letters, digits, _), not a value"
  ],
  [
    /^\/jobs\/[^/]+\/files\/\d+\/path$/,
    "expected a relative path inside the credentials directory (no leading /, no ..)"
  ],
  [/\/mode$/, 'expected an octal file mode such as "0600"'],
  [/^\/gitlab\/url$/, "expected an http(s) URL such as https://gitlab.example.com"],
  [/^\/jobs$/, "expected a job name of letters, digits, _, . and -"],
  [/\/run\/\d+$|^\/gitlab\/environment$/, "expected a non-empty string"]
];
var NOUNS = [
  [/\/scopes\/\d+$/, "scope"],
  [/\/configure\/\d+$/, "client"],
  [/\/export\/\d+$/, "export target"],
  [/^\/token\/level$/, "token level"]
];
function messageFor(e, loc) {
  return keyMessage(e, loc) ?? valueMessage(e, loc);
}
function keyMessage(e, loc) {
  const node = loc.node;
  const span = node.span;
  const p = e.params;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const keyEntry = getEntry(node, key);
      const allowed = allowedKeys(e.instancePath);
      const guess = didYouMean(key, allowed);
      const expected = guess ? `; did you mean "${guess}"?` : allowed.length > 0 ? `; expected one of ${allowed.join(", ")}` : "";
      return {
        message: `unexpected key "${key}" in ${where(e.instancePath)}${expected}`,
        span: keyEntry?.keyNode.span ?? span
      };
    }
    case "required": {
      const key = String(p.missingProperty);
      const at = loc.entry?.keyNode.span ?? { ...span, end: span.start };
      return { message: `missing key "${key}" in ${where(e.instancePath)}`, span: at };
    }
    case "propertyNames": {
      const name = String(p.propertyName);
      const keyEntry = getEntry(node, name);
      const pm = PATTERN_MESSAGES.find(([re]) => re.test(e.instancePath));
      return {
        message: `invalid name "${name}"; ${pm?.[1] ?? "expected a valid name"}`,
        span: keyEntry?.keyNode.span ?? span
      };
    }
    case "minProperties":
      return {
        message: `expected at least one job in ${where(e.instancePath)}`,
        span: loc.entry?.keyNode.span ?? span
      };
    default:
      return void 0;
  }
}
function valueMessage(e, loc) {
  const node = loc.node;
  const span = node.span;
  const p = e.params;
  switch (e.keyword) {
    case "type": {
      const expected = String(p.type).split(",").map((t) => TYPE_NAMES[t] ?? t).join(" or ");
      const extra = /\/mode$/.test(e.instancePath) && node.kind === "scalar" && typeof node.value === "number" ? ' (quote it: "0600")' : "";
      return { message: `expected ${expected} but got ${actualType(node)}${extra}`, span };
    }
    case "enum": {
      const allowed = p.allowedValues.map(String);
      const noun = NOUNS.find(([re]) => re.test(e.instancePath))?.[1] ?? "value";
      const got = node.kind === "scalar" ? String(node.value) : "";
      const guess = got ? didYouMean(got, allowed) : void 0;
      return {
        message: `unknown ${noun} ${describeValue(node)}; ${guess ? `did you mean "${guess}"? ` : ""}expected one of ${allowed.join(", ")}`,
        span
      };
    }
    case "const": {
      if (e.instancePath === "/token/name")
        return {
          message: `expected "gitlab-deploy-token": only a token of that name is exposed to CI jobs`,
          span
        };
      return { message: `expected ${JSON.stringify(p.allowedValue)} but got ${describeValue(node)}`, span };
    }
    case "pattern": {
      const pm = PATTERN_MESSAGES.find(([re]) => re.test(e.instancePath));
      return { message: `${pm?.[1] ?? "expected a valid value"}, got ${describeValue(node)}`, span };
    }
    case "minimum":
    case "maximum":
      return {
        message: `expected ${e.keyword === "minimum" ? "at least" : "at most"} ${String(p.limit)} but got ${describeValue(node)}`,
        span
      };
    case "uniqueItems": {
      const j = Number(p.j);
      const i = Number(p.i);
      const item = node.kind === "seq" ? node.items[Math.max(i, j)] : void 0;
      return {
        message: `${item ? describeValue(item) : "an item"} is listed twice in ${where(e.instancePath)}; expected each once`,
        span: item?.span ?? span
      };
    }
    case "oneOf":
    case "anyOf":
      if (e.instancePath === "/gitlab/project")
        return {
          message: `expected a project id (integer) or full path such as "group/project", got ${describeValue(node)}`,
          span
        };
      return { message: `${describeValue(node)} matches none of the allowed forms`, span };
    default:
      return { message: e.message ?? `invalid value (${e.keyword})`, span };
  }
}
function schemaFindings(data, root) {
  if (validator_generated_default(data)) return [];
  const errors = validator_generated_default.errors ?? [];
  const groups = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  const under = (e, g) => e !== g && e.schemaPath.startsWith(`${g.schemaPath}/`) && (e.instancePath === g.instancePath || e.instancePath.startsWith(`${g.instancePath}/`));
  const kept = errors.filter((e) => !groups.some((g) => under(e, g)));
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const e of kept) {
    if (e.propertyName !== void 0) continue;
    const loc = locate(root, e.instancePath);
    if (!loc) continue;
    const { message, span } = messageFor(e, loc);
    const key = `${span.src.path}:${span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(findingAt(schema, message, span, loc.via));
  }
  return out;
}

// src/validate/spec/load.ts
provideTemplating(import_nunjucks.default);
var MAX_SPEC_BYTES = 1024 * 1024;
var SPEC_LIMITS = { maxBytes: MAX_SPEC_BYTES, maxNodes: 2e5, maxDepth: 100 };
function analyzeSpec(text, file) {
  const parsed = parseYaml(text, file, SPEC_LIMITS);
  const { src } = parsed;
  const done = (findings2, root2) => ({
    findings: normalizeFindings(applySuppressions(findings2, [src])),
    src,
    ...root2 ? { root: root2 } : {}
  });
  if (parsed.problems.length > 0) return done(yamlFindings(parsed.problems, file));
  const [root, extra] = parsed.docs;
  if (!root)
    return {
      findings: [fileFinding(schema, "the spec is empty; expected `version: 1` and `jobs`", file)],
      src
    };
  if (extra) {
    const span = { ...extra.span, end: extra.span.start };
    return done(
      [findingAt(syntax, "a second YAML document (---); expected the spec to be one document", span)],
      root
    );
  }
  const data = toPlain(root);
  const rules = checkSpec(root);
  const taken = new Set(rules.map((f) => `${f.line}:${f.col}`));
  const all = [...schemaFindings(data, root).filter((f) => !taken.has(`${f.line}:${f.col}`)), ...rules];
  const findings = normalizeFindings(applySuppressions(all, [src]));
  return hasErrors(findings) ? { findings, src, root } : { spec: data, findings, src, root };
}
function loadSpec(text, file) {
  const { spec, findings } = analyzeSpec(text, file);
  return spec ? { spec, findings } : { findings };
}
async function loadSpecFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = e.code;
    throw new UsageError(
      `cannot read spec ${path}${code ? ` (${code})` : ""}`,
      "check the path given with --spec"
    );
  }
  return loadSpec(text, path);
}
function validSpec(path, loaded) {
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (loaded.spec && errors.length === 0) return loaded.spec;
  const first = errors.slice(0, 5).map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} [${f.ruleId}]`).join("\n  ");
  throw new UsageError(
    `the spec is invalid:
  ${first}`,
    `run \`deploy-token validate ${path}\` for every finding`
  );
}
function createSpecLoader(read = loadSpecFile) {
  const cache = /* @__PURE__ */ new Map();
  const load = (path) => {
    let p = cache.get(path);
    if (!p) {
      p = read(path);
      cache.set(path, p);
    }
    return p;
  };
  return { load, valid: async (path) => validSpec(path, await load(path)) };
}
export {
  MAX_SPEC_BYTES,
  SPEC_LIMITS,
  analyzeSpec,
  createSpecLoader,
  loadSpec,
  loadSpecFile,
  validSpec
};
