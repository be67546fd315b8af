/** Where FRR's files live on a device (Debian's paths). */
export const FRR_CONF = '/etc/frr/frr.conf';
/** The group FRR's daemons run as: snmpd's AgentX socket is opened to it. */
export const FRR_GROUP = 'frr';
export const FRR_DAEMONS_FILE = '/etc/frr/daemons';
