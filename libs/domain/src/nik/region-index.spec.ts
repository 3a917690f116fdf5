import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadRegionIndex, regionIndexOf } from './region-index';

const CSV_PATH = join(
  dirname(require.resolve('idn-area-data/package.json')),
  'data',
  'districts.csv',
);

describe('regionIndexOf', () => {
  it('knows exactly the district codes it was given', () => {
    const index = regionIndexOf(['32.01.01', '11.01.01']);
    expect(index.hasDistrict('32.01.01')).toBe(true);
    expect(index.hasDistrict('11.01.01')).toBe(true);
    expect(index.hasDistrict('32.01.02')).toBe(false);
    expect(index.hasDistrict('320101')).toBe(false);
    expect(index.hasDistrict('')).toBe(false);
  });

  it('takes any iterable, including a one-shot generator', () => {
    function* codes(): Generator<string> {
      yield '31.71.01';
    }
    const index = regionIndexOf(codes());
    expect(index.hasDistrict('31.71.01')).toBe(true);
    expect(index.hasDistrict('31.71.01')).toBe(true);
  });

  it('copies the codes, so later changes to the source do not leak in', () => {
    const source = ['32.01.01'];
    const index = regionIndexOf(source);
    source.push('32.01.02');
    expect(index.hasDistrict('32.01.02')).toBe(false);
  });
});

describe('loadRegionIndex', () => {
  const index = loadRegionIndex();

  it('returns the same cached index on every call', () => {
    expect(loadRegionIndex()).toBe(index);
  });

  it('contains exactly the 7,277 districts of idn-area-data v3', () => {
    // Every possible PP.KK.CC is asked, since the index exposes no size of its own.
    const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
    let count = 0;
    for (const p of twoDigits) {
      for (const k of twoDigits) {
        for (const c of twoDigits) if (index.hasDistrict(`${p}.${k}.${c}`)) count++;
      }
    }
    expect(count).toBe(7277);
  });

  it('contains every code listed in districts.csv', () => {
    const codes = readFileSync(CSV_PATH, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.split(',')[0]);
    expect(codes).toHaveLength(7277);
    expect(codes.filter((code) => !index.hasDistrict(code))).toEqual([]);
  });

  it.each([
    ['11.01.01', 'Bakongan, the first district of Aceh'],
    ['32.01.01', 'Cibinong, Kabupaten Bogor'],
    ['31.71.01', 'Gambir, Jakarta Pusat'],
    ['96.71.10', 'Maladum Mes, Kota Sorong (Papua Barat Daya, created in 2022)'],
  ])('knows %s (%s)', (code) => {
    expect(index.hasDistrict(code)).toBe(true);
  });

  it.each([
    ['99.99.99', 'a province that does not exist'],
    ['32.01', 'a regency code'],
    ['32', 'a province code'],
    ['320101', 'a code without dots'],
    ['91.01.01', 'a code retired when Merauke moved from Papua (91) to Papua Selatan (93)'],
  ])('does not know %s (%s)', (code) => {
    expect(index.hasDistrict(code)).toBe(false);
  });
});
