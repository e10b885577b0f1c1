/*
 * store.c: the public ent_store_* functions, the same on every database.
 *
 * Where it sits: after the engine. ent_store_put keeps a coded document,
 * its events and its declared levels, and merges its events with the
 * mentions of the same events by other articles (the rule is in merge.c
 * and docs/storage.md); ent_store_events / ent_store_pairs /
 * ent_store_document / ent_store_merged / ent_store_relation /
 * ent_store_timeline / ent_store_actors / ent_store_search read them back
 * for the CLI's query commands, the HTTP API and exports.
 *
 * Everything here goes through the backend interface of backend.h: the
 * SQLite file (sqlite.c, the default) or a PostgreSQL server (pg.c, for a
 * path starting with postgresql:// or postgres://). The SQL below is
 * written once for both, so that both give the same rows in the same
 * order: NULL order is explicit, text compares bytewise (pg.c declares
 * its text columns COLLATE "C"), and what SQL engines compute differently
 * (the rounding of avg() over doubles, string aggregation) is computed
 * here in C over rows fetched in a total order.
 *
 * Invariants:
 * - A document is stored once per content (SHA-256 of its text bytes),
 *   with all its events or none (a savepoint, or a transaction of its
 *   own, around each put); the insert is ON CONFLICT DO NOTHING, so two
 *   processes putting the same document at once both succeed.
 * - "None" is NULL in the database, never "".
 * - Records handed to callbacks borrow the row: valid only during the
 *   callback. Their sentence is cut from the document text by byte
 *   offsets, NUL-terminated.
 * - Every message starts with the database path and names what failed.
 * - Merged events are a function of the stored mentions: after a put
 *   outside a batch, the document's mentions are merged inside the put's
 *   transaction; inside a batch (ent_store_begin) its documents are
 *   queued and their mentions merged together by ent_store_commit just
 *   before COMMIT. Merging new mentions rebuilds only the merged events
 *   they link to (merge_new_docs: those with a mention compatible with a
 *   new one, found through ranges of dates), which leaves exactly what a
 *   rebuild of the whole group would; a new mention without a valid date
 *   makes its group rebuilt whole. Until the commit, the batch's new
 *   events have no merged event yet. A backend with several writers locks
 *   the groups a batch merges into (lock_groups) until the end of the
 *   transaction.
 */
#include "store/backend.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Errors, binds, rows                                                  */

int ent_store_failf(ent_store *s, int code, const char *fmt, ...)
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

static ent_bind *bind_next(ent_binds *b)
{
	if (b->n >= ENT_MAX_BINDS) {
		fprintf(stderr, "entente: too many SQL parameters\n");
		abort();
	}
	ent_bind *x = &b->v[b->n++];
	memset(x, 0, sizeof(*x));
	return x;
}

void ent_bind_textn(ent_binds *b, const char *t, size_t n)
{
	ent_bind *x = bind_next(b);
	x->kind = t ? ENT_BIND_TEXT : ENT_BIND_NULL;
	x->text = t;
	x->len = t ? n : 0;
}

void ent_bind_text(ent_binds *b, const char *t)
{
	ent_bind_textn(b, t, t ? strlen(t) : 0);
}

void ent_bind_str(ent_binds *b, const char *t)
{
	ent_bind_text(b, t && *t ? t : NULL);
}

void ent_bind_int(ent_binds *b, int64_t v)
{
	ent_bind *x = bind_next(b);
	x->kind = ENT_BIND_INT;
	x->num = v;
}

void ent_bind_double(ent_binds *b, double v)
{
	ent_bind *x = bind_next(b);
	x->kind = ENT_BIND_DOUBLE;
	x->dbl = v;
}

void ent_bind_null(ent_binds *b)
{
	bind_next(b)->kind = ENT_BIND_NULL;
}

static const char *col_text(const ent_row *r, int i)
{
	return r->s->ops->text(r, i);
}

static int64_t col_int(const ent_row *r, int i)
{
	return r->s->ops->int64(r, i);
}

static double col_double(const ent_row *r, int i)
{
	return r->s->ops->dbl(r, i);
}

/* A malloc'ed copy of column i, or NULL when it is NULL. */
static char *col_dup(const ent_row *r, int i, size_t *len)
{
	const char *t = col_text(r, i);
	size_t n = t ? r->s->ops->bytes(r, i) : 0;
	if (len)
		*len = n;
	return t ? ent_xstrndup(t, n) : NULL;
}

static ent_span col_span(const ent_row *r, int i)
{
	ent_span sp;
	sp.start = (uint32_t)col_int(r, i);
	sp.len = (uint32_t)col_int(r, i + 1);
	return sp;
}

/* The one way to run SQL: `sql` with binds b, fn on each row. */
static int run(ent_store *s, const char *sql, const ent_binds *b,
	       ent_row_fn fn, void *ctx, const char *what)
{
	return s->ops->query(s, sql, b, fn, ctx, what);
}

/* ------------------------------------------------------------------ */
/* Opening                                                              */

/* The path for messages: a URL's password becomes "***". */
static char *display_path(const char *path)
{
	const char *scheme = strstr(path, "://");
	char *out = ent_xstrdup(path);
	if (!scheme)
		return out;
	const char *user = scheme + 3;
	const char *at = strchr(user, '@');
	const char *slash = strchr(user, '/');
	if (!at || (slash && slash < at))
		return out;
	const char *colon = memchr(user, ':', (size_t)(at - user));
	if (!colon)
		return out;
	ent_buf b = ENT_BUF_INIT;
	ent_buf_append(&b, path, (size_t)(colon + 1 - path));
	ent_buf_puts(&b, "***");
	ent_buf_puts(&b, at);
	free(out);
	return ent_buf_detach(&b);
}

static bool is_pg_url(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	       strncmp(path, "postgres://", 11) == 0;
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
	int ret = ENT_OK;

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
	s->path = display_path(path);
	ret = is_pg_url(path) ? ent_pg_open(s, path) : ent_sqlite_open(s, path);
	if (ret == ENT_OK) {
		s->err[0] = '\0';
		*out = s;
		return ENT_OK;
	}
	if (err) {
		err->code = ret;
		copy_message(err->message, sizeof(err->message), s->err);
	}
	ent_store_close(s);
	return ret;
}

static void clear_pending(ent_store *s);

void ent_store_close(ent_store *s)
{
	if (!s)
		return;
	if (s->ops)
		s->ops->close(s); /* an open batch is rolled back */
	clear_pending(s);
	free(s->path);
	free(s);
}

const char *ent_store_error(const ent_store *s)
{
	return s ? s->err : "no store";
}

const char *ent_store_backend(const ent_store *s)
{
	return s->ops->name;
}

int ent_store_exec(ent_store *s, const char *sql)
{
	return s->ops->exec(s, sql, "running SQL");
}

/* ------------------------------------------------------------------ */
/* Batches                                                              */

static void clear_pending(ent_store *s)
{
	ENT_VEC_FREE(s->pending);
}

static int merge_new_docs(ent_store *s, const int64_t *docs, size_t n);

/* Merges the mentions of the documents the batch stored into the merged
 * events (merge_new_docs). */
static int flush_merges(ent_store *s)
{
	int ret = merge_new_docs(s, s->pending.items, s->pending.len);
	clear_pending(s);
	return ret;
}

int ent_store_begin(ent_store *s)
{
	return s->ops->begin(s);
}

int ent_store_commit(ent_store *s)
{
	int ret = flush_merges(s);
	if (ret)
		return ret;
	return s->ops->commit(s);
}

/* Rolling back when no batch is open is not an error. */
int ent_store_rollback(ent_store *s)
{
	clear_pending(s);
	return s->ops->rollback(s);
}

/* ------------------------------------------------------------------ */
/* Merging                                                              */

/* The merge order of docs/storage.md, on events `e` and documents `d`. */
#define MERGE_ORDER " ORDER BY e.date NULLS FIRST, d.content_hash," \
	" e.sentence_start, e.code, e.source NULLS FIRST," \
	" e.target NULLS FIRST, e.trigger_start, e.id"

/* What merging reads of a mention, in load_mention's column order: the
 * fields of ent_mention, the keys of the merge order it lacks, and its
 * group. A condition follows. */
#define MENTION_SELECT "SELECT e.id, e.document_id, e.merged_id, e.code," \
	" e.source, e.target, e.source_name, e.target_name, e.date," \
	" e.place, e.plover, d.outlet, e.sectors_mask, e.goldstein, e.quad," \
	" d.content_hash, e.sentence_start, e.trigger_start, e.root," \
	" e.pair_a, e.pair_b FROM events e JOIN documents d" \
	" ON d.id = e.document_id WHERE "

/* One mention as merging loads it (m.merged_id is 0 when it has none). */
typedef struct mention_row {
	ent_mention m;
	const char *hash, *root, *pair_a, *pair_b;
	int64_t sentence_start, trigger_start;
} mention_row;

typedef struct group_load {
	ENT_VEC(mention_row) rows;
	ent_arena *strings; /* where the rows' strings live */
} group_load;

static const char *arena_col(ent_arena *a, const ent_row *r, int i)
{
	const char *t = col_text(r, i);
	return t ? ent_arena_strndup(a, t, r->s->ops->bytes(r, i)) : NULL;
}

static int load_mention(const ent_row *r, void *ctx)
{
	group_load *g = ctx;
	ent_arena *a = g->strings;
	mention_row x;
	x.m.id = col_int(r, 0);
	x.m.document_id = col_int(r, 1);
	x.m.merged_id = col_int(r, 2);
	x.m.code = arena_col(a, r, 3);
	x.m.source = arena_col(a, r, 4);
	x.m.target = arena_col(a, r, 5);
	x.m.source_name = arena_col(a, r, 6);
	x.m.target_name = arena_col(a, r, 7);
	x.m.date = arena_col(a, r, 8);
	x.m.place = arena_col(a, r, 9);
	x.m.plover = arena_col(a, r, 10);
	x.m.outlet = arena_col(a, r, 11);
	x.m.sectors = (uint64_t)col_int(r, 12);
	x.m.goldstein = col_double(r, 13);
	x.m.quad = (int)col_int(r, 14);
	x.hash = arena_col(a, r, 15);
	x.sentence_start = col_int(r, 16);
	x.trigger_start = col_int(r, 17);
	x.root = arena_col(a, r, 18);
	x.pair_a = arena_col(a, r, 19);
	x.pair_b = arena_col(a, r, 20);
	ENT_VEC_PUSH(g->rows, x);
	return 0;
}

/* Text as both databases order it (bytewise: SQLite's BINARY, the "C"
 * collation of pg.c's columns), NULL first. */
static int cmp_text(const char *x, const char *y)
{
	if (!x || !y)
		return x ? 1 : y ? -1 : 0;
	return strcmp(x, y);
}

static int cmp_int(int64_t x, int64_t y)
{
	return x < y ? -1 : x > y;
}

/* MERGE_ORDER in C, for mentions loaded by several queries. */
static int cmp_merge_order(const mention_row *x, const mention_row *y)
{
	int c;
	if ((c = cmp_text(x->m.date, y->m.date)) ||
	    (c = cmp_text(x->hash, y->hash)) ||
	    (c = cmp_int(x->sentence_start, y->sentence_start)) ||
	    (c = cmp_text(x->m.code, y->m.code)) ||
	    (c = cmp_text(x->m.source, y->m.source)) ||
	    (c = cmp_text(x->m.target, y->m.target)) ||
	    (c = cmp_int(x->trigger_start, y->trigger_start)))
		return c;
	return cmp_int(x->m.id, y->m.id);
}

static int cmp_group(const mention_row *x, const mention_row *y)
{
	int c;
	if ((c = strcmp(x->root, y->root)) ||
	    (c = strcmp(x->pair_a, y->pair_a)))
		return c;
	return strcmp(x->pair_b, y->pair_b);
}

static int by_merge_order(const void *x, const void *y)
{
	return cmp_merge_order(x, y);
}

static int by_group_then_order(const void *x, const void *y)
{
	int c = cmp_group(x, y);
	return c ? c : cmp_merge_order(x, y);
}

/* Lists of ids go to the database IN_CHUNK at a time, as " IN (?, ...)"
 * with the last id repeated to fill a short chunk (one statement text,
 * prepared once). */
#define IN_CHUNK 16
#define IN_LIST " IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* Binds ids[at..n) to a chunk; returns how many it took. */
static size_t bind_chunk(ent_binds *b, const int64_t *ids, size_t n,
			 size_t at)
{
	size_t k = n - at < IN_CHUNK ? n - at : IN_CHUNK;
	for (size_t i = 0; i < IN_CHUNK; i++)
		ent_bind_int(b, ids[at + (i < k ? i : k - 1)]);
	return k;
}

/* Locks the groups of keys "root\x1fa\x1fb" (lock_groups), if the backend
 * has several writers. */
static int lock_groups(ent_store *s, const char *const *keys, size_t n)
{
	return s->ops->lock_groups && n ? s->ops->lock_groups(s, keys, n)
					: ENT_OK;
}

typedef struct write_ctx {
	ent_store *s;
	const char *root;
	ENT_VEC(int64_t) relink; /* scratch: mentions to point at a row */
} write_ctx;

/* Writes one merged row and points its mentions at it. */
static int write_merged(const ent_merged *m, const ent_mention *ms,
			const size_t *members, size_t k, void *ctx)
{
	write_ctx *w = ctx;
	ent_store *s = w->s;
	ent_binds b = {0};
	ent_bind_int(&b, m->id);
	ent_bind_text(&b, w->root);
	ent_bind_text(&b, m->code);
	ent_bind_text(&b, m->a);
	ent_bind_text(&b, m->b);
	ent_bind_str(&b, m->source);
	ent_bind_str(&b, m->target);
	ent_bind_str(&b, m->source_name);
	ent_bind_str(&b, m->target_name);
	ent_bind_str(&b, m->date);
	ent_bind_str(&b, m->last_date);
	ent_bind_str(&b, m->place);
	ent_bind_int(&b, (int64_t)m->sectors);
	ent_bind_double(&b, m->goldstein);
	int ret = ENT_OK;
	ent_bind_int(&b, m->quad);
	ent_bind_str(&b, m->plover);
	ent_bind_int(&b, m->mentions);
	ent_bind_int(&b, m->articles);
	ent_bind_int(&b, m->outlets);
	if ((ret = run(s, "INSERT INTO merged (id, root, code, a, b, source,"
		       " target, source_name, target_name, date, last_date,"
		       " place, sectors_mask, goldstein, quad, plover, mentions,"
		       " articles, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &b, NULL,
		       NULL, "storing a merged event")))
		return ret;
	w->relink.len = 0;
	for (size_t i = 0; i < k; i++)
		if (ms[members[i]].merged_id != m->id)
			ENT_VEC_PUSH(w->relink, ms[members[i]].id);
	for (size_t at = 0; at < w->relink.len && ret == ENT_OK;) {
		b.n = 0;
		ent_bind_int(&b, m->id);
		at += bind_chunk(&b, w->relink.items, w->relink.len, at);
		ret = run(s, "UPDATE events SET merged_id = ? WHERE id" IN_LIST,
			  &b, NULL, NULL, "linking events to their merged event");
	}
	return ret;
}

/* The merged events of rows[0..n), given in merge order, written. */
static int merge_rows(ent_store *s, const char *root, const char *a,
		      const char *b, const mention_row *rows, size_t n)
{
	ent_mention *ms = ent_xcalloc(n ? n : 1, sizeof(*ms));
	for (size_t i = 0; i < n; i++)
		ms[i] = rows[i].m;
	write_ctx w = {s, root, {0}};
	int ret = ent_merge_group(a, b, ms, n, write_merged, &w);
	ENT_VEC_FREE(w.relink);
	free(ms);
	return ret;
}

/* Deletes and rebuilds the merged events of one (root, a, b) group from
 * all its mentions (negated ones are left out: they report that the
 * event did not happen). */
static int remerge_group_full(ent_store *s, const char *root, const char *a,
			      const char *b)
{
	ent_arena strings;
	group_load g = {{0}, &strings};
	ent_binds bd = {0};
	ent_buf key = ENT_BUF_INIT;
	int ret = ENT_OK;

	ent_arena_init(&strings, 16 * 1024);
	ent_buf_printf(&key, "%s\x1f%s\x1f%s", root, a, b);
	const char *k = key.data;
	if ((ret = lock_groups(s, &k, 1)))
		goto done;
	ent_bind_text(&bd, root);
	ent_bind_text(&bd, a);
	ent_bind_text(&bd, b);
	if ((ret = run(s, "DELETE FROM merged WHERE root = ? AND a = ?"
		       " AND b = ?", &bd, NULL, NULL,
		       "deleting merged events")))
		goto done;
	if ((ret = run(s, MENTION_SELECT "e.root = ? AND e.pair_a = ?"
		       " AND e.pair_b = ? AND e.negated = 0" MERGE_ORDER, &bd,
		       load_mention, &g, "reading a group of mentions")))
		goto done;
	ret = merge_rows(s, root, a, b, g.rows.items, g.rows.len);
done:
	ENT_VEC_FREE(g.rows);
	ent_arena_dispose(&strings);
	ent_buf_dispose(&key);
	return ret;
}

/* ---- Merging a batch's new mentions ---------------------------------- */

/* The mentions of a group within a range of dates (the group's index
 * in the batch, date, place, merged event): one index range per (group,
 * range) (an OR of ranges would read the whole group), RANGE_CHUNK of
 * them per statement; an empty range ('~' > '') fills a short chunk. */
#define RANGE_CHUNK 10
#define RANGE_ONE "SELECT ?, x.date, x.place, x.merged_id FROM events x" \
	" WHERE x.root = ? AND x.pair_a = ? AND x.pair_b = ?" \
	" AND x.date BETWEEN ? AND ? AND x.negated = 0"
#define RANGE_FIVE RANGE_ONE " UNION ALL " RANGE_ONE " UNION ALL " \
	RANGE_ONE " UNION ALL " RANGE_ONE " UNION ALL " RANGE_ONE
#define RANGE_SELECT RANGE_FIVE " UNION ALL " RANGE_FIVE

/* Merged rows go in MERGED_CHUNK rows per statement. */
#define MERGED_CHUNK 3
#define MERGED_INSERT "INSERT INTO merged (id, root, code, a, b, source," \
	" target, source_name, target_name, date, last_date, place," \
	" sectors_mask, goldstein, quad, plover, mentions, articles, outlets)" \
	" VALUES "
#define MERGED_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," \
	" ?, ?)"

/* Links (event id, merged id) go LINK_CHUNK per statement, the last one
 * repeated to fill a short chunk. */
#define LINK_CHUNK 21
#define WHEN3 " WHEN ? THEN ? WHEN ? THEN ? WHEN ? THEN ?"
#define LINK_UPDATE "UPDATE events SET merged_id = CASE id" WHEN3 WHEN3 \
	WHEN3 WHEN3 WHEN3 WHEN3 WHEN3 " END WHERE id IN (?, ?, ?, ?, ?, ?," \
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* One group of a batch: its new mentions rows[start, end) (merge order),
 * one new mention per (date, place) cls[cls_start, cls_end). */
typedef struct new_group {
	size_t start, end, cls_start, cls_end;
	bool whole; /* a new mention without a valid date: rebuilt whole */
} new_group;

typedef struct group_range {
	size_t group;
	ent_date_range r;
} group_range;

typedef struct event_link {
	int64_t event, merged;
} event_link;

/* A merged event a group's new mentions link to. */
typedef struct group_link {
	size_t group;
	int64_t id;
} group_link;

/* The merged events that the new mentions of each group link to. */
typedef struct linked {
	const new_group *groups;
	size_t ngroups;
	const mention_row *cls;
	ENT_VEC(group_link) ids; /* maybe repeated */
} linked;

/* What merging a batch writes, once every group is computed. */
typedef struct batch_merge {
	ent_store *s;
	ENT_VEC(ent_merged) rows;
	ENT_VEC(const char *) roots;
	ENT_VEC(event_link) links;
} batch_merge;

static int by_range(const void *x, const void *y)
{
	const group_range *a = x, *b = y;
	int c;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if ((c = strcmp(a->r.lo, b->r.lo)))
		return c;
	return strcmp(a->r.hi, b->r.hi);
}

static int by_link(const void *x, const void *y)
{
	const group_link *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return cmp_int(a->id, b->id);
}

/* A row of RANGE_SELECT: its merged event is linked when the mention is
 * compatible with one of its group's new mentions (the exact rule). */
static int find_linked(const ent_row *r, void *ctx)
{
	linked *l = ctx;
	int64_t gi = col_int(r, 0), id = col_int(r, 3);
	if (id == 0 || gi < 0 || (size_t)gi >= l->ngroups)
		return 0; /* a new mention: no merged event yet */
	const char *date = col_text(r, 1), *place = col_text(r, 2);
	const new_group *g = &l->groups[gi];
	for (size_t i = g->cls_start; i < g->cls_end; i++) {
		if (ent_merge_dates_compatible(date, l->cls[i].m.date) &&
		    ent_merge_places_compatible(place, l->cls[i].m.place)) {
			group_link x = {(size_t)gi, id};
			ENT_VEC_PUSH(l->ids, x);
			break;
		}
	}
	return 0;
}

/* ent_merged_out: keeps the row and the links that change. */
static int keep_merged(const ent_merged *m, const ent_mention *ms,
		       const size_t *members, size_t k, void *ctx)
{
	batch_merge *bm = ((void **)ctx)[0];
	const char *root = ((void **)ctx)[1];
	ENT_VEC_PUSH(bm->rows, *m);
	ENT_VEC_PUSH(bm->roots, root);
	for (size_t i = 0; i < k; i++)
		if (ms[members[i]].merged_id != m->id) {
			event_link l = {ms[members[i]].id, m->id};
			ENT_VEC_PUSH(bm->links, l);
		}
	return 0;
}

static void bind_merged(ent_binds *b, const ent_merged *m, const char *root)
{
	ent_bind_int(b, m->id);
	ent_bind_text(b, root);
	ent_bind_text(b, m->code);
	ent_bind_text(b, m->a);
	ent_bind_text(b, m->b);
	ent_bind_str(b, m->source);
	ent_bind_str(b, m->target);
	ent_bind_str(b, m->source_name);
	ent_bind_str(b, m->target_name);
	ent_bind_str(b, m->date);
	ent_bind_str(b, m->last_date);
	ent_bind_str(b, m->place);
	ent_bind_int(b, (int64_t)m->sectors);
	ent_bind_double(b, m->goldstein);
	ent_bind_int(b, m->quad);
	ent_bind_str(b, m->plover);
	ent_bind_int(b, m->mentions);
	ent_bind_int(b, m->articles);
	ent_bind_int(b, m->outlets);
}

/* Writes what merging the batch computed: deletes the merged events it
 * replaces, inserts the new rows, points the mentions at them. */
static int write_batch(batch_merge *bm, const int64_t *gone, size_t ngone)
{
	ent_store *s = bm->s;
	ent_binds b = {0};
	int ret = ENT_OK;
	for (size_t at = 0; at < ngone && ret == ENT_OK;) {
		b.n = 0;
		at += bind_chunk(&b, gone, ngone, at);
		ret = run(s, "DELETE FROM merged WHERE id" IN_LIST, &b, NULL,
			  NULL, "deleting merged events");
	}
	static const char *const inserts[MERGED_CHUNK] = {
		MERGED_INSERT MERGED_VALUES,
		MERGED_INSERT MERGED_VALUES ", " MERGED_VALUES,
		MERGED_INSERT MERGED_VALUES ", " MERGED_VALUES ", " MERGED_VALUES,
	};
	for (size_t at = 0; at < bm->rows.len && ret == ENT_OK;) {
		size_t k = bm->rows.len - at;
		k = k < MERGED_CHUNK ? k : MERGED_CHUNK;
		b.n = 0;
		for (size_t i = 0; i < k; i++)
			bind_merged(&b, &bm->rows.items[at + i],
				    bm->roots.items[at + i]);
		ret = run(s, inserts[k - 1], &b, NULL, NULL,
			  "storing merged events");
		at += k;
	}
	for (size_t at = 0; at < bm->links.len && ret == ENT_OK;) {
		size_t k = bm->links.len - at;
		k = k < LINK_CHUNK ? k : LINK_CHUNK;
		b.n = 0;
		for (size_t i = 0; i < LINK_CHUNK; i++) {
			const event_link *l =
				&bm->links.items[at + (i < k ? i : k - 1)];
			ent_bind_int(&b, l->event);
			ent_bind_int(&b, l->merged);
		}
		for (size_t i = 0; i < LINK_CHUNK; i++)
			ent_bind_int(&b, bm->links.items[at + (i < k ? i : k - 1)].event);
		ret = run(s, LINK_UPDATE, &b, NULL, NULL,
			  "linking events to their merged events");
		at += k;
	}
	return ret;
}

/*
 * Merges the mentions of the n documents docs (documents.id, just stored
 * by this transaction) into the merged events, rebuilding only the merged
 * events they link to.
 *
 * Why this equals a full rebuild of each group: merged events are the
 * connected components of the compatibility relation (merge.c). Adding
 * mentions adds vertices and edges and removes none, so every component
 * of the old mentions is inside one component of old + new mentions, and
 * an old component that no new mention is compatible with has no edge
 * leaving it: it is still a component, with the same members, hence the
 * same merged row (its fields are a function of its members in merge
 * order). The components that change are those holding a new mention;
 * they are made of the new mentions and the old components compatible
 * with one of them, and nothing else. So, per group: read the old merged
 * events with a mention whose date lies in ent_merge_date_ranges of a new
 * date (every compatible date does: an index range each), keep those with
 * a mention compatible with a new one (the exact rule, in C), delete them,
 * and merge their members with the new mentions, sorted in merge order (a
 * subsequence of the group's order, so representatives, hence ids, and
 * every field come out as in a full rebuild). A new mention with no date
 * (or an unparsable one) links to the group's undated mentions, which no
 * range of dates finds: its group is rebuilt whole.
 *
 * The statements: the new mentions (read before any lock: they are this
 * transaction's), one lock statement for every group (lock_groups; the
 * locks last until the end of the transaction: under them the groups'
 * committed merged events are those of their committed mentions, since
 * every writer merges its new mentions under them before it commits),
 * then RANGE_CHUNK ranges of any groups per read, and the writes of all
 * groups together, several rows per statement: the locks are held for a
 * few statements per batch rather than a few per group. Groups that got
 * only negated mentions do not change.
 */
static int merge_new_docs(ent_store *s, const int64_t *docs, size_t n)
{
	ent_arena strings;
	group_load nw = {{0}, &strings}, old = {{0}, &strings};
	ENT_VEC(new_group) groups = {0};
	ENT_VEC(mention_row) cls = {0};
	ENT_VEC(group_range) ranges = {0};
	ENT_VEC(const char *) keys = {0};
	ENT_VEC(int64_t) gone = {0};
	ENT_VEC(mention_row) set = {0};
	batch_merge bm = {s, {0}, {0}, {0}};
	linked lk = {NULL, 0, NULL, {0}};
	ent_binds b = {0};
	int ret = ENT_OK;

	if (n == 0)
		return ENT_OK;
	ent_arena_init(&strings, 16 * 1024);
	for (size_t at = 0; at < n && ret == ENT_OK;) {
		b.n = 0;
		at += bind_chunk(&b, docs, n, at);
		ret = run(s, MENTION_SELECT "e.document_id" IN_LIST
			  " AND e.negated = 0", &b, load_mention, &nw,
			  "reading new mentions");
	}
	if (ret || nw.rows.len == 0)
		goto done;
	qsort(nw.rows.items, nw.rows.len, sizeof(*nw.rows.items),
	      by_group_then_order);
	/* the groups, their (date, place) classes and ranges of dates */
	for (size_t i = 0; i < nw.rows.len; i++) {
		const mention_row *x = &nw.rows.items[i];
		if (i == 0 || cmp_group(x, x - 1) != 0) {
			new_group ng = {i, i, cls.len, cls.len, false};
			ENT_VEC_PUSH(groups, ng);
			size_t kl = strlen(x->root) + strlen(x->pair_a) +
				    strlen(x->pair_b) + 3;
			char *key = ent_arena_alloc(&strings, kl);
			snprintf(key, kl, "%s\x1f%s\x1f%s", x->root, x->pair_a,
				 x->pair_b);
			ENT_VEC_PUSH(keys, key);
		}
		new_group *g = &groups.items[groups.len - 1];
		g->end = i + 1;
		ent_date_range r[3];
		size_t nr = ent_merge_date_ranges(x->m.date, r);
		g->whole |= nr == 0;
		bool seen = false;
		for (size_t j = g->cls_start; j < g->cls_end && !seen; j++)
			seen = cmp_text(cls.items[j].m.date, x->m.date) == 0 &&
			       cmp_text(cls.items[j].m.place, x->m.place) == 0;
		if (seen)
			continue;
		ENT_VEC_PUSH(cls, *x);
		g->cls_end = cls.len;
		for (size_t j = 0; j < nr; j++) {
			group_range gr = {groups.len - 1, r[j]};
			ENT_VEC_PUSH(ranges, gr);
		}
	}
	/* per group, ranges sorted and joined where they overlap; none for
	 * the groups rebuilt whole */
	if (ranges.len > 1)
		qsort(ranges.items, ranges.len, sizeof(*ranges.items), by_range);
	size_t nr = 0;
	for (size_t i = 0; i < ranges.len; i++) {
		group_range *x = &ranges.items[i], *last = &ranges.items[nr - (nr > 0)];
		if (groups.items[x->group].whole)
			continue;
		if (nr && last->group == x->group &&
		    strcmp(x->r.lo, last->r.hi) <= 0) {
			if (strcmp(x->r.hi, last->r.hi) > 0)
				memcpy(last->r.hi, x->r.hi, sizeof(x->r.hi));
		} else {
			ranges.items[nr++] = *x;
		}
	}

	if ((ret = lock_groups(s, keys.items, keys.len)))
		goto done;
	/* the merged events linked to new mentions */
	lk.groups = groups.items;
	lk.ngroups = groups.len;
	lk.cls = cls.items;
	for (size_t i = 0; i < nr && ret == ENT_OK; i += RANGE_CHUNK) {
		b.n = 0;
		for (size_t j = i; j < i + RANGE_CHUNK; j++) {
			const group_range *gr = j < nr ? &ranges.items[j] : NULL;
			const mention_row *x = gr ? &nw.rows.items[
				groups.items[gr->group].start] : NULL;
			ent_bind_int(&b, gr ? (int64_t)gr->group : -1);
			ent_bind_text(&b, x ? x->root : "");
			ent_bind_text(&b, x ? x->pair_a : "");
			ent_bind_text(&b, x ? x->pair_b : "");
			ent_bind_text(&b, gr ? gr->r.lo : "~");
			ent_bind_text(&b, gr ? gr->r.hi : "");
		}
		ret = run(s, RANGE_SELECT, &b, find_linked, &lk,
			  "finding the merged events new mentions join");
	}
	if (ret)
		goto done;
	if (lk.ids.len)
		qsort(lk.ids.items, lk.ids.len, sizeof(*lk.ids.items), by_link);
	for (size_t i = 0; i < lk.ids.len; i++)
		if (i == 0 || lk.ids.items[i].id != lk.ids.items[i - 1].id)
			ENT_VEC_PUSH(gone, lk.ids.items[i].id);
	/* their mentions (merged events of different groups differ) */
	for (size_t at = 0; at < gone.len && ret == ENT_OK;) {
		b.n = 0;
		at += bind_chunk(&b, gone.items, gone.len, at);
		ret = run(s, MENTION_SELECT "e.merged_id" IN_LIST
			  " AND e.negated = 0", &b, load_mention, &old,
			  "reading the mentions of merged events");
	}
	if (ret)
		goto done;
	if (old.rows.len > 1)
		qsort(old.rows.items, old.rows.len, sizeof(*old.rows.items),
		      by_group_then_order);

	size_t o = 0; /* walks old.rows, in group order as groups */
	for (size_t gi = 0; gi < groups.len && ret == ENT_OK; gi++) {
		const new_group *g = &groups.items[gi];
		const mention_row *first = &nw.rows.items[g->start];
		while (o < old.rows.len && cmp_group(&old.rows.items[o], first) < 0)
			o++;
		if (g->whole) {
			ret = remerge_group_full(s, first->root, first->pair_a,
						 first->pair_b);
			continue;
		}
		/* the mentions of the linked merged events, and the new
		 * ones */
		set.len = 0;
		for (; o < old.rows.len && cmp_group(&old.rows.items[o], first) == 0; o++)
			ENT_VEC_PUSH(set, old.rows.items[o]);
		for (size_t i = g->start; i < g->end; i++)
			ENT_VEC_PUSH(set, nw.rows.items[i]);
		qsort(set.items, set.len, sizeof(*set.items), by_merge_order);
		ent_mention *ms = ent_xcalloc(set.len, sizeof(*ms));
		for (size_t i = 0; i < set.len; i++)
			ms[i] = set.items[i].m;
		void *ctx[2] = {&bm, (void *)first->root};
		ret = ent_merge_group(first->pair_a, first->pair_b, ms, set.len,
				      keep_merged, ctx);
		free(ms);
	}
	if (ret == ENT_OK)
		ret = write_batch(&bm, gone.items, gone.len);
done:
	ENT_VEC_FREE(nw.rows);
	ENT_VEC_FREE(old.rows);
	ENT_VEC_FREE(groups);
	ENT_VEC_FREE(cls);
	ENT_VEC_FREE(ranges);
	ENT_VEC_FREE(keys);
	ENT_VEC_FREE(gone);
	ENT_VEC_FREE(set);
	ENT_VEC_FREE(bm.rows);
	ENT_VEC_FREE(bm.roots);
	ENT_VEC_FREE(bm.links);
	ENT_VEC_FREE(lk.ids);
	ent_arena_dispose(&strings);
	return ret;
}

/* Collects rows (root, a, b) as "root\x1fa\x1fb\0" keys. */
static int collect_group(const ent_row *r, void *ctx)
{
	ent_buf *keys = ctx;
	for (int i = 0; i < 3; i++) {
		const char *t = col_text(r, i);
		if (i)
			ent_buf_putc(keys, '\x1f');
		ent_buf_puts(keys, t ? t : "");
	}
	ent_buf_putc(keys, '\0');
	return 0;
}

int ent_store_rebuild_all_merged(ent_store *s)
{
	ent_buf keys = ENT_BUF_INIT;
	int ret = s->ops->exec(s, "DELETE FROM merged; UPDATE events SET"
			       " merged_id = NULL", "clearing merged events");
	if (!ret)
		ret = run(s, "SELECT DISTINCT root, pair_a, pair_b FROM events"
			  " ORDER BY 1, 2, 3", NULL, collect_group, &keys,
			  "listing groups of mentions");
	for (size_t at = 0; at < keys.len && ret == ENT_OK;
	     at += strlen(keys.data + at) + 1) {
		char *key = keys.data + at;
		char *a = strchr(key, '\x1f');
		char *b = a ? strchr(a + 1, '\x1f') : NULL;
		if (!b)
			continue;
		*a = *b = '\0';
		ret = remerge_group_full(s, key, a + 1, b + 1);
		*a = *b = '\x1f';
	}
	ent_buf_dispose(&keys);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Storing                                                              */

static int insert_event(ent_store *s, int64_t document_id, const char *doc_id,
			const ent_record *r, size_t i)
{
	ent_buf sectors = ENT_BUF_INIT;
	ent_binds b = {0};

	if (!r->code || strlen(r->code) < 2)
		return ent_store_failf(s, ENT_EUSAGE,
				       "document '%s': event %zu has no CAMEO code",
				       doc_id, i + 1);
	for (unsigned k = 0; k < ENT_SECTOR_COUNT; k++) {
		if (!(r->sectors & (UINT64_C(1) << k)))
			continue;
		if (sectors.len)
			ent_buf_putc(&sectors, ',');
		ent_buf_puts(&sectors, ent_sector_name(k));
	}
	ent_bind_int(&b, document_id);
	ent_bind_text(&b, doc_id);
	ent_bind_text(&b, r->code);
	ent_bind_textn(&b, r->code, 2);
	ent_bind_str(&b, r->source);
	ent_bind_str(&b, r->target);
	/* the country: the first three letters, NULL when shorter */
	ent_bind_textn(&b, r->source && strlen(r->source) >= 3 ? r->source : NULL, 3);
	ent_bind_textn(&b, r->target && strlen(r->target) >= 3 ? r->target : NULL, 3);
	ent_bind_str(&b, r->source_name);
	ent_bind_str(&b, r->target_name);
	ent_bind_str(&b, r->date);
	ent_bind_str(&b, r->place);
	ent_bind_str(&b, sectors.data);
	/* Only the ENT_SECTOR_COUNT low bits mean anything. */
	ent_bind_int(&b, (int64_t)(r->sectors &
				   ((UINT64_C(1) << ENT_SECTOR_COUNT) - 1)));
	ent_bind_int(&b, r->negated ? 1 : 0);
	ent_bind_int(&b, r->sentence_span.start);
	ent_bind_int(&b, r->sentence_span.len);
	ent_bind_int(&b, r->trigger.start);
	ent_bind_int(&b, r->trigger.len);
	ent_bind_int(&b, r->source_span.start);
	ent_bind_int(&b, r->source_span.len);
	ent_bind_int(&b, r->target_span.start);
	ent_bind_int(&b, r->target_span.len);
	ent_bind_double(&b, r->goldstein);
	ent_bind_int(&b, r->quad);
	ent_bind_str(&b, r->plover);
	ent_bind_double(&b, r->confidence);
	char what[256];
	snprintf(what, sizeof(what), "storing event %zu of document '%s'",
		 i + 1, doc_id);
	int ret = run(s,
		"INSERT INTO events (document_id, doc_id, code, root, source,"
		" target, source_country, target_country, source_name,"
		" target_name, date, place, sectors, sectors_mask, negated,"
		" sentence_start, sentence_len, trigger_start, trigger_len,"
		" source_start, source_len, target_start, target_len,"
		" goldstein, quad, plover, confidence) VALUES (?, ?, ?, ?, ?, ?,"
		" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		" ?, ?, ?, ?)", &b, NULL, NULL, what);
	ent_buf_dispose(&sectors);
	return ret;
}

static int insert_levels(ent_store *s, int64_t document_id,
			 const char *doc_id, const ent_level *lv, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const ent_level *l = &lv[i];
		if (!l->a[0] || !l->b[0] || !l->level || !*l->level)
			continue;
		bool swap = strcmp(l->a, l->b) > 0;
		ent_binds b = {0};
		ent_bind_int(&b, document_id);
		ent_bind_text(&b, swap ? l->b : l->a);
		ent_bind_text(&b, swap ? l->a : l->b);
		ent_bind_text(&b, l->level);
		ent_bind_int(&b, l->rank);
		ent_bind_str(&b, l->date);
		ent_bind_int(&b, l->sentence.start);
		ent_bind_int(&b, l->sentence.len);
		char what[256];
		snprintf(what, sizeof(what), "storing level %zu of document '%s'",
			 i + 1, doc_id);
		int ret = run(s, "INSERT INTO levels (document_id, a, b, level,"
			      " rank, date, sentence_start, sentence_len)"
			      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &b, NULL,
			      NULL, what);
		if (ret)
			return ret;
	}
	return ENT_OK;
}

static int first_int(const ent_row *r, void *ctx)
{
	*(int64_t *)ctx = col_int(r, 0);
	return 0;
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
	bool in_put = false, batch = false;
	ent_binds b = {0};
	int64_t rowid = 0, found = 0;
	char *outlet = NULL;
	int ret = ENT_OK;

	if (was_new)
		*was_new = false;
	if (!in->id || !*in->id || !in->text) {
		ret = ent_store_failf(s, ENT_EUSAGE, "document from %s has no %s",
				      in->origin ? in->origin : "?",
				      in->text ? "id" : "text");
		goto done;
	}
	ent_sha256_hex(in->text, in->len, hash);
	ent_bind_text(&b, hash);
	if ((ret = run(s, "SELECT 1 FROM documents WHERE content_hash = ?", &b,
		       first_int, &found, "looking the document up")) || found)
		goto done;

	/* inside a batch (an open transaction), merging waits for its commit */
	batch = s->ops->in_batch(s);
	if ((ret = s->ops->put_begin(s, batch)))
		goto done;
	in_put = true;
	outlet = ent_url_outlet(in->url);
	b.n = 0;
	ent_bind_text(&b, in->id);
	ent_bind_text(&b, hash);
	ent_bind_str(&b, in->date);
	ent_bind_str(&b, in->title);
	ent_bind_str(&b, lang);
	ent_bind_str(&b, in->url);
	ent_bind_str(&b, in->origin);
	ent_bind_textn(&b, in->text, in->len);
	ent_bind_int(&b, (int64_t)sentence_count);
	ent_bind_text(&b, outlet);
	char what[256];
	snprintf(what, sizeof(what), "storing document '%s'", in->id);
	/* Another process may have stored the same text since the lookup:
	 * then no row comes back and the put is a no-op. */
	if ((ret = run(s, "INSERT INTO documents (doc_id, content_hash, date,"
		       " title, lang, url, origin, text, sentence_count, outlet)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		       " ON CONFLICT (content_hash) DO NOTHING RETURNING id", &b,
		       first_int, &rowid, what)))
		goto done;
	if (rowid == 0) {
		ret = s->ops->put_end(s, batch);
		in_put = ret != ENT_OK;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		if ((ret = insert_event(s, rowid, in->id, &recs[i], i)))
			goto done;
	if ((ret = insert_levels(s, rowid, in->id, levels, nlevels)))
		goto done;
	b.n = 0;
	ent_bind_int(&b, rowid);
	if ((ret = run(s, "UPDATE events SET pair_a = " PAIR_A_OF ", pair_b = "
		       PAIR_B_OF " WHERE document_id = ?", &b, NULL, NULL,
		       "pairing events")))
		goto done;
	/* At once, or at the commit of the batch the put is part of. */
	if (!batch && (ret = merge_new_docs(s, &rowid, 1)))
		goto done;
	if ((ret = s->ops->put_end(s, batch)))
		goto done;
	in_put = false;
	if (was_new)
		*was_new = true;
	if (batch)
		ENT_VEC_PUSH(s->pending, rowid);
done:
	free(outlet);
	/* Undo this document only; an enclosing batch stays open. */
	if (in_put)
		s->ops->put_undo(s, batch);
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

/* ------------------------------------------------------------------ */
/* Queries                                                              */

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
	const char *scored;   /* " AND ..." leaving out root 01 */
	const char *oldest, *newest; /* the listing's two orders */
} filter_cols;

static const filter_cols EVENT_COLS = {
	"(e.source_country = ? OR e.target_country = ?)", SIDE_A, SIDE_B,
	"e.date", "e.code", "e.sectors_mask", "e.doc_id = ?",
	" AND e.root <> '01'",
	" ORDER BY e.date IS NULL, e.date, e.doc_id, e.id",
	" ORDER BY e.date IS NULL, e.date DESC, e.doc_id, e.id"};
static const filter_cols MERGED_COLS = {
	"(m.a = ? OR m.b = ?)", "m.a", "m.b", "m.date", "m.code", "m.sectors_mask",
	"m.id IN (SELECT merged_id FROM events WHERE doc_id = ?)",
	" AND m.root <> '01'",
	" ORDER BY m.date IS NULL, m.date, m.id",
	" ORDER BY m.date IS NULL, m.date DESC, m.id DESC"};

/* Appends " AND ..." for each filter of f on the columns `c` (all but
 * limit, offset and scored_only). */
static int add_filters_on(ent_store *s, const ent_filter *f,
			  const filter_cols *c, ent_buf *sql, ent_binds *b)
{
	if (f->country && *f->country) {
		ent_buf_printf(sql, " AND %s", c->country);
		ent_bind_text(b, f->country);
		ent_bind_text(b, f->country);
	}
	bool has_a = f->pair_a && *f->pair_a, has_b = f->pair_b && *f->pair_b;
	if (has_a != has_b)
		return ent_store_failf(s, ENT_EUSAGE,
				       "a country pair needs two countries (got "
				       "only '%s')", has_a ? f->pair_a : f->pair_b);
	if (has_a) {
		ent_buf_printf(sql, " AND ((%s = ? AND %s = ?) OR (%s = ? AND %s = ?))",
			       c->side_a, c->side_b, c->side_a, c->side_b);
		ent_bind_text(b, f->pair_a);
		ent_bind_text(b, f->pair_b);
		ent_bind_text(b, f->pair_b);
		ent_bind_text(b, f->pair_a);
	}
	if (f->since && *f->since) {
		ent_buf_printf(sql, " AND %s >= ?", c->date);
		ent_bind_text(b, f->since);
	}
	if (f->until && *f->until) {
		/* "2024-03" keeps every day of March 2024. */
		ent_buf_printf(sql, " AND substr(%s, 1, length(?)) <= ?", c->date);
		ent_bind_text(b, f->until);
		ent_bind_text(b, f->until);
	}
	if (f->code && *f->code) {
		/* A prefix, compared exactly (no LIKE wildcards). */
		ent_buf_printf(sql, " AND substr(%s, 1, length(?)) = ?", c->code);
		ent_bind_text(b, f->code);
		ent_bind_text(b, f->code);
	}
	if (f->sector && *f->sector) {
		int i = ent_sector_index(f->sector);
		if (i < 0)
			return ent_store_failf(s, ENT_EUSAGE,
					       "unknown sector '%s' (see EVENTS.md "
					       "section 5)", f->sector);
		ent_buf_printf(sql, " AND (%s & ?) <> 0", c->sectors);
		ent_bind_int(b, (int64_t)(UINT64_C(1) << i));
	}
	if (f->doc_id && *f->doc_id) {
		ent_buf_printf(sql, " AND %s", c->doc);
		ent_bind_text(b, f->doc_id);
	}
	return ENT_OK;
}

static void add_limit(ent_store *s, ent_buf *sql, const ent_filter *f,
		      ent_binds *b)
{
	ent_buf_puts(sql, " LIMIT ? OFFSET ?");
	if (f->limit == 0 || f->limit > INT64_MAX) {
		if (s->ops->limit_null)
			ent_bind_null(b);
		else
			ent_bind_int(b, -1);
	} else {
		ent_bind_int(b, (int64_t)f->limit);
	}
	ent_bind_int(b, f->offset > INT64_MAX ? INT64_MAX : (int64_t)f->offset);
}

/* Completes the listing query `sql` (its SELECT up to " WHERE 1 = 1") with
 * f's filters on the columns `c`, scored_only, the order and the page, and
 * runs it (f NULL: everything). */
static int list_rows(ent_store *s, ent_buf *sql, const ent_filter *f, const filter_cols *c,
		     ent_row_fn fn, void *ctx, const char *what)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_binds b = {0};
	int ret;
	if (!f)
		f = &none;
	if ((ret = add_filters_on(s, f, c, sql, &b)))
		return ret;
	if (f->scored_only)
		ent_buf_puts(sql, c->scored);
	ent_buf_puts(sql, f->newest_first ? c->newest : c->oldest);
	add_limit(s, sql, f, &b);
	return run(s, sql->data, &b, fn, ctx, what);
}

/* Whether row number `i` (from 0) of a list is inside f's offset/limit,
 * for the lists aggregated here rather than by SQL. */
static bool in_page(const ent_filter *f, size_t i)
{
	return i >= f->offset && (f->limit == 0 || i - f->offset < f->limit);
}

/* The columns that row_record reads, in its order, then " WHERE 1 = 1". */
static void event_select(ent_store *s, ent_buf *sql)
{
	ent_buf_printf(sql,
		"SELECT e.id, e.doc_id, e.code, e.source, e.target, e.source_name,"
		" e.target_name, e.date, e.place, e.sectors_mask, e.negated, %s,"
		" e.goldstein, e.quad, e.plover, e.confidence, e.sentence_start,"
		" e.sentence_len, e.trigger_start, e.trigger_len, e.source_start,"
		" e.source_len, e.target_start, e.target_len"
		" FROM events e JOIN documents d ON d.id = e.document_id"
		" WHERE 1 = 1", s->ops->sentence_sql);
}

/* A walk of records: the caller's callback and the rows seen. */
typedef struct record_walk {
	ent_record_cb cb;
	void *ctx;
	long rows;
} record_walk;

/* Fills a record from the current row of an event_select query. */
static int row_record(const ent_row *row, void *ctx)
{
	record_walk *w = ctx;
	ent_record r;
	memset(&r, 0, sizeof(r));
	r.id = col_int(row, 0);
	r.doc_id = col_text(row, 1);
	r.code = col_text(row, 2);
	r.source = col_text(row, 3);
	r.target = col_text(row, 4);
	r.source_name = col_text(row, 5);
	r.target_name = col_text(row, 6);
	r.date = col_text(row, 7);
	r.place = col_text(row, 8);
	r.sectors = (uint64_t)col_int(row, 9);
	r.negated = col_int(row, 10) != 0;
	r.sentence = col_text(row, 11);
	r.sentence_len = r.sentence ? row->s->ops->bytes(row, 11) : 0;
	if (!r.sentence)
		r.sentence = "";
	r.goldstein = col_double(row, 12);
	r.quad = (int)col_int(row, 13);
	r.plover = col_text(row, 14);
	r.confidence = col_double(row, 15);
	r.sentence_span = col_span(row, 16);
	r.trigger = col_span(row, 18);
	r.source_span = col_span(row, 20);
	r.target_span = col_span(row, 22);
	w->rows++;
	return w->cb(&r, w->ctx);
}

int ent_store_events(ent_store *s, const ent_filter *f, ent_record_cb cb,
		     void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	record_walk w = {cb, ctx, 0};
	event_select(s, &sql);
	int ret = list_rows(s, &sql, f, &EVENT_COLS, row_record, &w, "reading events");
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_event(ent_store *s, int64_t id, ent_record_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	ent_binds b = {0};
	record_walk w = {cb, ctx, 0};

	event_select(s, &sql);
	ent_buf_puts(&sql, " AND e.id = ?");
	ent_bind_int(&b, id);
	int ret = run(s, sql.data, &b, row_record, &w, "reading events");
	if (ret == ENT_OK && w.rows == 0)
		ret = ent_store_failf(s, ENT_ENOTFOUND,
				      "no event with id %" PRId64, id);
	ent_buf_dispose(&sql);
	return ret;
}

/* Copies the columns of the first row into the malloc'ed strings of a
 * `char **[]` (NULL entries are skipped); `found` counts rows. */
typedef struct dup_row {
	char **out[3];
	size_t *len0;
	int found;
} dup_row;

static int dup_first(const ent_row *r, void *ctx)
{
	dup_row *d = ctx;
	if (d->found++)
		return 0;
	for (int i = 0; i < 3; i++)
		if (d->out[i])
			*d->out[i] = col_dup(r, i, i == 0 ? d->len0 : NULL);
	return 0;
}

/* When several stored documents share doc_id (the same id with different
 * texts), the latest one is returned. */
int ent_store_document(ent_store *s, const char *doc_id, char **text,
		       size_t *len, char **date, char **title)
{
	ent_binds b = {0};
	dup_row d = {{text, date, title}, len, 0};
	if (text)
		*text = NULL;
	if (len)
		*len = 0;
	if (date)
		*date = NULL;
	if (title)
		*title = NULL;
	ent_bind_text(&b, doc_id ? doc_id : "");
	int ret = run(s, "SELECT text, date, title FROM documents WHERE"
		      " doc_id = ? ORDER BY id DESC LIMIT 1", &b, dup_first, &d,
		      "reading a document");
	if (ret == ENT_OK && !d.found)
		ret = ent_store_failf(s, ENT_ENOTFOUND,
				      "no document with id '%s'",
				      doc_id ? doc_id : "");
	return ret;
}

int ent_store_document_meta(ent_store *s, const char *doc_id, char **url,
			    char **ingested_at)
{
	ent_binds b = {0};
	dup_row d = {{url, ingested_at, NULL}, NULL, 0};
	*url = NULL;
	*ingested_at = NULL;
	ent_bind_text(&b, doc_id ? doc_id : "");
	int ret = run(s, "SELECT url, ingested_at FROM documents WHERE"
		      " doc_id = ? ORDER BY id DESC LIMIT 1", &b, dup_first, &d,
		      "reading a document");
	if (ret == ENT_OK && !d.found)
		ret = ent_store_failf(s, ENT_ENOTFOUND,
				      "no document with id '%s'",
				      doc_id ? doc_id : "");
	return ret;
}

/* ---- Pairs ---------------------------------------------------------- */

/* One pair being summed up, and one code's count. */
typedef struct pair_acc {
	char *a, *b, *d0, *d1, *top;
	long n, q[5], gn;
	double gsum;
} pair_acc;

typedef struct code_n {
	char *code;
	long n;
} code_n;

typedef struct pairs_walk {
	ENT_VEC(pair_acc) pairs;
	ENT_VEC(code_n) codes; /* of the current pair, in code order */
} pairs_walk;

static int by_count_code(const void *x, const void *y)
{
	const code_n *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* The five most frequent codes of the current pair ("040:3 057:2", ties
 * by code) into its top, and the code list emptied. */
static void close_pair(pairs_walk *w)
{
	if (!w->pairs.len)
		return;
	pair_acc *p = &w->pairs.items[w->pairs.len - 1];
	if (p->top)
		return; /* closed already */
	qsort(w->codes.items, w->codes.len, sizeof(code_n), by_count_code);
	ent_buf top = ENT_BUF_INIT;
	for (size_t i = 0; i < w->codes.len; i++) {
		if (i < 5)
			ent_buf_printf(&top, "%s%s:%ld", i ? " " : "",
				       w->codes.items[i].code, w->codes.items[i].n);
		free(w->codes.items[i].code);
	}
	w->codes.len = 0;
	p->top = top.data ? ent_buf_detach(&top) : ent_xstrdup("");
}

/* Rows (a, b, code, quad, goldstein, date) in (a, b, code, id) order. */
static int pair_row(const ent_row *r, void *ctx)
{
	pairs_walk *w = ctx;
	const char *a = col_text(r, 0), *b = col_text(r, 1);
	const char *code = col_text(r, 2), *date = col_text(r, 5);
	pair_acc *p = w->pairs.len ? &w->pairs.items[w->pairs.len - 1] : NULL;
	if (!p || strcmp(p->a, a) != 0 || strcmp(p->b, b) != 0) {
		close_pair(w);
		pair_acc x;
		memset(&x, 0, sizeof(x));
		x.a = ent_xstrdup(a);
		x.b = ent_xstrdup(b);
		ENT_VEC_PUSH(w->pairs, x);
		p = &w->pairs.items[w->pairs.len - 1];
	}
	p->n++;
	int q = (int)col_int(r, 3);
	if (q >= 1 && q <= 4)
		p->q[q]++;
	if (col_text(r, 4)) {
		p->gsum += col_double(r, 4);
		p->gn++;
	}
	if (date) {
		if (!p->d0 || strcmp(date, p->d0) < 0) {
			free(p->d0);
			p->d0 = ent_xstrdup(date);
		}
		if (!p->d1 || strcmp(date, p->d1) > 0) {
			free(p->d1);
			p->d1 = ent_xstrdup(date);
		}
	}
	if (!w->codes.len ||
	    strcmp(w->codes.items[w->codes.len - 1].code, code) != 0) {
		code_n c = {ent_xstrdup(code), 0};
		ENT_VEC_PUSH(w->codes, c);
	}
	w->codes.items[w->codes.len - 1].n++;
	return 0;
}

static int by_events_pair(const void *x, const void *y)
{
	const pair_acc *a = x, *b = y;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	int c = strcmp(a->a, b->a);
	return c ? c : strcmp(a->b, b->b);
}

/* Per unordered country pair (a <= b, '---' for no target always as b) of
 * the scored events: counts, quad counts, mean Goldstein, date range and
 * the five most frequent codes. The events come in a total order and are
 * summed here, so that both databases give the same means to the bit. */
int ent_store_pairs(ent_store *s, const ent_filter *f, ent_pair_cb cb,
		    void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_buf sql = ENT_BUF_INIT;
	ent_binds b = {0};
	pairs_walk w = {{0}, {0}};
	int ret;

	if (!f)
		f = &none;
	ent_buf_puts(&sql, "WITH ev AS (SELECT " SIDE_A " AS sc, " SIDE_B
		     " AS tc, e.id, e.code, e.quad, e.goldstein, e.date"
		     " FROM events e WHERE e.root BETWEEN '02' AND '20'");
	if ((ret = add_filters_on(s, f, &EVENT_COLS, &sql, &b)))
		goto done;
	ent_buf_puts(&sql, ") SELECT"
		" CASE WHEN tc = '---' OR (sc <> '---' AND sc <= tc)"
		" THEN sc ELSE tc END AS pa,"
		" CASE WHEN tc = '---' OR (sc <> '---' AND sc <= tc)"
		" THEN tc ELSE sc END AS pb,"
		" code, quad, goldstein, date FROM ev ORDER BY pa, pb, code, id");
	if ((ret = run(s, sql.data, &b, pair_row, &w,
		       "reading the pair summary")))
		goto done;
	close_pair(&w);
	if (w.pairs.len > 1)
		qsort(w.pairs.items, w.pairs.len, sizeof(pair_acc), by_events_pair);
	for (size_t i = 0; i < w.pairs.len && ret == ENT_OK; i++) {
		if (!in_page(f, i))
			continue;
		const pair_acc *x = &w.pairs.items[i];
		ent_pair_summary p;
		memset(&p, 0, sizeof(p));
		p.a = x->a;
		p.b = x->b;
		p.events = x->n;
		for (int q = 1; q <= 4; q++)
			p.by_quad[q] = x->q[q];
		p.goldstein_mean = x->gn ? x->gsum / (double)x->gn : 0.0;
		p.first_date = x->d0;
		p.last_date = x->d1;
		p.top_codes = x->top;
		ret = cb(&p, ctx);
	}
done:
	close_pair(&w);
	for (size_t i = 0; i < w.pairs.len; i++) {
		pair_acc *x = &w.pairs.items[i];
		free(x->a);
		free(x->b);
		free(x->d0);
		free(x->d1);
		free(x->top);
	}
	ENT_VEC_FREE(w.pairs);
	ENT_VEC_FREE(w.codes);
	ent_buf_dispose(&sql);
	return ret;
}

static int two_counts(const ent_row *r, void *ctx)
{
	long *v = ctx;
	v[0] = (long)col_int(r, 0);
	v[1] = (long)col_int(r, 1);
	return 0;
}

int ent_store_counts(ent_store *s, long *docs, long *events)
{
	long v[2] = {0, 0};
	int ret = run(s, "SELECT (SELECT count(*) FROM documents),"
		      " (SELECT count(*) FROM events)", NULL, two_counts, v,
		      "counting documents and events");
	if (ret == ENT_OK) {
		if (docs)
			*docs = v[0];
		if (events)
			*events = v[1];
	}
	return ret;
}

/* ---- Merged events -------------------------------------------------- */

static const char MERGED_SELECT[] =
	"SELECT m.id, m.code, m.a, m.b, m.source, m.target, m.source_name,"
	" m.target_name, m.date, m.last_date, m.place, m.sectors_mask,"
	" m.goldstein, m.quad, m.plover, m.mentions, m.articles, m.outlets"
	" FROM merged m WHERE 1 = 1";

typedef struct merged_walk {
	ent_merged_cb cb;
	void *ctx;
} merged_walk;

static int row_merged(const ent_row *r, void *ctx)
{
	merged_walk *w = ctx;
	ent_merged m;
	memset(&m, 0, sizeof(m));
	m.id = col_int(r, 0);
	m.code = col_text(r, 1);
	m.a = col_text(r, 2);
	m.b = col_text(r, 3);
	m.source = col_text(r, 4);
	m.target = col_text(r, 5);
	m.source_name = col_text(r, 6);
	m.target_name = col_text(r, 7);
	m.date = col_text(r, 8);
	m.last_date = col_text(r, 9);
	m.place = col_text(r, 10);
	m.sectors = (uint64_t)col_int(r, 11);
	m.goldstein = col_double(r, 12);
	m.quad = (int)col_int(r, 13);
	m.plover = col_text(r, 14);
	m.mentions = (long)col_int(r, 15);
	m.articles = (long)col_int(r, 16);
	m.outlets = (long)col_int(r, 17);
	return w->cb(&m, w->ctx);
}

int ent_store_merged(ent_store *s, const ent_filter *f, ent_merged_cb cb,
		     void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	merged_walk w = {cb, ctx};
	ent_buf_puts(&sql, MERGED_SELECT);
	int ret = list_rows(s, &sql, f, &MERGED_COLS, row_merged, &w, "reading merged events");
	ent_buf_dispose(&sql);
	return ret;
}

int ent_store_mentions(ent_store *s, int64_t id, ent_record_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	ent_binds b = {0};
	record_walk w = {cb, ctx, 0};

	event_select(s, &sql);
	ent_buf_puts(&sql, " AND e.merged_id = ?" MERGE_ORDER);
	ent_bind_int(&b, id);
	int ret = run(s, sql.data, &b, row_record, &w, "reading events");
	if (ret == ENT_OK && w.rows == 0)
		ret = ent_store_failf(s, ENT_ENOTFOUND,
				      "no merged event with id %" PRId64, id);
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
	return ent_store_failf(s, ENT_EUSAGE, "%s: expected an ISO3 code such "
			       "as VNM, got '%s'", what, c ? c : "(none)");
}

/* " AND <the pair a-b, or a on either side> AND <since/until> AND
 * <roots 02-20>" on merged `m`. */
static void add_relation_filters(ent_buf *sql, ent_binds *b, const char *a,
				 const char *bb, const char *since,
				 const char *until)
{
	if (bb && *bb) {
		ent_buf_puts(sql, " AND ((m.a = ? AND m.b = ?) OR"
				  " (m.a = ? AND m.b = ?))");
		ent_bind_text(b, a);
		ent_bind_text(b, bb);
		ent_bind_text(b, bb);
		ent_bind_text(b, a);
	} else {
		ent_buf_puts(sql, " AND (m.a = ? OR m.b = ?)");
		ent_bind_text(b, a);
		ent_bind_text(b, a);
	}
	if (since && *since) {
		ent_buf_puts(sql, " AND m.date >= ?");
		ent_bind_text(b, since);
	}
	if (until && *until) {
		ent_buf_puts(sql, " AND substr(m.date, 1, length(?)) <= ?");
		ent_bind_text(b, until);
		ent_bind_text(b, until);
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

static int level_row(const ent_row *row, void *ctx)
{
	ent_relation *r = ctx;
	r->level = col_dup(row, 0, NULL);
	r->level_rank = (int)col_int(row, 1);
	copy_date(r->level_since, col_text(row, 2));
	r->level_doc = col_dup(row, 3, NULL);
	return 0;
}

/* The declared level of the pair (or of a with anyone): the highest rank,
 * and the earliest date (the level's, else its document's) it was stated. */
static int relation_level(ent_store *s, ent_relation *r, const char *since,
			  const char *until)
{
	ent_buf sql = ENT_BUF_INIT;
	ent_binds b = {0};

	ent_buf_puts(&sql, "SELECT l.level, l.rank, COALESCE(l.date, d.date),"
			   " d.doc_id FROM levels l JOIN documents d"
			   " ON d.id = l.document_id WHERE 1 = 1");
	if (r->b[0]) {
		ent_buf_puts(&sql, " AND l.a = ? AND l.b = ?");
		bool swap = strcmp(r->a, r->b) > 0;
		ent_bind_text(&b, swap ? r->b : r->a);
		ent_bind_text(&b, swap ? r->a : r->b);
	} else {
		ent_buf_puts(&sql, " AND (l.a = ? OR l.b = ?)");
		ent_bind_text(&b, r->a);
		ent_bind_text(&b, r->a);
	}
	if (since && *since) {
		ent_buf_puts(&sql, " AND COALESCE(l.date, d.date) >= ?");
		ent_bind_text(&b, since);
	}
	if (until && *until) {
		ent_buf_puts(&sql, " AND substr(COALESCE(l.date, d.date), 1,"
				   " length(?)) <= ?");
		ent_bind_text(&b, until);
		ent_bind_text(&b, until);
	}
	ent_buf_puts(&sql, " ORDER BY l.rank DESC, COALESCE(l.date, d.date)"
			   " IS NULL, COALESCE(l.date, d.date), d.doc_id,"
			   " l.id LIMIT 1");
	int ret = run(s, sql.data, &b, level_row, r, "reading declared levels");
	ent_buf_dispose(&sql);
	return ret;
}

/* The relation summed up over its merged events, in (date, id) order. */
typedef struct relation_walk {
	ent_relation *r;
	ENT_VEC(ent_relation_month) months;
	long sec_n[ENT_SECTOR_COUNT];
	char sec_last[ENT_SECTOR_COUNT][11];
	double gsum;
} relation_walk;

static int relation_row(const ent_row *row, void *ctx)
{
	relation_walk *w = ctx;
	ent_relation *r = w->r;
	const char *root = col_text(row, 0);
	int quad = (int)col_int(row, 1);
	double g = col_double(row, 2);
	const char *date = col_text(row, 3);
	uint64_t mask = (uint64_t)col_int(row, 4);
	int ri = root ? atoi(root) : 0;
	r->events++;
	r->mentions += (long)col_int(row, 5);
	if (ri >= 1 && ri <= 20)
		r->by_root[ri]++;
	if (quad >= 1 && quad <= 4)
		r->by_quad[quad]++;
	w->gsum += g;
	if (date) {
		if (!r->first_date[0] || strcmp(date, r->first_date) < 0)
			copy_date(r->first_date, date);
		if (strcmp(date, r->last_date) > 0)
			copy_date(r->last_date, date);
	}
	if (date && strlen(date) >= 7) {
		if (!w->months.len ||
		    strncmp(w->months.items[w->months.len - 1].month, date, 7) != 0) {
			ent_relation_month mo;
			memset(&mo, 0, sizeof(mo));
			memcpy(mo.month, date, 7);
			ENT_VEC_PUSH(w->months, mo);
		}
		ent_relation_month *mo = &w->months.items[w->months.len - 1];
		mo->events++;
		if (quad >= 1 && quad <= 4)
			mo->by_quad[quad]++;
		mo->goldstein_mean += g; /* a sum until the end */
	}
	for (int i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!(mask & (UINT64_C(1) << i)))
			continue;
		w->sec_n[i]++;
		if (date && strcmp(date, w->sec_last[i]) > 0)
			copy_date(w->sec_last[i], date);
	}
	return 0;
}

static int first_long(const ent_row *r, void *ctx)
{
	*(long *)ctx = (long)col_int(r, 0);
	return 0;
}

int ent_store_relation(ent_store *s, const char *a, const char *b,
		       const char *since, const char *until,
		       ent_relation **out)
{
	ent_buf sql = ENT_BUF_INIT;
	ent_binds bd = {0};
	relation_walk *w = ent_xcalloc(1, sizeof(*w));
	ent_relation *r = NULL;
	int ret = ENT_OK;

	*out = NULL;
	if (b && !*b)
		b = NULL;
	if ((ret = check_country(s, "first country", a)) ||
	    (b && (ret = check_country(s, "second country", b))))
		goto done;
	r = ent_xcalloc(1, sizeof(*r));
	w->r = r;
	memcpy(r->a, a, 4);
	if (b)
		memcpy(r->b, b, 4);

	ent_buf_puts(&sql, "SELECT m.root, m.quad, m.goldstein, m.date,"
			   " m.sectors_mask, m.mentions FROM merged m WHERE 1 = 1");
	add_relation_filters(&sql, &bd, a, b, since, until);
	ent_buf_puts(&sql, " ORDER BY m.date IS NULL, m.date, m.id");
	if ((ret = run(s, sql.data, &bd, relation_row, w,
		       "reading the relation")))
		goto done;
	r->goldstein_mean = r->events ? w->gsum / (double)r->events : 0.0;
	for (size_t i = 0; i < w->months.len; i++)
		w->months.items[i].goldstein_mean /= (double)w->months.items[i].events;
	r->months = w->months.items;
	r->nmonths = w->months.len;
	w->months.items = NULL;
	r->sectors = ent_xcalloc(ENT_SECTOR_COUNT, sizeof(*r->sectors));
	for (int i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!w->sec_n[i])
			continue;
		ent_relation_sector *x = &r->sectors[r->nsectors++];
		x->sector = ent_sector_name((unsigned)i);
		x->events = w->sec_n[i];
		copy_date(x->last_date, w->sec_last[i]);
	}
	qsort(r->sectors, r->nsectors, sizeof(*r->sectors), by_sector);

	/* Articles: distinct documents among the mentions. */
	ent_buf_clear(&sql);
	bd.n = 0;
	ent_buf_puts(&sql, "SELECT count(DISTINCT e.document_id) FROM events e"
			   " JOIN merged m ON m.id = e.merged_id WHERE 1 = 1");
	add_relation_filters(&sql, &bd, a, b, since, until);
	if ((ret = run(s, sql.data, &bd, first_long, &r->articles,
		       "counting the relation's articles")))
		goto done;
	if ((ret = relation_level(s, r, since, until)))
		goto done;
	*out = r;
	r = NULL;
done:
	ENT_VEC_FREE(w->months);
	free(w);
	ent_relation_free(r);
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

/* A timeline being cut into periods. */
typedef struct timeline_walk {
	bool weekly;
	char cur[16];
	ent_bucket bk;
	double gsum;
	ent_bucket_cb cb;
	void *ctx;
} timeline_walk;

/* Periods come in order: months and ISO weeks both grow with the date,
 * and "2025-05" sorts just before "2025-05-01". */
static int timeline_row(const ent_row *r, void *ctx)
{
	timeline_walk *w = ctx;
	const char *date = col_text(r, 0);
	char period[16];
	if (w->weekly) {
		if (!ent_iso_week(date, period))
			return 0;
	} else {
		memcpy(period, date, 7);
		period[7] = '\0';
	}
	if (strcmp(period, w->cur) != 0) {
		if (w->bk.events) {
			w->bk.goldstein_mean = w->gsum / (double)w->bk.events;
			int ret = w->cb(&w->bk, w->ctx);
			if (ret)
				return ret;
		}
		memset(&w->bk, 0, sizeof(w->bk));
		w->gsum = 0;
		memcpy(w->cur, period, sizeof(w->cur));
		w->bk.period = w->cur;
	}
	int q = (int)col_int(r, 1);
	w->bk.events++;
	if (q >= 1 && q <= 4)
		w->bk.by_quad[q]++;
	w->gsum += col_double(r, 2);
	return 0;
}

int ent_store_timeline(ent_store *s, const char *a, const char *b,
		       const char *since, const char *until, bool weekly,
		       ent_bucket_cb cb, void *ctx)
{
	ent_buf sql = ENT_BUF_INIT;
	ent_binds bd = {0};
	timeline_walk w;
	int ret;

	memset(&w, 0, sizeof(w));
	w.weekly = weekly;
	w.cb = cb;
	w.ctx = ctx;
	if (b && !*b)
		b = NULL;
	if ((ret = check_country(s, "first country", a)) ||
	    (b && (ret = check_country(s, "second country", b))))
		goto done;
	ent_buf_puts(&sql, "SELECT m.date, m.quad, m.goldstein FROM merged m"
			   " WHERE length(m.date) >= 7");
	add_relation_filters(&sql, &bd, a, b, since, until);
	ent_buf_puts(&sql, " ORDER BY m.date, m.id");
	if ((ret = run(s, sql.data, &bd, timeline_row, &w,
		       "reading the timeline")))
		goto done;
	if (w.bk.events) {
		w.bk.goldstein_mean = w.gsum / (double)w.bk.events;
		ret = cb(&w.bk, ctx);
	}
done:
	ent_buf_dispose(&sql);
	return ret;
}

/* Countries summed up over merged events (either side). */
typedef struct actor_acc {
	char c[16];
	long events, gn, partners;
	double gsum;
} actor_acc;

typedef struct actors_walk {
	ENT_VEC(actor_acc) v;
	ent_map index;    /* country -> index in v */
	ent_map partners; /* "c\x1fo" seen */
} actors_walk;

static void actor_side(actors_walk *w, const char *c, const char *o,
		       bool has_g, double g)
{
	bool added = false;
	uint32_t *ix = ent_map_put(&w->index, c, strlen(c),
				   (uint32_t)w->v.len, &added);
	if (added) {
		actor_acc x;
		memset(&x, 0, sizeof(x));
		snprintf(x.c, sizeof(x.c), "%s", c);
		ENT_VEC_PUSH(w->v, x);
	}
	actor_acc *x = &w->v.items[*ix];
	x->events++;
	if (has_g) {
		x->gsum += g;
		x->gn++;
	}
	if (strcmp(o, "---") != 0 && strcmp(o, c) != 0) {
		char key[40];
		int n = snprintf(key, sizeof(key), "%s\x1f%s", c, o);
		ent_map_put(&w->partners, key, (size_t)n, 0, &added);
		if (added)
			x->partners++;
	}
}

/* Rows (a, b, goldstein) of merged events in id order. */
static int actor_row(const ent_row *r, void *ctx)
{
	actors_walk *w = ctx;
	const char *a = col_text(r, 0), *b = col_text(r, 1);
	bool has_g = col_text(r, 2) != NULL;
	double g = col_double(r, 2);
	if (strcmp(a, "---") != 0)
		actor_side(w, a, b, has_g, g);
	if (strcmp(b, "---") != 0 && strcmp(b, a) != 0)
		actor_side(w, b, a, has_g, g);
	return 0;
}

static int by_activity(const void *x, const void *y)
{
	const actor_acc *a = x, *b = y;
	if (a->events != b->events)
		return a->events > b->events ? -1 : 1;
	return strcmp(a->c, b->c);
}

int ent_store_actors(ent_store *s, const ent_filter *f, ent_actor_cb cb,
		     void *ctx)
{
	static const ent_filter none = ENT_FILTER_INIT;
	ent_filter g;
	ent_buf sql = ENT_BUF_INIT;
	ent_binds b = {0};
	actors_walk w;
	int ret;

	memset(&w, 0, sizeof(w));
	ent_map_init(&w.index);
	ent_map_init(&w.partners);
	if (!f)
		f = &none;
	/* only since, until, code and sector apply */
	g = (ent_filter)ENT_FILTER_INIT;
	g.since = f->since;
	g.until = f->until;
	g.code = f->code;
	g.sector = f->sector;
	ent_buf_puts(&sql, "SELECT m.a, m.b, m.goldstein FROM merged m"
			   " WHERE m.root BETWEEN '02' AND '20'");
	if ((ret = add_filters_on(s, &g, &MERGED_COLS, &sql, &b)))
		goto done;
	ent_buf_puts(&sql, " ORDER BY m.id");
	if ((ret = run(s, sql.data, &b, actor_row, &w, "reading actors")))
		goto done;
	if (w.v.len > 1)
		qsort(w.v.items, w.v.len, sizeof(actor_acc), by_activity);
	for (size_t i = 0; i < w.v.len && ret == ENT_OK; i++) {
		if (!in_page(f, i))
			continue;
		const actor_acc *x = &w.v.items[i];
		ent_actor_stat st;
		st.country = x->c;
		st.events = x->events;
		st.goldstein_mean = x->gn ? x->gsum / (double)x->gn : 0.0;
		st.partners = x->partners;
		ret = cb(&st, ctx);
	}
done:
	ENT_VEC_FREE(w.v);
	ent_map_dispose(&w.index);
	ent_map_dispose(&w.partners);
	ent_buf_dispose(&sql);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Full-text search                                                     */

int ent_store_search(ent_store *s, const char *query, size_t limit,
		     ent_search_cb cb, void *ctx)
{
	if (!query || !*query || strspn(query, " \t\r\n") == strlen(query))
		return ent_store_failf(s, ENT_EUSAGE, "empty search: give one or "
				       "more words, or a \"quoted phrase\"");
	return s->ops->search(s, query, limit, cb, ctx);
}

/* Whether p[0..n) holds a letter or digit (any non-ASCII byte counts):
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

int ent_search_hit_row(const ent_row *r, void *ctx)
{
	ent_hit_walk *w = ctx;
	ent_search_hit h;
	h.doc_id = col_text(r, 0);
	h.title = col_text(r, 1);
	h.date = col_text(r, 2);
	h.url = col_text(r, 3);
	h.snippet = col_text(r, 4);
	h.rank = col_double(r, 5);
	h.events = (long)col_int(r, 6);
	return w->cb(&h, w->ctx);
}

int ent_search_terms(const char *user, ent_term_fn fn, void *ctx)
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
			fn(start, (size_t)(end - start), ctx);
			terms++;
		}
	}
	return terms;
}
