// A stand-in for sysupgrade with state in a file: the running firmware
// version and board, and an image waiting for the next boot. -T checks the
// image's fwtool metadata as fwtool_check_image does ("Device X not supported
// by this image", "Image metadata not found"); flashing records the image and
// reboots the simulated device: the next boot() runs the image's version.
// Options are recorded, so tests can see that -n and -F are never used.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { imageMetadata } from '../../core/ota/image-metadata.ts';
import type { FirmwarePort } from './types.ts';

type State = { version: string; board: string; pending: string | null; broken: boolean };

export function simSysupgrade(stateFile: string, seed: { version: string; board: string }) {
  const read = (): State => (existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : { ...seed, pending: null, broken: false });
  const write = (s: State) => writeFileSync(stateFile, JSON.stringify(s));
  const calls: string[][] = [];
  const reboots: string[] = [];
  const check = (file: string) => {
    const meta = imageMetadata(readFileSync(file));
    const board = read().board;
    if (!meta) return { code: 1, stdout: 'Image metadata not found\n', stderr: '', version: null };
    if (!meta.supportedDevices.includes(board))
      return { code: 1, stdout: `Device ${board} not supported by this image\nSupported devices: ${meta.supportedDevices.join(' ')}\n`, stderr: '', version: null };
    return { code: 0, stdout: '', stderr: '', version: meta.version };
  };
  const port: FirmwarePort = {
    async running() {
      const s = read();
      return { version: s.version, board: s.board };
    },
    async test(file) {
      calls.push(['sysupgrade', '-T', file]);
      const { code, stdout, stderr } = check(file);
      return { code, stdout, stderr };
    },
    async flash(file) {
      calls.push(['sysupgrade', file]);
      const result = check(file);
      if (result.code !== 0) throw new Error(`sysupgrade: ${result.stdout.trim()}`);
      write({ ...read(), pending: result.version ?? 'unknown' });
      reboots.push(file);
    },
  };
  return Object.assign(port, {
    calls,
    reboots,
    /** The simulated reboot: the flashed image runs (or, when `fail`, the old one boots back). */
    boot(fail = false) {
      const s = read();
      write({ ...s, version: s.pending && !fail ? s.pending : s.version, pending: null });
    },
  });
}

export type SimSysupgrade = ReturnType<typeof simSysupgrade>;
