// Writing .ipk files as OpenWrt's scripts/ipkg-build does: a gzipped tar (not
// an ar archive; opkg reads both) of ./debian-binary, ./data.tar.gz and
// ./control.tar.gz, every tar sorted by name, owned 0:0, with one fixed
// mtime, so the same tree gives the same bytes. The package build
// (build/package.ts) and the device, which rebuilds the package it runs from
// opkg's records (ipk-repack.ts), use the same writer.
import { gzipSync } from 'node:zlib';

export type TarEntry = { name: string; mode: number; data?: Buffer };

// ---- a minimal ustar writer ------------------------------------------------

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(entry: TarEntry, mtime: number): Buffer {
  const block = Buffer.alloc(512);
  const isDir = entry.data === undefined;
  let name = entry.name;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    // ustar splits a long path at a slash: up to 155 bytes before it, 100 after.
    let cut = name.lastIndexOf('/', name.length - 2);
    while (cut > 0 && (Buffer.byteLength(name.slice(0, cut)) > 155 || Buffer.byteLength(name.slice(cut + 1)) > 100)) cut = name.lastIndexOf('/', cut - 1);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: path too long: ${entry.name}`);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  block.write(name, 0, 100, 'utf8');
  block.write(octal(entry.mode & 0o7777, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii'); // uid
  block.write(octal(0, 8), 116, 'ascii'); // gid
  block.write(octal(isDir ? 0 : entry.data!.length, 12), 124, 'ascii');
  block.write(octal(mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii'); // checksum counts as spaces while summing
  block.write(isDir ? '5' : '0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write('root', 265, 'ascii'); // uname
  block.write('root', 297, 'ascii'); // gname
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** A ustar archive of `entries` in the given order, padded like GNU tar to 10 KiB records. */
export function tar(entries: TarEntry[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry, mtime));
    if (entry.data) {
      parts.push(entry.data);
      const pad = (512 - (entry.data.length % 512)) % 512;
      if (pad) parts.push(Buffer.alloc(pad));
    }
  }
  parts.push(Buffer.alloc(1024));
  const body = Buffer.concat(parts);
  const record = 10240;
  return Buffer.concat([body, Buffer.alloc((record - (body.length % record)) % record)]);
}

/** gzip without a name or time in the header (as `gzip -n`), at the best level. */
export function gzip(data: Buffer): Buffer {
  return gzipSync(data, { level: 9 });
}

/** Path (no leading slash) -> entry; directories have no data. */
export type Tree = Map<string, TarEntry>;

/** Adds `path` and every directory above it, as directories (0755) where not there yet. */
export function addDirs(tree: Tree, path: string) {
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!tree.has(dir)) tree.set(dir, { name: dir, mode: 0o755 });
  }
}

/** Entries as GNU tar writes `tar -C root --sort=name .`: "./", then depth-first, names in byte order. */
export function sortedEntries(tree: Tree): TarEntry[] {
  const paths = [...tree.keys()].sort((a, b) => {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Buffer.compare(Buffer.from(x[i]!), Buffer.from(y[i]!));
    return x.length - y.length;
  });
  return [
    { name: './', mode: 0o755 },
    ...paths.map((p) => {
      const entry = tree.get(p)!;
      return { ...entry, name: entry.data ? `./${p}` : `./${p}/` };
    }),
  ];
}

/** The package's data tar: the tree as `tar -C root --sort=name .` writes it. */
export function dataTar(tree: Tree, mtime: number): Buffer {
  return tar(sortedEntries(tree), mtime);
}

/** The .ipk of a data tar and the control entries (`./control`, `./conffiles`, scripts), in name order. */
export function ipkBytes(data: Buffer, control: TarEntry[], mtime: number): Buffer {
  const controlTar = tar([{ name: './', mode: 0o755 }, ...[...control].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))], mtime);
  const outer = tar(
    [
      { name: './debian-binary', mode: 0o644, data: Buffer.from('2.0\n') },
      { name: './data.tar.gz', mode: 0o644, data: gzip(data) },
      { name: './control.tar.gz', mode: 0o644, data: gzip(controlTar) },
    ],
    mtime,
  );
  return gzip(outer);
}
