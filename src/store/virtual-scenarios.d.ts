// The shipped scenarios, validated at build time by tools/vite-scenarios.ts: what the menu shows of
// each, and a loader for its full, resolved JSON.
declare module 'virtual:scenarios' {
  const shipped: readonly {
    readonly id: string;
    readonly hash: string;
    readonly meta: import('../engine/index.ts').Scenario['meta'];
    readonly sides: { readonly us: { readonly name: string }; readonly cn: { readonly name: string } };
    readonly headline: string; // who holds the upper hand at the opening
    readonly load: () => Promise<{ default: import('../engine/index.ts').Scenario }>;
  }[];
  export default shipped;
}

// The shipped worlds' text by id, for the file loader (an opening dropped alone finds its world).
declare module 'virtual:worlds' {
  const worlds: Readonly<Record<string, { readonly name: string; readonly text: string }>>;
  export default worlds;
}
