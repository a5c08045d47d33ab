/**
 * The generated files of bench/validate.bench.ts (issue 19's performance target), shared with
 * test/validate/large.test.ts, which checks that validating them gives the same findings as before:
 * a `.gitlab-ci.yml` of N jobs as large pipelines write them (anchors, `<<` merge keys, extends,
 * !reference, a local include of ci/templates.yml) and a job spec of N jobs.
 */
export function ciFile(jobs: number): string {
  const out: string[] = [
    'include:',
    '  - local: ci/templates.yml',
    'stages: [build, test, deploy]',
    'variables:',
    '  DOCKER_DRIVER: overlay2',
    '.defaults: &defaults',
    '  image: docker:27',
    '  tags: [docker]',
    '  rules:',
    '    - if: $CI_DEPLOY_PASSWORD',
    '',
  ];
  // Jobs as large pipelines write them: the shared parts in templates and anchors, a few own lines.
  for (let i = 0; i < jobs; i++) {
    out.push(
      `build-${i}:`,
      '  <<: *defaults',
      '  extends: .registry-login',
      '  variables:',
      `    IMAGE: $CI_REGISTRY_IMAGE/service-${i}`,
      '  script:',
      '    - docker build -t "$IMAGE:$CI_COMMIT_SHA" .',
      '    - docker push "$IMAGE:$CI_COMMIT_SHA"',
      '    - !reference [.cleanup, script]',
      '',
    );
  }
  return out.join('\n');
}

export const TEMPLATES = [
  '.registry-login:',
  '  before_script:',
  '    - echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"',
  '.cleanup:',
  '  script:',
  '    - docker logout "$CI_REGISTRY"',
  '',
].join('\n');

export function specFile(jobs: number): string {
  const out = [
    'version: 1',
    'gitlab:',
    '  url: https://gitlab.example.com',
    '  project: tanuki/awesome_project',
  ];
  out.push('jobs:');
  for (let i = 0; i < jobs; i++) {
    out.push(
      `  job-${i}:`,
      '    scopes: [read_repository, read_registry, write_registry, read_package_registry]',
      '    configure: [docker, git, npm]',
      '    export: [shell]',
      '    variables:',
      '      REGISTRY_USER: "{{ username }}"',
      '      REGISTRY_AUTH: "{{ username }}:{{ password | base64 }}"',
      '    files:',
      '      - path: netrc',
      '        template: "machine {{ gitlab_host }} login {{ username }} password {{ password }}"',
      '        env: NETRC',
      '    run:',
      `      - docker pull $CI_REGISTRY_IMAGE/app-${i}:latest`,
      `      - docker push $CI_REGISTRY_IMAGE/app-${i}:latest`,
      '      - git clone https://gitlab.example.com/tanuki/awesome_project.git',
    );
  }
  return `${out.join('\n')}\n`;
}
