import { csvField, csvText } from './csv';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1', "'-1"],
  ])('quotes %j as RFC 4180 asks, defusing formulas', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('writes numbers as they are and nothing for a missing figure', () => {
    expect([csvField(0.75), csvField(2 / 3), csvField(null), csvField(undefined)]).toEqual([
      '0.75',
      String(2 / 3),
      '',
      '',
    ]);
  });

  it('ends every record with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});
