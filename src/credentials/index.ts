/** Credential files for the seed's endpoints: plan (pure), write (private, exclusive), clean up (manifest). */
export {
  CLIENT_NAMES,
  type ClientName,
  type CredentialContext,
  type CredentialPlan,
  type PlannedFile,
  type PlannedFileView,
  type PlanVariable,
} from './types.js';
export {
  checkRelativePath,
  clientValues,
  mergeDockerConfig,
  planCredentials,
  planView,
  type PlanExtras,
} from './plan.js';
export { privateDir, writeCredentials, type WriteIo } from './write.js';
export { existingUserConfig } from './user-config.js';
export {
  cleanup,
  loadManifest,
  parseManifest,
  saveManifest,
  type CleanupReport,
  type EphemeralToken,
  type Manifest,
} from './manifest.js';
