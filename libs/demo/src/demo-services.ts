import type {
  FormFieldV1,
  PublishServiceStandardV1,
  RequiredDocumentV1,
} from '@satupintu/contracts';

/** A demo service: its agency and the standard that agency publishes (version 1). */
export type DemoService = PublishServiceStandardV1 & { agencyCode: string };

const MiB = 1024 * 1024;

const scan = (
  kind: string,
  id: string,
  en: string,
  mandatory = true,
  maxBytes = 2 * MiB,
): RequiredDocumentV1 => ({
  kind,
  label: { id, en },
  allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes,
  mandatory,
});

const pdf = (kind: string, id: string, en: string, mandatory = true): RequiredDocumentV1 => ({
  kind,
  label: { id, en },
  allowedTypes: ['application/pdf'],
  maxBytes: 10 * MiB,
  mandatory,
});

const PHONE: FormFieldV1 = {
  name: 'phone',
  label: { id: 'Nomor telepon', en: 'Phone number' },
  type: 'phone',
  required: true,
};

const COMPLAINTS = {
  DPMPTSP: {
    id: 'Loket pengaduan Mal Pelayanan Publik lantai 1, SP4N-LAPOR! (lapor.go.id), atau e-mail pengaduan.dpmptsp@demo.satupintu.id',
    en: 'The complaints desk on the ground floor of the Public Service Mall, SP4N-LAPOR! (lapor.go.id), or pengaduan.dpmptsp@demo.satupintu.id',
  },
  DUKCAPIL: {
    id: 'Loket pengaduan Disdukcapil di Mal Pelayanan Publik, SP4N-LAPOR! (lapor.go.id), atau layanan pengaduan Dukcapil Kemendagri 1500537',
    en: 'The Disdukcapil complaints desk at the Public Service Mall, SP4N-LAPOR! (lapor.go.id), or the Ministry of Home Affairs civil registry line 1500537',
  },
  PUPR: {
    id: 'Loket pengaduan Dinas PUPR di Mal Pelayanan Publik, SP4N-LAPOR! (lapor.go.id), atau SIMBG (simbg.pu.go.id)',
    en: 'The PUPR complaints desk at the Public Service Mall, SP4N-LAPOR! (lapor.go.id), or SIMBG (simbg.pu.go.id)',
  },
  BPJSKES: {
    id: 'BPJS Kesehatan Care Center 165, aplikasi Mobile JKN, atau petugas BPJS SATU! di Mal Pelayanan Publik',
    en: 'BPJS Kesehatan Care Center 165, the Mobile JKN app, or the BPJS SATU! officer at the Public Service Mall',
  },
};

/** Dukcapil documents are free by law: UU 23/2006 as amended by UU 24/2013 (Pasal 79A). */
const CIVIL_REGISTRY_FEE = {
  amount: 0,
  assessed: false,
  legalBasis:
    'UU No. 23 Tahun 2006 jo. UU No. 24 Tahun 2013 tentang Administrasi Kependudukan, Pasal 79A: pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya',
};

/**
 * The demo mall's services with their standards (after PermenPANRB 15/2014). Real legal bases,
 * plausible time limits and fees; the complaint desks and addresses are made up. Each agency
 * deployment publishes its own with DEMO_SEED=true; intake loads them all so its catalog is
 * usable before the agencies have started. The codes of the first five are used by tests, the
 * bench and the chaos run: keep them.
 */
export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'DPMPTSP-NIB',
    agencyCode: 'DPMPTSP',
    active: true,
    names: {
      id: 'Pendaftaran Nomor Induk Berusaha (NIB) usaha mikro dan kecil',
      en: 'Business Identification Number (NIB) registration for micro and small businesses',
    },
    description: {
      id: 'Pendampingan pendaftaran NIB melalui OSS RBA bagi usaha mikro dan kecil berisiko rendah. NIB berlaku sebagai identitas berusaha sekaligus izin usaha, dan dapat disertai Sertifikat Standar/PB-UMKU bila kegiatan usaha memerlukannya.',
      en: 'Assisted NIB registration through OSS RBA for low-risk micro and small businesses. The NIB is the business identity and its licence, with a standard certificate or PB-UMKU where the activity needs one.',
    },
    categories: ['BUSINESS'],
    requirements: {
      fields: [
        {
          name: 'businessName',
          label: { id: 'Nama usaha', en: 'Business name' },
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          name: 'kbli',
          label: { id: 'Kode KBLI 2020', en: 'KBLI 2020 code' },
          type: 'kbli',
          required: true,
        },
        {
          name: 'businessScale',
          label: { id: 'Skala usaha', en: 'Business scale' },
          type: 'enum',
          required: true,
          options: ['MIKRO', 'KECIL'],
        },
        {
          name: 'capital',
          label: { id: 'Modal usaha (Rp)', en: 'Business capital (IDR)' },
          type: 'number',
          required: true,
          min: 0,
          max: 5_000_000_000,
        },
        {
          name: 'businessAddress',
          label: { id: 'Alamat tempat usaha', en: 'Business address' },
          type: 'text',
          required: true,
          maxLength: 500,
        },
        {
          name: 'npwp',
          label: { id: 'NPWP', en: 'Tax number (NPWP)' },
          type: 'npwp',
          required: false,
        },
        PHONE,
        { name: 'email', label: { id: 'E-mail', en: 'E-mail' }, type: 'email', required: true },
      ],
      documents: [
        scan('KTP_ELEKTRONIK', 'KTP-el pemilik usaha', "Owner's electronic ID card (KTP-el)"),
        scan(
          'SURAT_PERNYATAAN_UMK',
          'Surat pernyataan kesanggupan memenuhi standar usaha',
          'Statement of commitment to the business standards',
          false,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi data usaha dan mengunggah KTP-el.',
          en: 'The applicant fills in the business data and uploads the KTP-el.',
        },
        {
          id: 'Petugas memverifikasi data dan mendaftarkannya di OSS RBA.',
          en: 'An officer checks the data and registers it in OSS RBA.',
        },
        {
          id: 'NIB terbit dan dikirim ke pemohon.',
          en: 'The NIB is issued and sent to the applicant.',
        },
      ],
    },
    timeLimit: { value: 1, unit: 'WORKING_DAYS' },
    fee: {
      amount: 0,
      assessed: false,
      legalBasis:
        'PP No. 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko; Permeninvest/Kepala BKPM No. 4 Tahun 2021',
    },
    output: { id: 'Nomor Induk Berusaha (NIB)', en: 'Business Identification Number (NIB)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'PORTAL', 'KIOSK'],
    complaintChannel: COMPLAINTS.DPMPTSP,
  },
  {
    code: 'DPMPTSP-SIP',
    agencyCode: 'DPMPTSP',
    active: true,
    names: {
      id: 'Surat Izin Praktik (SIP) tenaga medis dan tenaga kesehatan',
      en: 'Practice licence (SIP) for medical and health workers',
    },
    description: {
      id: 'Izin praktik bagi dokter, dokter gigi, bidan, perawat dan tenaga kesehatan lain di satu tempat praktik, berdasarkan STR yang masih berlaku dan rekomendasi organisasi profesi.',
      en: 'A licence to practise at one place for doctors, dentists, midwives, nurses and other health workers, based on a valid registration (STR) and the professional body’s recommendation.',
    },
    categories: ['HEALTH', 'EMPLOYMENT'],
    requirements: {
      fields: [
        {
          name: 'profession',
          label: { id: 'Profesi', en: 'Profession' },
          type: 'enum',
          required: true,
          options: ['DOKTER', 'DOKTER_GIGI', 'BIDAN', 'PERAWAT', 'APOTEKER', 'FISIOTERAPIS'],
        },
        {
          name: 'strNumber',
          label: { id: 'Nomor STR', en: 'Registration (STR) number' },
          type: 'text',
          required: true,
          maxLength: 40,
        },
        {
          name: 'strValidUntil',
          label: { id: 'STR berlaku sampai', en: 'STR valid until' },
          type: 'date',
          required: false,
        },
        {
          name: 'practiceName',
          label: { id: 'Nama fasilitas/tempat praktik', en: 'Practice or facility name' },
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          name: 'practiceAddress',
          label: { id: 'Alamat tempat praktik', en: 'Practice address' },
          type: 'text',
          required: true,
          maxLength: 500,
        },
        {
          name: 'practiceSequence',
          label: { id: 'Tempat praktik ke-', en: 'Practice place number' },
          type: 'number',
          required: true,
          min: 1,
          max: 3,
        },
        PHONE,
      ],
      documents: [
        scan('KTP_ELEKTRONIK', 'KTP-el', 'Electronic ID card (KTP-el)'),
        pdf('STR', 'Surat Tanda Registrasi (STR)', 'Registration certificate (STR)'),
        pdf(
          'REKOMENDASI_PROFESI',
          'Rekomendasi organisasi profesi',
          "Professional body's recommendation",
        ),
        scan(
          'PAS_FOTO',
          'Pas foto 4×6 latar merah',
          'Passport photo 4×6, red background',
          true,
          1 * MiB,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi formulir dan mengunggah persyaratan.',
          en: 'The applicant fills in the form and uploads the requirements.',
        },
        {
          id: 'Petugas memverifikasi berkas; bila kurang, pemohon diminta melengkapi.',
          en: 'An officer checks the file and asks for what is missing.',
        },
        {
          id: 'Tim teknis Dinas Kesehatan memeriksa tempat praktik bila diperlukan.',
          en: 'The health office’s technical team inspects the practice where needed.',
        },
        {
          id: 'Kepala DPMPTSP menandatangani SIP secara elektronik.',
          en: 'The head of DPMPTSP signs the SIP electronically.',
        },
      ],
    },
    timeLimit: { value: 10, unit: 'WORKING_DAYS' },
    fee: {
      amount: 0,
      assessed: false,
      legalBasis:
        'UU No. 17 Tahun 2023 tentang Kesehatan; PP No. 28 Tahun 2024; Perda tentang Pajak Daerah dan Retribusi Daerah (tidak ada retribusi izin praktik)',
    },
    output: { id: 'Surat Izin Praktik (SIP)', en: 'Practice licence (SIP)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'PORTAL'],
    complaintChannel: COMPLAINTS.DPMPTSP,
  },
  {
    code: 'DUKCAPIL-KK',
    agencyCode: 'DUKCAPIL',
    active: true,
    names: {
      id: 'Penerbitan Kartu Keluarga (KK) karena perubahan data',
      en: 'Family card (KK) issued after a change in the family',
    },
    description: {
      id: 'Penerbitan KK baru karena penambahan atau pengurangan anggota keluarga, perubahan data, atau KK hilang/rusak. KK diterbitkan dengan tanda tangan elektronik dan dapat dicetak sendiri.',
      en: 'A new family card after a member joins or leaves, data changes, or the card is lost or damaged. It is signed electronically and can be printed at home.',
    },
    categories: ['FAMILY', 'IDENTITY'],
    requirements: {
      fields: [
        {
          name: 'reason',
          label: { id: 'Alasan penerbitan', en: 'Reason' },
          type: 'enum',
          required: true,
          options: [
            'TAMBAH_ANGGOTA',
            'KURANG_ANGGOTA',
            'PERUBAHAN_DATA',
            'HILANG_RUSAK',
            'PISAH_KK',
          ],
        },
        {
          name: 'familyCardNumber',
          label: { id: 'Nomor KK lama', en: 'Current family card number' },
          type: 'text',
          required: false,
          maxLength: 16,
        },
        {
          name: 'memberNik',
          label: { id: 'NIK anggota yang berubah', en: 'NIK of the member concerned' },
          type: 'nik',
          required: false,
        },
        PHONE,
      ],
      documents: [
        scan('KK_LAMA', 'Kartu Keluarga lama', 'Current family card', false),
        scan(
          'SURAT_PENGANTAR_RT_RW',
          'Surat pengantar RT/RW',
          'Cover letter from the neighbourhood (RT/RW)',
          false,
        ),
        scan('F1_02', 'Formulir F-1.02 yang ditandatangani', 'Signed form F-1.02'),
        pdf(
          'AKTA_KELAHIRAN',
          'Akta kelahiran anggota keluarga yang ditambahkan (bayi baru lahir)',
          'Birth certificate of the member being added (a newborn)',
          false,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi formulir F-1.02 dan mengunggah persyaratan.',
          en: 'The applicant fills in form F-1.02 and uploads the requirements.',
        },
        {
          id: 'Petugas memverifikasi dan memvalidasi data di SIAK.',
          en: 'An officer verifies and validates the data in SIAK.',
        },
        {
          id: 'KK ditandatangani secara elektronik dan dikirim ke pemohon.',
          en: 'The card is signed electronically and sent to the applicant.',
        },
      ],
    },
    timeLimit: { value: 1, unit: 'WORKING_DAYS' },
    fee: CIVIL_REGISTRY_FEE,
    output: { id: 'Kartu Keluarga (KK)', en: 'Family card (Kartu Keluarga)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'KIOSK', 'CALL_CENTER', 'PORTAL'],
    complaintChannel: COMPLAINTS.DUKCAPIL,
  },
  {
    code: 'DUKCAPIL-AKTA-LAHIR',
    agencyCode: 'DUKCAPIL',
    active: true,
    names: { id: 'Penerbitan Akta Kelahiran', en: 'Birth certificate' },
    description: {
      id: 'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran bagi anak yang lahir di wilayah kabupaten, dilaporkan oleh orang tua paling lambat 60 hari sejak kelahiran.',
      en: 'Registration of a birth in the regency and the birth certificate, reported by a parent within 60 days of the birth.',
    },
    categories: ['BIRTH', 'FAMILY', 'IDENTITY'],
    requirements: {
      fields: [
        {
          name: 'childName',
          label: { id: 'Nama anak', en: "Child's name" },
          type: 'text',
          required: true,
          maxLength: 100,
        },
        {
          name: 'childSex',
          label: { id: 'Jenis kelamin anak', en: "Child's sex" },
          type: 'enum',
          required: true,
          options: ['LAKI_LAKI', 'PEREMPUAN'],
        },
        {
          name: 'birthDate',
          label: { id: 'Tanggal lahir', en: 'Date of birth' },
          type: 'date',
          required: true,
        },
        {
          name: 'birthPlace',
          label: { id: 'Tempat lahir', en: 'Place of birth' },
          type: 'text',
          required: true,
          maxLength: 100,
        },
        {
          name: 'birthWeightGrams',
          label: { id: 'Berat lahir (gram)', en: 'Birth weight (grams)' },
          type: 'number',
          required: false,
          min: 300,
          max: 7000,
        },
        {
          name: 'motherNik',
          label: { id: 'NIK ibu', en: "Mother's NIK" },
          type: 'nik',
          required: true,
        },
        {
          name: 'fatherNik',
          label: { id: 'NIK ayah', en: "Father's NIK" },
          type: 'nik',
          required: false,
        },
        {
          name: 'marriageRecorded',
          label: { id: 'Perkawinan orang tua tercatat', en: "Parents' marriage is registered" },
          type: 'boolean',
          required: true,
        },
      ],
      documents: [
        scan(
          'SURAT_KETERANGAN_LAHIR',
          'Surat keterangan lahir dari rumah sakit, puskesmas atau bidan',
          'Birth notice from the hospital, clinic or midwife',
        ),
        scan('KK', 'Kartu Keluarga orang tua', "Parents' family card"),
        scan(
          'BUKU_NIKAH',
          'Buku nikah atau akta perkawinan orang tua',
          "Parents' marriage book or certificate",
          false,
        ),
        scan(
          'SPTJM',
          'Surat pernyataan tanggung jawab mutlak (SPTJM), bila tidak ada surat keterangan lahir',
          'Statement of absolute responsibility (SPTJM), if there is no birth notice',
          false,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Orang tua mengisi formulir F-2.01 dan mengunggah persyaratan.',
          en: 'A parent fills in form F-2.01 and uploads the requirements.',
        },
        {
          id: 'Petugas memverifikasi dan mencatat kelahiran di SIAK.',
          en: 'An officer verifies the birth and records it in SIAK.',
        },
        {
          id: 'Kutipan akta kelahiran ditandatangani secara elektronik; KK diperbarui dengan anak.',
          en: 'The certificate is signed electronically; the family card is updated with the child.',
        },
      ],
    },
    timeLimit: { value: 1, unit: 'WORKING_DAYS' },
    fee: CIVIL_REGISTRY_FEE,
    output: { id: 'Kutipan Akta Kelahiran', en: 'Birth certificate (Kutipan Akta Kelahiran)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'KIOSK', 'PORTAL'],
    complaintChannel: COMPLAINTS.DUKCAPIL,
  },
  {
    code: 'DUKCAPIL-KTP-EL',
    agencyCode: 'DUKCAPIL',
    active: true,
    names: { id: 'Penerbitan KTP elektronik (KTP-el)', en: 'Electronic ID card (KTP-el)' },
    description: {
      id: 'Pencetakan KTP-el untuk penduduk berumur 17 tahun atau sudah/pernah kawin yang sudah merekam data biometrik, atau penggantian KTP-el karena rusak, hilang atau perubahan data.',
      en: 'The electronic ID card for residents aged 17 or married who have had their biometrics recorded, or a replacement for a damaged or lost card or changed data.',
    },
    categories: ['IDENTITY'],
    requirements: {
      fields: [
        {
          name: 'reason',
          label: { id: 'Alasan penerbitan', en: 'Reason' },
          type: 'enum',
          required: true,
          options: ['BARU', 'RUSAK', 'HILANG', 'PERUBAHAN_DATA'],
        },
        {
          name: 'biometricsRecorded',
          label: { id: 'Sudah perekaman biometrik', en: 'Biometrics already recorded' },
          type: 'boolean',
          required: true,
        },
        PHONE,
      ],
      documents: [
        scan('KK', 'Kartu Keluarga', 'Family card'),
        scan(
          'SURAT_KEHILANGAN',
          'Surat keterangan kehilangan dari kepolisian (bila hilang)',
          'Police report of the loss (if lost)',
          false,
        ),
        scan(
          'KTP_RUSAK',
          'Foto KTP-el yang rusak (bila rusak)',
          'Photo of the damaged card (if damaged)',
          false,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengajukan permohonan; bila belum perekaman, datang ke loket untuk foto, sidik jari dan iris.',
          en: 'The applicant applies; without biometrics, they come to the counter for photo, fingerprints and iris.',
        },
        {
          id: 'Petugas memverifikasi data dan status perekaman.',
          en: 'An officer checks the data and the biometric record.',
        },
        {
          id: 'KTP-el dicetak dan diambil di loket Mal Pelayanan Publik.',
          en: 'The card is printed and collected at the Public Service Mall counter.',
        },
      ],
    },
    timeLimit: { value: 1, unit: 'WORKING_DAYS' },
    fee: CIVIL_REGISTRY_FEE,
    output: { id: 'KTP elektronik', en: 'Electronic ID card (KTP-el)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'KIOSK'],
    complaintChannel: COMPLAINTS.DUKCAPIL,
  },
  {
    code: 'PUPR-PBG',
    agencyCode: 'PUPR',
    active: true,
    names: { id: 'Persetujuan Bangunan Gedung (PBG)', en: 'Building approval (PBG)' },
    description: {
      id: 'Persetujuan untuk membangun baru, mengubah, memperluas, mengurangi atau merawat bangunan gedung sesuai standar teknis, melalui konsultasi dengan Tim Profesi Ahli (TPA) atau Tim Penilai Teknis (TPT). Menggantikan IMB.',
      en: 'Approval to build, alter, extend, reduce or maintain a building to the technical standards, after consultation with the expert panel (TPA) or technical assessors (TPT). It replaces the former IMB.',
    },
    categories: ['BUILDING', 'BUSINESS'],
    requirements: {
      fields: [
        {
          name: 'buildingFunction',
          label: { id: 'Fungsi bangunan', en: 'Building function' },
          type: 'enum',
          required: true,
          options: ['HUNIAN', 'USAHA', 'SOSIAL_BUDAYA', 'KEAGAMAAN', 'KHUSUS', 'CAMPURAN'],
        },
        {
          name: 'floorAreaM2',
          label: { id: 'Luas lantai bangunan (m²)', en: 'Floor area (m²)' },
          type: 'number',
          required: true,
          min: 1,
          max: 1_000_000,
        },
        {
          name: 'floors',
          label: { id: 'Jumlah lantai', en: 'Number of floors' },
          type: 'number',
          required: true,
          min: 1,
          max: 100,
        },
        {
          name: 'siteAddress',
          label: { id: 'Alamat lokasi bangunan', en: 'Building site address' },
          type: 'text',
          required: true,
          maxLength: 500,
        },
        {
          name: 'landCertificateNumber',
          label: { id: 'Nomor sertifikat tanah', en: 'Land title number' },
          type: 'text',
          required: true,
          maxLength: 60,
        },
        {
          name: 'nib',
          label: { id: 'NIB (untuk bangunan usaha)', en: 'NIB (for a business building)' },
          type: 'nib',
          required: false,
        },
        PHONE,
      ],
      documents: [
        scan('KTP_ELEKTRONIK', 'KTP-el pemohon', "Applicant's electronic ID card"),
        pdf(
          'SERTIFIKAT_TANAH',
          'Sertifikat tanah atau bukti penguasaan tanah',
          'Land title or proof of land rights',
        ),
        pdf('GAMBAR_ARSITEKTUR', 'Gambar arsitektur', 'Architectural drawings'),
        pdf(
          'GAMBAR_STRUKTUR',
          'Gambar dan perhitungan struktur',
          'Structural drawings and calculations',
        ),
        pdf(
          'KKPR',
          'Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)',
          'Spatial use conformity (KKPR)',
          false,
        ),
        pdf('NIB', 'NIB (untuk bangunan usaha)', 'NIB (for a business building)', false),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi data dan mengunggah dokumen rencana teknis.',
          en: 'The applicant fills in the data and uploads the technical plans.',
        },
        {
          id: 'Konsultasi perencanaan dengan TPA/TPT dan pemeriksaan dokumen.',
          en: 'Planning consultation with the TPA/TPT and document review.',
        },
        {
          id: 'Pernyataan pemenuhan standar teknis; penghitungan retribusi PBG.',
          en: 'Statement that the technical standards are met; the PBG levy is assessed.',
        },
        {
          id: 'Pemohon membayar retribusi; PBG diterbitkan.',
          en: 'The applicant pays the levy; the PBG is issued.',
        },
      ],
    },
    timeLimit: { value: 28, unit: 'WORKING_DAYS' },
    fee: {
      amount: 0,
      assessed: true,
      legalBasis:
        'PP No. 16 Tahun 2021 tentang Peraturan Pelaksanaan UU No. 28 Tahun 2002 tentang Bangunan Gedung; retribusi PBG menurut Perda Pajak Daerah dan Retribusi Daerah (UU No. 1 Tahun 2022), dihitung dari luas, indeks lokalitas dan fungsi bangunan',
    },
    output: { id: 'Persetujuan Bangunan Gedung (PBG)', en: 'Building approval (PBG)' },
    channels: ['WEB', 'COUNTER', 'PORTAL'],
    complaintChannel: COMPLAINTS.PUPR,
  },
  {
    code: 'PUPR-SLF',
    agencyCode: 'PUPR',
    active: true,
    names: { id: 'Sertifikat Laik Fungsi (SLF)', en: 'Certificate of building fitness (SLF)' },
    description: {
      id: 'Sertifikat bahwa bangunan gedung yang selesai dibangun sesuai PBG laik dimanfaatkan, setelah pemeriksaan kelaikan fungsi oleh penyedia jasa pengkaji teknis atau Dinas.',
      en: 'Certifies that a building completed under its PBG is fit for use, after a fitness inspection by a technical assessor or the office.',
    },
    categories: ['BUILDING'],
    requirements: {
      fields: [
        {
          name: 'pbgNumber',
          label: { id: 'Nomor PBG', en: 'PBG number' },
          type: 'text',
          required: true,
          maxLength: 60,
        },
        {
          name: 'completionDate',
          label: { id: 'Tanggal selesai pembangunan', en: 'Construction completed on' },
          type: 'date',
          required: true,
        },
        PHONE,
      ],
      documents: [
        pdf('PBG', 'Persetujuan Bangunan Gedung', 'Building approval (PBG)'),
        pdf(
          'LAPORAN_PEMERIKSAAN',
          'Laporan pemeriksaan kelaikan fungsi',
          'Fitness inspection report',
        ),
        pdf('GAMBAR_TERBANGUN', 'Gambar terbangun (as-built drawings)', 'As-built drawings'),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengunggah laporan pemeriksaan kelaikan fungsi.',
          en: 'The applicant uploads the fitness inspection report.',
        },
        {
          id: 'Dinas memeriksa dokumen dan, bila perlu, lokasi.',
          en: 'The office reviews the documents and, if needed, the site.',
        },
        {
          id: 'SLF dan nomor registrasinya diterbitkan.',
          en: 'The SLF and its registration number are issued.',
        },
      ],
    },
    timeLimit: { value: 3, unit: 'WORKING_DAYS' },
    fee: {
      amount: 0,
      assessed: false,
      legalBasis:
        'PP No. 16 Tahun 2021 tentang Peraturan Pelaksanaan UU No. 28 Tahun 2002 tentang Bangunan Gedung, Pasal 274–276 (SLF tidak dikenai retribusi)',
    },
    output: { id: 'Sertifikat Laik Fungsi (SLF)', en: 'Certificate of building fitness (SLF)' },
    channels: ['WEB', 'COUNTER', 'PORTAL'],
    complaintChannel: COMPLAINTS.PUPR,
  },
  {
    code: 'DPMPTSP-REKLAME',
    agencyCode: 'DPMPTSP',
    active: true,
    names: { id: 'Izin Penyelenggaraan Reklame', en: 'Outdoor advertising permit' },
    description: {
      id: 'Izin memasang reklame papan, billboard, videotron atau kain di wilayah kabupaten. Pajak reklame dibayar terpisah menurut ketetapan Bapenda.',
      en: 'A permit to put up a sign, billboard, video screen or banner in the regency. The advertising tax is paid separately, as assessed by the revenue office.',
    },
    categories: ['BUSINESS'],
    requirements: {
      fields: [
        {
          name: 'adType',
          label: { id: 'Jenis reklame', en: 'Kind of advertisement' },
          type: 'enum',
          required: true,
          options: ['PAPAN_BILLBOARD', 'VIDEOTRON', 'KAIN_SPANDUK', 'STIKER', 'BERJALAN'],
        },
        {
          name: 'areaM2',
          label: { id: 'Luas bidang reklame (m²)', en: 'Advertising area (m²)' },
          type: 'number',
          required: true,
          min: 0.1,
          max: 500,
        },
        {
          name: 'location',
          label: { id: 'Lokasi pemasangan', en: 'Location' },
          type: 'text',
          required: true,
          maxLength: 300,
        },
        {
          name: 'startDate',
          label: { id: 'Mulai tayang', en: 'Display from' },
          type: 'date',
          required: true,
        },
        {
          name: 'endDate',
          label: { id: 'Selesai tayang', en: 'Display until' },
          type: 'date',
          required: true,
        },
        {
          name: 'nib',
          label: { id: 'NIB penyelenggara', en: "Advertiser's NIB" },
          type: 'nib',
          required: false,
        },
      ],
      documents: [
        scan(
          'KTP_ELEKTRONIK',
          'KTP-el penanggung jawab',
          'Electronic ID card of the person responsible',
        ),
        scan('DESAIN_REKLAME', 'Desain dan ukuran reklame', 'Design and size of the advertisement'),
        scan('FOTO_LOKASI', 'Foto lokasi pemasangan', 'Photo of the location'),
        pdf(
          'IZIN_PEMILIK_LAHAN',
          'Persetujuan pemilik lahan/bangunan',
          "Land or building owner's consent",
          false,
        ),
        pdf('NIB', 'NIB penyelenggara reklame', "The advertiser's NIB", false),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi data reklame dan mengunggah persyaratan.',
          en: 'The applicant fills in the advertisement data and uploads the requirements.',
        },
        {
          id: 'Tim teknis meninjau lokasi dan kesesuaian dengan tata ruang.',
          en: 'The technical team reviews the location and its spatial conformity.',
        },
        {
          id: 'Izin terbit setelah ketetapan pajak reklame dibayar.',
          en: 'The permit is issued once the advertising tax is paid.',
        },
      ],
    },
    timeLimit: { value: 5, unit: 'WORKING_DAYS' },
    fee: {
      amount: 0,
      assessed: false,
      legalBasis:
        'UU No. 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah; izin tanpa retribusi, pajak reklame menurut Perda Pajak Daerah dan Retribusi Daerah',
    },
    output: { id: 'Izin Penyelenggaraan Reklame', en: 'Outdoor advertising permit' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'PORTAL'],
    complaintChannel: COMPLAINTS.DPMPTSP,
  },
  {
    code: 'BPJSKES-DAFTAR',
    agencyCode: 'BPJSKES',
    active: true,
    names: {
      id: 'Pendaftaran peserta JKN-KIS (BPJS Kesehatan) mandiri dan bayi baru lahir',
      en: 'National health insurance (JKN, BPJS Kesehatan) enrolment, self-paying members and newborns',
    },
    description: {
      id: 'Pendaftaran peserta Pekerja Bukan Penerima Upah (PBPU) beserta anggota keluarga dalam satu KK, termasuk bayi baru lahir. Kartu aktif 14 hari setelah pembayaran iuran pertama; bayi yang didaftarkan paling lambat 28 hari sejak lahir langsung dijamin.',
      en: 'Enrolment of self-employed (PBPU) members with their family on one family card, newborns included. The card is active 14 days after the first contribution; a newborn enrolled within 28 days of birth is covered at once.',
    },
    categories: ['HEALTH', 'BIRTH', 'FAMILY'],
    requirements: {
      fields: [
        {
          name: 'familyCardNumber',
          label: { id: 'Nomor KK', en: 'Family card number' },
          type: 'text',
          required: true,
          maxLength: 16,
        },
        {
          name: 'careClass',
          label: { id: 'Kelas rawat', en: 'Care class' },
          type: 'enum',
          required: true,
          options: ['KELAS_1', 'KELAS_2', 'KELAS_3'],
        },
        {
          name: 'primaryClinic',
          label: { id: 'Faskes tingkat pertama pilihan', en: 'Chosen primary care clinic' },
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          name: 'newbornBirthDate',
          label: {
            id: 'Tanggal lahir bayi (bila mendaftarkan bayi)',
            en: "Newborn's date of birth (when enrolling a newborn)",
          },
          type: 'date',
          required: false,
        },
        PHONE,
        { name: 'email', label: { id: 'E-mail', en: 'E-mail' }, type: 'email', required: false },
      ],
      documents: [
        scan('KK', 'Kartu Keluarga', 'Family card'),
        scan('KTP_ELEKTRONIK', 'KTP-el', 'Electronic ID card'),
        scan(
          'BUKU_TABUNGAN',
          'Halaman depan buku tabungan untuk autodebet iuran',
          'Front page of the savings book for direct debit',
        ),
        scan(
          'AKTA_LAHIR_BAYI',
          'Akta kelahiran atau surat keterangan lahir bayi',
          "Newborn's birth certificate or birth notice",
          false,
        ),
      ],
    },
    procedure: {
      steps: [
        {
          id: 'Pemohon mengisi data keluarga dan memilih kelas rawat serta faskes.',
          en: 'The applicant fills in the family data and chooses a care class and clinic.',
        },
        {
          id: 'Petugas BPJS memverifikasi data kependudukan.',
          en: 'A BPJS officer checks the civil registry data.',
        },
        {
          id: 'Nomor virtual account terbit; kartu aktif setelah iuran pertama dibayar.',
          en: 'A virtual account number is issued; the card is active once the first contribution is paid.',
        },
      ],
    },
    timeLimit: { value: 60, unit: 'MINUTES' },
    fee: {
      amount: 0,
      assessed: false,
      legalBasis:
        'Perpres No. 82 Tahun 2018 tentang Jaminan Kesehatan jo. Perpres No. 64 Tahun 2020 dan Perpres No. 59 Tahun 2024; pendaftaran tanpa biaya, iuran bulanan dibayar terpisah',
    },
    output: { id: 'Kartu peserta JKN-KIS (digital)', en: 'JKN-KIS membership card (digital)' },
    channels: ['WEB', 'MOBILE', 'COUNTER', 'PORTAL', 'KIOSK'],
    complaintChannel: COMPLAINTS.BPJSKES,
  },
];
