/*
 * backend.h: the storage interface inside the store module. The public
 * ent_store_* functions (store.c) hold everything that is the same on
 * every database: the SQL of the queries, putting a document, merging,
 * relations, timelines, pairs and actors. A backend (sqlite.c, pg.c)
 * supplies what differs: opening and migrating, running one statement
 * with its binds and handing each row to a row function, transactions,
 * column access, full-text search and a lock for merging a group.
 *
 * SQL written by store.c is the common subset of SQLite and PostgreSQL:
 * `?` placeholders (pg.c numbers them $1, $2, ...), explicit NULL order
 * (NULLS FIRST or "x IS NULL, x"), no SQLite-only functions. Where the two
 * differ, the backend says how (sentence_sql, limit_null).
 */
#ifndef ENT_STORE_BACKEND_H
#define ENT_STORE_BACKEND_H

#include "store/store.h"
#include "core/core.h"

/* One bound parameter. */
typedef struct ent_bind {
	enum { ENT_BIND_NULL, ENT_BIND_TEXT, ENT_BIND_INT, ENT_BIND_DOUBLE } kind;
	const char *text; /* ENT_BIND_TEXT: borrowed, outlives the query */
	size_t len;       /* its bytes */
	int64_t num;      /* ENT_BIND_INT */
	double dbl;       /* ENT_BIND_DOUBLE */
} ent_bind;

/* The parameters of one statement, in placeholder order. */
#define ENT_MAX_BINDS 64
typedef struct ent_binds {
	ent_bind v[ENT_MAX_BINDS];
	int n;
} ent_binds;

/* Appends a parameter: text ("" and NULL stay text "" / SQL NULL as
 * given), a string with NULL and "" both as SQL NULL, n bytes, an integer,
 * a double, SQL NULL. More than ENT_MAX_BINDS aborts (a programming error). */
void ent_bind_text(ent_binds *b, const char *t);
void ent_bind_str(ent_binds *b, const char *t);
void ent_bind_textn(ent_binds *b, const char *t, size_t n);
void ent_bind_int(ent_binds *b, int64_t x);
void ent_bind_double(ent_binds *b, double x);
void ent_bind_null(ent_binds *b);

/* The current row of a query, handed to an ent_row_fn. Column values are
 * borrowed until the function returns. */
typedef struct ent_row {
	ent_store *s;
	void *h;   /* the backend's statement or result */
	int i;     /* the backend's row index */
} ent_row;
typedef int (*ent_row_fn)(const ent_row *r, void *ctx);

/* What a backend implements. Every function sets the message on the
 * handle (ent_store_failf) when it fails. */
typedef struct ent_store_ops {
	const char *name; /* "sqlite", "postgresql" */
	void (*close)(ent_store *s);
	/* Runs `sql` with ? placeholders bound to b (NULL: none), calling
	 * fn (may be NULL) on each row. Returns 0, fn's first non-zero
	 * return, or ENT_E* with "PATH: what: <database message>". */
	int (*query)(ent_store *s, const char *sql, const ent_binds *b,
		     ent_row_fn fn, void *ctx, const char *what);
	/* Runs one or more statements without parameters nor rows. */
	int (*exec)(ent_store *s, const char *sql, const char *what);
	/* Column access: text is NUL-terminated (NULL for SQL NULL), bytes
	 * is its length, numbers are 0 for NULL. */
	const char *(*text)(const ent_row *r, int col);
	size_t (*bytes)(const ent_row *r, int col);
	int64_t (*int64)(const ent_row *r, int col);
	double (*dbl)(const ent_row *r, int col);
	/* Transactions: a batch (ent_store_begin..commit/rollback), whether
	 * one is open, and the unit of one put (inside a batch a savepoint,
	 * outside a transaction of its own). */
	int (*begin)(ent_store *s);
	int (*commit)(ent_store *s);
	int (*rollback)(ent_store *s);
	bool (*in_batch)(ent_store *s);
	int (*put_begin)(ent_store *s, bool in_batch);
	int (*put_end)(ent_store *s, bool in_batch);
	void (*put_undo)(ent_store *s, bool in_batch);
	/* Serializes merging into the groups keys[0..n) ("root\x1fa\x1fb")
	 * among processes until the end of the transaction, taking their
	 * locks in an order of its own (the same in every process, so that
	 * two transactions never wait for each other in a cycle); taking a
	 * lock the transaction holds is a no-op. NULL when the database has
	 * one writer at a time anyway. Every writer that changes a group's
	 * mentions or merged rows holds its lock, so under it the group's
	 * committed merged rows are those of its committed mentions (what
	 * the partial rebuilds of store.c rely on). */
	int (*lock_groups)(ent_store *s, const char *const *keys, size_t n);
	int (*search)(ent_store *s, const char *query, size_t limit,
		      ent_search_cb cb, void *ctx);
	/* An expression for the bytes [sentence_start, +sentence_len) of
	 * d.text for event e, read back with text()/bytes(). */
	const char *sentence_sql;
	/* "no limit" is LIMIT NULL (PostgreSQL) rather than LIMIT -1. */
	bool limit_null;
} ent_store_ops;

/* The handle: what every backend shares, and its own state in `be`. */
struct ent_store {
	const ent_store_ops *ops;
	void *be;          /* the backend's state */
	char *path;        /* as given to ent_store_open, password hidden */
	char err[1024];    /* the last failure, "" when none */
	/* documents.id of the documents the open batch stored: their
	 * mentions are merged at its commit (store.c, flush_merges). */
	ENT_VEC(int64_t) pending;
};

/* The pair of countries of an event as merging sees it (docs/storage.md):
 * a <= b, '---' for no country, and '---' always as b. */
#define SIDE_SC "COALESCE(NULLIF(source_country, ''), '---')"
#define SIDE_TC "COALESCE(NULLIF(target_country, ''), '---')"
#define PAIR_A_OF "CASE WHEN " SIDE_TC " = '---' OR (" SIDE_SC " <> '---'" \
	" AND " SIDE_SC " <= " SIDE_TC ") THEN " SIDE_SC " ELSE " SIDE_TC " END"
#define PAIR_B_OF "CASE WHEN " SIDE_TC " = '---' OR (" SIDE_SC " <> '---'" \
	" AND " SIDE_SC " <= " SIDE_TC ") THEN " SIDE_TC " ELSE " SIDE_SC " END"

/* Sets the message "PATH: <fmt...>" and returns `code`. */
int ent_store_failf(ent_store *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Splits the user's search text into terms: each bare word and each
 * "quoted phrase" (an unclosed quote runs to the end); terms with no letter
 * or digit are dropped. Calls fn on each; returns their number. Operators,
 * stars, parentheses and column names are only text to both backends. */
typedef void (*ent_term_fn)(const char *p, size_t n, void *ctx);
int ent_search_terms(const char *user, ent_term_fn fn, void *ctx);

/* The row callback of both backends' search query, whose columns are
 * doc_id, title, date, url, snippet, rank, events: hands each hit to the
 * caller's callback. ctx is an ent_hit_walk. */
typedef struct ent_hit_walk {
	ent_search_cb cb;
	void *ctx;
} ent_hit_walk;
int ent_search_hit_row(const ent_row *r, void *ctx);

/* Backends: fill s->ops, s->be and open `path`; on failure the message
 * is on s. */
int ent_sqlite_open(ent_store *s, const char *path);
int ent_pg_open(ent_store *s, const char *url);

#endif
