/** Credential files for the seed's endpoints: plan (pure), write (private, exclusive), clean up (manifest). */
export {
  CLIENT_NAMES,
  type ClientName,
  type CredentialContext,
  type CredentialPlan,
  type PlannedFile,
} from './types.js';
export { checkRelativePath, clientValues, planCredentials, planView } from './plan.js';
export { privateDir, writeCredentials } from './write.js';
export { cleanup, loadManifest, parseManifest, type CleanupReport, type Manifest } from './manifest.js';
