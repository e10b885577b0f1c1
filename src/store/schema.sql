-- schema.sql: the entente database, schema version 1 (PRAGMA user_version).
--
-- Embedded into the library at build time (cmake/embed.cmake writes it as a
-- C string into the build directory) and run by ent_store_open on a fresh
-- database, inside one transaction, before user_version is set to 1. A
-- later version adds a migration step in src/store/sqlite.c instead of
-- editing this file in place: databases already at version 1 never run it
-- again. Version 2 (MIGRATION_2 in sqlite.c: documents.outlet, the levels
-- and merged tables, events.pair_a/pair_b/merged_id and the documents_fts
-- full-text index) runs right after this file on a fresh database, and on
-- its own on a version 1 database. docs/storage.md tours the whole schema.
--
-- Conventions: "none" is NULL, never ""; dates are text "YYYY",
-- "YYYY-MM" or "YYYY-MM-DD", so that text comparison is date order;
-- offsets and lengths are byte counts into documents.text.

-- One article, stored once per content: the same bytes coded twice keep
-- the first row (content_hash is the SHA-256 of the text bytes).
CREATE TABLE documents (
	id             INTEGER PRIMARY KEY,
	doc_id         TEXT NOT NULL,        -- file name without extension, or JSON id
	content_hash   TEXT NOT NULL UNIQUE, -- 64 lowercase hex digits
	date           TEXT,                 -- the document date, if known
	title          TEXT,
	lang           TEXT,                 -- "fr", "en"
	url            TEXT,
	origin         TEXT,                 -- path it was read from, or "-"
	text           TEXT NOT NULL,        -- the whole article, UTF-8
	sentence_count INTEGER NOT NULL DEFAULT 0,
	ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX documents_doc_id ON documents (doc_id);

-- One coded event (EVENTS.md section 2). Deleting a document deletes its
-- events (foreign_keys is turned on by every connection).
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	doc_id         TEXT NOT NULL,  -- copy of documents.doc_id, for filters
	code           TEXT NOT NULL,  -- CAMEO code: "040", "0311"
	root           TEXT NOT NULL,  -- its first two digits: "04"
	source         TEXT,           -- actor code: "VNMGOV"
	target         TEXT,
	source_country TEXT,           -- first three letters of source: "VNM"
	target_country TEXT,
	source_name    TEXT,           -- canonical person name
	target_name    TEXT,
	date           TEXT,           -- when it happened, if known
	place          TEXT,           -- English place name
	sectors        TEXT,           -- sector names, comma-separated, bit order
	sectors_mask   INTEGER NOT NULL DEFAULT 0, -- bit i: ent_sector_name(i)
	negated        INTEGER NOT NULL DEFAULT 0, -- 0 or 1
	sentence_start INTEGER NOT NULL DEFAULT 0, -- the evidence sentence
	sentence_len   INTEGER NOT NULL DEFAULT 0,
	trigger_start  INTEGER NOT NULL DEFAULT 0, -- the words naming the action
	trigger_len    INTEGER NOT NULL DEFAULT 0,
	source_start   INTEGER NOT NULL DEFAULT 0, -- the words naming the source
	source_len     INTEGER NOT NULL DEFAULT 0,
	target_start   INTEGER NOT NULL DEFAULT 0, -- the words naming the target
	target_len     INTEGER NOT NULL DEFAULT 0,
	goldstein      REAL,           -- Goldstein value of the code
	quad           INTEGER,        -- quad class 1-4
	plover         TEXT,           -- PLOVER type, or "dropped"
	confidence     REAL            -- in [0,1]
);

-- The queries of ent_store_events and ent_store_pairs.
CREATE INDEX events_countries ON events (source_country, target_country, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_doc_id ON events (doc_id);
-- ON DELETE CASCADE looks events up by their document.
CREATE INDEX events_document_id ON events (document_id);
