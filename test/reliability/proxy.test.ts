/**
 * Proxies in the shipped bundle (issue 12, class 8): the BUILT dist/cli.js reaches GitLab through a
 * real forward proxy on 127.0.0.1 — a CONNECT tunnel to an https:// stand-in (a TLS server with a
 * test CA, trusted through NODE_EXTRA_CA_CERTS as a private CA would be), absolute-form requests for
 * http:// — and NO_PROXY sends matching hosts around it. The proxy really forwards: GitLab answers
 * through it, and it never sees the API token inside a tunnel.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { loadScenario } from '../helpers/scenarios.js';
import { runDist } from './dist.js';

const API = 'glpat-demoDemoDemoDemo1234';
const scenario = loadScenario('1-project-token.json');

let dir: string;
let gitlab: RunningStandin;
let tls: TlsServer;
let proxy: ForwardProxy;
let tlsUrl: string;
let proxyUrl: string;
const tunnels: string[] = [];
const forwarded: { url: string; headers: IncomingMessage['headers'] }[] = [];
const atTls: { url: string; token: string | undefined }[] = [];

/** A CA and a certificate for 127.0.0.1 signed by it (openssl, at test time: no key is committed). */
function makeCerts(d: string): { ca: string; key: string; cert: string } {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: d, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=deploy-token test CA',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(join(d, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  return {
    ca: join(d, 'ca.pem'),
    key: readFileSync(join(d, 'server.key'), 'utf8'),
    cert: readFileSync(join(d, 'server.pem'), 'utf8'),
  };
}

const listen = (s: TlsServer, scheme: string) =>
  new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`${scheme}://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

let ca: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dt-proxy-'));
  const certs = makeCerts(dir);
  ca = certs.ca;
  gitlab = await startStandin(scenario);
  // The https:// GitLab: TLS in front of the stand-in's own answers.
  tls = createTlsServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    atTls.push({ url: req.url ?? '', token: req.headers['private-token'] as string | undefined });
    const a = gitlab.gitlab.handle({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers as Record<string, string>,
    });
    res.writeHead(a.status, a.headers).end(a.body);
  });
  tlsUrl = await listen(tls, 'https');
  proxy = await startForwardProxy({ forwarded, tunnels });
  proxyUrl = proxy.url;
});
afterAll(async () => {
  tls.closeAllConnections();
  await new Promise((r) => tls.close(r));
  await proxy.close();
  await gitlab.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  tunnels.length = 0;
  forwarded.length = 0;
  atTls.length = 0;
});

const plan = (url: string, env: Record<string, string>) =>
  runDist('cli.js', ['plan', '--format', 'json', '--gitlab-url', url, '--project', '3'], {
    PATH: process.env.PATH ?? '',
    GITLAB_TOKEN: API,
    ...scenario.jobEnv,
    ...env,
  });

test('https:// GitLab through HTTPS_PROXY: a CONNECT tunnel, TLS end to end with a private CA', async () => {
  const r = await plan(tlsUrl, { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: ca });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, token: { id: 11 } });
  expect(tunnels.length).toBeGreaterThan(0);
  expect(new Set(tunnels)).toEqual(new Set([new URL(tlsUrl).host]));
  expect(forwarded).toEqual([]);
  // GitLab got the token, inside the tunnel; the proxy only saw CONNECT host:port.
  expect(atTls.length).toBeGreaterThan(0);
  expect(atTls.every((a) => a.token === API)).toBe(true);
});

test.each(['HTTP_PROXY', 'http_proxy'])(
  'http:// GitLab through %s: absolute-form requests, forwarded',
  async (name) => {
    const before = gitlab.gitlab.requests.length;
    const r = await plan(gitlab.url, { [name]: proxyUrl });
    expect(r.code).toBe(0);
    expect(forwarded.length).toBeGreaterThan(0);
    expect(forwarded.every((f) => f.url.startsWith(`${gitlab.url}/api/v4/`))).toBe(true);
    expect(gitlab.gitlab.requests.length - before).toBe(forwarded.length);
    expect(tunnels).toEqual([]);
  },
);

test.each([
  ['127.0.0.1', 'the host'],
  ['*', 'everything'],
  ['localhost,127.0.0.1:PORT', 'host:port'],
])('NO_PROXY=%s bypasses the proxy (%s)', async (noProxy) => {
  const port = new URL(tlsUrl).port;
  const r = await plan(tlsUrl, {
    HTTPS_PROXY: proxyUrl,
    NO_PROXY: noProxy.replace('PORT', port),
    NODE_EXTRA_CA_CERTS: ca,
  });
  expect(r.code).toBe(0);
  expect(tunnels).toEqual([]);
  expect(atTls.length).toBeGreaterThan(0);
});

test('NO_PROXY for another port still goes through the proxy', async () => {
  const r = await plan(tlsUrl, { https_proxy: proxyUrl, no_proxy: '127.0.0.1:1', NODE_EXTRA_CA_CERTS: ca });
  expect(r.code).toBe(0);
  expect(tunnels.length).toBeGreaterThan(0);
});

test('without the private CA: exit 3, naming NODE_EXTRA_CA_CERTS, nothing sent in the clear', async () => {
  const r = await plan(tlsUrl, { HTTPS_PROXY: proxyUrl });
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/NODE_EXTRA_CA_CERTS/);
  expect(atTls).toEqual([]);
});
