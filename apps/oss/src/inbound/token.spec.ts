import { createHash } from 'node:crypto';
import { ossToken, tokenMatches, ymdOf } from './token';

const credentials = { username: 'OSS000', password: 'rahasia', timeZone: 'Asia/Jakarta' };
const nib = '8120000110171';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('the PIA Token', () => {
  it('is SHA1 of user name, password, NIB and the date as Ymd', () => {
    const at = new Date('2018-05-14T03:00:00Z');
    expect(ossToken(credentials, nib, at)).toBe(sha1('OSS000rahasia812000011017120180514'));
  });

  it('takes the date in Asia/Jakarta: 17:30 UTC is already the next day there', () => {
    expect(ymdOf(new Date('2018-05-14T16:59:59Z'), 'Asia/Jakarta')).toBe('20180514');
    expect(ymdOf(new Date('2018-05-14T17:00:00Z'), 'Asia/Jakarta')).toBe('20180515');
  });

  it('matches the token of this NIB today, in either case of hex', () => {
    const now = new Date('2026-12-03T08:00:00Z');
    const token = ossToken(credentials, nib, now);
    expect(tokenMatches(credentials, nib, token, now)).toBe(true);
    expect(tokenMatches(credentials, nib, token.toUpperCase(), now)).toBe(true);
  });

  it("refuses another day's token, another NIB's, a wrong password's, none and garbage", () => {
    const now = new Date('2026-12-03T08:00:00Z');
    const yesterday = new Date('2026-12-02T08:00:00Z');
    expect(tokenMatches(credentials, nib, ossToken(credentials, nib, yesterday), now)).toBe(false);
    expect(tokenMatches(credentials, nib, ossToken(credentials, '8120000110172', now), now)).toBe(
      false,
    );
    expect(
      tokenMatches(credentials, nib, ossToken({ ...credentials, password: 'x' }, nib, now), now),
    ).toBe(false);
    expect(tokenMatches(credentials, nib, undefined, now)).toBe(false);
    expect(tokenMatches(credentials, nib, 'OSS000rahasia812000011017120261203', now)).toBe(false);
  });

  it('matches nothing while no credentials are configured', () => {
    const none = { username: '', password: '', timeZone: 'Asia/Jakarta' };
    const now = new Date('2026-12-03T08:00:00Z');
    expect(tokenMatches(none, nib, ossToken(none, nib, now), now)).toBe(false);
  });
});
