import { DomainError } from '@satupintu/common';
import type {
  AddressV1,
  BusinessMemberV1,
  BusinessProfileChangedV1,
  BusinessV1,
  RegisterBusinessV1,
  UpdateBusinessV1,
  UpsertBusinessFromOssV1,
} from '@satupintu/contracts';

/** A business as identity keeps it, with who acts for it. */
export interface BusinessRecord {
  id: string;
  nib: string;
  name: string;
  kbli: string[];
  address: AddressV1;
  npwp?: string;
  members: BusinessMemberV1[];
  version: number;
}

const cleanAddress = (address: AddressV1): AddressV1 => ({
  line: address.line.trim(),
  districtCode: address.districtCode,
  ...(address.postalCode ? { postalCode: address.postalCode } : {}),
});

/** Each KBLI code once, in the order given. */
const distinct = (codes: string[]) => [...new Set(codes)];

/** A new business, its registering applicant its owner. Pure. */
export function newBusiness(
  input: RegisterBusinessV1,
  id: string,
  ownerId: string,
): BusinessRecord {
  const name = input.name.trim();
  if (!name) throw DomainError.validation([{ field: 'name', code: 'required' }]);
  return {
    id,
    nib: input.nib,
    name,
    kbli: distinct(input.kbli),
    address: cleanAddress(input.address),
    ...(input.npwp ? { npwp: input.npwp } : {}),
    members: [{ applicantId: ownerId, role: 'OWNER' }],
    version: 1,
  };
}

export function roleIn(
  business: BusinessRecord,
  applicantId: string,
): BusinessMemberV1['role'] | undefined {
  return business.members.find((member) => member.applicantId === applicantId)?.role;
}

/**
 * Only the owner changes a business or names who acts for it. A representative is refused
 * (403: they know it exists); anyone else hears it does not exist (404). Pure.
 */
export function requireOwner(
  business: BusinessRecord | undefined,
  applicantId: string,
  id: string,
) {
  const role = business && roleIn(business, applicantId);
  if (!business || !role) throw new DomainError('business_not_found', 404, [], { businessId: id });
  if (role !== 'OWNER') throw new DomainError('forbidden', 403, [], { resource: `business ${id}` });
  return business;
}

/** The business after its owner's change; unchanged values make no new version. Pure. */
export function changeBusiness(
  current: BusinessRecord,
  patch: UpdateBusinessV1,
): { next: BusinessRecord; changed: boolean } {
  const { name, kbli, address, npwp } = patch;
  if (name === undefined && kbli === undefined && address === undefined && npwp === undefined)
    throw DomainError.validation([{ field: '(body)', code: 'nothing_to_change' }]);
  // The stored address in one key order (jsonb keeps its own), so an equal one is no change.
  const base: BusinessRecord = { ...current, address: cleanAddress(current.address) };
  const next: BusinessRecord = { ...base };
  if (name !== undefined) {
    if (!name.trim()) throw DomainError.validation([{ field: 'name', code: 'required' }]);
    next.name = name.trim();
  }
  if (kbli !== undefined) next.kbli = distinct(kbli);
  if (address !== undefined) next.address = cleanAddress(address);
  if (npwp !== undefined) next.npwp = npwp;
  const changed = JSON.stringify(next) !== JSON.stringify(base);
  if (!changed) return { next: current, changed };
  next.version = current.version + 1;
  return { next, changed };
}

/** The business with one more representative: a new version. Pure. */
export function addRepresentative(current: BusinessRecord, applicantId: string): BusinessRecord {
  if (roleIn(current, applicantId))
    throw DomainError.validation([{ field: 'nik', code: 'already_member' }], 422);
  return {
    ...current,
    members: [...current.members, { applicantId, role: 'REPRESENTATIVE' }],
    version: current.version + 1,
  };
}

/** What intake and the agencies receive: the business and who may act for it. Pure. */
export function businessProfileEvent(
  business: BusinessRecord,
  changedAt: Date,
): BusinessProfileChangedV1 {
  return {
    businessId: business.id,
    version: business.version,
    nib: business.nib,
    name: business.name,
    kbli: business.kbli,
    address: business.address,
    ...(business.npwp ? { npwp: business.npwp } : {}),
    members: business.members.map(({ applicantId, role }) => ({ applicantId, role })),
    changedAt: changedAt.toISOString(),
  };
}

/** The business as one of its members sees it. Pure. */
export function memberView(business: BusinessRecord, applicantId: string): BusinessV1 {
  return {
    businessId: business.id,
    nib: business.nib,
    name: business.name,
    kbli: business.kbli,
    address: business.address,
    ...(business.npwp ? { npwp: business.npwp } : {}),
    role: roleIn(business, applicantId) ?? 'REPRESENTATIVE',
    members: business.members,
    version: business.version,
  };
}

/**
 * A business as OSS describes it (receiveNIB), before anyone acts for it: its owner is added
 * once they have an account. Pure.
 */
export function businessFromOss(input: UpsertBusinessFromOssV1, id: string): BusinessRecord {
  const { owner: _owner, ...business } = input;
  return { ...newBusiness(business, id, ''), members: [] };
}

/**
 * The business after OSS's description of it, and OSS's owner as a member when they have an
 * account (`ownerId`): only what differs changes, and only a change makes a new version. OSS
 * adds an owner; it removes nobody (the business's members are its owner's to manage). Pure.
 */
export function changeBusinessFromOss(
  current: BusinessRecord,
  input: UpsertBusinessFromOssV1,
  ownerId: string | undefined,
): { next: BusinessRecord; changed: boolean } {
  const { next, changed } = changeBusiness(current, {
    businessId: current.id,
    name: input.name,
    kbli: input.kbli,
    address: input.address,
    ...(input.npwp ? { npwp: input.npwp } : {}),
  });
  if (!ownerId || roleIn(next, ownerId) === 'OWNER') return { next, changed };
  const members = next.members.filter((member) => member.applicantId !== ownerId);
  return {
    next: {
      ...next,
      members: [...members, { applicantId: ownerId, role: 'OWNER' }],
      version: current.version + 1,
    },
    changed: true,
  };
}
