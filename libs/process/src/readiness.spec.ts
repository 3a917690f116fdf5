import { summarizeHealth } from './readiness';

describe('summarizeHealth', () => {
  it('names the dependencies that are down, with their messages', () => {
    const body = JSON.stringify({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { nats: { status: 'down', message: 'CONNECTION_REFUSED' } },
      details: {
        database: { status: 'up' },
        nats: { status: 'down', message: 'CONNECTION_REFUSED' },
      },
    });
    expect(summarizeHealth(503, body)).toBe('HTTP 503 (nats: CONNECTION_REFUSED)');
  });

  it('names a dependency that is down without a message', () => {
    expect(summarizeHealth(503, JSON.stringify({ error: { database: { status: 'down' } } }))).toBe(
      'HTTP 503 (database down)',
    );
  });

  it('falls back to the status for any other body', () => {
    expect(summarizeHealth(404, '<html>Not Found</html>')).toBe('HTTP 404');
    expect(summarizeHealth(500, '{}')).toBe('HTTP 500');
  });
});
