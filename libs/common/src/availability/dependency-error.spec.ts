import { unavailableDependency } from './dependency-error';

const withCode = (message: string, code: string, name = 'Error') =>
  Object.assign(new Error(message), { code, name });

describe('unavailableDependency', () => {
  it.each([
    [
      'ECONNREFUSED from pg',
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      'database',
    ],
    [
      'admin shutdown',
      withCode('terminating connection due to administrator command', '57P01'),
      'database',
    ],
    ['crash shutdown', withCode('x', '57P02'), 'database'],
    ['starting up', withCode('the database system is starting up', '57P03'), 'database'],
    ['too many connections', withCode('sorry, too many clients already', '53300'), 'database'],
    ['connection exception class 08', withCode('x', '08003'), 'database'],
    ['a terminated connection', new Error('Connection terminated unexpectedly'), 'database'],
    [
      'a transaction whose connection failed under it',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
      'database',
    ],
    ['a pool timeout', new Error('timeout exceeded when trying to connect'), 'database'],
    [
      'a wrapped outage',
      Object.assign(new Error('q'), { driverError: withCode('x', '57P01') }),
      'database',
    ],
    ['an outage as cause', new Error('outer', { cause: withCode('x', 'ECONNRESET') }), 'database'],
    [
      'a closed NATS connection',
      withCode('closed', 'CONNECTION_CLOSED', 'ClosedConnectionError'),
      'messaging',
    ],
  ])('names %s', (_label, error, dependency) => {
    expect(unavailableDependency(error)).toBe(dependency);
  });

  it.each([
    ['a syntax error', withCode('syntax error at or near "x"', '42601')],
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['not an error', 'text'],
    ['nothing', undefined],
  ])('leaves %s alone', (_label, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});
