import { SubmitApplicationV2 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type SubmitApplicationRequest, toSubmitApplicationV2 } from './submit-application.request';

describe('toSubmitApplicationV2', () => {
  it('copies every field of a full body', () => {
    const body: SubmitApplicationRequest = {
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      businessId: '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40',
      channel: 'KIOSK',
    };
    expect(toSubmitApplicationV2(body)).toEqual(body);
  });

  it('leaves out the optional fields the body leaves out, so intake applies its defaults', () => {
    expect(toSubmitApplicationV2({ serviceCode: 'DUKCAPIL-KK' })).toEqual({
      serviceCode: 'DUKCAPIL-KK',
    });
    expect(
      toSubmitApplicationV2({
        serviceCode: 'DUKCAPIL-KK',
        applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
      }),
    ).toEqual({
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
    });
  });

  it('writes a message intake accepts on receipt', async () => {
    const message = toSubmitApplicationV2({
      serviceCode: 'DPMPTSP-NIB',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      businessId: '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40',
      channel: 'PORTAL',
    });
    const errors = await validate(plainToInstance(SubmitApplicationV2, message), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors).toEqual([]);
  });
});
