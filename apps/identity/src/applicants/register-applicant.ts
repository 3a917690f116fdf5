import { DomainError, type FieldError, type MessageParams } from '@satupintu/common';
import {
  DEFAULT_APPLICANT_LANGUAGE,
  type ApplicantRegisteredV1,
  type RegisterApplicantV1,
  type VerificationChannel,
} from '@satupintu/contracts';
import { parseNik, type RegionIndex } from '@satupintu/domain';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../credentials/passwords';
import { type ApplicantRecord, normalizeEmail } from './applicant';

/** What may be refused in a password, as a field error with the bound it broke. */
export function passwordError(
  field: string,
  password: string,
  context: Parameters<typeof passwordProblem>[1],
): FieldError | undefined {
  const problem = passwordProblem(password, context);
  if (!problem) return undefined;
  const params: MessageParams | undefined =
    problem === 'password_too_short'
      ? { min: PASSWORD_MIN_LENGTH }
      : problem === 'password_too_long'
        ? { max: PASSWORD_MAX_LENGTH }
        : undefined;
  return { field, code: problem, ...(params ? { params } : {}) };
}

/**
 * The applicant a registration describes, or every problem with it at once (422): the NIK must
 * be a real one (region, date, serial) that agrees with the stated birth date and sex; a phone
 * or an e-mail is needed; the password must pass the policy. Pure.
 */
export function checkRegistration(
  input: RegisterApplicantV1,
  regions: RegionIndex,
  id: string,
): ApplicantRecord {
  const errors: FieldError[] = [];
  const nik = parseNik(input.nik, regions, { birthDate: input.birthDate, gender: input.sex });
  if (!nik.ok) errors.push({ field: 'nik', code: nik.problem });
  const email = input.email ? normalizeEmail(input.email) : undefined;
  if (!input.phone && !email) errors.push({ field: 'phone', code: 'contact_required' });
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', code: 'required' });
  const password = passwordError('password', input.password, {
    nik: input.nik,
    name,
    ...(email ? { email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
  });
  if (password) errors.push(password);
  if (errors.length > 0 || !nik.ok) throw DomainError.validation(errors, 422);
  return {
    id,
    nik: nik.value.nik,
    name,
    birthDate: input.birthDate,
    sex: input.sex,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(email ? { email } : {}),
    preferredLanguage: input.preferredLanguage ?? DEFAULT_APPLICANT_LANGUAGE,
    version: 1,
  };
}

export interface RegisterApplicantPorts {
  regions: RegionIndex;
  newId(): string;
  /**
   * Stores the applicant with its password hash, a code per contact of
   * `registered.verificationsSent` and its profile event, together with `registered`, the
   * answer (kept under the request's `Idempotency-Key`, if any). A NIK, phone or e-mail that
   * already belongs to an account is one refusal (409 `account_exists`) that does not say
   * which, nor whose.
   */
  add(
    applicant: ApplicantRecord,
    password: string,
    registered: ApplicantRegisteredV1,
  ): Promise<void>;
}

/** Opens an applicant's account: the answer names the new id and where codes went. */
export async function registerApplicant(
  input: RegisterApplicantV1,
  ports: RegisterApplicantPorts,
): Promise<ApplicantRegisteredV1> {
  const applicant = checkRegistration(input, ports.regions, ports.newId());
  const channels: VerificationChannel[] = [
    ...(applicant.phone ? (['PHONE'] as const) : []),
    ...(applicant.email ? (['EMAIL'] as const) : []),
  ];
  const registered = { applicantId: applicant.id, verificationsSent: channels };
  await ports.add(applicant, input.password, registered);
  return registered;
}
