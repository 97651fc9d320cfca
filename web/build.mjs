// Copies the browser files the explorer needs from node_modules into the Python package, so that
// neither users nor CI need npm at run time. Run with `npm ci && npm run build` after changing
// package.json, and commit the result under src/claimgraph/web/static/vendor/.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "claimgraph", "web", "static", "vendor");
mkdirSync(vendor, { recursive: true });

const files = [
  // The minified ES module build: the page imports it with a plain `import`.
  ["cytoscape/dist/cytoscape.esm.min.mjs", "cytoscape.esm.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
  // The world basemap (Natural Earth 1:110m countries as TopoJSON): the map works offline.
  ["world-atlas/countries-110m.json", "countries-110m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE.txt"],
  ["d3-geo/LICENSE", "d3-geo.LICENSE.txt"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE.txt"],
];
for (const [from, to] of files) {
  copyFileSync(join(here, "node_modules", from), join(vendor, to));
  console.log(`vendor/${to}`);
}
// d3-geo and topojson-client as one small ES module with only what the map uses.
await build({
  entryPoints: [join(here, "geo-entry.mjs")],
  bundle: true,
  minify: true,
  format: "esm",
  legalComments: "eof",
  outfile: join(vendor, "geo.esm.min.js"),
});
console.log("vendor/geo.esm.min.js");
