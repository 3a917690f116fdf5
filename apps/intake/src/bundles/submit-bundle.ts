import { DomainError, type FieldError } from '@satupintu/common';
import {
  BUNDLE_MAX_FORM_FIELDS,
  type BundleCaseV1,
  type BundleV1,
  type Principal,
  type SubmitBundleV1,
} from '@satupintu/contracts';
import {
  firstSteps,
  validateForm,
  type FormFieldRule,
  type FormValue,
  type RegionIndex,
} from '@satupintu/domain';
import { whoApplies, type SubmitApplicationPorts } from '../applications/submit-application';
import {
  offeredDocumentProblems,
  refuseUnattached,
  type AttachDocumentsPorts,
} from '../documents/attach-documents';
import {
  bundleRequirementProblems,
  type DocumentRequirementRule,
} from '../documents/document-access';
import {
  bundleCaseView,
  openStep,
  type BundleCaseRecord,
  type BundleWrites,
  type Minting,
} from './bundle-case';

export interface SubmitBundlePorts
  extends
    Pick<SubmitApplicationPorts, 'regions' | 'findApplicantByNik' | 'actsFor'>,
    AttachDocumentsPorts,
    Minting {
  findBundle(code: string): Promise<BundleV1 | undefined>;
  /** A step's service's form fields and document requirements; undefined if not in the catalog. */
  findService(code: string): Promise<
    | {
        fields: readonly FormFieldRule[] | null;
        documents: readonly DocumentRequirementRule[] | null;
      }
    | undefined
  >;
  /** The agencies' time zones, for the steps' applications. */
  timeZoneOf(agencyCode: string): Promise<string | undefined>;
  /** Runs `work` in one transaction: the case, its steps, the first applications, their events. */
  write<T>(work: (writes: BundleWrites) => Promise<T>): Promise<T>;
}

const FORM_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const FORM_TEXT_MAX = 2000;
/** Random tracking numbers collide about once in 10^12; a few tries is more than enough. */
const CASE_TRACKING_NO_ATTEMPTS = 5;

/**
 * Accepts a bundle: one submission, by the same callers and with the same checks of who applies
 * as a single application, with one set of data and documents (the submitter's own, unattached,
 * each for a requirement of at least one step's service and fitting it). In one transaction it
 * stores the bundle as a case with its own tracking number, attaches the documents to it, and
 * opens as applications the steps that depend on nothing; the others wait for their
 * dependencies to be issued.
 */
export async function submitBundle(
  principal: Principal,
  input: SubmitBundleV1,
  ports: SubmitBundlePorts,
): Promise<BundleCaseV1> {
  const errors: FieldError[] = [];
  const party = await whoApplies(principal, input, ports, errors);
  const shapeProblems = formProblems(input.form);
  errors.push(...shapeProblems);

  const bundle = await ports.findBundle(input.bundleCode);
  if (!bundle)
    errors.push({
      field: 'bundleCode',
      code: 'unknown_bundle',
      params: { bundleCode: input.bundleCode },
    });
  const timeZones = new Map<string, string>();
  for (const agencyCode of new Set(bundle?.steps.map((step) => step.agencyCode) ?? [])) {
    const zone = await ports.timeZoneOf(agencyCode);
    if (zone) timeZones.set(agencyCode, zone);
    else errors.push({ field: 'bundleCode', code: 'unknown_agency', params: { agencyCode } });
  }
  if (bundle) {
    const services = await Promise.all(
      bundle.steps.map((step) => ports.findService(step.serviceCode)),
    );
    if (shapeProblems.length === 0)
      errors.push(
        ...bundleFormProblems(
          services.map((service) => service?.fields ?? null),
          input.form,
          ports.regions,
        ),
      );
    const standards = services.map((service) => service?.documents ?? null);
    errors.push(
      ...(await offeredDocumentProblems(
        party.submittedBy,
        input.documents,
        (offered, theirs) => bundleRequirementProblems(standards, offered, theirs),
        ports,
      )),
    );
  }
  if (errors.length > 0 || !bundle) throw DomainError.validation(errors, 422);

  const opening = new Set(firstSteps(bundle.steps));
  const bundleCase: BundleCaseRecord = {
    id: ports.newId(),
    trackingNo: ports.newTrackingNo(),
    bundleCode: bundle.code,
    bundleVersion: bundle.version,
    status: 'IN_PROGRESS',
    channel: party.channel,
    form: input.form,
    documents: input.documents.map(({ requirement, documentId }) => ({ requirement, documentId })),
    ...(party.applicantId ? { applicantId: party.applicantId } : {}),
    ...(party.named ? { applicant: party.named } : {}),
    ...(input.businessId ? { businessId: input.businessId } : {}),
    submittedBy: party.submittedBy,
    submittedAt: ports.now().toISOString(),
    steps: bundle.steps.map((step) => ({
      key: step.key,
      serviceCode: step.serviceCode,
      agencyCode: step.agencyCode,
      agencyTimeZone: timeZones.get(step.agencyCode)!,
      dependsOn: step.dependsOn,
      inputs: step.inputs,
      status: 'WAITING',
    })),
  };

  return ports.write(async (writes) => {
    for (let attempt = 1; !(await writes.addCase(bundleCase)); attempt++) {
      if (attempt === CASE_TRACKING_NO_ATTEMPTS)
        throw new Error(`no free tracking number after ${attempt} attempts`);
      bundleCase.trackingNo = ports.newTrackingNo();
    }
    // The case holds the documents; every step's application names them as it opens.
    if (input.documents.length > 0)
      refuseUnattached(
        input.documents,
        await writes.attachDocuments(bundleCase.id, party.submittedBy, input.documents),
      );
    for (const step of bundleCase.steps)
      if (opening.has(step.key)) await openStep(writes, bundleCase, step, ports);
    return bundleCaseView(bundleCase);
  });
}

/**
 * The one set of data serves every step: each field must be one that some step's standard asks
 * for, of the type and within the bounds of every step that asks for it (`validateForm`). A
 * field a step requires but the submission leaves out is not refused, as for a single
 * application's optional form: its agency collects it while verifying.
 */
export function bundleFormProblems(
  stepFields: readonly (readonly FormFieldRule[] | null)[],
  form: Readonly<Record<string, FormValue>>,
  regions: RegionIndex,
): FieldError[] {
  const given = (rule: FormFieldRule) => Object.hasOwn(form, rule.name);
  const known = new Set(stepFields.flatMap((fields) => (fields ?? []).map((rule) => rule.name)));
  const problems: FieldError[] = Object.keys(form)
    .filter((name) => !known.has(name))
    .map((name) => ({ field: `form.${name}`, code: 'unknown_field' }));
  const reported = new Set<string>();
  for (const fields of stepFields) {
    const asked = (fields ?? []).filter(given).map((rule) => ({ ...rule, required: false }));
    const values = Object.fromEntries(asked.map((rule) => [rule.name, form[rule.name]]));
    for (const problem of validateForm(asked, values, regions)) {
      if (reported.has(problem.field)) continue;
      reported.add(problem.field);
      problems.push(problem);
    }
  }
  return problems;
}

/** Bounded, flat, plain values: the shape every form has before any standard reads it. */
function formProblems(form: Record<string, unknown>): FieldError[] {
  const entries = Object.entries(form);
  if (entries.length > BUNDLE_MAX_FORM_FIELDS)
    return [{ field: 'form', code: 'too_many_fields', params: { max: BUNDLE_MAX_FORM_FIELDS } }];
  const problems: FieldError[] = [];
  for (const [name, value] of entries) {
    if (!FORM_FIELD.test(name)) {
      problems.push({ field: 'form', code: 'form_field_name' });
      continue;
    }
    const field = `form.${name}`;
    if (typeof value === 'string') {
      if (value.length > FORM_TEXT_MAX)
        problems.push({ field, code: 'max_length', params: { max: FORM_TEXT_MAX } });
    } else if (!(
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ))
      problems.push({ field, code: 'form_value' });
  }
  return problems;
}
