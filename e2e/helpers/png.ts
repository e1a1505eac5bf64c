// A tiny PNG encoder for upload tests: real, decodable images without fixture files.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * An RGB PNG of `width` × `height` pixels, with a diagonal gradient over `base` so the image is
 * not a single flat colour (some decoders and re-encoders treat those specially).
 */
export function makePng(width = 64, height = 64, base: [number, number, number] = [11, 110, 95]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour (RGB)
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter type: none
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      const shade = Math.floor(((x + y) / (width + height)) * 120);
      raw[o] = (base[0] + shade) & 0xff;
      raw[o + 1] = (base[1] + shade) & 0xff;
      raw[o + 2] = (base[2] + shade) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG as a file for `locator.setInputFiles`. */
export function pngFile(name = 'image.png', width = 64, height = 64): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'image/png', buffer: makePng(width, height) };
}
