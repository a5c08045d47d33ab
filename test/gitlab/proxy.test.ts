/** HTTPS_PROXY / HTTP_PROXY / NO_PROXY for self-managed GitLab, through a real proxy on 127.0.0.1. */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createGitLabClient } from '../../src/gitlab/client.js';
import { bypassesProxy, proxyFor } from '../../src/gitlab/proxy.js';
import { asVersionInfo } from '../../src/gitlab/types.js';

let gitlab: Server;
let proxy: Server;
let gitlabUrl: string;
let proxyUrl: string;
const proxied: string[] = [];

const listen = (s: Server) =>
  new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  gitlab = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ version: '17.5.1-ee', revision: 'x' }));
  });
  // A CONNECT proxy (what undici's ProxyAgent speaks): records each tunnel, then pipes bytes.
  proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    proxied.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const up = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  gitlabUrl = await listen(gitlab);
  proxyUrl = await listen(proxy);
});
afterAll(async () => {
  gitlab.closeAllConnections();
  proxy.closeAllConnections();
  await new Promise((r) => gitlab.close(r));
  await new Promise((r) => proxy.close(r));
});
beforeEach(() => (proxied.length = 0));

test('HTTP_PROXY routes the API through the proxy', async () => {
  const c = createGitLabClient({ baseUrl: gitlabUrl, token: 't', env: { HTTP_PROXY: proxyUrl } });
  const v = await c.get('/version', asVersionInfo);
  expect(v.version).toBe('17.5.1-ee');
  expect(proxied).toEqual([new URL(gitlabUrl).host]);
});

test('NO_PROXY bypasses it', async () => {
  const c = createGitLabClient({
    baseUrl: gitlabUrl,
    token: 't',
    env: { http_proxy: proxyUrl, no_proxy: '127.0.0.1' },
  });
  const v = await c.get('/version', asVersionInfo);
  expect(v.version).toBe('17.5.1-ee');
  expect(proxied).toEqual([]);
});

describe('NO_PROXY rules (curl-like)', () => {
  const u = new URL('https://gitlab.example.com:8443/api');
  test.each([
    ['*', true],
    ['example.com', true],
    ['.example.com', true],
    ['gitlab.example.com:8443', true],
    ['gitlab.example.com:443', false],
    ['other.com, example.com', true],
    ['ample.com', false],
    ['', false],
  ])('%j → %s', (noProxy, bypass) => {
    expect(bypassesProxy(u, noProxy)).toBe(bypass);
  });
  test('https uses HTTPS_PROXY, http uses HTTP_PROXY', () => {
    expect(
      proxyFor(new URL('https://g.example'), { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://q:2' }),
    ).toBe('http://p:1');
    expect(
      proxyFor(new URL('http://g.example'), { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://q:2' }),
    ).toBe('http://q:2');
    expect(proxyFor(new URL('http://g.example'), {})).toBeUndefined();
  });
});
