import type { ApiClientKind, Role } from '@satupintu/contracts';
import { DEMO_AGENCIES } from '@satupintu/demo';

/**
 * The demo mall's people and systems, with fixed credentials, loaded only into an empty
 * database and only when DEMO_SEED=true. `npm start` prints them and the README lists them:
 * they are public, so never load them where real people are served.
 *
 * The agencies are those of the demo catalog (`@satupintu/demo`), which intake and the agency
 * deployments load too.
 */
export const DEMO_ACCOUNTS = {
  agencies: DEMO_AGENCIES,
  /** The mall's own people (no agency). */
  mallOfficers: [
    { username: 'admin.mall', name: 'Admin Mal Pelayanan Publik', roles: ['MALL_ADMIN'] as Role[] },
    { username: 'analis.skm', name: 'Analis Survei Kepuasan', roles: ['SURVEY_ANALYST'] as Role[] },
  ],
  /** Every demo agency has one officer of each of these roles: `<agency>.<role>`. */
  agencyRoles: ['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN'] as Role[],
  /** One password for every demo officer. */
  officerPassword: 'Demo-SatuPintu-2026',
  citizens: [
    {
      nik: '3201014506900001',
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
      sex: 'F' as const,
      phone: '+6281200000001',
      email: 'siti@demo.satupintu.id',
      address: { line: 'Jl. Tegar Beriman No. 1', districtCode: '32.01.01', postalCode: '16914' },
      password: 'kopi-pagi-di-cibinong',
    },
    {
      nik: '3201011203850002',
      name: 'Budi Santoso',
      birthDate: '1985-03-12',
      sex: 'M' as const,
      phone: '+6281200000002',
      email: 'budi@demo.satupintu.id',
      address: { line: 'Jl. Mayor Oking No. 12', districtCode: '32.01.01', postalCode: '16911' },
      password: 'teh-manis-di-bogor',
    },
  ],
  /** Owned by the first citizen. */
  business: {
    nib: '9120000000001',
    name: 'Warung Makan Sejahtera',
    kbli: ['56101'],
    address: { line: 'Jl. Raya Cibinong No. 5', districtCode: '32.01.01', postalCode: '16914' },
    npwp: '012345678901234',
  },
  clients: [
    {
      clientId: 'demo-portal',
      name: 'Portal nasional (demo)',
      kind: 'PORTAL' as ApiClientKind,
      scopes: ['applications:submit', 'applications:read'],
      secret: 'sps_demo-portal-secret-not-for-production',
    },
    {
      clientId: 'demo-kiosk',
      name: 'Anjungan mandiri lobi (demo)',
      kind: 'KIOSK' as ApiClientKind,
      scopes: ['surveys:kiosk', 'queue:kiosk'],
      secret: 'sps_demo-kiosk-secret-not-for-production',
    },
  ],
} as const;

/** The username of a demo agency's officer of a role: `dukcapil.agency-admin`. */
export function demoOfficerUsername(agencyCode: string, role: Role): string {
  return `${agencyCode.toLowerCase()}.${role.toLowerCase().replace(/_/g, '-')}`;
}
