/**
 * Files of the repository that go into lab nodes: the in-node scripts (src/lab/node/) and the node
 * init shared with the Docker image (lab/image/). Found from the package root, so the same code
 * works from src/ (tsx, vitest) and from dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'lab', 'image'))) {
    const up = dirname(dir);
    if (up === dir)
      throw new Error('fabric package root not found (no package.json with lab/image/ above src/lab)');
    dir = up;
  }
  return dir;
}

const root = packageRoot();

export const NODE_FILES = {
  /** Mounts the node's root and pivots into it (runs before the node init). */
  enterRoot: join(root, 'src/lab/node/enter-root.sh'),
  /** The node's boot sequence; also the Docker image's entrypoint. */
  init: join(root, 'lab/image/labnode-init.sh'),
  /** /usr/bin/systemctl in a node. */
  systemctl: join(root, 'src/lab/node/systemctl'),
  /** /usr/local/sbin/service in a node: Debian's, with FRR and keepalived at nice -10. */
  service: join(root, 'src/lab/node/service'),
  /** nftables stand-in for IPVS virtual servers. */
  ipvsSync: join(root, 'src/lab/node/lab-ipvs-sync'),
  /** A client of a service spread over sites (lab failover --site-loss): resolves and fetches it by name. */
  gslbClient: join(root, 'src/lab/node/gslb-client'),
  /** Lab stand-ins a daemon's driver installs (`lab.tools`), such as ovs-vsctl on the userspace datapath. */
  dir: join(root, 'src/lab/node'),
} as const;
