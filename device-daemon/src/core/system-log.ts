// The system log (`logread`) cut down to what support needs: this product's own
// lines and the modem's. logd writes "<date> <facility>.<level> <ident>[pid]: text".
// procd logs a service's stdout under the basename of its command and pid, so the
// daemon's lines (run as /usr/bin/node) carry "node[1234]"; ModemManager logs as
// "ModemManager[pid]", or with an empty ident ("[4006]: <info> [modem0] ..."); netifd
// logs the modem connection as "netifd: <interface> (pid): ...".

export type LogLine = { time: string; facility: string; level: string; ident: string; text: string; raw: string };

const LINE = /^(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}) (\w+)\.(\w+) (.*)$/;

/** One logread line, or null for a line that is not one (a continuation). */
export function parseLogLine(raw: string): LogLine | null {
  const m = LINE.exec(raw);
  if (!m) return null;
  const rest = m[4]!;
  const tag = /^([^\s:[]*)(?:\[\d+\])?: ?(.*)$/.exec(rest);
  return { time: m[1]!, facility: m[2]!, level: m[3]!, ident: tag ? tag[1]! : '', text: tag ? tag[2]! : rest, raw };
}

export type LogScope = {
  /** The `network` interface that uses proto 'modemmanager' (its netifd lines are the modem's). */
  modemInterface: string | null;
};

/** Whether a line is ours ('product'), the modem's ('modem'), or neither (null). */
export function logSource(line: LogLine, scope: LogScope): 'product' | 'modem' | null {
  if (line.ident === 'node' || line.ident === 'modem-admin' || line.text.includes('modem-admin')) return 'product';
  if (/^(ModemManager|mmcli|qmi-proxy|mbim-proxy)$/.test(line.ident)) return 'modem';
  if (line.ident === '' && /^<\w+>\s+\[[\d.]+\] \[modem/.test(line.text)) return 'modem';
  if (line.ident === 'netifd' && scope.modemInterface && line.text.startsWith(`${scope.modemInterface} (`)) return 'modem';
  return null;
}

/** The product's and the modem's lines of `lines`, at most `limit` of the newest. */
export function filterLog(lines: readonly string[], scope: LogScope, limit = 500): (LogLine & { source: 'product' | 'modem' })[] {
  const out: (LogLine & { source: 'product' | 'modem' })[] = [];
  for (const raw of lines) {
    const line = parseLogLine(raw);
    const source = line && logSource(line, scope);
    if (line && source) out.push({ ...line, source });
  }
  return out.slice(-limit);
}
