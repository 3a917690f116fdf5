import { IsIn, IsInt, IsISO8601, IsString, Matches, Max, Min } from 'class-validator';

/**
 * A fee the applicant is asked to pay: the payment code to pay against at a bank, the amount in
 * whole rupiah, and until when the code is honoured. Not personal data: it names no one.
 */
export class PaymentDueV1 {
  @IsString()
  @Matches(/^\d{18}$/)
  code: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  amount: number;

  @IsIn(['IDR'])
  currency: 'IDR';

  @IsISO8601()
  expiresAt: string;
}
