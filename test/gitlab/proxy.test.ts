/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for self-managed GitLab, through a real proxy on 127.0.0.1
 * that speaks both forms: absolute-form requests (http:// targets) and CONNECT tunnels (https://).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitLabClient } from '../../src/gitlab/client.js';
import { bypassesProxy, proxyFor } from '../../src/gitlab/proxy.js';
import { asVersionInfo } from '../../src/gitlab/types.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { fixtureText } from '../helpers/gitlab-fixtures.js';

const TOKEN = 'glpat-CANARY-proxy-0123456789';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
}

let gitlab: Server;
let other: Server;
let proxy: ForwardProxy;
let gitlabUrl: string;
let otherUrl: string;
let proxyUrl: string;
const atGitlab: Seen[] = [];
const atOther: Seen[] = [];
const forwarded: Seen[] = []; // absolute-form requests the proxy forwarded
const tunnels: string[] = []; // CONNECT targets

const listen = (s: Server) =>
  new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

const versionServer = (seen: Seen[], redirectTo?: () => string) =>
  createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (redirectTo && req.url === '/api/v4/version') {
      res.writeHead(302, { location: `${redirectTo()}/api/v4/metadata` }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(fixtureText('version.json'));
  });

beforeAll(async () => {
  other = versionServer(atOther);
  gitlab = versionServer(atGitlab, () => otherUrl);
  proxy = await startForwardProxy({ forwarded, tunnels });
  gitlabUrl = await listen(gitlab);
  otherUrl = await listen(other);
  proxyUrl = proxy.url;
});
afterAll(async () => {
  for (const s of [gitlab, other]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await proxy.close();
});
beforeEach(() => {
  atGitlab.length = 0;
  atOther.length = 0;
  forwarded.length = 0;
  tunnels.length = 0;
});

const client = (env: Record<string, string>) =>
  createGitLabClient({ baseUrl: gitlabUrl, token: TOKEN, env, sleep: async () => undefined });

describe('http:// GitLab through HTTP_PROXY: absolute-form requests', () => {
  test.each(['HTTP_PROXY', 'http_proxy'])('%s routes the API through the proxy', async (name) => {
    const v = await client({ [name]: proxyUrl, NO_PROXY: `127.0.0.1:${new URL(otherUrl).port}` }).get(
      '/metadata',
      asVersionInfo,
    );
    expect(v.version).toBe('17.5.1-ee');
    expect(forwarded.map((s) => s.url)).toEqual([`${gitlabUrl}/api/v4/metadata`]);
    expect(tunnels).toEqual([]);
    expect(atGitlab[0]?.headers['private-token']).toBe(TOKEN);
  });

  test('a proxy without a scheme means http://, as for curl', async () => {
    await client({ HTTP_PROXY: new URL(proxyUrl).host }).get('/metadata', asVersionInfo);
    expect(forwarded).toHaveLength(1);
  });

  test('credentials in the proxy URL become Proxy-Authorization, not a header GitLab sees', async () => {
    const withAuth = proxyUrl.replace('http://', 'http://user:s%40cret@');
    await client({ HTTP_PROXY: withAuth }).get('/metadata', asVersionInfo);
    expect(forwarded[0]?.headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from('user:s@cret').toString('base64')}`,
    );
    expect(atGitlab[0]?.headers['proxy-authorization']).toBeUndefined();
  });

  test('HTTPS_PROXY alone does not apply to an http:// GitLab', async () => {
    await client({ HTTPS_PROXY: proxyUrl }).get('/metadata', asVersionInfo);
    expect(forwarded).toEqual([]);
    expect(atGitlab).toHaveLength(1);
  });
});

describe('NO_PROXY', () => {
  test.each([
    ['127.0.0.1', 'the host'],
    ['*', 'everything'],
  ])('%s bypasses the proxy (%s)', async (noProxy) => {
    const v = await client({ http_proxy: proxyUrl, no_proxy: noProxy }).get('/metadata', asVersionInfo);
    expect(v.version).toBe('17.5.1-ee');
    expect(forwarded).toEqual([]);
    expect(atGitlab).toHaveLength(1);
  });

  test('host:port bypasses only that port', async () => {
    const port = new URL(gitlabUrl).port;
    await client({ HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1:${port}` }).get('/metadata', asVersionInfo);
    expect(forwarded).toEqual([]);
    await client({ HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1:1` }).get('/metadata', asVersionInfo);
    expect(forwarded).toHaveLength(1);
  });

  test('decided per request: a redirect to an excluded host goes there directly, without the token', async () => {
    const otherPort = new URL(otherUrl).port;
    const v = await client({ HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1:${otherPort}` }).get(
      '/version',
      asVersionInfo,
    );
    expect(v.version).toBe('17.5.1-ee');
    expect(forwarded.map((s) => s.url)).toEqual([`${gitlabUrl}/api/v4/version`]);
    expect(atOther.map((s) => s.url)).toEqual(['/api/v4/metadata']);
    expect(atOther[0]?.headers['private-token']).toBeUndefined();
  });
});

test('https:// GitLab through HTTPS_PROXY: a CONNECT tunnel (TLS end to end, the proxy never sees the token)', async () => {
  // The target speaks plain HTTP, so the TLS handshake inside the tunnel fails: a clear exit-3 error.
  const c = createGitLabClient({
    baseUrl: gitlabUrl.replace('http://', 'https://'),
    token: TOKEN,
    env: { HTTPS_PROXY: proxyUrl },
    sleep: async () => undefined,
    maxAttempts: 1,
  });
  const err = await c.get('/metadata', asVersionInfo).catch((e: unknown) => e);
  expect(tunnels).toEqual([new URL(gitlabUrl).host]);
  expect(forwarded).toEqual([]);
  expect(atGitlab.every((s) => s.headers['private-token'] === undefined)).toBe(true);
  expect(err).toMatchObject({ exitCode: 3, endpoint: '/metadata' });
  expect(String((err as Error).message)).not.toContain(TOKEN);
});

test('a proxy that wants credentials (407): exit 3 naming the refusal, not retried', async () => {
  const refusing = createServer((_req, res) => res.writeHead(407, { 'proxy-authenticate': 'Basic' }).end());
  const url = await listen(refusing);
  try {
    const c = client({ HTTP_PROXY: url });
    const err = await c.get('/metadata', asVersionInfo).catch((e: unknown) => e);
    expect(err).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/could not reach GitLab \(.*407/),
    });
    expect(c.requestCount).toBe(1);
  } finally {
    refusing.closeAllConnections();
    await new Promise((r) => refusing.close(r));
  }
});

test('a malformed proxy variable is a usage error that does not echo the value', () => {
  let err: unknown;
  try {
    client({ HTTPS_PROXY: 'http://user:hunter2@[bad' });
  } catch (e) {
    err = e;
  }
  expect(err).toMatchObject({ exitCode: 2, message: expect.stringContaining('HTTPS_PROXY') });
  expect(JSON.stringify({ m: (err as Error).message, h: (err as { hint?: string }).hint })).not.toContain(
    'hunter2',
  );
});

describe('NO_PROXY rules (curl-like)', () => {
  const u = new URL('https://gitlab.example.com:8443/api');
  test.each([
    ['*', true],
    ['example.com', true],
    ['.example.com', true],
    ['*.example.com', true],
    ['gitlab.example.com:8443', true],
    ['gitlab.example.com:443', false],
    ['other.com, example.com', true],
    ['other.com example.com', true],
    ['ample.com', false],
    ['', false],
  ])('%j → %s', (noProxy, bypass) => {
    expect(bypassesProxy(u, noProxy)).toBe(bypass);
  });
  test('IPv6 literals, with and without a port', () => {
    const v6 = new URL('http://[::1]:8080/');
    expect(bypassesProxy(v6, '::1')).toBe(true);
    expect(bypassesProxy(v6, '[::1]:8080')).toBe(true);
    expect(bypassesProxy(v6, '[::1]:9090')).toBe(false);
  });
  test('https uses HTTPS_PROXY, http uses HTTP_PROXY, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://q:2' };
    expect(proxyFor(new URL('https://g.example'), env)).toBe('http://p:1');
    expect(proxyFor(new URL('http://g.example'), env)).toBe('http://q:2');
    expect(proxyFor(new URL('http://g.example'), { ...env, http_proxy: 'http://r:3' })).toBe('http://r:3');
    expect(proxyFor(new URL('http://g.example'), {})).toBeUndefined();
    expect(proxyFor(new URL('http://g.example'), { ...env, no_proxy: 'g.example' })).toBeUndefined();
  });
});
