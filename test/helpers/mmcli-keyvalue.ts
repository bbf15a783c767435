// mmcli's -K (key-value) output as the object -J prints, so the captures taken
// with -K are read by the same parsers the daemon runs on -J output. Rules of
// the format (shared fixtures README): keys padded to ' : ', lists as `.length`
// plus `.value[N]` lines, '--' for an empty value, text g_strescape'd.

const unescape = (value: string) => value.replace(/\\(n|t|r|\\|")/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' })[c]!);

export function keyValueToJson(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+: ?(.*)$/.exec(line);
    // `<redacted…>` stands where the publisher removed a value (CeraUI captures): not mmcli output.
    if (!m || m[2] === '--' || /^<redacted[^>]*>$/.test(m[2]!)) continue;
    const path = m[1]!.split('.');
    const last = path.pop()!;
    let at = root;
    for (const key of path) at = (at[key] ??= {}) as Record<string, unknown>;
    const item = /^value\[(\d+)\]$/.exec(last);
    if (last === 'length') continue;
    if (item) {
      // `x.value[N]` is the Nth item of list x: the parent becomes that list.
      const parentPath = m[1]!.split('.').slice(0, -2);
      let parent = root;
      for (const key of parentPath) parent = parent[key] as Record<string, unknown>;
      const name = path.at(-1)!;
      const list = Array.isArray(parent[name]) ? (parent[name] as unknown[]) : [];
      list[Number(item[1]) - 1] = unescape(m[2]!);
      parent[name] = list;
    } else at[last] = unescape(m[2]!);
  }
  return root;
}
