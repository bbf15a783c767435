// /etc/config/network of the simulated device: the LAN bridge and the LTE modem
// through OpenWrt's modemmanager proto (option names as in the openwrt/packages
// modemmanager README example).
export const SEED_NETWORK = `config interface 'loopback'
	option device 'lo'
	option proto 'static'
	option ipaddr '127.0.0.1'
	option netmask '255.0.0.0'

config interface 'lan'
	option device 'br-lan'
	option proto 'static'
	option ipaddr '192.168.1.1'
	option netmask '255.255.255.0'

config interface 'wwan'
	option device '/sys/devices/platform/soc/8af8800.usb3/8a00000.dwc3/xhci-hcd.0.auto/usb2/2-1'
	option proto 'modemmanager'
	option apn 'internet'
	option iptype 'ipv4v6'
	option signalrate '5'
`;
