/** Every audit check, one per finding code (each file says what its code means). */
import { ancestorNotReadable } from './ancestor-not-readable.js';
import type { Check } from './check.js';
import { expiringSoon } from './expiring-soon.js';
import { groupTokenBefore151 } from './group-token-before-15-1.js';
import { groupTokenNotDirectParent } from './group-token-not-direct-parent.js';
import { hiddenVariable } from './hidden-variable.js';
import { inactiveToken } from './inactive-token.js';
import { leftoverEphemeral } from './leftover-ephemeral.js';
import { neverExpires } from './never-expires.js';
import { passwordWithoutUser } from './password-without-user.js';
import { severalGitlabDeployTokens } from './several-gitlab-deploy-tokens.js';
import { staleVariables } from './stale-variables.js';
import { unmaskedPassword } from './unmasked-password.js';
import { userWithoutPassword } from './user-without-password.js';
import { variablesNotReadable } from './variables-not-readable.js';
import { variablesShadowToken } from './variables-shadow-token.js';

export const CHECKS: readonly Check[] = [
  // every token
  inactiveToken,
  neverExpires,
  expiringSoon,
  leftoverEphemeral,
  severalGitlabDeployTokens,
  groupTokenNotDirectParent,
  // what could not be read
  ancestorNotReadable,
  variablesNotReadable,
  // CI/CD variables where they are defined
  unmaskedPassword,
  hiddenVariable,
  staleVariables,
  // what each project's jobs get
  groupTokenBefore151,
  variablesShadowToken,
  userWithoutPassword,
  passwordWithoutUser,
];
