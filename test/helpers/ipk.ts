// .ipk files for the opkg stand-in, made with the package build's own tar and
// gzip writers (build/package.ts), laid out as ipkg-build lays them out.
import { gzip, tar } from '../../build/package.ts';

export function makeIpk(options: { name?: string; version: string; files?: Record<string, string>; conffiles?: string[]; postinst?: string }): Buffer {
  const name = options.name ?? 'modem-admin';
  const control = `Package: ${name}\nVersion: ${options.version}\nArchitecture: all\nDescription: test build\n`;
  const controlEntries = [
    { name: './control', mode: 0o644, data: Buffer.from(control) },
    ...(options.conffiles ? [{ name: './conffiles', mode: 0o644, data: Buffer.from(`${options.conffiles.join('\n')}\n`) }] : []),
    ...(options.postinst !== undefined ? [{ name: './postinst', mode: 0o755, data: Buffer.from(options.postinst) }] : []),
  ];
  const files = options.files ?? { 'usr/lib/modem-admin/daemon.mjs': `// ${options.version}\n` };
  const data = Object.entries(files).map(([path, text]) => ({ name: `./${path}`, mode: 0o644, data: Buffer.from(text) }));
  return gzip(
    tar(
      [
        { name: './debian-binary', mode: 0o644, data: Buffer.from('2.0\n') },
        { name: './data.tar.gz', mode: 0o644, data: gzip(tar(data, 0)) },
        { name: './control.tar.gz', mode: 0o644, data: gzip(tar(controlEntries, 0)) },
      ],
      0,
    ),
  );
}
