import { DomainError } from '@satupintu/common';
import type { UpdateMyProfileV1, VerificationChannel } from '@satupintu/contracts';
import { type ApplicantRecord, normalizeEmail } from './applicant';

export interface ProfileChange {
  next: ApplicantRecord;
  /** False when every field given already had that value: no new version, no event. */
  changed: boolean;
  /** Contacts that are new and need a code (and are unverified until it is confirmed). */
  newContacts: VerificationChannel[];
}

/**
 * The profile after a change its owner asked for: only the fields given change; a new phone or
 * e-mail is unverified; any change is a new version. Pure.
 */
export function changeProfile(current: ApplicantRecord, patch: UpdateMyProfileV1): ProfileChange {
  if (
    patch.name === undefined &&
    patch.phone === undefined &&
    patch.email === undefined &&
    patch.address === undefined &&
    patch.preferredLanguage === undefined
  )
    throw DomainError.validation([{ field: '(body)', code: 'nothing_to_change' }]);
  const next: ApplicantRecord = { ...current };
  const newContacts: VerificationChannel[] = [];
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (!name) throw DomainError.validation([{ field: 'name', code: 'required' }]);
    next.name = name;
  }
  if (patch.phone !== undefined && patch.phone !== current.phone) {
    next.phone = patch.phone;
    delete next.phoneVerifiedAt;
    newContacts.push('PHONE');
  }
  const email = patch.email === undefined ? undefined : normalizeEmail(patch.email);
  if (email !== undefined && email !== current.email) {
    next.email = email;
    delete next.emailVerifiedAt;
    newContacts.push('EMAIL');
  }
  if (patch.address !== undefined) {
    next.address = {
      line: patch.address.line.trim(),
      districtCode: patch.address.districtCode,
      ...(patch.address.postalCode ? { postalCode: patch.address.postalCode } : {}),
    };
  }
  if (patch.preferredLanguage !== undefined) next.preferredLanguage = patch.preferredLanguage;
  const changed =
    next.name !== current.name ||
    next.preferredLanguage !== current.preferredLanguage ||
    newContacts.length > 0 ||
    JSON.stringify(next.address) !== JSON.stringify(current.address);
  if (changed) next.version = current.version + 1;
  return { next, changed, newContacts };
}
