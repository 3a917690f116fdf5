import {
  browsableHost,
  isLoopbackHost,
  isUnreachableError,
  maintenanceDatabaseUrl,
  natsEndpoint,
  postgresEndpoint,
  redactUrl,
} from './endpoints';
import { LauncherError } from './service-plan';

describe('natsEndpoint', () => {
  it.each([
    ['nats://127.0.0.1:4222', '127.0.0.1', 4222],
    ['nats://localhost', 'localhost', 4222],
    ['127.0.0.1:4333', '127.0.0.1', 4333],
    ['nats://10.0.0.5:4999,nats://10.0.0.6:4999', '10.0.0.5', 4999],
    ['nats://user:secret@nats.local:5222', 'nats.local', 5222],
    ['nats://[::1]:4222', '::1', 4222],
  ])('%s is %s port %d', (url, host, port) => {
    expect(natsEndpoint(url)).toEqual({ host, port });
  });

  it('names NATS_URL when it cannot be read', () => {
    expect(() => natsEndpoint('nats://:::')).toThrow(LauncherError);
    expect(() => natsEndpoint('nats://:::')).toThrow(/NATS_URL/);
  });
});

describe('postgresEndpoint', () => {
  it('reads host and port, 5432 by default', () => {
    expect(postgresEndpoint('postgres://postgres@127.0.0.1:5499')).toEqual({
      host: '127.0.0.1',
      port: 5499,
    });
    expect(postgresEndpoint('postgresql://db.local/app')).toEqual({ host: 'db.local', port: 5432 });
  });

  it('rejects another scheme without printing the password', () => {
    expect(() => postgresEndpoint('mysql://root:hunter2@db')).toThrow(
      /DATABASE_URL must start with postgres:\/\//,
    );
    expect(() => postgresEndpoint('mysql://root:hunter2@db')).not.toThrow(/hunter2/);
  });
});

describe('maintenanceDatabaseUrl', () => {
  it('points at the postgres database, keeping credentials and options', () => {
    expect(maintenanceDatabaseUrl('postgres://u:p@h:5432/app?sslmode=disable')).toBe(
      'postgres://u:p@h:5432/postgres?sslmode=disable',
    );
    expect(maintenanceDatabaseUrl('postgres://postgres@127.0.0.1:5432')).toBe(
      'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://u:secret@h:5432')).toBe('postgres://u:***@h:5432');
    expect(redactUrl('postgres://postgres@127.0.0.1:5432')).toBe(
      'postgres://postgres@127.0.0.1:5432',
    );
  });

  it('hides it even in a URL that does not parse', () => {
    expect(redactUrl('postgres://u:secret@h:notaport')).not.toContain('secret');
  });
});

describe('isLoopbackHost and browsableHost', () => {
  it('knows the loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1'].every(isLoopbackHost)).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('turns a wildcard bind address into one a browser can open', () => {
    expect(browsableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(browsableHost('::')).toBe('127.0.0.1');
    expect(browsableHost('127.0.0.1')).toBe('127.0.0.1');
    expect(browsableHost('::1')).toBe('[::1]');
  });
});

describe('isUnreachableError', () => {
  const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

  it('is true when nothing answers', () => {
    expect(isUnreachableError(withCode('ECONNREFUSED'))).toBe(true);
    expect(isUnreachableError(withCode('ENOTFOUND'))).toBe(true);
    expect(isUnreachableError(new Error('Connection terminated due to connection timeout'))).toBe(
      true,
    );
    expect(isUnreachableError(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('is false when a server answered and said no', () => {
    expect(
      isUnreachableError(withCode('28P01', 'password authentication failed for user "postgres"')),
    ).toBe(false);
    expect(isUnreachableError(withCode('3D000', 'database "postgres" does not exist'))).toBe(false);
    expect(
      isUnreachableError(
        new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
      ),
    ).toBe(false);
    expect(isUnreachableError('nope')).toBe(false);
  });
});
