// /etc/config/wireless of the simulated device: a dual-band router as OpenWrt
// 24.10 writes it on first boot, with one access point per radio.
export const SEED_WIRELESS = `config wifi-device 'radio0'
	option type 'mac80211'
	option path 'platform/soc/18000000.wifi'
	option channel '1'
	option band '2g'
	option htmode 'HE20'
	option cell_density '0'

config wifi-iface 'default_radio0'
	option device 'radio0'
	option network 'lan'
	option mode 'ap'
	option ssid 'Modem-2G'
	option encryption 'psk2'
	option key 'change-me-2g'

config wifi-device 'radio1'
	option type 'mac80211'
	option path 'platform/soc/18000000.wifi+1'
	option channel '36'
	option band '5g'
	option htmode 'HE80'
	option cell_density '0'

config wifi-iface 'default_radio1'
	option device 'radio1'
	option network 'lan'
	option mode 'ap'
	option ssid 'Modem-2G'
	option encryption 'psk2'
	option key 'change-me-2g'
`;
