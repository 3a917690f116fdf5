import { parseForm } from './form-body';

describe('parseForm', () => {
  it('reads names and values, decoding + and %XX', () => {
    expect(parseForm('grant_type=client_credentials&scope=a%3Ab+c')).toEqual({
      grant_type: 'client_credentials',
      scope: 'a:b c',
    });
  });

  it('keeps every value of a repeated name, for the reader to refuse', () => {
    expect(parseForm('a=1&a=2&a=3')).toEqual({ a: ['1', '2', '3'] });
  });

  it('reads an empty body as no parameters, and cannot be led to pollute prototypes', () => {
    expect(parseForm('')).toEqual({});
    const form = parseForm('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(form.constructor).toBe('y');
  });
});
