// npm run package: dist/modem-admin_<version>-<release>_all.ipk for OpenWrt 24.10,
// without the SDK. It reads openwrt/Makefile for the release, dependencies,
// conffiles and the install steps, so that the SDK and this script pack the
// same files, and builds what OpenWrt's scripts/ipkg-build builds: a gzipped
// tar (not an ar archive; opkg reads both) holding ./debian-binary,
// ./data.tar.gz and ./control.tar.gz, every tar sorted by name, owned 0:0,
// with one fixed mtime, so the same tree gives the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addDirs, dataTar as makeDataTar, ipkBytes, type TarEntry, type Tree } from '../device-daemon/src/ports/ota/tar-write.ts';

const repo = join(import.meta.dirname, '..');

export { gzip, tar, type TarEntry } from '../device-daemon/src/ports/ota/tar-write.ts';

// ---- openwrt/Makefile ---------------------------------------------------------

export type PackageSpec = {
  name: string;
  version: string;
  release: string;
  maintainer: string;
  license: string;
  section: string;
  depends: string[];
  description: string;
  conffiles: string[];
  install: string[];
};

function define(makefile: string, name: string): string {
  const match = new RegExp(`^define ${name.replace(/[/$()]/g, '\\$&')}\\n([\\s\\S]*?)^endef`, 'm').exec(makefile);
  if (!match) throw new Error(`openwrt/Makefile: no "define ${name}"`);
  return match[1]!;
}

function variable(text: string, name: string): string {
  const match = new RegExp(`^\\s*${name}:=(.*)$`, 'm').exec(text);
  if (!match) throw new Error(`openwrt/Makefile: no ${name}:=`);
  return match[1]!.trim();
}

export function readPackageSpec(makefile = readFileSync(join(repo, 'openwrt/Makefile'), 'utf8')): PackageSpec {
  const name = variable(makefile, 'PKG_NAME');
  const pkg = define(makefile, `Package/${name}`);
  return {
    name,
    version: variable(makefile, 'PKG_VERSION'),
    release: variable(makefile, 'PKG_RELEASE'),
    maintainer: variable(makefile, 'PKG_MAINTAINER'),
    license: variable(makefile, 'PKG_LICENSE'),
    section: variable(pkg, 'SECTION'),
    // The SDK adds libc to every package that is not a kernel module.
    depends: ['libc', ...variable(pkg, 'DEPENDS').split(/\s+/).map((d) => d.replace(/^\+/, ''))],
    description: define(makefile, `Package/${name}/description`).trimEnd(),
    conffiles: define(makefile, `Package/${name}/conffiles`).split('\n').map((l) => l.trim()).filter(Boolean),
    install: define(makefile, `Package/${name}/install`).split('\n').map((l) => l.trim()).filter(Boolean),
  };
}

// ---- staging: the install steps of the Makefile, run on a map ------------------

function addFile(tree: Tree, path: string, source: string, mode: number) {
  addDirs(tree, path.split('/').slice(0, -1).join('/'));
  tree.set(path, { name: path, mode, data: readFileSync(source) });
}

/** `$(CP) SRC/. DEST/`: the tree under SRC with its own modes (cp -p). */
function copyTree(tree: Tree, source: string, dest: string) {
  addDirs(tree, dest);
  for (const name of readdirSync(source).sort()) {
    const from = join(source, name);
    const to = `${dest}/${name}`;
    const stat = statSync(from);
    if (stat.isDirectory()) copyTree(tree, from, to);
    // Normalise to what the SDK's umask 022 gives: executable or not.
    else addFile(tree, to, from, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

const MODES: Record<string, number> = { INSTALL_BIN: 0o755, INSTALL_DATA: 0o644, INSTALL_CONF: 0o600 };

export function stage(spec: PackageSpec, dist = join(repo, 'dist')): Tree {
  const tree: Tree = new Map();
  const resolve = (arg: string) => {
    if (arg.startsWith('$(1)/')) return arg.slice('$(1)/'.length).replace(/\/$/, '');
    if (arg.startsWith('$(MODEM_ADMIN_DIST)/')) return join(dist, arg.slice('$(MODEM_ADMIN_DIST)/'.length));
    if (arg.startsWith('./')) return join(repo, 'openwrt', arg);
    throw new Error(`openwrt/Makefile install: cannot place "${arg}"`);
  };
  for (const line of spec.install) {
    const [command, ...args] = line.split(/\s+/);
    const verb = /^\$\((\w+)\)$/.exec(command!)?.[1];
    if (verb === 'INSTALL_DIR') for (const dir of args) addDirs(tree, resolve(dir));
    else if (verb && verb in MODES && args.length === 2) addFile(tree, resolve(args[1]!), resolve(args[0]!), MODES[verb]!);
    else if (verb === 'CP' && args.length === 2 && args[0]!.endsWith('/.')) copyTree(tree, resolve(args[0]!.slice(0, -2)), resolve(args[1]!));
    else throw new Error(`openwrt/Makefile install: cannot run "${line}"`);
  }
  // As package-ipkg.mk: conffiles the package does not ship go to keep.d, so
  // that sysupgrade keeps them; the others are the control file's conffiles.
  const notShipped = spec.conffiles.filter((f) => !tree.get(f.replace(/^\//, ''))?.data);
  if (notShipped.length > 0) {
    const keep = `lib/upgrade/keep.d/${spec.name}`;
    const before = tree.get(keep)?.data ?? Buffer.alloc(0);
    addDirs(tree, 'lib/upgrade/keep.d');
    tree.set(keep, { name: keep, mode: 0o644, data: Buffer.concat([before, Buffer.from(notShipped.map((f) => `${f}\n`).join(''))]) });
  }
  return tree;
}

// ---- control -----------------------------------------------------------------

// The SDK's own maintainer scripts (package-ipkg.mk): default_postinst runs our
// uci-defaults and enables and starts the init script when installing on a
// running device ($IPKG_INSTROOT empty), and only enables it in an image
// build; default_prerm stops and disables it before removal.
const POSTINST = '#!/bin/sh\n[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_postinst $0 $@\n';
const PRERM = '#!/bin/sh\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_prerm $0 $@\n';

export function controlText(spec: PackageSpec, installedSize: number): string {
  const fields: [string, string][] = [
    ['Package', spec.name],
    ['Version', `${spec.version}-${spec.release}`],
    ['Depends', spec.depends.join(', ')],
    // What the SDK writes: the package's directory under the buildroot, with
    // the feed added as "src-link modem".
    ['Source', `feeds/modem/${spec.name}`],
    ['License', spec.license],
    ['Section', spec.section],
    ['Maintainer', spec.maintainer],
    ['Architecture', 'all'],
    ['Installed-Size', String(installedSize)],
  ];
  const description = spec.description
    .split('\n')
    .map((line) => ` ${line.trim()}`)
    .join('\n');
  return `${fields.map(([k, v]) => `${k}: ${v}`).join('\n')}\nDescription: ${description}\n`;
}

export type BuiltPackage = { file: string; bytes: number; files: string[]; spec: PackageSpec };

function sourceDateEpoch(): number {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()) || 0;
  } catch {
    return 0;
  }
}

/** Builds the .ipk from dist/ into `outDir` (default dist/). */
export function buildIpk(options: { dist?: string; outDir?: string; mtime?: number } = {}): BuiltPackage {
  const dist = options.dist ?? join(repo, 'dist');
  if (!existsSync(join(dist, 'daemon.mjs'))) throw new Error(`${relative(repo, dist) || dist}/daemon.mjs is missing: run npm run build first`);
  const spec = readPackageSpec();
  const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
  if (packageJson.version !== spec.version) throw new Error(`openwrt/Makefile PKG_VERSION ${spec.version} differs from package.json ${packageJson.version}`);
  const mtime = options.mtime ?? sourceDateEpoch();

  const tree = stage(spec, dist);
  const dataTar = makeDataTar(tree, mtime);
  const shipped = new Set([...tree.values()].filter((e) => e.data).map((e) => `/${e.name}`));
  const conffiles = spec.conffiles.filter((f) => shipped.has(f)).sort();
  const control: TarEntry[] = [
    ...(conffiles.length ? [{ name: './conffiles', mode: 0o644, data: Buffer.from(conffiles.map((f) => `${f}\n`).join('')) }] : []),
    // ipkg-build: Installed-Size is the size of the uncompressed data tar.
    { name: './control', mode: 0o644, data: Buffer.from(controlText(spec, dataTar.length)) },
    { name: './postinst', mode: 0o755, data: Buffer.from(POSTINST) },
    { name: './prerm', mode: 0o755, data: Buffer.from(PRERM) },
  ];
  const ipk = ipkBytes(dataTar, control, mtime);
  const outDir = options.outDir ?? dist;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${spec.name}_${spec.version}-${spec.release}_all.ipk`);
  writeFileSync(file, ipk);
  return { file, bytes: ipk.length, files: [...shipped].sort(), spec };
}

if (process.argv[1] === import.meta.filename) {
  const built = buildIpk();
  console.log(`package: ${relative(repo, built.file)} ${built.bytes} bytes, ${built.files.length} files`);
  for (const f of built.files) console.log(`  ${f}`);
}
