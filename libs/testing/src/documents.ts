import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** Files as their bytes tell: what an upload's type is decided by. */

/** A PDF of `size` bytes: the header, then noise. */
export function aPdf(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1').copy(bytes);
  return bytes;
}

/** A JPEG's first bytes (JFIF), then noise. */
export function aJpeg(size = 4096): Buffer {
  const bytes = randomBytes(size);
  Buffer.from('ffd8ffe000104a46494600', 'hex').copy(bytes);
  return bytes;
}

/** A real 1×1 PNG: signature, IHDR, IDAT, IEND, each chunk with its CRC. */
export function aPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a Linux (ELF) executable. */
export function anElfExecutable(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8192)]);
}

/** The start of a Windows (PE) executable: the MZ stub pointing at its PE header. */
export function aPeExecutable(): Buffer {
  const bytes = Buffer.alloc(8192);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}
