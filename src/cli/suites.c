/*
 * suites.c: `entente eval --suite plover|petr2 FILE` (suites.h). Reads a
 * peer's gold-standard suite (src/input/suites.c), codes every record's
 * text as a one-sentence English document dated with the record's date,
 * and scores the engine's events against the record's gold codings at
 * the level of CAMEO roots. docs/evaluation.md states the rules; in short:
 *
 * - Gold events. PETR2: one per <EventCoding> (root = the code's first
 *   two digits). PLOVER: one per (source, target) of the record's lists;
 *   two or more sources and no target (the reciprocal "X and Y agreed")
 *   give one unordered event per pair of sources. Two gold events of one
 *   record with the same roots between the same countries in opposite
 *   directions are one unordered event (EVENTS.md section 4: "les deux
 *   parties" is one event between X and Y). Duplicates count once.
 * - PLOVER types stand for the CAMEO roots whose root row in
 *   data/cameo.tsv names them (PLOVER 2021 names). The file uses the
 *   PLOVER 0.5b1 names; four of them were renamed or merged in 2021 and
 *   are read as DEMAND = REQUEST (10), DISAPPROVE = ACCUSE (09, 11;
 *   counted under 11), INVESTIGATE = ACCUSE (counted under 09),
 *   FIGHT = ASSAULT (18-20; counted under 19).
 * - Countries: an actor code's first three letters. "---" (and a missing
 *   actor) is "no country". An organisation is its code of
 *   data/countries.tsv: PETR2's "IGOUNO..." is UNO, "NGOHRIAMN" AMN;
 *   PLOVER's bare "IGO" matches any organisation the engine codes (the
 *   file writes IGO for the Red Cross and Amnesty International too), a
 *   bare "NGO" or "IMG" any non-state one (kinds ngo, img) or none. Other
 *   codes that are neither a country nor an organisation there (ISM...)
 *   count as "no country". Three CAMEO-era codes
 *   left in the PLOVER file are read as their ISO codes (JAP JPN, ITL ITA,
 *   VTN VNM).
 * - Levels: root + source + target countries (the headline), root + the
 *   unordered pair, root only. Recall: gold events hit / gold events.
 *   Precision: the engine's distinct keys of the level (per record) that
 *   hit a gold event / its distinct keys. Root 01 is scored on neither
 *   side (EVENTS.md section 1).
 */
#include "cli/suites.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "core/core.h"

/* ---- tables: data/cameo.tsv and data/countries.tsv ---- */

enum { KIND_COUNTRY = 1, KIND_ORG = 2, KIND_NONSTATE = 3 };

typedef struct root_type {
	char type[24]; /* PLOVER 2021 type of a root row ("ASSAULT") */
	int root;
} root_type;

typedef struct tables {
	ent_map kinds;              /* code -> KIND_COUNTRY, KIND_ORG (igo) or
	                               KIND_NONSTATE (ngo, img) */
	ENT_VEC(root_type) types;
} tables;

/* Splits line (modified in place) on tabs into at most max fields. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	line[strcspn(line, "\r\n")] = 0;
	while (n < max) {
		f[n++] = line;
		char *t = strchr(line, '\t');
		if (!t)
			break;
		*t = 0;
		line = t + 1;
	}
	return n;
}

static int load_tables(tables *t, const char *dir, ent_error *err)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *f = NULL;
	int rc = 0;
	ent_buf path = ENT_BUF_INIT;
	ent_map_init(&t->kinds);

	ent_buf_printf(&path, "%s/countries.tsv", dir);
	if (!(f = fopen(path.data, "r"))) {
		rc = ent_error_set(err, ENT_EIO, "%s: cannot open: %s", path.data,
				   strerror(errno));
		goto done;
	}
	unsigned ln = 0;
	while (getline(&line, &cap, f) > 0) {
		ln++;
		char *fld[3];
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (split_tabs(line, fld, 3) < 3 || strlen(fld[0]) != 3) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s:%u: expected CODE<tab>NAME<tab>KIND", path.data, ln);
			goto done;
		}
		int kind = !strcmp(fld[2], "igo")                           ? KIND_ORG
			   : !strcmp(fld[2], "ngo") || !strcmp(fld[2], "img") ? KIND_NONSTATE
									       : KIND_COUNTRY;
		ent_map_put(&t->kinds, fld[0], 3, (uint32_t)kind, NULL);
	}
	fclose(f);

	ent_buf_clear(&path);
	ent_buf_printf(&path, "%s/cameo.tsv", dir);
	if (!(f = fopen(path.data, "r"))) {
		rc = ent_error_set(err, ENT_EIO, "%s: cannot open: %s", path.data,
				   strerror(errno));
		goto done;
	}
	ln = 0;
	while (getline(&line, &cap, f) > 0) {
		ln++;
		char *fld[5];
		if (line[0] == '#' || line[0] == '\n')
			continue;
		size_t n = split_tabs(line, fld, 5);
		if (strlen(fld[0]) != 2)
			continue;
		if (n < 5) {
			rc = ent_error_set(err, ENT_EINVALID,
					   "%s:%u: expected CODE, NAME, GOLDSTEIN, QUAD and "
					   "PLOVER columns", path.data, ln);
			goto done;
		}
		int root = atoi(fld[0]);
		fld[4][strcspn(fld[4], "|")] = 0;
		for (char *p = strtok(fld[4], "/"); p; p = strtok(NULL, "/")) {
			root_type rt = {.root = root};
			snprintf(rt.type, sizeof rt.type, "%s", p);
			ENT_VEC_PUSH(t->types, rt);
		}
	}
	if (!t->types.len)
		rc = ent_error_set(err, ENT_EINVALID,
				   "%s: no root rows (two-digit codes)", path.data);
done:
	if (f)
		fclose(f);
	free(line);
	ent_buf_dispose(&path);
	return rc;
}

static void tables_dispose(tables *t)
{
	ent_map_dispose(&t->kinds);
	ENT_VEC_FREE(t->types);
}

static int kind_of(const tables *t, const char *c3)
{
	uint32_t *k = ent_map_get(&t->kinds, c3, 3);
	return k ? (int)*k : 0;
}

/* PLOVER 0.5b1 names the 2021 table renamed or merged. */
static const struct {
	const char *name, *as;
	int main_root;
} RENAMED[] = {
	{"DEMAND", "REQUEST", 10},
	{"DISAPPROVE", "ACCUSE", 11},
	{"INVESTIGATE", "ACCUSE", 9},
	{"FIGHT", "ASSAULT", 19},
};

/* The roots a PLOVER type stands for (0 when none) and its main root. */
static unsigned plover_roots(const tables *t, const char *name, int *main_root)
{
	const char *as = name;
	*main_root = 0;
	for (size_t i = 0; i < sizeof RENAMED / sizeof RENAMED[0]; i++)
		if (!strcasecmp(name, RENAMED[i].name)) {
			as = RENAMED[i].as;
			*main_root = RENAMED[i].main_root;
		}
	unsigned roots = 0;
	for (size_t i = 0; i < t->types.len; i++)
		if (!strcasecmp(t->types.items[i].type, as)) {
			int r = t->types.items[i].root;
			roots |= 1u << r;
			if (!*main_root)
				*main_root = r;
		}
	return roots;
}

/* ---- countries ---- */

static void upper3(char out[4], const char *s)
{
	for (int i = 0; i < 3; i++)
		out[i] = (char)toupper((unsigned char)s[i]);
	out[3] = 0;
}

/* CAMEO-era codes left in the PLOVER file, and their ISO codes. */
static const char *const ALIASES[][2] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}};

/* The country of a gold actor code: ISO3, an organisation, "IGO" (any
 * organisation), "NGO" (any non-state organisation, or none) or "---". */
static void gold_country(const tables *t, const char *code, char out[4])
{
	strcpy(out, "---");
	if (!code || strlen(code) < 3 || !strncmp(code, "---", 3))
		return;
	char c[4];
	upper3(c, code);
	for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
		if (!strcmp(c, ALIASES[i][0]))
			strcpy(c, ALIASES[i][1]);
	if (!strcmp(c, "IGO")) {
		char o[4];
		if (strlen(code) >= 6) {
			upper3(o, code + 3);
			if (kind_of(t, o) == KIND_ORG) {
				strcpy(out, o);
				return;
			}
		}
		strcpy(out, "IGO");
		return;
	}
	if (!strcmp(c, "NGO") || !strcmp(c, "IMG")) {
		/* NGOHRIAMN is AMN, IMGMOSALQ ALQ; bare NGO, IMG any such one */
		for (size_t i = strlen(code) / 3; i-- > 1;) {
			char o[4];
			upper3(o, code + 3 * i);
			if (kind_of(t, o) == KIND_NONSTATE) {
				strcpy(out, o);
				return;
			}
		}
		strcpy(out, "NGO");
		return;
	}
	if (kind_of(t, c))
		strcpy(out, c);
}

/* The country of an engine actor code: its first three letters, "---"
 * when none. */
static void sys_country(const char *code, char out[4])
{
	if (!code || strlen(code) < 3) {
		strcpy(out, "---");
		return;
	}
	upper3(out, code);
}

/* ---- matching ---- */

typedef struct gev {
	size_t rec;
	unsigned roots;         /* bit r: root r accepted */
	int main_root;
	char src[4], tgt[4];
	bool unordered;
	const char *codes[4];   /* PETR2: the CAMEO codes merged here */
	size_t ncodes;
	const char *label;      /* PLOVER: the type */
	bool hit[ENT_SUITE_LEVELS];
} gev;

typedef struct sev {
	int root;
	char src[4], tgt[4];
	const char *code;
	const char *neg; /* "not " for a negated event, else "" */
} sev;

typedef ENT_VEC(gev) gev_vec;

/* Adds g to the gold events of its record (those from `first` on),
 * merging it with an equal or reversed one. */
static void add_gold(gev_vec *v, size_t first, const gev *g)
{
	for (size_t i = first; i < v->len; i++) {
		gev *o = &v->items[i];
		if (o->roots != g->roots)
			continue;
		bool same = !strcmp(o->src, g->src) && !strcmp(o->tgt, g->tgt);
		bool rev = !strcmp(o->src, g->tgt) && !strcmp(o->tgt, g->src);
		if (!same && !rev)
			continue;
		if (!same || g->unordered)
			o->unordered = true;
		for (size_t k = 0; k < g->ncodes; k++) {
			bool seen = false;
			for (size_t j = 0; j < o->ncodes && !seen; j++)
				seen = !strcmp(o->codes[j], g->codes[k]);
			if (!seen && o->ncodes < 4)
				o->codes[o->ncodes++] = g->codes[k];
		}
		return;
	}
	ENT_VEC_PUSH(*v, *g);
}

static bool side_match(const tables *t, const char *gold, const char *sys)
{
	if (!strcmp(gold, "IGO")) /* PLOVER writes IGO for the Red Cross too */
		return kind_of(t, sys) == KIND_ORG || kind_of(t, sys) == KIND_NONSTATE;
	if (!strcmp(gold, "NGO"))
		return !strcmp(sys, "---") || kind_of(t, sys) == KIND_NONSTATE;
	return !strcmp(gold, sys);
}

static bool hits(const tables *t, int level, const gev *g, const sev *s)
{
	if (!((g->roots >> s->root) & 1u))
		return false;
	if (level == ENT_SUITE_ROOT)
		return true;
	if (side_match(t, g->src, s->src) && side_match(t, g->tgt, s->tgt))
		return true;
	bool swap = level == ENT_SUITE_PAIR || g->unordered;
	return swap && side_match(t, g->src, s->tgt) && side_match(t, g->tgt, s->src);
}

/* s and o have the same key at `level`. */
static bool same_key(int level, const sev *s, const sev *o)
{
	if (s->root != o->root)
		return false;
	if (level == ENT_SUITE_ROOT)
		return true;
	if (!strcmp(s->src, o->src) && !strcmp(s->tgt, o->tgt))
		return true;
	return level == ENT_SUITE_PAIR && !strcmp(s->src, o->tgt) &&
	       !strcmp(s->tgt, o->src);
}

static void gold_label(ent_buf *b, const gev *g)
{
	if (g->label) {
		ent_buf_printf(b, "%s(%02d)", g->label, g->main_root);
	} else {
		for (size_t k = 0; k < g->ncodes; k++)
			ent_buf_printf(b, "%s%s", k ? "," : "", g->codes[k]);
	}
	ent_buf_printf(b, " %s%s%s", g->src, g->unordered ? "<>" : ">", g->tgt);
}

/* Expands the gold codings of every record into gold events; rec_first[i]
 * is the index of record i's first event (rec_first[n] = total). */
static int expand_gold(gev_vec *out, size_t *rec_first, ent_suite_result *res,
		       const ent_suite *suite, const char *path, const tables *t,
		       ent_error *err)
{
	for (size_t i = 0; i < suite->nrecords; i++) {
		const ent_suite_record *r = &suite->records[i];
		size_t first = out->len;
		rec_first[i] = first;
		for (size_t k = 0; k < r->ngold; k++) {
			const ent_suite_gold *g = &r->gold[k];
			gev e = {.rec = i};
			if (g->code) {
				int root = (g->code[0] - '0') * 10 + (g->code[1] - '0');
				if (root == 1) {
					res->gold_root01++;
					continue;
				}
				e.roots = 1u << root;
				e.main_root = root;
				e.codes[0] = g->code;
				e.ncodes = 1;
				gold_country(t, g->nsources ? g->sources[0] : NULL, e.src);
				gold_country(t, g->ntargets ? g->targets[0] : NULL, e.tgt);
				add_gold(out, first, &e);
				continue;
			}
			e.roots = plover_roots(t, g->category, &e.main_root);
			if (!e.roots)
				return ent_error_set(err, ENT_EINVALID,
						     "%s: record %zu (%s): unknown PLOVER event "
						     "\"%s\" (expected a type of the PLOVER column "
						     "of cameo.tsv, or DEMAND, DISAPPROVE, "
						     "INVESTIGATE, FIGHT)", path, r->index, r->id,
						     g->category);
			e.label = g->category;
			bool known = false;
			for (size_t c = 0; c < res->ncategories && !known; c++)
				known = !strcmp(res->categories[c].name, g->category);
			if (!known) {
				res->categories = ent_xrealloc(
					res->categories,
					(res->ncategories + 1) * sizeof *res->categories);
				ent_suite_category *c = &res->categories[res->ncategories++];
				memset(c, 0, sizeof *c);
				snprintf(c->name, sizeof c->name, "%s", g->category);
				c->roots = e.roots;
				c->main_root = e.main_root;
			}
			if (g->nsources >= 2 && g->ntargets == 0) {
				/* reciprocal: every pair of sources, unordered */
				e.unordered = true;
				for (size_t a = 0; a < g->nsources; a++)
					for (size_t b = a + 1; b < g->nsources; b++) {
						gold_country(t, g->sources[a], e.src);
						gold_country(t, g->sources[b], e.tgt);
						add_gold(out, first, &e);
					}
				continue;
			}
			size_t ns = g->nsources ? g->nsources : 1;
			size_t nt = g->ntargets ? g->ntargets : 1;
			for (size_t a = 0; a < ns; a++)
				for (size_t b = 0; b < nt; b++) {
					gold_country(t, g->nsources ? g->sources[a] : NULL, e.src);
					gold_country(t, g->ntargets ? g->targets[b] : NULL, e.tgt);
					add_gold(out, first, &e);
				}
		}
	}
	rec_first[suite->nrecords] = out->len;
	return 0;
}
/* The root of a CAMEO code as a number ("0311" -> 3), 0 if none. */
static int code_root(const char *code)
{
	return isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1])
		       ? (code[0] - '0') * 10 + (code[1] - '0')
		       : 0;
}

/* The root an engine event is scored under. The engine codes a refusal as
 * the act refused with `negated` (EVENTS.md section 2); CAMEO, and so the
 * peers' gold, codes a refusal to cooperate, meet, support, aid or yield
 * (roots 03-08) as a rejection, root 12 ("refused to lift the curfew" is
 * 1241). A negated act of another root did not happen and CAMEO has no
 * code for it: 0, not scored. */
static int scored_root(const ent_suite_event *e)
{
	int root = code_root(e->code);
	if (!e->negated)
		return root;
	return root >= 3 && root <= 8 ? 12 : 0;
}


int ent_suite_score(ent_suite_result *out, const ent_suite *suite,
		    const char *path, const ent_suite_event *evs, size_t nevs,
		    const char *data_dir, bool per_doc, ent_error *err)
{
	tables t = {0};
	gev_vec gold = {0};
	ENT_VEC(sev) sys = {0};
	size_t *rec_first = NULL, *sys_first = NULL, *order = NULL;
	ent_buf b = ENT_BUF_INIT;
	int rc;

	memset(out, 0, sizeof *out);
	if (err) {
		err->code = 0;
		err->message[0] = 0;
	}
	out->kind = suite->kind;
	out->records = suite->nrecords;
	out->skipped = suite->skipped;
	out->has_codes = suite->kind == ENT_SUITE_PETR2;
	if ((rc = load_tables(&t, data_dir, err)))
		goto done;
	size_t n = suite->nrecords;
	rec_first = ent_xcalloc(n + 1, sizeof *rec_first);
	if ((rc = expand_gold(&gold, rec_first, out, suite, path, &t, err)))
		goto done;
	out->gold = gold.len;

	/* The engine's scored events, grouped by record (stable). */
	sys_first = ent_xcalloc(n + 2, sizeof *sys_first);
	for (size_t i = 0; i < nevs; i++) {
		const ent_suite_event *e = &evs[i];
		int root = code_root(e->code);
		if (e->record >= n || root < 1 || root > 20)
			continue;
		if (root == 1) {
			out->sys_root01++;
			continue;
		}
		if (e->negated) {
			if (!scored_root(e)) {
				out->sys_negated_out++;
				continue;
			}
			out->sys_negated++;
		}
		sys_first[e->record + 2]++;
	}
	for (size_t i = 2; i < n + 2; i++)
		sys_first[i] += sys_first[i - 1];
	order = ent_xcalloc(nevs ? nevs : 1, sizeof *order);
	for (size_t i = 0; i < nevs; i++) {
		const ent_suite_event *e = &evs[i];
		int root = scored_root(e);
		if (e->record >= n || root < 2 || root > 20)
			continue;
		order[sys_first[e->record + 1]++] = i;
	}
	/* now sys_first[r] .. sys_first[r+1] index order[] for record r */
	for (size_t i = 0; i < sys_first[n]; i++) {
		const ent_suite_event *e = &evs[order[i]];
		sev s = {.root = scored_root(e), .code = e->code,
			 .neg = e->negated ? "not " : ""};
		sys_country(e->source, s.src);
		sys_country(e->target, s.tgt);
		ENT_VEC_PUSH(sys, s);
	}
	out->sys_events = sys.len;
	if (per_doc)
		out->per_record = ent_xcalloc(n ? n : 1, sizeof *out->per_record);

	for (size_t r = 0; r < n; r++) {
		gev *G = gold.items + rec_first[r];
		size_t ng = rec_first[r + 1] - rec_first[r];
		sev *S = sys.items + sys_first[r];
		size_t ns = sys_first[r + 1] - sys_first[r];
		size_t rec_hit = 0, rec_extra = 0, rec_keys = 0;
		ent_buf_clear(&b);

		for (int level = 0; level < ENT_SUITE_LEVELS; level++) {
			for (size_t i = 0; i < ns; i++) {
				bool dup = false;
				for (size_t j = 0; j < i && !dup; j++)
					dup = same_key(level, &S[j], &S[i]);
				if (dup)
					continue;
				bool hit = false;
				for (size_t k = 0; k < ng && !hit; k++)
					hit = hits(&t, level, &G[k], &S[i]);
				out->level[level].sys++;
				out->level[level].sys_hit += hit;
				if (level != ENT_SUITE_COUNTRIES)
					continue;
				rec_keys++;
				out->roots[S[i].root].sys++;
				out->roots[S[i].root].sys_hit += hit;
				if (!hit) {
					out->extra++;
					rec_extra++;
				}
			}
		}
		for (size_t k = 0; k < ng; k++) {
			gev *g = &G[k];
			for (int level = 0; level < ENT_SUITE_LEVELS; level++) {
				for (size_t i = 0; i < ns && !g->hit[level]; i++)
					g->hit[level] = hits(&t, level, g, &S[i]);
				out->level[level].gold_hit += g->hit[level];
			}
			ent_suite_root_row *row = &out->roots[g->main_root];
			row->gold++;
			row->hit += g->hit[ENT_SUITE_COUNTRIES];
			row->hit_root += g->hit[ENT_SUITE_ROOT];
			const sev *best = NULL;
			if (g->hit[ENT_SUITE_COUNTRIES]) {
				rec_hit++;
				bool ok = false, ok3 = false;
				for (size_t i = 0; i < ns; i++) {
					if (!hits(&t, ENT_SUITE_COUNTRIES, g, &S[i]))
						continue;
					if (!best)
						best = &S[i];
					for (size_t c = 0; c < g->ncodes; c++) {
						if (!strcmp(S[i].code, g->codes[c])) {
							if (!ok)
								best = &S[i];
							ok = true;
						}
						ok3 |= !strncmp(S[i].code, g->codes[c], 3);
					}
				}
				if (out->has_codes) {
					out->code_n++;
					out->code_ok += ok;
					out->code3_ok += ok3;
				}
			} else if (!ns) {
				out->miss_no_event++;
			} else if (!g->hit[ENT_SUITE_ROOT]) {
				out->miss_other_root++;
				unsigned seen = 0;
				for (size_t i = 0; i < ns; i++)
					if (!((seen >> S[i].root) & 1u)) {
						seen |= 1u << S[i].root;
						out->confusion[g->main_root][S[i].root]++;
					}
			} else if (g->hit[ENT_SUITE_PAIR]) {
				out->miss_direction++;
			} else {
				out->miss_countries++;
			}
			if (per_doc) {
				ent_buf_puts(&b, g->hit[ENT_SUITE_COUNTRIES] ? "\thit    " : "\tmissed ");
				gold_label(&b, g);
				if (best)
					ent_buf_printf(&b, " (engine %s%s %s>%s)", best->neg,
						       best->code, best->src, best->tgt);
				ent_buf_putc(&b, '\n');
			}
		}
		if (per_doc) {
			for (size_t i = 0; i < ns; i++) {
				bool dup = false, hit = false;
				for (size_t j = 0; j < i && !dup; j++)
					dup = same_key(ENT_SUITE_COUNTRIES, &S[j], &S[i]);
				for (size_t k = 0; k < ng && !hit; k++)
					hit = hits(&t, ENT_SUITE_COUNTRIES, &G[k], &S[i]);
				if (!dup && !hit)
					ent_buf_printf(&b, "\textra  %s%s %s>%s\n", S[i].neg,
						       S[i].code, S[i].src, S[i].tgt);
			}
			const ent_suite_record *rec = &suite->records[r];
			ent_buf head = ENT_BUF_INIT;
			ent_buf_printf(&head, "%s\tgold %zu\thit %zu\tengine %zu\textra %zu\n",
				       rec->id, ng, rec_hit, rec_keys, rec_extra);
			ent_buf_append(&head, b.data ? b.data : "", b.len);
			out->per_record[out->nper_record++] = ent_buf_detach(&head);
		}
	}
	rc = 0;
done:
	tables_dispose(&t);
	ENT_VEC_FREE(gold);
	ENT_VEC_FREE(sys);
	free(rec_first);
	free(sys_first);
	free(order);
	ent_buf_dispose(&b);
	return rc;
}

void ent_suite_result_dispose(ent_suite_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nper_record; i++)
		free(r->per_record[i]);
	free(r->per_record);
	free(r->categories);
	memset(r, 0, sizeof *r);
}

/* ---- printing ---- */

typedef struct conf {
	int gold, sys;
	size_t n;
} conf;

static int cmp_conf(const void *a, const void *b)
{
	const conf *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->gold != y->gold)
		return x->gold - y->gold;
	return x->sys - y->sys;
}

/* The confusions, most frequent first, into *n entries (malloc'ed). */
static conf *confusions(const ent_suite_result *r, size_t *n)
{
	conf *c = ent_xcalloc(21 * 21, sizeof *c);
	*n = 0;
	for (int g = 1; g <= 20; g++)
		for (int s = 1; s <= 20; s++)
			if (r->confusion[g][s])
				c[(*n)++] = (conf){g, s, r->confusion[g][s]};
	qsort(c, *n, sizeof *c, cmp_conf);
	return c;
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

/* "0.123" or "-" when the denominator is 0. */
static const char *fmt3(char buf[16], size_t a, size_t b)
{
	if (!b)
		return "-";
	snprintf(buf, 16, "%.3f", ratio(a, b));
	return buf;
}

static json_t *jratio(size_t a, size_t b)
{
	if (!b)
		return json_null();
	double x = ratio(a, b);
	return json_real((double)(long long)(x * 10000 + 0.5) / 10000);
}

static const char *const LEVEL_NAMES[ENT_SUITE_LEVELS] = {
	"root_countries", "root_pair", "root"};

static int print_json(const ent_suite_result *r, const char *path, FILE *out)
{
	json_t *j = json_object();
	json_object_set_new(j, "suite", json_string(ent_suite_kind_name(r->kind)));
	json_object_set_new(j, "file", json_string(path));
	json_object_set_new(j, "records", json_integer((json_int_t)r->records));
	json_object_set_new(j, "skipped", json_integer((json_int_t)r->skipped));
	json_object_set_new(j, "gold_events", json_integer((json_int_t)r->gold));
	json_object_set_new(j, "gold_root01_ignored", json_integer((json_int_t)r->gold_root01));
	json_object_set_new(j, "engine_events", json_integer((json_int_t)r->sys_events));
	json_object_set_new(j, "engine_root01_ignored", json_integer((json_int_t)r->sys_root01));
	json_object_set_new(j, "engine_negated_as_12", json_integer((json_int_t)r->sys_negated));
	json_object_set_new(j, "engine_negated_ignored", json_integer((json_int_t)r->sys_negated_out));
	json_t *lv = json_object();
	for (int l = 0; l < ENT_SUITE_LEVELS; l++) {
		const ent_suite_level *x = &r->level[l];
		json_t *o = json_object();
		json_object_set_new(o, "recall", jratio(x->gold_hit, r->gold));
		json_object_set_new(o, "precision", jratio(x->sys_hit, x->sys));
		json_object_set_new(o, "gold_hit", json_integer((json_int_t)x->gold_hit));
		json_object_set_new(o, "engine_keys", json_integer((json_int_t)x->sys));
		json_object_set_new(o, "engine_hit", json_integer((json_int_t)x->sys_hit));
		json_object_set_new(lv, LEVEL_NAMES[l], o);
	}
	json_object_set_new(j, "levels", lv);
	json_object_set_new(j, "recall", jratio(r->level[0].gold_hit, r->gold));
	json_object_set_new(j, "precision", jratio(r->level[0].sys_hit, r->level[0].sys));
	json_object_set_new(j, "extra", json_integer((json_int_t)r->extra));
	json_object_set_new(j, "extra_per_record", jratio(r->extra, r->records));
	json_object_set_new(j, "code_accuracy",
			    r->has_codes ? jratio(r->code_ok, r->code_n) : json_null());
	json_object_set_new(j, "code3_accuracy",
			    r->has_codes ? jratio(r->code3_ok, r->code_n) : json_null());
	json_t *m = json_object();
	json_object_set_new(m, "no_event", json_integer((json_int_t)r->miss_no_event));
	json_object_set_new(m, "other_root", json_integer((json_int_t)r->miss_other_root));
	json_object_set_new(m, "direction", json_integer((json_int_t)r->miss_direction));
	json_object_set_new(m, "countries", json_integer((json_int_t)r->miss_countries));
	json_object_set_new(j, "misses", m);
	json_t *roots = json_object();
	for (int i = 1; i <= 20; i++) {
		const ent_suite_root_row *x = &r->roots[i];
		if (!x->gold && !x->sys)
			continue;
		char key[4];
		snprintf(key, sizeof key, "%02d", i);
		json_t *o = json_object();
		json_object_set_new(o, "gold", json_integer((json_int_t)x->gold));
		json_object_set_new(o, "recall", jratio(x->hit, x->gold));
		json_object_set_new(o, "root_recall", jratio(x->hit_root, x->gold));
		json_object_set_new(o, "engine", json_integer((json_int_t)x->sys));
		json_object_set_new(o, "precision", jratio(x->sys_hit, x->sys));
		json_object_set_new(roots, key, o);
	}
	json_object_set_new(j, "roots", roots);
	size_t nc;
	conf *c = confusions(r, &nc);
	json_t *ca = json_array();
	for (size_t i = 0; i < nc; i++) {
		char g[4], s[4];
		snprintf(g, sizeof g, "%02d", c[i].gold);
		snprintf(s, sizeof s, "%02d", c[i].sys);
		json_array_append_new(ca, json_pack("{s:s, s:s, s:I}", "gold", g,
						    "engine", s, "n", (json_int_t)c[i].n));
	}
	free(c);
	json_object_set_new(j, "confusions", ca);
	if (r->ncategories) {
		json_t *cats = json_object();
		for (size_t i = 0; i < r->ncategories; i++) {
			const ent_suite_category *x = &r->categories[i];
			json_t *rs = json_array();
			for (int k = 1; k <= 20; k++)
				if ((x->roots >> k) & 1u) {
					char key[4];
					snprintf(key, sizeof key, "%02d", k);
					json_array_append_new(rs, json_string(key));
				}
			char key[4];
			snprintf(key, sizeof key, "%02d", x->main_root);
			json_object_set_new(cats, x->name, json_pack("{s:o, s:s}", "roots", rs,
								   "main", key));
		}
		json_object_set_new(j, "categories", cats);
	}
	if (r->per_record) {
		json_t *pr = json_array();
		for (size_t i = 0; i < r->nper_record; i++)
			json_array_append_new(pr, json_string(r->per_record[i]));
		json_object_set_new(j, "per_record", pr);
	}
	int rc = json_dumpf(j, out, JSON_COMPACT | JSON_REAL_PRECISION(6));
	json_decref(j);
	fputc('\n', out);
	return rc;
}

int ent_suite_print(const ent_suite_result *r, const char *path, bool json,
		    FILE *out)
{
	char a[16], b[16];
	if (json) {
		print_json(r, path, out);
		return ferror(out) ? ENT_EIO : 0;
	}
	for (size_t i = 0; i < r->nper_record; i++)
		fputs(r->per_record[i], out);
	fprintf(out, "suite %s: %s\n", ent_suite_kind_name(r->kind), path);
	fprintf(out, "records %zu (%zu skipped); gold events %zu", r->records,
		r->skipped, r->gold);
	if (r->gold_root01)
		fprintf(out, " (%zu codings of root 01 not scored)", r->gold_root01);
	fprintf(out, "; engine events %zu (%zu of root 01 not scored)\n",
		r->sys_events, r->sys_root01);
	if (r->sys_negated || r->sys_negated_out)
		fprintf(out, "negated engine events: %zu refusals of roots 03-08 "
			     "scored as root 12, %zu of other roots not scored\n",
			r->sys_negated, r->sys_negated_out);
	if (r->ncategories) {
		fputs("PLOVER types as roots:", out);
		for (size_t i = 0; i < r->ncategories; i++) {
			const ent_suite_category *x = &r->categories[i];
			fprintf(out, "%s %s %02d", i ? "," : "", x->name, x->main_root);
			bool more = false;
			for (int k = 1; k <= 20; k++)
				if (((x->roots >> k) & 1u) && k != x->main_root) {
					fprintf(out, "%s%02d", more ? "," : " (also ", k);
					more = true;
				}
			if (more)
				fputc(')', out);
		}
		fputc('\n', out);
	}
	static const char *const label[ENT_SUITE_LEVELS] = {
		"root+countries", "root+pair", "root only"};
	fprintf(out, "%-16s %-18s %s\n", "level", "recall", "precision");
	for (int l = 0; l < ENT_SUITE_LEVELS; l++) {
		const ent_suite_level *x = &r->level[l];
		char h1[48], h2[48];
		snprintf(h1, sizeof h1, "%s (%zu/%zu)", fmt3(a, x->gold_hit, r->gold),
			 x->gold_hit, r->gold);
		snprintf(h2, sizeof h2, "%s (%zu/%zu)", fmt3(b, x->sys_hit, x->sys),
			 x->sys_hit, x->sys);
		fprintf(out, "%-16s %-18s %s\n", label[l], h1, h2);
	}
	fprintf(out, "extra events per record: %s (%zu engine events hit no gold event)\n",
		fmt3(a, r->extra, r->records), r->extra);
	if (r->has_codes)
		fprintf(out, "full-code accuracy on hits: %s (%zu/%zu); first 3 digits: %s\n",
			fmt3(a, r->code_ok, r->code_n), r->code_ok, r->code_n,
			fmt3(b, r->code3_ok, r->code_n));
	else
		fputs("full-code accuracy on hits: - (the gold gives PLOVER types, "
		      "not CAMEO codes)\n", out);
	size_t missed = r->gold - r->level[0].gold_hit;
	fprintf(out, "missed on root+countries: %zu = no event %zu, other root %zu, "
		"reversed direction %zu, other countries %zu\n", missed,
		r->miss_no_event, r->miss_other_root, r->miss_direction,
		r->miss_countries);
	fprintf(out, "root  gold  recall  root-only  engine  precision\n");
	for (int i = 1; i <= 20; i++) {
		const ent_suite_root_row *x = &r->roots[i];
		if (!x->gold && !x->sys)
			continue;
		char c[16];
		fprintf(out, "%02d   %5zu  %6s  %9s  %6zu  %9s\n", i, x->gold,
			fmt3(a, x->hit, x->gold), fmt3(b, x->hit_root, x->gold), x->sys,
			fmt3(c, x->sys_hit, x->sys));
	}
	size_t nc;
	conf *cf = confusions(r, &nc);
	if (nc) {
		fputs("roots the engine gave instead (gold>engine: missed gold events):", out);
		for (size_t i = 0; i < nc && i < 12; i++)
			fprintf(out, " %02d>%02d:%zu", cf[i].gold, cf[i].sys, cf[i].n);
		fputc('\n', out);
	}
	free(cf);
	fprintf(out, "root+countries: recall %s precision %s over %zu records\n",
		fmt3(a, r->level[0].gold_hit, r->gold),
		fmt3(b, r->level[0].sys_hit, r->level[0].sys), r->records);
	return ferror(out) ? ENT_EIO : 0;
}

/* ---- running ---- */

int ent_suite_run(ent_engine *e, ent_suite_kind kind, const char *path,
		  const ent_suite_options *opt, FILE *out, size_t *failed,
		  ent_error *err)
{
	ent_suite suite;
	ent_suite_result res;
	ENT_VEC(ent_suite_event) evs = {0};
	FILE *log = opt && opt->log ? opt->log : stderr;
	const char *lang = opt && opt->lang ? opt->lang : "en";
	const char *dir = opt && opt->data_dir ? opt->data_dir : ent_default_data_dir();
	*failed = 0;
	memset(&res, 0, sizeof res);
	int rc = ent_suite_read(&suite, kind, path, err);
	if (rc)
		goto done;
	for (size_t i = 0; i < suite.nnotes; i++)
		fprintf(log, "entente eval: note: %s\n", suite.notes[i]);
	for (size_t i = 0; i < suite.nrecords; i++) {
		const ent_suite_record *r = &suite.records[i];
		ent_input in = {.id = r->id, .text = r->text, .len = strlen(r->text),
				.date = r->date, .lang = lang, .origin = path,
				.line = r->line};
		ent_doc *d = NULL;
		if (ent_code(e, &in, &d) != 0) {
			fprintf(log, "entente eval: %s: record %zu (%s): could not be coded\n",
				path, r->index, r->id);
			(*failed)++;
			continue;
		}
		for (size_t k = 0; k < ent_doc_event_count(d); k++) {
			const ent_event *ev = ent_doc_event(d, k);
			ent_suite_event se = {.record = i};
			memcpy(se.code, ev->code, sizeof se.code);
			memcpy(se.source, ev->source, sizeof se.source);
			memcpy(se.target, ev->target, sizeof se.target);
			se.negated = ev->negated;
			ENT_VEC_PUSH(evs, se);
		}
		ent_doc_free(d);
	}
	rc = ent_suite_score(&res, &suite, path, evs.items, evs.len, dir,
			     opt && opt->per_doc, err);
	if (rc)
		goto done;
	if ((rc = ent_suite_print(&res, path, opt && opt->json, out)))
		ent_error_set(err, rc, "cannot write the scores: %s", strerror(errno));
done:
	ent_suite_result_dispose(&res);
	ent_suite_dispose(&suite);
	ENT_VEC_FREE(evs);
	return rc;
}
