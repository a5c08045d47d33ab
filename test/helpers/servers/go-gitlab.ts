/**
 * A GitLab for `go get` over git: HTTPS (Go sends netrc credentials over HTTPS only,
 * cmd/go/internal/web), under a real host name, gitlab.example.test, since a Go module path has no
 * port. It runs on 127.0.0.1 and is reached through a CONNECT proxy (HTTPS_PROXY) that tunnels that
 * one host and refuses every other (proxy.golang.org, sum.golang.org are recorded and refused).
 *
 * It answers `?go-get=1` as GitLab's Gitlab::Middleware::Go does: with a deploy token that may read
 * the project (basic auth, lib/gitlab/auth.rb), the project's full path; without, the first two path
 * segments, so a nested project (tanuki/apps/awesome_project) cannot be found without credentials.
 * Git smart HTTP is `git http-backend` behind the same check, with read_repository: 401 without a
 * valid login, 404 for a project the token cannot read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttps } from 'node:https';
import { connect, createServer as createNet, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { needBinary } from './binaries.js';
import { deployTokenLogin } from './gitlab-auth.js';
import { basicAuth } from './gitlab-front.js';
import { serveGitCgi } from './git-gitlab.js';
import { selfSigned } from './keys.js';

export const GO_HOST = 'gitlab.example.test';
export const GO_PROJECT = 'tanuki/apps/awesome_project';
export const GO_MODULE = `${GO_HOST}/${GO_PROJECT}`;

export interface GoGitLab {
  url: string;
  /** HTTPS_PROXY for the clients. */
  proxy: string;
  /** The certificate the clients must trust (SSL_CERT_FILE, GIT_SSL_CAINFO). */
  certPath: string;
  /** Hosts the proxy refused: none of them may be reached. */
  refused: string[];
  requests: { path: string; user: string | null; goGet: boolean; status: number }[];
  scenario: Scenario;
  close(): Promise<void>;
}

/** A bare repository holding module GO_MODULE, tagged v1.0.0. */
function makeGoRepo(root: string): void {
  const work = join(root, 'work');
  const git = (args: string[]) =>
    execFileSync('git', args, {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: root, GIT_CONFIG_NOSYSTEM: '1' },
    });
  mkdirSync(work, { recursive: true });
  git(['init', '-q', '-b', 'main', '.']);
  writeFileSync(join(work, 'go.mod'), `module ${GO_MODULE}\n\ngo 1.19\n`);
  writeFileSync(
    join(work, 'hello.go'),
    'package hello\n\n// Hello greets.\nfunc Hello() string { return "hello from GitLab over git" }\n',
  );
  git(['add', '.']);
  git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first']);
  git(['tag', 'v1.0.0']);
  git(['clone', '-q', '--bare', '.', join(root, 'repos', `${GO_PROJECT}.git`)]);
}

export async function startGoGitLab(scenario: Scenario): Promise<GoGitLab> {
  // The scenario's project token, for the project at GO_PROJECT.
  const world: Scenario = {
    ...scenario,
    projects: scenario.projects.map((p, i) => (i === 0 ? { ...p, path_with_namespace: GO_PROJECT } : p)),
  };
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  const backend = needBinary(join(execPath, 'git-http-backend'), 'git http-backend');
  const root = mkdtempSync(join(tmpdir(), 'dt-go-'));
  makeGoRepo(root);
  const keys = selfSigned(root, GO_HOST, [GO_HOST]);
  const requests: GoGitLab['requests'] = [];
  const https = createHttps({ key: keys.key, cert: keys.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${GO_HOST}`);
    const { user, pass } = basicAuth(req);
    const login = deployTokenLogin(world, user, pass);
    const canRead =
      !!login && login.projects.includes(GO_PROJECT) && login.token.scopes.includes('read_repository');
    const goGet = url.searchParams.get('go-get') === '1';
    if (goGet) {
      // Gitlab::Middleware::Go: the project's path for who may read it, else the first two segments.
      const path =
        canRead && url.pathname.startsWith(`/${GO_PROJECT}`)
          ? GO_PROJECT
          : url.pathname.split('/').slice(1, 3).join('/');
      const prefix = `${GO_HOST}/${path}`;
      requests.push({ path: url.pathname, user, goGet, status: 200 });
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html><head><meta name="go-import" content="${prefix} git https://${prefix}.git"></head><body>go get https://${prefix}</body></html>`,
        );
      return;
    }
    if (!login) {
      requests.push({ path: url.pathname, user, goGet, status: 401 });
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' }).end('HTTP Basic: Access denied\n');
      return;
    }
    // Logged in, but not a project this token may read (or none at all): GitLab says not found.
    if (!canRead || !url.pathname.startsWith(`/${GO_PROJECT}.git/`)) {
      requests.push({ path: url.pathname, user, goGet, status: 404 });
      res.writeHead(404).end('The project you were looking for could not be found.\n');
      return;
    }
    requests.push({ path: url.pathname, user, goGet, status: 200 });
    serveGitCgi(backend, join(root, 'repos'), req, res, user ?? '');
  });
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
  const httpsPort = (https.address() as AddressInfo).port;

  // CONNECT gitlab.example.test:443 → 127.0.0.1:httpsPort; anything else is refused and recorded.
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const proxy = createNet((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.once('data', (head: Buffer) => {
      const target = /^CONNECT (\S+) HTTP\/1\.[01]\r\n/.exec(head.toString('latin1'))?.[1];
      if (target !== `${GO_HOST}:443`) {
        refused.push(target ?? head.toString('latin1').split('\r\n')[0] ?? '');
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const up = connect(httpsPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        up.pipe(client);
        client.pipe(up);
      });
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      up.on('error', () => client.destroy());
      client.on('error', () => up.destroy());
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `https://${GO_HOST}`,
    proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    certPath: keys.certPath,
    refused,
    requests,
    scenario: world,
    close: async () => {
      for (const s of sockets) s.destroy();
      https.closeAllConnections();
      await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => proxy.close(r))]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
