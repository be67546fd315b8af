/**
 * Many pings from one device in one process. `loopbacks-reachable` pings every loopback from
 * every top-of-rack switch: one `ping` process per target (plus a subshell) made ~9,300
 * processes per round on a 100-node site, ~3,000 of them at once, which starved the lab's bgpd
 * of CPU. One echo request per target, sourced from the given address, then up to `waitMs` for
 * the replies: the same test as `ping -c1 -W1 -I source`, for every target, in one python3
 * (there wherever FRR is: frr-reload.py needs it). A raw socket as root, else a ping socket.
 */

/**
 * The shell command: prints `ok ADDRESS` or `fail ADDRESS [why]`, one line per target. The family
 * is the source's: ICMPv6 echo (RFC 4443 section 4) from an IPv6 source, whose checksum the
 * kernel computes (RFC 3542 section 3.1) and whose replies come without the IP header. Replies
 * are matched to targets by their packed address, so any text form of an IPv6 target matches.
 */
export function pingManyScript(source: string, targets: readonly string[], waitMs = 1000): string {
  return [
    `python3 -I -S - ${source} ${waitMs} ${targets.join(' ')} <<'EOF'`,
    'import os, select, socket, struct, sys, time',
    'src, wait, targets = sys.argv[1], int(sys.argv[2]) / 1000.0, sys.argv[3:]',
    'v6 = ":" in src',
    'if v6:',
    '    fam, proto, echo, reply = socket.AF_INET6, socket.IPPROTO_ICMPV6, 128, 129',
    'else:',
    '    fam, proto, echo, reply = socket.AF_INET, socket.IPPROTO_ICMP, 8, 0',
    'try:',
    '    s, raw = socket.socket(fam, socket.SOCK_RAW, proto), True',
    'except PermissionError:',
    '    s, raw = socket.socket(fam, socket.SOCK_DGRAM, proto), False',
    's.bind((src, 0))',
    'ident = os.getpid() & 0xffff',
    'def checksum(b):',
    '    if v6:',
    '        return 0',
    '    t = sum(struct.unpack("!%dH" % (len(b) // 2), b))',
    '    t = (t >> 16) + (t & 0xffff)',
    '    return ~(t + (t >> 16)) & 0xffff',
    'waiting = {}',
    'for seq, a in enumerate(targets):',
    '    head = struct.pack("!BBHHH", echo, 0, 0, ident, seq) + b"fabric"',
    '    try:',
    '        s.sendto(head[:2] + struct.pack("!H", checksum(head)) + head[4:], (a, 0))',
    '        waiting[socket.inet_pton(fam, a)] = (a, seq)',
    '    except OSError as e:',
    '        print("fail %s %s" % (a, e.strerror))',
    'deadline = time.monotonic() + wait',
    'while waiting:',
    '    left = deadline - time.monotonic()',
    '    if left <= 0 or not select.select([s], [], [], left)[0]:',
    '        break',
    '    data, peer = s.recvfrom(2048)',
    '    if raw and not v6:',
    '        data = data[(data[0] & 15) * 4:]',
    '    if len(data) < 8 or data[0] != reply:',
    '        continue',
    '    rid, rseq = struct.unpack("!HH", data[4:8])',
    '    key = socket.inet_pton(fam, peer[0].split("%")[0])',
    '    w = waiting.get(key)',
    '    if w and w[1] == rseq and (rid == ident or not raw):',
    '        del waiting[key]',
    '        print("ok " + w[0])',
    'for a, _ in waiting.values():',
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
