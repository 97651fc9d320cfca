"""Resolution: actors across documents (judgements that can be undone), places to GeoNames, and the
independence and credibility of claims. Modules: `names` (keys), `places`, `actors`, `dedup`, `grading`."""
