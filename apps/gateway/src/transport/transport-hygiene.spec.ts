import {
  API_CSP,
  HSTS,
  cacheControlFor,
  corsOptions,
  secretInUrl,
  securityHeaders,
} from './transport-hygiene';

describe('security headers', () => {
  it('forbid sniffing, framing and referrers on every answer, with a strict CSP on the API', () => {
    expect(securityHeaders('/v1/applications', false)).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': API_CSP,
    });
  });

  it('leave the CSP off the API docs, whose page runs its own scripts', () => {
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui.css', '/docs-json']) {
      expect(securityHeaders(path, false)).not.toHaveProperty('content-security-policy');
      expect(securityHeaders(path, false)['x-content-type-options']).toBe('nosniff');
    }
  });

  it('add HSTS only when the gateway is reached over https', () => {
    expect(securityHeaders('/v1/x', true)['strict-transport-security']).toBe(HSTS);
    expect(securityHeaders('/v1/x', false)).not.toHaveProperty('strict-transport-security');
  });
});

describe('Cache-Control', () => {
  it('is no-store on API answers that say nothing of caching', () => {
    expect(cacheControlFor('/v1/applications/K7M39QX2C/timeline', undefined)).toBe('no-store');
  });

  it('keeps what an operation set, and leaves the platform routes alone', () => {
    expect(cacheControlFor('/v1/.well-known/jwks.json', 'public, max-age=300')).toBeUndefined();
    expect(cacheControlFor('/health/ready', undefined)).toBeUndefined();
    expect(cacheControlFor('/v10', undefined)).toBeUndefined();
  });
});

describe('secrets in URLs', () => {
  it.each([
    ['/v1/applications/K7M39QX2C/timeline?access_token=eyJ', 'access_token'],
    ['/v1/oauth/token?grant_type=client_credentials&client_secret=x', 'client_secret'],
    ['/v1/x?Refresh_Token=y', 'refresh_token'],
    ['/v1/x?password=hunter2', 'password'],
    ['/v1/x?nik=3201014506900001', 'nik'],
    ['/v1/x?q=3201014506900001', 'nik'],
    ['/v1/applicants/3201014506900001', 'nik'],
    ['/v1/applicants/3201%30%31%34506900001', 'nik'],
  ])('finds %s and names %s', (url, parameter) => {
    expect(secretInUrl(url)).toBe(parameter);
  });

  it.each([
    '/v1/applications/K7M39QX2C/timeline',
    '/v1/agencies/DUKCAPIL/work-queue?status=VERIFYING&cursor=WyIyMDI2Il0',
    '/v1/x?id=12345678901234567',
    '/v1/%E0%A4%A',
  ])('lets %s through', (url) => {
    expect(secretInUrl(url)).toBeUndefined();
  });
});

describe('CORS', () => {
  it('allows no origin unless configured', () => {
    expect(corsOptions([]).origin).toBe(false);
    expect(corsOptions(['https://portal.example.go.id']).origin).toEqual([
      'https://portal.example.go.id',
    ]);
  });

  it('exposes the headers a browser client needs to read', () => {
    expect(corsOptions([]).exposedHeaders).toEqual(
      expect.arrayContaining(['RateLimit-Remaining', 'Retry-After', 'X-Request-Id', 'Location']),
    );
  });
});
