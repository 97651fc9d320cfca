// The map's only dependencies, bundled into one ES module (vendor/geo.esm.min.js) by build.mjs.
export { geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
export { feature, mesh } from "topojson-client";
