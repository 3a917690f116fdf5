import { csvFirstColumn, parseDistrictCodes } from './districts-csv';

describe('csvFirstColumn', () => {
  it('returns the first field of every record, header included', () => {
    expect(csvFirstColumn('code,name\n11.01.01,Bakongan\n11.01.02,Kluet Utara\n')).toEqual([
      'code',
      '11.01.01',
      '11.01.02',
    ]);
  });

  it('ignores commas inside a quoted later field', () => {
    expect(csvFirstColumn('a,"Kota, Utara",x\nb,c\n')).toEqual(['a', 'b']);
  });

  it('ignores line breaks inside a quoted later field', () => {
    expect(csvFirstColumn('a,"two\nlines"\nb,"cr\r\nlf"\nc,d')).toEqual(['a', 'b', 'c']);
  });

  it('unquotes a quoted first field, including doubled quotes and commas', () => {
    expect(csvFirstColumn('"11.01.01",x\n"say ""hi"", ok",y\n')).toEqual([
      '11.01.01',
      'say "hi", ok',
    ]);
  });

  it('accepts LF, CRLF and lone CR line endings', () => {
    expect(csvFirstColumn('a,1\r\nb,2\rc,3\nd,4')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('skips a byte order mark', () => {
    expect(csvFirstColumn('\uFEFFcode,name\nx,y')).toEqual(['code', 'x']);
  });

  it('skips blank lines but keeps a record whose first field is empty', () => {
    expect(csvFirstColumn('a,1\n\n\r\n,2\n""\n')).toEqual(['a', '', '']);
  });

  it('returns a file with a single column unchanged', () => {
    expect(csvFirstColumn('code\n11.01.01\n11.01.02')).toEqual(['code', '11.01.01', '11.01.02']);
  });

  it('returns nothing for an empty text', () => {
    expect(csvFirstColumn('')).toEqual([]);
  });

  it('throws when the text ends inside a quoted field', () => {
    expect(() => csvFirstColumn('a,"unterminated\n')).toThrow(SyntaxError);
  });
});

describe('parseDistrictCodes', () => {
  it('returns the district codes below the header', () => {
    const csv =
      'code,regency_code,name\n11.01.01,11.01,Bakongan\n32.01.01,32.01,"Cibinong, Bogor"\n';
    expect(parseDistrictCodes(csv)).toEqual(['11.01.01', '32.01.01']);
  });

  it('throws when the first column is not called code, rather than index the wrong data', () => {
    expect(() => parseDistrictCodes('name,code\nBakongan,11.01.01\n')).toThrow(/"code"/);
  });

  it('throws on a malformed district code', () => {
    expect(() => parseDistrictCodes('code,name\n11.01.01,a\n11.1.01,b\n')).toThrow(/"11\.1\.01"/);
  });

  it('throws when there are no districts, since an empty index would reject every NIK', () => {
    expect(() => parseDistrictCodes('code,regency_code,name\n')).toThrow(/no districts/);
    expect(() => parseDistrictCodes('')).toThrow(/"code"/);
  });
});
