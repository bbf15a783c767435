// The Wi-Fi schema the UI and the daemon share: every boundary of the SSID (in
// UTF-8 bytes), the passphrase (8..63 printable ASCII or 64 hex), security and
// the client limit. Nothing is ever trimmed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { WifiInput } from '../../device-daemon/src/features/wifi/schemas.ts';

const schema = suite('Wi-Fi schema');
const base = { networks: 'all', ssid: 'Home', key: 'password1', security: 'psk2' };
const ok = (over: Record<string, unknown>) => v.safeParse(WifiInput, { ...base, ...over }).success;
const parsed = (over: Record<string, unknown>) => v.parse(WifiInput, { ...base, ...over });

schema('SSID: 1 to 32 bytes of UTF-8, counted in bytes, not characters', () => {
  assert.not.ok(ok({ ssid: '' }));
  assert.ok(ok({ ssid: 'a' }));
  assert.ok(ok({ ssid: 'a'.repeat(32) }));
  assert.not.ok(ok({ ssid: 'a'.repeat(33) }));
  assert.ok(ok({ ssid: '😀'.repeat(8) }), '8 four-byte emoji are 32 bytes');
  assert.not.ok(ok({ ssid: '😀'.repeat(9) }), '9 are 36 bytes');
  assert.ok(ok({ ssid: 'ż'.repeat(16) }), '16 two-byte letters fit');
  assert.not.ok(ok({ ssid: `${'ż'.repeat(16)}a` }));
  assert.ok(ok({ ssid: `${'a'.repeat(29)}€` }), '29 + a three-byte euro sign = 32');
  assert.not.ok(ok({ ssid: `${'a'.repeat(30)}€` }));
});

schema('SSID: no control characters, CR, LF, NUL, DEL, C1 or lone surrogates', () => {
  for (const bad of ['a\nb', 'a\rb', 'a\0b', 'a\tb', 'a\x1bb', 'a\x7fb', 'a\x85b', 'a\ud800b', '\n']) assert.not.ok(ok({ ssid: bad }), JSON.stringify(bad));
});

schema('SSID and key are never trimmed: spaces at either end are kept', () => {
  assert.is(parsed({ ssid: ' Home ' }).ssid, ' Home ');
  assert.is(parsed({ ssid: ' ' }).ssid, ' ');
  assert.is(parsed({ key: '  pass word  ' }).key, '  pass word  ');
});

schema('passphrase: 8 to 63 printable ASCII (0x20-0x7E)', () => {
  assert.not.ok(ok({ key: 'a'.repeat(7) }));
  assert.ok(ok({ key: 'a'.repeat(8) }));
  assert.ok(ok({ key: 'a'.repeat(63) }));
  assert.ok(ok({ key: ' '.repeat(8) }), '0x20 is printable');
  assert.ok(ok({ key: '~'.repeat(8) }), '0x7E is printable');
  assert.ok(ok({ key: `'"\\\`$;#&| x` }));
  for (const bad of ['abcdefg\x7f', 'abcdefg\x1f', 'abcdefgh\n', 'abcdefgh\0', 'pässwörd', 'abcdefg😀']) assert.not.ok(ok({ key: bad }), JSON.stringify(bad));
});

schema('passphrase: exactly 64 hex digits is a raw PSK; 64 of anything else is refused', () => {
  assert.ok(ok({ key: 'a1B2'.repeat(16) }));
  assert.not.ok(ok({ key: 'g'.repeat(64) }));
  assert.not.ok(ok({ key: 'a'.repeat(65) }));
  assert.not.ok(ok({ key: 'a'.repeat(63) + 'z' }), '64 characters that are not all hex');
});

schema('security: the modes OpenWrt writes for a home network; enterprise, WEP and cipher suffixes are not chosen here', () => {
  for (const s of ['none', 'owe', 'psk', 'psk-mixed', 'psk2', 'sae-mixed', 'sae']) assert.ok(ok({ security: s }));
  for (const s of ['open', 'wpa2', 'wep', 'wep-open', 'psk2+ccmp', 'SAE', '']) assert.not.ok(ok({ security: s }), s);
});

schema('networks: "all" or a list of section names; never assumed', () => {
  assert.ok(ok({ networks: ['default_radio0'] }));
  assert.ok(ok({ networks: ['@wifi-iface[1]', 'mlo_ap'] }));
  assert.not.ok(ok({ networks: undefined }));
  for (const bad of [[], 'default_radio0', ['a b'], ["x'; reboot"], ['a'.repeat(65)], 'ALL']) assert.not.ok(ok({ networks: bad }), JSON.stringify(bad));
  assert.ok(ok({ key: undefined }), 'no key: each network keeps its own');
});

schema('client limit: optional, null for none, else a whole number 1 to 250', () => {
  assert.ok(ok({}));
  assert.ok(ok({ maxClients: null }));
  assert.ok(ok({ maxClients: 1 }));
  assert.ok(ok({ maxClients: 250 }));
  for (const bad of [0, 251, 1.5, -1, '10', Number.NaN]) assert.not.ok(ok({ maxClients: bad }), String(bad));
});

schema('unknown keys and non-string values are refused', () => {
  assert.not.ok(ok({ hidden: true }));
  assert.not.ok(ok({ ssid: 12345678 }));
  assert.not.ok(ok({ key: ['password1'] }));
});

schema.run();
