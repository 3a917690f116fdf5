import { renderBanner } from './banner';

describe('renderBanner', () => {
  const banner = renderBanner({
    gatewayUrl: 'http://127.0.0.1:3000',
    serviceCount: 8,
    elapsedMs: 12_345,
    color: false,
  });

  it('says how long it took', () => {
    expect(banner).toContain('SatuPintu is ready: 8 services in 12.3 s');
  });

  it('shows the gateway and its API docs', () => {
    expect(banner).toContain('http://127.0.0.1:3000');
    expect(banner).toContain('API docs: http://127.0.0.1:3000/docs');
    expect(banner).toContain('http://127.0.0.1:3000/docs-json');
  });

  it('gives a submit request that can be pasted into a shell as is', () => {
    expect(banner).toContain(
      `curl -s -X POST http://127.0.0.1:3000/v1/applications -H "authorization: Bearer $TOKEN" ` +
        `-H 'content-type: application/json' -d '{"serviceCode":"DUKCAPIL-KK"}'`,
    );
  });

  it('gives the timeline request', () => {
    expect(banner).toContain(
      'curl -s -H "authorization: Bearer $TOKEN" http://127.0.0.1:3000/v1/applications/<trackingNo>/timeline',
    );
  });

  it('has no escape codes without colour, and some with', () => {
    expect(banner).not.toContain('\u001b[');
    const coloured = renderBanner({
      gatewayUrl: 'http://127.0.0.1:3000',
      serviceCount: 8,
      elapsedMs: 1,
      color: true,
    });
    expect(coloured).toContain('\u001b[');
  });

  it('shows how to get a token as each demo account, after the docs, when there are any', () => {
    const withLogins = renderBanner({
      gatewayUrl: 'http://127.0.0.1:3000',
      serviceCount: 8,
      elapsedMs: 1,
      color: false,
      logins: [{ who: 'MALL_ADMIN admin.mall', curl: 'curl -s -X POST …/v1/auth/login' }],
    });
    expect(withLogins).toContain(
      '    MALL_ADMIN admin.mall\n      curl -s -X POST …/v1/auth/login',
    );
    expect(withLogins.indexOf('admin.mall')).toBeGreaterThan(withLogins.indexOf('/docs'));
    expect(banner).not.toContain('Demo accounts');
  });
});
