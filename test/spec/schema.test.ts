/**
 * schemas/deploy-token.schema.json: JSON Schema 2020-12 with $id, a title and description on every
 * property (editors show them), closed objects, the deploy token scopes; the precompiled validator
 * (src/spec/validator.generated.js) is exactly what scripts/gen-validator.mjs makes of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_NAMES } from '../../src/credentials/client-names.js';
import { TEMPLATE_VALUES } from '../../src/spec/template-values.js';
import { DEPLOY_TOKEN_SCOPES } from '../../src/gitlab/scopes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(`${root}${p}`, 'utf8');
type Schema = Record<string, unknown>;
const schema = JSON.parse(read('schemas/deploy-token.schema.json')) as Schema;

/** Every subschema with its JSON pointer. */
function walk(
  s: unknown,
  path: string,
  out: { path: string; s: Schema }[] = [],
): { path: string; s: Schema }[] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return out;
  const o = s as Schema;
  out.push({ path, s: o });
  for (const k of ['properties', '$defs', 'patternProperties'] as const) {
    const m = o[k] as Record<string, unknown> | undefined;
    if (m) for (const [name, sub] of Object.entries(m)) walk(sub, `${path}/${k}/${name}`, out);
  }
  for (const k of ['items', 'additionalProperties', 'propertyNames'] as const)
    if (o[k]) walk(o[k], `${path}/${k}`, out);
  for (const k of ['oneOf', 'anyOf'] as const)
    ((o[k] as unknown[]) ?? []).forEach((sub, i) => walk(sub, `${path}/${k}/${i}`, out));
  return out;
}

describe('the job spec schema', () => {
  const all = walk(schema, '#');

  it('is JSON Schema 2020-12 with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.$id).toBe('string');
    expect(schema.title).toBeTruthy();
  });

  it('gives every property and definition a title and a description', () => {
    const missing = all
      .filter(({ path }) => /\/(properties|\$defs|patternProperties)\/[^/]+$/.test(path))
      .filter(
        ({ s }) =>
          typeof s.title !== 'string' ||
          typeof s.description !== 'string' ||
          (s.description as string).length < 10,
      )
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it('closes every object with additionalProperties: false (except name → value maps)', () => {
    const open = all
      .filter(({ s }) => s.type === 'object' && s.additionalProperties !== false)
      .map(({ path }) => path)
      .sort();
    // jobs: name → job; variables: NAME → template. Both constrain their keys with propertyNames.
    expect(open).toEqual(['#/$defs/job/properties/variables', '#/properties/jobs']);
  });

  it("lists GitLab's seven deploy-token scopes, the clients of src/credentials/clients.ts and the export targets", () => {
    const defs = schema.$defs as Record<string, Schema>;
    expect(defs.scope!.enum).toEqual([...DEPLOY_TOKEN_SCOPES]);
    expect(defs.client!.enum).toEqual([...CLIENT_NAMES]);
    expect(defs.exportTarget!.enum).toEqual(['github', 'shell', 'dotenv', 'json']);
  });

  it('covers version, gitlab, token and jobs.<name> with the shape others code against', () => {
    const p = schema.properties as Record<string, Schema>;
    expect(Object.keys(p)).toEqual(['version', 'gitlab', 'token', 'jobs']);
    expect(Object.keys(p.gitlab!.properties as Schema)).toEqual([
      'url',
      'project',
      'api_token_env',
      'environment',
    ]);
    expect(Object.keys(p.token!.properties as Schema)).toEqual(
      expect.arrayContaining(['name', 'min_days_left', 'fallback']),
    );
    const job = (schema.$defs as Record<string, Schema>).job!.properties as Schema;
    expect(Object.keys(job)).toEqual([
      'scopes',
      'configure',
      'client_options',
      'export',
      'variables',
      'files',
      'run',
      'lfs',
      'ephemeral',
      'dependency_proxy',
    ]);
  });

  it('documents the template values in variables', () => {
    const job = (schema.$defs as Record<string, Schema>).job!.properties as Record<string, Schema>;
    for (const v of TEMPLATE_VALUES) expect(job.variables!.description).toContain(v);
  });
});

describe('the precompiled validator', () => {
  it('is exactly what scripts/gen-validator.mjs generates from the schema (regenerated in memory)', async () => {
    const gen = (await import(`${root}scripts/gen-validator.mjs`)) as {
      generateValidator(): { js: string; dts: string };
    };
    const { js, dts } = gen.generateValidator();
    const committed = read('src/spec/validator.generated.js');
    if (committed !== js)
      throw new Error(
        'src/spec/validator.generated.js is stale: run `node scripts/gen-validator.mjs` and commit it',
      );
    expect(read('src/spec/validator.generated.d.ts')).toBe(dts);
  });

  it('is plain ESM that esbuild can bundle: no require()', () => {
    const js = read('src/spec/validator.generated.js');
    expect(js).not.toMatch(/\brequire\(/);
    expect(js).toMatch(/^export const validate = /m);
  });

  it('is the only schema code at run time: nothing under src/ imports ajv', () => {
    const files = (readdirSync(`${root}src`, { recursive: true }) as string[]).filter((f) =>
      /\.(ts|js|mjs)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /from ['"]ajv|require\(['"]ajv/.test(read(`src/${f}`)));
    expect(offenders).toEqual([]);
  });
});
