"""The explorer page: static HTML, CSS and ES modules served by `claimgraph.api`. Vendored browser
libraries under static/vendor/ are copied from npm by web/build.mjs at the repository root."""
