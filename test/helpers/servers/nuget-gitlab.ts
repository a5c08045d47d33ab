/**
 * GitLab's NuGet v2 feed on 127.0.0.1 (GitLab 16.2+, lib/api/nuget_project_packages.rb): the public
 * OData metadata `…/nuget/v2/Packages(Id='…',Version='…')` and `FindPackagesById()`, shaped as
 * Packages::Nuget::OdataPackageEntryService makes them; the package download `…/nuget/v2/download/
 * <name>/<version>` and the push `PUT …/nuget/v2` behind basic auth with the deploy token's username,
 * deciding as GitLab's package policy does (test/helpers/servers/gitlab-auth.ts). nuget.exe 2.x puts
 * to the source URL with a trailing slash; this stand-in takes `…/v2/` as `…/v2`.
 * The v3 index (`…/nuget/index.json`) answers too, for clients that start there.
 */
import type { Scenario } from '../../../src/standin/model.js';
import { packageGate, type PackageRequest } from './gitlab-auth.js';
import { readBody, startFront, type Front } from './gitlab-front.js';

export interface NugetGitLab {
  gitlab: Front;
  url: string;
  /** Packages to install: `<id>/<version>` → .nupkg bytes. */
  packages: Map<string, Buffer>;
  /** The .nupkg files pushed (GitLab reads their .nuspec; this stand-in keeps them as they came). */
  pushed: Buffer[];
  requests: PackageRequest[];
  close(): Promise<void>;
}

const entry = (base: string, feed: string, id: string, version: string) =>
  `<entry xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xml:base="${base}${feed}">` +
  `<id>${base}${feed}/Packages(Id='${id}',Version='${version}')</id>` +
  `<category term="V2FeedPackage" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/>` +
  `<title type="text">${id}</title>` +
  `<content type="application/zip" src="${base}${feed}/download/${id}/${version}"/>` +
  `<m:properties><d:Version>${version}</d:Version></m:properties></entry>`;

const SERVICE = (base: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><service xmlns="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom" xml:base="${base}">` +
  `<workspace><atom:title type="text">Default</atom:title><collection href="Packages"><atom:title type="text">Packages</atom:title></collection></workspace></service>`;

const PROPERTIES = [
  ['Id', 'Edm.String', false],
  ['Version', 'Edm.String', false],
  ['Authors', 'Edm.String', true],
  ['Dependencies', 'Edm.String', true],
  ['Description', 'Edm.String', true],
  ['DownloadCount', 'Edm.Int64', false],
  ['IconUrl', 'Edm.String', true],
  ['Published', 'Edm.DateTime', false],
  ['ProjectUrl', 'Edm.String', true],
  ['Tags', 'Edm.String', true],
  ['Title', 'Edm.String', true],
  ['LicenseUrl', 'Edm.String', true],
] as const;
const METADATA =
  `<?xml version="1.0" encoding="UTF-8"?><edmx:Edmx xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" Version="1.0">` +
  `<edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="2.0" m:MaxDataServiceVersion="2.0">` +
  `<Schema xmlns="http://schemas.microsoft.com/ado/2006/04/edm" Namespace="NuGetGallery.OData"><EntityType Name="V2FeedPackage" m:HasStream="true">` +
  `<Key><PropertyRef Name="Id"/><PropertyRef Name="Version"/></Key>` +
  PROPERTIES.map(
    ([n, t, nullable]) => `<Property Name="${n}" Type="${t}"${nullable ? '' : ' Nullable="false"'}/>`,
  ).join('') +
  `</EntityType></Schema><Schema xmlns="http://schemas.microsoft.com/ado/2006/04/edm" Namespace="NuGetGallery">` +
  `<EntityContainer Name="V2FeedContext" m:IsDefaultEntityContainer="true"><EntitySet Name="Packages" EntityType="NuGetGallery.OData.V2FeedPackage"/>` +
  `<FunctionImport Name="FindPackagesById" ReturnType="Collection(NuGetGallery.OData.V2FeedPackage)" EntitySet="Packages">` +
  `<Parameter Name="id" Type="Edm.String" FixedLength="false" Unicode="false"/></FunctionImport></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;

/**
 * The first file of a multipart body. nuget.exe 2.8 ends its last part with a bare LF before the closing
 * boundary, which GitLab Workhorse's Go mime/multipart reader takes (and undici's strict parser does not).
 */
function firstFile(body: Buffer, contentType: string): Buffer | undefined {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) return undefined;
  const start = body.indexOf(`--${boundary}`);
  const headersEnd = body.indexOf('\r\n\r\n', start);
  if (start < 0 || headersEnd < 0 || !/filename=/i.test(body.subarray(start, headersEnd).toString('latin1')))
    return undefined;
  const end = body.indexOf(`\n--${boundary}`, headersEnd);
  if (end < 0) return undefined;
  return body.subarray(headersEnd + 4, body[end - 1] === 0x0d ? end - 1 : end);
}

export async function startNugetGitLab(scenario: Scenario): Promise<NugetGitLab> {
  const project = scenario.projects[0]!;
  const feed = `/api/v4/projects/${project.id}/packages/nuget/v2`;
  const packages = new Map<string, Buffer>();
  const pushed: Buffer[] = [];
  const requests: NugetGitLab['requests'] = [];
  const gitlab = await startFront(scenario, (req, res, base, front) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const nuget = `/api/v4/projects/${project.id}/packages/nuget`;
    if (!path.startsWith(nuget)) return false;
    const log = (status: number, user: string | null = null) =>
      requests.push({ method: req.method ?? 'GET', path: `${path}${url.search}`, user, status });
    // The v2 service document and its $metadata are public, as in GitLab (V2::ServiceIndexPresenter,
    // V2::MetadataIndexPresenter): a Packages collection, and V2FeedPackage keyed by Id and Version.
    if (req.method === 'GET' && (path === feed || path === `${feed}/`)) {
      log(200);
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(SERVICE(`${base}${feed}`));
      return true;
    }
    if (req.method === 'GET' && path === `${feed}/$metadata`) {
      log(200);
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(METADATA);
      return true;
    }
    const single = /\/Packages\(Id='([^']+)',Version='([^']+)'\)$/.exec(path);
    const byId = path.endsWith('/FindPackagesById()')
      ? url.searchParams.get('id')?.replace(/'/g, '')
      : undefined;
    if (req.method === 'GET' && (single || byId)) {
      // Public, as in GitLab: metadata only, no package file.
      const [id, version] = single ? [single[1]!, single[2]!] : [byId!, undefined];
      const versions = [...packages.keys()]
        .filter((k) => k.startsWith(`${id}/`))
        .map((k) => k.split('/')[1]!);
      const found = version ? versions.filter((v) => v === version) : versions;
      log(found.length > 0 ? 200 : 404);
      if (found.length === 0) {
        res.writeHead(404).end();
        return true;
      }
      const body = single
        ? entry(base, feed, id, found[0]!)
        : `<feed xmlns="http://www.w3.org/2005/Atom">${found.map((v) => entry(base, feed, id, v).replace(/ xmlns="[^"]*"/, '')).join('')}</feed>`;
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(body);
      return true;
    }
    if (req.method === 'GET' && path === `${nuget}/index.json`) {
      log(200);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          version: '3.0.0',
          resources: [{ '@id': `${base}${nuget}`, '@type': 'PackagePublish/2.0.0' }],
        }),
      );
      return true;
    }
    const push = req.method === 'PUT' && (path === feed || path === `${feed}/`);
    const download = req.method === 'GET' ? /\/download\/([^/]+)\/([^/]+)$/.exec(path) : null;
    const at = {
      scenario: front.scenario,
      project: project.path_with_namespace,
      path: `${path}${url.search}`,
    };
    if (!packageGate(req, res, { ...at, action: push ? 'write' : 'read' }, requests)) return true;
    if (push) {
      void readBody(req).then((body) => {
        const file = firstFile(body, req.headers['content-type'] ?? '');
        if (!file) return void res.writeHead(400).end('{"message":"400 Bad request - package is missing"}');
        pushed.push(file);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"message":"201 Created"}');
      });
    } else if (download && packages.has(`${download[1]}/${download[2]}`)) {
      res
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(packages.get(`${download[1]}/${download[2]}`));
    } else res.writeHead(404).end('{"message":"404 Not Found"}');
    return true;
  });
  return { gitlab, url: gitlab.url, packages, pushed, requests, close: () => gitlab.close() };
}
