/**
 * Which refs are protected (src/resolve/refs.ts), as GitLab decides it (docs/gitlab-rules.md,
 * "Protected variables"): app/models/project.rb `protected_for?` judges a branch by the protected
 * branches and a tag by the protected tags; lib/gitlab/ref_matcher.rb matches a protection that is
 * equal to the name, or a `*` pattern (`Regexp.quote` of each segment joined by `.*?`, anchored with
 * `\A` and `\z`); a blank protection matches nothing. Protected variables reach a job only on a
 * protected ref, so these answers decide whether such a variable is exported.
 */
import { parseRef, protectedBy, refMatches } from '../../src/resolve/refs.js';

describe('parseRef: a tag is judged by the protected tags, a branch by the protected branches', () => {
  test('refs/tags/NAME is the tag NAME', () => {
    expect(parseRef('refs/tags/v1.2')).toEqual({ name: 'v1.2', kind: 'tag' });
    expect(parseRef('refs/tags/release/2')).toEqual({ name: 'release/2', kind: 'tag' });
  });

  test('refs/heads/NAME is the branch NAME', () => {
    expect(parseRef('refs/heads/main')).toEqual({ name: 'main', kind: 'branch' });
    expect(parseRef('refs/heads/release/1.0')).toEqual({ name: 'release/1.0', kind: 'branch' });
  });

  test('a bare name is a branch', () => {
    expect(parseRef('main')).toEqual({ name: 'main', kind: 'branch' });
    expect(parseRef('v1.2')).toEqual({ name: 'v1.2', kind: 'branch' });
  });

  test('a bare name is the tag when $CI_COMMIT_TAG names it, a branch when it names another tag', () => {
    expect(parseRef('v1.2', 'v1.2')).toEqual({ name: 'v1.2', kind: 'tag' });
    expect(parseRef('main', 'v1.2')).toEqual({ name: 'main', kind: 'branch' });
  });

  test('a full ref keeps its kind whatever $CI_COMMIT_TAG says', () => {
    expect(parseRef('refs/heads/v1.2', 'v1.2')).toEqual({ name: 'v1.2', kind: 'branch' });
  });
});

describe('refMatches: ref_matcher.rb', () => {
  test('a protection equal to the name matches it, and only it', () => {
    expect(refMatches('main', 'main')).toBe(true);
    expect(refMatches('main', 'main2')).toBe(false);
    expect(refMatches('main', 'mai')).toBe(false);
    expect(refMatches('v1.0', 'v1x0')).toBe(false);
  });

  test('a blank protection matches nothing', () => {
    expect(refMatches('', '')).toBe(false);
    expect(refMatches('', 'main')).toBe(false);
  });

  test('each * matches any run of characters, / included, and none at all', () => {
    expect(refMatches('release/*', 'release/1.0')).toBe(true);
    expect(refMatches('release/*', 'release/1.0/hotfix')).toBe(true);
    expect(refMatches('release/*', 'release/')).toBe(true);
    expect(refMatches('*-stable', '16-stable')).toBe(true);
    expect(refMatches('feature/*/ready', 'feature/a/b/ready')).toBe(true);
    expect(refMatches('*', 'anything/at all')).toBe(true);
  });

  test('a pattern is anchored at both ends', () => {
    expect(refMatches('release/*', 'old-release/1.0')).toBe(false);
    expect(refMatches('*-stable', '16-stable-rc')).toBe(false);
    expect(refMatches('v*', 'xv1')).toBe(false);
    expect(refMatches('feature/*/ready', 'feature/a/ready-not')).toBe(false);
  });

  test('a pattern without the prefix or suffix it names does not match', () => {
    expect(refMatches('release/*', 'releases/1.0')).toBe(false);
    expect(refMatches('release/*', 'main')).toBe(false);
  });

  // Regexp.quote: every character but `*` is itself, also those that mean something in a regexp.
  test.each(['.', '+', '?', '^', '$', '(', ')', '|', '[', '\\', '{2}'])(
    'in a pattern, %s is the character itself',
    (special) => {
      expect(refMatches(`x${special}y*`, `x${special}y-1`)).toBe(true);
      expect(refMatches(`x${special}y*`, 'xy-1')).toBe(false);
      expect(refMatches(`x${special}y*`, 'xZy-1')).toBe(false);
      expect(refMatches(`x${special}y*`, 'xxy-1')).toBe(false);
    },
  );

  test('every occurrence is quoted, not only the first', () => {
    expect(refMatches('v1.2.*', 'v1.2.3')).toBe(true);
    expect(refMatches('v1.2.*', 'v1.2x3')).toBe(false);
  });
});

describe('protectedBy: the protection that covers a ref', () => {
  const protections = ['main', 'release/*', 'v*'];

  test('the exact protection, or the pattern that covers the name', () => {
    expect(protectedBy(protections, 'main')).toBe('main');
    expect(protectedBy(protections, 'release/1.0')).toBe('release/*');
    expect(protectedBy(protections, 'v2')).toBe('v*');
  });

  test('none: the ref is not protected', () => {
    expect(protectedBy(protections, 'feature')).toBeUndefined();
    expect(protectedBy([], 'main')).toBeUndefined();
  });
});
