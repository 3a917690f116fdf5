import {
  LauncherError,
  agencyServiceName,
  parseBasePort,
  planServices,
  serviceEnv,
  serviceProcessSpec,
} from './service-plan';

const agencies = [{ code: 'DPMPTSP' }, { code: 'DUKCAPIL' }, { code: 'PUPR' }];

describe('planServices', () => {
  it('puts the core services at base+0..6 and the agencies from base+10', () => {
    const plan = planServices(3000, agencies);
    expect(plan.map(({ name, port }) => `${name}:${port}`)).toEqual([
      'gateway:3000',
      'identity:3001',
      'intake:3002',
      'tracking:3003',
      'surveys:3004',
      'oss:3005',
      'queue:3006',
      'agency-dpmptsp:3010',
      'agency-dukcapil:3011',
      'agency-pupr:3012',
    ]);
  });

  it('runs every agency from the one agency build, told apart by AGENCY_CODE', () => {
    const dukcapil = planServices(3000, agencies).find((spec) => spec.name === 'agency-dukcapil');
    expect(dukcapil).toMatchObject({
      script: 'dist/apps/agency/src/main.js',
      env: { AGENCY_CODE: 'DUKCAPIL' },
    });
  });

  it("seeds the demo catalog in intake and the agencies' standards, the demo accounts in identity", () => {
    const plan = planServices(3000, agencies);
    expect(plan.filter((spec) => 'DEMO_SEED' in spec.defaults).map((spec) => spec.name)).toEqual([
      'identity',
      'intake',
      'agency-dpmptsp',
      'agency-dukcapil',
      'agency-pupr',
    ]);
    expect(plan.find((spec) => spec.name === 'identity')?.defaults.NODE_ENV).toBe('development');
  });

  it('moves with the base port', () => {
    const plan = planServices(4000, agencies);
    expect(plan[0]?.port).toBe(4000);
    expect(plan[9]?.port).toBe(4012);
  });
});

describe('agencyServiceName', () => {
  it('is lower case and keeps to letters, digits and dashes', () => {
    expect(agencyServiceName('DUKCAPIL')).toBe('agency-dukcapil');
    expect(agencyServiceName('DINAS_PU 2')).toBe('agency-dinas-pu-2');
  });
});

describe('parseBasePort', () => {
  it('defaults to 3000', () => {
    expect(parseBasePort(undefined, 3)).toBe(3000);
    expect(parseBasePort('', 3)).toBe(3000);
  });

  it('accepts a port that leaves room for every agency', () => {
    expect(parseBasePort('4000', 3)).toBe(4000);
    expect(parseBasePort('65523', 3)).toBe(65523);
  });

  it.each(['abc', '3000.5', '0', '-1', '65524'])('rejects %s, naming the variable', (raw) => {
    expect(() => parseBasePort(raw, 3)).toThrow(LauncherError);
    expect(() => parseBasePort(raw, 3)).toThrow(/SP_BASE_PORT/);
  });
});

describe('serviceEnv', () => {
  const shared = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:54329',
    NATS_URL: 'nats://127.0.0.1:4222',
    HTTP_HOST: '127.0.0.1',
  };
  const [gateway, , intake, , , , , , dukcapil] = planServices(3000, agencies);

  it('passes through what the user set', () => {
    const env = serviceEnv(
      gateway,
      { LOG_LEVEL: 'debug', SP_NAMESPACE: 'dev', PATH: '/bin' },
      shared,
    );
    expect(env).toMatchObject({ LOG_LEVEL: 'debug', SP_NAMESPACE: 'dev', PATH: '/bin' });
  });

  it('sets the port of the service and the servers the launcher chose', () => {
    const env = serviceEnv(
      gateway,
      { HTTP_PORT: '9999', DATABASE_URL: 'postgres://elsewhere' },
      shared,
    );
    expect(env).toMatchObject({ ...shared, HTTP_PORT: '3000' });
  });

  it('adds the service-specific variables', () => {
    expect(serviceEnv(dukcapil, { AGENCY_CODE: 'PUPR' }, shared).AGENCY_CODE).toBe('DUKCAPIL');
    expect(serviceEnv(intake, {}, shared).DEMO_SEED).toBe('true');
  });

  it('lets the user turn the demo seed off', () => {
    expect(serviceEnv(intake, { DEMO_SEED: 'false' }, shared).DEMO_SEED).toBe('false');
  });

  it('does not leak one service into another', () => {
    expect(serviceEnv(gateway, {}, shared)).not.toHaveProperty('DEMO_SEED');
    expect(serviceEnv(gateway, {}, shared)).not.toHaveProperty('AGENCY_CODE');
  });
});

describe('serviceProcessSpec', () => {
  it('runs the compiled entry point with Node and source maps, from the repository root', () => {
    const [gateway] = planServices(3000, agencies);
    expect(serviceProcessSpec(gateway, '/repo', { HTTP_PORT: '3000' })).toEqual({
      name: 'gateway',
      command: process.execPath,
      args: ['--enable-source-maps', '/repo/dist/apps/gateway/src/main.js'],
      cwd: '/repo',
      env: { HTTP_PORT: '3000' },
    });
  });
});
