import {
  consumerFilter,
  eventSubject,
  namespacedSubject,
  streamName,
  streamSubject,
} from './namespace';

describe('subjects', () => {
  it('put requests under the namespace, events under <namespace>.events', () => {
    expect(namespacedSubject('sp', 'intake.application.submit.v1')).toBe(
      'sp.intake.application.submit.v1',
    );
    expect(eventSubject('sp', 'intake.application.submitted.v2', 'DUKCAPIL')).toBe(
      'sp.events.intake.application.submitted.v2.DUKCAPIL',
    );
  });

  it('let a stream capture its whole space with one wildcard', () => {
    expect(streamSubject('sp', 'intake')).toBe('sp.events.intake.>');
    expect(streamName('t-1a', 'INTAKE')).toBe('T-1A_INTAKE');
  });

  it('filter one routing token at the fifth token after events, whatever the space', () => {
    expect(consumerFilter('sp', 'intake', 'DUKCAPIL')).toBe('sp.events.intake.*.*.*.DUKCAPIL');
    expect(consumerFilter('sp', 'identity.profile', 'X')).toBe('sp.events.identity.profile.*.*.X');
    expect(consumerFilter('sp', 'intake')).toBe('sp.events.intake.>');
    const filter = consumerFilter('sp', 'intake', 'DUKCAPIL').split('.');
    const subject = eventSubject('sp', 'intake.application.submitted.v2', 'DUKCAPIL').split('.');
    expect(filter).toHaveLength(subject.length);
    expect(filter.every((token, i) => token === '*' || token === subject[i])).toBe(true);
  });
});
