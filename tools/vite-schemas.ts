// A Vite plugin that publishes the editors' JSON Schemas in the site's build, at the stable paths
// dist/schemas/world.schema.json and dist/schemas/opening.schema.json, so that a scenario file in
// any folder can name them in its `$schema` line (by the site's address or a path to the build).
import type { Plugin } from 'vite';
import { buildJsonSchemas } from '../src/scenario/file-schemas.ts';

export function schemasPlugin(): Plugin {
  return {
    name: 'upper-hand-schemas',
    apply: 'build',
    generateBundle() {
      for (const [name, source] of Object.entries(buildJsonSchemas()))
        this.emitFile({ type: 'asset', fileName: `schemas/${name}`, source });
    },
  };
}
