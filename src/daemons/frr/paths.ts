/** Where FRR's files live on a device (Debian's paths). */
export const FRR_CONF = '/etc/frr/frr.conf';
export const FRR_DAEMONS_FILE = '/etc/frr/daemons';
