// Operators follow a balance with a menu of offers ("1 Aufladen", "1.42GB
// 106250T", "2.5GB DATA 10000T"). A figure in a menu line is an offer, not the
// balance; such lines are told by their numbers running 1, 2, 3... at the
// start of consecutive lines, so "11.17 GBs DATA" alone is not a menu.

/** Indexes of the lines that belong to a numbered menu (at least items 1 and 2). */
export function numberedMenuLines(text: string): Set<number> {
  const lines = text.split('\n');
  const menu = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2) for (const i of run) menu.add(i);
    run = [];
  };
  for (const [i, line] of lines.entries()) {
    const n = /^\s*(\d{1,2})(?:[.):\-]|\s)/.exec(line);
    // An item number is 1 more than the one before, or starts a menu at 1.
    if (n && Number(n[1]) === run.length + 1) run.push(i);
    else if (n && Number(n[1]) === 1) {
      close();
      run.push(i);
    } else close();
  }
  close();
  return menu;
}
