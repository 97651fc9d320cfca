-- claimgraph schema, in SQLite's dialect; `dialect.pg_ddl` translates it for PostgreSQL (type names in upper
-- case, column names never: the translation relies on it). Only the store package reads or writes SQL.
-- Every claim, event and mention points to a document and a character span of its text.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL DEFAULT '',
  url TEXT, title TEXT, outlet TEXT,
  published TEXT, published_precision TEXT, published_text TEXT,
  raw_id TEXT,
  author TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  extractor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_ingested ON documents(ingested_at);

-- Identities as extraction saw them (gazetteer actors share one id across documents).
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  refs TEXT NOT NULL DEFAULT '[]',
  first_seen TEXT NOT NULL
);

-- Merges decided by resolution or by a user; an entity absent here is its own actor.
CREATE TABLE IF NOT EXISTS merges (
  entity_id TEXT PRIMARY KEY REFERENCES entities(id),
  actor_id TEXT NOT NULL REFERENCES entities(id),
  judgement_id TEXT
);
CREATE INDEX IF NOT EXISTS merges_actor ON merges(actor_id);

CREATE VIEW IF NOT EXISTS entity_actor AS
  SELECT e.id AS entity_id, COALESCE(m.actor_id, e.id) AS actor_id
  FROM entities e LEFT JOIN merges m ON m.entity_id = e.id;

CREATE TABLE IF NOT EXISTS aliases (
  entity_id TEXT NOT NULL REFERENCES entities(id),
  alias TEXT NOT NULL,
  norm TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT '',   -- a document id, or a gazetteer reference
  PRIMARY KEY (entity_id, norm)
);
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);

CREATE TABLE IF NOT EXISTS mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  entity_id TEXT NOT NULL REFERENCES entities(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (doc_id, entity_id, start, "end")
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  subject_id TEXT NOT NULL REFERENCES entities(id),
  predicate TEXT NOT NULL,
  object_id TEXT REFERENCES entities(id),
  role TEXT,
  polarity TEXT NOT NULL,
  modality TEXT NOT NULL,
  source_name TEXT NOT NULL, source_kind TEXT NOT NULL, source_cue TEXT,
  time TEXT, time_precision TEXT, time_end TEXT, time_text TEXT,
  place_id TEXT REFERENCES entities(id),
  ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL,
  cues TEXT NOT NULL DEFAULT '[]',
  extractor TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL,
  body TEXT NOT NULL               -- the claim as contract JSON, for exports and the API
);
-- An actor page reads its claims in document order, one side at a time: these indexes serve it sorted.
CREATE INDEX IF NOT EXISTS claims_subject_page ON claims(subject_id, doc_id, ev_start, id);
CREATE INDEX IF NOT EXISTS claims_object_page ON claims(object_id, doc_id, ev_start, id);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_predicate ON claims(predicate);

CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  type TEXT NOT NULL, mode TEXT,
  place_name TEXT, admin1 TEXT, country TEXT, geonames_id INTEGER,
  date TEXT, date_precision TEXT,
  killed_min INTEGER, killed_max INTEGER,
  wounded_min INTEGER, wounded_max INTEGER,
  responsibility TEXT NOT NULL,
  ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL,
  extractor TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

CREATE TABLE IF NOT EXISTS event_actors (
  event_id TEXT NOT NULL REFERENCES events(id),
  entity_id TEXT NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL,               -- perpetrator | target
  PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors(entity_id);

-- Inputs that could not be stored, with why. Re-running the same bad input records it once.
CREATE TABLE IF NOT EXISTS failures (
  source TEXT NOT NULL, line INTEGER NOT NULL DEFAULT 0,
  stage TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (source, line, stage)
);

CREATE VIRTUAL TABLE IF NOT EXISTS entity_search USING fts5(entity_id UNINDEXED, name, aliases);
