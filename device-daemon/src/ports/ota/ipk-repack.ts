// Rebuilds the .ipk of an installed package from what opkg keeps on flash, so
// that a rollback always has a package to go back to, the factory's own
// included (an image's packages come with no .ipk on the device). opkg keeps,
// in /usr/lib/opkg/info, every file of the package's control.tar.gz as
// "<pkg>.<file>" (control as it was shipped, conffiles, the maintainer
// scripts) and "<pkg>.list", the installed paths one a line (a tab and more
// after the path in some opkg versions), directories left out. The data
// files are read from where they are installed, with their modes.
// What cannot come back: a conffile's shipped text once the user changed it
// (the package then carries the user's text, which opkg keeps anyway), and a
// file changed on the device after the install.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { addDirs, dataTar, ipkBytes, type TarEntry, type Tree } from './tar-write.ts';

export const OPKG_INFO = 'usr/lib/opkg/info';

/** The .ipk of `name` as installed under `root` ("/" on the device), or an error naming what is missing. */
export async function repackInstalled(root: string, name: string): Promise<Buffer> {
  const infoDir = join(root, OPKG_INFO);
  const listFile = join(infoDir, `${name}.list`);
  const list = await readFile(listFile, 'utf8').catch(() => {
    throw new Error(`cannot rebuild ${name}: opkg has no file list of it (${listFile})`);
  });
  const controlFile = join(infoDir, `${name}.control`);
  const mtime = Math.floor((await stat(controlFile).catch(() => {
    throw new Error(`cannot rebuild ${name}: opkg has no control file of it (${controlFile})`);
  })).mtimeMs / 1000);

  const control: TarEntry[] = [];
  for (const file of (await readdir(infoDir)).sort()) {
    if (!file.startsWith(`${name}.`) || file === `${name}.list`) continue;
    const path = join(infoDir, file);
    control.push({ name: `./${file.slice(name.length + 1)}`, mode: (await stat(path)).mode & 0o7777, data: await readFile(path) });
  }

  const tree: Tree = new Map();
  for (const line of list.split('\n')) {
    const path = line.split('\t')[0]!.trim();
    if (!path) continue;
    const relative = path.replace(/^\/+/, '');
    const onDisk = join(root, relative);
    const info = await lstat(onDisk).catch(() => null);
    if (!info) throw new Error(`cannot rebuild ${name}: ${path} is missing`);
    if (!info.isFile()) throw new Error(`cannot rebuild ${name}: ${path} is not a regular file`);
    addDirs(tree, relative.split('/').slice(0, -1).join('/'));
    tree.set(relative, { name: relative, mode: info.mode & 0o7777, data: await readFile(onDisk) });
  }
  return ipkBytes(dataTar(tree, mtime), control, mtime);
}
