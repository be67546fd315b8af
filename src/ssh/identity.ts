/**
 * Who we are: private key files (`--identity FILE`, ed25519, ecdsa or rsa, OpenSSH or PEM
 * format) and the SSH agent. Nothing here ever prompts: an encrypted key is decrypted with the
 * passphrase in FABRIC_SSH_KEY_PASSPHRASE (one passphrase, tried for every encrypted file), or
 * is an error naming the file; keys that need a prompt belong in ssh-agent.
 */
import { readFileSync } from 'node:fs';
import ssh2, { type ParsedKey } from 'ssh2';

export const PASSPHRASE_ENV = 'FABRIC_SSH_KEY_PASSPHRASE';

export interface Identity {
  file: string;
  key: ParsedKey;
}

export function loadIdentity(file: string, env: NodeJS.ProcessEnv): Identity | { error: string } {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { error: `identity ${file} does not exist; pass a private key file` };
    return { error: `identity ${file} cannot be read (${err.code ?? err.message})` };
  }
  const passphrase = env[PASSPHRASE_ENV] || undefined;
  const parsed = ssh2.utils.parseKey(data, passphrase);
  if (parsed instanceof Error) {
    if (passphrase === undefined && /encrypted/i.test(parsed.message))
      return {
        error: `identity ${file} is encrypted; set ${PASSPHRASE_ENV} or load it into ssh-agent (ssh-add ${file}): fabric never prompts`,
      };
    if (passphrase !== undefined && /passphrase|decrypt|integrity/i.test(parsed.message))
      return { error: `identity ${file} cannot be decrypted with ${PASSPHRASE_ENV}; check the passphrase` };
    return { error: `identity ${file} is not a private key fabric can use (${parsed.message})` };
  }
  // The OpenSSH format can hold several keys; like OpenSSH, use the first.
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
  if (!key.isPrivateKey())
    return { error: `identity ${file} is a public key; pass the private key file (without .pub)` };
  return { file, key };
}

export function loadIdentities(
  files: readonly string[],
  env: NodeJS.ProcessEnv,
): { identities: Identity[] } | { error: string } {
  const identities: Identity[] = [];
  for (const file of files) {
    const loaded = loadIdentity(file, env);
    if ('error' in loaded) return loaded;
    identities.push(loaded);
  }
  return { identities };
}

/** The agent socket to use: the option, else SSH_AUTH_SOCK; `false` turns the agent off. */
export function agentSocket(option: string | false | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (option === false) return undefined;
  return option || env.SSH_AUTH_SOCK || undefined;
}
