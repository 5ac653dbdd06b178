/**
 * Minimum-cost flow by successive shortest paths with Dijkstra on reduced costs
 * (Johnson potentials), for integer capacities and integer costs held exactly in doubles.
 * Internal building block of {@link assignJurors}; see docs/decisions/002-assignment-min-cost-flow.md.
 */
export class MinCostFlow {
  readonly n: number;
  private head: Int32Array;
  private nxt: number[] = [];
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private convex: number[] = [];
  private eConvex!: Float64Array;
  // Frozen CSR-style typed arrays, built by freeze().
  private eTo!: Int32Array;
  private eCap!: Int32Array;
  private eCost!: Float64Array;
  private eNext!: Int32Array;
  flow!: Int32Array;
  potential!: Float64Array;
  augmentations = 0;

  constructor(n: number) {
    this.n = n;
    this.head = new Int32Array(n).fill(-1);
  }

  /**
   * Adds an arc u→v (and its residual twin); returns its index. Cost: O(1) amortised.
   *
   * @example
   * const g = new MinCostFlow(2); g.addArc(0, 1, 3, -5);
   */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.convex.push(NaN);
    this.nxt.push(this.head[u], this.head[v]);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  /**
   * Adds a convex arc u→v: its k-th unit of flow (k = 1..capacity) costs base + k. Equivalent to
   * `capacity` parallel unit arcs of increasing cost, stored as one arc whose residual cost is
   * the marginal one (base + flow + 1 forward, −(base + flow) backward). Cost: O(1) amortised.
   *
   * @example
   * const g = new MinCostFlow(2); g.addConvexArc(0, 1, 10, 0);
   */
  addConvexArc(u: number, v: number, capacity: number, base: number): number {
    const e = this.addArc(u, v, capacity, 0);
    this.convex[e >> 1] = base;
    return e;
  }

  /**
   * Current residual cost of arc e (marginal cost for convex arcs). Cost: O(1).
   *
   * @example
   * g.residualCost(0); // 1 for an unused convex arc with base 0
   */
  residualCost(e: number): number {
    const b = this.eConvex[e >> 1];
    if (b !== b) return this.eCost[e];
    return (e & 1) === 0 ? b + this.flow[e] + 1 : -(b + this.flow[e ^ 1]);
  }

  private freeze(): void {
    this.eConvex = Float64Array.from(this.convex);
    this.eTo = Int32Array.from(this.to);
    this.eCap = Int32Array.from(this.cap);
    this.eCost = Float64Array.from(this.cost);
    this.eNext = Int32Array.from(this.nxt);
    this.flow = new Int32Array(this.to.length);
  }

  /**
   * Sends up to `amount` units from s to t at minimum cost. `order` must list all nodes in a
   * topological order of the (acyclic) input graph; initial potentials are shortest distances
   * from a virtual source joined to every node at cost 0, so negative arc costs are allowed.
   * Returns the flow value sent. Cost: O(F·(m + n) log m) for F augmentations.
   *
   * @example
   * const sent = g.run(0, 1, 3, [0, 1]);
   */
  run(s: number, t: number, amount: number, order: number[]): number {
    this.freeze();
    const n = this.n;
    const { eTo, eCap, eCost, eNext, flow, head, eConvex } = this;
    const pot = new Float64Array(n);
    for (const u of order) {
      for (let e = head[u]; e !== -1; e = eNext[e]) {
        const c = this.residualCost(e);
        if (eCap[e] > 0 && pot[u] + c < pot[eTo[e]]) pot[eTo[e]] = pot[u] + c;
      }
    }
    this.potential = pot;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const prevArc = new Int32Array(n);
    // binary heap of (key, node) with lazy deletion
    let hk = new Float64Array(1024);
    let hn = new Int32Array(1024);
    let size = 0;
    const push = (k: number, v: number) => {
      if (size === hk.length) {
        const k2 = new Float64Array(size * 2);
        k2.set(hk);
        hk = k2;
        const n2 = new Int32Array(size * 2);
        n2.set(hn);
        hn = n2;
      }
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (hk[p] <= k) break;
        hk[i] = hk[p];
        hn[i] = hn[p];
        i = p;
      }
      hk[i] = k;
      hn[i] = v;
    };
    const pop = (): number => {
      const top = hn[0];
      const k = hk[--size];
      const v = hn[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hk[c + 1] < hk[c]) c++;
        if (hk[c] >= k) break;
        hk[i] = hk[c];
        hn[i] = hn[c];
        i = c;
      }
      hk[i] = k;
      hn[i] = v;
      return top;
    };
    let sent = 0;
    const touched: number[] = [];
    dist.fill(Infinity);
    while (sent < amount) {
      for (const v of touched) {
        dist[v] = Infinity;
        done[v] = 0;
      }
      touched.length = 0;
      dist[s] = 0;
      touched.push(s);
      size = 0;
      push(0, s);
      let dt = Infinity;
      while (size > 0) {
        const key = hk[0];
        const u = pop();
        if (done[u] || key > dist[u]) continue;
        done[u] = 1;
        if (u === t) {
          dt = key;
          break;
        }
        const pu = pot[u] + key;
        for (let e = head[u]; e !== -1; e = eNext[e]) {
          if (flow[e] >= eCap[e]) continue;
          const v = eTo[e];
          if (done[v]) continue;
          const b = eConvex[e >> 1];
          const c = b !== b ? eCost[e] : (e & 1) === 0 ? b + flow[e] + 1 : -(b + flow[e ^ 1]);
          const nd = pu + c - pot[v];
          if (nd < dist[v]) {
            if (dist[v] === Infinity) touched.push(v);
            dist[v] = nd;
            prevArc[v] = e;
            push(nd, v);
          }
        }
      }
      if (dt === Infinity) break;
      // potentials: π(v) += min(dist(v), dist(t)) — keeps every residual reduced cost ≥ 0
      for (let v = 0; v < n; v++) pot[v] += done[v] ? dist[v] : dt;
      let push1 = amount - sent;
      for (let v = t; v !== s; v = eTo[prevArc[v] ^ 1]) {
        const e = prevArc[v];
        push1 = Math.min(push1, eCap[e] - flow[e], eConvex[e >> 1] === eConvex[e >> 1] ? 1 : Infinity);
      }
      for (let v = t; v !== s; v = eTo[prevArc[v] ^ 1]) {
        flow[prevArc[v]] += push1;
        flow[prevArc[v] ^ 1] -= push1;
      }
      sent += push1;
      this.augmentations++;
    }
    return sent;
  }

  /**
   * Smallest reduced cost c(e) + π(u) − π(v) over arcs with residual capacity; ≥ 0 proves the
   * current flow is a minimum-cost flow of its value (no negative cycle in the residual graph).
   * Cost: O(m).
   *
   * @example
   * g.minReducedCost(); // { min: 0, checked: 12 }
   */
  minReducedCost(): { min: number; checked: number } {
    let min = Infinity;
    let checked = 0;
    for (let u = 0; u < this.n; u++) {
      for (let e = this.head[u]; e !== -1; e = this.eNext[e]) {
        if (this.flow[e] >= this.eCap[e]) continue;
        checked++;
        const rc = this.residualCost(e) + this.potential[u] - this.potential[this.eTo[e]];
        if (rc < min) min = rc;
      }
    }
    return { min: checked === 0 ? 0 : min, checked };
  }

  /**
   * Nodes reachable from s through arcs with residual capacity (the source side of a minimum
   * cut when the flow is maximum). Cost: O(n + m).
   *
   * @example
   * g.reachable(0); // Uint8Array flags
   */
  reachable(s: number): Uint8Array {
    const seen = new Uint8Array(this.n);
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = this.head[u]; e !== -1; e = this.eNext[e]) {
        if (this.flow[e] < this.eCap[e] && !seen[this.eTo[e]]) {
          seen[this.eTo[e]] = 1;
          stack.push(this.eTo[e]);
        }
      }
    }
    return seen;
  }

  /**
   * Flow on arc e. Cost: O(1).
   *
   * @example
   * g.flowOn(0); // 1
   */
  flowOn(e: number): number {
    return this.flow[e];
  }
}
