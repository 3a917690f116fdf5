import {
  PIA_REQUEST_EXAMPLE,
  type PiaNibBody,
  piaExample,
  piaFileDsExample,
  piaNibExample,
} from '@satupintu/testing';
import { PiaFieldError } from './pia-fields';
import { readReceiveFileDs } from './receive-file-ds';
import { readReceiveNib } from './receive-nib';

/** The PIA's own example of a receiveNIB body, with values where it leaves them empty. */
function filledExample(): PiaNibBody {
  const body = piaNibExample();
  const data = body.dataNIB;
  data.nib = '8120000110171';
  data.nama_perseroan = 'PT Maju Bersama';
  Object.assign(data.penanggung_jwb[0], {
    jns_identitas_penanggung_jwb: '01',
    no_identitas_penanggung_jwb: '3201015506900003',
    nama_penanggung_jwb: 'Siti Rahmawati',
  });
  Object.assign(data.data_proyek[0], { id_proyek: 'R-1', kbli: '73100' });
  Object.assign(data.data_checklist[0], {
    id_izin: 'I-1',
    id_proyek: 'R-1',
    kd_izin: '059000000020',
  });
  return body;
}

function fieldOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof PiaFieldError) return error.field;
    throw error;
  }
  throw new Error('read');
}

describe('reading receiveNIB', () => {
  it("parses the PIA's example as published, and finds its NIB empty", () => {
    const text = piaExample('receiveNIB', PIA_REQUEST_EXAMPLE);
    expect(text.trimStart().startsWith('{')).toBe(true);
    expect(text).toContain('"tipe_dokumen ": ""');
    expect(fieldOf(() => readReceiveNib(JSON.parse(text)))).toBe('dataNIB.nib');
  });

  it('reads the NIB, the person responsible by KTP and each permit with its KBLI', () => {
    const nib = readReceiveNib(filledExample());
    expect(nib).toMatchObject({
      nib: '8120000110171',
      name: 'PT Maju Bersama',
      kbli: ['73100'],
      responsible: { nik: '3201015506900003', name: 'Siti Rahmawati' },
      permits: [{ idIzin: 'I-1', idProyek: 'R-1', kdIzin: '059000000020', kbli: '73100' }],
    });
    // Empty strings are "not given", not values.
    expect(nib.permits[0]).not.toHaveProperty('namaIzin');
    expect(nib.data).toHaveProperty(['tipe_dokumen ']);
  });

  it('names the first field it cannot take', () => {
    const wrongType = filledExample();
    wrongType.dataNIB.data_checklist[0].id_izin = 7;
    expect(fieldOf(() => readReceiveNib(wrongType))).toBe('dataNIB.data_checklist[0].id_izin');
    const noPermitId = filledExample();
    noPermitId.dataNIB.data_checklist[0].id_izin = '';
    expect(fieldOf(() => readReceiveNib(noPermitId))).toBe('dataNIB.data_checklist[0].id_izin');
    const twice = filledExample();
    twice.dataNIB.data_checklist.push({ ...twice.dataNIB.data_checklist[0] });
    expect(fieldOf(() => readReceiveNib(twice))).toBe('dataNIB.data_checklist[1].id_izin');
    const badNik = filledExample();
    badNik.dataNIB.penanggung_jwb[0].no_identitas_penanggung_jwb = '12345';
    expect(fieldOf(() => readReceiveNib(badNik))).toBe(
      'dataNIB.penanggung_jwb[0].no_identitas_penanggung_jwb',
    );
    const tooMany = filledExample();
    tooMany.dataNIB.data_checklist = Array.from({ length: 201 }, (_, i) => ({ id_izin: `I-${i}` }));
    expect(fieldOf(() => readReceiveNib(tooMany))).toBe('dataNIB.data_checklist');
    expect(fieldOf(() => readReceiveNib([]))).toBe('dataNIB');
    expect(fieldOf(() => readReceiveNib({ dataNIB: 'x' }))).toBe('dataNIB');
  });
});

describe('reading receiveFileDS', () => {
  it("finds the PIA's example empty, and takes a filled one", () => {
    const example = piaFileDsExample();
    expect(fieldOf(() => readReceiveFileDs(example))).toBe('receiveFileDS.id_izin');
    Object.assign(example.receiveFileDS, {
      id_izin: 'I-1',
      nib: '8120000110171',
      file_izin: 'https://oss.go.id/f/I-1.pdf',
    });
    expect(readReceiveFileDs(example)).toEqual({
      idIzin: 'I-1',
      nib: '8120000110171',
      fileUrl: 'https://oss.go.id/f/I-1.pdf',
    });
    example.receiveFileDS.file_izin = 'file:///etc/passwd';
    expect(fieldOf(() => readReceiveFileDs(example))).toBe('receiveFileDS.file_izin');
  });
});
