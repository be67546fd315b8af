/**
 * What the sessions a failure removes brought their receivers in the intact fabric, for every
 * prefix class, computed session by session: a leaf–spine cable's failure asks it of every class
 * (~5,000 on a 5,000-device fabric) for each of its two sessions, and most of what the answer
 * depends on (the session's policies, its ends' ASes, the receiver's sessions from the same AS)
 * does not change from one class to the next, so it is read once per session here instead of
 * once per class and session.
 */
import { asnBit, ORIGIN } from './routing-paths.js';
import type { Prepared } from './routing-prepare.js';
import type { Net } from './routing-propagate.js';

/** Per removed session (by position in the list asked about), per class. */
export interface LostShares {
  /**
   * What the session brought its receiver's ECMP width: 0 nothing (no best path: no route, its
   * own prefix, a longer offer, or one its policy or loop check rejects), 1 some of the paths of
   * a best route, 2 all of them (`bringsFrom` on an offer of the receiver's best length).
   */
  brought: Uint8Array[];
  /**
   * Where it brought something: 1 when the receiver keeps a *twin* of the session (one from a
   * device of the same AS offering the same set, which its policy passes).
   */
  twin: Uint8Array[];
  /** Per class: how many of the sessions brought something, and whether one of those has no twin. */
  lost: Uint16Array;
  untwinned: Uint8Array;
}

/**
 * Per site: per policy id, per class, whether the policy permits the class (`answers`,
 * transposed), and per class whether it is the default route.
 */
const classTables = new WeakMap<Prepared, { permit: Uint8Array[]; isDefault: Uint8Array }>();

function classTablesOf(p: Prepared) {
  let out = classTables.get(p);
  if (!out) {
    const policies = p.classes[0]?.answers.length ?? 0;
    out = {
      permit: Array.from({ length: policies }, (_, policy) =>
        Uint8Array.from(p.classes, (cls) => cls.answers[policy]!),
      ),
      isDefault: Uint8Array.from(p.classes, (cls) => (cls.isDefault ? 1 : 0)),
    };
    classTables.set(p, out);
  }
  return out;
}

/**
 * The shares of the `removed` sessions (of the intact fabric's run's net `all`: its policies as
 * its advertise-maps' states made them), each receiver's twins looked for among its sessions
 * left in `net`; `byDevice`: the intact routes, `device × classes + class`.
 */
export function lostShares(
  p: Prepared,
  all: Net,
  net: Net,
  byDevice: Int32Array,
  removed: readonly number[],
): LostShares {
  const { sets } = p;
  const { lengthOf } = sets;
  const C = p.classes.length;
  const { permit, isDefault } = classTablesOf(p);
  const out: LostShares = { brought: [], twin: [], lost: new Uint16Array(C), untwinned: new Uint8Array(C) };
  for (const s of removed) {
    const brought = new Uint8Array(C);
    const twin = new Uint8Array(C);
    out.brought.push(brought);
    out.twin.push(twin);
    const r = all.recv[s]!;
    const f = all.send[s]!;
    const from = all.asn[f]!;
    const to = all.asn[r]!;
    const inOk = permit[all.inPolicy[s]!]!;
    const outOk = permit[all.outPolicy[s]!]!;
    const defaultOffer = all.defaultOffer[s] === 1;
    // a session between devices of one AS brings nothing (the loop check); else the receiver's
    // AS bit, read once: most sets' tails lack it, and then every path is accepted
    if (from === to) continue;
    const toBit = asnBit(to);
    // the receiver's sessions left from the sender's AS, where a twin may be: each one's sender
    // row, policies and default offer
    const twins = net.into[r]!.filter((t) => all.asn[all.send[t]!] === from);
    const twinRow = twins.map((t) => all.send[t]! * C);
    const twinIn = twins.map((t) => permit[all.inPolicy[t]!]!);
    const twinOut = twins.map((t) => permit[all.outPolicy[t]!]!);
    const twinDefault = twins.map((t) => all.defaultOffer[t] === 1);
    for (let c = 0; c < C; c++) {
      const own = byDevice[r * C + c]!;
      if (own === 0 || own === ORIGIN) continue;
      // the offer as `offerFrom` makes it, its length first (a few array reads)
      const offer = defaultOffer && isDefault[c] ? ORIGIN : outOk[c] ? byDevice[f * C + c]! : 0;
      if (!offer || lengthOf[offer] !== lengthOf[own]! - 1 || !inOk[c]) continue;
      const accepted =
        (sets.bitsOf(offer) & toBit) === 0 ? sets.offered(offer) : sets.accepted(offer, from, to);
      if (!accepted) continue;
      brought[c] = accepted === sets.offered(offer) ? 2 : 1;
      out.lost[c]!++;
      for (let k = 0; k < twins.length; k++) {
        const other =
          twinDefault[k] && isDefault[c] ? ORIGIN : twinOut[k]![c] ? byDevice[twinRow[k]! + c]! : 0;
        if (other === offer && twinIn[k]![c]) {
          twin[c] = 1;
          break;
        }
      }
      if (!twin[c]) out.untwinned[c] = 1;
    }
  }
  return out;
}
