import { faultMatrix, selectFaults } from './faults';

const services = [
  'gateway',
  'identity',
  'intake',
  'tracking',
  'surveys',
  'queue',
  'agency-dpmptsp',
  'agency-dukcapil',
  'agency-pupr',
];

describe('faultMatrix', () => {
  it('kills every service on the path of an application or a survey and identity, then takes NATS and PostgreSQL away', () => {
    expect(faultMatrix(services).map((fault) => fault.id)).toEqual([
      'kill-gateway',
      'kill-identity',
      'kill-intake',
      'kill-tracking',
      'kill-surveys',
      'kill-queue',
      'kill-agency-dpmptsp',
      'kill-agency-dukcapil',
      'kill-agency-pupr',
      'nats-stop-10s',
      'nats-kill-10s',
      'nats-stop-60s',
      'nats-kill-60s',
      'postgres-restart',
    ]);
  });

  it('says what each NATS row does', () => {
    const row = faultMatrix(services).find((fault) => fault.id === 'nats-kill-60s');
    expect(row).toEqual({
      id: 'nats-kill-60s',
      title: 'NATS killed for 60 s',
      action: { kind: 'nats', signal: 'SIGKILL', downMs: 60_000 },
    });
  });
});

describe('selectFaults', () => {
  const matrix = faultMatrix(services);

  it('takes every row when nothing is asked for', () => {
    expect(selectFaults(matrix, undefined)).toEqual(matrix);
    expect(selectFaults(matrix, ' ')).toEqual(matrix);
  });

  it('takes rows by id and by pattern, in matrix order', () => {
    const ids = selectFaults(matrix, 'postgres-restart, kill-agency-*,nats-*-10s').map((f) => f.id);
    expect(ids).toEqual([
      'kill-agency-dpmptsp',
      'kill-agency-dukcapil',
      'kill-agency-pupr',
      'nats-stop-10s',
      'nats-kill-10s',
      'postgres-restart',
    ]);
  });

  it('refuses a name that matches no row, listing the rows', () => {
    expect(() => selectFaults(matrix, 'kill-gateway,kill-nats')).toThrow(
      /nothing is called "kill-nats"; the rows are kill-gateway, .*postgres-restart/,
    );
  });
});
