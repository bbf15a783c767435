// What a modem shows when it takes a UCS-2 reply for GSM 7-bit text (3GPP TS
// 23.038, the default alphabet): each octet as a character, or the octets
// unpacked as septets. Used to make the mojibake of real replies.

// The default alphabet, positions 0x00-0x7F (0x1B is the escape to the extension table).
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const ucs2 = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]);

/** Each UCS-2 octet read as one GSM 7-bit character. */
export const ucs2AsGsm7Unpacked = (text: string) => ucs2(text).map((o) => GSM7[o & 0x7f]).join('');

/** The UCS-2 octets unpacked as 7-bit septets (how a packed GSM-7 PDU is read). */
export function ucs2AsGsm7Packed(text: string): string {
  const octets = ucs2(text);
  let out = '';
  for (let bit = 0; bit + 7 <= octets.length * 8; bit += 7) {
    const i = bit >> 3;
    const word = (octets[i]! | ((octets[i + 1] ?? 0) << 8)) >> (bit & 7);
    out += GSM7[word & 0x7f];
  }
  return out;
}
