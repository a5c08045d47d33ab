/**
 * GitLab's npm package endpoint, stood in by a real npm registry: verdaccio (htpasswd auth) behind a
 * small front on 127.0.0.1 that serves the stand-in's REST API and maps
 * `/api/v4/projects/:id/packages/npm/*` to verdaccio. GitLab accepts a deploy token as the npm
 * `_authToken` (a Bearer token); the front checks it and hands verdaccio the matching basic login.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { StandinGitLab } from '../../../src/standin/server.js';
import { freePort } from '../net.js';
import { needBinary } from './binaries.js';

export interface NpmGitLab {
  url: string;
  /** verdaccio's own URL (for publishing in test setup). */
  registryUrl: string;
  npmRequests: { path: string; authorized: boolean }[];
  close(): Promise<void>;
}

export async function startNpmGitLab(
  scenario: Scenario,
  login: { username: string; password: string },
  now: () => Date,
): Promise<NpmGitLab> {
  needBinary('htpasswd', 'htpasswd (apache2-utils)');
  const bin = join(process.cwd(), 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  needBinary(bin, 'verdaccio 6.8 (npm ci installs it, a dev dependency)');
  const root = mkdtempSync(join(tmpdir(), 'dt-npm-'));
  const vport = await freePort();
  const fport = await freePort();
  const prefix = `/api/v4/projects/${scenario.projects[0]!.id}/packages/npm`;
  execFileSync('htpasswd', ['-Bbc', join(root, 'htpasswd'), login.username, login.password], {
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
  const proc: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', join(root, 'config.yaml'), '--listen', `127.0.0.1:${vport}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: root },
    },
  );
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const registryUrl = `http://127.0.0.1:${vport}`;
  // Ready when /-/ping answers; bounded wait (10 s).
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${registryUrl}/-/ping`);
      if (r.ok) break;
    } catch {
      /* starting */
    }
    if (proc.exitCode !== null || i === 200) {
      proc.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
      throw new Error(`verdaccio did not start on ${registryUrl}: ${err.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const npmRequests: NpmGitLab['npmRequests'] = [];
  const holder: { gitlab?: StandinGitLab } = {};
  const front = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith(`${prefix}/`)) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const authorized = bearer === login.password;
      npmRequests.push({ path: url, authorized });
      const headers = { ...req.headers };
      delete headers.authorization;
      if (authorized)
        headers.authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
      const up = request(
        {
          host: '127.0.0.1',
          port: vport,
          method: req.method,
          path: url.slice(prefix.length) || '/',
          headers,
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
      return;
    }
    const h: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) h[k] = Array.isArray(v) ? v.join(', ') : v;
    const a = holder.gitlab!.handle({ method: req.method ?? 'GET', url, headers: h });
    res.writeHead(a.status, a.headers).end(a.body);
  });
  await new Promise<void>((r) => front.listen(fport, '127.0.0.1', r));
  const url = `http://127.0.0.1:${fport}`;
  holder.gitlab = new StandinGitLab(scenario, { now, baseUrl: url });
  return {
    url,
    registryUrl,
    npmRequests,
    close: async () => {
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r(undefined) : proc.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Publish a tiny package straight to verdaccio (test setup, outside the product). */
export function publishPackage(
  registryUrl: string,
  login: { username: string; password: string },
  dir: string,
): void {
  const pkg = join(dir, 'pkg');
  execFileSync('mkdir', ['-p', pkg]);
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: '@tanuki/hello', version: '1.0.0', main: 'index.js' }),
  );
  writeFileSync(join(pkg, 'index.js'), "module.exports = 'hello from the GitLab npm registry';\n");
  const host = registryUrl.replace(/^http:/, '');
  writeFileSync(
    join(dir, 'publish.npmrc'),
    `registry=${registryUrl}/\n${host}/:_auth=${Buffer.from(`${login.username}:${login.password}`).toString('base64')}\n`,
  );
  execFileSync(
    'npm',
    ['publish', '--userconfig', join(dir, 'publish.npmrc'), '--registry', `${registryUrl}/`],
    {
      cwd: pkg,
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: dir },
    },
  );
}
