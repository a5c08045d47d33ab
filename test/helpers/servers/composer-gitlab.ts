/**
 * GitLab's Composer repository on 127.0.0.1 (lib/api/composer_packages.rb): the group-level
 * `packages.json` with its `metadata-url`, the `p2/<vendor>/<name>.json` versions, and the project's
 * `archives/<vendor>/<name>.zip?sha=` dist, behind basic auth that decides as GitLab's package policy
 * does (test/helpers/servers/gitlab-auth.ts). One package, tanuki/hello 1.0.0, zipped by Python.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { packageGate, type PackageRequest } from './gitlab-auth.js';
import { startFront, type Front } from './gitlab-front.js';

export interface ComposerGitLab {
  gitlab: Front;
  url: string;
  /** The repository URL a composer.json names. */
  repositoryUrl: string;
  requests: PackageRequest[];
  close(): Promise<void>;
}

export const PACKAGE = 'tanuki/hello';

function buildArchive(dir: string): Buffer {
  const path = join(dir, 'hello.zip');
  execFileSync('python3', [
    '-c',
    `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('hello/composer.json', '{"name": "${PACKAGE}", "autoload": {"files": ["hello.php"]}}')
    z.writestr('hello/hello.php', '<?php function hello() { return "hello from the GitLab Composer repository"; }\\n')
`,
    path,
  ]);
  return readFileSync(path);
}

export async function startComposerGitLab(scenario: Scenario): Promise<ComposerGitLab> {
  const root = mkdtempSync(join(tmpdir(), 'dt-composer-'));
  const zip = buildArchive(root);
  const sha = createHash('sha1').update(zip).digest('hex');
  const project = scenario.projects[0]!;
  const group = `/api/v4/group/${project.namespace_id}/-/packages/composer`;
  const archives = `/api/v4/projects/${project.id}/packages/composer/archives`;
  const requests: ComposerGitLab['requests'] = [];
  const gitlab = await startFront(scenario, (req, res, base, front) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (!path.startsWith(`${group}/`) && !path.startsWith(`${archives}/`)) return false;
    const at = { scenario: front.scenario, project: project.path_with_namespace, path };
    if (!packageGate(req, res, { ...at, action: 'read' }, requests)) return true;
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === `${group}/packages.json`) {
      json({ packages: [], 'metadata-url': `${group}/p2/%package%.json` });
    } else if (path === `${group}/p2/${PACKAGE}.json`) {
      json({
        packages: {
          [PACKAGE]: [
            {
              name: PACKAGE,
              version: '1.0.0',
              version_normalized: '1.0.0.0',
              autoload: { files: ['hello.php'] },
              dist: {
                type: 'zip',
                url: `${base}${archives}/${PACKAGE}.zip?sha=${sha}`,
                reference: sha,
                shasum: '',
              },
            },
          ],
        },
      });
    } else if (path === `${archives}/${PACKAGE}.zip` && url.searchParams.get('sha') === sha) {
      res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"404 Not Found"}');
    }
    return true;
  });
  return {
    gitlab,
    url: gitlab.url,
    repositoryUrl: `${gitlab.url}${group}/`,
    requests,
    close: async () => {
      await gitlab.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
