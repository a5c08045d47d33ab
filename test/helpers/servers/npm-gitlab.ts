/**
 * GitLab's npm package endpoint, stood in by a real npm registry: verdaccio (htpasswd auth) behind the
 * GitLab front on 127.0.0.1, which maps `/api/v4/projects/:id/packages/npm/*` to verdaccio. GitLab takes
 * a deploy token as the npm `_authToken` (a Bearer token) and decides as its package policy does
 * (test/helpers/servers/gitlab-auth.ts): reads with read_ or write_package_registry, publishes (PUT)
 * with write_package_registry only, 401 without a valid token, 403 without the scope. The front
 * then hands verdaccio its own login.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { needBinary } from './binaries.js';
import { packageGate, type PackageRequest } from './gitlab-auth.js';
import { startFront, type Front } from './gitlab-front.js';
import { freePort } from '../net.js';

export interface NpmGitLab {
  gitlab: Front;
  url: string;
  /** verdaccio's own URL and login (test set-up only). */
  registryUrl: string;
  admin: { username: string; password: string };
  npmRequests: PackageRequest[];
  close(): Promise<void>;
}

async function startVerdaccio(root: string, prefix: string, admin: { username: string; password: string }) {
  const bin = join(process.cwd(), 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  needBinary(bin, 'verdaccio 6.8 (npm ci installs it, a dev dependency)');
  execFileSync('htpasswd', ['-Bbc', join(root, 'htpasswd'), admin.username, admin.password], {
    stdio: 'ignore',
  });
  writeFileSync(
    join(root, 'config.yaml'),
    [
      `storage: ${join(root, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(root, 'htpasswd')}`,
      '    max_users: -1',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $authenticated',
      '    publish: $authenticated',
      `url_prefix: ${prefix}/`,
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const proc: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', join(root, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: root } },
  );
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when /-/ping answers; bounded wait (20 s).
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/-/ping`)).ok) break;
    } catch {
      /* starting */
    }
    if (proc.exitCode !== null || i === 400) {
      proc.kill('SIGKILL');
      throw new Error(`verdaccio did not start on ${url}: ${err.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, port, url };
}

export async function startNpmGitLab(scenario: Scenario): Promise<NpmGitLab> {
  needBinary('htpasswd', 'htpasswd (apache2-utils)');
  const root = mkdtempSync(join(tmpdir(), 'dt-npm-'));
  const project = scenario.projects[0]!;
  const prefix = `/api/v4/projects/${project.id}/packages/npm`;
  const admin = { username: 'test-setup', password: randomBytes(12).toString('hex') };
  let v: Awaited<ReturnType<typeof startVerdaccio>>;
  try {
    v = await startVerdaccio(root, prefix, admin);
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const npmRequests: NpmGitLab['npmRequests'] = [];
  const gitlab = await startFront(scenario, (req, res, _base, front) => {
    const url = req.url ?? '/';
    if (!url.startsWith(`${prefix}/`)) return false;
    const action = req.method === 'PUT' || req.method === 'DELETE' ? 'write' : 'read';
    const at = { scenario: front.scenario, project: project.path_with_namespace, path: url };
    if (!packageGate(req, res, { ...at, action }, npmRequests)) return true;
    const headers = {
      ...req.headers,
      authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`,
    };
    const up = request(
      { host: '127.0.0.1', port: v.port, method: req.method, path: url.slice(prefix.length) || '/', headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
    return true;
  });
  return {
    gitlab,
    url: gitlab.url,
    registryUrl: v.url,
    admin,
    npmRequests,
    close: async () => {
      await gitlab.close();
      v.proc.kill('SIGTERM');
      await new Promise((r) => (v.proc.exitCode !== null ? r(undefined) : v.proc.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A tiny package in `dir` (its own folder), for installs and publishes. */
export function writePackage(dir: string, name: string, version: string, text: string): string {
  const pkg = join(dir, `${name.replace(/[@/]/g, '_')}-${version}`);
  execFileSync('mkdir', ['-p', pkg]);
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
  writeFileSync(join(pkg, 'index.js'), `module.exports = ${JSON.stringify(text)};\n`);
  return pkg;
}

/** Publish straight to verdaccio (test set-up, outside the product and GitLab). */
export function publishDirect(
  registryUrl: string,
  admin: { username: string; password: string },
  pkg: string,
): void {
  const host = registryUrl.replace(/^http:/, '');
  const rc = join(pkg, '..', 'publish.npmrc');
  writeFileSync(
    rc,
    `registry=${registryUrl}/\n${host}/:_auth=${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}\n`,
  );
  execFileSync('npm', ['publish', '--userconfig', rc, '--registry', `${registryUrl}/`], {
    cwd: pkg,
    stdio: 'pipe',
    env: { PATH: process.env.PATH ?? '', HOME: join(pkg, '..') },
  });
}
