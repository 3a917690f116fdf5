import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { attachmentProblems, mayReadDocument, type DocumentAccessFacts } from './document-access';
import { uploaderOf } from './document-requests';

const principal = (overrides: Partial<Principal>): Principal => ({
  kind: 'applicant',
  roles: [],
  scopes: [],
  ...overrides,
});
const siti = principal({ kind: 'applicant', subject: 'siti' });
const budi = principal({ kind: 'applicant', subject: 'budi' });
const frontDesk = principal({
  kind: 'officer',
  subject: 'desk-1',
  roles: ['FRONT_DESK'],
  agency: 'DUKCAPIL',
});
const dukcapilVerifier = principal({
  kind: 'officer',
  subject: 'verifier-1',
  roles: ['VERIFIER'],
  agency: 'DUKCAPIL',
});
const puprVerifier = principal({
  kind: 'officer',
  subject: 'verifier-2',
  roles: ['VERIFIER'],
  agency: 'PUPR',
});
const portal = principal({
  kind: 'client',
  subject: 'portal',
  clientId: 'portal',
  scopes: ['applications:submit'],
});
const kiosk = principal({
  kind: 'client',
  subject: 'kiosk',
  clientId: 'kiosk',
  scopes: ['applications:submit'],
});

describe('uploaderOf', () => {
  it('takes applicants, front-desk officers and clients that may submit, as owners', () => {
    expect(uploaderOf(siti)).toEqual({ kind: 'applicant', subject: 'siti' });
    expect(uploaderOf(frontDesk)).toEqual({ kind: 'officer', subject: 'desk-1' });
    expect(uploaderOf(portal)).toEqual({ kind: 'client', subject: 'portal', clientId: 'portal' });
  });

  it.each([
    ['anonymous', principal({ kind: 'anonymous' }), 401],
    ['a verifier', dukcapilVerifier, 403],
    ['a client without applications:submit', { ...portal, scopes: ['applications:read'] }, 403],
    ['the system', principal({ kind: 'system' }), 403],
  ])('refuses %s', (_who, caller, status) => {
    let refused: unknown;
    try {
      uploaderOf(caller);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).status).toBe(status);
  });
});

describe('mayReadDocument', () => {
  const uploadedBySiti: DocumentAccessFacts = { owner: { kind: 'applicant', subject: 'siti' } };
  const attachedAtDukcapil: DocumentAccessFacts = {
    owner: { kind: 'officer', subject: 'desk-1' },
    application: { applicantId: 'siti', agencyCode: 'DUKCAPIL' },
  };
  const uploadedByPortal: DocumentAccessFacts = {
    owner: { kind: 'client', subject: 'portal', clientId: 'portal' },
    application: { agencyCode: 'DUKCAPIL' },
  };

  it.each([
    ['its uploader', siti, uploadedBySiti, true],
    ['another applicant, before it is attached', budi, uploadedBySiti, false],
    ['an officer, before it is attached', dukcapilVerifier, uploadedBySiti, false],
    ['the applicant of its application', siti, attachedAtDukcapil, true],
    ['the owning agency’s officer', dukcapilVerifier, attachedAtDukcapil, true],
    ['the officer who uploaded it', frontDesk, attachedAtDukcapil, true],
    ['another applicant', budi, attachedAtDukcapil, false],
    ['another agency’s officer', puprVerifier, attachedAtDukcapil, false],
    ['a client that did not upload it', portal, attachedAtDukcapil, false],
    ['the client that uploaded it', portal, uploadedByPortal, true],
    ['another client', kiosk, uploadedByPortal, false],
    ['anonymous', principal({ kind: 'anonymous' }), attachedAtDukcapil, false],
    [
      'an applicant, when the application names none',
      siti,
      { ...uploadedByPortal, application: { agencyCode: 'DUKCAPIL' } },
      false,
    ],
  ])('%s: %s', (_who, caller, facts, allowed) => {
    expect(mayReadDocument(caller, facts)).toBe(allowed);
  });
});

describe('attachmentProblems', () => {
  const owner = { kind: 'applicant' as const, subject: 'siti' };
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  const c = '00000000-0000-4000-8000-00000000000c';
  const found = [
    { documentId: a, owner, attached: false },
    { documentId: b, owner, attached: true },
    { documentId: c, owner: { kind: 'applicant' as const, subject: 'budi' }, attached: false },
  ];

  it('accepts the submitter’s own unattached documents', () => {
    expect(attachmentProblems(owner, [{ requirement: 'KTP', documentId: a }], found)).toEqual([]);
  });

  it('names each problem by its place in the list', () => {
    const unknown = '00000000-0000-4000-8000-00000000000d';
    expect(
      attachmentProblems(
        owner,
        [
          { requirement: 'KTP', documentId: a },
          { requirement: 'KK', documentId: b },
          { requirement: 'AKTA', documentId: c },
          { requirement: 'FOTO', documentId: unknown },
          { requirement: 'KTP_2', documentId: a },
        ],
        found,
      ),
    ).toEqual([
      { field: 'documents[1].documentId', code: 'document_already_attached' },
      // Someone else's is as unknown to the submitter as one that does not exist.
      { field: 'documents[2].documentId', code: 'document_not_found' },
      { field: 'documents[3].documentId', code: 'document_not_found' },
      { field: 'documents[4].documentId', code: 'document_offered_twice' },
    ]);
  });

  it('tells a client’s documents apart by client id', () => {
    const portalOwner = { kind: 'client' as const, subject: 'x', clientId: 'portal' };
    const kioskOwner = { kind: 'client' as const, subject: 'x', clientId: 'kiosk' };
    expect(
      attachmentProblems(
        kioskOwner,
        [{ requirement: 'KTP', documentId: a }],
        [{ documentId: a, owner: portalOwner, attached: false }],
      ),
    ).toEqual([{ field: 'documents[0].documentId', code: 'document_not_found' }]);
  });
});
