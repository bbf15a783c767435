// What a connectivity check may be pointed at: a host name or an IP address,
// nothing else. The value goes into a command's argv (never a shell), but it must
// still never read as an option, a URL or a file.

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(text) || !text.includes(':')) return false;
  const parts = text.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4 = last.includes('.');
  if (v4 && !IPV4.test(last)) return false;
  const hex = v4 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hex.length + (v4 ? 2 : 0);
  return parts.length === 2 ? count < 8 : count === 8;
}

/** The kind of target, or null when `text` is neither a host name nor an address. */
export function targetKind(text: string): 'ipv4' | 'ipv6' | 'name' | null {
  if (IPV4.test(text)) return 'ipv4';
  if (isIpv6(text)) return 'ipv6';
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return null;
  const labels = name.split('.');
  // An all-digit dotted name is a mistyped address, not a host name.
  if (labels.every((l) => /^\d+$/.test(l))) return null;
  return labels.every((l) => LABEL.test(l)) ? 'name' : null;
}
