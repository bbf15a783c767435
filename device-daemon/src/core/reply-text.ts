// An operator's reply as text a person can read, or null when it cannot be
// read. Two failures are common on modems: the reply arrives as the hex of its
// UCS-2 code units (the modem's character set was UCS2 and nothing decoded it),
// which decodes; or UCS-2 bytes were taken as the GSM 7-bit alphabet, which
// gives '@' for every zero byte and Greek capitals and accented letters among
// Latin ones: that text is lost, and shown as unreadable rather than read for figures.

const HEX_UCS2 = /^(?:[0-9A-Fa-f]{4}){2,}$/;
/** Characters the GSM 7-bit alphabet puts where UCS-2's zero and high bytes fall. */
const GSM_NOISE = /[@ΔΦΓΛΩΠΨΣΘΞ¤¥§¿¡ÄÖÑÜäöñüàèéùìòÇØøÅåÆæßÉ\u001b]/gu;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;

/** Decoded hex UCS-2 when the reply is that, else the reply itself; null when it is mojibake. */
export function replyText(raw: string): string | null {
  const trimmed = raw.trim();
  let text = raw;
  if (HEX_UCS2.test(trimmed)) {
    const units = trimmed.match(/.{4}/g)!.map((h) => parseInt(h, 16));
    const decoded = String.fromCharCode(...units);
    if (!CONTROL.test(decoded.replace(/[\n\r\t]/g, ''))) text = decoded;
  }
  if (CONTROL.test(text.replace(/[\n\r\t]/g, ''))) return null;
  const visible = text.replace(/\s/g, '');
  const noise = visible.match(GSM_NOISE)?.length ?? 0;
  // Real replies hold an '@' or an accented letter now and then, never a quarter of their characters.
  return visible.length > 0 && noise / visible.length >= 0.25 ? null : text;
}
