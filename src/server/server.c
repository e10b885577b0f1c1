/*
 * server.c: `entente serve`, the read-only JSON API of docs/http-api.md and
 * the dashboard's static files, on libmicrohttpd.
 *
 * Where it sits: after the store. Each request is answered by one call of
 * the access handler on its connection's thread (MHD_USE_THREAD_PER_
 * CONNECTION): the path picks an endpoint, the query parameters are checked
 * against the endpoint's list and validated with the CLI's own messages,
 * the endpoint reads the store through the public API and builds a jansson
 * tree, and the tree is sent as one compact JSON document.
 *
 * Invariants:
 * - Read-only: the database is opened as every command opens it (so an old
 *   schema is migrated at start, as `entente events` would) and then only
 *   read. A missing database file is refused at start, never created.
 * - One store handle per thread at a time: SQLite connections are never
 *   shared. Handles come from a mutex-protected pool (opened on demand, at
 *   most POOL_MAX kept idle) and go back to it after each request.
 * - Every response body is valid JSON whatever bytes the database holds:
 *   strings go through jstrn(), which turns invalid UTF-8 into U+FFFD.
 *   Events are written by ent_record_write_json and parsed back, so the API
 *   and `entente events --format jsonl` cannot disagree on a field.
 * - Every parameter is known to its endpoint and valid, or the answer is
 *   400 {"error", "parameter"}; nothing is silently ignored.
 * - Static files are only served from under the web folder: a path with an
 *   empty, "." or ".." segment, a backslash or a control byte is a 404.
 * - SIGINT and SIGTERM are blocked in every thread and taken by sigwait()
 *   in the thread that called ent_server_run, which then stops the daemon.
 */
#include "server/server.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "text/text.h"

#ifndef ENT_WEB_DIR
#define ENT_WEB_DIR "web"
#endif

#define POOL_MAX 8          /* idle store handles kept open */
#define MAX_PARAMS 32       /* query parameters in one request */
#define MAX_LIMIT 1000      /* the largest `limit` */
#define DEFAULT_LIMIT 100
#define LATEST_COUNT 10     /* merged events in a relation's "latest" */
#define SHOWN_BYTES 120     /* bytes of a bad value repeated in a message */

/* JSON output: compact, reals with 15 significant digits (as the JSON
 * Lines writer prints them: 3.4, not 3.3999999999999999). */
#define DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* A country code and its English name (data/countries.tsv). */
typedef struct country_name_row {
	char code[8];
	char *name;
} country_row;

/* The server: what every request thread shares. Read-only once started,
 * except the pool, which its mutex guards. */
typedef struct server {
	const char *db;             /* the database path */
	const char *web;            /* the dashboard folder */
	pthread_mutex_t mu;         /* guards idle and nidle */
	ent_store *idle[POOL_MAX];  /* open handles no request is using */
	size_t nidle;
	ENT_VEC(country_row) countries; /* sorted by code, as the file is */
} server;

/* One query parameter as MHD decoded it. */
typedef struct param {
	const char *key;
	const char *value; /* NULL for "?key" without '=' */
	size_t vlen;       /* bytes in value (a %00 makes it > strlen) */
} param;

/* One request being answered. */
typedef struct req {
	server *srv;
	param params[MAX_PARAMS];
	size_t nparams;
	bool too_many;      /* more than MAX_PARAMS parameters */
	ent_store *store;   /* from the pool, for /api/ paths */
	unsigned status;    /* the answer: HTTP status ... */
	json_t *body;       /* ... and body (owned) */
} req;

/* ------------------------------------------------------------------ */
/* JSON helpers                                                         */

/* s[0..n) as a JSON string; invalid UTF-8 becomes U+FFFD. NULL -> null. */
static json_t *jstrn(const char *s, size_t n)
{
	if (!s)
		return json_null();
	size_t bad = 0;
	json_t *j = NULL;
	if (ent_utf8_valid(s, n, &bad)) {
		j = json_stringn(s, n);
	} else {
		ent_buf b = ENT_BUF_INIT;
		size_t i = 0;
		while (i < n) {
			size_t at = i;
			if (ent_utf8_next(s, n, &i) < 0)
				ent_buf_puts(&b, "\xef\xbf\xbd");
			else
				ent_buf_append(&b, s + at, i - at);
		}
		j = json_stringn(b.data ? b.data : "", b.len);
		ent_buf_dispose(&b);
	}
	return j ? j : json_string("\xef\xbf\xbd");
}

static json_t *jstr(const char *s)
{
	return s ? jstrn(s, strlen(s)) : json_null();
}

/* A string where "" also means none. */
static json_t *jstr_or_null(const char *s)
{
	return s && *s ? jstr(s) : json_null();
}

/* A real, or null when it is not finite (JSON has no NaN). */
static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *jint(long long v)
{
	return json_integer((json_int_t)v);
}

/* The names of the sectors set in mask, in EVENTS.md order. */
static json_t *sectors_json(uint64_t mask)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (mask & (UINT64_C(1) << i))
			json_array_append_new(a, json_string(ent_sector_name(i)));
	return a;
}

/* {"1": n, "2": n, "3": n, "4": n} from counts indexed 1-4. */
static json_t *quad_json(const long q[5])
{
	json_t *o = json_object();
	char key[2] = {0, 0};
	for (int i = 1; i <= 4; i++) {
		key[0] = (char)('0' + i);
		json_object_set_new(o, key, jint(q[i]));
	}
	return o;
}

/* One event as `entente events --format jsonl` writes it, parsed back.
 * NULL only if the writer failed (then the answer is a 500). */
static json_t *record_json(const ent_record *rec)
{
	char *buf = NULL;
	size_t len = 0;
	json_t *j = NULL;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	int rc = ent_record_write_json(f, rec);
	if (fclose(f) != 0)
		rc = ENT_EIO;
	if (rc == 0)
		j = json_loadb(buf, len, JSON_ALLOW_NUL, NULL);
	free(buf);
	return j;
}

/* A merged event (docs/http-api.md, GET /api/events). */
static json_t *merged_json(const ent_merged *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", jint(m->id));
	json_object_set_new(o, "code", jstr(m->code));
	json_object_set_new(o, "a", jstr(m->a));
	json_object_set_new(o, "b", jstr(m->b));
	json_object_set_new(o, "source", jstr_or_null(m->source));
	json_object_set_new(o, "target", jstr_or_null(m->target));
	json_object_set_new(o, "source_name", jstr_or_null(m->source_name));
	json_object_set_new(o, "target_name", jstr_or_null(m->target_name));
	json_object_set_new(o, "date", jstr_or_null(m->date));
	json_object_set_new(o, "last_date", jstr_or_null(m->last_date));
	json_object_set_new(o, "place", jstr_or_null(m->place));
	json_object_set_new(o, "sectors", sectors_json(m->sectors));
	json_object_set_new(o, "goldstein", jnum(m->goldstein));
	json_object_set_new(o, "quad_class", jint(m->quad));
	json_object_set_new(o, "plover", jstr_or_null(m->plover));
	json_object_set_new(o, "mentions", jint(m->mentions));
	json_object_set_new(o, "articles", jint(m->articles));
	json_object_set_new(o, "outlets", jint(m->outlets));
	return o;
}

/* ------------------------------------------------------------------ */
/* Errors and parameters                                                */

/* How many bytes of v to repeat in a message: at most SHOWN_BYTES, never
 * ending inside a UTF-8 sequence. */
static int clip(const char *v)
{
	size_t n = v ? strlen(v) : 0;
	if (n > SHOWN_BYTES) {
		n = SHOWN_BYTES;
		while (n > 0 && ((unsigned char)v[n] & 0xc0) == 0x80)
			n--;
	}
	return (int)n;
}

/* Sets the answer to an error: {"error": message, "parameter": name}
 * (parameter left out when NULL). Returns -1, for `return fail(...)`. */
__attribute__((format(printf, 4, 5)))
static int fail(req *r, unsigned status, const char *parameter, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	json_decref(r->body);
	r->body = json_object();
	json_object_set_new(r->body, "error", jstr(msg));
	if (parameter)
		json_object_set_new(r->body, "parameter", jstr(parameter));
	r->status = status;
	return -1;
}

/* A failed store call: 404 for ENT_ENOTFOUND, 400 for ENT_EINVALID or
 * ENT_EUSAGE (naming `parameter` when given), else 500. */
static int store_fail(req *r, int rc, const char *parameter)
{
	const char *msg = ent_store_error(r->store);
	if (rc == ENT_ENOTFOUND)
		return fail(r, 404, NULL, "%s", msg);
	if (rc == ENT_EINVALID || rc == ENT_EUSAGE)
		return fail(r, 400, parameter, "%s", msg);
	fprintf(stderr, "entente serve: %s\n", msg);
	return fail(r, 500, NULL, "%s", msg);
}

static int encode_fail(req *r)
{
	return fail(r, 500, NULL, "an event could not be encoded as JSON");
}

/* MHD_get_connection_values_n callback: collects the query parameters. */
static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key,
				     size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	(void)key_size;
	req *r = cls;
	if (r->nparams == MAX_PARAMS) {
		r->too_many = true;
		return MHD_NO;
	}
	r->params[r->nparams++] = (param){key ? key : "", value, value ? value_size : 0};
	return MHD_YES;
}

/* Checks that every parameter is in `allowed` (" a b c "), none is given
 * twice and no value holds a NUL byte. */
static int check_params(req *r, const char *allowed)
{
	if (r->too_many)
		return fail(r, 400, NULL, "too many parameters (at most %d)", MAX_PARAMS);
	for (size_t i = 0; i < r->nparams; i++) {
		const param *p = &r->params[i];
		char probe[80];
		bool known = strlen(p->key) < 64 && !strchr(p->key, ' ');
		if (known) {
			snprintf(probe, sizeof probe, " %s ", p->key);
			known = strstr(allowed, probe) != NULL;
		}
		if (!known) {
			/* " a b c " -> "a, b, c" */
			ent_buf names = ENT_BUF_INIT;
			for (const char *s = allowed; *s; s++) {
				if (*s != ' ')
					ent_buf_putc(&names, *s);
				else if (names.len && s[1])
					ent_buf_puts(&names, ", ");
			}
			fail(r, 400, p->key, "unknown parameter \"%.*s\" (this path takes %s)",
			     clip(p->key), p->key, names.len ? names.data : "none");
			ent_buf_dispose(&names);
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->params[j].key, p->key))
				return fail(r, 400, p->key, "%s: given more than once", p->key);
		if (p->value && strlen(p->value) != p->vlen)
			return fail(r, 400, p->key, "%s: contains a NUL byte", p->key);
	}
	return 0;
}

/* The value of parameter `name` ("" for "?name" without '='), or NULL. */
static const char *arg(const req *r, const char *name)
{
	for (size_t i = 0; i < r->nparams; i++)
		if (!strcmp(r->params[i].key, name))
			return r->params[i].value ? r->params[i].value : "";
	return NULL;
}

static bool is_iso3(const char *s)
{
	if (strlen(s) != 3)
		return false;
	for (int i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
	return true;
}

static bool valid_date(const char *s)
{
	int y, m, d;
	return ent_date_parse(s, strlen(s), &y, &m, &d) > 0;
}

/* since/until: as `entente events --since` checks them. */
static int read_dates(req *r, const char **since, const char **until)
{
	const char *s = arg(r, "since"), *u = arg(r, "until");
	if (s && !valid_date(s))
		return fail(r, 400, "since", "since: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%.*s\"",
			    clip(s), s);
	if (u && !valid_date(u))
		return fail(r, 400, "until", "until: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%.*s\"",
			    clip(u), u);
	*since = s;
	*until = u;
	return 0;
}

/* A 0/1 flag (all, newest, merged). */
static int read_flag(req *r, const char *name, bool *out)
{
	const char *v = arg(r, name);
	*out = false;
	if (!v)
		return 0;
	if (strcmp(v, "0") && strcmp(v, "1"))
		return fail(r, 400, name, "%s: expected 1 or 0, got \"%.*s\"", name, clip(v), v);
	*out = v[0] == '1';
	return 0;
}

/* limit (1..MAX_LIMIT, default DEFAULT_LIMIT) and offset (0 or more). */
static int read_paging(req *r, size_t *limit, size_t *offset)
{
	const char *l = arg(r, "limit"), *o = arg(r, "offset");
	char *end;
	*limit = DEFAULT_LIMIT;
	if (offset)
		*offset = 0;
	if (l) {
		errno = 0;
		long v = strtol(l, &end, 10);
		if (errno || *end || v <= 0 || v > 100000000)
			return fail(r, 400, "limit", "limit: expected a positive whole number, got \"%.*s\"",
				    clip(l), l);
		if (v > MAX_LIMIT)
			return fail(r, 400, "limit", "limit: expected at most %d, got \"%.*s\"", MAX_LIMIT,
				    clip(l), l);
		*limit = (size_t)v;
	}
	if (o && offset) {
		errno = 0;
		long v = strtol(o, &end, 10);
		if (errno || *end || !*o || v < 0 || v > 100000000)
			return fail(r, 400, "offset", "offset: expected 0 or a positive whole number, got \"%.*s\"",
				    clip(o), o);
		*offset = (size_t)v;
	}
	return 0;
}

/* The filter parameters common to the list endpoints, validated with the
 * messages of `entente events` (src/cli/main.c fill_filter). Only those
 * the endpoint allows can be present (check_params ran first). */
static int read_filter(req *r, ent_filter *f, char a[4], char b[4])
{
	*f = (ent_filter)ENT_FILTER_INIT;
	if (read_dates(r, &f->since, &f->until))
		return -1;
	const char *country = arg(r, "country"), *pair = arg(r, "pair");
	const char *sector = arg(r, "sector"), *code = arg(r, "code"), *doc = arg(r, "doc");
	if (country) {
		if (!is_iso3(country))
			return fail(r, 400, "country",
				    "country: expected an ISO 3166 alpha-3 code such as VNM, got \"%.*s\"",
				    clip(country), country);
		f->country = country;
	}
	if (pair) {
		bool good = strlen(pair) == 7 && pair[3] == ',';
		if (good) {
			memcpy(a, pair, 3);
			a[3] = 0;
			memcpy(b, pair + 4, 3);
			b[3] = 0;
			good = is_iso3(a) && is_iso3(b);
		}
		if (!good)
			return fail(r, 400, "pair",
				    "pair: expected two ISO3 codes as A,B (VNM,RUS), got \"%.*s\"",
				    clip(pair), pair);
		f->pair_a = a;
		f->pair_b = b;
	}
	if (sector && ent_sector_index(sector) < 0)
		return fail(r, 400, "sector", "sector: unknown sector \"%.*s\" (see EVENTS.md section 5)",
			    clip(sector), sector);
	if (code && (strlen(code) < 2 || strlen(code) > 4 ||
		     strspn(code, "0123456789") != strlen(code)))
		return fail(r, 400, "code", "code: expected 2 to 4 digits (04, 057), got \"%.*s\"",
			    clip(code), code);
	if (doc && !*doc)
		return fail(r, 400, "doc", "doc: expected a document id, got \"\"");
	f->sector = sector;
	f->code = code;
	f->doc_id = doc;
	bool all = false, newest = false;
	if (read_flag(r, "all", &all) || read_flag(r, "newest", &newest))
		return -1;
	f->scored_only = !all;
	f->newest_first = newest;
	size_t limit, offset;
	if (read_paging(r, &limit, &offset))
		return -1;
	f->limit = limit;
	f->offset = offset;
	return 0;
}

/* a (required) and b (required when `need_b`) ISO3 codes. */
static int read_pair_args(req *r, bool need_b, const char **a, const char **b)
{
	*a = arg(r, "a");
	*b = arg(r, "b");
	if (!*a)
		return fail(r, 400, "a", "a: required (an ISO 3166 alpha-3 code such as VNM)");
	if (!is_iso3(*a))
		return fail(r, 400, "a", "a: expected an ISO 3166 alpha-3 code such as VNM, got \"%.*s\"",
			    clip(*a), *a);
	if (!*b && need_b)
		return fail(r, 400, "b", "b: required (an ISO 3166 alpha-3 code such as RUS)");
	if (*b && !is_iso3(*b))
		return fail(r, 400, "b", "b: expected an ISO 3166 alpha-3 code such as RUS, got \"%.*s\"",
			    clip(*b), *b);
	if (*b && !strcmp(*a, *b))
		return fail(r, 400, "b", "b: must differ from a (%s)", *a);
	return 0;
}

/* A positive id from a path segment ("/api/events/ID"). */
static int read_id(req *r, const char *s, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || !*s || v <= 0 || s[0] == '+' || s[0] == ' ')
		return fail(r, 400, "id", "id: must be a positive number, got \"%.*s\"", clip(s), s);
	*id = (int64_t)v;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Endpoints                                                            */

/* Walk state for callbacks that append to a JSON array. */
typedef struct list {
	json_t *items;
	bool bad;   /* an item could not be encoded */
	size_t max; /* stop after this many (0: no cap) */
	size_t n;
} list;

#define STOP 1 /* callbacks' "stop the walk" (not an error) */

static int add_record(const ent_record *rec, void *p)
{
	list *l = p;
	json_t *j = record_json(rec);
	if (!j) {
		l->bad = true;
		return STOP;
	}
	json_array_append_new(l->items, j);
	return 0;
}

static int add_merged(const ent_merged *m, void *p)
{
	list *l = p;
	json_array_append_new(l->items, merged_json(m));
	return 0;
}

/* Runs ent_store_events into a new array; NULL with the answer set on
 * failure. */
static json_t *events_array(req *r, const ent_filter *f)
{
	list l = {.items = json_array()};
	int rc = ent_store_events(r->store, f, add_record, &l);
	if (rc < 0 || l.bad) {
		json_decref(l.items);
		if (l.bad)
			encode_fail(r);
		else
			store_fail(r, rc, NULL);
		return NULL;
	}
	return l.items;
}

/* GET /api/events: mentions, or merged events with merged=1. */
static int ep_events(req *r, const char *rest)
{
	(void)rest;
	ent_filter f;
	char a[4], b[4];
	bool merged = false;
	if (read_filter(r, &f, a, b) || read_flag(r, "merged", &merged))
		return -1;
	json_t *items;
	if (merged) {
		list l = {.items = json_array()};
		int rc = ent_store_merged(r->store, &f, add_merged, &l);
		if (rc < 0) {
			json_decref(l.items);
			return store_fail(r, rc, NULL);
		}
		items = l.items;
	} else if (!(items = events_array(r, &f))) {
		return -1;
	}
	r->body = json_object();
	size_t count = json_array_size(items);
	json_object_set_new(r->body, "events", items);
	json_object_set_new(r->body, "limit", jint((long long)f.limit));
	json_object_set_new(r->body, "offset", jint((long long)f.offset));
	json_object_set_new(r->body, "count", jint((long long)count));
	return 0;
}

/* What GET /api/events/{id} keeps of the event during the callback. */
typedef struct one_event {
	json_t *event;
	char *doc_id;
	char *sentence; /* the record's sentence, if the document is gone */
	size_t sentence_len;
	ent_span spans[4]; /* sentence, trigger, source, target */
} one_event;

static int keep_event(const ent_record *rec, void *p)
{
	one_event *o = p;
	o->event = record_json(rec);
	o->doc_id = rec->doc_id ? ent_xstrdup(rec->doc_id) : NULL;
	if (rec->sentence)
		o->sentence = ent_xstrndup(rec->sentence, rec->sentence_len);
	o->sentence_len = rec->sentence ? rec->sentence_len : 0;
	o->spans[0] = rec->sentence_span;
	o->spans[1] = rec->trigger;
	o->spans[2] = rec->source_span;
	o->spans[3] = rec->target_span;
	return STOP;
}

/* Moves pos back to the start of the UTF-8 sequence it is inside. */
static size_t char_start(const char *t, size_t n, size_t pos)
{
	while (pos > 0 && pos < n && ((unsigned char)t[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

static size_t clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* The sentence spans[0] of text t (n bytes; t[0] is byte `base` of the
 * document) cut into pieces [{text, role}] where role is the trigger,
 * source or target span that covers the piece (trigger first when spans
 * overlap) or null. Spans are clamped to the sentence; empty ones mark
 * nothing; no cut falls inside a UTF-8 sequence. The pieces' texts joined
 * are the sentence. */
static json_t *evidence_pieces(const char *t, size_t n, size_t base, const ent_span spans[4])
{
	static const char *const ROLES[4] = {NULL, "trigger", "source", "target"};
	size_t lo[4], hi[4];
	for (int k = 0; k < 4; k++) {
		size_t s = spans[k].start >= base ? spans[k].start - base : 0;
		size_t e = (size_t)spans[k].start + spans[k].len;
		e = e >= base ? e - base : 0;
		size_t from = k ? lo[0] : 0, to = k ? hi[0] : n;
		lo[k] = char_start(t, n, clamp(s, from, to));
		hi[k] = char_start(t, n, clamp(e, from, to));
		if (hi[k] < lo[k] || spans[k].len == 0)
			hi[k] = lo[k];
	}
	size_t cuts[8];
	for (int k = 0; k < 4; k++) {
		cuts[2 * k] = lo[k];
		cuts[2 * k + 1] = hi[k];
	}
	qsort(cuts, 8, sizeof cuts[0], cmp_size);
	json_t *pieces = json_array();
	const char *prev_role = "";
	json_t *prev = NULL;
	size_t prev_from = 0;
	for (int i = 0; i + 1 < 8; i++) {
		size_t from = cuts[i], to = cuts[i + 1];
		if (to <= from || from < lo[0] || to > hi[0])
			continue;
		const char *role = NULL;
		for (int k = 1; k < 4 && !role; k++)
			if (hi[k] > lo[k] && lo[k] <= from && to <= hi[k])
				role = ROLES[k];
		if (prev && role == prev_role) {
			/* same role as the piece before: one piece */
			json_object_set_new(prev, "text", jstrn(t + prev_from, to - prev_from));
			continue;
		}
		prev = json_object();
		json_object_set_new(prev, "text", jstrn(t + from, to - from));
		json_object_set_new(prev, "role", role ? json_string(role) : json_null());
		json_array_append_new(pieces, prev);
		prev_role = role;
		prev_from = from;
	}
	return pieces;
}

static json_t *span_json(ent_span s)
{
	return json_pack("[II]", (json_int_t)s.start, (json_int_t)s.len);
}

/* GET /api/events/{id}: one event, its document's metadata, its evidence. */
static int ep_event(req *r, const char *rest)
{
	int64_t id;
	if (strchr(rest, '/'))
		return fail(r, 404, NULL, "no such path: /api/events/%.*s", clip(rest), rest);
	if (read_id(r, rest, &id))
		return -1;
	one_event o = {0};
	char *text = NULL, *date = NULL, *title = NULL;
	size_t tlen = 0;
	int ret = -1;
	int rc = ent_store_event(r->store, id, keep_event, &o);
	if (rc < 0) {
		if (rc == ENT_ENOTFOUND)
			fail(r, 404, NULL, "no event with id %lld", (long long)id);
		else
			store_fail(r, rc, NULL);
		goto done;
	}
	if (!o.event) {
		encode_fail(r);
		goto done;
	}
	json_t *doc = json_object(), *evidence;
	rc = o.doc_id ? ent_store_document(r->store, o.doc_id, &text, &tlen, &date, &title)
		      : ENT_ENOTFOUND;
	if (rc == 0) {
		evidence = evidence_pieces(text, tlen, 0, o.spans);
	} else {
		/* the document row is gone: cut the record's own sentence */
		evidence = evidence_pieces(o.sentence ? o.sentence : "", o.sentence_len,
					   o.spans[0].start, o.spans);
	}
	json_object_set_new(doc, "doc_id", jstr(o.doc_id));
	json_object_set_new(doc, "title", jstr(title));
	json_object_set_new(doc, "date", jstr_or_null(date));
	json_object_set_new(doc, "url", json_null());
	json_t *spans = json_object();
	json_object_set_new(spans, "sentence", span_json(o.spans[0]));
	json_object_set_new(spans, "trigger", span_json(o.spans[1]));
	json_object_set_new(spans, "source", span_json(o.spans[2]));
	json_object_set_new(spans, "target", span_json(o.spans[3]));
	r->body = json_object();
	json_object_set_new(r->body, "event", o.event);
	o.event = NULL;
	json_object_set_new(r->body, "document", doc);
	json_object_set_new(r->body, "evidence", evidence);
	json_object_set_new(r->body, "spans", spans);
	ret = 0;
done:
	json_decref(o.event);
	free(o.doc_id);
	free(o.sentence);
	free(text);
	free(date);
	free(title);
	return ret;
}

/* What GET /api/merged/{id}/mentions looks for while walking. */
typedef struct find_merged {
	int64_t id;
	json_t *found;
} find_merged;

static int match_merged(const ent_merged *m, void *p)
{
	find_merged *fm = p;
	if (m->id != fm->id)
		return 0;
	fm->found = merged_json(m);
	return STOP;
}

/* The first mention's source country and root, to narrow the search for
 * its merged event. */
typedef struct first_mention {
	list l;
	char country[4], root[3];
} first_mention;

static int add_mention(const ent_record *rec, void *p)
{
	first_mention *fm = p;
	if (json_array_size(fm->l.items) == 0) {
		if (rec->source && strlen(rec->source) >= 3)
			memcpy(fm->country, rec->source, 3);
		if (rec->code && strlen(rec->code) >= 2)
			memcpy(fm->root, rec->code, 2);
	}
	return add_record(rec, &fm->l);
}

/* GET /api/merged/{id}/mentions. */
static int ep_mentions(req *r, const char *rest)
{
	char idtext[32];
	const char *slash = strchr(rest, '/');
	if (!slash || strcmp(slash, "/mentions") != 0)
		return fail(r, 404, NULL, "no such path: /api/merged/%.*s", clip(rest), rest);
	size_t n = (size_t)(slash - rest);
	if (n >= sizeof idtext)
		n = sizeof idtext - 1;
	memcpy(idtext, rest, n);
	idtext[n] = 0;
	int64_t id;
	if (read_id(r, idtext, &id))
		return -1;
	first_mention fm = {.l = {.items = json_array()}};
	int rc = ent_store_mentions(r->store, id, add_mention, &fm);
	if (rc < 0 || fm.l.bad) {
		json_decref(fm.l.items);
		if (fm.l.bad)
			return encode_fail(r);
		if (rc == ENT_ENOTFOUND)
			return fail(r, 404, NULL, "no merged event with id %lld", (long long)id);
		return store_fail(r, rc, NULL);
	}
	/* the merged event itself: among those of the first mention's source
	 * country and root (every mention shares its root and countries) */
	find_merged want = {.id = id};
	ent_filter f = ENT_FILTER_INIT;
	f.country = fm.country[0] ? fm.country : NULL;
	f.code = fm.root[0] ? fm.root : NULL;
	rc = ent_store_merged(r->store, &f, match_merged, &want);
	if (rc >= 0 && !want.found) {
		f = (ent_filter)ENT_FILTER_INIT;
		rc = ent_store_merged(r->store, &f, match_merged, &want);
	}
	if (rc < 0) {
		json_decref(fm.l.items);
		return store_fail(r, rc, NULL);
	}
	r->body = json_object();
	json_object_set_new(r->body, "merged", want.found ? want.found : json_null());
	json_object_set_new(r->body, "mentions", fm.l.items);
	return 0;
}

/* GET /api/documents/{doc_id}. */
static int ep_document(req *r, const char *rest)
{
	char *text = NULL, *date = NULL, *title = NULL;
	size_t len = 0;
	if (!*rest)
		return fail(r, 404, NULL, "no such path: /api/documents/");
	int rc = ent_store_document(r->store, rest, &text, &len, &date, &title);
	if (rc < 0) {
		if (rc == ENT_ENOTFOUND)
			return fail(r, 404, NULL, "no document with id \"%.*s\"", clip(rest), rest);
		return store_fail(r, rc, NULL);
	}
	int ret = -1;
	ent_filter f = ENT_FILTER_INIT;
	f.doc_id = rest;
	json_t *events = events_array(r, &f);
	if (!events)
		goto done;
	r->body = json_object();
	json_object_set_new(r->body, "doc_id", jstr(rest));
	json_object_set_new(r->body, "title", jstr(title));
	json_object_set_new(r->body, "date", jstr_or_null(date));
	json_object_set_new(r->body, "url", json_null());
	json_object_set_new(r->body, "text", jstrn(text ? text : "", text ? len : 0));
	json_object_set_new(r->body, "events", events);
	ret = 0;
done:
	free(text);
	free(date);
	free(title);
	return ret;
}

/* {period key, events, by_quad, goldstein_mean} of a month or bucket. */
static json_t *period_json(const char *key, const char *period, long events,
			   const long by_quad[5], double mean)
{
	json_t *o = json_object();
	json_object_set_new(o, key, jstr(period));
	json_object_set_new(o, "events", jint(events));
	json_object_set_new(o, "by_quad", quad_json(by_quad));
	json_object_set_new(o, "goldstein_mean", events ? jnum(mean) : json_null());
	return o;
}

/* GET /api/relations?a=&b=. */
static int ep_relations(req *r, const char *rest)
{
	(void)rest;
	const char *a, *b, *since, *until;
	if (read_pair_args(r, false, &a, &b) || read_dates(r, &since, &until))
		return -1;
	ent_relation *rel = NULL;
	int rc = ent_store_relation(r->store, a, b, since, until, &rel);
	if (rc < 0)
		return store_fail(r, rc, NULL);
	json_t *o = json_object();
	json_object_set_new(o, "a", jstr(a));
	json_object_set_new(o, "b", b ? jstr(b) : json_null());
	json_object_set_new(o, "events", jint(rel->events));
	json_object_set_new(o, "mentions", jint(rel->mentions));
	json_object_set_new(o, "articles", jint(rel->articles));
	json_t *roots = json_object();
	for (int i = 1; i <= 20; i++) {
		char key[3] = {(char)('0' + i / 10), (char)('0' + i % 10), 0};
		if (rel->by_root[i])
			json_object_set_new(roots, key, jint(rel->by_root[i]));
	}
	json_object_set_new(o, "by_root", roots);
	json_object_set_new(o, "by_quad", quad_json(rel->by_quad));
	json_object_set_new(o, "goldstein_mean", rel->events ? jnum(rel->goldstein_mean) : json_null());
	json_object_set_new(o, "first_date", jstr_or_null(rel->first_date));
	json_object_set_new(o, "last_date", jstr_or_null(rel->last_date));
	json_t *months = json_array();
	for (size_t i = 0; i < rel->nmonths; i++) {
		const ent_relation_month *m = &rel->months[i];
		json_array_append_new(months, period_json("month", m->month, m->events, m->by_quad,
							  m->goldstein_mean));
	}
	json_object_set_new(o, "months", months);
	json_t *sectors = json_array();
	for (size_t i = 0; i < rel->nsectors; i++) {
		const ent_relation_sector *s = &rel->sectors[i];
		json_t *so = json_object();
		json_object_set_new(so, "sector", jstr(s->sector));
		json_object_set_new(so, "events", jint(s->events));
		json_object_set_new(so, "last_date", jstr_or_null(s->last_date));
		json_array_append_new(sectors, so);
	}
	json_object_set_new(o, "sectors", sectors);
	if (rel->level) {
		json_t *lv = json_object();
		json_object_set_new(lv, "level", jstr(rel->level));
		json_object_set_new(lv, "rank", jint(rel->level_rank));
		json_object_set_new(lv, "since", jstr_or_null(rel->level_since));
		json_object_set_new(lv, "doc_id", jstr(rel->level_doc));
		json_object_set_new(o, "level", lv);
	} else {
		json_object_set_new(o, "level", json_null());
	}
	ent_relation_free(rel);

	/* the newest merged events of the relation */
	ent_filter f = ENT_FILTER_INIT;
	if (b) {
		f.pair_a = a;
		f.pair_b = b;
	} else {
		f.country = a;
	}
	f.since = since;
	f.until = until;
	f.scored_only = true;
	f.newest_first = true;
	f.limit = LATEST_COUNT;
	list l = {.items = json_array()};
	rc = ent_store_merged(r->store, &f, add_merged, &l);
	if (rc < 0) {
		json_decref(l.items);
		json_decref(o);
		return store_fail(r, rc, NULL);
	}
	json_object_set_new(o, "latest", l.items);
	r->body = o;
	return 0;
}

static int add_bucket(const ent_bucket *bk, void *p)
{
	list *l = p;
	json_array_append_new(l->items, period_json("period", bk->period, bk->events, bk->by_quad,
						    bk->goldstein_mean));
	return 0;
}

/* GET /api/timeline?a=&b=&by=. */
static int ep_timeline(req *r, const char *rest)
{
	(void)rest;
	const char *a, *b, *since, *until, *by = arg(r, "by");
	if (read_pair_args(r, true, &a, &b) || read_dates(r, &since, &until))
		return -1;
	if (by && strcmp(by, "month") && strcmp(by, "week"))
		return fail(r, 400, "by", "by: must be month or week, not \"%.*s\"", clip(by), by);
	bool weekly = by && !strcmp(by, "week");
	list l = {.items = json_array()};
	int rc = ent_store_timeline(r->store, a, b, since, until, weekly, add_bucket, &l);
	if (rc < 0) {
		json_decref(l.items);
		return store_fail(r, rc, NULL);
	}
	r->body = json_object();
	json_object_set_new(r->body, "a", jstr(a));
	json_object_set_new(r->body, "b", jstr(b));
	json_object_set_new(r->body, "by", json_string(weekly ? "week" : "month"));
	json_object_set_new(r->body, "buckets", l.items);
	return 0;
}

static int cmp_country(const void *x, const void *y)
{
	return strcmp(((const country_row *)x)->code, ((const country_row *)y)->code);
}

/* The English name of a country or IGO code, or NULL. */
static const char *country_name(const server *sv, const char *code)
{
	country_row key;
	if (!code || strlen(code) >= sizeof key.code)
		return NULL;
	strcpy(key.code, code);
	const country_row *c = bsearch(&key, sv->countries.items, sv->countries.len,
				   sizeof(country_row), cmp_country);
	return c ? c->name : NULL;
}

typedef struct actors_walk {
	list l;
	const server *sv;
} actors_walk;

static int add_actor(const ent_actor_stat *s, void *p)
{
	actors_walk *w = p;
	if (w->l.max && w->l.n >= w->l.max)
		return STOP;
	json_t *o = json_object();
	json_object_set_new(o, "country", jstr(s->country));
	json_object_set_new(o, "name", jstr(country_name(w->sv, s->country)));
	json_object_set_new(o, "events", jint(s->events));
	json_object_set_new(o, "goldstein_mean", s->events ? jnum(s->goldstein_mean) : json_null());
	json_object_set_new(o, "partners", jint(s->partners));
	json_array_append_new(w->l.items, o);
	w->l.n++;
	return 0;
}

/* GET /api/actors. */
static int ep_actors(req *r, const char *rest)
{
	(void)rest;
	ent_filter f;
	char a[4], b[4];
	if (read_filter(r, &f, a, b))
		return -1;
	actors_walk w = {.l = {.items = json_array(), .max = f.limit}, .sv = r->srv};
	int rc = ent_store_actors(r->store, &f, add_actor, &w);
	if (rc < 0) {
		json_decref(w.l.items);
		return store_fail(r, rc, NULL);
	}
	r->body = json_object();
	json_object_set_new(r->body, "actors", w.l.items);
	return 0;
}

static int add_pair(const ent_pair_summary *p, void *ctx)
{
	list *l = ctx;
	if (l->max && l->n >= l->max)
		return STOP;
	json_t *o = json_object();
	json_object_set_new(o, "a", jstr(p->a));
	json_object_set_new(o, "b", jstr(p->b));
	json_object_set_new(o, "events", jint(p->events));
	json_object_set_new(o, "by_quad", quad_json(p->by_quad));
	json_object_set_new(o, "goldstein_mean", p->events ? jnum(p->goldstein_mean) : json_null());
	json_object_set_new(o, "first_date", jstr_or_null(p->first_date));
	json_object_set_new(o, "last_date", jstr_or_null(p->last_date));
	json_object_set_new(o, "top_codes", jstr(p->top_codes ? p->top_codes : ""));
	json_array_append_new(l->items, o);
	l->n++;
	return 0;
}

/* GET /api/pairs. */
static int ep_pairs(req *r, const char *rest)
{
	(void)rest;
	ent_filter f;
	char a[4], b[4];
	if (read_filter(r, &f, a, b))
		return -1;
	list l = {.items = json_array(), .max = f.limit};
	int rc = ent_store_pairs(r->store, &f, add_pair, &l);
	if (rc < 0) {
		json_decref(l.items);
		return store_fail(r, rc, NULL);
	}
	r->body = json_object();
	json_object_set_new(r->body, "pairs", l.items);
	return 0;
}

/* The sector-by-pair matrix as it is counted. */
typedef struct matrix_row {
	char pair[16];                  /* "RUS-VNM" */
	long counts[ENT_SECTOR_COUNT];
	long total;
} matrix_row;

typedef struct matrix {
	ent_map index; /* pair -> row */
	ENT_VEC(matrix_row) rows;
} matrix;

static int count_sectors(const ent_merged *m, void *p)
{
	matrix *mx = p;
	if (!m->sectors || !m->a || !m->b || strlen(m->a) != 3 || strlen(m->b) != 3 ||
	    !strcmp(m->b, "---"))
		return 0;
	char key[16];
	int n = snprintf(key, sizeof key, "%s-%s", m->a, m->b);
	bool added = false;
	uint32_t *at = ent_map_put(&mx->index, key, (size_t)n, (uint32_t)mx->rows.len, &added);
	if (added) {
		matrix_row row;
		memset(&row, 0, sizeof row);
		memcpy(row.pair, key, (size_t)n + 1);
		ENT_VEC_PUSH(mx->rows, row);
	}
	matrix_row *row = &mx->rows.items[*at];
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (m->sectors & (UINT64_C(1) << i)) {
			row->counts[i]++;
			row->total++;
		}
	return 0;
}

/* Most sector-events first, then by pair name. */
static int cmp_row(const void *x, const void *y)
{
	const matrix_row *a = x, *b = y;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return strcmp(a->pair, b->pair);
}

/* GET /api/sectors: merged events (roots 02-20) by pair and sector. */
static int ep_sectors(req *r, const char *rest)
{
	(void)rest;
	ent_filter f;
	char a[4], b[4];
	if (read_filter(r, &f, a, b))
		return -1;
	size_t limit = f.limit;
	f.limit = 0;
	matrix mx;
	memset(&mx, 0, sizeof mx);
	ent_map_init(&mx.index);
	int rc = ent_store_merged(r->store, &f, count_sectors, &mx);
	if (rc < 0) {
		ent_map_dispose(&mx.index);
		ENT_VEC_FREE(mx.rows);
		return store_fail(r, rc, NULL);
	}
	if (mx.rows.len)
		qsort(mx.rows.items, mx.rows.len, sizeof(matrix_row), cmp_row);
	size_t nrows = mx.rows.len < limit ? mx.rows.len : limit;
	long used[ENT_SECTOR_COUNT] = {0};
	for (size_t i = 0; i < nrows; i++)
		for (unsigned k = 0; k < ENT_SECTOR_COUNT; k++)
			used[k] += mx.rows.items[i].counts[k];
	json_t *sectors = json_array(), *pairs = json_array(), *cells = json_array();
	for (unsigned k = 0; k < ENT_SECTOR_COUNT; k++)
		if (used[k])
			json_array_append_new(sectors, json_string(ent_sector_name(k)));
	for (size_t i = 0; i < nrows; i++) {
		const matrix_row *row = &mx.rows.items[i];
		json_array_append_new(pairs, json_string(row->pair));
		for (unsigned k = 0; k < ENT_SECTOR_COUNT; k++) {
			if (!row->counts[k])
				continue;
			json_array_append_new(cells, json_pack("{s:s,s:s,s:I}", "pair", row->pair,
							       "sector", ent_sector_name(k),
							       "events", (json_int_t)row->counts[k]));
		}
	}
	ent_map_dispose(&mx.index);
	ENT_VEC_FREE(mx.rows);
	r->body = json_object();
	json_object_set_new(r->body, "sectors", sectors);
	json_object_set_new(r->body, "pairs", pairs);
	json_object_set_new(r->body, "cells", cells);
	return 0;
}

/* A search hit, kept until the walk is over (its events are read after). */
static int add_hit(const ent_search_hit *h, void *p)
{
	list *l = p;
	json_t *o = json_object();
	json_object_set_new(o, "doc_id", jstr(h->doc_id));
	json_object_set_new(o, "title", jstr(h->title));
	json_object_set_new(o, "date", jstr_or_null(h->date));
	json_object_set_new(o, "url", jstr_or_null(h->url));
	json_object_set_new(o, "snippet", jstr(h->snippet));
	json_array_append_new(l->items, o);
	return 0;
}

/* GET /api/search?q=. */
static int ep_search(req *r, const char *rest)
{
	(void)rest;
	const char *q = arg(r, "q");
	size_t limit;
	if (!q)
		return fail(r, 400, "q", "q: required (the words to search for)");
	size_t qlen = strlen(q), bad;
	if (strspn(q, " \t\r\n") == qlen)
		return fail(r, 400, "q", "q: expected words to search for, got \"%.*s\"", clip(q), q);
	if (!ent_utf8_valid(q, qlen, &bad))
		return fail(r, 400, "q", "q: not valid UTF-8 (byte %zu)", bad);
	if (qlen > 1000)
		return fail(r, 400, "q", "q: at most 1000 bytes, got %zu", qlen);
	if (read_paging(r, &limit, NULL))
		return -1;
	list l = {.items = json_array()};
	int rc = ent_store_search(r->store, q, limit, add_hit, &l);
	if (rc < 0) {
		json_decref(l.items);
		return store_fail(r, rc, "q");
	}
	size_t i;
	json_t *hit;
	json_array_foreach(l.items, i, hit) {
		ent_filter f = ENT_FILTER_INIT;
		f.doc_id = json_string_value(json_object_get(hit, "doc_id"));
		f.scored_only = true;
		json_t *events = events_array(r, &f);
		if (!events) {
			json_decref(l.items);
			return -1;
		}
		json_object_set_new(hit, "events", events);
	}
	r->body = json_object();
	json_object_set_new(r->body, "query", jstr(q));
	json_object_set_new(r->body, "hits", l.items);
	return 0;
}

/* GET /api/status. */
static int ep_status(req *r, const char *rest)
{
	(void)rest;
	long docs = 0, events = 0;
	int rc = ent_store_counts(r->store, &docs, &events);
	if (rc < 0)
		return store_fail(r, rc, NULL);
	r->body = json_object();
	json_object_set_new(r->body, "version", json_string(ENT_VERSION));
	json_object_set_new(r->body, "documents", jint(docs));
	json_object_set_new(r->body, "events", jint(events));
	return 0;
}

/* The API: a path (exact, or a prefix when it ends with '/': the rest is
 * passed on), the parameters it takes, its function. */
static const struct route {
	const char *path;
	const char *params;
	int (*fn)(req *r, const char *rest);
} ROUTES[] = {
	{"/api/events", " country pair since until code sector doc all newest limit offset merged ",
	 ep_events},
	{"/api/events/", " ", ep_event},
	{"/api/merged/", " ", ep_mentions},
	{"/api/documents/", " ", ep_document},
	{"/api/relations", " a b since until ", ep_relations},
	{"/api/timeline", " a b by since until ", ep_timeline},
	{"/api/actors", " since until code sector limit ", ep_actors},
	{"/api/pairs", " since until country limit ", ep_pairs},
	{"/api/sectors", " since until country limit ", ep_sectors},
	{"/api/search", " q limit ", ep_search},
	{"/api/status", " ", ep_status},
};

/* ------------------------------------------------------------------ */
/* The store pool                                                       */

static int pool_take(server *sv, ent_store **out, ent_error *err)
{
	pthread_mutex_lock(&sv->mu);
	if (sv->nidle) {
		*out = sv->idle[--sv->nidle];
		pthread_mutex_unlock(&sv->mu);
		return 0;
	}
	pthread_mutex_unlock(&sv->mu);
	return ent_store_open(out, sv->db, err);
}

static void pool_give(server *sv, ent_store *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&sv->mu);
	if (sv->nidle < POOL_MAX) {
		sv->idle[sv->nidle++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&sv->mu);
	ent_store_close(s);
}

/* Answers an /api/ path into r->status and r->body. */
static void api(req *r, const char *url)
{
	for (size_t i = 0; i < sizeof ROUTES / sizeof ROUTES[0]; i++) {
		const struct route *rt = &ROUTES[i];
		size_t n = strlen(rt->path);
		bool prefix = rt->path[n - 1] == '/';
		if (prefix ? strncmp(url, rt->path, n) != 0 || !url[n] : strcmp(url, rt->path) != 0)
			continue;
		if (check_params(r, rt->params))
			return;
		ent_error err = {0};
		if (pool_take(r->srv, &r->store, &err) != 0) {
			fprintf(stderr, "entente serve: %s\n", err.message);
			fail(r, 500, NULL, "%s", err.message);
			return;
		}
		r->status = 200;
		if (rt->fn(r, url + n) != 0 && r->status == 200)
			fail(r, 500, NULL, "internal error");
		pool_give(r->srv, r->store);
		r->store = NULL;
		return;
	}
	fail(r, 404, NULL, "no such path: %.*s", clip(url), url);
}

/* ------------------------------------------------------------------ */
/* Static files                                                         */

/* Content-Type by extension. */
static const char *content_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} TYPES[] = {
		{".html", "text/html; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".json", "application/json; charset=utf-8"},
		{".map", "application/json; charset=utf-8"},
		{".txt", "text/plain; charset=utf-8"},
		{".ico", "image/x-icon"},
		{".woff2", "font/woff2"},
	};
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
			if (!strcmp(dot, TYPES[i].ext))
				return TYPES[i].type;
	return "application/octet-stream";
}

/* True for a relative path whose segments are all names: not empty, no
 * leading '/', no "", "." or ".." segment, no backslash or control byte. */
static bool safe_path(const char *rel)
{
	if (!*rel || rel[0] == '/')
		return false;
	for (const char *s = rel; *s; s++)
		if (*s == '\\' || (unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	const char *seg = rel;
	for (;;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		if (!end)
			return true;
		seg = end + 1;
	}
}

/* Queues the file `sub``rel` of the web folder and returns true with the
 * queueing's result in *result; or returns false with a 404 (500) in r for
 * the caller to send. `url` is the request path, for the message. */
static bool serve_file(struct MHD_Connection *c, req *r, const char *sub, const char *rel,
		       const char *url, enum MHD_Result *result)
{
	char path[4096];
	if (!safe_path(rel) ||
	    snprintf(path, sizeof path, "%s/%s%s", r->srv->web, sub, rel) >= (int)sizeof path) {
		fail(r, 404, NULL, "no such file: %.*s", clip(url), url);
		return false;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		fail(r, 404, NULL, "no such file: %.*s", clip(url), url);
		return false;
	}
	struct MHD_Response *resp = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
	if (!resp) {
		close(fd);
		fail(r, 500, NULL, "cannot send %.*s", clip(url), url);
		return false;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type(path));
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	*result = MHD_queue_response(c, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return true;
}

/* ------------------------------------------------------------------ */
/* The request handler                                                  */

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_t *body)
{
	char *s = body ? json_dumps(body, DUMP_FLAGS) : NULL;
	if (!s) {
		s = ent_xstrdup("{\"error\":\"the answer could not be encoded as JSON\"}");
		status = 500;
	}
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(strlen(s), s, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(s);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	enum MHD_Result ret = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, const char *upload_data,
			      size_t *upload_data_size, void **con_cls)
{
	(void)version;
	(void)upload_data;
	if (*con_cls) {
		/* a body after the answer was queued: drop it */
		*upload_data_size = 0;
		return MHD_YES;
	}
	*con_cls = c;
	req r;
	memset(&r, 0, sizeof r);
	r.srv = cls;
	enum MHD_Result ret = MHD_YES;
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
		fail(&r, MHD_HTTP_METHOD_NOT_ALLOWED, NULL,
		     "method %.*s is not allowed: only GET and HEAD", clip(method), method);
	} else if (!strcmp(url, "/")) {
		if (serve_file(c, &r, "", "index.html", url, &ret))
			return ret;
	} else if (!strncmp(url, "/static/", 8)) {
		if (serve_file(c, &r, "", url + 8, url, &ret))
			return ret;
	} else if (!strncmp(url, "/vendor/", 8)) {
		if (serve_file(c, &r, "node_modules/", url + 8, url, &ret))
			return ret;
	} else {
		MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect_param, &r);
		api(&r, url);
	}
	ret = send_json(c, r.status ? r.status : 500, r.body);
	json_decref(r.body);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Start and stop                                                       */

const char *ent_server_default_web_dir(void)
{
	return ENT_WEB_DIR;
}

/* Loads data/countries.tsv (code, name, kind) for the actors' names. A
 * missing file leaves the names null. */
static void load_countries(server *sv, const char *data_dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/countries.tsv", data_dir ? data_dir : ent_default_data_dir());
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[0] == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab || tab - line >= (ptrdiff_t)sizeof(((country_row *)0)->code))
			continue;
		char *end = strchr(tab + 1, '\t');
		if (!end)
			end = tab + 1 + strcspn(tab + 1, "\r\n");
		country_row cn;
		memset(&cn, 0, sizeof cn);
		memcpy(cn.code, line, (size_t)(tab - line));
		cn.name = ent_xstrndup(tab + 1, (size_t)(end - tab - 1));
		ENT_VEC_PUSH(sv->countries, cn);
	}
	free(line);
	fclose(f);
	if (sv->countries.len)
		qsort(sv->countries.items, sv->countries.len, sizeof(country_row), cmp_country);
}

static void on_signal(int sig)
{
	(void)sig; /* never runs: the signals are blocked and taken by sigwait */
}

int ent_server_run(const ent_server_options *o, ent_error *err)
{
	server sv;
	struct addrinfo *ai = NULL;
	struct MHD_Daemon *d = NULL;
	ent_store *first = NULL;
	sigset_t stop, old_mask;
	struct sigaction sa, old_int, old_term, old_pipe;
	bool signals_set = false;
	int ret = ENT_OK;

	memset(&sv, 0, sizeof sv);
	pthread_mutex_init(&sv.mu, NULL);
	sv.db = o->db;
	sv.web = o->web_dir ? o->web_dir : ENT_WEB_DIR;
	const char *host = o->host ? o->host : "127.0.0.1";

	/* a SQLite file must exist (serving never creates one); a PostgreSQL
	 * URL is checked by opening it */
	bool url = o->db && (strncmp(o->db, "postgresql://", 13) == 0 ||
			     strncmp(o->db, "postgres://", 11) == 0);
	if (!o->db || (!url && access(o->db, F_OK) != 0)) {
		ent_error_set(err, ENT_ENOTFOUND, "%s: no such database (create it with `entente ingest`)",
			  o->db ? o->db : "");
		ret = ENT_ENOTFOUND;
		goto done;
	}
	if ((ret = ent_store_open(&first, o->db, err)) != 0)
		goto done;
	pool_give(&sv, first);
	load_countries(&sv, o->data_dir);

	char port[8];
	snprintf(port, sizeof port, "%u", o->port);
	struct addrinfo hints;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int gai = getaddrinfo(host, port, &hints, &ai);
	if (gai != 0 || !ai) {
		ent_error_set(err, ENT_EUSAGE, "--host: cannot use \"%s\": %s", host, gai_strerror(gai));
		ret = ENT_EUSAGE;
		goto done;
	}

	/* SIGINT/SIGTERM: blocked here before MHD starts its threads (they
	 * inherit the mask), taken by sigwait below. A handler is installed
	 * because an ignored signal (a background job's SIGINT) would be
	 * discarded instead of left pending. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sa.sa_handler = SIG_IGN; /* a client gone mid-answer is not fatal */
	sigaction(SIGPIPE, &sa, &old_pipe);
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &old_mask);
	signals_set = true;

	/* MHD_USE_ITC: MHD_stop_daemon wakes the threads at once instead of
	 * waiting for their poll to time out */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
			 MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, &sv,
			     MHD_OPTION_SOCK_ADDR, ai->ai_addr,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
			     MHD_OPTION_END);
	if (!d) {
		ent_error_set(err, ENT_EIO, "cannot listen on %s port %u: %s", host, o->port,
			  errno ? strerror(errno) : "libmicrohttpd refused to start");
		ret = ENT_EIO;
		goto done;
	}

	/* the address really bound (the port the system picked for 0) */
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char shost[NI_MAXHOST] = "", sport[NI_MAXSERV] = "";
	if (!info || getsockname(info->listen_fd, (struct sockaddr *)&ss, &sl) != 0 ||
	    getnameinfo((struct sockaddr *)&ss, sl, shost, sizeof shost, sport, sizeof sport,
			NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		ent_error_set(err, ENT_EIO, "cannot tell which address %s port %u was bound", host,
			  o->port);
		ret = ENT_EIO;
		goto done;
	}
	bool v6 = strchr(shost, ':') != NULL;
	fprintf(stderr, "entente serve: http://%s%s%s:%s/ (database %s)\n", v6 ? "[" : "", shost,
		v6 ? "]" : "", sport, o->db);
	fflush(stderr);

	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
done:
	if (d)
		MHD_stop_daemon(d);
	if (signals_set) {
		pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGPIPE, &old_pipe, NULL);
	}
	if (ai)
		freeaddrinfo(ai);
	for (size_t i = 0; i < sv.nidle; i++)
		ent_store_close(sv.idle[i]);
	for (size_t i = 0; i < sv.countries.len; i++)
		free(sv.countries.items[i].name);
	ENT_VEC_FREE(sv.countries);
	pthread_mutex_destroy(&sv.mu);
	return ret;
}
