// The boards a sysupgrade image is for, read from the metadata that OpenWrt's
// fwtool appends to it: blocks at the end of the image, each followed by a
// 16-byte big-endian trailer (magic "FWx0", crc32, type, 3 pad bytes, size of
// the whole block with its 8-byte header and the trailer). Type 1 holds the
// JSON metadata with `supported_devices`; type 0 is a signature, skipped.
// (Layout from fwtool's fwimage.h in OpenWrt's package/system/fwtool.)

const MAGIC = 0x46577830;

export type ImageMetadata = { supportedDevices: string[]; version: string | null };

export function imageMetadata(image: Uint8Array): ImageMetadata | null {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  let end = image.length;
  for (let i = 0; i < 4 && end >= 24; i++) {
    if (view.getUint32(end - 16) !== MAGIC) return null;
    const type = view.getUint8(end - 8);
    const size = view.getUint32(end - 4);
    if (size < 24 || size > end) return null;
    if (type === 1) {
      const json = new TextDecoder().decode(image.subarray(end - size + 8, end - 16));
      try {
        const meta = JSON.parse(json) as { supported_devices?: unknown; version?: { version?: unknown } };
        const devices = Array.isArray(meta.supported_devices) ? meta.supported_devices.filter((d): d is string => typeof d === 'string') : [];
        return { supportedDevices: devices, version: typeof meta.version?.version === 'string' ? meta.version.version : null };
      } catch {
        return null;
      }
    }
    end -= size;
  }
  return null;
}

/** Appends fwtool-style metadata to an image (for the simulator and tests). */
export function withMetadata(image: Uint8Array, meta: object): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const size = 8 + json.length + 16;
  const out = new Uint8Array(image.length + size);
  out.set(image);
  const view = new DataView(out.buffer);
  view.setUint32(image.length, 1); // header version
  out.set(json, image.length + 8);
  const t = out.length - 16;
  view.setUint32(t, MAGIC);
  view.setUint8(t + 8, 1);
  view.setUint32(t + 12, size);
  return out;
}
