import type { OssInboundMethod, PiaReplyV1 } from '@satupintu/contracts';

/**
 * The PIA's replies: `{"respon<method>": {"status": "1"|"2", "keterangan": "…"}}` (status 1 is
 * TRUE, 2 FALSE), with the HTTP status of Lampiran 9 and its wording.
 */
export const PIA_TEXT = {
  saved: 'Berhasil menyimpan data',
  badParameter: 'Data Parameter Salah',
  unauthorized: 'User Akses Tidak Valid',
} as const;

export function replyKey(method: OssInboundMethod): string {
  return `respon${method}`;
}

export function piaOk(method: OssInboundMethod, keterangan: string = PIA_TEXT.saved): PiaReplyV1 {
  return { httpStatus: 200, body: { [replyKey(method)]: { status: '1', keterangan } } };
}

/** 400, naming the first field that could not be taken. */
export function piaBadParameter(method: OssInboundMethod, field: string): PiaReplyV1 {
  return {
    httpStatus: 400,
    body: { [replyKey(method)]: { status: '2', keterangan: `${PIA_TEXT.badParameter}: ${field}` } },
  };
}

export function piaUnauthorized(method: OssInboundMethod): PiaReplyV1 {
  return {
    httpStatus: 401,
    body: { [replyKey(method)]: { status: '2', keterangan: PIA_TEXT.unauthorized } },
  };
}
