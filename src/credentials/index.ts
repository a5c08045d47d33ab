/** Credential files and settings for the clients GitLab's registries serve: layout (pure), write (private, exclusive), clean up (manifest). */
export { CLIENT_NAMES, isClientName, type ClientName } from './client-names.js';
export {
  type ClientOptions,
  type ClientView,
  type CredentialContext,
  type CredentialLayout,
  type LayoutFile,
  type LayoutFileView,
  type LayoutVariable,
} from './types.js';
export { abilities, CLIENTS, unmet, type ClientDef, type ScopeNeed } from './clients.js';
export { clientValues } from './values.js';
export { mergeContainersAuth, mergeDockerConfig } from './merge.js';
export {
  checkRelativePath,
  clientView,
  formatClientView,
  layoutCredentials,
  layoutView,
  type LayoutExtras,
} from './layout.js';
export { renderClientTemplate } from './render.js';
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
