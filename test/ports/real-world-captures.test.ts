// Every capture in test/fixtures/real-world/ is read as its note (<name>.meta.json) says.
import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseModem, parseModemList, parseSignal } from '../../device-daemon/src/ports/modem/mmcli-parse.ts';
import { parseSim } from '../../device-daemon/src/ports/modem/mmcli-parse-messages.ts';
import { readable } from '../../device-daemon/src/core/unreadable.ts';

type Meta = { what: string; source: string; parse: { fn: string; ownNumber?: string | null }; expected: unknown };

const root = new URL('../fixtures/real-world/', import.meta.url);
const PARSERS: Record<string, (json: unknown, meta: Meta) => unknown> = {
  parseModemList: (json) => readable(parseModemList(json)),
  parseModem: (json) => readable(parseModem(json)),
  parseSignal: (json) => readable(parseSignal(json)),
  parseSim: (json, meta) => readable(parseSim(json, meta.parse.ownNumber ?? null)),
};

const captures = suite('real-world captures read as their notes say');
const metas = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.meta.json'));

captures('there are captures, each with its source', () => {
  assert.ok(metas.length >= 9);
  for (const m of metas) assert.ok((JSON.parse(readFileSync(new URL(m, root), 'utf8')) as Meta).source, m);
});

for (const file of metas) {
  const meta = JSON.parse(readFileSync(new URL(file, root), 'utf8')) as Meta;
  captures(`${file.replace('.meta.json', '')}: ${meta.what}`, () => {
    const json = JSON.parse(readFileSync(new URL(file.replace('.meta.json', '.json'), root), 'utf8')) as unknown;
    const parse = PARSERS[meta.parse.fn];
    assert.ok(parse, `a parser named ${meta.parse.fn}`);
    const got = parse!(json, meta);
    // The note names the fields that matter; the reading may carry more.
    const picked = Array.isArray(meta.expected) ? got : Object.fromEntries(Object.keys(meta.expected as object).map((k) => [k, (got as Record<string, unknown>)[k]]));
    assert.equal(picked, meta.expected);
  });
}

captures.run();
