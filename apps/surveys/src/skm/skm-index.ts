import { DomainError } from '@satupintu/common';
import type { Principal, SkmIndexV1, SkmProfileCounts } from '@satupintu/contracts';
import {
  SKM_CATEGORY_BOUNDS,
  SKM_ELEMENTS,
  SKM_ELEMENT_TEXT,
  minimumSample,
  roundSkm,
  skmCategory,
  skmWeight,
  weakestFirst,
  type SkmElementScore,
  type SkmPeriod,
  type SkmWeightRule,
} from '@satupintu/domain';
import type { SkmPeriodRow, SkmScope } from './skm-index.repository';

/**
 * One period's index from the database's aggregates. The figures (NRR, IKM) are the database's;
 * what is read off them (rounding, category, ranking, sample size) is the pure definitions'.
 */
export function assembleIndex(
  period: SkmPeriod,
  row: SkmPeriodRow,
  scope: SkmScope,
  weightRule: SkmWeightRule,
  timeZone: string,
): SkmIndexV1 {
  const scores: SkmElementScore[] = SKM_ELEMENTS.map((element, i) =>
    row.nrr[i] === null
      ? { element, answered: row.answered[i] }
      : { element, answered: row.answered[i], nrr: row.nrr[i] },
  );
  const unanswered = scores.filter((score) => score.nrr === undefined).map((s) => s.element);
  const ikm = unanswered.length === 0 ? row.ikm : null;
  const category = ikm === null ? null : skmCategory(ikm);
  const minimum = minimumSample(row.population);
  const withUnstated = (counts: Record<string, number>): SkmProfileCounts => {
    const stated = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { ...counts, UNSTATED: row.respondents - stated };
  };
  return {
    ...scope,
    period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
    timeZone,
    weightRule,
    weight: skmWeight(weightRule),
    elements: scores.map((score) => ({
      element: score.element,
      name: SKM_ELEMENT_TEXT[score.element].name,
      answered: score.answered,
      nrr: score.nrr ?? null,
    })),
    ikm,
    ikmRounded: ikm === null ? null : roundSkm(ikm),
    category,
    categoryLabel:
      category === null
        ? null
        : SKM_CATEGORY_BOUNDS.find((bound) => bound.category === category)!.label,
    unanswered,
    respondents: row.respondents,
    population: row.population,
    minimumSample: minimum,
    sampleTooSmall: row.respondents < minimum,
    weakestFirst: weakestFirst(scores).map((score) => score.element),
    profile: {
      sex: withUnstated(row.profile.sex),
      ageBand: withUnstated(row.profile.ageBand),
      education: withUnstated(row.profile.education),
      occupation: withUnstated(row.profile.occupation),
    },
    suggestions: row.suggestions,
  };
}

/**
 * Who may read an index and its suggestions: mall admins and survey analysts any scope, an
 * agency's admin their own agency (none asked means theirs). A service named with an agency
 * must be that agency's.
 */
export function skmReadScope(principal: Principal, asked: SkmScope): SkmScope {
  const scope: SkmScope = {
    ...(asked.agencyCode ? { agencyCode: asked.agencyCode } : {}),
    ...(asked.serviceCode ? { serviceCode: asked.serviceCode } : {}),
  };
  if (principal.kind === 'officer') {
    if (principal.roles.includes('MALL_ADMIN') || principal.roles.includes('SURVEY_ANALYST'))
      return scope;
    if (principal.roles.includes('AGENCY_ADMIN') && principal.agency) {
      const own = { ...scope, agencyCode: principal.agency };
      if (
        (!scope.agencyCode || scope.agencyCode === principal.agency) &&
        (!scope.serviceCode || scope.serviceCode.startsWith(`${principal.agency}-`))
      )
        return own;
      throw forbidden(scope.agencyCode ?? scope.serviceCode);
    }
  }
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'SKM figures' });
  throw forbidden(scope.agencyCode);
}

function forbidden(of: string | undefined): DomainError {
  return new DomainError('forbidden', 403, [], {
    resource: of ? `SKM figures of ${of}` : 'SKM figures',
  });
}
