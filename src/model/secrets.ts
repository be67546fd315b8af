/**
 * A reference to a secret by name; its value is only resolved when files are rendered, and is
 * checked against what its use allows (a VRRP PASS key has at most 8 characters, a TLS bundle
 * holds a certificate and a key).
 */
export interface SecretRef {
  secret: string;
  use: SecretUse;
}

export type SecretUse =
  | 'bgp-password'
  | 'vrrp-auth'
  | 'tls-bundle'
  | 'snmp-auth'
  | 'snmp-priv'
  | 'snmp-community'
  | 'redis-auth'
  | 'postgres-auth'
  | 'rabbitmq-auth'
  | 'rabbitmq-cookie';
