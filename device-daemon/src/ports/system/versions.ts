// What firmware and which package version this device runs, read from the files
// OpenWrt keeps: /etc/openwrt_release (the build), opkg's control file of our
// package, /tmp/sysinfo/model (set by the board's detection at boot). Other
// features (updates) read versions here too. Missing files give null, never throw.
import { readFile } from 'node:fs/promises';
import { controlField, shellVar } from '../../core/release-file.ts';

export type VersionFiles = { release: string; control: string; model: string };

export const OPENWRT_FILES: VersionFiles = {
  release: '/etc/openwrt_release',
  control: '/usr/lib/opkg/info/modem-admin.control',
  model: '/tmp/sysinfo/model',
};

// Set by build/daemon.ts from package.json; unset when run from source.
declare const PACKAGE_VERSION: string | undefined;
/** The version this daemon was built as (package.json), for where opkg has no record. */
export const BUILD_VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : null;

const text = (file: string) => readFile(file, 'utf8').catch(() => null);

export async function readVersions(files: VersionFiles = OPENWRT_FILES) {
  const [release, control, model] = await Promise.all([text(files.release), text(files.control), text(files.model)]);
  return {
    model: model?.trim() || null,
    firmware: release ? shellVar(release, 'DISTRIB_DESCRIPTION') : null,
    packageVersion: (control && controlField(control, 'Version')) ?? BUILD_VERSION,
  };
}
