import { LiveOrder } from './live-order';

const at = (...sequences: number[]) => sequences.map((sequence) => ({ sequence }));

describe('LiveOrder', () => {
  it('sends every entry after the last one once, in sequence order', () => {
    const order = new LiveOrder(-1);
    expect(order.take(at(1, 0, 2))).toEqual({ send: at(0, 1, 2), gap: false });
    expect(order.lastSent).toBe(2);
  });

  it('drops what the client already has: a replay and an announcement that overlap', () => {
    const order = new LiveOrder(2);
    expect(order.take(at(1, 2, 3))).toEqual({ send: at(3), gap: false });
    expect(order.take(at(3))).toEqual({ send: [], gap: false });
    expect(order.lastSent).toBe(3);
  });

  it('holds back what follows a missing sequence and reports the gap', () => {
    const order = new LiveOrder(0);
    expect(order.take(at(1, 3, 4))).toEqual({ send: at(1), gap: true });
    expect(order.lastSent).toBe(1);
    expect(order.take(at(2, 3, 4))).toEqual({ send: at(2, 3, 4), gap: false });
  });

  it('reports a gap when nothing of it can be sent', () => {
    const order = new LiveOrder(4);
    expect(order.take(at(6))).toEqual({ send: [], gap: true });
    expect(order.lastSent).toBe(4);
  });

  it('starts where the feed says when the client named no last event', () => {
    const order = new LiveOrder(-1);
    order.startAfter(40);
    expect(order.take(at(39, 40, 41, 42))).toEqual({ send: at(41, 42), gap: false });
    order.startAfter(10);
    expect(order.lastSent).toBe(42);
  });
});
