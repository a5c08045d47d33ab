/**
 * A GitLab on 127.0.0.1 that serves both the REST API (the stand-in's model) and Git smart HTTP:
 * `git http-backend` (which ships with git) run as CGI behind basic auth that accepts only the
 * deploy token's username and value, as GitLab does for a token with read_repository.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { needBinary } from './binaries.js';
import { basicAuth, startFront } from './gitlab-front.js';

export interface GitGitLab {
  url: string;
  root: string;
  gitRequests: { path: string; user: string | null; authorized: boolean; authHeaders: number }[];
  close(): Promise<void>;
}

/** A bare repository at `path` with one commit holding README.md. */
function makeRepo(root: string, path: string): void {
  const work = join(root, 'work');
  const git = (args: string[], cwd: string) =>
    execFileSync('git', args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: root, GIT_CONFIG_NOSYSTEM: '1' },
    });
  mkdirSync(work, { recursive: true });
  git(['init', '-q', '-b', 'main', work], root);
  writeFileSync(join(work, 'README.md'), 'hello from the stand-in GitLab\n');
  git(['add', 'README.md'], work);
  git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first'], work);
  git(['clone', '-q', '--bare', work, join(root, 'repos', path)], root);
}

export async function startGitGitLab(
  scenario: Scenario,
  login: { username: string; password: string },
  now: () => Date = () => new Date(),
): Promise<GitGitLab> {
  needBinary('git');
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  const backend = needBinary(join(execPath, 'git-http-backend'), 'git http-backend');
  const root = mkdtempSync(join(tmpdir(), 'dt-git-'));
  makeRepo(root, 'tanuki/awesome_project.git');
  const gitRequests: GitGitLab['gitRequests'] = [];

  const front = await startFront(
    scenario,
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/api/v4/')) return false;
      const { user, pass } = basicAuth(req);
      const authorized = user === login.username && pass === login.password;
      // node joins repeated Authorization headers; rawHeaders has each one.
      const authHeaders = req.rawHeaders.filter((h, i) => i % 2 === 0 && /^authorization$/i.test(h)).length;
      gitRequests.push({ path: url.pathname, user, authorized, authHeaders });
      if (!authorized) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' }).end('HTTP Basic: Access denied\n');
        return true;
      }
      serveGitCgi(backend, join(root, 'repos'), req, res, user ?? '');
      return true;
    },
    now,
  );
  return {
    url: front.url,
    root,
    gitRequests,
    close: async () => {
      await front.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** git http-backend (ships with git) as CGI for one request: smart HTTP from the bare repositories in `repos`. */
export function serveGitCgi(
  backend: string,
  repos: string,
  req: IncomingMessage,
  res: ServerResponse,
  user: string,
): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const cgi = spawn(backend, [], {
    env: {
      PATH: process.env.PATH ?? '',
      GIT_PROJECT_ROOT: repos,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: url.pathname,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
    },
  });
  req.pipe(cgi.stdin);
  // CGI output: header lines (with an optional Status:), a blank line, then the body.
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
}
