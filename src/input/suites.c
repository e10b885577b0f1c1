/*
 * suites.c: readers of the peers' gold-standard suites (suites.h): the
 * PLOVER gold standard records (JSON, read with jansson) and the
 * PETRARCH-2 validation records (XML, read with libxml2). They feed
 * `entente eval --suite` (src/cli/suites.c), which codes each record's
 * text and scores the events against the record's gold codings.
 *
 * PETR2: the published file is not well-formed XML as a whole: most
 * records open with a self-closed <Sentence .../> and still end with a
 * </Sentence>, and a header comment is plain text holding a '<'. So the
 * file is read as what it is, a sequence of records: each <Sentence ...>
 * up to the next one (or to </Sentences>) is parsed by libxml2 on its own,
 * strictly, as one XML document; a self-closed start tag whose record
 * ends with </Sentence> is read as an ordinary start tag (the one repair
 * made). A date that is not YYYYMMDD (one record of the published file
 * has "121108") is noted and the record is coded without a date: dates
 * are not scored. An empty <Text> (one record) is rebuilt from the
 * record's CoNLL-U <Parse> (the FORM column, SpaceAfter=No honoured), and
 * noted. The bytes before <Sentences> (the header and the <Environment>)
 * are not read, even where the header's text mentions a tag; XML comments and CDATA sections are skipped when looking
 * for records. Line numbers in messages are lines of the file.
 *
 * PLOVER: records are objects; "source"/"target" are lists of
 * {actorText, code}, null or absent. One record of the published file
 * has a string where its target list belongs ("diplomatic", a misplaced
 * context): a string is taken as "no actor" and reported as a note.
 *
 * Invariants: every refused file gives one error naming the file and the
 * record (PLOVER: its position and id; PETR2: its line) and what was
 * expected; nothing is printed; all strings live in the suite's arena.
 */
#include "input/suites.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

typedef ENT_VEC(ent_suite_record) record_vec;
typedef ENT_VEC(const char *) str_vec;

/* The end of a reader: the records go to s when rc is 0, else are freed;
 * returns rc. */
static int hand_over(ent_suite *s, record_vec *recs, int rc)
{
	if (rc) {
		ENT_VEC_FREE(*recs);
		return rc;
	}
	s->records = recs->items;
	s->nrecords = recs->len;
	return 0;
}

const char *ent_suite_kind_name(ent_suite_kind kind)
{
	return kind == ENT_SUITE_PLOVER ? "plover" : "petr2";
}

int ent_suite_kind_parse(const char *name, ent_suite_kind *out)
{
	if (!strcasecmp(name, "plover")) {
		*out = ENT_SUITE_PLOVER;
		return 0;
	}
	if (!strcasecmp(name, "petr2") || !strcasecmp(name, "petr-2") ||
	    !strcasecmp(name, "petrarch2") || !strcasecmp(name, "petrarch-2")) {
		*out = ENT_SUITE_PETR2;
		return 0;
	}
	return ENT_EUSAGE;
}

void ent_suite_dispose(ent_suite *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i]);
	free(s->notes);
	free(s->records);
	ent_arena_dispose(&s->mem);
	memset(s, 0, sizeof *s);
}

__attribute__((format(printf, 2, 3)))
static void add_note(ent_suite *s, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	s->notes = ent_xrealloc(s->notes, (s->nnotes + 1) * sizeof *s->notes);
	s->notes[s->nnotes++] = ent_xstrdup(msg);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* s[0..n) with every run of white space made one space, trimmed, in the
 * arena. */
static const char *fold_space(ent_arena *a, const char *s, size_t n)
{
	char *out = ent_arena_alloc(a, n + 1);
	size_t k = 0;
	bool gap = false;
	for (size_t i = 0; i < n; i++) {
		if (is_space((unsigned char)s[i])) {
			gap = k > 0;
			continue;
		}
		if (gap)
			out[k++] = ' ';
		gap = false;
		out[k++] = s[i];
	}
	out[k] = 0;
	return out;
}

static const char *keep(ent_arena *a, const char *s)
{
	return ent_arena_strndup(a, s, strlen(s));
}

/* A copy of v[0..n) in the arena (NULL when n is 0). */
static const char **keep_list(ent_arena *a, const str_vec *v)
{
	if (!v->len)
		return NULL;
	const char **out = ent_arena_alloc(a, v->len * sizeof *out);
	memcpy(out, v->items, v->len * sizeof *out);
	return out;
}

static void push_record(record_vec *v, const ent_suite_record *r)
{
	ENT_VEC_PUSH(*v, *r);
	v->items[v->len - 1].index = v->len;
}

/* ---- PLOVER (JSON) ---- */

/* Reads the actor list `field` of record n into *out. */
static int plover_actors(ent_suite *s, const char *path, size_t n,
			 const char *id, const char *field, json_t *v,
			 str_vec *out, ent_error *err)
{
	out->len = 0;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		if (json_string_length(v) > 0)
			add_note(s, "%s: record %zu (%s): \"%s\" is the string \"%.60s\", "
				 "not a list of actors; taken as none", path, n, id, field,
				 json_string_value(v));
		return 0;
	}
	if (!json_is_array(v))
		return ent_error_set(err, ENT_EINVALID,
				     "%s: record %zu (%s): \"%s\" must be a list of "
				     "{\"actorText\", \"code\"} objects", path, n, id, field);
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *a = json_array_get(v, i);
		json_t *code = json_is_object(a) ? json_object_get(a, "code") : NULL;
		if (!json_is_string(code) || json_string_length(code) == 0)
			return ent_error_set(err, ENT_EINVALID,
					     "%s: record %zu (%s): %s[%zu]: expected an object "
					     "with a non-empty string \"code\" (an actor code such "
					     "as \"USA\" or \"IGO\")", path, n, id, field, i);
		ENT_VEC_PUSH(*out, keep(&s->mem, json_string_value(code)));
	}
	return 0;
}

/* A string field of a record: NULL when absent or null, ENT_EINVALID
 * (through *rc) when present with another type. */
static const char *plover_str(json_t *o, const char *name, const char *path,
			      size_t n, const char *id, int *rc, ent_error *err)
{
	json_t *v = json_object_get(o, name);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*rc = ent_error_set(err, ENT_EINVALID,
				    "%s: record %zu (%s): \"%s\" must be a string",
				    path, n, id ? id : "no id", name);
		return NULL;
	}
	return json_string_value(v);
}

static int read_plover(ent_suite *s, const char *path, ent_error *err)
{
	json_error_t je;
	record_vec recs = {0};
	str_vec src = {0}, tgt = {0};
	int rc = 0;
	json_t *root = json_load_file(path, 0, &je);
	if (!root) {
		if (je.line <= 0)
			rc = ent_error_set(err, ENT_EIO, "%s: %s", path, je.text);
		else
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s:%d:%d: not JSON: %s (expected a JSON array "
					   "of PLOVER records)", path, je.line, je.column,
					   je.text);
		goto done;
	}
	if (!json_is_array(root)) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: expected a JSON array of PLOVER records "
				   "({\"id\", \"event\", \"source\", \"target\", \"text\", ...})",
				   path);
		goto done;
	}
	for (size_t i = 0; i < json_array_size(root); i++) {
		size_t n = i + 1;
		json_t *o = json_array_get(root, i);
		if (!json_is_object(o)) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s: record %zu: expected an object {\"id\", "
					   "\"event\", \"text\", ...}", path, n);
			goto done;
		}
		const char *id = plover_str(o, "id", path, n, NULL, &rc, err);
		if (rc)
			goto done;
		if (!id || !*id) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s: record %zu: expected a non-empty string \"id\"",
					   path, n);
			goto done;
		}
		const char *event = plover_str(o, "event", path, n, id, &rc, err);
		if (rc)
			goto done;
		if (!event || !*event) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s: record %zu (%s): expected a string \"event\" "
					   "(a PLOVER event type such as \"AGREE\")", path, n, id);
			goto done;
		}
		if (!strcmp(event, "DOCUMENT")) {
			s->skipped++;
			continue;
		}
		const char *text = plover_str(o, "text", path, n, id, &rc, err);
		const char *date = rc ? NULL : plover_str(o, "date", path, n, id, &rc, err);
		const char *mode = rc ? NULL : plover_str(o, "mode", path, n, id, &rc, err);
		if (rc)
			goto done;
		ent_suite_record r = {0};
		r.text = text ? fold_space(&s->mem, text, strlen(text)) : "";
		if (!*r.text) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s: record %zu (%s): expected a non-empty string "
					   "\"text\" (the sentence to code)", path, n, id);
			goto done;
		}
		int y, m, d;
		if (date && *date && ent_date_parse(date, strlen(date), &y, &m, &d) != 3) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s: record %zu (%s): \"date\" must be YYYY-MM-DD, "
					   "not \"%.40s\"", path, n, id, date);
			goto done;
		}
		if ((rc = plover_actors(s, path, n, id, "source",
					json_object_get(o, "source"), &src, err)) ||
		    (rc = plover_actors(s, path, n, id, "target",
					json_object_get(o, "target"), &tgt, err)))
			goto done;
		ent_suite_gold *g = ent_arena_alloc(&s->mem, sizeof *g);
		g->category = keep(&s->mem, event);
		g->mode = mode && *mode ? keep(&s->mem, mode) : NULL;
		g->sources = keep_list(&s->mem, &src);
		g->nsources = src.len;
		g->targets = keep_list(&s->mem, &tgt);
		g->ntargets = tgt.len;
		r.id = keep(&s->mem, id);
		r.date = date && *date ? keep(&s->mem, date) : NULL;
		r.gold = g;
		r.ngold = 1;
		push_record(&recs, &r);
	}
	if (!recs.len) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: no PLOVER record with an \"event\" other than "
				   "DOCUMENT", path);
		goto done;
	}
done:
	if (root)
		json_decref(root);
	ENT_VEC_FREE(src);
	ENT_VEC_FREE(tgt);
	return hand_over(s, &recs, rc);
}

/* ---- PETR2 (XML) ---- */

/* The first error libxml2 reports while parsing one record. */
typedef struct xml_errors {
	bool any;
	int line;
	char message[256];
} xml_errors;

static void capture_error(void *ctx, xmlErrorPtr e)
{
	xml_errors *x = ctx;
	if (!e || e->level < XML_ERR_ERROR || x->any)
		return;
	x->any = true;
	x->line = e->line;
	snprintf(x->message, sizeof x->message, "%s", e->message ? e->message : "error");
	size_t n = strlen(x->message);
	while (n > 0 && is_space((unsigned char)x->message[n - 1]))
		x->message[--n] = 0;
}

static bool starts(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* `<name` at p followed by white space, '>' or '/'. */
static bool tag_at(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(end - p) <= n + 1 || p[0] != '<' || memcmp(p + 1, name, n))
		return false;
	char c = p[n + 1];
	return is_space((unsigned char)c) || c == '>' || c == '/';
}

/* The first `lit` in [p, end), or NULL (memmem is a GNU extension). */
static const char *find(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	for (; (size_t)(end - p) >= n; p++)
		if (*p == *lit && memcmp(p, lit, n) == 0)
			return p;
	return NULL;
}

static unsigned count_lines(const char *p, const char *end)
{
	unsigned n = 0;
	for (; p < end; p++)
		n += *p == '\n';
	return n;
}

/* The encoding named by the XML declaration at the start of the file
 * (into enc[cap]), or "" when none is named. */
static void declared_encoding(const char *data, size_t len, char *enc, size_t cap)
{
	enc[0] = 0;
	const char *end = data + len;
	if (!starts(data, end, "<?xml"))
		return;
	const char *close = find(data, end, "?>");
	const char *e = find(data, close ? close : end, "encoding");
	if (!e)
		return;
	e += 8;
	while (e < end && (is_space((unsigned char)*e) || *e == '='))
		e++;
	if (e >= end || (*e != '"' && *e != '\''))
		return;
	char q = *e++;
	size_t k = 0;
	while (e < end && *e != q && k + 1 < cap)
		enc[k++] = *e++;
	enc[k] = 0;
}

static bool true_word(const char *v)
{
	return !strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes");
}

/* An attribute of node as a string in the arena, or NULL. */
static const char *attr(ent_arena *a, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *out = keep(a, (const char *)v);
	xmlFree(v);
	return out;
}

/* "YYYYMMDD" (or "YYYY-MM-DD") as "YYYY-MM-DD" into out[11]. */
static bool petr_date(const char *s, char out[11])
{
	size_t n = strlen(s);
	int y, m, d;
	if (n == 8) {
		for (size_t i = 0; i < 8; i++)
			if (s[i] < '0' || s[i] > '9')
				return false;
		snprintf(out, 11, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	} else if (n == 10) {
		memcpy(out, s, 11);
	} else {
		return false;
	}
	return ent_date_parse(out, 10, &y, &m, &d) == 3;
}

/* A CAMEO code: 2 to 4 digits, its root 01 to 20. */
static bool cameo_code(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	int root = (s[0] - '0') * 10 + (s[1] - '0');
	return root >= 1 && root <= 20;
}

/* The sentence of a CoNLL-U parse (the <Parse> of a record): the FORM
 * column of its words, with a space after each unless MISC says
 * SpaceAfter=No; a multiword token gives its surface form in place of
 * its words, empty nodes (ids with '.') are left out. In the arena; ""
 * when there is no word line. */
static const char *conllu_text(ent_arena *a, const char *parse)
{
	ent_buf b = ENT_BUF_INIT;
	long skip_to = 0; /* last word id inside a multiword token */
	for (const char *l = parse; *l;) {
		const char *eol = strchr(l, '\n');
		size_t n = eol ? (size_t)(eol - l) : strlen(l);
		char *line = ent_xstrndup(l, n);
		char *f[10];
		size_t k = 0;
		for (char *p = line; k < 10;) {
			f[k++] = p;
			char *t = strchr(p, '\t');
			if (!t)
				break;
			*t = 0;
			p = t + 1;
		}
		l += n + (eol != NULL);
		if (k < 10 || line[0] == '#' || strchr(f[0], '.')) {
			free(line);
			continue;
		}
		char *dash = strchr(f[0], '-');
		long id = strtol(f[0], NULL, 10);
		if (!dash && id <= skip_to) {
			free(line);
			continue;
		}
		if (dash)
			skip_to = strtol(dash + 1, NULL, 10);
		ent_buf_puts(&b, f[1]);
		if (!strstr(f[9], "SpaceAfter=No"))
			ent_buf_putc(&b, ' ');
		free(line);
	}
	const char *out = fold_space(a, b.data ? b.data : "", b.len);
	ent_buf_dispose(&b);
	return out;
}

/* Reads the record parsed into doc; base is the file line of its first
 * line. */
static int petr_record(ent_suite *s, record_vec *recs, xmlDocPtr doc,
		       const char *path, unsigned base, ent_error *err)
{
	ENT_VEC(ent_suite_gold) gold = {0};
	str_vec one = {0};
	int rc = 0;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	unsigned line = base;
	const char *id = attr(&s->mem, root, "id");
	const char *date = attr(&s->mem, root, "date");
	const char *eval = attr(&s->mem, root, "evaluate");
	char iso[11];
	if (!id || !*id) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: <Sentence> without an id=\"...\" attribute",
				   path, line);
		goto done;
	}
	if (!date) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: sentence %s: no date=\"YYYYMMDD\" attribute",
				   path, line, id);
		goto done;
	}
	bool dated = petr_date(date, iso);
	if (!dated)
		add_note(s, "%s:%u: sentence %s: date=\"%.20s\" is not YYYYMMDD; "
			 "coded without a date", path, line, id, date);
	if (eval && !true_word(eval) && strcasecmp(eval, "false") && strcmp(eval, "0")) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: sentence %s: evaluate= must be \"true\" or "
				   "\"false\", not \"%s\"", path, line, id, eval);
		goto done;
	}
	const char *text = NULL, *parse = NULL;
	bool noevents = false;
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		unsigned cline = base + (unsigned)xmlGetLineNo(c) - 1;
		const char *name = (const char *)c->name;
		if (!strcmp(name, "Text")) {
			if (text) {
				rc = ent_error_set(err, ENT_EINVALID,
						   "%s:%u: sentence %s: a second <Text> (one "
						   "is expected)", path, cline, id);
				goto done;
			}
			xmlChar *t = xmlNodeGetContent(c);
			text = fold_space(&s->mem, t ? (const char *)t : "",
					  t ? strlen((const char *)t) : 0);
			xmlFree(t);
		} else if (!strcmp(name, "Parse") && !parse) {
			xmlChar *t = xmlNodeGetContent(c);
			parse = t ? keep(&s->mem, (const char *)t) : NULL;
			xmlFree(t);
		} else if (!strcmp(name, "EventCoding")) {
			const char *no = attr(&s->mem, c, "noevents");
			if (no && true_word(no)) {
				noevents = true;
				continue;
			}
			const char *code = attr(&s->mem, c, "eventcode");
			const char *sc = attr(&s->mem, c, "sourcecode");
			const char *tc = attr(&s->mem, c, "targetcode");
			if (!code || !cameo_code(code) || !sc || !*sc) {
				rc = ent_error_set(err, ENT_EINVALID,
						   "%s:%u: sentence %s: <EventCoding> must have "
						   "eventcode=\"DDD\" (a CAMEO code of 2 to 4 digits, "
						   "root 01-20) and sourcecode= (and targetcode=), or "
						   "be noevents=\"True\"", path, cline, id);
				goto done;
			}
			ent_suite_gold g = {0};
			g.code = code;
			one.len = 0;
			ENT_VEC_PUSH(one, sc);
			g.sources = keep_list(&s->mem, &one);
			g.nsources = 1;
			if (tc && *tc) {
				one.len = 0;
				ENT_VEC_PUSH(one, tc);
				g.targets = keep_list(&s->mem, &one);
				g.ntargets = 1;
			}
			g.line = cline;
			ENT_VEC_PUSH(gold, g);
		}
	}
	if (text && !*text && parse && *(text = conllu_text(&s->mem, parse)))
		add_note(s, "%s:%u: sentence %s: empty <Text>; its text is rebuilt "
			 "from its <Parse>", path, line, id);
	if (!text || !*text) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: sentence %s: expected a non-empty <Text> "
				   "(or, with an empty one, a CoNLL-U <Parse>)",
				   path, line, id);
		goto done;
	}
	if (noevents && gold.len) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: sentence %s: both noevents=\"True\" and event "
				   "codings", path, line, id);
		goto done;
	}
	if (!noevents && !gold.len) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s:%u: sentence %s: no <EventCoding> (expected "
				   "<EventCoding eventcode= sourcecode= targetcode=/> or "
				   "<EventCoding noevents=\"True\"/>)", path, line, id);
		goto done;
	}
	if (eval && !true_word(eval)) {
		s->skipped++;
		goto done;
	}
	ent_suite_record r = {0};
	r.id = id;
	r.text = text;
	r.date = dated ? keep(&s->mem, iso) : NULL;
	r.line = line;
	if (gold.len) {
		r.gold = ent_arena_alloc(&s->mem, gold.len * sizeof *r.gold);
		memcpy(r.gold, gold.items, gold.len * sizeof *r.gold);
		r.ngold = gold.len;
	}
	push_record(recs, &r);
done:
	ENT_VEC_FREE(gold);
	ENT_VEC_FREE(one);
	return rc;
}

/* Reads the whole file into *b. */
static int slurp(ent_buf *b, const char *path, ent_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ent_error_set(err, errno == ENOENT ? ENT_ENOTFOUND : ENT_EIO,
				     "%s: cannot open: %s", path, strerror(errno));
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ent_buf_append(b, chunk, n);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return ent_error_set(err, ENT_EIO, "%s: cannot read", path);
	return 0;
}

static int read_petr2(ent_suite *s, const char *path, ent_error *err)
{
	ent_buf file = ENT_BUF_INIT, rec = ENT_BUF_INIT;
	record_vec recs = {0};
	ENT_VEC(size_t) at = {0};      /* offsets of the records' <Sentence */
	ENT_VEC(unsigned) lines = {0}; /* their lines */
	xmlParserCtxtPtr ctxt = NULL;
	xml_errors xe = {0};
	int rc;
	if ((rc = slurp(&file, path, err)))
		goto done;
	const char *data = file.data ? file.data : "";
	const char *end = data + file.len;
	char enc[64];
	declared_encoding(data, file.len, enc, sizeof enc);

	/* Find the records: <Sentence ...> inside <Sentences>. */
	bool in_sentences = false;
	const char *stop = NULL;  /* </Sentences> */
	unsigned line = 1;
	for (const char *p = data; p < end; p++) {
		if (*p == '\n') {
			line++;
			continue;
		}
		if (*p != '<')
			continue;
		const char *close = NULL;
		if (starts(p, end, "<!--"))
			close = find(p + 4, end, "-->");
		else if (starts(p, end, "<![CDATA["))
			close = find(p + 9, end, "]]>");
		else if (tag_at(p, end, "Sentences"))
			in_sentences = true;
		else if (starts(p, end, "</Sentences>")) {
			stop = p;
			break;
		} else if (in_sentences && tag_at(p, end, "Sentence")) {
			ENT_VEC_PUSH(at, (size_t)(p - data));
			ENT_VEC_PUSH(lines, line);
		}
		if (starts(p, end, "<!--") || starts(p, end, "<![CDATA[")) {
			if (!close) {
				rc = ent_error_set(err, ENT_EINVALID,
						   "%s:%u: unterminated %s", path, line,
						   p[2] == '-' ? "comment" : "CDATA section");
				goto done;
			}
			line += count_lines(p, close);
			p = close + 2;
		}
	}
	if (!at.len) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: no <Sentence> record in a <Sentences> element "
				   "(expected a PETRARCH validation file: <Sentences> "
				   "holding <Sentence id= date=> elements with "
				   "<EventCoding> and <Text>)", path);
		goto done;
	}
	if (!stop) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: no </Sentences> after the last <Sentence> (line %u)",
				   path, lines.items[lines.len - 1]);
		goto done;
	}

	xmlInitParser();
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		rc = ent_error_set(err, ENT_EIO, "%s: libxml2 could not start", path);
		goto done;
	}
	for (size_t i = 0; i < at.len; i++) {
		const char *p = data + at.items[i];
		const char *q = i + 1 < at.len ? data + at.items[i + 1] : stop;
		/* The end of the start tag (quotes may hold '>'). */
		const char *gt = p;
		char quote = 0;
		for (; gt < q; gt++) {
			if (quote) {
				if (*gt == quote)
					quote = 0;
			} else if (*gt == '"' || *gt == '\'') {
				quote = *gt;
			} else if (*gt == '>') {
				break;
			}
		}
		const char *last = q;
		while (last > p && is_space((unsigned char)last[-1]))
			last--;
		bool self_closed = gt < q && gt[-1] == '/';
		bool closed_later = (size_t)(last - p) >= 11 &&
				    memcmp(last - 11, "</Sentence>", 11) == 0;
		ent_buf_clear(&rec);
		if (self_closed && closed_later) {
			ent_buf_append(&rec, p, (size_t)(gt - 1 - p));
			ent_buf_append(&rec, gt, (size_t)(last - gt));
		} else {
			ent_buf_append(&rec, p, (size_t)(last - p));
		}
		memset(&xe, 0, sizeof xe);
		xmlSetStructuredErrorFunc(&xe, capture_error);
		xmlDocPtr doc = xmlCtxtReadMemory(ctxt, rec.data, (int)rec.len, path,
						  *enc ? enc : NULL, XML_PARSE_NONET);
		xmlSetStructuredErrorFunc(NULL, NULL);
		if (!doc || xe.any || !ctxt->wellFormed) {
			if (doc)
				xmlFreeDoc(doc);
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s:%u: not well-formed XML in the <Sentence> "
					   "record of line %u: %s", path,
					   lines.items[i] + (unsigned)(xe.line > 0 ? xe.line - 1 : 0),
					   lines.items[i], xe.any ? xe.message : "cannot parse");
			goto done;
		}
		rc = petr_record(s, &recs, doc, path, lines.items[i], err);
		xmlFreeDoc(doc);
		if (rc)
			goto done;
	}
	if (!recs.len) {
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: every <Sentence> has evaluate=\"false\"", path);
		goto done;
	}
done:
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	ent_buf_dispose(&file);
	ent_buf_dispose(&rec);
	ENT_VEC_FREE(at);
	ENT_VEC_FREE(lines);
	return hand_over(s, &recs, rc);
}

int ent_suite_read(ent_suite *out, ent_suite_kind kind, const char *path,
		   ent_error *err)
{
	memset(out, 0, sizeof *out);
	if (err) {
		err->code = 0;
		err->message[0] = 0;
	}
	out->kind = kind;
	ent_arena_init(&out->mem, 64 * 1024);
	return kind == ENT_SUITE_PLOVER ? read_plover(out, path, err)
					: read_petr2(out, path, err);
}
