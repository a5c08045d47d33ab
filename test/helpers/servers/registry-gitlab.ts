/**
 * GitLab and its container registry on 127.0.0.1: the stand-in's API plus GitLab's token endpoint
 * `/jwt/auth` (JwtController#auth), and a real `docker-registry` that trusts only tokens signed by it.
 * The endpoint logs the deploy token in as GitLab does and grants exactly the actions GitLab's
 * container registry authentication service would (test/helpers/servers/gitlab-auth.ts); the
 * registry enforces them itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { basicAuth, startFront, type Front } from './gitlab-front.js';
import { deployTokenLogin, registryActions } from './gitlab-auth.js';
import { selfSigned, signJwt } from './keys.js';
import { startRegistry, type Registry } from './registry.js';

const SERVICE = 'container_registry';
const ISSUER = 'gitlab-issuer';

export interface TokenRequest {
  user: string | null;
  /** `repository:NAME:ACTIONS` as asked, and the actions granted for each. */
  asked: string[];
  granted: { name: string; actions: string[] }[];
  status: number;
}

export interface RegistryGitLab {
  gitlab: Front;
  registry: Registry;
  tokenRequests: TokenRequest[];
  /** Test set-up only: a login granted every action (GitLab's full_access_token), to seed images. */
  admin: { username: string; password: string };
  close(): Promise<void>;
}

export async function startRegistryGitLab(scenario: Scenario): Promise<RegistryGitLab> {
  const keysDir = mkdtempSync(join(tmpdir(), 'dt-jwt-'));
  const keys = selfSigned(keysDir, 'gitlab-registry-auth');
  const tokenRequests: TokenRequest[] = [];
  const admin = { username: 'test-setup', password: randomBytes(12).toString('hex') };
  const gitlab = await startFront(scenario, (req, res, _base, front) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/jwt/auth') return false;
    const { user, pass } = basicAuth(req);
    const asked = url.searchParams.getAll('scope');
    const isAdmin = user === admin.username && pass === admin.password;
    const login = user !== null ? deployTokenLogin(front.scenario, user, pass) : undefined;
    if (user !== null && !login && !isAdmin) {
      tokenRequests.push({ user, asked, granted: [], status: 401 });
      res
        .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="GitLab"' })
        .end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'HTTP Basic: Access denied' }] }));
      return true;
    }
    const granted = asked.flatMap((scope) => {
      const [type, name, actions] = scope.split(':', 3);
      if (type !== 'repository' || !name || !actions) return [];
      const ok = isAdmin ? actions.split(',') : registryActions(login, name, actions.split(','));
      return ok.length > 0 ? [{ name, actions: ok }] : [];
    });
    tokenRequests.push({ user, asked, granted, status: 200 });
    const token = signJwt(keys, {
      iss: ISSUER,
      aud: url.searchParams.get('service') ?? SERVICE,
      sub: login?.username ?? '',
      access: granted.map((g) => ({ type: 'repository', ...g })),
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
    return true;
  });
  let registry: Registry;
  try {
    registry = await startRegistry({
      realm: `${gitlab.url}/jwt/auth`,
      service: SERVICE,
      issuer: ISSUER,
      certPath: keys.certPath,
    });
  } catch (e) {
    await gitlab.close();
    rmSync(keysDir, { recursive: true, force: true });
    throw e;
  }
  return {
    gitlab,
    registry,
    tokenRequests,
    admin,
    close: async () => {
      await registry.close();
      await gitlab.close();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
