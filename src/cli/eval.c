/*
 * eval.c: `entente eval`, the scorer of spec/EVENTS.md section 7, ported
 * from shared/tools/score-events so that both give the same figures and
 * print the same text.
 *
 * Each event becomes a key (root, unordered country pair, date): the root
 * is the code's first two characters, a country the actor code's first
 * three (upper case), "---" for a missing actor. A system event hits a gold
 * key when its own key, with its date cut to the gold date's length, equals
 * it; a null gold date takes any date (and a null system date becomes
 * "none", which no real date equals). Per article: recall counts the
 * required gold keys hit; precision counts the distinct system keys that
 * hit a required key; system keys that hit only optional keys count on
 * neither side. Root 01 and code-less events are not scored.
 *
 * On each matched gold key the best system event (most agreement: same
 * 3-digit code counts 2, same source country 1, first one on ties) gives
 * the secondary figures: code, direction, persons, place (names folded),
 * sectors (Jaccard).
 *
 * Python parity notes: the ratios are printed as Python prints
 * round(x, 4) (shortest repr, "None" when undefined) and the keys as
 * Python prints the tuple. A record date that is NULL or "" is JSON null.
 */
#include "cli/eval.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

/* A scoring key. `date` is borrowed; NULL is Python's None. */
typedef struct key {
	char root[12]; /* up to 2 code points of the code */
	char a[16];    /* the two countries, a <= b */
	char b[16];
	const char *date;
} key;

typedef struct gold_event {
	key k;
	char code3[16];  /* str(code)[:3] */
	char src[16];    /* country of the source */
	bool optional;
	json_t *obj;     /* borrowed from the gold document's JSON */
} gold_event;

typedef struct gold_doc {
	char *doc_id;
	json_t *json;    /* owns the events' objects */
	ENT_VEC(gold_event) evs;
	ENT_VEC(const ent_record *) sys; /* scored records of this doc */
} gold_doc;

typedef ENT_VEC(gold_doc) gold_set;

/* A system event with its key (date raw). */
typedef struct sys_event {
	key k;
	const ent_record *rec;
} sys_event;

/* ---- strings ---- */

/* Bytes taking up the first `ncp` code points of s. */
static size_t cp_prefix(const char *s, size_t ncp)
{
	size_t i = 0;
	while (s[i] && ncp > 0) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
		ncp--;
	}
	return i;
}

static size_t cp_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += (*s & 0xc0) != 0x80;
	return n;
}

/* Copies the first ncp code points of s into dst[cap]. */
static void copy_prefix(char *dst, size_t cap, const char *s, size_t ncp)
{
	size_t n = cp_prefix(s, ncp);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = 0;
}

/* country(): the first three characters in upper case, "---" if none. */
static void country(char out[16], const char *code)
{
	if (!code || !*code) {
		strcpy(out, "---");
		return;
	}
	copy_prefix(out, 16, code, 3);
	for (char *p = out; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

static void make_key(key *k, const char *code, const char *source,
		     const char *target, const char *date)
{
	copy_prefix(k->root, sizeof k->root, code ? code : "", 2);
	char x[16], y[16];
	country(x, source);
	country(y, target);
	bool swap = strcmp(x, y) > 0;
	strcpy(k->a, swap ? y : x);
	strcpy(k->b, swap ? x : y);
	k->date = date;
}

static bool same_date(const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	return strcmp(x, y) == 0;
}

static bool key_eq(const key *x, const key *y)
{
	return strcmp(x->root, y->root) == 0 && strcmp(x->a, y->a) == 0 &&
	       strcmp(x->b, y->b) == 0 && same_date(x->date, y->date);
}

/* hits(): the system key s, its date cut to the gold date's precision,
 * equals the gold key g. */
static bool hits(const key *s, const key *g)
{
	if (strcmp(s->root, g->root) || strcmp(s->a, g->a) ||
	    strcmp(s->b, g->b))
		return false;
	if (!g->date)
		return true;
	if (!s->date)
		return strcmp(g->date, "none") == 0;
	size_t n = cp_prefix(s->date, cp_count(g->date));
	return strlen(g->date) == n && memcmp(s->date, g->date, n) == 0;
}

/* Python's repr of a str. */
static void repr_str(ent_buf *b, const char *s)
{
	char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
	ent_buf_putc(b, q);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == (unsigned char)q) {
			ent_buf_putc(b, '\\');
			ent_buf_putc(b, (char)*p);
		} else if (*p == '\n') {
			ent_buf_puts(b, "\\n");
		} else if (*p == '\r') {
			ent_buf_puts(b, "\\r");
		} else if (*p == '\t') {
			ent_buf_puts(b, "\\t");
		} else if (*p < 0x20 || *p == 0x7f) {
			ent_buf_printf(b, "\\x%02x", *p);
		} else {
			ent_buf_putc(b, (char)*p);
		}
	}
	ent_buf_putc(b, q);
}

/* str(key): "('04', ('RUS', 'VNM'), '2025-05-10')". Malloc'ed. */
static char *key_repr(const key *k)
{
	ent_buf b = ENT_BUF_INIT;
	ent_buf_putc(&b, '(');
	repr_str(&b, k->root);
	ent_buf_puts(&b, ", (");
	repr_str(&b, k->a);
	ent_buf_puts(&b, ", ");
	repr_str(&b, k->b);
	ent_buf_puts(&b, "), ");
	if (k->date)
		repr_str(&b, k->date);
	else
		ent_buf_puts(&b, "None");
	ent_buf_putc(&b, ')');
	return ent_buf_detach(&b);
}

/* ---- name folding ---- */

static bool fold_keep(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* What score-events' FOLD_EXTRA maps, after case folding. */
static const char *fold_extra(utf8proc_int32_t c)
{
	switch (c) {
	case 0x111: return "d";   /* đ */
	case 0x153: return "oe";  /* œ */
	case 0xe6: return "ae";   /* æ */
	case 0xdf: return "ss";   /* ß */
	case 0x131: return "i";   /* dotless ı */
	default: return NULL;
	}
}

void ent_eval_fold(const char *s, ent_buf *out)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map(
		(const utf8proc_uint8_t *)s, 0, &m,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
			UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
			UTF8PROC_CASEFOLD);
	if (n < 0) {
		/* Not valid UTF-8: keep the ASCII letters and digits. */
		for (const char *p = s; *p; p++) {
			char c = *p;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				ent_buf_putc(out, c);
		}
		free(m);
		return;
	}
	utf8proc_ssize_t i = 0;
	while (i < n) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(m + i, n - i, &c);
		if (k <= 0)
			break;
		i += k;
		const char *x = fold_extra(c);
		if (x) {
			ent_buf_puts(out, x);
		} else if (fold_keep(c)) {
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t e = utf8proc_encode_char(c, enc);
			ent_buf_append(out, enc, (size_t)e);
		}
	}
	free(m);
}

/* same_name(): `got` folds like one of the spellings the gold gives (a
 * string or an array of strings). */
static bool same_name(json_t *gold, const char *got)
{
	if (!got)
		return false;
	ent_buf g = ENT_BUF_INIT, o = ENT_BUF_INIT;
	bool same = false;
	ent_eval_fold(got, &g);
	size_t n = json_is_array(gold) ? json_array_size(gold) : 1;
	for (size_t i = 0; i < n && !same; i++) {
		json_t *opt = json_is_array(gold) ? json_array_get(gold, i) : gold;
		if (!json_is_string(opt))
			continue;
		ent_buf_clear(&o);
		ent_eval_fold(json_string_value(opt), &o);
		same = g.len == o.len && (g.len == 0 ||
					  memcmp(g.data, o.data, g.len) == 0);
	}
	ent_buf_dispose(&g);
	ent_buf_dispose(&o);
	return same;
}

/* Python truthiness of a JSON value (NULL is a missing field). */
static bool truthy(json_t *v)
{
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_TRUE: return true;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0;
	case JSON_STRING: return json_string_length(v) > 0;
	case JSON_ARRAY: return json_array_size(v) > 0;
	case JSON_OBJECT: return json_object_size(v) > 0;
	default: return false;
	}
}

/* A string field of a gold event, or NULL (None, or not a string). */
static const char *str_field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* ---- gold ---- */

static void gold_dispose(gold_set *g)
{
	for (size_t i = 0; i < g->len; i++) {
		free(g->items[i].doc_id);
		json_decref(g->items[i].json);
		ENT_VEC_FREE(g->items[i].evs);
		ENT_VEC_FREE(g->items[i].sys);
	}
	ENT_VEC_FREE(*g);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The code as Python's str() gives it, into buf, or NULL. */
static const char *code_str(json_t *v, char *buf, size_t cap)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, cap, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
		return buf;
	}
	return NULL;
}

/* Reads one gold file into *d (load_gold of score-events: scored events
 * only). */
static int load_gold_file(gold_doc *d, const char *path, const char *name,
			  ent_error *err)
{
	json_error_t je;
	d->json = json_load_file(path, 0, &je);
	if (!d->json) {
		if (je.line <= 0)
			return ent_error_set(err, ENT_EIO, "%s: %s", path, je.text);
		return ent_error_set(err, ENT_EINVALID, "%s:%d: not JSON: %s", path,
			    je.line, je.text);
	}
	if (!json_is_object(d->json))
		return ent_error_set(err, ENT_EINVALID, "%s: expected a JSON object",
			    path);
	const char *id = str_field(d->json, "doc_id");
	d->doc_id = id && *id ? ent_xstrdup(id)
			      : ent_xstrndup(name, strlen(name) - 5);
	json_t *evs = json_object_get(d->json, "events");
	if (!json_is_array(evs))
		return ent_error_set(err, ENT_EINVALID,
			    "%s: field \"events\" must be an array", path);
	for (size_t i = 0; i < json_array_size(evs); i++) {
		json_t *o = json_array_get(evs, i);
		if (!json_is_object(o))
			return ent_error_set(err, ENT_EINVALID,
				    "%s: event %zu is not an object", path,
				    i + 1);
		char buf[32];
		const char *code = code_str(json_object_get(o, "code"), buf,
					    sizeof buf);
		if (!code || !*code)
			continue;
		gold_event g = {0};
		make_key(&g.k, code, str_field(o, "source"),
			 str_field(o, "target"), str_field(o, "date"));
		if (strcmp(g.k.root, "01") == 0)
			continue;
		copy_prefix(g.code3, sizeof g.code3, code, 3);
		country(g.src, str_field(o, "source"));
		g.optional = truthy(json_object_get(o, "optional"));
		g.obj = o;
		ENT_VEC_PUSH(d->evs, g);
	}
	return 0;
}

static int load_gold(gold_set *out, const char *dir, ent_error *err)
{
	ENT_VEC(char *) names = {0};
	gold_doc d = {0};
	char *path = NULL;
	int rc = 0;
	DIR *dh = opendir(dir);
	if (!dh) {
		rc = ent_error_set(err, ENT_EIO, "%s: cannot read: %s", dir,
			  strerror(errno));
		goto done;
	}
	struct dirent *de;
	while ((de = readdir(dh)) != NULL)
		if (ends_with(de->d_name, ".json"))
			ENT_VEC_PUSH(names, ent_xstrdup(de->d_name));
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(char *), cmp_names);
	for (size_t i = 0; i < names.len; i++) {
		ent_buf p = ENT_BUF_INIT;
		ent_buf_printf(&p, "%s/%s", dir, names.items[i]);
		path = ent_buf_detach(&p);
		if ((rc = load_gold_file(&d, path, names.items[i], err)) < 0)
			goto done;
		/* A doc_id seen before keeps its place and takes the new
		 * events, as a Python dict does. */
		size_t j = 0;
		while (j < out->len && strcmp(out->items[j].doc_id, d.doc_id))
			j++;
		if (j < out->len) {
			gold_doc *old = &out->items[j];
			free(old->doc_id);
			json_decref(old->json);
			ENT_VEC_FREE(old->evs);
			*old = d;
		} else {
			ENT_VEC_PUSH(*out, d);
		}
		memset(&d, 0, sizeof d);
		free(path);
		path = NULL;
	}
done:
	free(path);
	free(d.doc_id);
	if (d.json)
		json_decref(d.json);
	ENT_VEC_FREE(d.evs);
	for (size_t i = 0; i < names.len; i++)
		free(names.items[i]);
	ENT_VEC_FREE(names);
	if (dh)
		closedir(dh);
	return rc;
}

/* ---- matching ---- */

static const char *rec_date(const ent_record *r)
{
	return r->date && *r->date ? r->date : NULL;
}

/* agreement(): 2 for the same 3-digit code, 1 for the same source
 * country. */
static int agreement(const gold_event *g, const ent_record *s)
{
	char c3[16], src[16];
	copy_prefix(c3, sizeof c3, s->code, 3);
	country(src, s->source);
	return (strcmp(g->code3, c3) == 0) * 2 + (strcmp(g->src, src) == 0);
}

typedef struct figures {
	size_t code_ok, dir_ok, person_n, person_ok, place_n, place_ok;
	double sect_sum;
	size_t sect_n;
} figures;

/* Jaccard of the gold sectors (array of strings) and the record's. Returns
 * false when both are empty. */
static bool sector_jaccard(json_t *gold, uint64_t sys, double *out)
{
	size_t ng = 0, inter = 0, ns = 0;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		ns += (sys >> i) & 1;
	size_t n = json_is_array(gold) ? json_array_size(gold) : 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = json_string_value(json_array_get(gold, i));
		if (!s)
			continue;
		bool dup = false;
		for (size_t j = 0; j < i && !dup; j++) {
			const char *t = json_string_value(json_array_get(gold, j));
			dup = t && strcmp(s, t) == 0;
		}
		if (dup)
			continue;
		ng++;
		int k = ent_sector_index(s);
		if (k >= 0 && ((sys >> k) & 1))
			inter++;
	}
	if (ng + ns == 0)
		return false;
	*out = (double)inter / (double)(ng + ns - inter);
	return true;
}

/* The secondary figures of one matched pair. */
static void score_pair(figures *f, const gold_event *g, const ent_record *s)
{
	char c3[16], src[16];
	copy_prefix(c3, sizeof c3, s->code, 3);
	country(src, s->source);
	f->code_ok += strcmp(g->code3, c3) == 0;
	f->dir_ok += strcmp(g->src, src) == 0;
	static const char *const sides[2] = {"source_name", "target_name"};
	const char *got[2] = {s->source_name, s->target_name};
	for (int i = 0; i < 2; i++) {
		json_t *v = json_object_get(g->obj, sides[i]);
		if (truthy(v)) {
			f->person_n++;
			f->person_ok += same_name(v, got[i]);
		}
	}
	json_t *place = json_object_get(g->obj, "place");
	if (truthy(place)) {
		f->place_n++;
		f->place_ok += same_name(place, s->place);
	}
	json_t *gs = json_object_get(g->obj, "sectors");
	double j;
	if (sector_jaccard(truthy(gs) ? gs : NULL, s->sectors, &j)) {
		f->sect_sum += j;
		f->sect_n++;
	}
}

/* match_doc() of score-events, adding to res and f. */
static void match_doc(const gold_doc *d, ent_eval_result *res, figures *f,
		      ent_eval_doc *row)
{
	ENT_VEC(const gold_event *) required = {0};
	ENT_VEC(const key *) optional = {0};
	ENT_VEC(sys_event) sys = {0};
	ENT_VEC(size_t) firsts = {0}; /* index in sys of each distinct key */
	ENT_VEC(char *) missed = {0};
	ENT_VEC(char *) extra = {0};

	for (size_t i = 0; i < d->evs.len; i++) {
		const gold_event *g = &d->evs.items[i];
		if (g->optional)
			continue;
		bool seen = false;
		for (size_t j = 0; j < required.len && !seen; j++)
			seen = key_eq(&required.items[j]->k, &g->k);
		if (!seen)
			ENT_VEC_PUSH(required, g);
	}
	for (size_t i = 0; i < d->evs.len; i++) {
		const gold_event *g = &d->evs.items[i];
		if (!g->optional)
			continue;
		bool seen = false;
		for (size_t j = 0; j < required.len && !seen; j++)
			seen = key_eq(&required.items[j]->k, &g->k);
		for (size_t j = 0; j < optional.len && !seen; j++)
			seen = key_eq(optional.items[j], &g->k);
		if (!seen)
			ENT_VEC_PUSH(optional, &g->k);
	}
	for (size_t i = 0; i < d->sys.len; i++) {
		const ent_record *r = d->sys.items[i];
		sys_event s = {.rec = r};
		make_key(&s.k, r->code, r->source, r->target, rec_date(r));
		ENT_VEC_PUSH(sys, s);
	}
	for (size_t i = 0; i < sys.len; i++) {
		bool seen = false;
		for (size_t j = 0; j < firsts.len && !seen; j++)
			seen = key_eq(&sys.items[firsts.items[j]].k,
				      &sys.items[i].k);
		if (!seen)
			ENT_VEC_PUSH(firsts, i);
	}

	size_t tps = 0;
	for (size_t j = 0; j < firsts.len; j++) {
		const key *sk = &sys.items[firsts.items[j]].k;
		bool hit = false;
		for (size_t i = 0; i < required.len && !hit; i++)
			hit = hits(sk, &required.items[i]->k);
		if (hit) {
			tps++;
			continue;
		}
		for (size_t i = 0; i < optional.len && !hit; i++)
			hit = hits(sk, optional.items[i]);
		if (!hit)
			ENT_VEC_PUSH(extra, key_repr(sk));
	}
	if (extra.len > 1)
		qsort(extra.items, extra.len, sizeof(char *), cmp_names);

	size_t tp = 0;
	for (size_t i = 0; i < required.len; i++) {
		const gold_event *g = required.items[i];
		const ent_record *best = NULL;
		int best_score = -1;
		for (size_t j = 0; j < sys.len; j++) {
			if (!hits(&sys.items[j].k, &g->k))
				continue;
			int a = agreement(g, sys.items[j].rec);
			if (a > best_score) {
				best_score = a;
				best = sys.items[j].rec;
			}
		}
		if (best) {
			tp++;
			score_pair(f, g, best);
		} else {
			ENT_VEC_PUSH(missed, key_repr(&g->k));
		}
	}

	res->tp += tp;
	res->fn += missed.len;
	res->tp_system += tps;
	res->fp += extra.len;
	row->doc_id = ent_xstrdup(d->doc_id);
	row->tp = tp;
	row->fp = extra.len;
	row->fn = missed.len;
	row->missed = missed.items;
	row->nmissed = missed.len;
	row->extra = extra.items;
	row->nextra = extra.len;

	ENT_VEC_FREE(required);
	ENT_VEC_FREE(optional);
	ENT_VEC_FREE(sys);
	ENT_VEC_FREE(firsts);
}

int ent_eval_score(ent_eval_result *out, const char *gold_dir,
		   const ent_record *recs, size_t nrecs, ent_error *err)
{
	gold_set gold = {0};
	ent_map ids;
	figures f = {0};
	int rc;

	memset(out, 0, sizeof *out);
	if (err) {
		err->code = 0;
		err->message[0] = 0;
	}
	ent_map_init(&ids);
	if ((rc = load_gold(&gold, gold_dir, err)) < 0)
		goto done;
	for (size_t i = 0; i < gold.len; i++)
		ent_map_put(&ids, gold.items[i].doc_id,
			    strlen(gold.items[i].doc_id), (uint32_t)i, NULL);
	for (size_t i = 0; i < nrecs; i++) {
		const ent_record *r = &recs[i];
		if (!r->doc_id || !r->code)
			continue;
		char root[12];
		copy_prefix(root, sizeof root, r->code, 2);
		if (!*root || strcmp(root, "01") == 0)
			continue;
		uint32_t *at = ent_map_get(&ids, r->doc_id, strlen(r->doc_id));
		if (at)
			ENT_VEC_PUSH(gold.items[*at].sys, r);
	}

	out->docs = gold.len;
	out->per_doc = ent_xcalloc(gold.len ? gold.len : 1,
				   sizeof(ent_eval_doc));
	out->nper_doc = gold.len;
	for (size_t i = 0; i < gold.len; i++)
		match_doc(&gold.items[i], out, &f, &out->per_doc[i]);

	double p = out->tp_system + out->fp
			   ? (double)out->tp_system /
				     (double)(out->tp_system + out->fp)
			   : 0.0;
	double r = out->tp + out->fn
			   ? (double)out->tp / (double)(out->tp + out->fn)
			   : 0.0;
	out->precision = p;
	out->recall = r;
	out->f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	if (out->tp) {
		out->has_code_accuracy = out->has_direction_accuracy = true;
		out->code_accuracy = (double)f.code_ok / (double)out->tp;
		out->direction_accuracy = (double)f.dir_ok / (double)out->tp;
	}
	if (f.person_n) {
		out->has_person_accuracy = true;
		out->person_accuracy = (double)f.person_ok / (double)f.person_n;
	}
	if (f.place_n) {
		out->has_place_accuracy = true;
		out->place_accuracy = (double)f.place_ok / (double)f.place_n;
	}
	if (f.sect_n) {
		out->has_sector_jaccard = true;
		out->sector_jaccard = f.sect_sum / (double)f.sect_n;
	}
	rc = 0;
done:
	ent_map_dispose(&ids);
	gold_dispose(&gold);
	return rc;
}

/* ---- printing ---- */

/* repr(round(x, 4)): the 4-decimal rounding of the exact binary value
 * (glibc's printf is exact, as Python's round is), without trailing
 * zeros but with one decimal at least. */
static void fmt_round4(char buf[64], double x)
{
	snprintf(buf, 64, "%.4f", x);
	size_t n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0' && buf[n - 2] != '.')
		n--;
	buf[n] = 0;
	if (strcmp(buf, "-0.0") == 0)
		strcpy(buf, "0.0");
}

static void fmt_opt(char buf[64], bool has, double x, const char *none)
{
	if (has)
		fmt_round4(buf, x);
	else
		snprintf(buf, 64, "%s", none);
}

int ent_eval_print(const ent_eval_result *res, const ent_eval_options *opt,
		   FILE *out)
{
	bool per_doc = opt && opt->per_doc, json = opt && opt->json;
	if (per_doc) {
		for (size_t i = 0; i < res->nper_doc; i++) {
			const ent_eval_doc *d = &res->per_doc[i];
			fprintf(out, "%s\ttp=%zu\tfp=%zu\tfn=%zu\n", d->doc_id,
				d->tp, d->fp, d->fn);
			for (size_t j = 0; j < d->nmissed; j++)
				fprintf(out, "\tmissed %s\n", d->missed[j]);
			for (size_t j = 0; j < d->nextra; j++)
				fprintf(out, "\textra  %s\n", d->extra[j]);
		}
	}
	const char *names[5] = {"code_accuracy", "direction_accuracy",
				"person_accuracy", "place_accuracy",
				"sector_jaccard"};
	const bool has[5] = {res->has_code_accuracy,
			     res->has_direction_accuracy,
			     res->has_person_accuracy, res->has_place_accuracy,
			     res->has_sector_jaccard};
	const double val[5] = {res->code_accuracy, res->direction_accuracy,
			       res->person_accuracy, res->place_accuracy,
			       res->sector_jaccard};
	char buf[64];
	if (json) {
		char p[64], r[64], f[64];
		fmt_round4(p, res->precision);
		fmt_round4(r, res->recall);
		fmt_round4(f, res->f1);
		fprintf(out,
			"{\"docs\": %zu, \"tp\": %zu, \"fn\": %zu, "
			"\"tp_system\": %zu, \"fp\": %zu, \"precision\": %s, "
			"\"recall\": %s, \"f1\": %s",
			res->docs, res->tp, res->fn, res->tp_system, res->fp, p,
			r, f);
		for (int i = 0; i < 5; i++) {
			fmt_opt(buf, has[i], val[i], "null");
			fprintf(out, ", \"%s\": %s", names[i], buf);
		}
		fputs("}\n", out);
	} else {
		for (int i = 0; i < 5; i++) {
			fmt_opt(buf, has[i], val[i], "None");
			fprintf(out, "%s: %s\n", names[i], buf);
		}
	}
	fprintf(out, "F1 %.3f (P %.3f R %.3f) over %zu docs\n", res->f1,
		res->precision, res->recall, res->docs);
	return ferror(out) ? ENT_EIO : 0;
}

void ent_eval_result_dispose(ent_eval_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->nper_doc; i++) {
		ent_eval_doc *d = &res->per_doc[i];
		free(d->doc_id);
		for (size_t j = 0; j < d->nmissed; j++)
			free(d->missed[j]);
		for (size_t j = 0; j < d->nextra; j++)
			free(d->extra[j]);
		free(d->missed);
		free(d->extra);
	}
	free(res->per_doc);
	memset(res, 0, sizeof *res);
}

int ent_eval_run(const char *gold_dir, const ent_record *recs, size_t nrecs,
		 const ent_eval_options *opt, FILE *out, ent_error *err)
{
	ent_eval_result res;
	int rc = ent_eval_score(&res, gold_dir, recs, nrecs, err);
	if (rc == 0 && (rc = ent_eval_print(&res, opt, out)) < 0)
		ent_error_set(err, rc, "cannot write the scores: %s", strerror(errno));
	ent_eval_result_dispose(&res);
	return rc;
}
