/**
 * GitLab's PyPI endpoint on 127.0.0.1 (doc/user/packages/pypi_repository, lib/api/pypi_packages.rb):
 * the simple index `/api/v4/projects/:id/packages/pypi/simple/<name>/`, its files, and uploads (a
 * multipart POST to `/api/v4/projects/:id/packages/pypi`, as twine and poetry send them), deciding as
 * GitLab's package policy does (test/helpers/servers/gitlab-auth.ts): basic auth with the deploy
 * token's username and value, reads with read_ or write_package_registry, uploads with
 * write_package_registry only. Uploaded files are served by the index too. The rest of the URL space
 * is the stand-in's REST API.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { packageGate, type PackageRequest } from './gitlab-auth.js';
import { readBody, startFront, type Front } from './gitlab-front.js';

export interface PypiGitLab {
  gitlab: Front;
  url: string;
  /** Every request to the package endpoint, with the user it authenticated as. */
  requests: PackageRequest[];
  /** Files uploaded (accepted), by name. */
  uploads: Map<string, Buffer>;
  close(): Promise<void>;
}

export const WHEEL = 'hello_dt-1.0-py3-none-any.whl';

/** A minimal pure-Python wheel (PEP 427), zipped by Python's zipfile, in `dir`. */
export function buildWheel(python: string, dir: string, version = '1.0'): string {
  const path = join(dir, `hello_dt-${version}-py3-none-any.whl`);
  execFileSync(python, [
    '-c',
    `import sys, zipfile
v = sys.argv[2]
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('hello_dt/__init__.py', 'GREETING = "hello from the GitLab PyPI registry"\\n')
    z.writestr('hello_dt-%s.dist-info/METADATA' % v, 'Metadata-Version: 2.1\\nName: hello-dt\\nVersion: %s\\n' % v)
    z.writestr('hello_dt-%s.dist-info/WHEEL' % v, 'Wheel-Version: 1.0\\nGenerator: deploy-token-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n')
    z.writestr('hello_dt-%s.dist-info/RECORD' % v, '')
`,
    path,
    version,
  ]);
  return path;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function startPypiGitLab(scenario: Scenario, python: string): Promise<PypiGitLab> {
  const root = mkdtempSync(join(tmpdir(), 'dt-pypi-'));
  const files = new Map<string, Buffer>([[WHEEL, readFileSync(buildWheel(python, root))]]);
  const uploads = new Map<string, Buffer>();
  const project = scenario.projects[0]!;
  const prefix = `/api/v4/projects/${project.id}/packages/pypi`;
  const requests: PypiGitLab['requests'] = [];
  const gitlab = await startFront(scenario, (req, res, base, front) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
    const upload = req.method === 'POST' && path === prefix;
    const at = { scenario: front.scenario, project: project.path_with_namespace, path };
    if (!packageGate(req, res, { ...at, action: upload ? 'write' : 'read' }, requests)) return true;
    const rest = path.slice(prefix.length);
    if (upload) {
      void (async () => {
        // A multipart form, read by the platform's own parser (undici's Request.formData).
        const body = await readBody(req);
        const form = await new Request('http://x', {
          method: 'POST',
          body,
          headers: { 'content-type': req.headers['content-type'] ?? '' },
        }).formData();
        const content = form.get('content');
        if (!(content instanceof File))
          return void res.writeHead(400).end('400 Bad request: content is missing\n');
        const bytes = Buffer.from(await content.arrayBuffer());
        uploads.set(content.name, bytes);
        files.set(content.name, bytes);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"message":"201 Created"}');
      })();
    } else if (/^\/simple\/hello[-_.]dt\/?$/i.test(rest)) {
      const links = [...files.entries()]
        .map(
          ([name, b]) =>
            `<a href="${base}${prefix}/files/${sha256(b)}/${name}#sha256=${sha256(b)}" data-requires-python="">${name}</a><br>`,
        )
        .join('');
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!DOCTYPE html>\n<html><head><title>Links for hello-dt</title></head><body><h1>Links for hello-dt</h1>${links}</body></html>\n`,
        );
    } else {
      const m = /^\/files\/([0-9a-f]{64})\/([^/]+)$/.exec(rest);
      const file = m ? files.get(m[2]!) : undefined;
      if (file && sha256(file) === m![1])
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
      else res.writeHead(404).end('404 Not Found\n');
    }
    return true;
  });
  return {
    gitlab,
    url: gitlab.url,
    requests,
    uploads,
    close: async () => {
      await gitlab.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
