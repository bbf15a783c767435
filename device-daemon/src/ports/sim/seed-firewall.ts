// /etc/config/firewall of the simulated device: the head of firewall4's shipped
// default (defaults, zones, forwarding), where flow offloading is off.
export const SEED_FIREWALL = `config defaults
	option syn_flood 1
	option input REJECT
	option output ACCEPT
	option forward REJECT

config zone
	option name lan
	list network 'lan'
	option input ACCEPT
	option output ACCEPT
	option forward ACCEPT

config zone
	option name wan
	list network 'wan'
	list network 'wan6'
	option input REJECT
	option output ACCEPT
	option forward REJECT
	option masq 1
	option mtu_fix 1

config forwarding
	option src lan
	option dest wan
`;
