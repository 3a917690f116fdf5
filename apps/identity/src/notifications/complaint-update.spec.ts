import { complaintUpdateText } from './complaint-update';

describe('complaintUpdateText', () => {
  it('tells the reporter of the answer and of the one dispute they have, in their language', () => {
    expect(complaintUpdateText('ANSWERED', 'ADUK7M39QX2C', 'id')).toEqual({
      subject: 'Pengaduan ADUK7M39QX2C',
      text: 'Pengaduan ADUK7M39QX2C sudah dijawab. Lihat jawabannya; Anda dapat menyanggahnya satu kali dalam 10 hari kerja.',
    });
    expect(complaintUpdateText('ROUTED', 'ADUK7M39QX2C', 'en').text).toBe(
      'Complaint ADUK7M39QX2C has been verified and passed to the agency responsible.',
    );
  });
});
