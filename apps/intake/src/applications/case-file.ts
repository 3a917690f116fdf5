import { DomainError } from '@satupintu/common';
import type {
  CaseFileDocumentV1,
  CaseFileV1,
  FormDataV2,
  GetCaseFileV1,
  Principal,
} from '@satupintu/contracts';
import { agencyCaseAccess, maskNik, worksAgencyCases } from '@satupintu/domain';
import type { HeldByApplication, StoredApplication } from './follow-application';

/** An application with what the owning agency's officers check: the form and who applies. */
export interface FiledApplication extends StoredApplication {
  form: FormDataV2 | null;
  /** The applicant's current profile, or the details given at the counter or by the client. */
  applicantNik: string | null;
  applicantName: string | null;
  applicantBirthDate: string | null;
}

export interface CaseFilePorts {
  find(trackingNo: string): Promise<FiledApplication | undefined>;
  held(applicationId: string): Promise<HeldByApplication>;
}

/**
 * What an application holds, for the agency that owns it: its form, who applies, and its
 * documents. Intake decides on its own data, whatever the gateway let through: the caller must
 * read that agency's cases (`agencyCaseAccess`), and an application of another agency is
 * answered as one nobody has. Its officers and system see the whole NIK (they check it against
 * the documents); a mall administrator sees it masked.
 */
export async function getCaseFile(
  principal: Principal,
  request: GetCaseFileV1,
  ports: CaseFilePorts,
): Promise<CaseFileV1> {
  const { agencyCode, trackingNo } = request;
  const access = agencyCaseAccess(principal, agencyCode);
  if (access !== 'allowed')
    throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
      resource: `cases of ${agencyCode}`,
    });
  const application = await ports.find(trackingNo);
  if (!application || application.agencyCode !== agencyCode)
    throw new DomainError('application_not_found', 404, [], { trackingNo });
  const held = await ports.held(application.applicationId);
  const uploads = new Map(held.uploads.map((upload) => [upload.documentId, upload]));
  const documents: CaseFileDocumentV1[] = [];
  for (const document of held.documents) {
    const upload = document.documentId ? uploads.get(document.documentId) : undefined;
    if (upload)
      documents.push({
        documentId: upload.documentId,
        requirement: document.requirement,
        contentType: upload.contentType as CaseFileDocumentV1['contentType'],
        size: upload.size,
        sha256: upload.sha256,
      });
  }
  const { applicantNik: nik, applicantName: name, applicantBirthDate: birthDate } = application;
  return {
    applicationId: application.applicationId,
    trackingNo: application.trackingNo,
    agencyCode: application.agencyCode,
    ...(nik && name
      ? {
          applicant: {
            nik: worksAgencyCases(principal, agencyCode) ? nik : maskNik(nik),
            name,
            ...(birthDate ? { birthDate } : {}),
          },
        }
      : {}),
    ...(application.businessId ? { businessId: application.businessId } : {}),
    form: application.form ?? {},
    documents,
  };
}
