import { unregisteredObjects } from './abandoned-documents';

describe('unregisteredObjects', () => {
  const cutoff = new Date('2026-11-22T03:00:00Z');
  const object = (name: string, storedAt: string) => ({
    name,
    size: 1,
    storedAt: new Date(storedAt),
  });

  it('takes objects the registry does not know once they are older than the cutoff', () => {
    const old = object('old', '2026-11-22T02:59:59Z');
    const young = object('young', '2026-11-22T03:00:01Z');
    const registered = object('registered', '2026-11-20T00:00:00Z');
    expect(unregisteredObjects([old, young, registered], new Set(['registered']), cutoff)).toEqual([
      old,
    ]);
  });

  it('keeps one stored exactly at the cutoff', () => {
    expect(unregisteredObjects([object('at', cutoff.toISOString())], new Set(), cutoff)).toEqual(
      [],
    );
  });
});
