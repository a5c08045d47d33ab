/** Credential files and settings for the clients GitLab's registries serve: layout (pure), write (private, exclusive), clean up (manifest). */
export { CLIENT_NAMES, type ClientName } from './client-names.js';
export {
  type ClientView,
  type CredentialContext,
  type CredentialLayout,
  type LayoutFileView,
  type LayoutVariable,
} from './types.js';
export { abilities, CLIENTS } from './clients.js';
export { mergeDockerConfig } from './merge.js';
export { clientView, formatClientView, layoutCredentials, layoutView, type LayoutExtras } from './layout.js';
export { privateDir, writeCredentials, type WriteIo } from './write.js';
export { existingUserConfig } from './user-config.js';
export { cleanup, loadManifest, parseManifest, saveManifest, type Manifest } from './manifest.js';
