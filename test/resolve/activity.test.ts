import { daysLeft, isActive, tokenActivity } from '../../src/resolve/activity.js';
import { atLeast, exposesGroupDeployToken, parseGitLabVersion } from '../../src/gitlab/version.js';

const tok = (expires_at: string | null, revoked = false) => ({ expires_at, revoked });

describe('a deploy token is active unless revoked or expired (app/models/deploy_token.rb)', () => {
  test('a token with no expiry (expires_at null) is active', () => {
    expect(isActive(tok(null), new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });

  test('a revoked token is never active, whatever its expiry', () => {
    expect(tokenActivity(tok(null, true), new Date())).toMatchObject({ active: false, reason: 'revoked' });
    expect(isActive(tok('2999-01-01T00:00:00.000Z', true), new Date())).toBe(false);
  });

  describe('expiry occurs at midnight UTC on the expiry date', () => {
    const expiry = '2026-11-25T00:00:00.000Z';
    test('23:59:59 UTC the day before: still active', () => {
      expect(isActive(tok(expiry), new Date('2026-11-24T23:59:59Z'))).toBe(true);
      expect(isActive(tok(expiry), new Date('2026-11-24T23:59:59.999Z'))).toBe(true);
    });
    test('00:00:00 UTC on the date: expired', () => {
      expect(tokenActivity(tok(expiry), new Date('2026-11-25T00:00:00Z'))).toMatchObject({
        active: false,
        reason: 'expired',
      });
    });
    test("later that day: expired, although GitLab's `expired` field may still say false", () => {
      const t = { ...tok(expiry), expired: false };
      expect(isActive(t, new Date('2026-11-25T12:00:00Z'))).toBe(false);
    });
    test('a time zone offset in expires_at is honoured', () => {
      // 01:00+01:00 is 00:00 UTC
      expect(isActive(tok('2026-11-25T01:00:00+01:00'), new Date('2026-11-24T23:59:59Z'))).toBe(true);
      expect(isActive(tok('2026-11-25T01:00:00+01:00'), new Date('2026-11-25T00:00:00Z'))).toBe(false);
    });
  });

  test('days left are counted to the expiry instant', () => {
    expect(daysLeft(tok('2026-12-02T00:00:00Z'), new Date('2026-11-25T00:00:00Z'))).toBe(7);
    expect(daysLeft(tok(null), new Date())).toBeNull();
  });
});

describe('GitLab version strings (GET /version, /metadata)', () => {
  test.each([
    ['15.0.5-ee', 15, 0, 5, 'ee'],
    ['16.9.0-pre', 16, 9, 0, 'pre'],
    ['17.5.1', 17, 5, 1, ''],
    ['v14.10.0', 14, 10, 0, ''],
    ['15.1', 15, 1, 0, ''],
    ['15.11.13-ee', 15, 11, 13, 'ee'],
  ])('%s', (raw, major, minor, patch, suffix) => {
    expect(parseGitLabVersion(raw)).toEqual({ major, minor, patch, suffix, raw });
  });

  test.each(['', 'latest', '15', 'fifteen.one', '15.x.0', '<html>'])('%j is not a version', (raw) => {
    expect(parseGitLabVersion(raw)).toBeUndefined();
  });

  test('group tokens are exposed from 15.1 (MR !88696), not in 15.0 or 14.10', () => {
    const v = (s: string) => parseGitLabVersion(s)!;
    expect(exposesGroupDeployToken(v('15.0.5-ee'))).toBe(false);
    expect(exposesGroupDeployToken(v('14.10.0'))).toBe(false);
    expect(exposesGroupDeployToken(v('15.1.0'))).toBe(true);
    expect(exposesGroupDeployToken(v('15.10.0'))).toBe(true);
    expect(exposesGroupDeployToken(v('17.5.1-ee'))).toBe(true);
    expect(atLeast(v('16.0.0'), 15, 9)).toBe(true);
  });
});
