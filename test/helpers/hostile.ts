// Values that have broken routers' config writers and shells: quotes, escapes,
// shell syntax, comment and list characters, spaces, UTF-8 and a leading dash.
export const HOSTILE = [
  `it's`,
  `say "hi"`,
  'back\\slash',
  'tick`id`',
  '$(touch /tmp/marker)',
  ';id',
  '# not a comment',
  'a & b | c && d',
  '  spaces  ',
  '-leading dash',
  "'\\''",
  'Łódź 😀 café',
  '',
];

/** Command injection attempts; `marker` is a file that must never appear. */
export function injections(marker: string): string[] {
  return [';id', `$(touch ${marker})`, `\`touch ${marker}\``, `| touch ${marker}`, `&& touch ${marker}`, `x\ntouch ${marker}`, `'; touch ${marker}; '`, '-rf', '--help', `-$(touch ${marker})`];
}
