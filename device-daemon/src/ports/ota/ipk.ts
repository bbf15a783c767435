// Reads an .ipk (a gzipped tar of debian-binary, control.tar.gz and
// data.tar.gz, as ipkg-build and build/package.ts make it): its control
// fields, its conffiles and files, for the opkg stand-in and for checking a
// downloaded package names the version its release promised.
import { gunzipSync } from 'node:zlib';

export type TarFile = { name: string; mode: number; data: Buffer };

/** The regular files of a tar (ustar, as GNU tar and our writer make). */
export function untar(tar: Buffer): TarFile[] {
  const files: TarFile[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) => header.subarray(from, from + len).toString('latin1').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const mode = parseInt(field(100, 8).trim() || '0', 8) & 0o7777;
    if (type === '0' || type === '') files.push({ name: name.replace(/^\.\//, ''), mode, data: tar.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** `controlFiles`: every file of control.tar.gz (control, conffiles, scripts), as opkg copies them to its info directory. */
export type Ipk = { control: Record<string, string>; conffiles: string[]; scripts: Record<string, string>; controlFiles: TarFile[]; files: TarFile[] };

export function readIpk(bytes: Buffer): Ipk {
  let outer: TarFile[];
  try {
    outer = untar(gunzipSync(bytes));
  } catch {
    throw new Error('not an ipk (not a gzipped tar)');
  }
  const member = (name: string) => {
    const f = outer.find((x) => x.name === name);
    if (!f) throw new Error(`not an ipk (no ${name})`);
    return untar(gunzipSync(f.data));
  };
  const controlFiles = member('control.tar.gz');
  const text = (name: string) => controlFiles.find((f) => f.name === name)?.data.toString('utf8');
  const control: Record<string, string> = {};
  for (const line of (text('control') ?? '').split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m) control[m[1]!] = m[2]!;
  }
  if (!control.Package || !control.Version) throw new Error('not an ipk (no Package or Version in control)');
  const scripts: Record<string, string> = {};
  for (const name of ['preinst', 'postinst', 'prerm', 'postrm']) {
    const s = text(name);
    if (s !== undefined) scripts[name] = s;
  }
  const conffiles = (text('conffiles') ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return { control, conffiles, scripts, controlFiles, files: member('data.tar.gz') };
}
