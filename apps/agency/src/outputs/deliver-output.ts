import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import { createHash } from 'node:crypto';

/**
 * What the move to ISSUED leaves for the delivery job (ADR 0021): the status change as it will
 * be published, and the id its PDF gets in the documents store. The id is drawn once, when the
 * move commits, and kept in the job: every attempt writes the same object, and intake registers
 * the one the published event names.
 */
export interface OutputDelivery {
  change: ApplicationStatusChangedV1 & { output: { number: string } };
  documentId: string;
}

/**
 * The ISSUED change as published once the PDF is in the store: the output with its document
 * (id, size, SHA-256 of the very bytes stored), nothing of the holder.
 */
export function deliveredChange(
  delivery: OutputDelivery,
  pdf: Uint8Array,
): ApplicationStatusChangedV1 {
  const { change, documentId } = delivery;
  return {
    ...change,
    output: {
      number: change.output.number,
      documentId,
      size: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    },
  };
}
