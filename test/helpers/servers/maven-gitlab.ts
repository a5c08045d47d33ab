/**
 * GitLab's Maven repository on 127.0.0.1 (lib/api/maven_packages.rb): `GET` and `PUT` of
 * `/api/v4/projects/:id/packages/maven/<group path>/<artifact>/<version>/<file>`, with the token in
 * the `Deploy-Token` header (or basic auth), deciding as GitLab's package policy does
 * (test/helpers/servers/gitlab-auth.ts). Files live in memory. And a local Maven repository for the
 * client, made of Debian's /usr/share/maven-repo (symlinks), so `mvn` runs without Maven Central.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../../src/standin/model.js';
import { needBinary, needFile } from './binaries.js';
import { packageGate, type PackageRequest } from './gitlab-auth.js';
import { readBody, startFront, type Front } from './gitlab-front.js';

export interface MavenGitLab {
  gitlab: Front;
  url: string;
  /** The project's Maven repository URL (what the written settings.xml names). */
  repositoryUrl: string;
  files: Map<string, Buffer>;
  requests: PackageRequest[];
  close(): Promise<void>;
}

export async function startMavenGitLab(scenario: Scenario): Promise<MavenGitLab> {
  const project = scenario.projects[0]!;
  const prefix = `/api/v4/projects/${project.id}/packages/maven/`;
  const files = new Map<string, Buffer>();
  const requests: MavenGitLab['requests'] = [];
  const gitlab = await startFront(scenario, (req, res, _base, front) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(prefix)) return false;
    const write = req.method === 'PUT';
    const at = { scenario: front.scenario, project: project.path_with_namespace, path };
    if (!packageGate(req, res, { ...at, action: write ? 'write' : 'read' }, requests)) return true;
    const key = path.slice(prefix.length);
    if (write) {
      void readBody(req).then((body) => {
        files.set(key, body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"200 OK"}');
      });
    } else {
      const file = files.get(key);
      if (file) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"404 Not Found"}');
    }
    return true;
  });
  return {
    gitlab,
    url: gitlab.url,
    repositoryUrl: `${gitlab.url}${prefix.slice(0, -1)}`,
    files,
    requests,
    close: () => gitlab.close(),
  };
}

/**
 * A local repository for `mvn -Dmaven.repo.local=…`: Debian's /usr/share/maven-repo (Maven's plugins
 * as packaged, among them maven-deploy-plugin) linked file by file, so Maven can write next to them.
 */
export function localMavenRepo(dir: string): string {
  needBinary('mvn', 'mvn (Debian package maven)');
  const source = '/usr/share/maven-repo';
  needFile(
    join(source, 'org/apache/maven/plugins/maven-deploy-plugin/3.0.0/maven-deploy-plugin-3.0.0.jar'),
    'the Maven deploy plugin (Debian package libmaven-deploy-plugin-java)',
  );
  mkdirSync(dir, { recursive: true });
  execFileSync('cp', ['-rs', `${source}/.`, `${dir}/`]);
  return dir;
}
