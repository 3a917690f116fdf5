import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import {
  checkFiguresRange,
  figuresReport,
  requireFiguresReader,
  type FiguresRow,
} from './floor-figures';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'officer-1',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).status;
  }
  return 'allowed';
};

const row = (grouping: FiguresRow['grouping'], extra: Partial<FiguresRow> = {}): FiguresRow => ({
  agencyCode: null,
  serviceCode: null,
  hour: null,
  grouping,
  tickets: 4,
  called: 3,
  served: 2,
  noShows: 1,
  meanWaitSeconds: '300.5',
  medianWaitSeconds: 240,
  p90WaitSeconds: 480,
  meanServiceSeconds: null,
  medianServiceSeconds: null,
  p90ServiceSeconds: null,
  ...extra,
});

describe('the floor figures', () => {
  it('are the whole mall’s to a mall admin, an agency’s to its admin only', () => {
    const mall = officer(['MALL_ADMIN']);
    const admin = officer(['AGENCY_ADMIN'], 'DUKCAPIL');
    expect(refusal(() => requireFiguresReader(mall, undefined))).toBe('allowed');
    expect(refusal(() => requireFiguresReader(mall, 'PUPR'))).toBe('allowed');
    expect(refusal(() => requireFiguresReader(admin, 'DUKCAPIL'))).toBe('allowed');
    expect(refusal(() => requireFiguresReader(admin, undefined))).toBe(403);
    expect(refusal(() => requireFiguresReader(admin, 'PUPR'))).toBe(403);
    expect(
      refusal(() => requireFiguresReader(officer(['FRONT_DESK'], 'DUKCAPIL'), 'DUKCAPIL')),
    ).toBe(403);
    expect(
      refusal(() => requireFiguresReader({ kind: 'anonymous', roles: [], scopes: [] }, undefined)),
    ).toBe(401);
    expect(
      refusal(() =>
        requireFiguresReader(
          { kind: 'client', clientId: 'kiosk-1', roles: [], scopes: ['agency:DUKCAPIL:work'] },
          'DUKCAPIL',
        ),
      ),
    ).toBe(403);
  });

  it('span one day to a year and a day', () => {
    expect(() => checkFiguresRange({ from: '2026-03-02', to: '2026-03-03' })).not.toThrow();
    expect(() => checkFiguresRange({ from: '2026-01-01', to: '2027-01-03' })).not.toThrow();
    expect(() => checkFiguresRange({ from: '2026-03-02', to: '2026-03-02' })).toThrow(DomainError);
    expect(() => checkFiguresRange({ from: '2026-01-01', to: '2027-01-04' })).toThrow(DomainError);
    expect(() => checkFiguresRange({ from: '2026-02-30', to: '2026-03-04' })).toThrow(DomainError);
  });

  it('report each grouping set, rates of the finished, nothing counted as null', () => {
    const report = figuresReport({ from: '2026-03-02', to: '2026-03-03' }, [
      row('agency', { agencyCode: 'DUKCAPIL' }),
      row('hour', { agencyCode: 'DUKCAPIL', hour: 8 }),
      row('service', { agencyCode: 'DUKCAPIL', serviceCode: 'DUKCAPIL-KTP' }),
      row('total', { served: 0, noShows: 0, meanWaitSeconds: null, medianWaitSeconds: null }),
    ]);
    expect(report.total).toMatchObject({ noShowRate: null, meanWaitSeconds: null });
    expect(report.agencies).toEqual([
      expect.objectContaining({
        agencyCode: 'DUKCAPIL',
        noShowRate: 1 / 3,
        meanWaitSeconds: 300.5,
      }),
    ]);
    expect(report.services).toEqual([
      expect.objectContaining({ serviceCode: 'DUKCAPIL-KTP', medianWaitSeconds: 240 }),
    ]);
    expect(report.hours).toEqual([expect.objectContaining({ hour: 8, p90WaitSeconds: 480 })]);
    expect(report).not.toHaveProperty('agencyCode');
  });
});
