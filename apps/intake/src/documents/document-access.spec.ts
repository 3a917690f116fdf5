import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import {
  attachmentProblems,
  bundleRequirementProblems,
  mayReadDocument,
  requirementProblems,
  type DocumentAccessFacts,
  type DocumentRequirementRule,
} from './document-access';
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
const dukcapilSystem = principal({
  kind: 'client',
  subject: 'sys-dukcapil',
  clientId: 'sys-dukcapil',
  scopes: ['agency:DUKCAPIL:work', 'applications:read'],
});
const puprSystem = principal({
  kind: 'client',
  subject: 'sys-pupr',
  clientId: 'sys-pupr',
  scopes: ['agency:PUPR:work'],
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
  // Given to a bundle whose Dukcapil step is open; its PUPR step is not yet.
  const givenToBundle: DocumentAccessFacts = {
    owner: { kind: 'officer', subject: 'desk-1' },
    bundleCase: { applicantId: 'siti', agencyCodes: ['DUKCAPIL'] },
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
    ['the owning agency’s system', dukcapilSystem, attachedAtDukcapil, true],
    ['another agency’s system', puprSystem, attachedAtDukcapil, false],
    ['the system of an opened step’s agency', dukcapilSystem, givenToBundle, true],
    ['the system of an agency whose step holds it not', puprSystem, givenToBundle, false],
    ['an agency’s system, before it is attached', dukcapilSystem, uploadedBySiti, false],
    ['the client that uploaded it', portal, uploadedByPortal, true],
    ['another client', kiosk, uploadedByPortal, false],
    ['anonymous', principal({ kind: 'anonymous' }), attachedAtDukcapil, false],
    ['the applicant of its bundle', siti, givenToBundle, true],
    ['the officer of an opened step’s agency', dukcapilVerifier, givenToBundle, true],
    ['the officer of an agency whose step holds it not', puprVerifier, givenToBundle, false],
    ['another applicant, for a bundle’s', budi, givenToBundle, false],
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
  const pdf = { contentType: 'application/pdf' as const, size: 1000 };
  const found = [
    { documentId: a, owner, attached: false, ...pdf },
    { documentId: b, owner, attached: true, ...pdf },
    {
      documentId: c,
      owner: { kind: 'applicant' as const, subject: 'budi' },
      attached: false,
      ...pdf,
    },
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
        [{ documentId: a, owner: portalOwner, attached: false, ...pdf }],
      ),
    ).toEqual([{ field: 'documents[0].documentId', code: 'document_not_found' }]);
  });
});

describe('requirementProblems', () => {
  const owner = { kind: 'applicant' as const, subject: 'siti' };
  const scan = { contentType: 'image/png' as const, size: 1_500_000, owner, attached: false };
  const requirements: DocumentRequirementRule[] = [
    {
      kind: 'KK',
      allowedTypes: ['application/pdf', 'image/png'],
      maxBytes: 2_000_000,
      mandatory: true,
    },
    { kind: 'GAMBAR', allowedTypes: ['application/pdf'], maxBytes: 10_000_000, mandatory: false },
    { kind: 'FOTO', allowedTypes: ['image/png'], maxBytes: 1_000_000, mandatory: false },
  ];
  const found = [
    { documentId: 'd1', ...scan },
    { documentId: 'd2', ...scan },
    { documentId: 'd3', ...scan },
  ];

  it('accepts documents of allowed types within their limits, mandatory ones missing or not', () => {
    expect(
      requirementProblems(requirements, [{ requirement: 'KK', documentId: 'd1' }], found),
    ).toEqual([]);
    expect(requirementProblems(requirements, [], found)).toEqual([]);
  });

  it('names an unknown requirement, one filled twice, a type or size the requirement refuses', () => {
    expect(
      requirementProblems(
        requirements,
        [
          { requirement: 'KTP', documentId: 'd1' },
          { requirement: 'GAMBAR', documentId: 'd1' },
          { requirement: 'FOTO', documentId: 'd2' },
          { requirement: 'KK', documentId: 'd3' },
          { requirement: 'KK', documentId: 'unknown' },
        ],
        found,
      ),
    ).toEqual([
      {
        field: 'documents[0].requirement',
        code: 'unknown_requirement',
        params: { requirement: 'KTP' },
      },
      {
        field: 'documents[1].documentId',
        code: 'document_type_not_for_requirement',
        params: { requirement: 'GAMBAR', values: 'application/pdf' },
      },
      {
        field: 'documents[2].documentId',
        code: 'document_too_large_for_requirement',
        params: { requirement: 'FOTO', limit: 1_000_000 },
      },
      { field: 'documents[4].requirement', code: 'requirement_offered_twice' },
    ]);
  });

  it('knows no requirement of a service without a published standard', () => {
    expect(requirementProblems(null, [{ requirement: 'KK', documentId: 'd1' }], found)).toEqual([
      {
        field: 'documents[0].requirement',
        code: 'unknown_requirement',
        params: { requirement: 'KK' },
      },
    ]);
  });
});

describe('bundleRequirementProblems', () => {
  const owner = { kind: 'applicant' as const, subject: 'siti' };
  const png = { documentId: 'd1', owner, attached: false, contentType: 'image/png' as const };
  const rule = (kind: string, types: ('application/pdf' | 'image/png')[], maxBytes: number) => ({
    kind,
    allowedTypes: types,
    maxBytes,
    mandatory: true,
  });
  const steps = [
    [rule('KK', ['application/pdf'], 10_000_000)],
    null,
    [rule('KK', ['image/png'], 1_000_000)],
  ];
  const offered = [{ requirement: 'KK', documentId: 'd1' }];

  it('accepts a document that one step’s requirement of its kind takes', () => {
    expect(bundleRequirementProblems(steps, offered, [{ ...png, size: 500_000 }])).toEqual([]);
  });

  it('refuses one that none takes, and a kind no step asks for', () => {
    expect(bundleRequirementProblems(steps, offered, [{ ...png, size: 2_000_000 }])).toEqual([
      {
        field: 'documents[0].documentId',
        code: 'document_too_large_for_requirement',
        params: { requirement: 'KK', limit: 1_000_000 },
      },
    ]);
    expect(
      bundleRequirementProblems(steps, [{ requirement: 'AKTA', documentId: 'd1' }], []),
    ).toEqual([
      {
        field: 'documents[0].requirement',
        code: 'unknown_requirement',
        params: { requirement: 'AKTA' },
      },
    ]);
  });
});
