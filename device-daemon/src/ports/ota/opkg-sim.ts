// A stand-in for opkg that keeps real state under a root directory: the
// status file (/usr/lib/opkg/status), the installed files, and conffiles. It
// reads real .ipk files and behaves as opkg does where it matters to an
// updater (messages as opkg prints them, libopkg's opkg_install.c):
// - a lower version is refused with "Not downgrading package ..." and exit 0,
//   an equal one is "up to date" with exit 0; --force-downgrade installs it;
// - a conffile the user changed is kept, the package's copy written as
//   "<file>-opkg" ("Collected errors: * resolve_conffiles: ..."), exit 0;
// - a postinst that fails leaves the package "unpacked", not installed;
// - faults set by tests: a failed signature check (exit 0, nothing
//   installed), and an install cut off halfway (a power cut: status left
//   "half-installed", half the files written, the process gone);
// - its records in /usr/lib/opkg/info as opkg keeps them: every file of the
//   package's control.tar.gz as "<pkg>.<file>" (install_maintainer_scripts in
//   opkg_install.c) and "<pkg>.list", one installed path a line, directories
//   left out (file_hash_set_file_owner skips names ending in "/"); files of
//   the old version the new one no longer ships are removed.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compareVersions } from '../../core/ota/opkg-version.ts';
import { formatOpkgStatus, parseOpkgStatus, type StatusEntry } from '../../core/ota/opkg-status.ts';
import { CommandError } from '../runner.ts';
import { readIpk, type Ipk } from './ipk.ts';
import { OPKG_INFO, repackInstalled } from './ipk-repack.ts';
import type { PackagePort } from './types.ts';

export type OpkgFault = 'signature' | 'cut-off';

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

/** Fails when the script's last command is `exit N` with N other than 0: the stand-in runs no shell. */
function scriptFails(script: string | undefined): number {
  const last = script?.trim().split('\n').at(-1)?.trim() ?? '';
  const m = /^exit (\d+)$/.exec(last);
  return m ? Number(m[1]) : 0;
}

/**
 * `seed`: what the factory image carries. With `ipk`, that package is
 * installed as the image builder installs it; with only a name and version,
 * opkg's records of it (status and control) without files.
 */
export function simOpkg(root: string, seed?: { name: string; version: string; ipk?: Buffer }) {
  const statusFile = join(root, 'usr/lib/opkg/status');
  const infoDir = join(root, OPKG_INFO);
  mkdirSync(dirname(statusFile), { recursive: true });
  mkdirSync(infoDir, { recursive: true });
  const faults: OpkgFault[] = [];
  const restarts: string[] = [];
  const read = () => parseOpkgStatus(readFileSync(statusFile, 'utf8'));
  const write = (entries: StatusEntry[]) => writeFileSync(statusFile, formatOpkgStatus(entries));
  const put = (entry: StatusEntry) => write([...read().filter((e) => e.package !== entry.package), entry]);
  const info = (name: string, file: string) => join(infoDir, `${name}.${file}`);

  /** opkg's copy of the package's control files, "<name>.<file>" (written before the data files, as opkg does). */
  function recordControl(name: string, ipk: Ipk) {
    for (const f of readdirSync(infoDir)) if (f.startsWith(`${name}.`) && f !== `${name}.list`) rmSync(join(infoDir, f));
    for (const f of ipk.controlFiles) {
      writeFileSync(info(name, f.name), f.data);
      chmodSync(info(name, f.name), f.mode || 0o644);
    }
  }

  if (!existsSync(statusFile)) {
    writeFileSync(statusFile, '');
    if (seed?.ipk) installBytes(seed.ipk, {});
    else if (seed) {
      put({ package: seed.name, version: seed.version, want: 'install', flags: 'user', state: 'installed', conffiles: [] });
      writeFileSync(info(seed.name, 'control'), `Package: ${seed.name}\nVersion: ${seed.version}\nArchitecture: all\n`);
      writeFileSync(info(seed.name, 'list'), '');
    }
  }

  function installBytes(bytes: Buffer, options: { forceDowngrade?: boolean }, file = '-', fault?: OpkgFault) {
    const ipk = readIpk(bytes);
    const name = ipk.control.Package!;
    const version = ipk.control.Version!;
    const old = read().find((e) => e.package === name && e.state === 'installed');
    if (old) {
      const cmp = compareVersions(old.version, version);
      if (cmp === 0) return { code: 0, stdout: `Package ${name} (${version}) installed in root is up to date.\n`, stderr: '' };
      if (cmp > 0 && !options.forceDowngrade) return { code: 0, stdout: `Not downgrading package ${name} on root from ${old.version} to ${version}.\n`, stderr: '' };
    }
    let stdout = old ? `Upgrading ${name} on root from ${old.version} to ${version}...\n` : `Installing ${name} (${version}) to root...\n`;
    const errors: string[] = [];
    const oldList = existsSync(info(name, 'list')) ? readFileSync(info(name, 'list'), 'utf8').split('\n').filter(Boolean) : [];
    put({ package: name, version, want: 'install', flags: 'user', state: 'half-installed', conffiles: old?.conffiles ?? [] });
    recordControl(name, ipk);
    const files = ipk.files;
    const conffiles: StatusEntry['conffiles'] = [];
    for (const [i, f] of files.entries()) {
      if (fault === 'cut-off' && i >= Math.ceil(files.length / 2)) {
        throw new CommandError(['opkg', 'install', file], { kind: 'signal', signal: 'SIGKILL' }, stdout, '');
      }
      const path = join(root, f.name);
      mkdirSync(dirname(path), { recursive: true });
      const isConf = ipk.conffiles.includes(`/${f.name}`);
      if (isConf) conffiles.push({ path: `/${f.name}`, md5: md5(f.data) });
      if (isConf && existsSync(path)) {
        const current = readFileSync(path);
        const shipped = old?.conffiles.find((c) => c.path === `/${f.name}`)?.md5;
        // Changed by the user since the last package wrote it: keep it.
        if (md5(current) !== shipped && !current.equals(f.data)) {
          writeFileSync(`${path}-opkg`, f.data);
          errors.push(` * resolve_conffiles: Existing conffile /${f.name} is different from the conffile in the new package. The new conffile will be placed at /${f.name}-opkg.`);
          continue;
        }
      }
      writeFileSync(path, f.data);
      chmodSync(path, f.mode || 0o644);
    }
    // The old version's files the new one does not ship go.
    const shipped = new Set(files.map((f) => `/${f.name}`));
    for (const gone of oldList) if (!shipped.has(gone)) rmSync(join(root, gone), { force: true });
    writeFileSync(info(name, 'list'), files.map((f) => `/${f.name}\n`).join(''));
    stdout += `Configuring ${name}.\n`;
    const postinst = scriptFails(ipk.scripts.postinst);
    if (postinst !== 0) {
      put({ package: name, version, want: 'install', flags: 'user', state: 'unpacked', conffiles });
      errors.push(` * pkg_run_script: package "${name}" postinst script returned status ${postinst}.`, ` * opkg_configure: ${name}.postinst returned ${postinst}.`);
      return { code: 255, stdout, stderr: `Collected errors:\n${errors.join('\n')}\n` };
    }
    put({ package: name, version, want: 'install', flags: 'user', state: 'installed', conffiles });
    return { code: 0, stdout, stderr: errors.length ? `Collected errors:\n${errors.join('\n')}\n` : '' };
  }

  const port: PackagePort = {
    async status(name) {
      const entry = read().find((e) => e.package === name);
      return entry ? { version: entry.version, state: entry.state } : null;
    },
    async install(file, options = {}) {
      const fault = faults.shift();
      if (fault === 'signature') return { code: 0, stdout: '', stderr: 'Signature check failed.\nRemove wrong Signature file.\n' };
      return installBytes(readFileSync(file), options, file, fault);
    },
    async restartService() {
      restarts.push('modem-admin');
    },
    repack: (name) => repackInstalled(root, name),
  };
  return Object.assign(port, {
    /** The next install meets this fault. */
    fail(fault: OpkgFault) {
      faults.push(fault);
    },
    restarts,
    statusText: () => readFileSync(statusFile, 'utf8'),
  });
}

export type SimOpkg = ReturnType<typeof simOpkg>;
