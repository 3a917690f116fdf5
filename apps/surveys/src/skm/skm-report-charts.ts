import type { SkmIndexV1, SkmReportLanguage } from '@satupintu/contracts';
import { SKM_CATEGORY_BOUNDS } from '@satupintu/domain';
import type { TopLevelSpec } from 'vega-lite';
import { REPORT_TEXT } from './skm-report-text';

export const SCORE_COLOR = '#1f6fb2';
export const WEAK_COLOR = '#c0392b';

/**
 * The IKM of each period as a line with its points, on the 25–100 scale, with the category
 * bounds as rules; a period without an index keeps its place on the axis, with no point.
 */
export function trendChartSpec(trend: SkmIndexV1[], language: SkmReportLanguage): TopLevelSpec {
  const text = REPORT_TEXT[language];
  return {
    title: text.trend,
    width: 480,
    height: 220,
    background: 'white',
    layer: [
      {
        data: {
          values: trend.map((index) => ({ period: index.period.label, ikm: index.ikmRounded })),
        },
        mark: { type: 'line', point: true, color: SCORE_COLOR },
        encoding: {
          x: { field: 'period', type: 'ordinal', sort: null, title: text.period },
          y: {
            field: 'ikm',
            type: 'quantitative',
            title: text.ikm,
            scale: { domain: [25, 100] },
          },
        },
      },
      {
        data: {
          values: SKM_CATEGORY_BOUNDS.filter((bound) => bound.from > 25).map((bound) => ({
            from: bound.from,
          })),
        },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#999999' },
        encoding: { y: { field: 'from', type: 'quantitative' } },
      },
    ],
  };
}

/** Each element's NRR (1–4) as a bar, the weakest (first of `weakestFirst`) in red. */
export function elementChartSpec(index: SkmIndexV1, language: SkmReportLanguage): TopLevelSpec {
  const text = REPORT_TEXT[language];
  const weakest = index.weakestFirst[0];
  return {
    title: text.elementScores,
    width: 480,
    height: 220,
    background: 'white',
    data: {
      values: index.elements.map((score) => ({
        element: score.element,
        nrr: score.nrr ?? 0,
        weakest: score.element === weakest && score.nrr !== null,
      })),
    },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'element', type: 'ordinal', sort: null, title: text.element },
      y: { field: 'nrr', type: 'quantitative', title: text.nrr, scale: { domain: [0, 4] } },
      color: { condition: { test: 'datum.weakest', value: WEAK_COLOR }, value: SCORE_COLOR },
    },
  };
}
