import { piaNibExample } from '@satupintu/testing';
import { businessOfNib } from './nib-business';
import { readReceiveNib } from './receive-nib';

/** The PIA's receiveNIB example with a business filled in. */
function nibWith(fill: Record<string, unknown> = {}) {
  const body = piaNibExample();
  Object.assign(body.dataNIB, {
    nib: '8120000110171',
    nama_perseroan: 'PT Maju Bersama',
    npwp_perseroan: '012345678901234',
    alamat_perseroan: 'Jl. Raya Tegar Beriman No. 1',
    perseroan_daerah_id: '3201010001',
    kode_pos_perseroan: '16911',
    ...fill,
  });
  Object.assign(body.dataNIB.penanggung_jwb[0], {
    jns_identitas_penanggung_jwb: '01',
    no_identitas_penanggung_jwb: '3201015506900003',
    nama_penanggung_jwb: 'Siti Rahmawati',
  });
  Object.assign(body.dataNIB.data_proyek[0], { id_proyek: 'R-1', kbli: '73100' });
  Object.assign(body.dataNIB.data_checklist[0], { id_izin: 'I-1', id_proyek: 'R-1' });
  return readReceiveNib(body);
}

describe("a NIB's business, as identity is to hold it", () => {
  it('takes the name, KBLI, NPWP, the address with its district and the owner by KTP', () => {
    expect(businessOfNib(nibWith())).toEqual({
      complete: true,
      request: {
        nib: '8120000110171',
        name: 'PT Maju Bersama',
        kbli: ['73100'],
        address: {
          line: 'Jl. Raya Tegar Beriman No. 1',
          districtCode: '32.01.01',
          postalCode: '16911',
        },
        npwp: '012345678901234',
        owner: { nik: '3201015506900003', name: 'Siti Rahmawati' },
      },
      digest: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
  });

  it('takes a region id of six digits (a district) as well as ten (a village)', () => {
    const business = businessOfNib(nibWith({ perseroan_daerah_id: '320101' }));
    expect(business.complete && business.request.address.districtCode).toBe('32.01.01');
  });

  it('has the same digest for the same business, and another when anything identity keeps differs', () => {
    const digest = businessOfNib(nibWith()).digest;
    expect(businessOfNib(nibWith({ no_va: '123' })).digest).toBe(digest);
    for (const fill of [
      { nama_perseroan: 'PT Maju Bersama Nusantara' },
      { alamat_perseroan: 'Jl. Lain 2' },
      { perseroan_daerah_id: '3201020001' },
      { npwp_perseroan: '' },
    ])
      expect(businessOfNib(nibWith(fill)).digest).not.toBe(digest);
  });

  it('names what OSS left empty that a business needs, instead of guessing', () => {
    const business = businessOfNib(nibWith({ nama_perseroan: '', perseroan_daerah_id: '' }));
    expect(business).toEqual({
      complete: false,
      missing: ['dataNIB.nama_perseroan', 'dataNIB.perseroan_daerah_id'],
      digest: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
  });

  it("refuses a region id that is no district's or village's", () => {
    expect(() => nibWith({ perseroan_daerah_id: '3201' })).toThrow('dataNIB.perseroan_daerah_id');
  });
});
