// seedrandom's alea generator on its own (the package's index would also pull in its other
// generators and Node's crypto for auto-seeding, which the engine never uses).
declare module 'seedrandom/lib/alea' {
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  interface Alea {
    (): number;
    state(): AleaState;
  }
  function alea(seed?: string, options?: { state?: AleaState | boolean }): Alea;
  export default alea;
}
