/*
 * sqlite.c: the event store, one SQLite file (schema in schema.sql).
 *
 * Where it sits: after the engine. ent_store_put keeps a coded document and
 * its events; ent_store_events / ent_store_pairs / ent_store_document read
 * them back for the CLI's query commands and exports.
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
};

/* Migration steps: MIGRATIONS[v - 1] takes a database from version v - 1
 * to v. Version 1 is the whole schema; later versions append ALTERs here
 * (never edit an applied step). */
static const char *const MIGRATIONS[ENT_STORE_SCHEMA_VERSION] = {
	ent_schema_sql,
};

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

	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
				 NULL);
	if (rc != SQLITE_OK) {
		ret = s->db ? fail_db(s, rc, "cannot open database")
			    : failf(s, ENT_EIO, "cannot open database");
		goto done;
	}
	sqlite3_busy_timeout(s->db, 5000);

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

int ent_store_begin(ent_store *s)
{
	return exec(s, "BEGIN IMMEDIATE", "starting a batch");
}

int ent_store_commit(ent_store *s)
{
	return exec(s, "COMMIT", "committing a batch");
}

/* Rolling back when no batch is open (SQLite already did, after some
 * errors) is not an error. */
int ent_store_rollback(ent_store *s)
{
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
		" lang, url, origin, text, sentence_count)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
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

int ent_store_put_records(ent_store *s, const ent_input *in,
			  const ent_record *recs, size_t n,
			  size_t sentence_count, const char *lang,
			  bool *was_new)
{
	char hash[65];
	bool found = false, in_savepoint = false;
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

	if ((ret = exec(s, "SAVEPOINT ent_put", "starting to store a document")))
		goto done;
	in_savepoint = true;
	if ((ret = insert_document(s, in, hash, sentence_count, lang, &rowid)))
		goto done;
	for (size_t i = 0; i < n; i++)
		if ((ret = insert_event(s, rowid, in->id, &recs[i], i)))
			goto done;
	ret = exec(s, "RELEASE ent_put", "finishing to store a document");
	if (ret == ENT_OK) {
		in_savepoint = false;
		if (was_new)
			*was_new = true;
	}
done:
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
	int ret = ent_store_put_records(s, in, recs, n,
					ent_doc_sentence_count(d),
					ent_doc_lang(d), was_new);
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

/* Appends " AND ..." for each filter of f on the events table `e` (all but
 * limit, offset and, when !scored, scored_only). */
static int add_filters(ent_store *s, const ent_filter *f, ent_buf *sql,
		       binds *b)
{
	if (f->country && *f->country) {
		ent_buf_puts(sql, " AND (e.source_country = ? OR"
				  " e.target_country = ?)");
		push_text(b, f->country);
		push_text(b, f->country);
	}
	bool has_a = f->pair_a && *f->pair_a, has_b = f->pair_b && *f->pair_b;
	if (has_a != has_b)
		return failf(s, ENT_EUSAGE,
			     "a country pair needs two countries (got only "
			     "'%s')", has_a ? f->pair_a : f->pair_b);
	if (has_a) {
		ent_buf_puts(sql, " AND ((" SIDE_A " = ? AND " SIDE_B " = ?)"
				  " OR (" SIDE_A " = ? AND " SIDE_B " = ?))");
		push_text(b, f->pair_a);
		push_text(b, f->pair_b);
		push_text(b, f->pair_b);
		push_text(b, f->pair_a);
	}
	if (f->since && *f->since) {
		ent_buf_puts(sql, " AND e.date >= ?");
		push_text(b, f->since);
	}
	if (f->until && *f->until) {
		/* "2024-03" keeps every day of March 2024. */
		ent_buf_puts(sql, " AND substr(e.date, 1, length(?)) <= ?");
		push_text(b, f->until);
		push_text(b, f->until);
	}
	if (f->code && *f->code) {
		/* A prefix, compared exactly (no LIKE wildcards). */
		ent_buf_puts(sql, " AND substr(e.code, 1, length(?)) = ?");
		push_text(b, f->code);
		push_text(b, f->code);
	}
	if (f->sector && *f->sector) {
		int i = ent_sector_index(f->sector);
		if (i < 0)
			return failf(s, ENT_EUSAGE,
				     "unknown sector '%s' (see EVENTS.md "
				     "section 5)", f->sector);
		ent_buf_puts(sql, " AND (e.sectors_mask & ?) != 0");
		push_num(b, (sqlite3_int64)(UINT64_C(1) << i));
	}
	if (f->doc_id && *f->doc_id) {
		ent_buf_puts(sql, " AND e.doc_id = ?");
		push_text(b, f->doc_id);
	}
	return ENT_OK;
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
	ent_buf_puts(&sql, " ORDER BY e.date IS NULL, e.date, e.doc_id, e.id");
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
