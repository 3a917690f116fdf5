import { defineEvent, defineRequest, defineStream } from './contract';

class Payload {
  id: string;
}

describe('contracts', () => {
  const stream = defineStream({ name: 'THINGS', space: 'things', description: 'test' });

  it('take subjects of four tokens: domain, entity, event, version', () => {
    expect(() =>
      defineRequest({ subject: 'things.thing.get.v1', service: 'things', payload: Payload }),
    ).not.toThrow();
    for (const subject of [
      'things.get.v1',
      'things.thing.get',
      'things.thing.get.v0',
      'Things.thing.get.v1',
      'things.thing.get.v1.extra',
    ])
      expect(() => defineRequest({ subject, service: 'things', payload: Payload })).toThrow(
        /<domain>\.<entity>\.<event>\.v<N>/,
      );
  });

  it('keep requests out of the events subject space', () => {
    expect(() =>
      defineRequest({ subject: 'events.thing.get.v1', service: 'x', payload: Payload }),
    ).toThrow();
  });

  it('put an event only on a stream whose space it is in', () => {
    const event = { payload: Payload, routingKey: () => 'X', orderingKey: (p: Payload) => p.id };
    expect(() => defineEvent({ subject: 'things.thing.made.v1', stream, ...event })).not.toThrow();
    expect(() => defineEvent({ subject: 'stuff.thing.made.v1', stream, ...event })).toThrow(
      /outside the space of stream THINGS/,
    );
  });

  it('require a max age of a stream that carries personal data', () => {
    expect(() =>
      defineStream({
        name: 'PROFILES',
        space: 'profiles',
        description: 'x',
        personalData: true,
        maxAgeSeconds: 0,
      }),
    ).toThrow(/personal data: it needs a max age/);
    expect(
      defineStream({
        name: 'PROFILES',
        space: 'profiles',
        description: 'x',
        personalData: true,
        maxAgeSeconds: 7 * 86_400,
      }),
    ).toMatchObject({ personalData: true, maxAgeSeconds: 604_800 });
    expect(stream.personalData).toBe(false);
  });

  it('refuse malformed stream names and spaces', () => {
    expect(() => defineStream({ name: 'things', space: 'things', description: '' })).toThrow();
    expect(() => defineStream({ name: 'THINGS', space: 'Things', description: '' })).toThrow();
    expect(() => defineStream({ name: 'THINGS', space: 'a.b.c.d', description: '' })).toThrow();
  });
});
