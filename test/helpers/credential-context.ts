/** What the credential layout is given for the scenarios' project token (#11 on tanuki/awesome_project, id 3). */
import type { CredentialContext } from '../../src/credentials/index.js';

export const PROJECT_TOKEN_CONTEXT: Readonly<CredentialContext> = {
  username: 'gitlab+deploy-token-11',
  password: 'gldt-ProjToken11ProjToken1',
  gitlabUrl: 'https://gitlab.example.com',
  projectId: 3,
  projectPath: 'tanuki/awesome_project',
  registry: 'registry.example.com',
};
