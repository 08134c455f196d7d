// Production build of the API: one ES module with the workspace packages compiled in, and every
// npm dependency left to node_modules. Plain `node` then runs it: no TypeScript loader in memory.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // Bundled CommonJS code may call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: "workspace-only",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@oess/") ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  logLevel: "warning",
});
