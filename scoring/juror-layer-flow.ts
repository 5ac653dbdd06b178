/**
 * The assignment's min-cost flow solved on the juror layer only: successive shortest paths
 * where a path's steps between jurors are "juror j takes application a from juror j′" and
 * its last step is "juror j takes a place of application a that is still open", each step's
 * cost being the cheapest such application (kept per pair of jurors, and per juror in a heap).
 * Dijkstra then runs over J + 3 nodes instead of J + A + 3 and never rescans the applications'
 * arcs: at 2,000 applications × 100 jurors the graph solver's searches scanned ~26,000 arcs
 * each (docs/decisions/025-assignment-on-the-juror-layer.md).
 *
 * The network is the one of {@link assignJurors}: SS → SRC (optional units), SS → juror
 * (minimum loads), SRC → juror (convex balancing arcs: the k-th unit costs base + k), juror →
 * application (cost −affinity·M, capacity 1), application → T (open places). An application's
 * potential cancels out of every two-arc step (juror → application → juror), so only the
 * upper nodes carry potentials; the applications' ones are rebuilt at the end for the
 * optimality certificate.
 */

/** Internal input of {@link solveJurorLayer}; built by assignJurors. */
export interface JurorLayerInput {
  jurors: number;
  applications: number;
  /** Per application, its eligible jurors (ascending) and the cost of each pair, same order. */
  eligible: number[][];
  costs: number[][];
  /** Open places per application (reviewers − fixed). */
  places: Int32Array;
  /** Per juror: units the minimum load still needs, optional units, base of the convex cost. */
  restMin: Int32Array;
  units: Int32Array;
  base: Int32Array;
  /** Units to send (open places in all). */
  demand: number;
}

export interface JurorLayerResult {
  sent: number;
  /** assigned[j·A + a] = 1 when the flow gives application a to juror j. */
  assigned: Uint8Array;
  /** Open places left per application (all 0 when sent = demand). */
  open: Int32Array;
  /** Units sent on each juror's minimum-load arc. */
  minFlow: Int32Array;
  /** Jurors reachable from the source in the final residual graph (the cut when infeasible). */
  reachable: Uint8Array;
  augmentations: number;
  /** Smallest reduced cost over every residual arc of the full network, and how many were checked. */
  minReducedCost: number;
  checked: number;
}

/** A binary min-heap of (key, application), ties by application; lazy deletion by the caller. */
class Heap {
  keys: Float64Array;
  apps: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.apps = new Int32Array(Math.max(4, capacity));
  }
  push(k: number, a: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(Math.max(4, this.size * 2));
      keys.set(this.keys);
      this.keys = keys;
      const apps = new Int32Array(Math.max(4, this.size * 2));
      apps.set(this.apps);
      this.apps = apps;
    }
    const { keys, apps } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] < k || (keys[p] === k && apps[p] <= a)) break;
      keys[i] = keys[p];
      apps[i] = apps[p];
      i = p;
    }
    keys[i] = k;
    apps[i] = a;
  }
  /** A heap of the given entries, arranged in O(n) (Floyd). */
  static of(keys: Float64Array, apps: Int32Array): Heap {
    const h = new Heap(0);
    h.keys = keys;
    h.apps = apps;
    h.size = keys.length;
    for (let i = (h.size >> 1) - 1; i >= 0; i--) h.siftDown(i);
    return h;
  }
  private siftDown(start: number): void {
    const { keys, apps } = this;
    const n = this.size;
    const k = keys[start];
    const a = apps[start];
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (keys[c + 1] < keys[c] || (keys[c + 1] === keys[c] && apps[c + 1] < apps[c]))) c++;
      if (keys[c] > k || (keys[c] === k && apps[c] > a)) break;
      keys[i] = keys[c];
      apps[i] = apps[c];
      i = c;
    }
    keys[i] = k;
    apps[i] = a;
  }
  pop(): void {
    const n = --this.size;
    this.keys[0] = this.keys[n];
    this.apps[0] = this.apps[n];
    if (n > 1) this.siftDown(0);
  }
}

/**
 * Minimum-cost flow of the assignment network, on the juror layer (see the module comment).
 * Sends up to `demand` units; the flow is optimal for the amount sent (certificate returned).
 * Cost: O(F·(J² + J·log A)) for F = demand, plus O(J·A) to build and certify.
 *
 * @example
 * solveJurorLayer({ jurors: 1, applications: 1, eligible: [[0]], costs: [[-5]], places: Int32Array.of(1),
 *   restMin: Int32Array.of(0), units: Int32Array.of(1), base: Int32Array.of(0), demand: 1 }).sent; // 1
 */
export function solveJurorLayer(input: JurorLayerInput): JurorLayerResult {
  const { jurors: J, applications: A, eligible, costs, places, restMin, units, base, demand } = input;
  if (!Number.isInteger(J) || J < 1 || !Number.isInteger(A) || A < 1) {
    throw new Error(`solveJurorLayer: needs at least one juror and one application, got ${J} and ${A}`);
  }
  const cost = new Float64Array(J * A);
  const eligibleOf = new Uint8Array(J * A);
  for (let a = 0; a < A; a++) {
    const js = eligible[a];
    for (let i = 0; i < js.length; i++) {
      eligibleOf[js[i] * A + a] = 1;
      cost[js[i] * A + a] = costs[a][i];
    }
  }
  const assigned = new Uint8Array(J * A);
  const open = Int32Array.from(places);
  // Upper nodes: 0 = SS, 1 = SRC, 2 + j = juror j, J + 2 = T.
  const V = J + 3;
  const T = J + 2;
  let srcFlow = 0;
  const srcCap = demand - restMin.reduce((s, x) => s + x, 0);
  const minFlow = new Int32Array(J);
  const unitFlow = new Int32Array(J);
  // Terminal steps: per juror, its eligible applications by cost (an entry is live while the
  // application has an open place and the juror does not hold it).
  const terminal: Heap[] = [];
  for (let j = 0; j < J; j++) {
    let n = 0;
    for (let a = 0; a < A; a++) if (eligibleOf[j * A + a] && open[a] > 0) n++;
    const keys = new Float64Array(n);
    const apps = new Int32Array(n);
    n = 0;
    for (let a = 0; a < A; a++) {
      if (eligibleOf[j * A + a] && open[a] > 0) {
        keys[n] = cost[j * A + a];
        apps[n++] = a;
      }
    }
    terminal.push(Heap.of(keys, apps));
  }
  // Transfer steps j → k: the cheapest application k holds that j may take, keyed
  // c(j,a) − c(k,a), ties to the lower application. Kept per pair (topKey/topApp) and made again
  // from k's holdings only when the application it names changes hands (clean[j·J + k] = 0):
  // most augmentations are one juror taking an open place, which only lowers tops.
  const holders: number[][] = Array.from({ length: A }, () => []);
  const holdings: number[][] = Array.from({ length: J }, () => []);
  const topKey = new Float64Array(J * J).fill(Infinity);
  const topApp = new Int32Array(J * J).fill(-1);
  const clean = new Uint8Array(J * J).fill(1);
  const offer = (j: number, k: number, a: number) => {
    const p = j * J + k;
    if (!clean[p]) return;
    const key = cost[j * A + a] - cost[k * A + a];
    if (key < topKey[p] || (key === topKey[p] && a < topApp[p])) {
      topKey[p] = key;
      topApp[p] = a;
    }
  };
  /** Pair tops that named application a stop being trusted (a changed holder). */
  const dirty = (a: number, j: number, k: number) => {
    const p = j * J + k;
    if (topApp[p] === a) clean[p] = 0;
  };
  /** Juror k now holds a: every eligible juror who does not hold it may take it from k. */
  const gain = (k: number, a: number) => {
    assigned[k * A + a] = 1;
    for (const other of holders[a]) dirty(a, k, other);
    holders[a].push(k);
    holdings[k].push(a);
    for (const j of eligible[a]) if (!assigned[j * A + a]) offer(j, k, a);
  };
  /** Juror k no longer holds a: others cannot take it from k; k may take it from its holders. */
  const lose = (k: number, a: number) => {
    assigned[k * A + a] = 0;
    const hs = holders[a];
    hs.splice(hs.indexOf(k), 1);
    const held = holdings[k];
    held.splice(held.indexOf(a), 1);
    for (const j of eligible[a]) dirty(a, j, k);
    for (const other of hs) offer(k, other, a);
    if (open[a] > 0) terminal[k].push(cost[k * A + a], a);
  };
  const liveTerminal = (j: number): Heap | null => {
    const h = terminal[j];
    while (h.size > 0) {
      const a = h.apps[0];
      if (open[a] > 0 && !assigned[j * A + a]) return h;
      h.pop();
    }
    return null;
  };
  /** Makes a pair's top again from k's holdings. */
  const refresh = (j: number, k: number) => {
    const p = j * J + k;
    clean[p] = 1;
    topKey[p] = Infinity;
    topApp[p] = -1;
    for (const a of holdings[k]) if (eligibleOf[j * A + a] && !assigned[j * A + a]) offer(j, k, a);
  };

  // Initial potentials: shortest distances from a virtual source at cost 0 to every node of the
  // (acyclic) empty network; jurors and SS/SRC are 0, T is the cheapest pair (costs are ≤ 0).
  const pot = new Float64Array(V);
  for (let k = 0; k < J * A; k++) if (eligibleOf[k]) pot[T] = Math.min(pot[T], cost[k]);
  const dist = new Float64Array(V);
  const done = new Uint8Array(V);
  const live = new Int32Array(V);
  const prev = new Int32Array(V);
  const prevApp = new Int32Array(V);
  let sent = 0;
  let augmentations = 0;
  const relax = (u: number, v: number, c: number, app: number, du: number) => {
    if (done[v]) return;
    const nd = du + c + pot[u] - pot[v];
    if (nd < dist[v]) {
      dist[v] = nd;
      prev[v] = u;
      prevApp[v] = app;
    }
  };
  for (;;) {
    if (sent >= demand) return finish(new Uint8Array(J).fill(1));
    dist.fill(Infinity);
    done.fill(0);
    dist[0] = 0;
    let reachedT = false;
    // The nodes not yet settled, in a list that shrinks as they are: scans visit only those.
    let liveCount = V;
    for (let v = 0; v < V; v++) live[v] = v;
    for (;;) {
      let u = -1;
      let at = -1;
      let best = Infinity;
      for (let i = 0; i < liveCount; i++) {
        const v = live[i];
        const d = dist[v];
        if (d < best || (d === best && d < Infinity && v < u)) {
          best = d;
          u = v;
          at = i;
        }
      }
      if (u === -1) break;
      done[u] = 1;
      live[at] = live[--liveCount];
      if (u === T) {
        reachedT = true;
        break;
      }
      const du = dist[u];
      if (u === 0) {
        if (srcFlow < srcCap) relax(0, 1, 0, -1, du);
        for (let j = 0; j < J; j++) if (minFlow[j] < restMin[j]) relax(0, 2 + j, 0, -1, du);
      } else if (u === 1) {
        if (srcFlow > 0) relax(1, 0, 0, -1, du);
        for (let j = 0; j < J; j++) if (unitFlow[j] < units[j]) relax(1, 2 + j, base[j] + unitFlow[j] + 1, -1, du);
      } else {
        const j = u - 2;
        if (minFlow[j] > 0) relax(u, 0, 0, -1, du);
        if (unitFlow[j] > 0) relax(u, 1, -(base[j] + unitFlow[j]), -1, du);
        const t = liveTerminal(j);
        if (t !== null) relax(u, T, t.keys[0], t.apps[0], du);
        const row = j * J;
        const base0 = du + pot[u];
        for (let i = 0; i < liveCount; i++) {
          const v = live[i];
          const k = v - 2;
          if (k < 0 || k >= J) continue;
          if (!clean[row + k]) refresh(j, k);
          const nd = base0 + topKey[row + k] - pot[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prev[v] = u;
            prevApp[v] = topApp[row + k];
          }
        }
      }
    }
    if (!reachedT) return finish(Uint8Array.from({ length: J }, (_, j) => (dist[2 + j] < Infinity ? 1 : 0)));
    const dT = dist[T];
    for (let v = 0; v < V; v++) pot[v] += done[v] ? dist[v] : dT;
    // Walk the path back from T: each step changes one holding or one upper arc's flow.
    let v = T;
    while (v !== 0) {
      const u = prev[v];
      const a = prevApp[v];
      if (v === T) {
        open[a]--;
        gain(u - 2, a);
      } else if (u >= 2 && v >= 2) {
        lose(v - 2, a);
        gain(u - 2, a);
      } else if (u === 0 && v === 1) srcFlow++;
      else if (u === 1 && v === 0) srcFlow--;
      else if (u === 0) minFlow[v - 2]++;
      else if (v === 0) minFlow[u - 2]--;
      else if (u === 1) unitFlow[v - 2]++;
      else unitFlow[u - 2]--;
      v = u;
    }
    sent++;
    augmentations++;
  }

  function finish(reachable: Uint8Array): JurorLayerResult {
    const { min, checked } = certify();
    return { sent, assigned, open, minFlow, reachable, augmentations, minReducedCost: min, checked };
  }

  /**
   * Reduced costs of every residual arc of the full network under the upper potentials and,
   * for each application, the largest potential its arcs allow (≥ 0 everywhere ⇔ optimal).
   */
  function certify(): { min: number; checked: number } {
    let min = Infinity;
    let checked = 0;
    const see = (rc: number) => {
      checked++;
      if (rc < min) min = rc;
    };
    if (srcFlow < srcCap) see(pot[0] - pot[1]);
    if (srcFlow > 0) see(pot[1] - pot[0]);
    for (let j = 0; j < J; j++) {
      if (minFlow[j] < restMin[j]) see(pot[0] - pot[2 + j]);
      if (minFlow[j] > 0) see(pot[2 + j] - pot[0]);
      if (unitFlow[j] < units[j]) see(base[j] + unitFlow[j] + 1 + pot[1] - pot[2 + j]);
      if (unitFlow[j] > 0) see(-(base[j] + unitFlow[j]) + pot[2 + j] - pot[1]);
    }
    for (let a = 0; a < A; a++) {
      // π(a): as high as the arcs into it allow (juror → a unused, T → a when a place is filled).
      let pa = places[a] - open[a] > 0 ? pot[T] : Infinity;
      for (const j of eligible[a]) if (!assigned[j * A + a]) pa = Math.min(pa, cost[j * A + a] + pot[2 + j]);
      if (pa === Infinity) pa = pot[T];
      for (const j of eligible[a]) {
        const c = cost[j * A + a];
        see(assigned[j * A + a] ? -c + pa - pot[2 + j] : c + pot[2 + j] - pa);
      }
      if (open[a] > 0) see(pa - pot[T]);
      if (places[a] - open[a] > 0) see(pot[T] - pa);
    }
    return { min: checked === 0 ? 0 : min, checked };
  }
}
