// opkg's status file (/usr/lib/opkg/status): one paragraph per package of
// "Field: value" lines, continuation lines indented, paragraphs apart by a
// blank line. "Status" is want, flag and state ("install user installed");
// only the state "installed" means the version is really in place: an install
// cut off leaves "half-installed" or "unpacked", a failed postinst
// "half-configured" (opkg's pkg_state_status: not-installed, unpacked,
// half-configured, installed, half-installed, config-files, post-inst-failed,
// removal-failed).

export type StatusEntry = { package: string; version: string; want: string; flags: string; state: string; conffiles: { path: string; md5: string }[] };

export function parseOpkgStatus(text: string): StatusEntry[] {
  const entries: StatusEntry[] = [];
  for (const paragraph of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last = '';
    for (const line of paragraph.split('\n')) {
      if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)}\n${line.trim()}`);
      else {
        const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
        if (m) fields.set((last = m[1]!.toLowerCase()), m[2]!);
      }
    }
    const name = fields.get('package');
    if (!name) continue;
    const [want = '', flags = '', state = ''] = (fields.get('status') ?? '').trim().split(/\s+/);
    const conffiles = (fields.get('conffiles') ?? '')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((p) => p.length === 2)
      .map(([path, md5]) => ({ path: path!, md5: md5! }));
    entries.push({ package: name, version: fields.get('version') ?? '', want, flags, state, conffiles });
  }
  return entries;
}

/** The version of `name` when it is fully installed, else null. */
export function installedVersion(entries: readonly StatusEntry[], name: string): string | null {
  const entry = entries.find((e) => e.package === name);
  return entry && entry.state === 'installed' ? entry.version : null;
}

export function formatOpkgStatus(entries: readonly StatusEntry[]): string {
  return entries
    .map((e) => {
      const lines = [`Package: ${e.package}`, `Version: ${e.version}`, `Status: ${e.want} ${e.flags} ${e.state}`, 'Architecture: all'];
      if (e.conffiles.length) lines.push('Conffiles:', ...e.conffiles.map((c) => ` ${c.path} ${c.md5}`));
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
