import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AddressV1 } from '@satupintu/contracts';
import { IsDefined, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** An address in Indonesia: a line, its kecamatan (district) code and its postal code. */
export class AddressRequest {
  @ApiProperty({
    description: 'Street, number, RT/RW, village',
    minLength: 1,
    maxLength: 300,
    example: 'Jl. Sudirman No. 9, RT 02/RW 05',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  line: string;

  @ApiProperty({
    description: 'Kecamatan code `PP.KK.CC` (idn-area-data)',
    maxLength: 8,
    pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$',
    example: '32.01.01',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { context: { code: 'invalid' } })
  districtCode: string;

  @ApiPropertyOptional({ maxLength: 5, pattern: '^\\d{5}$', example: '16914' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { context: { code: 'invalid' } })
  postalCode?: string;
}

export function toAddressV1(address: AddressRequest): AddressV1 {
  return {
    line: address.line,
    districtCode: address.districtCode,
    ...(address.postalCode ? { postalCode: address.postalCode } : {}),
  };
}
