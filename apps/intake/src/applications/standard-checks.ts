import type { FieldError } from '@satupintu/common';
import type { Channel, FormDataV2 } from '@satupintu/contracts';
import { validateForm, type FormFieldRule, type RegionIndex } from '@satupintu/domain';
import type { DocumentRequirementRule } from '../documents/document-access';

/** What a submission is checked against: the service's published standard, if it has one. */
export interface ServiceStandardRules {
  /** The form's fields; null while the service has no published standard. */
  fields?: readonly FormFieldRule[] | null;
  /** The channels the service takes applications through; null for any. */
  channels?: readonly Channel[] | null;
  /** The documents it asks for; null while the service has no published standard. */
  documents?: readonly DocumentRequirementRule[] | null;
}

/**
 * A submission against its service's standard: the channel must be one the service takes, and
 * form data, when given, must be complete and valid for the standard's fields (`form.<name>`).
 * Without form data there is nothing to check yet: the agency collects it while verifying (an
 * application made at the counter or by a client that sends no form). A service with no
 * published standard takes no form data.
 */
export function checkAgainstStandard(
  standard: ServiceStandardRules,
  channel: Channel,
  form: FormDataV2 | undefined,
  regions: RegionIndex,
): FieldError[] {
  const errors: FieldError[] = [];
  if (standard.channels && !standard.channels.includes(channel))
    errors.push({
      field: 'channel',
      code: 'channel_not_for_service',
      params: { values: standard.channels.join(', ') },
    });
  if (form !== undefined) {
    if (!standard.fields) errors.push({ field: 'form', code: 'form_not_for_service' });
    else errors.push(...validateForm(standard.fields, form, regions));
  }
  return errors;
}
