import { leaksIn } from './log-leaks';

describe('leaksIn', () => {
  it.each([
    ['a NIK in a message', '{"msg":"refused 3201014506900001"}', 'a NIK'],
    ['a JWT', '{"msg":"token eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhMSJ9.c2ln"}', 'a JWT'],
    ['an argon2 hash', 'hash $argon2id$v=19$m=19456,t=2,p=1$abc', 'an argon2 hash'],
    ['a bearer token', 'Authorization: Bearer abcdefghijklmnop', 'Authorization credentials'],
    ['a password field', '{"body":{"password":"Rahasia-42"}}', 'a credential field (password)'],
    ['a client secret field', '{"client_secret":"x1"}', 'a credential field (client_secret)'],
    ['a one-time code', '{"verificationCode":"482913"}', 'a credential field (verificationCode)'],
    ['a code by another name', '{"sentCode":"482913"}', 'a one-time code (sentCode)'],
  ])('finds %s', (_label, line, what) => {
    expect(leaksIn(line)).toContain(what);
  });

  it.each([
    ['a masked NIK', '{"msg":"refused 3201********0001"}'],
    ['a redacted field', '{"password":"[redacted]","authorization":"[redacted]"}'],
    ['a redacted bearer', 'Bearer [redacted]'],
    ['an error code', '{"code":"validation_failed","status":400}'],
    ['a trace id of digits', '{"traceId":"1234567890123456789012345678901a"}'],
    ['a timestamp', '{"time":"2026-12-02T10:00:00.000Z","pid":12345}'],
    ['a database error code', '{"err":{"code":"23505"},"msg":"duplicate key"}'],
  ])('passes %s', (_label, line) => {
    expect(leaksIn(line)).toEqual([]);
  });
});
