import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SERVICES } from '@satupintu/demo';
import { DEMO_PERMIT_MAP } from './demo-permit-map';
import { PermitMap, loadPermitMap } from './permit-map';

describe('the permit map', () => {
  const map = new PermitMap([
    { kdIzin: '059000000020', serviceCode: 'DPMPTSP-REKLAME' },
    { kdIzin: '059000000020', kbli: '73100', serviceCode: 'DPMPTSP-SIP' },
  ]);

  it('takes the entry of the code and KBLI before the entry of the code alone', () => {
    expect(map.serviceFor('059000000020', '73100')).toBe('DPMPTSP-SIP');
    expect(map.serviceFor('059000000020', '47111')).toBe('DPMPTSP-REKLAME');
    expect(map.serviceFor('059000000020', undefined)).toBe('DPMPTSP-REKLAME');
  });

  it('knows no service for an unknown code, or for none', () => {
    expect(map.serviceFor('999999999999', '73100')).toBeUndefined();
    expect(map.serviceFor(undefined, '73100')).toBeUndefined();
  });

  it('refuses a malformed entry and the same code and KBLI twice, naming the entry', () => {
    expect(() => new PermitMap([{ kdIzin: '', serviceCode: 'PUPR-PBG' }])).toThrow(/entry 0/);
    expect(() => new PermitMap([{ kdIzin: '1', kbli: '731', serviceCode: 'PUPR-PBG' }])).toThrow(
      /kbli/,
    );
    expect(
      () =>
        new PermitMap([
          { kdIzin: '1', serviceCode: 'PUPR-PBG' },
          { kdIzin: '1', serviceCode: 'PUPR-SLF' },
        ]),
    ).toThrow(/entry 1/);
  });

  it('maps the demo codes to services the demo catalog has', () => {
    const codes = new Set(DEMO_SERVICES.map((service) => service.code));
    for (const entry of DEMO_PERMIT_MAP) expect(codes).toContain(entry.serviceCode);
    expect(loadPermitMap('').serviceFor('032000000001', undefined)).toBe('PUPR-PBG');
  });

  it('reads OSS_PERMIT_MAP from a JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permit-map-'));
    const file = join(dir, 'map.json');
    writeFileSync(file, JSON.stringify([{ kdIzin: 'A1', serviceCode: 'DUKCAPIL-KK' }]));
    expect(loadPermitMap(file).serviceFor('A1', '10110')).toBe('DUKCAPIL-KK');
    writeFileSync(file, '{}');
    expect(() => loadPermitMap(file)).toThrow(/JSON array/);
  });
});
