import { SubmitApplicationV2 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toFieldErrors } from '@satupintu/common';
import { SubmitApplicationRequest, toSubmitApplicationV2 } from './submit-application.request';

describe('toSubmitApplicationV2', () => {
  it('copies every field of a full body', () => {
    const body: SubmitApplicationRequest = {
      serviceCode: 'DUKCAPIL-KK',
      applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
      businessId: '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40',
      channel: 'KIOSK',
      form: { childName: 'Putri', birthWeightGrams: 3100, marriageRecorded: true },
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

describe("an application's form", () => {
  const errorsOf = async (form: unknown) => {
    const body = plainToInstance(SubmitApplicationRequest, { serviceCode: 'DUKCAPIL-KK', form });
    const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    return toFieldErrors(errors);
  };
  const refused = [
    { field: 'form', code: 'form_shape', params: { maxKeys: 100, maxLength: 1000 } },
  ];

  it('takes named texts, numbers and booleans', async () => {
    expect(await errorsOf({ a: 'x'.repeat(1000), b: -12.5, c: false, d1: '' })).toEqual([]);
    expect(
      await errorsOf(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, i]))),
    ).toEqual([]);
  });

  it.each([
    ['a list', ['x']],
    ['a text', 'x'],
    ['null', null],
    ['a nested object', { a: { b: 1 } }],
    ['a list value', { a: [1] }],
    ['a null value', { a: null }],
    ['a text over 1000 characters', { a: 'x'.repeat(1001) }],
    ['a number beyond 10^15', { a: 1e16 }],
    ['101 fields', Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, i]))],
    ['a name that is not a field name', { 'Child Name': 'x' }],
    ['a name too long', { [`a${'b'.repeat(48)}`]: 'x' }],
  ])('refuses %s, naming the bounds', async (_label, form) => {
    expect(await errorsOf(form)).toEqual(refused);
  });
});
