/*
 * sqlite.c: the event store, one SQLite file (schema in schema.sql).
 *
 * Where it sits: after the engine. ent_store_put keeps a coded document,
 * its events and its declared levels, and merges its events with the
 * mentions of the same events by other articles (the rule is in merge.c
 * and docs/storage.md); ent_store_events / ent_store_pairs /
 * ent_store_document / ent_store_merged / ent_store_relation /
 * ent_store_timeline / ent_store_actors / ent_store_search read them back
 * for the CLI's query commands, the HTTP API and exports.
 *
 * Invariants:
 * - A document is stored once per content (SHA-256 of its text bytes), with
 *   all its events or none (a savepoint around each put, so a put is atomic
 *   inside or outside an ent_store_begin batch).
 * - "None" is NULL in the database, never "".
 * - Every connection runs with foreign_keys on, WAL journal and a 5 s busy
 *   timeout; the schema is migrated by PRAGMA user_version, and a database
 *   from a newer entente is refused rather than touched.
 * - Records handed to callbacks borrow the statement's column text: valid
 *   only during the callback. Their sentence is cut from the document text
 *   by byte offsets (substr on the text as a BLOB), NUL-terminated.
 * - Every message starts with the database path and names what failed.
 * - Merged events are a function of the stored mentions: after a put
 *   outside a batch, the (root, a, b) groups the document touched are
 *   merged again inside the put's savepoint; inside a batch
 *   (ent_store_begin) they are queued and merged again by ent_store_commit
 *   just before COMMIT, once per group (merging a group costs its size, so
 *   500 puts into one big group would cost 500 times that). Until the
 *   commit, the batch's new events have no merged event yet.
 * - The full-text index documents_fts (FTS5, external content) follows
 *   the documents table through triggers; user queries never reach FTS5
 *   as syntax (fts_query quotes every word and phrase).
 */
#include "store/store.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "schema_sql.h" /* generated from schema.sql: ent_schema_sql */

struct ent_store {
	sqlite3 *db;
	char *path;                 /* as given to ent_store_open, for messages */
	char err[1024];             /* the last failure, "" when none */
	sqlite3_stmt *find_hash;    /* cached statements of ent_store_put */
	sqlite3_stmt *insert_doc;
	sqlite3_stmt *insert_event;
	sqlite3_stmt *group_select; /* cached statements of merging */
	sqlite3_stmt *merged_insert;
	sqlite3_stmt *merged_link;
	/* Groups "root\x1fa\x1fb" touched by puts of the open batch, merged
	 * again at its commit (see flush_merges). */
	ENT_VEC(char *) pending;
	ent_map pending_set;
};

/* The pair of countries of an event as merging sees it (docs/storage.md):
 * a <= b, '---' for no country, and '---' always as b. */
#define SIDE_SC "COALESCE(NULLIF(source_country, ''), '---')"
#define SIDE_TC "COALESCE(NULLIF(target_country, ''), '---')"
#define PAIR_A_OF "CASE WHEN " SIDE_TC " = '---' OR (" SIDE_SC " <> '---'" \
	" AND " SIDE_SC " <= " SIDE_TC ") THEN " SIDE_SC " ELSE " SIDE_TC " END"
#define PAIR_B_OF "CASE WHEN " SIDE_TC " = '---' OR (" SIDE_SC " <> '---'" \
	" AND " SIDE_SC " <= " SIDE_TC ") THEN " SIDE_TC " ELSE " SIDE_SC " END"

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

/* Migration steps: MIGRATIONS[v - 1] takes a database from version v - 1
 * to v. Version 1 is the whole schema.sql; later versions are additions
 * (never edit an applied step). */
static const char *const MIGRATIONS[ENT_STORE_SCHEMA_VERSION] = {
	ent_schema_sql,
	MIGRATION_2,
};

const char *ent_store_migration_sql(int version)
{
	if (version < 1 || version > ENT_STORE_SCHEMA_VERSION)
		return NULL;
	return MIGRATIONS[version - 1];
}

static int rebuild_all_merged(ent_store *s);
static void clear_pending(ent_store *s);
static const char *col_text(sqlite3_stmt *st, int i);
static int flush_merges(ent_store *s);

/* ------------------------------------------------------------------ */
/* Errors                                                               */

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

/* Sets the message "PATH: <fmt...>" and returns `code`. */
static int failf(ent_store *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int failf(ent_store *s, int code, const char *fmt, ...)
{
	int n = snprintf(s->err, sizeof(s->err), "%s: ", s->path);
	if (n < 0 || (size_t)n >= sizeof(s->err))
		n = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err + n, sizeof(s->err) - (size_t)n, fmt, ap);
	va_end(ap);
	return code;
}

/* Sets "PATH: <what>: <sqlite's message>" after a failed call with result
 * `rc`, and returns the matching ENT_E* code. */
static int fail_db(ent_store *s, int rc, const char *what)
{
	return failf(s, code_of(rc), "%s: %s", what, sqlite3_errmsg(s->db));
}

static int exec(ent_store *s, const char *sql, const char *what)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ENT_OK : fail_db(s, rc, what);
}

/* Prepares a statement cached in *st on first use, resets it otherwise. */
static int prepare_cached(ent_store *s, sqlite3_stmt **st, const char *sql,
			  const char *what)
{
	if (*st) {
		sqlite3_reset(*st);
		sqlite3_clear_bindings(*st);
		return ENT_OK;
	}
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				    st, NULL);
	return rc == SQLITE_OK ? ENT_OK : fail_db(s, rc, what);
}

/* Binds a string, with NULL and "" both as SQL NULL. The string must
 * outlive the step (SQLITE_STATIC). */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* The first n bytes of v, or NULL when v is shorter (or NULL). */
static void bind_prefix(sqlite3_stmt *st, int i, const char *v, size_t n)
{
	if (v && strlen(v) >= n)
		sqlite3_bind_text(st, i, v, (int)n, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* ------------------------------------------------------------------ */
/* Opening and migrating                                                */

/* Reads PRAGMA user_version; a file that is not a database fails here,
 * the first time SQLite reads it. */
static int user_version(ent_store *s, int *out)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
				    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
	} else if ((rc & 0xff) == SQLITE_NOTADB) {
		ret = failf(s, ENT_EIO, "not a SQLite database (%s)",
			    sqlite3_errmsg(s->db));
	} else {
		ret = fail_db(s, rc, "reading the schema version");
	}
	sqlite3_finalize(st);
	return ret;
}

/* True when the database holds no table, index or view at all. */
static int is_empty(ent_store *s, bool *empty)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT count(*) FROM sqlite_master", -1,
				    &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*empty = sqlite3_column_int(st, 0) == 0;
	else
		ret = fail_db(s, rc, "reading the schema");
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

	if ((ret = exec(s, "BEGIN IMMEDIATE", "starting the migration")))
		goto done;
	in_tx = true;
	if ((ret = user_version(s, &version)))
		goto done;
	if (version == 0) {
		/* Version 0 with tables in it is somebody else's database:
		 * leave it alone rather than add ours next to theirs. */
		bool empty = false;
		if ((ret = is_empty(s, &empty)))
			goto done;
		if (!empty) {
			ret = failf(s, ENT_EINVALID,
				    "not an entente database (it has tables "
				    "but no schema version)");
			goto done;
		}
	}
	for (int v = version + 1; v <= ENT_STORE_SCHEMA_VERSION; v++) {
		char what[64], pragma[64];
		snprintf(what, sizeof(what), "creating schema version %d", v);
		if ((ret = exec(s, MIGRATIONS[v - 1], what)))
			goto done;
		if (v == 2 && (ret = rebuild_all_merged(s)))
			goto done;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v);
		if ((ret = exec(s, pragma, what)))
			goto done;
	}
	ret = exec(s, "COMMIT", "committing the migration");
	in_tx = ret != ENT_OK;
done:
	if (in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return ret;
}

char *ent_url_outlet(const char *url)
{
	if (!url || !*url)
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	/* user:password@ goes; so does :port */
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	const char *colon = memchr(p, ':', n);
	if (colon)
		n = (size_t)(colon - p);
	if (n >= 4 && (p[0] == 'w' || p[0] == 'W') &&
	    (p[1] == 'w' || p[1] == 'W') && (p[2] == 'w' || p[2] == 'W') &&
	    p[3] == '.') {
		p += 4;
		n -= 4;
	}
	if (n == 0)
		return NULL;
	char *h = ent_xstrndup(p, n);
	for (char *c = h; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return h;
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

static int register_functions(ent_store *s)
{
	int rc = sqlite3_create_function(s->db, "ent_outlet", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					 NULL, sql_outlet, NULL, NULL);
	return rc == SQLITE_OK ? ENT_OK
			       : fail_db(s, rc, "registering SQL functions");
}

/* Copies a message into a smaller buffer, cutting it (if it must) before
 * a UTF-8 sequence rather than inside one. */
static void copy_message(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int ent_store_open(ent_store **out, const char *path, ent_error *err)
{
	ent_store *s = NULL;
	int ret = ENT_OK, version = 0;

	*out = NULL;
	if (!path || !*path) {
		if (err) {
			err->code = ENT_EUSAGE;
			snprintf(err->message, sizeof(err->message),
				 "no database path given");
		}
		return ENT_EUSAGE;
	}
	s = ent_xcalloc(1, sizeof(*s));
	s->path = ent_xstrdup(path);
	ent_map_init(&s->pending_set);

	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
				 NULL);
	if (rc != SQLITE_OK) {
		ret = s->db ? fail_db(s, rc, "cannot open database")
			    : failf(s, ENT_EIO, "cannot open database");
		goto done;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if ((ret = register_functions(s)))
		goto done;

	if ((ret = user_version(s, &version)))
		goto done;
	if (version > ENT_STORE_SCHEMA_VERSION) {
		ret = failf(s, ENT_ESTORE,
			    "schema version %d is newer than this entente "
			    "understands (version %d): use a newer entente",
			    version, ENT_STORE_SCHEMA_VERSION);
		goto done;
	}
	if ((ret = exec(s, "PRAGMA foreign_keys = ON",
			"turning on foreign keys")))
		goto done;
	/* migrate (or refuse a foreign database) before anything is changed */
	if (version < ENT_STORE_SCHEMA_VERSION && (ret = migrate(s)))
		goto done;
	/* journal_mode answers with a row, which exec ignores; an in-memory
	 * database stays "memory". */
	if ((ret = exec(s, "PRAGMA journal_mode = WAL",
			"switching to WAL journal")))
		goto done;
	s->err[0] = '\0';
	*out = s;
	s = NULL;
done:
	if (s) {
		if (err) {
			err->code = ret;
			copy_message(err->message, sizeof(err->message),
				     s->err);
		}
		ent_store_close(s);
	}
	return ret;
}

void ent_store_close(ent_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->find_hash);
	sqlite3_finalize(s->insert_doc);
	sqlite3_finalize(s->insert_event);
	sqlite3_finalize(s->group_select);
	sqlite3_finalize(s->merged_insert);
	sqlite3_finalize(s->merged_link);
	clear_pending(s);
	ent_map_dispose(&s->pending_set);
	sqlite3_close_v2(s->db); /* an open batch is rolled back */
	free(s->path);
	free(s);
}

const char *ent_store_error(const ent_store *s)
{
	return s ? s->err : "no store";
}

/* ------------------------------------------------------------------ */
/* Batches                                                              */

static void clear_pending(ent_store *s)
{
	for (size_t i = 0; i < s->pending.len; i++)
		free(s->pending.items[i]);
	ENT_VEC_FREE(s->pending);
	ent_map_dispose(&s->pending_set);
	ent_map_init(&s->pending_set);
}

static int remerge_group(ent_store *s, const char *root, const char *a,
			 const char *b);

/* Merges again the groups the batch's puts touched. */
static int flush_merges(ent_store *s)
{
	int ret = ENT_OK;
	for (size_t i = 0; i < s->pending.len && ret == ENT_OK; i++) {
		char *key = s->pending.items[i];
		char *a = strchr(key, '\x1f');
		char *b = a ? strchr(a + 1, '\x1f') : NULL;
		if (!b)
			continue;
		*a = *b = '\0';
		ret = remerge_group(s, key, a + 1, b + 1);
		*a = *b = '\x1f';
	}
	clear_pending(s);
	return ret;
}

int ent_store_begin(ent_store *s)
{
	return exec(s, "BEGIN IMMEDIATE", "starting a batch");
}

int ent_store_commit(ent_store *s)
{
	int ret = flush_merges(s);
	if (ret)
		return ret;
	return exec(s, "COMMIT", "committing a batch");
}

/* Rolling back when no batch is open (SQLite already did, after some
 * errors) is not an error. */
int ent_store_rollback(ent_store *s)
{
	clear_pending(s);
	if (sqlite3_get_autocommit(s->db))
		return ENT_OK;
	return exec(s, "ROLLBACK", "rolling back a batch");
}

/* ------------------------------------------------------------------ */
/* Storing                                                              */

static int insert_event(ent_store *s, sqlite3_int64 document_id,
			const char *doc_id, const ent_record *r, size_t i)
{
	sqlite3_stmt *st = NULL;
	ent_buf sectors = ENT_BUF_INIT;
	int ret = ENT_OK;

	if (!r->code || strlen(r->code) < 2) {
		ret = failf(s, ENT_EUSAGE,
			    "document '%s': event %zu has no CAMEO code",
			    doc_id, i + 1);
		goto done;
	}
	if ((ret = prepare_cached(s, &s->insert_event,
		"INSERT INTO events (document_id, doc_id, code, root, source,"
		" target, source_country, target_country, source_name,"
		" target_name, date, place, sectors, sectors_mask, negated,"
		" sentence_start, sentence_len, trigger_start, trigger_len,"
		" source_start, source_len, target_start, target_len,"
		" goldstein, quad, plover, confidence) VALUES (?1, ?2, ?3, ?4,"
		" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
		"preparing the event insert")))
		goto done;
	st = s->insert_event;

	for (unsigned b = 0; b < ENT_SECTOR_COUNT; b++) {
		if (!(r->sectors & (UINT64_C(1) << b)))
			continue;
		if (sectors.len)
			ent_buf_putc(&sectors, ',');
		ent_buf_puts(&sectors, ent_sector_name(b));
	}

	sqlite3_bind_int64(st, 1, document_id);
	sqlite3_bind_text(st, 2, doc_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->code, 2, SQLITE_STATIC);
	bind_str(st, 5, r->source);
	bind_str(st, 6, r->target);
	bind_prefix(st, 7, r->source, 3);
	bind_prefix(st, 8, r->target, 3);
	bind_str(st, 9, r->source_name);
	bind_str(st, 10, r->target_name);
	bind_str(st, 11, r->date);
	bind_str(st, 12, r->place);
	bind_str(st, 13, sectors.data);
	/* Only the ENT_SECTOR_COUNT low bits mean anything. */
	sqlite3_bind_int64(st, 14, (sqlite3_int64)(r->sectors &
		((UINT64_C(1) << ENT_SECTOR_COUNT) - 1)));
	sqlite3_bind_int(st, 15, r->negated ? 1 : 0);
	sqlite3_bind_int64(st, 16, r->sentence_span.start);
	sqlite3_bind_int64(st, 17, r->sentence_span.len);
	sqlite3_bind_int64(st, 18, r->trigger.start);
	sqlite3_bind_int64(st, 19, r->trigger.len);
	sqlite3_bind_int64(st, 20, r->source_span.start);
	sqlite3_bind_int64(st, 21, r->source_span.len);
	sqlite3_bind_int64(st, 22, r->target_span.start);
	sqlite3_bind_int64(st, 23, r->target_span.len);
	sqlite3_bind_double(st, 24, r->goldstein);
	sqlite3_bind_int(st, 25, r->quad);
	bind_str(st, 26, r->plover);
	sqlite3_bind_double(st, 27, r->confidence);

	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		char what[256];
		snprintf(what, sizeof(what),
			 "storing event %zu of document '%s'", i + 1, doc_id);
		ret = fail_db(s, rc, what);
	}
done:
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	ent_buf_dispose(&sectors);
	return ret;
}

/* Looks the content hash up: *found tells whether it is stored. */
static int find_hash(ent_store *s, const char *hash, bool *found)
{
	int ret = prepare_cached(s, &s->find_hash,
		"SELECT 1 FROM documents WHERE content_hash = ?1",
		"preparing the document lookup");
	if (ret)
		return ret;
	sqlite3_bind_text(s->find_hash, 1, hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s->find_hash);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		*found = rc == SQLITE_ROW;
	else
		ret = fail_db(s, rc, "looking the document up");
	sqlite3_reset(s->find_hash);
	sqlite3_clear_bindings(s->find_hash);
	return ret;
}

static int insert_document(ent_store *s, const ent_input *in,
			   const char *hash, size_t sentence_count,
			   const char *lang, sqlite3_int64 *rowid)
{
	sqlite3_stmt *st = NULL;
	int ret = prepare_cached(s, &s->insert_doc,
		"INSERT INTO documents (doc_id, content_hash, date, title,"
		" lang, url, origin, text, sentence_count, outlet)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ent_outlet(?6))",
		"preparing the document insert");
	if (ret)
		return ret;
	st = s->insert_doc;
	sqlite3_bind_text(st, 1, in->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	bind_str(st, 3, in->date);
	bind_str(st, 4, in->title);
	bind_str(st, 5, lang);
	bind_str(st, 6, in->url);
	bind_str(st, 7, in->origin);
	sqlite3_bind_text64(st, 8, in->text, in->len, SQLITE_STATIC,
			    SQLITE_UTF8);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)sentence_count);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		*rowid = sqlite3_last_insert_rowid(s->db);
	} else {
		char what[256];
		snprintf(what, sizeof(what), "storing document '%s'", in->id);
		ret = fail_db(s, rc, what);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Declared levels and merged events                                    */

static int insert_levels(ent_store *s, sqlite3_int64 document_id,
			 const char *doc_id, const ent_level *lv, size_t n)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	if (n == 0)
		return ENT_OK;
	int rc = sqlite3_prepare_v2(s->db,
		"INSERT INTO levels (document_id, a, b, level, rank, date,"
		" sentence_start, sentence_len) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		" ?7, ?8)", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the level insert");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const ent_level *l = &lv[i];
		if (!l->a[0] || !l->b[0] || !l->level || !*l->level)
			continue;
		bool swap = strcmp(l->a, l->b) > 0;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, document_id);
		sqlite3_bind_text(st, 2, swap ? l->b : l->a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, swap ? l->a : l->b, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, l->level, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, l->rank);
		bind_str(st, 6, l->date);
		sqlite3_bind_int64(st, 7, l->sentence.start);
		sqlite3_bind_int64(st, 8, l->sentence.len);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE) {
			char what[256];
			snprintf(what, sizeof(what),
				 "storing level %zu of document '%s'", i + 1,
				 doc_id);
			ret = fail_db(s, rc, what);
			goto done;
		}
	}
done:
	sqlite3_finalize(st);
	return ret;
}

/* One mention of a (root, a, b) group, as merging reads it. */
typedef struct mention {
	sqlite3_int64 id, document_id, merged_id;
	const char *code, *source, *target, *source_name, *target_name;
	const char *date, *place, *plover, *outlet;
	uint64_t sectors;
	double goldstein;
	int quad;
} mention;

static const char *arena_col(ent_arena *a, sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? ent_arena_strndup(a, t,
				     (size_t)sqlite3_column_bytes(st, i))
		 : NULL;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_i64(const void *x, const void *y)
{
	sqlite3_int64 a = *(const sqlite3_int64 *)x;
	sqlite3_int64 b = *(const sqlite3_int64 *)y;
	return a < b ? -1 : a > b;
}

/* The most frequent of n strings (NULLs left out), ties to the smallest;
 * NULL when all are NULL. v is reordered. */
static const char *most_frequent(const char **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i])
			v[k++] = v[i];
	if (k == 0)
		return NULL;
	qsort(v, k, sizeof(*v), cmp_str);
	const char *best = v[0];
	size_t best_n = 0;
	for (size_t i = 0; i < k;) {
		size_t j = i;
		while (j < k && strcmp(v[j], v[i]) == 0)
			j++;
		if (j - i > best_n) {
			best_n = j - i;
			best = v[i];
		}
		i = j;
	}
	return best;
}

static long distinct_strings(const char **v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_str);
	long d = 1;
	for (size_t i = 1; i < n; i++)
		d += strcmp(v[i], v[i - 1]) != 0;
	return d;
}

static long distinct_ids(sqlite3_int64 *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_i64);
	long d = 1;
	for (size_t i = 1; i < n; i++)
		d += v[i] != v[i - 1];
	return d;
}

/* Writes the merged row of the mentions m[idx[0..k)] (in merge order) and
 * points those mentions at it. */
static int write_merged(ent_store *s, const char *root, const char *a,
			const char *b, const mention *m, const size_t *idx,
			size_t k)
{
	const mention *rep = &m[idx[0]];
	const char **strs = ent_xcalloc(k, sizeof(*strs));
	sqlite3_int64 *ids = ent_xcalloc(k, sizeof(*ids));
	int ret = ENT_OK, rc;

	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].code;
	const char *code = most_frequent(strs, k);
	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].place;
	const char *place = most_frequent(strs, k);
	for (size_t i = 0; i < k; i++)
		strs[i] = m[idx[i]].outlet ? m[idx[i]].outlet : "";
	long outlets = distinct_strings(strs, k);
	for (size_t i = 0; i < k; i++)
		ids[i] = m[idx[i]].document_id;
	long articles = distinct_ids(ids, k);

	/* Dates: the finest precision present; coarser dates contain those
	 * and add nothing. */
	size_t prec = 0;
	const char *d0 = NULL, *d1 = NULL;
	uint64_t sectors = 0;
	const mention *coded = rep;
	bool found = false;
	for (size_t i = 0; i < k; i++) {
		const mention *x = &m[idx[i]];
		sectors |= x->sectors;
		if (!found && code && strcmp(x->code, code) == 0) {
			coded = x;
			found = true;
		}
		if (x->date && strlen(x->date) > prec)
			prec = strlen(x->date);
	}
	for (size_t i = 0; i < k; i++) {
		const char *d = m[idx[i]].date;
		if (!d || strlen(d) != prec)
			continue;
		if (!d0 || strcmp(d, d0) < 0)
			d0 = d;
		if (!d1 || strcmp(d, d1) > 0)
			d1 = d;
	}

	if ((ret = prepare_cached(s, &s->merged_insert,
		"INSERT INTO merged (id, root, code, a, b, source, target,"
		" source_name, target_name, date, last_date, place,"
		" sectors_mask, goldstein, quad, plover, mentions, articles,"
		" outlets) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		" ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
		"preparing the merged insert")))
		goto done;
	sqlite3_stmt *st = s->merged_insert;
	sqlite3_bind_int64(st, 1, rep->id);
	sqlite3_bind_text(st, 2, root, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, code ? code : rep->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b, -1, SQLITE_STATIC);
	bind_str(st, 6, rep->source);
	bind_str(st, 7, rep->target);
	bind_str(st, 8, rep->source_name);
	bind_str(st, 9, rep->target_name);
	bind_str(st, 10, d0);
	bind_str(st, 11, d1);
	bind_str(st, 12, place);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)sectors);
	sqlite3_bind_double(st, 14, coded->goldstein);
	sqlite3_bind_int(st, 15, coded->quad);
	bind_str(st, 16, coded->plover);
	sqlite3_bind_int64(st, 17, (sqlite3_int64)k);
	sqlite3_bind_int64(st, 18, articles);
	sqlite3_bind_int64(st, 19, outlets);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "storing a merged event");
		goto done;
	}
	for (size_t i = 0; i < k; i++) {
		const mention *x = &m[idx[i]];
		if (x->merged_id == rep->id)
			continue;
		if ((ret = prepare_cached(s, &s->merged_link,
			"UPDATE events SET merged_id = ?1 WHERE id = ?2",
			"preparing the merged link")))
			goto done;
		sqlite3_bind_int64(s->merged_link, 1, rep->id);
		sqlite3_bind_int64(s->merged_link, 2, x->id);
		rc = sqlite3_step(s->merged_link);
		sqlite3_reset(s->merged_link);
		if (rc != SQLITE_DONE) {
			ret = fail_db(s, rc, "linking an event to its merged event");
			goto done;
		}
	}
done:
	free(strs);
	free(ids);
	return ret;
}

/* Deletes and rebuilds the merged events of one (root, a, b) group from
 * all its mentions (negated ones are left out: they report that the
 * event did not happen). */
static int remerge_group(ent_store *s, const char *root, const char *a,
			 const char *b)
{
	ENT_VEC(mention) ms = {0};
	ent_arena strings;
	size_t *comp = NULL, *idx = NULL, *next = NULL;
	const char **dates = NULL, **places = NULL;
	int ret = ENT_OK, rc;
	char *sql = NULL;

	ent_arena_init(&strings, 16 * 1024);
	sql = sqlite3_mprintf("DELETE FROM merged WHERE root = %Q AND a = %Q"
			      " AND b = %Q", root, a, b);
	if ((ret = exec(s, sql, "deleting merged events")))
		goto done;
	if ((ret = prepare_cached(s, &s->group_select,
		"SELECT e.id, e.document_id, e.merged_id, e.code, e.source,"
		" e.target, e.source_name, e.target_name, e.date, e.place,"
		" e.plover, d.outlet, e.sectors_mask, e.goldstein, e.quad"
		" FROM events e JOIN documents d ON d.id = e.document_id"
		" WHERE e.root = ?1 AND e.pair_a = ?2 AND e.pair_b = ?3"
		" AND e.negated = 0"
		" ORDER BY e.date, d.content_hash, e.sentence_start, e.code,"
		" e.source, e.target, e.trigger_start, e.id",
		"preparing the group query")))
		goto done;
	sqlite3_stmt *st = s->group_select;
	sqlite3_bind_text(st, 1, root, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mention x;
		x.id = sqlite3_column_int64(st, 0);
		x.document_id = sqlite3_column_int64(st, 1);
		x.merged_id = sqlite3_column_int64(st, 2);
		x.code = arena_col(&strings, st, 3);
		x.source = arena_col(&strings, st, 4);
		x.target = arena_col(&strings, st, 5);
		x.source_name = arena_col(&strings, st, 6);
		x.target_name = arena_col(&strings, st, 7);
		x.date = arena_col(&strings, st, 8);
		x.place = arena_col(&strings, st, 9);
		x.plover = arena_col(&strings, st, 10);
		x.outlet = arena_col(&strings, st, 11);
		x.sectors = (uint64_t)sqlite3_column_int64(st, 12);
		x.goldstein = sqlite3_column_double(st, 13);
		x.quad = sqlite3_column_int(st, 14);
		ENT_VEC_PUSH(ms, x);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "reading a group of mentions");
		goto done;
	}
	size_t n = ms.len;
	if (n == 0)
		goto done;
	comp = ent_xcalloc(n, sizeof(*comp));
	idx = ent_xcalloc(n, sizeof(*idx));
	next = ent_xcalloc(n, sizeof(*next));
	dates = ent_xcalloc(n, sizeof(*dates));
	places = ent_xcalloc(n, sizeof(*places));
	for (size_t i = 0; i < n; i++) {
		dates[i] = ms.items[i].date;
		places[i] = ms.items[i].place;
	}
	ent_merge_components(n, dates, places, comp);
	/* Chain each component's members in order: next[] holds the
	 * following member, n at the end; tails via idx as scratch. */
	for (size_t i = 0; i < n; i++) {
		next[i] = n;
		if (comp[i] != i)
			next[idx[comp[i]]] = i;
		idx[comp[i]] = i; /* the component's last member so far */
	}
	size_t *members = ent_xcalloc(n, sizeof(*members));
	for (size_t r = 0; r < n && ret == ENT_OK; r++) {
		if (comp[r] != r)
			continue;
		size_t k = 0;
		for (size_t i = r; i < n; i = next[i])
			members[k++] = i;
		ret = write_merged(s, root, a, b, ms.items, members, k);
	}
	free(members);
done:
	sqlite3_free(sql);
	free(comp);
	free(idx);
	free(next);
	free(dates);
	free(places);
	ENT_VEC_FREE(ms);
	ent_arena_dispose(&strings);
	return ret;
}

/* Recomputes the groups of mentions whose statement `sql` lists as rows
 * (root, a, b), binding `document_id` when it is not 0. */
static int remerge_groups(ent_store *s, const char *sql,
			  sqlite3_int64 document_id)
{
	sqlite3_stmt *st = NULL;
	ENT_VEC(char *) keys = {0};
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the group list");
		goto done;
	}
	if (document_id)
		sqlite3_bind_int64(st, 1, document_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < 3; i++)
			ENT_VEC_PUSH(keys, ent_xstrdup(sqlite3_column_text(st, i) ? (const char *)sqlite3_column_text(st, i) : ""));
	if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "listing groups of mentions");
		goto done;
	}
	for (size_t i = 0; i + 2 < keys.len && ret == ENT_OK; i += 3)
		ret = remerge_group(s, keys.items[i], keys.items[i + 1],
				    keys.items[i + 2]);
done:
	for (size_t i = 0; i < keys.len; i++)
		free(keys.items[i]);
	ENT_VEC_FREE(keys);
	sqlite3_finalize(st);
	return ret;
}

/* Lists the groups a stored document touched into *keys. */
static int document_groups(ent_store *s, sqlite3_int64 document_id,
			   ent_buf *keys)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(s->db, "SELECT DISTINCT root, pair_a,"
				    " pair_b FROM events WHERE document_id"
				    " = ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, document_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			ent_buf_printf(keys, "%s\x1f%s\x1f%s",
				       col_text(st, 0), col_text(st, 1),
				       col_text(st, 2));
			ent_buf_putc(keys, '\0');
		}
	}
	if (rc != SQLITE_DONE)
		ret = fail_db(s, rc, "listing a document's groups");
	sqlite3_finalize(st);
	return ret;
}

/* After a document is stored: its events get their pair, then every
 * (root, a, b) group it touched is merged again: at once, or at the
 * commit of the batch the put is part of (`deferred`: merging a group
 * costs its size, and a batch of N puts into one big group would cost N
 * times that). The touched groups are queued by the caller once the put
 * succeeds. */
static int remerge_document(ent_store *s, sqlite3_int64 document_id,
			    bool deferred, ent_buf *keys)
{
	if (deferred) {
		char *sql = sqlite3_mprintf("UPDATE events SET pair_a = "
					    PAIR_A_OF ", pair_b = " PAIR_B_OF
					    " WHERE document_id = %lld",
					    (long long)document_id);
		int ret = exec(s, sql, "pairing events");
		sqlite3_free(sql);
		return ret ? ret : document_groups(s, document_id, keys);
	}
	char *sql = sqlite3_mprintf("UPDATE events SET pair_a = " PAIR_A_OF
				    ", pair_b = " PAIR_B_OF
				    " WHERE document_id = %lld",
				    (long long)document_id);
	int ret = exec(s, sql, "pairing events");
	sqlite3_free(sql);
	if (ret)
		return ret;
	return remerge_groups(s, "SELECT DISTINCT root, pair_a, pair_b"
				 " FROM events WHERE document_id = ?1"
				 " ORDER BY 1, 2, 3", document_id);
}

/* Every group, from scratch (the migration to version 2). */
static int rebuild_all_merged(ent_store *s)
{
	int ret = exec(s, "DELETE FROM merged; UPDATE events SET merged_id ="
			  " NULL", "clearing merged events");
	if (ret)
		return ret;
	return remerge_groups(s, "SELECT DISTINCT root, pair_a, pair_b"
				 " FROM events ORDER BY 1, 2, 3", 0);
}

int ent_store_put_records(ent_store *s, const ent_input *in,
			  const ent_record *recs, size_t n,
			  size_t sentence_count, const char *lang,
			  bool *was_new)
{
	return ent_store_put_full(s, in, recs, n, NULL, 0, sentence_count,
				  lang, was_new);
}

int ent_store_put_full(ent_store *s, const ent_input *in,
		       const ent_record *recs, size_t n,
		       const ent_level *levels, size_t nlevels,
		       size_t sentence_count, const char *lang, bool *was_new)
{
	char hash[65];
	bool found = false, in_savepoint = false, deferred = false;
	ent_buf keys = ENT_BUF_INIT;
	sqlite3_int64 rowid = 0;
	int ret = ENT_OK;

	if (was_new)
		*was_new = false;
	if (!in->id || !*in->id || !in->text) {
		ret = failf(s, ENT_EUSAGE, "document from %s has no %s",
			    in->origin ? in->origin : "?",
			    in->text ? "id" : "text");
		goto done;
	}
	ent_sha256_hex(in->text, in->len, hash);
	if ((ret = find_hash(s, hash, &found)) || found)
		goto done;

	/* inside a batch (an open transaction), merging waits for its commit */
	deferred = !sqlite3_get_autocommit(s->db);
	if ((ret = exec(s, "SAVEPOINT ent_put", "starting to store a document")))
		goto done;
	in_savepoint = true;
	if ((ret = insert_document(s, in, hash, sentence_count, lang, &rowid)))
		goto done;
	for (size_t i = 0; i < n; i++)
		if ((ret = insert_event(s, rowid, in->id, &recs[i], i)))
			goto done;
	if ((ret = insert_levels(s, rowid, in->id, levels, nlevels)))
		goto done;
	if ((ret = remerge_document(s, rowid, deferred, &keys)))
		goto done;
	ret = exec(s, "RELEASE ent_put", "finishing to store a document");
	if (ret == ENT_OK) {
		in_savepoint = false;
		if (was_new)
			*was_new = true;
		for (size_t at = 0; at < keys.len; at += strlen(keys.data + at) + 1) {
			size_t kl = strlen(keys.data + at);
			bool added = false;
			ent_map_put(&s->pending_set, keys.data + at, kl, 0, &added);
			if (added)
				ENT_VEC_PUSH(s->pending, ent_xstrndup(keys.data + at, kl));
		}
	}
done:
	ent_buf_dispose(&keys);
	if (in_savepoint) {
		/* Undo this document only; an enclosing batch stays open. */
		sqlite3_exec(s->db, "ROLLBACK TO ent_put; RELEASE ent_put",
			     NULL, NULL, NULL);
	}
	return ret;
}

int ent_store_put(ent_store *s, const ent_input *in, const ent_doc *d,
		  bool *was_new)
{
	size_t n = ent_doc_event_count(d);
	ent_record *recs = ent_xcalloc(n ? n : 1, sizeof(*recs));
	for (size_t i = 0; i < n; i++)
		ent_record_from_event(&recs[i], d, ent_doc_event(d, i));
	size_t nl = ent_doc_level_count(d);
	ent_level *lv = ent_xcalloc(nl ? nl : 1, sizeof(*lv));
	for (size_t i = 0; i < nl; i++)
		lv[i] = *ent_doc_level(d, i);
	int ret = ent_store_put_full(s, in, recs, n, lv, nl,
				     ent_doc_sentence_count(d),
				     ent_doc_lang(d), was_new);
	free(lv);
	free(recs);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Queries                                                              */

/* Bound parameters of a query built from an ent_filter, in order. */
#define MAX_BINDS 16
typedef struct binds {
	struct {
		const char *text; /* when non-NULL */
		sqlite3_int64 num;
	} v[MAX_BINDS];
	int n;
} binds;

static void push_text(binds *b, const char *t)
{
	b->v[b->n].text = t;
	b->n++;
}

static void push_num(binds *b, sqlite3_int64 x)
{
	b->v[b->n].text = NULL;
	b->v[b->n].num = x;
	b->n++;
}

static void bind_all(sqlite3_stmt *st, const binds *b)
{
	for (int i = 0; i < b->n; i++) {
		if (b->v[i].text)
			sqlite3_bind_text(st, i + 1, b->v[i].text, -1,
					  SQLITE_STATIC);
		else
			sqlite3_bind_int64(st, i + 1, b->v[i].num);
	}
}

/* The country of each side as the pair summary names it: '---' for none. */
#define SIDE_A "COALESCE(NULLIF(e.source_country, ''), '---')"
#define SIDE_B "COALESCE(NULLIF(e.target_country, ''), '---')"

/* The columns a filter reads, for the events table `e` and the merged
 * table `m`: one filter builder serves both. */
typedef struct filter_cols {
	const char *country;  /* a condition with two ?: either side is ? */
	const char *side_a, *side_b; /* the two sides' expressions */
	const char *date, *code, *sectors;
	const char *doc;      /* a condition with one ?: mentioned by that doc */
} filter_cols;

static const filter_cols EVENT_COLS = {
	"(e.source_country = ? OR e.target_country = ?)", SIDE_A, SIDE_B,
	"e.date", "e.code", "e.sectors_mask", "e.doc_id = ?"};
static const filter_cols MERGED_COLS = {
	"(m.a = ? OR m.b = ?)", "m.a", "m.b", "m.date", "m.code", "m.sectors_mask",
	"m.id IN (SELECT merged_id FROM events WHERE doc_id = ?)"};

/* Appends " AND ..." for each filter of f on the columns `c` (all but
 * limit, offset and, when !scored, scored_only). */
static int add_filters_on(ent_store *s, const ent_filter *f, const filter_cols *c,
			  ent_buf *sql, binds *b)
{
	if (f->country && *f->country) {
		ent_buf_printf(sql, " AND %s", c->country);
		push_text(b, f->country);
		push_text(b, f->country);
	}
	bool has_a = f->pair_a && *f->pair_a, has_b = f->pair_b && *f->pair_b;
	if (has_a != has_b)
		return failf(s, ENT_EUSAGE,
			     "a country pair needs two countries (got only "
			     "'%s')", has_a ? f->pair_a : f->pair_b);
	if (has_a) {
		ent_buf_printf(sql, " AND ((%s = ? AND %s = ?) OR (%s = ? AND %s = ?))",
			       c->side_a, c->side_b, c->side_a, c->side_b);
		push_text(b, f->pair_a);
		push_text(b, f->pair_b);
		push_text(b, f->pair_b);
		push_text(b, f->pair_a);
	}
	if (f->since && *f->since) {
		ent_buf_printf(sql, " AND %s >= ?", c->date);
		push_text(b, f->since);
	}
	if (f->until && *f->until) {
		/* "2024-03" keeps every day of March 2024. */
		ent_buf_printf(sql, " AND substr(%s, 1, length(?)) <= ?", c->date);
		push_text(b, f->until);
		push_text(b, f->until);
	}
	if (f->code && *f->code) {
		/* A prefix, compared exactly (no LIKE wildcards). */
		ent_buf_printf(sql, " AND substr(%s, 1, length(?)) = ?", c->code);
		push_text(b, f->code);
		push_text(b, f->code);
	}
	if (f->sector && *f->sector) {
		int i = ent_sector_index(f->sector);
		if (i < 0)
			return failf(s, ENT_EUSAGE,
				     "unknown sector '%s' (see EVENTS.md "
				     "section 5)", f->sector);
		ent_buf_printf(sql, " AND (%s & ?) != 0", c->sectors);
		push_num(b, (sqlite3_int64)(UINT64_C(1) << i));
	}
	if (f->doc_id && *f->doc_id) {
		ent_buf_printf(sql, " AND %s", c->doc);
		push_text(b, f->doc_id);
	}
	return ENT_OK;
}

/* The filters of f on the events table `e`. */
static int add_filters(ent_store *s, const ent_filter *f, ent_buf *sql,
		       binds *b)
{
	return add_filters_on(s, f, &EVENT_COLS, sql, b);
}

static void add_limit(ent_buf *sql, const ent_filter *f, binds *b)
{
	ent_buf_puts(sql, " LIMIT ? OFFSET ?");
	push_num(b, f->limit == 0 || f->limit > INT64_MAX
			    ? -1 : (sqlite3_int64)f->limit);
	push_num(b, f->offset > INT64_MAX ? INT64_MAX
					  : (sqlite3_int64)f->offset);
}

/* The columns that row_record reads, in its order. */
static const char EVENT_SELECT[] =
	"SELECT e.id, e.doc_id, e.code, e.source, e.target, e.source_name,"
	" e.target_name, e.date, e.place, e.sectors_mask, e.negated,"
	" substr(CAST(d.text AS BLOB), e.sentence_start + 1, e.sentence_len),"
	" e.goldstein, e.quad, e.plover, e.confidence, e.sentence_start,"
	" e.sentence_len, e.trigger_start, e.trigger_len, e.source_start,"
	" e.source_len, e.target_start, e.target_len"
	" FROM events e JOIN documents d ON d.id = e.document_id"
	" WHERE 1";

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static ent_span col_span(sqlite3_stmt *st, int i)
{
	ent_span sp;
	sp.start = (uint32_t)sqlite3_column_int64(st, i);
	sp.len = (uint32_t)sqlite3_column_int64(st, i + 1);
	return sp;
}

/* Fills r from the current row of an EVENT_SELECT statement. */
static void row_record(sqlite3_stmt *st, ent_record *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->doc_id = col_text(st, 1);
	r->code = col_text(st, 2);
	r->source = col_text(st, 3);
	r->target = col_text(st, 4);
	r->source_name = col_text(st, 5);
	r->target_name = col_text(st, 6);
	r->date = col_text(st, 7);
	r->place = col_text(st, 8);
	r->sectors = (uint64_t)sqlite3_column_int64(st, 9);
	r->negated = sqlite3_column_int(st, 10) != 0;
	/* column_text on the BLOB gives a NUL-terminated copy; bytes after. */
	r->sentence = col_text(st, 11);
	r->sentence_len = (size_t)sqlite3_column_bytes(st, 11);
	if (!r->sentence) {
		r->sentence = "";
		r->sentence_len = 0;
	}
	r->goldstein = sqlite3_column_double(st, 12);
	r->quad = sqlite3_column_int(st, 13);
	r->plover = col_text(st, 14);
	r->confidence = sqlite3_column_double(st, 15);
	r->sentence_span = col_span(st, 16);
	r->trigger = col_span(st, 18);
	r->source_span = col_span(st, 20);
	r->target_span = col_span(st, 22);
}

/* Steps st to the end, calling cb on each row as a record. */
static int walk_records(ent_store *s, sqlite3_stmt *st, ent_record_cb cb,
			void *ctx, long *rows)
{
	ent_record r;
	int rc;
	*rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_record(st, &r);
		++*rows;
		int stop = cb(&r, ctx);
		if (stop)
			return stop;
	}
	return rc == SQLITE_DONE ? ENT_OK : fail_db(s, rc, "reading events");
}

int ent_store_events(ent_store *s, const ent_filter *f, ent_record_cb cb,
		     void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_buf sql = ENT_BUF_INIT;
	binds b = {0};
	sqlite3_stmt *st = NULL;
	long rows = 0;
	int ret = ENT_OK;

	if (!f)
		f = &none;
	ent_buf_puts(&sql, EVENT_SELECT);
	if ((ret = add_filters(s, f, &sql, &b)))
		goto done;
	if (f->scored_only)
		ent_buf_puts(&sql, " AND e.root <> '01'");
	ent_buf_puts(&sql, f->newest_first
		? " ORDER BY e.date IS NULL, e.date DESC, e.doc_id, e.id"
		: " ORDER BY e.date IS NULL, e.date, e.doc_id, e.id");
	add_limit(&sql, f, &b);

	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the event query");
		goto done;
	}
	bind_all(st, &b);
	ret = walk_records(s, st, cb, ctx, &rows);
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_event(ent_store *s, int64_t id, ent_record_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	sqlite3_stmt *st = NULL;
	long rows = 0;
	int ret = ENT_OK;

	ent_buf_puts(&sql, EVENT_SELECT);
	ent_buf_puts(&sql, " AND e.id = ?1");
	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the event query");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	ret = walk_records(s, st, cb, ctx, &rows);
	if (ret == ENT_OK && rows == 0)
		ret = failf(s, ENT_ENOTFOUND, "no event with id %" PRId64, id);
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

/* A malloc'ed copy of column i, or NULL when it is NULL. */
static char *col_dup(sqlite3_stmt *st, int i, size_t *len)
{
	const char *t = col_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	if (len)
		*len = t ? n : 0;
	return t ? ent_xstrndup(t, n) : NULL;
}

/* When several stored documents share doc_id (the same id with different
 * texts), the latest one is returned. */
int ent_store_document(ent_store *s, const char *doc_id, char **text,
		       size_t *len, char **date, char **title)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;

	if (text)
		*text = NULL;
	if (len)
		*len = 0;
	if (date)
		*date = NULL;
	if (title)
		*title = NULL;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT text, date, title FROM documents WHERE doc_id = ?1"
		" ORDER BY id DESC LIMIT 1", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the document query");
		goto done;
	}
	sqlite3_bind_text(st, 1, doc_id ? doc_id : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		ret = failf(s, ENT_ENOTFOUND, "no document with id '%s'",
			    doc_id ? doc_id : "");
		goto done;
	}
	if (rc != SQLITE_ROW) {
		ret = fail_db(s, rc, "reading a document");
		goto done;
	}
	if (text)
		*text = col_dup(st, 0, len);
	if (date)
		*date = col_dup(st, 1, NULL);
	if (title)
		*title = col_dup(st, 2, NULL);
done:
	sqlite3_finalize(st);
	return ret;
}

/* Per unordered country pair (a <= b, '---' for no target always as b) of
 * the scored events: counts, quad counts, mean Goldstein, date range and
 * the five most frequent codes ("040:3 057:2", ties by code). The top
 * codes are joined by group_concat used as a window function, whose
 * ORDER BY fixes the order (a plain aggregate's order is unspecified). */
static const char PAIRS_HEAD[] =
	"WITH ev AS ("
	" SELECT " SIDE_A " AS sc, " SIDE_B " AS tc, e.code, e.quad,"
	" e.goldstein, e.date FROM events e"
	" WHERE e.root BETWEEN '02' AND '20'";
static const char PAIRS_TAIL[] =
	"), p AS ("
	" SELECT CASE WHEN tc = '---' OR (sc <> '---' AND sc <= tc)"
	" THEN sc ELSE tc END AS a,"
	" CASE WHEN tc = '---' OR (sc <> '---' AND sc <= tc)"
	" THEN tc ELSE sc END AS b,"
	" code, quad, goldstein, date FROM ev"
	"), agg AS ("
	" SELECT a, b, count(*) AS n, sum(quad = 1) AS q1, sum(quad = 2) AS q2,"
	" sum(quad = 3) AS q3, sum(quad = 4) AS q4, avg(goldstein) AS g,"
	" min(date) AS d0, max(date) AS d1 FROM p GROUP BY a, b"
	"), codes AS ("
	" SELECT a, b, code, count(*) AS n FROM p GROUP BY a, b, code"
	"), ranked AS ("
	" SELECT a, b, code, n, row_number() OVER"
	" (PARTITION BY a, b ORDER BY n DESC, code) AS rn FROM codes"
	"), top AS ("
	" SELECT DISTINCT a, b, group_concat(code || ':' || n, ' ') OVER"
	" (PARTITION BY a, b ORDER BY rn ROWS BETWEEN UNBOUNDED PRECEDING"
	" AND UNBOUNDED FOLLOWING) AS codes FROM ranked WHERE rn <= 5"
	") SELECT agg.a, agg.b, agg.n, agg.q1, agg.q2, agg.q3, agg.q4, agg.g,"
	" agg.d0, agg.d1, top.codes FROM agg"
	" JOIN top ON top.a = agg.a AND top.b = agg.b"
	" ORDER BY agg.n DESC, agg.a, agg.b";

int ent_store_pairs(ent_store *s, const ent_filter *f, ent_pair_cb cb,
		    void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_buf sql = ENT_BUF_INIT;
	binds b = {0};
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;

	if (!f)
		f = &none;
	ent_buf_puts(&sql, PAIRS_HEAD);
	if ((ret = add_filters(s, f, &sql, &b)))
		goto done;
	ent_buf_puts(&sql, PAIRS_TAIL);
	add_limit(&sql, f, &b);

	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the pair summary");
		goto done;
	}
	bind_all(st, &b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_pair_summary p;
		memset(&p, 0, sizeof(p));
		p.a = col_text(st, 0);
		p.b = col_text(st, 1);
		p.events = (long)sqlite3_column_int64(st, 2);
		for (int q = 1; q <= 4; q++)
			p.by_quad[q] = (long)sqlite3_column_int64(st, 2 + q);
		p.goldstein_mean = sqlite3_column_double(st, 7);
		p.first_date = col_text(st, 8);
		p.last_date = col_text(st, 9);
		p.top_codes = col_text(st, 10);
		if ((ret = cb(&p, ctx)))
			goto done;
	}
	if (rc != SQLITE_DONE)
		ret = fail_db(s, rc, "reading the pair summary");
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_counts(ent_store *s, long *docs, long *events)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT (SELECT count(*) FROM documents),"
		" (SELECT count(*) FROM events)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (docs)
			*docs = (long)sqlite3_column_int64(st, 0);
		if (events)
			*events = (long)sqlite3_column_int64(st, 1);
	} else {
		ret = fail_db(s, rc, "counting documents and events");
	}
	sqlite3_finalize(st);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Merged events                                                        */

/* The filters of f on the merged table `m` (doc_id selects the merged
 * events that document mentions). */
static int add_merged_filters(ent_store *s, const ent_filter *f,
			      ent_buf *sql, binds *b)
{
	return add_filters_on(s, f, &MERGED_COLS, sql, b);
}

static const char MERGED_SELECT[] =
	"SELECT m.id, m.code, m.a, m.b, m.source, m.target, m.source_name,"
	" m.target_name, m.date, m.last_date, m.place, m.sectors_mask,"
	" m.goldstein, m.quad, m.plover, m.mentions, m.articles, m.outlets"
	" FROM merged m WHERE 1";

static void row_merged(sqlite3_stmt *st, ent_merged *m)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->code = col_text(st, 1);
	m->a = col_text(st, 2);
	m->b = col_text(st, 3);
	m->source = col_text(st, 4);
	m->target = col_text(st, 5);
	m->source_name = col_text(st, 6);
	m->target_name = col_text(st, 7);
	m->date = col_text(st, 8);
	m->last_date = col_text(st, 9);
	m->place = col_text(st, 10);
	m->sectors = (uint64_t)sqlite3_column_int64(st, 11);
	m->goldstein = sqlite3_column_double(st, 12);
	m->quad = sqlite3_column_int(st, 13);
	m->plover = col_text(st, 14);
	m->mentions = (long)sqlite3_column_int64(st, 15);
	m->articles = (long)sqlite3_column_int64(st, 16);
	m->outlets = (long)sqlite3_column_int64(st, 17);
}

int ent_store_merged(ent_store *s, const ent_filter *f, ent_merged_cb cb,
		     void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_buf sql = ENT_BUF_INIT;
	binds b = {0};
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;

	if (!f)
		f = &none;
	ent_buf_puts(&sql, MERGED_SELECT);
	if ((ret = add_merged_filters(s, f, &sql, &b)))
		goto done;
	if (f->scored_only)
		ent_buf_puts(&sql, " AND m.root <> '01'");
	ent_buf_puts(&sql, f->newest_first
		? " ORDER BY m.date IS NULL, m.date DESC, m.id DESC"
		: " ORDER BY m.date IS NULL, m.date, m.id");
	add_limit(&sql, f, &b);
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the merged event query");
		goto done;
	}
	bind_all(st, &b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_merged m;
		row_merged(st, &m);
		if ((ret = cb(&m, ctx)))
			goto done;
	}
	if (rc != SQLITE_DONE)
		ret = fail_db(s, rc, "reading merged events");
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_mentions(ent_store *s, int64_t id, ent_record_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	sqlite3_stmt *st = NULL;
	long rows = 0;
	int ret = ENT_OK;

	ent_buf_puts(&sql, EVENT_SELECT);
	ent_buf_puts(&sql, " AND e.merged_id = ?1 ORDER BY e.date,"
			   " d.content_hash, e.sentence_start, e.code,"
			   " e.source, e.target, e.trigger_start, e.id");
	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the mention query");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	ret = walk_records(s, st, cb, ctx, &rows);
	if (ret == ENT_OK && rows == 0)
		ret = failf(s, ENT_ENOTFOUND, "no merged event with id %" PRId64,
			    id);
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Relations, timelines, actors                                         */

/* Checks an ISO3 argument: three capital letters. */
static int check_country(ent_store *s, const char *what, const char *c)
{
	if (c && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' &&
	    c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z')
		return ENT_OK;
	return failf(s, ENT_EUSAGE, "%s: expected an ISO3 code such as VNM, "
		     "got '%s'", what, c ? c : "(none)");
}

/* " AND <the pair a-b, or a on either side> AND <since/until> AND
 * <roots 02-20>" on merged `m`. */
static void add_relation_filters(ent_buf *sql, binds *b, const char *a,
				 const char *bb, const char *since,
				 const char *until)
{
	if (bb && *bb) {
		ent_buf_puts(sql, " AND ((m.a = ? AND m.b = ?) OR"
				  " (m.a = ? AND m.b = ?))");
		push_text(b, a);
		push_text(b, bb);
		push_text(b, bb);
		push_text(b, a);
	} else {
		ent_buf_puts(sql, " AND (m.a = ? OR m.b = ?)");
		push_text(b, a);
		push_text(b, a);
	}
	if (since && *since) {
		ent_buf_puts(sql, " AND m.date >= ?");
		push_text(b, since);
	}
	if (until && *until) {
		ent_buf_puts(sql, " AND substr(m.date, 1, length(?)) <= ?");
		push_text(b, until);
		push_text(b, until);
	}
	ent_buf_puts(sql, " AND m.root BETWEEN '02' AND '20'");
}

static void copy_date(char *dst, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n > 10)
		n = 10;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

static int by_sector(const void *x, const void *y)
{
	const ent_relation_sector *a = x, *b = y;
	if (a->events != b->events)
		return a->events > b->events ? -1 : 1;
	return strcmp(a->sector, b->sector);
}

/* The declared level of the pair (or of a with anyone): the highest rank,
 * and the earliest date (the level's, else its document's) it was stated. */
static int relation_level(ent_store *s, ent_relation *r, const char *since,
			  const char *until)
{
	ent_buf sql = ENT_BUF_INIT;
	binds b = {0};
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;

	ent_buf_puts(&sql, "SELECT l.level, l.rank, COALESCE(l.date, d.date)"
			   " AS dt, d.doc_id FROM levels l JOIN documents d"
			   " ON d.id = l.document_id WHERE 1");
	if (r->b[0]) {
		ent_buf_puts(&sql, " AND l.a = ? AND l.b = ?");
		bool swap = strcmp(r->a, r->b) > 0;
		push_text(&b, swap ? r->b : r->a);
		push_text(&b, swap ? r->a : r->b);
	} else {
		ent_buf_puts(&sql, " AND (l.a = ? OR l.b = ?)");
		push_text(&b, r->a);
		push_text(&b, r->a);
	}
	if (since && *since) {
		ent_buf_puts(&sql, " AND COALESCE(l.date, d.date) >= ?");
		push_text(&b, since);
	}
	if (until && *until) {
		ent_buf_puts(&sql, " AND substr(COALESCE(l.date, d.date), 1,"
				   " length(?)) <= ?");
		push_text(&b, until);
		push_text(&b, until);
	}
	ent_buf_puts(&sql, " ORDER BY l.rank DESC, dt IS NULL, dt, d.doc_id,"
			   " l.id LIMIT 1");
	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the level query");
		goto done;
	}
	bind_all(st, &b);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->level = col_dup(st, 0, NULL);
		r->level_rank = sqlite3_column_int(st, 1);
		copy_date(r->level_since, col_text(st, 2));
		r->level_doc = col_dup(st, 3, NULL);
	} else if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "reading declared levels");
	}
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_relation(ent_store *s, const char *a, const char *b,
		       const char *since, const char *until,
		       ent_relation **out)
{
	ent_relation *r = NULL;
	ent_buf sql = ENT_BUF_INIT;
	binds bd = {0};
	sqlite3_stmt *st = NULL;
	ENT_VEC(ent_relation_month) months = {0};
	long sec_n[ENT_SECTOR_COUNT] = {0};
	char sec_last[ENT_SECTOR_COUNT][11];
	double gsum = 0;
	int ret = ENT_OK, rc;

	*out = NULL;
	if (b && !*b)
		b = NULL;
	if ((ret = check_country(s, "first country", a)) ||
	    (b && (ret = check_country(s, "second country", b))))
		goto done;
	r = ent_xcalloc(1, sizeof(*r));
	memcpy(r->a, a, 4);
	if (b)
		memcpy(r->b, b, 4);
	memset(sec_last, 0, sizeof(sec_last));

	ent_buf_puts(&sql, "SELECT m.root, m.quad, m.goldstein, m.date,"
			   " m.sectors_mask, m.mentions FROM merged m WHERE 1");
	add_relation_filters(&sql, &bd, a, b, since, until);
	ent_buf_puts(&sql, " ORDER BY m.date IS NULL, m.date, m.id");
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the relation query");
		goto done;
	}
	bind_all(st, &bd);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *root = col_text(st, 0);
		int quad = sqlite3_column_int(st, 1);
		double g = sqlite3_column_double(st, 2);
		const char *date = col_text(st, 3);
		uint64_t mask = (uint64_t)sqlite3_column_int64(st, 4);
		int ri = root ? atoi(root) : 0;
		r->events++;
		r->mentions += (long)sqlite3_column_int64(st, 5);
		if (ri >= 1 && ri <= 20)
			r->by_root[ri]++;
		if (quad >= 1 && quad <= 4)
			r->by_quad[quad]++;
		gsum += g;
		if (date) {
			if (!r->first_date[0] || strcmp(date, r->first_date) < 0)
				copy_date(r->first_date, date);
			if (strcmp(date, r->last_date) > 0)
				copy_date(r->last_date, date);
		}
		if (date && strlen(date) >= 7) {
			if (!months.len ||
			    strncmp(months.items[months.len - 1].month, date,
				    7) != 0) {
				ent_relation_month mo;
				memset(&mo, 0, sizeof(mo));
				memcpy(mo.month, date, 7);
				ENT_VEC_PUSH(months, mo);
			}
			ent_relation_month *mo = &months.items[months.len - 1];
			mo->events++;
			if (quad >= 1 && quad <= 4)
				mo->by_quad[quad]++;
			mo->goldstein_mean += g; /* a sum until the end */
		}
		for (int i = 0; i < ENT_SECTOR_COUNT; i++) {
			if (!(mask & (UINT64_C(1) << i)))
				continue;
			sec_n[i]++;
			if (date && strcmp(date, sec_last[i]) > 0)
				copy_date(sec_last[i], date);
		}
	}
	if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "reading the relation");
		goto done;
	}
	r->goldstein_mean = r->events ? gsum / (double)r->events : 0.0;
	for (size_t i = 0; i < months.len; i++)
		months.items[i].goldstein_mean /= (double)months.items[i].events;
	r->months = months.items;
	r->nmonths = months.len;
	months.items = NULL;
	r->sectors = ent_xcalloc(ENT_SECTOR_COUNT, sizeof(*r->sectors));
	for (int i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!sec_n[i])
			continue;
		ent_relation_sector *x = &r->sectors[r->nsectors++];
		x->sector = ent_sector_name((unsigned)i);
		x->events = sec_n[i];
		copy_date(x->last_date, sec_last[i]);
	}
	qsort(r->sectors, r->nsectors, sizeof(*r->sectors), by_sector);

	/* Articles: distinct documents among the mentions. */
	sqlite3_finalize(st);
	st = NULL;
	ent_buf_clear(&sql);
	bd.n = 0;
	ent_buf_puts(&sql, "SELECT count(DISTINCT e.document_id) FROM events e"
			   " JOIN merged m ON m.id = e.merged_id WHERE 1");
	add_relation_filters(&sql, &bd, a, b, since, until);
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		bind_all(st, &bd);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_ROW) {
		ret = fail_db(s, rc, "counting the relation's articles");
		goto done;
	}
	r->articles = (long)sqlite3_column_int64(st, 0);
	if ((ret = relation_level(s, r, since, until)))
		goto done;
	*out = r;
	r = NULL;
done:
	ENT_VEC_FREE(months);
	ent_relation_free(r);
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

void ent_relation_free(ent_relation *r)
{
	if (!r)
		return;
	free(r->months);
	free(r->sectors);
	free(r->level);
	free(r->level_doc);
	free(r);
}

int ent_store_timeline(ent_store *s, const char *a, const char *b,
		       const char *since, const char *until, bool weekly,
		       ent_bucket_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	binds bd = {0};
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;
	char cur[16] = "";
	ent_bucket bk;
	double gsum = 0;

	memset(&bk, 0, sizeof(bk));
	if (b && !*b)
		b = NULL;
	if ((ret = check_country(s, "first country", a)) ||
	    (b && (ret = check_country(s, "second country", b))))
		goto done;
	ent_buf_puts(&sql, "SELECT m.date, m.quad, m.goldstein FROM merged m"
			   " WHERE length(m.date) >= 7");
	add_relation_filters(&sql, &bd, a, b, since, until);
	ent_buf_puts(&sql, " ORDER BY m.date, m.id");
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the timeline query");
		goto done;
	}
	bind_all(st, &bd);
	/* Periods come in order: months and ISO weeks both grow with the
	 * date, and "2025-05" sorts just before "2025-05-01". */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *date = col_text(st, 0);
		char period[16];
		if (weekly) {
			if (!ent_iso_week(date, period))
				continue;
		} else {
			memcpy(period, date, 7);
			period[7] = '\0';
		}
		if (strcmp(period, cur) != 0) {
			if (bk.events) {
				bk.goldstein_mean = gsum / (double)bk.events;
				if ((ret = cb(&bk, ctx)))
					goto done;
			}
			memset(&bk, 0, sizeof(bk));
			gsum = 0;
			memcpy(cur, period, sizeof(cur));
			bk.period = cur;
		}
		int q = sqlite3_column_int(st, 1);
		bk.events++;
		if (q >= 1 && q <= 4)
			bk.by_quad[q]++;
		gsum += sqlite3_column_double(st, 2);
	}
	if (rc != SQLITE_DONE) {
		ret = fail_db(s, rc, "reading the timeline");
		goto done;
	}
	if (bk.events) {
		bk.goldstein_mean = gsum / (double)bk.events;
		ret = cb(&bk, ctx);
	}
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_actors(ent_store *s, const ent_filter *f, ent_actor_cb cb,
		     void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_filter g;
	ent_buf sql = ENT_BUF_INIT;
	binds b = {0};
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;

	if (!f)
		f = &none;
	/* only since, until, code and sector apply */
	g = (ent_filter)ENT_FILTER_INIT;
	g.since = f->since;
	g.until = f->until;
	g.code = f->code;
	g.sector = f->sector;
	ent_buf_puts(&sql, "WITH m0 AS (SELECT m.a, m.b, m.goldstein FROM"
			   " merged m WHERE m.root BETWEEN '02' AND '20'");
	if ((ret = add_merged_filters(s, &g, &sql, &b)))
		goto done;
	ent_buf_puts(&sql, "), sides AS ("
		" SELECT a AS c, b AS o, goldstein FROM m0 WHERE a <> '---'"
		" UNION ALL SELECT b, a, goldstein FROM m0"
		" WHERE b <> '---' AND b <> a)"
		" SELECT c, count(*), avg(goldstein),"
		" count(DISTINCT CASE WHEN o <> '---' AND o <> c THEN o END)"
		" FROM sides GROUP BY c ORDER BY count(*) DESC, c");
	add_limit(&sql, f, &b);
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the actor query");
		goto done;
	}
	bind_all(st, &b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_actor_stat x;
		x.country = col_text(st, 0);
		x.events = (long)sqlite3_column_int64(st, 1);
		x.goldstein_mean = sqlite3_column_double(st, 2);
		x.partners = (long)sqlite3_column_int64(st, 3);
		if ((ret = cb(&x, ctx)))
			goto done;
	}
	if (rc != SQLITE_DONE)
		ret = fail_db(s, rc, "reading actors");
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&sql);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Full-text search                                                     */

/* Whether s[0..n) holds a letter or digit (any non-ASCII byte counts):
 * a term without one would be tokenized to nothing. */
static bool has_word(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

/* Appends p[0..n) as an FTS5 string: in double quotes, quotes doubled. */
static void fts_string(ent_buf *q, const char *p, size_t n)
{
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
 * each bare word and each "quoted phrase" becomes an FTS5 string (implicit
 * AND between them); operators, stars, parentheses and column filters are
 * only text. Terms with no letter or digit are dropped. Returns the number
 * of terms (0: nothing to search for). */
static int fts_query(const char *user, ent_buf *q)
{
	int terms = 0;
	const char *p = user;
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
			continue;
		}
		const char *start, *end;
		if (*p == '"') {
			start = p + 1;
			end = strchr(start, '"');
			if (!end)
				end = start + strlen(start);
			p = *end ? end + 1 : end;
		} else {
			start = p;
			end = p + strcspn(p, " \t\n\r\"");
			p = end;
		}
		if (has_word(start, (size_t)(end - start))) {
			fts_string(q, start, (size_t)(end - start));
			terms++;
		}
	}
	return terms;
}

int ent_store_search(ent_store *s, const char *query, size_t limit,
		     ent_search_cb cb, void *ctx)
{
	ent_buf q = ENT_BUF_INIT;
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK, rc;

	if (!query || !*query || strspn(query, " \t\r\n") == strlen(query)) {
		ret = failf(s, ENT_EUSAGE, "empty search: give one or more "
			    "words, or a \"quoted phrase\"");
		goto done;
	}
	if (fts_query(query, &q) == 0)
		goto done; /* only punctuation: nothing can match */
	rc = sqlite3_prepare_v2(s->db,
		"SELECT d.doc_id, d.title, d.date, d.url,"
		" snippet(documents_fts, -1, '[', ']', '...', 16),"
		" bm25(documents_fts, 2.0, 1.0) AS score,"
		" (SELECT count(*) FROM events e WHERE e.document_id = d.id"
		" AND e.root <> '01')"
		" FROM documents_fts JOIN documents d"
		" ON d.id = documents_fts.rowid"
		" WHERE documents_fts MATCH ?1 ORDER BY score, d.doc_id"
		" LIMIT ?2", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		ret = fail_db(s, rc, "preparing the search");
		goto done;
	}
	sqlite3_bind_text(st, 1, q.data, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit == 0 || limit > INT64_MAX
				    ? -1 : (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ent_search_hit h;
		h.doc_id = col_text(st, 0);
		h.title = col_text(st, 1);
		h.date = col_text(st, 2);
		h.url = col_text(st, 3);
		h.snippet = col_text(st, 4);
		h.rank = sqlite3_column_double(st, 5);
		h.events = (long)sqlite3_column_int64(st, 6);
		if ((ret = cb(&h, ctx)))
			goto done;
	}
	if (rc != SQLITE_DONE)
		ret = fail_db(s, rc, "searching");
done:
	sqlite3_finalize(st);
	ent_buf_dispose(&q);
	return ret;
}

int ent_store_document_meta(ent_store *s, const char *doc_id, char **url,
			    char **ingested_at)
{
	sqlite3_stmt *st = NULL;
	int ret = ENT_OK;
	*url = NULL;
	*ingested_at = NULL;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT url, ingested_at FROM documents WHERE doc_id = ?1"
		" ORDER BY id DESC LIMIT 1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, doc_id ? doc_id : "", -1,
				  SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW) {
		*url = col_dup(st, 0, NULL);
		*ingested_at = col_dup(st, 1, NULL);
	} else if (rc == SQLITE_DONE) {
		ret = failf(s, ENT_ENOTFOUND, "no document with id '%s'",
			    doc_id ? doc_id : "");
	} else {
		ret = fail_db(s, rc, "reading a document");
	}
	sqlite3_finalize(st);
	return ret;
}
