// /etc/openwrt_release and opkg's control files: KEY='value' and "Key: value" lines.

/** The value of `key` in a shell-style KEY='value' file (/etc/openwrt_release), or null. */
export function shellVar(text: string, key: string): string | null {
  const m = new RegExp(`^${key}=(?:'([^']*)'|"([^"]*)"|(\\S*))\\s*$`, 'm').exec(text);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

/** The value of `field` in an opkg/Debian control file ("Version: 0.1.0-2"), or null. */
export function controlField(text: string, field: string): string | null {
  return new RegExp(`^${field}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1] ?? null;
}
