import { str } from 'envalid';
import {
  ConfigError,
  NAMESPACE_PATTERN,
  NAMESPACE_RULE,
  SUBJECT_TOKEN_PATTERN,
  baseEnv,
  loadConfig,
} from './config';

/** Runs loadConfig and returns the ConfigError it throws, failing the test when it does not. */
function configErrorOf(env: NodeJS.ProcessEnv, spec: Parameters<typeof loadConfig>[0] = baseEnv) {
  try {
    loadConfig(spec, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig with baseEnv', () => {
  it('applies every default when only the port is given', () => {
    const config = loadConfig(baseEnv, { HTTP_PORT: '8080' });
    expect({ ...config }).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432',
      DB_PREFIX: 'satupintu',
      NATS_URL: 'nats://127.0.0.1:4222',
      SP_NAMESPACE: 'sp',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: 8080,
      LOG_LEVEL: 'info',
      NATS_REQUEST_TIMEOUT_MS: 5000,
      DB_POOL_MAX: 20,
    });
  });

  it('keeps the values that are given, converted to their types', () => {
    const config = loadConfig(baseEnv, {
      DATABASE_URL: 'postgres://app:secret@db.internal:6543',
      DB_PREFIX: 'mpp',
      NATS_URL: 'nats://a:4222,nats://b:4222',
      SP_NAMESPACE: 'staging-2',
      HTTP_HOST: '0.0.0.0',
      HTTP_PORT: '3999',
      LOG_LEVEL: 'debug',
      NATS_REQUEST_TIMEOUT_MS: '250',
      DB_POOL_MAX: '4',
    });
    expect(config.DATABASE_URL).toBe('postgres://app:secret@db.internal:6543');
    expect(config.DB_PREFIX).toBe('mpp');
    expect(config.NATS_URL).toBe('nats://a:4222,nats://b:4222');
    expect(config.SP_NAMESPACE).toBe('staging-2');
    expect(config.HTTP_HOST).toBe('0.0.0.0');
    expect(config.HTTP_PORT).toBe(3999);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(250);
    expect(config.DB_POOL_MAX).toBe(4);
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])(
    'accepts the log level %s',
    (level) => {
      expect(loadConfig(baseEnv, { HTTP_PORT: '1', LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    },
  );

  it('refuses to start without HTTP_PORT, which has no default in the base spec', () => {
    const error = configErrorOf({});
    expect(error.message).toMatch(/^Invalid configuration:\n/);
    expect(error.message).toContain('HTTP_PORT');
  });

  it.each([
    ['HTTP_PORT', 'abc'],
    ['HTTP_PORT', '0'],
    ['HTTP_PORT', '65536'],
    ['SP_NAMESPACE', 'Bad_NS'],
    ['SP_NAMESPACE', 'sp_prod'],
    ['SP_NAMESPACE', 'SP'],
    ['SP_NAMESPACE', ''],
    ['SP_NAMESPACE', 'a'.repeat(33)],
    ['LOG_LEVEL', 'loud'],
    ['LOG_LEVEL', 'INFO'],
    ['DATABASE_URL', 'not a url'],
    ['NATS_REQUEST_TIMEOUT_MS', 'soon'],
    ['DB_POOL_MAX', '0'],
    ['DB_POOL_MAX', '101'],
    ['DB_POOL_MAX', '2.5'],
    ['DB_POOL_MAX', 'many'],
  ])('names %s when it is %j', (name, value) => {
    const error = configErrorOf({ HTTP_PORT: '3000', [name]: value });
    expect(error.message).toContain(`  ${name}: `);
    // Only the bad variable is reported.
    const reported = error.message.split('\n').slice(1);
    expect(reported).toHaveLength(1);
  });

  it('explains the namespace rule when SP_NAMESPACE is malformed', () => {
    const error = configErrorOf({ HTTP_PORT: '3000', SP_NAMESPACE: 'Bad_NS' });
    expect(error.message).toContain(`SP_NAMESPACE: ${NAMESPACE_RULE}`);
  });

  it('reports every bad variable at once, one per line', () => {
    const error = configErrorOf({
      HTTP_PORT: 'abc',
      SP_NAMESPACE: 'Bad_NS',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'not a url',
    });
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(
      lines
        .slice(1)
        .map((line) => line.trim().split(':')[0])
        .sort(),
    ).toEqual(['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL', 'SP_NAMESPACE']);
  });

  it('throws a ConfigError, which is an Error', () => {
    const error = configErrorOf({});
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(Error);
  });

  it('names a missing variable of any spec, not only the base one', () => {
    const error = configErrorOf({}, { FEATURE_FLAG_SOURCE: str() });
    expect(error.message).toContain('FEATURE_FLAG_SOURCE');
  });

  it('does not throw when every variable is valid', () => {
    expect(() => loadConfig({ NAME: str() }, { NAME: 'x' })).not.toThrow();
  });
});

describe('NAMESPACE_PATTERN', () => {
  it.each(['sp', 'a', 'prod-1', 'a'.repeat(32), '0'])('accepts %j', (value) => {
    expect(NAMESPACE_PATTERN.test(value)).toBe(true);
  });

  it.each(['', 'SP', 'sp_1', 'sp.1', 'sp 1', 'a'.repeat(33), 'sp*'])('refuses %j', (value) => {
    expect(NAMESPACE_PATTERN.test(value)).toBe(false);
  });
});

describe('SUBJECT_TOKEN_PATTERN', () => {
  it.each(['DUKCAPIL', 'BPN', 'DPMPTSP-2', 'AB', 'A'.repeat(32)])('accepts %j', (value) => {
    expect(SUBJECT_TOKEN_PATTERN.test(value)).toBe(true);
  });

  it.each(['A', 'dukcapil', 'A.B', 'A*', 'A>', 'A B', 'A_B', 'A'.repeat(33), ''])(
    'refuses %j',
    (value) => {
      expect(SUBJECT_TOKEN_PATTERN.test(value)).toBe(false);
    },
  );
});
