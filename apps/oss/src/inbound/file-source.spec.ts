import { fileUrlVerdict, withoutUrlSecrets } from './file-source';

describe("where receiveFileDS's files may be fetched from", () => {
  const policy = { allowedHosts: new Set(['127.0.0.1:3090', 'files.oss.internal']) };

  it('takes any public https address', () => {
    expect(fileUrlVerdict('https://oss.go.id/files/izin.pdf', policy)).toEqual({
      allowed: true,
      configured: false,
    });
  });

  it('takes http and private addresses only for a configured host (or host:port)', () => {
    expect(fileUrlVerdict('http://127.0.0.1:3090/files/a.pdf', policy)).toEqual({
      allowed: true,
      configured: true,
    });
    expect(fileUrlVerdict('http://files.oss.internal:8080/a.pdf', policy)).toEqual({
      allowed: true,
      configured: true,
    });
    expect(fileUrlVerdict('http://127.0.0.1:3091/files/a.pdf', policy)).toEqual({
      allowed: false,
      code: 'file_url_not_https',
    });
  });

  it.each([
    ['http to a public host', 'http://oss.go.id/a.pdf', 'file_url_not_https'],
    ['a loopback address', 'https://127.0.0.1/a.pdf', 'file_url_private'],
    ['a private address', 'https://10.0.0.8/a.pdf', 'file_url_private'],
    ['the metadata address', 'https://169.254.169.254/latest', 'file_url_private'],
    ['localhost', 'https://localhost/a.pdf', 'file_url_private'],
    ['an IPv6 loopback', 'https://[::1]/a.pdf', 'file_url_private'],
    ['credentials', 'https://user:secret@oss.go.id/a.pdf', 'file_url_credentials'],
    ['another scheme', 'ftp://oss.go.id/a.pdf', 'file_url_scheme'],
    ['a file', 'file:///etc/passwd', 'file_url_scheme'],
    ['no URL', 'izin.pdf', 'file_url_invalid'],
  ])('refuses %s', (_what, url, code) => {
    expect(fileUrlVerdict(url, policy)).toEqual({ allowed: false, code });
  });
});

describe('a file URL as an admin or a log may see it', () => {
  it('keeps the scheme, host and path, and drops the user, the query and the fragment', () => {
    expect(
      withoutUrlSecrets('https://u:p@oss.go.id:8443/f/izin%201.pdf?X-Amz-Signature=abc#page=2'),
    ).toBe('https://oss.go.id:8443/f/izin%201.pdf');
    expect(withoutUrlSecrets('fetching "http://127.0.0.1:3090/files/a.pdf?token=t" failed')).toBe(
      'fetching "http://127.0.0.1:3090/files/a.pdf" failed',
    );
    expect(withoutUrlSecrets('no address here')).toBe('no address here');
  });
});
