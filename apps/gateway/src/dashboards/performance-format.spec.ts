import { prefersCsv } from './performance-format';

describe('prefersCsv', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['application/json', false],
    ['*/*', false],
    ['text/csv', true],
    ['text/csv, application/json', false],
    ['application/json;q=0.5, text/csv', true],
    ['text/*', true],
    ['text/csv;q=0.9, */*;q=0.8', true],
    ['text/csv;q=0', false],
    ['TEXT/CSV', true],
  ])('Accept %j prefers CSV: %s', (accept, csv) => {
    expect(prefersCsv(accept)).toBe(csv);
  });
});
