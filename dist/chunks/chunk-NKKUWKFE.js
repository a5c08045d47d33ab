import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  getCurrentUser,
  getGroupAccess,
  getTokenScopes
} from "./chunk-CID4WHD4.js";
import {
  DeployTokenError,
  ExitCode
} from "./chunk-NWKT2VDV.js";

// src/provision/permissions.ts
var MAINTAINER = 40;
var OWNER = 50;
var ROLE = {
  0: "not a member",
  5: "Minimal Access",
  10: "Guest",
  15: "Planner",
  20: "Reporter",
  30: "Developer",
  40: "Maintainer",
  50: "Owner"
};
function roleName(level) {
  return ROLE[level] ?? `access level ${level}`;
}
async function checkPermissions(client, needs) {
  const lines = [];
  const problems = [];
  const scopes = await getTokenScopes(client);
  if (scopes === void 0) {
    lines.push(
      "API token scopes: unknown (GitLab before 15.5, or not a personal/project/group access token)"
    );
  } else if (scopes.includes("api")) {
    lines.push(`API token scopes: ${scopes.join(", ")} (api: yes)`);
  } else {
    problems.push(
      `the API token has the scopes ${scopes.join(", ") || "(none)"} but not \`api\`, which creating and deleting deploy tokens and writing CI/CD variables need`
    );
  }
  const user = await getCurrentUser(client);
  if (user.isAdmin) {
    lines.push(`user ${user.username}: administrator`);
    return { ok: problems.length === 0, lines, problems };
  }
  if (needs.project) {
    const p = needs.project.permissions;
    const level = Math.max(p?.projectAccess ?? 0, p?.groupAccess ?? 0);
    if (level >= MAINTAINER)
      lines.push(`user ${user.username}: ${roleName(level)} on ${needs.project.path_with_namespace}`);
    else
      problems.push(
        `user ${user.username} is ${roleName(level)} on ${needs.project.path_with_namespace}; to ${needs.purpose} GitLab needs Maintainer or Owner`
      );
  }
  if (needs.group) {
    const level = await getGroupAccess(client, needs.group.id, user.id);
    if (level >= OWNER) lines.push(`user ${user.username}: ${roleName(level)} on group ${needs.group.path}`);
    else
      problems.push(
        `user ${user.username} is ${roleName(level)} on group ${needs.group.path}; to ${needs.purpose} GitLab needs Owner`
      );
  }
  return { ok: problems.length === 0, lines, problems };
}
var PermissionError = class extends DeployTokenError {
  constructor(problems) {
    super(
      `not allowed:
  ${problems.join("\n  ")}`,
      ExitCode.No,
      "use an API token with the `api` scope whose user is Maintainer on the project (Owner on the group for group tokens and group variables)"
    );
    this.name = "PermissionError";
  }
};

export {
  checkPermissions,
  PermissionError
};
