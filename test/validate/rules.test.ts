/**
 * One describe per rule, in the words of GitLab's docs and source: what is reported, and just as
 * important, what is not. The golden files (err/*.out) pin the exact messages and positions.
 */
import { loadSpec } from '../../src/validate/spec/load.js';
import { checkCi } from '../../src/validate/check.js';
import { loadCi, type CiFs } from '../../src/validate/ci/load.js';
import { normalizeFindings, type Finding } from '../../src/validate/finding.js';
import type { SpecScopes } from '../../src/validate/rule.js';
import { applySuppressions } from '../../src/validate/suppress.js';

function spec(text: string): Finding[] {
  return loadSpec(text, 'deploy-token.yml').findings;
}

function ci(text: string, files: Record<string, string> = {}, specs?: SpecScopes): Finding[] {
  const fs: CiFs = {
    read: (p) => files[p.replace(/^\/repo\//, '')],
    glob: (_dir, pattern) =>
      Object.keys(files)
        .filter((f) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(f))
        .map((f) => `/repo/${f}`),
    display: (p) => p.replace(/^\/repo\//, ''),
  };
  const loaded = loadCi(text, '/repo/.gitlab-ci.yml', fs);
  const all = [...loaded.findings, ...(loaded.model ? checkCi(loaded.model, specs) : [])];
  return normalizeFindings(applySuppressions(all, loaded.sources));
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);
const at = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line}:${f.col} ${f.ruleId}`);

const GUARD = 'rules:\n    - if: $CI_DEPLOY_PASSWORD\n';
const job = (script: string[], extra = '') =>
  `job:\n  ${GUARD}${extra}  script:\n${script.map((s) => `    - ${JSON.stringify(s)}`).join('\n')}\n`;
const specJob = (body: string) => `version: 1\njobs:\n  build:\n${body}`;

describe('scope-coverage (GitLab’s scope table, doc/user/project/deploy_tokens/index.md)', () => {
  it('git clone needs read_repository', () => {
    expect(
      ids(
        spec(
          specJob('    scopes: [read_registry]\n    run: ["git clone https://gitlab.example.com/g/p.git"]\n'),
        ),
      ),
    ).toEqual(['scope-coverage']);
    expect(
      spec(
        specJob('    scopes: [read_repository]\n    run: ["git clone https://gitlab.example.com/g/p.git"]\n'),
      ),
    ).toEqual([]);
  });
  it('a GitLab image pull needs read_registry; a Docker Hub pull needs nothing', () => {
    expect(
      ids(spec(specJob('    scopes: [read_repository]\n    run: ["docker pull $CI_REGISTRY_IMAGE:1"]\n'))),
    ).toEqual(['scope-coverage']);
    expect(spec(specJob('    scopes: [read_repository]\n    run: ["docker pull alpine:3"]\n'))).toEqual([]);
  });
  it('an image push needs read_registry and write_registry (the registry grants a push only with both)', () => {
    const push = (scopes: string) =>
      spec(
        specJob(
          `    scopes: [${scopes}]\n    configure: [docker]\n    run: ["docker push registry.example.com/g/p:1"]\n`,
        ),
      );
    expect(push('read_registry').map((x) => x.message)).toEqual([
      'docker push needs read_registry and write_registry; expected write_registry in scopes',
    ]);
    // `configure: docker` alone pulls (read_registry, src/credentials/clients.ts); the push needs both.
    expect(push('write_registry').map((x) => x.message)).toEqual([
      'configure: docker needs read_registry; expected read_registry in scopes',
      'docker push needs read_registry and write_registry; expected read_registry in scopes',
    ]);
    expect(push('read_package_registry').map((x) => x.message)).toEqual([
      'configure: docker needs read_registry; expected read_registry in scopes',
      'docker push needs read_registry and write_registry; expected both in scopes',
    ]);
    expect(push('read_registry, write_registry')).toEqual([]);
  });
  it('package pull and push need the package scopes (pull counted when the client is configured)', () => {
    expect(
      spec(specJob('    scopes: [read_package_registry]\n    configure: [npm]\n    run: [npm ci]\n')),
    ).toEqual([]);
    expect(
      ids(spec(specJob('    scopes: [read_registry]\n    configure: [npm]\n    run: [npm ci]\n'))),
    ).toEqual(['scope-coverage', 'scope-coverage']);
    expect(
      ids(spec(specJob('    scopes: [read_package_registry]\n    run: ["twine upload dist/*"]\n'))),
    ).toEqual(['scope-coverage']);
  });
  it('the dependency proxy needs both registry scopes', () => {
    const f = spec(specJob('    scopes: [read_registry]\n    dependency_proxy: true\n'));
    expect(f.map((x) => x.message)).toEqual([
      'the dependency proxy needs read_registry and write_registry; expected write_registry in scopes',
    ]);
    expect(
      ids(
        spec(
          specJob(
            '    scopes: [read_repository]\n    run: ["docker pull $CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/alpine"]\n',
          ),
        ),
      ),
    ).toEqual(['scope-coverage']);
  });
  it('configure implies a scope; a job with needs but no scopes is told what to declare', () => {
    const f = spec(specJob('    configure: [git]\n'));
    expect(f.map((x) => x.message)).toEqual([
      'job "build" declares no scopes; expected scopes: [read_repository] for configure: git',
    ]);
  });
  it('commands run through deploy-token exec count too', () => {
    const f = spec(
      specJob(
        '    scopes: [read_registry]\n    run: ["deploy-token exec -- docker push $CI_REGISTRY_IMAGE:1"]\n',
      ),
    );
    expect(ids(f)).toEqual(['scope-coverage']);
  });
});

describe('template-unknown-value / template-syntax / template-not-allowed', () => {
  it('accepts every template value, loops and allowed filters', () => {
    const vars = [
      'username',
      'password',
      'gitlab_url',
      'gitlab_host',
      'api_url',
      'registry',
      'dependency_proxy',
      'project_id',
      'project_path',
      'token_id',
      'expires_at',
    ]
      .map((v, i) => `      V${i}: "{{ ${v} }}"`)
      .join('\n');
    expect(
      spec(
        specJob(
          `    scopes: [read_registry]\n    variables:\n${vars}\n      L: "{% for s in scopes %}{{ s | upper }}{% endfor %}"\n`,
        ),
      ),
    ).toEqual([]);
  });
  it('reports an unknown name at its position, with a suggestion', () => {
    const f = spec(specJob('    scopes: [read_registry]\n    variables:\n      U: "x {{ user_name }}"\n'));
    expect(at(f)).toEqual(['deploy-token.yml:6:16 template-unknown-value']);
    expect(f[0]!.message).toContain('did you mean "username"?');
  });
  it('renders with strict undefined: a field that does not exist is reported', () => {
    expect(
      ids(spec(specJob('    scopes: [read_registry]\n    variables:\n      U: "{{ username.nope }}"\n'))),
    ).toEqual(['template-unknown-value']);
  });
  it('reports templates that do not parse, and constructs the renderer refuses', () => {
    expect(
      ids(spec(specJob('    scopes: [read_registry]\n    variables:\n      U: "{% if username %}"\n'))),
    ).toEqual(['template-syntax']);
    expect(
      ids(spec(specJob('    scopes: [read_registry]\n    variables:\n      U: "{% set x = 1 %}"\n'))),
    ).toEqual(['template-not-allowed']);
  });
  it('checks files templates too', () => {
    expect(
      ids(
        spec(
          specJob(
            '    scopes: [read_registry]\n    files:\n      - path: f\n        template: "{{ nope }}"\n',
          ),
        ),
      ),
    ).toEqual(['template-unknown-value']);
  });
});

describe('plain-password', () => {
  it('finds GitLab tokens anywhere, including custom-prefixed ones', () => {
    expect(
      ids(
        spec(
          specJob('    scopes: [read_registry]\n    variables:\n      T: "x-gldt-AbCdEfGhIjKlMnOpQrSt"\n'),
        ),
      ),
    ).toEqual(['plain-password']);
    expect(
      ids(
        spec(
          specJob(
            '    scopes: [read_registry]\n    run: ["curl -H \'PRIVATE-TOKEN: glpat-AbCdEfGhIjKlMnOpQrSt\' x"]\n',
          ),
        ),
      ),
    ).toEqual(['plain-password']);
  });
  it('finds literal passwords in credential templates but not {{ password }}', () => {
    expect(
      ids(
        spec(
          specJob(
            '    scopes: [read_registry]\n    files:\n      - path: netrc\n        template: "machine h login u password p4ss"\n',
          ),
        ),
      ),
    ).toEqual(['plain-password']);
    expect(
      spec(
        specJob(
          '    scopes: [read_registry]\n    files:\n      - path: netrc\n        template: "machine h login {{ username }} password {{ password }}"\n',
        ),
      ),
    ).toEqual([]);
  });
  it('ignores placeholders', () => {
    expect(
      spec(specJob('    scopes: [read_registry]\n    variables:\n      T: "glpat-xxxxxxxxxxxxxxxxxxxx"\n')),
    ).toEqual([]);
  });
  it('points into double-quoted YAML strings with escaped quotes', () => {
    const f = ci(`j:\n  ${GUARD}  script: ["echo \\"$CI_DEPLOY_PASSWORD\\""]\n`);
    expect(at(f)).toEqual(['.gitlab-ci.yml:4:20 token-in-log']);
  });
  it('finds a token in a CI file, with CI advice', () => {
    const f = ci('variables:\n  TOKEN: gldt-AbCdEfGhIjKlMnOpQrSt\n');
    expect(f.map((x) => x.message)).toEqual([
      'a GitLab token is written in plain text; expected a masked CI/CD variable (Settings > CI/CD > Variables)',
    ]);
  });
});

describe('lfs-group-token (issue 235398)', () => {
  it('warns for lfs: true with a group token only', () => {
    const f = spec(
      'version: 1\ntoken: { level: group }\njobs:\n  a: { scopes: [read_repository], lfs: true }\n',
    );
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['lfs-group-token', 'warning']]);
    expect(
      spec('version: 1\ntoken: { level: project }\njobs:\n  a: { scopes: [read_repository], lfs: true }\n'),
    ).toEqual([]);
  });
});

describe('public-api', () => {
  it('reports the deploy token against API endpoints other than packages', () => {
    const bad = ci(job(['curl -H "Deploy-Token: $CI_DEPLOY_PASSWORD" "$CI_API_V4_URL/projects/1/jobs"']));
    expect(ids(bad)).toEqual(['public-api']);
    expect(
      ci(
        job([
          'curl -H "Deploy-Token: $CI_DEPLOY_PASSWORD" "$CI_API_V4_URL/projects/1/packages/generic/a/1/a.tgz" -o a.tgz',
        ]),
      ),
    ).toEqual([]);
    expect(ci(job(['curl -H "PRIVATE-TOKEN: $API_TOKEN" "$CI_API_V4_URL/projects/1/jobs"']))).toEqual([]);
  });
});

describe('dotenv-export', () => {
  it('warns on export: [dotenv] (doc/ci/yaml/artifacts_reports.md: dotenv is not masked)', () => {
    expect(
      spec(specJob('    scopes: [read_registry]\n    export: [dotenv]\n')).map((f) => f.severity),
    ).toEqual(['warning']);
  });
});

describe('git-push', () => {
  it('reports git push with the token, not git push with another credential', () => {
    expect(
      ids(ci(job(['git clone https://u:$CI_DEPLOY_PASSWORD@gitlab.example.com/g/p.git', 'git push']))),
    ).toEqual(['token-in-url', 'git-push']);
    expect(
      ci(
        job([
          'echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin r',
          'git push',
        ]),
      ).filter((f) => f.ruleId === 'git-push'),
    ).toEqual([]);
  });
});

describe('deploy-variables-override', () => {
  it('reports CI_DEPLOY_USER / CI_DEPLOY_PASSWORD in global and job variables, including through extends', () => {
    const f = ci(
      'variables:\n  CI_DEPLOY_USER: u\n.t:\n  variables:\n    CI_DEPLOY_PASSWORD: p\nj:\n  extends: .t\n  script: [x]\n',
    );
    expect(at(f)).toEqual([
      '.gitlab-ci.yml:2:3 deploy-variables-override',
      '.gitlab-ci.yml:5:5 deploy-variables-override',
    ]);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
});

describe('password-on-command-line', () => {
  it('reports docker|podman|buildah|helm login -p $CI_DEPLOY_PASSWORD, not --password-stdin', () => {
    expect(ids(ci(job(['docker login -u "$CI_DEPLOY_USER" -p "$CI_DEPLOY_PASSWORD" r'])))).toEqual([
      'password-on-command-line',
    ]);
    expect(
      ci(job(['printf %s "$CI_DEPLOY_PASSWORD" | podman login -u "$CI_DEPLOY_USER" --password-stdin r'])),
    ).toEqual([]);
  });
  it('follows variables made from the token', () => {
    expect(
      ids(ci(job(['docker login -u u -p "$PW" r'], '  variables:\n    PW: $CI_DEPLOY_PASSWORD\n'))),
    ).toEqual(['password-on-command-line']);
  });
});

describe('token-in-url', () => {
  it('warns on the token in a URL', () => {
    const f = ci(job(['git clone https://$CI_DEPLOY_USER:$CI_DEPLOY_PASSWORD@gitlab.example.com/g/p.git']));
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['token-in-url', 'warning']]);
    expect(ci(job(['git clone https://gitlab.example.com/g/p.git']))).toEqual([]);
  });
});

describe('token-in-log', () => {
  it('reports echo, printenv, set -x and CI_DEBUG_TRACE in a job using the token', () => {
    expect(ids(ci(job(['echo $CI_DEPLOY_PASSWORD'])))).toEqual(['token-in-log']);
    expect(
      ids(ci(job(['printenv', 'echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r']))),
    ).toEqual(['token-in-log']);
    expect(
      ids(ci(job(['set -o xtrace', 'echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r']))),
    ).toEqual(['token-in-log']);
    expect(
      ids(
        ci(
          job(
            ['echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r'],
            '  variables:\n    CI_DEBUG_TRACE: "true"\n',
          ),
        ),
      ),
    ).toEqual(['token-in-log']);
  });
  it('leaves alone echo into a pipe or a file, and jobs without the token', () => {
    expect(ci(job(['echo "$CI_DEPLOY_PASSWORD" > "$HOME/.token"']))).toEqual([]);
    expect(ci('j:\n  variables:\n    CI_DEBUG_TRACE: "true"\n  script: [set -x, printenv]\n')).toEqual([]);
  });
});

describe('token-in-artifact', () => {
  it('reports writes into artifacts:reports:dotenv and artifacts:paths, not elsewhere', () => {
    const f = ci(
      job(
        [
          'echo "P=$CI_DEPLOY_PASSWORD" >> build.env',
          'echo "$CI_DEPLOY_PASSWORD" > dist/sub/t',
          'echo "$CI_DEPLOY_PASSWORD" > private/t',
        ],
        '  artifacts:\n    paths: ["dist/**"]\n    reports:\n      dotenv: build.env\n',
      ),
    );
    expect(ids(f)).toEqual(['token-in-artifact', 'token-in-artifact']);
  });
});

describe('token-over-ssh', () => {
  it('reports git@ and ssh:// remotes in a job using the token', () => {
    expect(
      ids(
        ci(
          job([
            'echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r',
            'git clone git@gitlab.example.com:g/p.git',
          ]),
        ),
      ),
    ).toEqual(['token-over-ssh']);
    expect(ci('j:\n  script: ["git clone git@gitlab.example.com:g/p.git"]\n')).toEqual([]);
  });
});

describe('missing-guard', () => {
  it('warns at the job when CI_DEPLOY_PASSWORD is used without a guard', () => {
    const f = ci('j:\n  script: ["echo \\"$CI_DEPLOY_PASSWORD\\" | docker login -u u --password-stdin r"]\n');
    expect(f.map((x) => [x.ruleId, x.severity, x.line])).toEqual([['missing-guard', 'warning', 1]]);
  });
  it('accepts rules: if, only: variables, workflow: rules and a script test', () => {
    const use = '"echo \\"$CI_DEPLOY_PASSWORD\\" | docker login -u u --password-stdin r"';
    expect(ci(`j:\n  only:\n    variables: [$CI_DEPLOY_PASSWORD]\n  script: [${use}]\n`)).toEqual([]);
    expect(ci(`workflow:\n  rules: [{if: $CI_DEPLOY_USER}]\nj:\n  script: [${use}]\n`)).toEqual([]);
    expect(ci(`j:\n  script: ['[ -z "$CI_DEPLOY_PASSWORD" ] && exit 0', ${use}]\n`)).toEqual([]);
  });
});

describe('push-scope (a hint)', () => {
  it('hints at read_registry and write_registry for a push, unless the spec declares both', () => {
    const text = job([
      'echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r',
      'docker push $CI_REGISTRY_IMAGE:1',
    ]);
    const declared = (...scopes: string[]) => ({
      file: 'deploy-token.yml',
      jobs: new Map([['job', new Set(scopes)]]),
    });
    const hint = ci(text);
    expect(hint.map((f) => [f.ruleId, f.severity])).toEqual([['push-scope', 'info']]);
    expect(hint[0]!.message).toContain(
      'docker push needs read_registry and write_registry on the gitlab-deploy-token',
    );
    expect(ci(text, {}, declared('read_registry', 'write_registry'))).toEqual([]);
    // GitLab's registry grants a push only with both scopes: write_registry alone is not enough.
    expect(ci(text, {}, declared('write_registry')).map((f) => f.message)).toEqual([
      'docker push needs read_registry and write_registry, and job "job" of deploy-token.yml does not list read_registry; expected it in its scopes',
    ]);
    expect(ci(text, {}, declared('read_registry'))[0]!.message).toContain(
      'and job "job" of deploy-token.yml does not list write_registry',
    );
  });

  it.each([
    ['podman push', 'podman push registry.gitlab.example.com/g/p:1'],
    ['buildah push', 'buildah push $CI_REGISTRY_IMAGE:1'],
    ['docker build --push', 'docker buildx build --push -t $CI_REGISTRY_IMAGE:1 .'],
    ['skopeo copy', 'skopeo copy docker://alpine docker://$CI_REGISTRY_IMAGE/alpine'],
    ['kaniko --destination', '/kaniko/executor --destination $CI_REGISTRY_IMAGE:1'],
  ])('%s asks for both registry scopes too', (_label, line) => {
    const text = job(['echo "$CI_DEPLOY_PASSWORD" | docker login -u u --password-stdin r', line]);
    const only = { file: 'deploy-token.yml', jobs: new Map([['job', new Set(['write_registry'])]]) };
    expect(ci(text, {}, only).map((f) => f.message)).toEqual([
      expect.stringMatching(/needs read_registry and write_registry, .* does not list read_registry;/),
    ]);
  });
});

describe('extends, anchors, !reference and include: local, resolved offline', () => {
  it('reports a template’s line once, for all the jobs that extend it', () => {
    const tpl = `.t:\n  ${GUARD}  before_script: ['docker login -u u -p "$CI_DEPLOY_PASSWORD" r']\n`;
    const f = ci(`${tpl}a:\n  extends: .t\n  script: [x]\nb:\n  extends: .t\n  script: [y]\n`);
    expect(at(f)).toEqual(['.gitlab-ci.yml:4:38 password-on-command-line']);
  });
  it('deep-merges extends: a job’s rules replace the template’s, its variables merge', () => {
    const f = ci(
      `.t:\n  ${GUARD}  variables:\n    A: $CI_DEPLOY_PASSWORD\nj:\n  extends: .t\n  rules: [{when: always}]\n  variables:\n    B: x\n  script: ['docker login -u u -p "$A" r']\n`,
    );
    expect(ids(f)).toEqual(['missing-guard', 'password-on-command-line']);
  });
  it('reads local includes (globs too) and points into the included file', () => {
    const files = {
      'ci/login.yml': `.login:\n  ${GUARD}  before_script: ['docker login -u u -p "$CI_DEPLOY_PASSWORD" r']\n`,
    };
    const f = ci('include:\n  - local: /ci/*.yml\nj:\n  extends: .login\n  script: [x]\n', files);
    expect(at(f)).toEqual(['ci/login.yml:4:38 password-on-command-line']);
    expect(ids(ci('include: missing.yml\n'))).toEqual(['ci-include']);
  });
  it('the including file wins over the included one (deep merge)', () => {
    const files = { 'a.yml': 'j:\n  script: ["docker login -u u -p \\"$CI_DEPLOY_PASSWORD\\" r"]\n' };
    expect(ci(`include: [a.yml]\nj:\n  ${GUARD}  script: [echo ok]\n`, files)).toEqual([]);
  });
  it('resolves !reference after extends, and reports a dangling one', () => {
    const f = ci(`.a:\n  s: ['echo $CI_DEPLOY_PASSWORD']\nj:\n  ${GUARD}  script: [!reference [.a, s]]\n`);
    expect(at(f)).toEqual(['.gitlab-ci.yml:2:13 token-in-log']);
    expect(f[0]!.message).toContain('(through !reference [.a, s] at line 6)');
    expect(ids(ci('j:\n  script: [!reference [.x, y]]\n'))).toEqual(['ci-reference']);
  });
  it('reports the anchor’s line and names the merge site', () => {
    const f = ci(`.d: &d\n  ${GUARD}  script: ['echo $CI_DEPLOY_PASSWORD']\nj:\n  <<: *d\n`);
    expect(at(f)).toEqual(['.gitlab-ci.yml:4:18 token-in-log']);
    expect(f[0]!.message).toContain('(merged by `<<: *d` at line 6)');
  });
  it('does not call a base unknown when it may come from an include that is not read offline', () => {
    expect(
      ci(
        'include:\n  - project: g/templates\n    file: ci.yml\nj:\n  extends: .from-templates\n  script: [!reference [.t, s]]\n',
      ),
    ).toEqual([]);
    expect(
      ids(
        ci('include: [a.yml]\nj:\n  extends: .nowhere\n  script: [x]\n', { 'a.yml': 'x: {script: [y]}\n' }),
      ),
    ).toEqual(['ci-extends']);
  });
  it('reports extends cycles, unknown bases and too deep nesting', () => {
    expect(ids(ci('a:\n  extends: b\n  script: [x]\nb:\n  extends: a\n  script: [x]\n'))).toEqual([
      'ci-extends',
    ]);
    let chain = 't0:\n  script: [x]\n';
    for (let i = 1; i <= 12; i++) chain += `t${i}:\n  extends: t${i - 1}\n`;
    const deep = ci(chain);
    expect(at(deep)).toEqual(['.gitlab-ci.yml:24:12 ci-extends']);
    expect(deep[0]!.message).toBe('nesting too deep in extends (11 levels); expected at most 10');
  });
});

describe('suppression: # deploy-token-ignore: <rule-id> -- reason', () => {
  it('silences the rule on its line or the next, and only that rule', () => {
    const base = (c: string) => `j:\n  ${GUARD}  script:\n    - echo $CI_DEPLOY_PASSWORD ${c}\n`;
    expect(ci(base('# deploy-token-ignore: token-in-log -- demo output'))).toEqual([]);
    expect(ids(ci(base('# deploy-token-ignore: missing-guard -- wrong rule')))).toEqual(['token-in-log']);
    expect(
      ci(
        `j:\n  ${GUARD}  script:\n    # deploy-token-ignore: token-in-log, token-in-url -- demo\n    - echo $CI_DEPLOY_PASSWORD\n`,
      ),
    ).toEqual([]);
  });
  it('reports a comment without reason or with an unknown rule', () => {
    expect(ids(ci('j:\n  script: [x] # deploy-token-ignore: token-in-log\n'))).toEqual(['bad-ignore']);
    expect(ids(ci('j:\n  script: [x] # deploy-token-ignore: nope -- why\n'))).toEqual(['bad-ignore']);
  });
});
