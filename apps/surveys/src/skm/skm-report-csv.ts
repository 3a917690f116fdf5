import { csvText, type CsvCell } from '@satupintu/common';
import type { SkmIndexV1, SkmReportV1 } from '@satupintu/contracts';
import { SKM_ELEMENTS } from '@satupintu/domain';

export const SKM_CSV_HEADER = [
  'period',
  'periodStart',
  'periodEnd',
  'agencyCode',
  'serviceCode',
  'weightRule',
  'weight',
  ...SKM_ELEMENTS.flatMap((element) => [`${element}.answered`, `${element}.nrr`]),
  'ikm',
  'ikmRounded',
  'category',
  'respondents',
  'population',
  'minimumSample',
  'sampleTooSmall',
];

function record(index: SkmIndexV1): CsvCell[] {
  return [
    index.period.label,
    index.period.start,
    index.period.end,
    index.agencyCode,
    index.serviceCode,
    index.weightRule,
    index.weight,
    ...index.elements.flatMap((score) => [score.answered, score.nrr]),
    index.ikm,
    index.ikmRounded,
    index.category,
    index.respondents,
    index.population,
    index.minimumSample,
    String(index.sampleTooSmall),
  ];
}

/**
 * The report's figures as CSV (RFC 4180): a header, then one record per period of the trend,
 * the reported period last. Figures unrounded as the JSON has them; empty where there is none.
 */
export function skmReportCsv(report: SkmReportV1): string {
  return csvText([SKM_CSV_HEADER, ...report.trend.map(record)]);
}
