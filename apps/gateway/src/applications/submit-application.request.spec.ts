import { SubmitApplicationV1 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type SubmitApplicationRequest, toSubmitApplicationV1 } from './submit-application.request';

describe('toSubmitApplicationV1', () => {
  it('copies every field of a full body', () => {
    const body: SubmitApplicationRequest = {
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      channel: 'KIOSK',
    };
    expect(toSubmitApplicationV1(body)).toEqual(body);
  });

  it('leaves out the optional fields the body leaves out, so intake applies its defaults', () => {
    const message = toSubmitApplicationV1({
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
    });
    expect(message).toEqual({
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
    });
  });

  it('writes a message intake accepts on receipt', async () => {
    const message = toSubmitApplicationV1({
      serviceCode: 'DPMPTSP-NIB',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      channel: 'PORTAL',
    });
    const errors = await validate(plainToInstance(SubmitApplicationV1, message), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors).toEqual([]);
  });
});
