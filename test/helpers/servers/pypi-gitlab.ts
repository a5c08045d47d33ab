/**
 * GitLab's PyPI endpoint on 127.0.0.1 (doc/user/packages/pypi_repository): the simple index
 * `/api/v4/projects/:id/packages/pypi/simple/<name>/` and its files, behind basic auth that accepts
 * only the deploy token's username and value, with one wheel built in the test. The rest of the URL
 * space is the stand-in's REST API.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { basicAuth, startFront } from './gitlab-front.js';

export interface PypiGitLab {
  url: string;
  /** Every request to the package endpoint, with the user it authenticated as. */
  requests: { path: string; user: string | null; authorized: boolean }[];
  close(): Promise<void>;
}

export const WHEEL = 'hello_dt-1.0-py3-none-any.whl';

/** A minimal pure-Python wheel (PEP 427), zipped by Python's zipfile. */
function buildWheel(python: string, dir: string): Buffer {
  const path = join(dir, WHEEL);
  execFileSync(python, [
    '-c',
    `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('hello_dt/__init__.py', 'GREETING = "hello from the GitLab PyPI registry"\\n')
    z.writestr('hello_dt-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: hello-dt\\nVersion: 1.0\\n')
    z.writestr('hello_dt-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\nGenerator: deploy-token-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n')
    z.writestr('hello_dt-1.0.dist-info/RECORD', '')
`,
    path,
  ]);
  return readFileSync(path);
}

export async function startPypiGitLab(
  scenario: Scenario,
  login: { username: string; password: string },
  python: string,
): Promise<PypiGitLab> {
  const root = mkdtempSync(join(tmpdir(), 'dt-pypi-'));
  const wheel = buildWheel(python, root);
  const sha = createHash('sha256').update(wheel).digest('hex');
  const prefix = `/api/v4/projects/${scenario.projects[0]!.id}/packages/pypi`;
  const requests: PypiGitLab['requests'] = [];
  const front = await startFront(scenario, (req, res, base) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(`${prefix}/`)) return false;
    const { user, pass } = basicAuth(req);
    const authorized = user === login.username && pass === login.password;
    requests.push({ path, user, authorized });
    if (!authorized) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' }).end('401 Unauthorized\n');
    } else if (/^\/simple\/hello[-_.]dt\/?$/i.test(path.slice(prefix.length))) {
      const href = `${base}${prefix}/files/${sha}/${WHEEL}#sha256=${sha}`;
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!DOCTYPE html>\n<html><head><title>Links for hello-dt</title></head><body><h1>Links for hello-dt</h1><a href="${href}" data-requires-python="">${WHEEL}</a><br></body></html>\n`,
        );
    } else if (path === `${prefix}/files/${sha}/${WHEEL}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(wheel);
    } else {
      res.writeHead(404).end('404 Not Found\n');
    }
    return true;
  });
  return {
    url: front.url,
    requests,
    close: async () => {
      await front.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
