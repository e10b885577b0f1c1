/*
 * sqlite.c: the SQLite backend of the store (backend.h): one file, schema
 * in schema.sql plus MIGRATION_2 below. The default when the path is not
 * a postgresql:// URL.
 *
 * What it supplies to store.c: opening and migrating the file, running a
 * statement with its binds (prepared statements are cached per SQL text,
 * so the puts of a batch parse each statement once), transactions, and
 * full-text search through FTS5.
 *
 * Invariants:
 * - Every connection runs with foreign_keys on, WAL journal and a 5 s busy
 *   timeout; the schema is migrated by PRAGMA user_version, and a database
 *   from a newer entente is refused rather than touched.
 * - The sentence of a record is substr() on the text as a BLOB: bytes, not
 *   characters; column_text gives them NUL-terminated.
 * - The full-text index documents_fts (FTS5, external content) follows
 *   the documents table through triggers; user queries never reach FTS5
 *   as syntax (fts_string quotes every word and phrase).
 * - One writer at a time (SQLite's lock), so merging needs no lock_groups.
 */
#include "store/backend.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema_sql.h" /* generated from schema.sql: ent_schema_sql */

/* Statements kept prepared, by SQL text; a statement in use (a callback
 * that queries again) is not shared: the second use prepares its own. */
#define CACHE_MAX 64
typedef struct cached {
	sqlite3_stmt *st;
	bool busy;
} cached;

typedef struct sqlite_be {
	sqlite3 *db;
	ENT_VEC(cached) cache;
	ent_map cache_index; /* SQL text -> index in cache */
} sqlite_be;

#define DB(s) (((sqlite_be *)(s)->be)->db)

/* Version 2: outlets, declared levels, merged events and full-text search
 * (docs/storage.md). ent_outlet() is an SQL function of this connection
 * (register_functions). The merged table is filled by ent_store_open right
 * after this step (rebuild_all_merged). */
static const char MIGRATION_2[] =
	"ALTER TABLE documents ADD COLUMN outlet TEXT;\n"
	"UPDATE documents SET outlet = ent_outlet(url);\n"
	"ALTER TABLE events ADD COLUMN pair_a TEXT;\n"
	"ALTER TABLE events ADD COLUMN pair_b TEXT;\n"
	"ALTER TABLE events ADD COLUMN merged_id INTEGER;\n"
	"UPDATE events SET pair_a = " PAIR_A_OF ", pair_b = " PAIR_B_OF ";\n"
	"CREATE INDEX events_group ON events (root, pair_a, pair_b);\n"
	"CREATE INDEX events_merged_id ON events (merged_id);\n"
	"CREATE TABLE levels (\n"
	"	id             INTEGER PRIMARY KEY,\n"
	"	document_id    INTEGER NOT NULL REFERENCES documents (id)"
	" ON DELETE CASCADE,\n"
	"	a              TEXT NOT NULL,\n"
	"	b              TEXT NOT NULL,\n"
	"	level          TEXT NOT NULL,\n"
	"	rank           INTEGER NOT NULL,\n"
	"	date           TEXT,\n"
	"	sentence_start INTEGER NOT NULL DEFAULT 0,\n"
	"	sentence_len   INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX levels_pair ON levels (a, b, rank);\n"
	"CREATE INDEX levels_document_id ON levels (document_id);\n"
	"CREATE TABLE merged (\n"
	"	id           INTEGER PRIMARY KEY,\n"
	"	root         TEXT NOT NULL,\n"
	"	code         TEXT NOT NULL,\n"
	"	a            TEXT NOT NULL,\n"
	"	b            TEXT NOT NULL,\n"
	"	source       TEXT,\n"
	"	target       TEXT,\n"
	"	source_name  TEXT,\n"
	"	target_name  TEXT,\n"
	"	date         TEXT,\n"
	"	last_date    TEXT,\n"
	"	place        TEXT,\n"
	"	sectors_mask INTEGER NOT NULL DEFAULT 0,\n"
	"	goldstein    REAL,\n"
	"	quad         INTEGER,\n"
	"	plover       TEXT,\n"
	"	mentions     INTEGER NOT NULL,\n"
	"	articles     INTEGER NOT NULL,\n"
	"	outlets      INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX merged_group ON merged (root, a, b);\n"
	"CREATE INDEX merged_pair ON merged (a, b, date);\n"
	"CREATE INDEX merged_b ON merged (b, date);\n"
	"CREATE INDEX merged_date ON merged (date);\n"
	"CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text,"
	" content = 'documents', content_rowid = 'id',"
	" tokenize = 'unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
	" INSERT INTO documents_fts (rowid, title, text)"
	" VALUES (new.id, new.title, new.text); END;\n"
	"CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
	" INSERT INTO documents_fts (documents_fts, rowid, title, text)"
	" VALUES ('delete', old.id, old.title, old.text); END;\n"
	"CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text"
	" ON documents BEGIN"
	" INSERT INTO documents_fts (documents_fts, rowid, title, text)"
	" VALUES ('delete', old.id, old.title, old.text);"
	" INSERT INTO documents_fts (rowid, title, text)"
	" VALUES (new.id, new.title, new.text); END;\n"
	"INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');\n";

/* Version 3: the mentions of a group by date, for merging only the
 * merged events a batch's new mentions can link to (store.c,
 * merge_new_docs: ranges of dates within a group); it also serves
 * everything events_group served. */
static const char MIGRATION_3[] =
	"CREATE INDEX events_group_date ON events (root, pair_a, pair_b, date);\n"
	"DROP INDEX events_group;\n";

/* Migration steps: MIGRATIONS[v - 1] takes a database from version v - 1
 * to v. Version 1 is the whole schema.sql; later versions are additions
 * (never edit an applied step). */
static const char *const MIGRATIONS[ENT_STORE_SCHEMA_VERSION] = {
	ent_schema_sql,
	MIGRATION_2,
	MIGRATION_3,
};

const char *ent_store_migration_sql(int version)
{
	if (version < 1 || version > ENT_STORE_SCHEMA_VERSION)
		return NULL;
	return MIGRATIONS[version - 1];
}

/* ------------------------------------------------------------------ */
/* Errors and statements                                                */

/* The ENT_E* code for an SQLite result code: the file could not be read or
 * written (ENT_EIO) or SQLite refused (ENT_ESTORE). */
static int code_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_FULL:
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return ENT_EIO;
	default:
		return ENT_ESTORE;
	}
}

/* Sets "PATH: <what>: <sqlite's message>" after a failed call with result
 * `rc`, and returns the matching ENT_E* code. */
static int fail_db(ent_store *s, int rc, const char *what)
{
	return ent_store_failf(s, code_of(rc), "%s: %s", what,
			       sqlite3_errmsg(DB(s)));
}

static int sq_exec(ent_store *s, const char *sql, const char *what)
{
	int rc = sqlite3_exec(DB(s), sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ENT_OK : fail_db(s, rc, what);
}

static void bind_all(sqlite3_stmt *st, const ent_binds *b)
{
	for (int i = 0; b && i < b->n; i++) {
		const ent_bind *x = &b->v[i];
		switch (x->kind) {
		case ENT_BIND_TEXT:
			sqlite3_bind_text64(st, i + 1, x->text, x->len,
					    SQLITE_STATIC, SQLITE_UTF8);
			break;
		case ENT_BIND_INT:
			sqlite3_bind_int64(st, i + 1, x->num);
			break;
		case ENT_BIND_DOUBLE:
			sqlite3_bind_double(st, i + 1, x->dbl);
			break;
		default:
			sqlite3_bind_null(st, i + 1);
		}
	}
}

/* The one loop of prepare, bind, step, call, reset of the backend. */
static int sq_query(ent_store *s, const char *sql, const ent_binds *b,
		    ent_row_fn fn, void *ctx, const char *what)
{
	sqlite_be *be = s->be;
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;
	size_t n = strlen(sql);
	uint32_t *ix = ent_map_get(&be->cache_index, sql, n);

	if (ix && !be->cache.items[*ix].busy) {
		st = be->cache.items[*ix].st;
	} else {
		rc = sqlite3_prepare_v3(DB(s), sql, -1,
					SQLITE_PREPARE_PERSISTENT, &st, NULL);
		if (rc != SQLITE_OK)
			return fail_db(s, rc, what);
		if (!ix && be->cache.len < CACHE_MAX) {
			cached x = {st, false};
			ent_map_put(&be->cache_index, sql, n,
				    (uint32_t)be->cache.len, NULL);
			ENT_VEC_PUSH(be->cache, x);
			ix = ent_map_get(&be->cache_index, sql, n);
		}
	}
	size_t ci = ix ? *ix : 0;
	bool shared = ix && be->cache.items[ci].st == st;
	if (shared)
		be->cache.items[ci].busy = true;
	bind_all(st, b);
	ent_row row = {s, st, 0};
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn && (ret = fn(&row, ctx)))
			break;
		row.i++;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail_db(s, rc, what);
	if (shared) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		be->cache.items[ci].busy = false;
	} else {
		sqlite3_finalize(st);
	}
	return ret;
}

static const char *sq_text(const ent_row *r, int i)
{
	return (const char *)sqlite3_column_text(r->h, i);
}

static size_t sq_bytes(const ent_row *r, int i)
{
	return (size_t)sqlite3_column_bytes(r->h, i);
}

static int64_t sq_int64(const ent_row *r, int i)
{
	return sqlite3_column_int64(r->h, i);
}

static double sq_dbl(const ent_row *r, int i)
{
	return sqlite3_column_double(r->h, i);
}

/* ------------------------------------------------------------------ */
/* Opening and migrating                                                */

static int first_int(const ent_row *r, void *ctx)
{
	*(int *)ctx = (int)sq_int64(r, 0);
	return 0;
}

/* Reads PRAGMA user_version; a file that is not a database fails here,
 * the first time SQLite reads it. */
static int user_version(ent_store *s, int *out)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(DB(s), "PRAGMA user_version", -1, &st,
				    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
	} else if ((rc & 0xff) == SQLITE_NOTADB) {
		ret = ent_store_failf(s, ENT_EIO, "not a SQLite database (%s)",
				      sqlite3_errmsg(DB(s)));
	} else {
		ret = fail_db(s, rc, "reading the schema version");
	}
	sqlite3_finalize(st);
	return ret;
}

/* Brings the schema to ENT_STORE_SCHEMA_VERSION in one transaction. The
 * version is read again under the write lock so that two processes
 * creating the same file do not both run the steps. */
static int migrate(ent_store *s)
{
	int ret = ENT_OK, version = 0;
	bool in_tx = false;

	if ((ret = sq_exec(s, "BEGIN IMMEDIATE", "starting the migration")))
		goto done;
	in_tx = true;
	if ((ret = user_version(s, &version)))
		goto done;
	if (version == 0) {
		/* Version 0 with tables in it is somebody else's database:
		 * leave it alone rather than add ours next to theirs. */
		int tables = 0;
		if ((ret = sq_query(s, "SELECT count(*) FROM sqlite_master",
				    NULL, first_int, &tables,
				    "reading the schema")))
			goto done;
		if (tables) {
			ret = ent_store_failf(s, ENT_EINVALID,
					      "not an entente database (it has "
					      "tables but no schema version)");
			goto done;
		}
	}
	for (int v = version + 1; v <= ENT_STORE_SCHEMA_VERSION; v++) {
		char what[64], pragma[64];
		snprintf(what, sizeof(what), "creating schema version %d", v);
		if ((ret = sq_exec(s, MIGRATIONS[v - 1], what)))
			goto done;
		if (v == 2 && (ret = ent_store_rebuild_all_merged(s)))
			goto done;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v);
		if ((ret = sq_exec(s, pragma, what)))
			goto done;
	}
	ret = sq_exec(s, "COMMIT", "committing the migration");
	in_tx = ret != ENT_OK;
done:
	if (in_tx)
		sqlite3_exec(DB(s), "ROLLBACK", NULL, NULL, NULL);
	return ret;
}

/* SQL ent_outlet(url): ent_url_outlet, for the migration to version 2. */
static void sql_outlet(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *h = ent_url_outlet((const char *)sqlite3_value_text(argv[0]));
	if (h)
		sqlite3_result_text(cx, h, -1, free);
	else
		sqlite3_result_null(cx);
}

static void sq_close(ent_store *s)
{
	sqlite_be *be = s->be;
	if (!be)
		return;
	for (size_t i = 0; i < be->cache.len; i++)
		sqlite3_finalize(be->cache.items[i].st);
	ENT_VEC_FREE(be->cache);
	ent_map_dispose(&be->cache_index);
	sqlite3_close_v2(be->db); /* an open batch is rolled back */
	free(be);
	s->be = NULL;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                         */

static int sq_begin(ent_store *s)
{
	return sq_exec(s, "BEGIN IMMEDIATE", "starting a batch");
}

static int sq_commit(ent_store *s)
{
	return sq_exec(s, "COMMIT", "committing a batch");
}

/* SQLite may already have rolled back after some errors. */
static int sq_rollback(ent_store *s)
{
	if (sqlite3_get_autocommit(DB(s)))
		return ENT_OK;
	return sq_exec(s, "ROLLBACK", "rolling back a batch");
}

static bool sq_in_batch(ent_store *s)
{
	return !sqlite3_get_autocommit(DB(s));
}

/* A put is a savepoint, inside a batch or on its own. */
static int sq_put_begin(ent_store *s, bool in_batch)
{
	(void)in_batch;
	return sq_exec(s, "SAVEPOINT ent_put", "starting to store a document");
}

static int sq_put_end(ent_store *s, bool in_batch)
{
	(void)in_batch;
	return sq_exec(s, "RELEASE ent_put", "finishing to store a document");
}

static void sq_put_undo(ent_store *s, bool in_batch)
{
	(void)in_batch;
	sqlite3_exec(DB(s), "ROLLBACK TO ent_put; RELEASE ent_put", NULL, NULL,
		     NULL);
}

/* ------------------------------------------------------------------ */
/* Full-text search                                                     */

/* Appends p[0..n) as an FTS5 string: in double quotes, quotes doubled. */
static void fts_string(const char *p, size_t n, void *ctx)
{
	ent_buf *q = ctx;
	if (q->len)
		ent_buf_putc(q, ' ');
	ent_buf_putc(q, '"');
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			ent_buf_putc(q, '"');
		ent_buf_putc(q, p[i]);
	}
	ent_buf_putc(q, '"');
}

/* The user's words as an FTS5 query that cannot be read as FTS5 syntax:
 * each term becomes an FTS5 string (implicit AND between them). */
static int sq_search(ent_store *s, const char *query, size_t limit,
		     ent_search_cb cb, void *ctx)
{
	ent_buf q = ENT_BUF_INIT;
	ent_binds b = {0};
	ent_hit_walk w = {cb, ctx};
	int ret = ENT_OK;

	if (ent_search_terms(query, fts_string, &q) == 0)
		goto done; /* only punctuation: nothing can match */
	ent_bind_text(&b, q.data);
	ent_bind_int(&b, limit == 0 || limit > INT64_MAX ? -1 : (int64_t)limit);
	ret = sq_query(s,
		"SELECT d.doc_id, d.title, d.date, d.url,"
		" snippet(documents_fts, -1, '[', ']', '...', 16),"
		" bm25(documents_fts, 2.0, 1.0) AS score,"
		" (SELECT count(*) FROM events e WHERE e.document_id = d.id"
		" AND e.root <> '01')"
		" FROM documents_fts JOIN documents d"
		" ON d.id = documents_fts.rowid"
		" WHERE documents_fts MATCH ? ORDER BY score, d.doc_id"
		" LIMIT ?", &b, ent_search_hit_row, &w, "searching");
done:
	ent_buf_dispose(&q);
	return ret;
}

static const ent_store_ops SQLITE_OPS = {
	.name = "sqlite",
	.close = sq_close,
	.query = sq_query,
	.exec = sq_exec,
	.text = sq_text,
	.bytes = sq_bytes,
	.int64 = sq_int64,
	.dbl = sq_dbl,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_batch = sq_in_batch,
	.put_begin = sq_put_begin,
	.put_end = sq_put_end,
	.put_undo = sq_put_undo,
	.lock_groups = NULL,
	.search = sq_search,
	.sentence_sql = "substr(CAST(d.text AS BLOB), e.sentence_start + 1,"
			" e.sentence_len)",
	.limit_null = false,
};

int ent_sqlite_open(ent_store *s, const char *path)
{
	sqlite_be *be = ent_xcalloc(1, sizeof(*be));
	int ret = ENT_OK, version = 0;

	ent_map_init(&be->cache_index);
	s->be = be;
	s->ops = &SQLITE_OPS;
	int rc = sqlite3_open_v2(path, &be->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
				 NULL);
	if (rc != SQLITE_OK)
		return be->db ? fail_db(s, rc, "cannot open database")
			      : ent_store_failf(s, ENT_EIO,
						"cannot open database");
	sqlite3_busy_timeout(be->db, 5000);
	rc = sqlite3_create_function(be->db, "ent_outlet", 1,
				     SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				     sql_outlet, NULL, NULL);
	if (rc != SQLITE_OK)
		return fail_db(s, rc, "registering SQL functions");
	if ((ret = user_version(s, &version)))
		return ret;
	if (version > ENT_STORE_SCHEMA_VERSION)
		return ent_store_failf(s, ENT_ESTORE,
				       "schema version %d is newer than this "
				       "entente understands (version %d): use a "
				       "newer entente",
				       version, ENT_STORE_SCHEMA_VERSION);
	if ((ret = sq_exec(s, "PRAGMA foreign_keys = ON",
			   "turning on foreign keys")))
		return ret;
	/* migrate (or refuse a foreign database) before anything is changed */
	if (version < ENT_STORE_SCHEMA_VERSION && (ret = migrate(s)))
		return ret;
	/* journal_mode answers with a row, which exec ignores; an in-memory
	 * database stays "memory". */
	return sq_exec(s, "PRAGMA journal_mode = WAL", "switching to WAL journal");
}
