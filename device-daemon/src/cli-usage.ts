// The --help text, read only when asked for or on a usage error.
export const USAGE = `usage: modem-admin [options]
       modem-admin hash-password    read a password on stdin, print its hash for the config

options:
  --platform sim|linux|openwrt   sim: everything simulated (default)
                                 linux: real counters, accounting, shaper and firewall on the
                                        interfaces the config names; UCI, Wi-Fi, modem simulated
                                 openwrt: everything real
  --config FILE      UCI-format config (default /etc/config/modem-admin; with openwrt, read via uci)
  --state-dir DIR    flash state (default /etc/modem-admin)
  --ram-dir DIR      RAM journal (default /tmp/modem-admin; sim: STATE-DIR/ram)
  --listen HOST:PORT listen here instead of the config's addresses (repeatable)
                     (sim default: 127.0.0.1:$PORT, PORT defaulting to 8080)
  --www DIR          the built UI (default: www next to the daemon bundle)
  --help             this text`;
