/**
 * Many pings from one device in one process. `loopbacks-reachable` pings every loopback from
 * every top-of-rack switch: one `ping` process per target (plus a subshell) made ~9,300
 * processes per round on a 100-node site, ~3,000 of them at once, which starved the lab's bgpd
 * of CPU. One echo request per target, sourced from the given address, then up to `waitMs` for
 * the replies: the same test as `ping -c1 -W1 -I source`, for every target, in one python3
 * (there wherever FRR is: frr-reload.py needs it). A raw socket as root, else a ping socket.
 */

/** The shell command: prints `ok ADDRESS` or `fail ADDRESS [why]`, one line per target. */
export function pingManyScript(source: string, targets: readonly string[], waitMs = 1000): string {
  return [
    `python3 -I -S - ${source} ${waitMs} ${targets.join(' ')} <<'EOF'`,
    'import os, select, socket, struct, sys, time',
    'src, wait, targets = sys.argv[1], int(sys.argv[2]) / 1000.0, sys.argv[3:]',
    'try:',
    '    s, raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP), True',
    'except PermissionError:',
    '    s, raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP), False',
    's.bind((src, 0))',
    'ident = os.getpid() & 0xffff',
    'def checksum(b):',
    '    t = sum(struct.unpack("!%dH" % (len(b) // 2), b))',
    '    t = (t >> 16) + (t & 0xffff)',
    '    return ~(t + (t >> 16)) & 0xffff',
    'waiting = {}',
    'for seq, a in enumerate(targets):',
    '    head = struct.pack("!BBHHH", 8, 0, 0, ident, seq) + b"fabric"',
    '    try:',
    '        s.sendto(head[:2] + struct.pack("!H", checksum(head)) + head[4:], (a, 0))',
    '        waiting[a] = seq',
    '    except OSError as e:',
    '        print("fail %s %s" % (a, e.strerror))',
    'deadline = time.monotonic() + wait',
    'while waiting:',
    '    left = deadline - time.monotonic()',
    '    if left <= 0 or not select.select([s], [], [], left)[0]:',
    '        break',
    '    data, peer = s.recvfrom(2048)',
    '    if raw:',
    '        data = data[(data[0] & 15) * 4:]',
    '    if len(data) < 8 or data[0] != 0:',
    '        continue',
    '    rid, rseq = struct.unpack("!HH", data[4:8])',
    '    if waiting.get(peer[0]) == rseq and (rid == ident or not raw):',
    '        del waiting[peer[0]]',
    '        print("ok " + peer[0])',
    'for a in waiting:',
    '    print("fail " + a)',
    'EOF',
  ].join('\n');
}

/** The targets that answered, from the script's output. */
export function answeredPings(stdout: string): Set<string> {
  return new Set(
    stdout
      .split('\n')
      .filter((l) => l.startsWith('ok '))
      .map((l) => l.slice(3).trim()),
  );
}
