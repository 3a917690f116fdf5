/**
 * Rules that belong to one agency, not to every agency at the mall: Dukcapil serves only people
 * its register knows; DPMPTSP's business services need a real NIB and a KBLI the business holds.
 * Each rule is a plain function of the case's facts, registered under its agency's code; the
 * agency's deployment runs its own list (`AGENCY_RULES[AGENCY_CODE]`). Pure.
 *
 * A finding names the requirement that is wrong (a form field, `applicant`, `business`), so the
 * verifier can send the case back with exactly those (REQUEST_REVISION), and the case cannot
 * leave verification while a finding stands.
 */
/** What the agency's own standard says of the service a case is for. */
export interface ServiceFacts {
  serviceCode: string;
  /** The service's categories in the catalog (`BUSINESS`, `IDENTITY`, …). */
  serviceCategories: readonly string[];
  /** The names of the form's fields of type `kbli`: where the form names a KBLI. */
  kbliFields: readonly string[];
  /**
   * The service's standard requires an NIB (a required field of type `nib`): it acts for a
   * business that exists. The service that issues NIBs asks for none (the business it makes has
   * none yet), nor does a permit a person may ask for without one.
   */
  serviceRequiresNib: boolean;
}

export interface CaseFacts extends ServiceFacts {
  /**
   * Present when the applicant's NIK is registered: identity holds an account for it (the
   * applicant applied themselves, or intake linked the NIK an officer or client named to an
   * account), so the case names the applicant by id. A walk-in named only by a NIK has none.
   */
  applicant?: { registered: true };
  /** The business applied for, as its profile says (from OSS or its owner). */
  business?: { nib: string; kbli: readonly string[] };
  /**
   * The form data as submitted (checked against the standard's types by intake already). Intake
   * keeps the form: the agency asks it for the case's file only when a rule needs the form for
   * the service (`AgencyRule.needs`), so it is absent otherwise.
   */
  form?: Readonly<Record<string, unknown>>;
}

/** A fact the agency does not hold and must ask another service for. */
export type FetchedFact = 'form';

export interface RuleFinding {
  /** The requirement that is wrong: a form field's name, `applicant` or `business`. */
  requirement: string;
  code: 'nik_not_registered' | 'business_required' | 'nib_format' | 'kbli_not_held';
  params?: Record<string, string>;
}

export interface AgencyRule {
  /** A short name for logs and the ADR. */
  name: string;
  /**
   * The facts beyond the agency's own this rule reads for a service: each is asked for (a
   * request to intake) only when a rule of the agency needs it, so the others never pay for it.
   */
  needs?(service: ServiceFacts): readonly FetchedFact[];
  check(facts: CaseFacts): RuleFinding[];
}

const NIB = /^\d{13}$/;

/** Dukcapil: civil registration acts on a NIK its register holds, so the applicant must have one. */
export const registeredApplicant: AgencyRule = {
  name: 'dukcapil.registered-applicant',
  check: (facts) =>
    facts.applicant?.registered ? [] : [{ requirement: 'applicant', code: 'nik_not_registered' }],
};

const isBusinessService = (service: ServiceFacts) => service.serviceCategories.includes('BUSINESS');

/**
 * DPMPTSP, business services: a case for a business is for one with a valid NIB, and each KBLI
 * the form names (in a field the standard types `kbli`) is one the business holds: a permit is
 * for an activity the business is registered for, not any it names. A service whose standard
 * requires an NIB needs a business; the others (the NIB itself, which makes the business; a
 * permit a person may ask for) may name none. The form is asked for only for a business service
 * whose form has a KBLI field.
 */
export const businessWithItsKbli: AgencyRule = {
  name: 'dpmptsp.business-nib-and-kbli',
  needs: (service) => (isBusinessService(service) && service.kbliFields.length > 0 ? ['form'] : []),
  check: (facts) => {
    if (!isBusinessService(facts)) return [];
    if (!facts.business)
      return facts.serviceRequiresNib
        ? [{ requirement: 'business', code: 'business_required' }]
        : [];
    if (!NIB.test(facts.business.nib)) return [{ requirement: 'business', code: 'nib_format' }];
    const findings: RuleFinding[] = [];
    for (const field of facts.kbliFields) {
      // A form value is one text (intake checked its KBLI shape); an optional field may be absent.
      const code = facts.form?.[field];
      if (typeof code === 'string' && !facts.business.kbli.includes(code))
        findings.push({ requirement: field, code: 'kbli_not_held', params: { kbli: code } });
    }
    return findings;
  },
};

/** Every agency's own rules, by agency code. An agency not listed has none. */
export const AGENCY_RULES: Readonly<Record<string, readonly AgencyRule[]>> = {
  DUKCAPIL: [registeredApplicant],
  DPMPTSP: [businessWithItsKbli],
};

/** What the agency's rules for a service need beyond the agency's own data; none asks nothing. */
export function factsNeeded(
  agencyCode: string,
  service: ServiceFacts,
  rules: Readonly<Record<string, readonly AgencyRule[]>> = AGENCY_RULES,
): ReadonlySet<FetchedFact> {
  return new Set((rules[agencyCode] ?? []).flatMap((rule) => rule.needs?.(service) ?? []));
}

/** A finding with the name of the rule that made it. */
export type AgencyFinding = RuleFinding & { rule: string };

/** What the agency's rules find wrong with a case; none means its rules are satisfied. */
export function agencyFindings(
  agencyCode: string,
  facts: CaseFacts,
  rules: Readonly<Record<string, readonly AgencyRule[]>> = AGENCY_RULES,
): AgencyFinding[] {
  return (rules[agencyCode] ?? []).flatMap((rule) =>
    rule.check(facts).map((finding) => ({ rule: rule.name, ...finding })),
  );
}
