import { csvText, type CsvCell } from '@satupintu/common';
import type { ServqualResultsV1 } from '@satupintu/contracts';

export const SERVQUAL_CSV_HEADER = [
  'serviceCode',
  'period',
  'kind',
  'item',
  'dimension',
  'answered',
  'expectation',
  'perception',
  'gap',
] as const;

/**
 * The results as CSV (RFC 4180, CRLF): a header, a record per item (`kind` ITEM), then one per
 * dimension (`kind` DIMENSION, its gap only); an empty field is a figure nobody answered.
 */
export function servqualCsv(results: ServqualResultsV1): string {
  const scope = [results.serviceCode, results.period];
  const records: CsvCell[][] = [
    [...SERVQUAL_CSV_HEADER],
    ...results.items.map((item) => [
      ...scope,
      'ITEM',
      item.item,
      item.dimension,
      item.answered,
      item.expectation,
      item.perception,
      item.gap,
    ]),
    ...results.dimensions.map((dimension) => [
      ...scope,
      'DIMENSION',
      null,
      dimension.dimension,
      null,
      null,
      null,
      dimension.gap,
    ]),
  ];
  return csvText(records);
}
