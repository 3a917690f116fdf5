import { PiaFieldError, isObject, objectAt, requiredTextAt } from './pia-fields';

/** A signed permit file OSS delivers (`receiveFileDS`): the permit, its NIB and the file's URL. */
export interface ReceivedFileDs {
  idIzin: string;
  nib: string;
  fileUrl: string;
}

/**
 * Reads a receiveFileDS body (PIA v4.3.22): `{"receiveFileDS": {"id_izin", "nib", "file_izin"}}`,
 * where `file_izin` is the file's URL ("URL File Izin"), not its bytes. The PIA gives `id_izin`
 * 3 characters here and 25 in receiveNIB; the longer is taken, since it names the same permit.
 */
export function readReceiveFileDs(body: unknown): ReceivedFileDs {
  if (!isObject(body)) throw new PiaFieldError('receiveFileDS');
  const data = objectAt(body, 'receiveFileDS', '');
  const at = 'receiveFileDS.';
  const idIzin = requiredTextAt(data, 'id_izin', at, {
    maxLength: 25,
    pattern: /^[A-Za-z0-9_.:-]+$/,
  });
  const nib = requiredTextAt(data, 'nib', at, { maxLength: 13, pattern: /^\d{13}$/ });
  const fileUrl = requiredTextAt(data, 'file_izin', at, { maxLength: 2048 });
  if (!isHttpUrl(fileUrl)) throw new PiaFieldError(`${at}file_izin`);
  return { idIzin, nib, fileUrl };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
