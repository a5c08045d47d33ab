/**
 * A GitLab on 127.0.0.1 that serves both the REST API (the stand-in's model) and Git smart HTTP:
 * `git http-backend` (which ships with git) run as CGI behind basic auth that accepts only the
 * deploy token's username and value, as GitLab does for a token with read_repository.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { StandinGitLab } from '../../../src/standin/server.js';

export interface GitGitLab {
  url: string;
  root: string;
  gitRequests: { path: string; user: string | null; authorized: boolean }[];
  close(): Promise<void>;
}

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/** A bare repository `tanuki/awesome_project.git` with one commit holding README.md. */
function makeRepo(root: string, path: string): void {
  const work = join(root, 'work');
  const git = (args: string[], cwd: string) =>
    execFileSync('git', args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: root, GIT_CONFIG_NOSYSTEM: '1' },
    });
  execFileSync('mkdir', ['-p', work, join(root, 'repos', path)]);
  git(['init', '-q', '-b', 'main', work], root);
  execFileSync('sh', ['-c', 'echo "hello from the stand-in GitLab" > README.md'], { cwd: work });
  git(['add', 'README.md'], work);
  git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first'], work);
  git(['clone', '-q', '--bare', work, join(root, 'repos', path)], root);
}

export async function startGitGitLab(
  scenario: Scenario,
  login: { username: string; password: string },
  now: () => Date,
): Promise<GitGitLab> {
  const root = mkdtempSync(join(tmpdir(), 'dt-git-'));
  makeRepo(root, 'tanuki/awesome_project.git');
  const gitRequests: GitGitLab['gitRequests'] = [];
  const holder: { gitlab?: StandinGitLab } = {};

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/v4/')) {
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const a = holder.gitlab!.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers });
      res.writeHead(a.status, a.headers).end(a.body);
      return;
    }
    const auth = req.headers.authorization ?? '';
    const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
    const sep = decoded.indexOf(':');
    const user = sep >= 0 ? decoded.slice(0, sep) : null;
    const pass = sep >= 0 ? decoded.slice(sep + 1) : null;
    const authorized = user === login.username && pass === login.password;
    gitRequests.push({ path: url.pathname, user, authorized });
    if (!authorized) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' }).end('HTTP Basic: Access denied\n');
      return;
    }
    const cgi = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: join(root, 'repos'),
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.replace(/^\?/, ''),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: user ?? '',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (d: Buffer) => {
      if (headersDone) return void res.write(d);
      head = Buffer.concat([head, d]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':');
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => res.end());
  };
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  holder.gitlab = new StandinGitLab(scenario, { now, baseUrl: url });
  return {
    url,
    root,
    gitRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
