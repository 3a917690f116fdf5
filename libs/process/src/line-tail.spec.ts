import { LineTail } from './line-tail';

describe('LineTail', () => {
  it('keeps the newest lines up to its capacity', () => {
    const tail = new LineTail(3);
    tail.push('a', 'b');
    tail.push('c', 'd');
    expect(tail.toArray()).toEqual(['b', 'c', 'd']);
  });

  it('gives the newest few on request', () => {
    const tail = new LineTail(10);
    tail.push('a', 'b', 'c');
    expect(tail.toArray(2)).toEqual(['b', 'c']);
    expect(tail.toArray(5)).toEqual(['a', 'b', 'c']);
  });

  it('keeps nothing at capacity zero', () => {
    const tail = new LineTail(0);
    tail.push('a');
    expect(tail.toArray()).toEqual([]);
  });
});
