/*
 * gazetteer.c: loading the gazetteer and finding its cities in a sentence
 * (gazetteer.h; the file format and the rules are in docs/gazetteer.md).
 *
 * Loading: each line becomes a place of lx->places (English name, ISO3
 * country, coordinates) and an LX_PLACE entry of lx->entries, reachable
 * from the folded key of its name in the matcher of its language (`fr`
 * names in French only, `*` names in both). Names of the same key in
 * several countries chain in file order, most populous first. The
 * hand-written places (data/LANG/places.tsv) take the coordinates of the
 * gazetteer city of the same English name and country.
 *
 * Matching (gz_annotate) is a second pass over a sentence after the
 * lexicon's: it only looks at capitalised words no hit covers, and only
 * where the text says a place is meant.
 */
#include "lexicon/gazetteer.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

bool gz_path(const char *data_dir, char *path, size_t n)
{
	const char *env = getenv("ENTENTE_GAZETTEER");
	if (env) {
		if (!*env || strcmp(env, "none") == 0)
			return false;
		snprintf(path, n, "%s", env);
		return true;
	}
	FILE *f;
	if (data_dir) {
		snprintf(path, n, "%s/gazetteer.tsv", data_dir);
		if ((f = fopen(path, "r"))) {
			fclose(f);
			return true;
		}
	}
#ifdef ENT_GAZETTEER_FILE
	snprintf(path, n, "%s", ENT_GAZETTEER_FILE);
	if ((f = fopen(path, "r"))) {
		fclose(f);
		return true;
	}
#endif
	return false;
}

/* ---- loading ---- */

static void add_name(gz_matcher *m, const char *key, size_t klen, size_t ntok, lx_lexicon *lx,
		     int32_t place)
{
	if (ntok > m->maxlen)
		m->maxlen = (uint32_t)ntok;
	for (size_t k = 0; k < klen; k++)
		if (key[k] == ' ')
			ent_map_put(&m->starts, key, k, 0, NULL);
	lx_entry e = {.kind = LX_PLACE, .value = place, .next = -1};
	bool added;
	uint32_t *head = ent_map_put(&m->exact, key, klen, (uint32_t)lx->entries.len, &added);
	if (!added) {
		int32_t i = (int32_t)*head, last = -1;
		for (; i >= 0; i = lx->entries.items[i].next) {
			const lx_place *o = &lx->places.items[lx->entries.items[i].value];
			if (memcmp(o->country, lx->places.items[place].country, 3) == 0)
				return; /* a more populous city of that name and country */
			last = i;
		}
		lx->entries.items[last].next = (int32_t)lx->entries.len;
	}
	ENT_VEC_PUSH(lx->entries, e);
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= lo && v <= hi))
		return false;
	*out = v;
	return true;
}

/* The place index of the gazetteer city called `name` in `country` (the
 * most populous), or -1. Every name is in the French matcher. */
static int32_t city_of(const gz_gazetteer *g, const lx_lexicon *lx, const char *country,
		       const char *name, ent_buf *keys)
{
	ent_buf_clear(keys);
	ent_pattern_keys(name, strlen(name), keys);
	for (size_t l = 0; l < lx->nlangs && l < 2; l++) {
		uint32_t *at = ent_map_get(&g->m[l].exact, keys->data, keys->len);
		for (int32_t e = at ? (int32_t)*at : -1; e >= 0; e = lx->entries.items[e].next) {
			int32_t p = lx->entries.items[e].value;
			if (memcmp(lx->places.items[p].country, country, 3) == 0)
				return p;
		}
	}
	return -1;
}

/* The hand-written places take the coordinates of their city: the
 * gazetteer city of their English name in their country, else of one of
 * their patterns in data/LANG/places.tsv ("Nur-Sultan" for Astana). */
static void place_hand_written(const gz_gazetteer *g, lx_lexicon *lx, const char *data_dir,
			       ent_buf *keys)
{
	ent_map found; /* "ISO3 English name" -> gazetteer place */
	ent_map_init(&found);
	for (size_t l = 0; data_dir && l < lx->nlangs; l++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s/places.tsv", data_dir, lx->langs[l].name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		char line[1024];
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\r\n")] = 0;
			char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
			if (line[0] == '#' || !t2 || strlen(t2 + 1) != 3)
				continue;
			*t1 = *t2 = 0;
			int32_t at = city_of(g, lx, t2 + 1, line, keys);
			if (at < 0)
				continue;
			ent_buf_clear(keys);
			ent_buf_printf(keys, "%s %s", t2 + 1, t1 + 1);
			ent_map_put(&found, keys->data, keys->len, (uint32_t)at, NULL);
		}
		fclose(f);
	}
	for (size_t i = 0; i < g->first_place; i++) {
		lx_place *p = &lx->places.items[i];
		int32_t at = city_of(g, lx, p->country, p->name, keys);
		if (at < 0) {
			ent_buf_clear(keys);
			ent_buf_printf(keys, "%s %s", p->country, p->name);
			uint32_t *v = ent_map_get(&found, keys->data, keys->len);
			at = v ? (int32_t)*v : -1;
		}
		if (at >= 0) {
			p->geo = true;
			p->lat = lx->places.items[at].lat;
			p->lon = lx->places.items[at].lon;
		}
	}
	ent_map_dispose(&found);
}

int gz_load(gz_gazetteer *g, lx_lexicon *lx, const char *path, const char *data_dir,
	    ent_buf *errors)
{
	memset(g, 0, sizeof *g);
	for (int l = 0; l < 2; l++) {
		ent_map_init(&g->m[l].exact);
		ent_map_init(&g->m[l].starts);
	}
	snprintf(g->path, sizeof g->path, "%s", path);
	g->first_place = lx->places.len;
	FILE *f = fopen(path, "rb");
	if (!f) {
		ent_buf_printf(errors, "%s: cannot open: %s\n", path, strerror(errno));
		return 1;
	}
	int nerr = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	unsigned ln = 0;
	ent_buf keys = ENT_BUF_INIT;
	while ((got = getline(&line, &cap, f)) >= 0) {
		ln++;
		size_t n = (size_t)got;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (!n || line[0] == '#')
			continue;
		char *fld[8];
		int nf = 0;
		for (char *p = line;;) {
			if (nf < 8)
				fld[nf] = p;
			nf++;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = 0;
			p = tab + 1;
		}
		double lat, lon;
		size_t bad;
		const char *problem = NULL;
		if (nf != 8)
			problem = "expected 8 TAB-separated fields";
		else if (!ent_utf8_valid(fld[1], strlen(fld[1]), &bad) ||
			 !ent_utf8_valid(fld[3], strlen(fld[3]), &bad))
			problem = "invalid UTF-8";
		else if (strcmp(fld[2], "fr") && strcmp(fld[2], "*"))
			problem = "lang must be fr or *";
		else if (strlen(fld[4]) != 3)
			problem = "country must be an ISO alpha-3 code";
		else if (!parse_double(fld[5], -90, 90, &lat) || !parse_double(fld[6], -180, 180, &lon))
			problem = "latitude and longitude must be numbers in [-90, 90] and [-180, 180]";
		if (problem) {
			ent_buf_printf(errors, "%s:%u: %s\n", path, ln, problem);
			nerr++;
			continue;
		}
		if (!lx_country_info(lx, fld[4]))
			continue; /* a country this lexicon does not know */
		/* the key as the generator folded it (with the engine's own
		 * ent_pattern_keys, at the same build): folding 25,000 names
		 * again would double the start-up time */
		ent_buf_clear(&keys);
		size_t ntok = 1;
		for (const char *k = fld[0]; *k; k++)
			if (*k == ' ')
				ntok++;
		if (!*fld[0] || ntok > 16 || fld[0][0] == ' ')
			ntok = ent_pattern_keys(fld[1], strlen(fld[1]), &keys);
		else
			ent_buf_append(&keys, fld[0], strlen(fld[0]));
		if (ntok == 0 || ntok > 16)
			continue;
		lx_place pl = {0};
		pl.name = ent_arena_strndup(&lx->strings, fld[3], strlen(fld[3]));
		memcpy(pl.country, fld[4], 3);
		pl.geo = true;
		pl.lat = lat;
		pl.lon = lon;
		int32_t idx = (int32_t)lx->places.len;
		ENT_VEC_PUSH(lx->places, pl);
		g->names++;
		bool both = strcmp(fld[2], "*") == 0;
		for (size_t l = 0; l < lx->nlangs && l < 2; l++)
			if (both || strcmp(lx->langs[l].name, "fr") == 0) {
				add_name(&g->m[l], keys.data, keys.len, ntok, lx, idx);
				/* a city is not a misspelt name (lx_fuzzy) */
				if (ntok == 1)
					lx_fuzzy_veto(&lx->langs[l].m, keys.data, keys.len);
			}
	}
	free(line);
	fclose(f);
	place_hand_written(g, lx, data_dir, &keys);
	ent_buf_dispose(&keys);
	g->loaded = true;
	return nerr;
}

bool gz_lookup(const char *path, const char *name, const char *a, const char *b, double *lat,
	       double *lon)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char *line = NULL;
	size_t cap = 0;
	bool found = false, best = false;
	while (!best && getline(&line, &cap, f) >= 0) {
		char *fld[8];
		int nf = 0;
		line[strcspn(line, "\r\n")] = 0;
		for (char *p = line; nf < 8;) {
			fld[nf++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = 0;
			p = tab + 1;
		}
		double la, lo;
		if (line[0] == '#' || nf != 8 || strcmp(fld[3], name) ||
		    !parse_double(fld[5], -90, 90, &la) || !parse_double(fld[6], -180, 180, &lo))
			continue;
		best = (a && strncmp(a, fld[4], 3) == 0) || (b && strncmp(b, fld[4], 3) == 0);
		if (!found || best) {
			*lat = la;
			*lon = lo;
			found = true;
		}
	}
	free(line);
	fclose(f);
	return found;
}

void gz_dispose(gz_gazetteer *g)
{
	for (int l = 0; l < 2; l++) {
		ent_map_dispose(&g->m[l].exact);
		ent_map_dispose(&g->m[l].starts);
	}
	memset(g, 0, sizeof *g);
}

/* ---- matching ---- */

static const ent_token *tok(const gz_sentence *s, uint32_t i)
{
	return &s->ti->toks.items[i];
}

static uint8_t cue(const gz_sentence *s, uint32_t i)
{
	return s->cue[i - s->from];
}

static bool is(const gz_sentence *s, uint32_t i, const char *lit)
{
	const ent_token *t = tok(s, i);
	return t->klen == strlen(lit) && memcmp(s->ti->keys.data + t->key, lit, t->klen) == 0;
}

/* Every letter of the token's text is a capital ("TACHKENT"). */
static bool all_caps(const char *text, const ent_token *t)
{
	int letters = 0;
	for (uint32_t k = 0; k < t->len; k++) {
		unsigned char ch = (unsigned char)text[t->start + k];
		if (ch >= 'a' && ch <= 'z')
			return false;
		if (ch >= 'A' && ch <= 'Z')
			letters++;
	}
	return letters >= 2;
}

/* The longest gazetteer name at tokens [i, to): its token count and first
 * entry, or 0. */
static uint32_t longest(const gz_matcher *m, const gz_sentence *s, uint32_t i, uint32_t to,
			int32_t *entry)
{
	char key[512];
	size_t len = 0;
	uint32_t found = 0;
	for (uint32_t L = 1; L <= m->maxlen && i + L <= to; L++) {
		const ent_token *t = tok(s, i + L - 1);
		if (len + t->klen + 1 > sizeof key)
			break;
		if (L > 1)
			key[len++] = ' ';
		memcpy(key + len, s->ti->keys.data + t->key, t->klen);
		len += t->klen;
		uint32_t *v = ent_map_get(&m->exact, key, len);
		if (v) {
			found = L;
			*entry = (int32_t)*v;
		}
		if (!ent_map_get(&m->starts, key, len))
			break;
	}
	return found;
}

/* Is token i covered by a hit of the main layer (not sectors or levels)?
 * `covered` marks them, indexed from s->from. */
static void mark_covered(const gz_sentence *s, const lx_lexicon *lx, const lx_hits *hits,
			 uint8_t *covered)
{
	for (size_t h = 0; h < hits->len; h++) {
		const lx_hit *o = &hits->items[h];
		uint8_t kd = lx->entries.items[o->entry].kind;
		if (kd == LX_SECTOR || kd == LX_LEVEL)
			continue;
		for (uint32_t k = o->tok; k < o->tok + o->ntok && k < s->to; k++)
			if (k >= s->from)
				covered[k - s->from] = 1;
	}
}

/* Token k lies inside an actor adjective hit ("lao", "ouzbèke", "Kazakh"). */
static bool in_adjective(const lx_lexicon *lx, const lx_hits *hits, uint32_t k)
{
	for (size_t h = 0; h < hits->len; h++) {
		const lx_hit *o = &hits->items[h];
		if (k < o->tok || k >= o->tok + o->ntok)
			continue;
		for (int32_t e = o->entry; e >= 0; e = lx->entries.items[e].next) {
			const lx_entry *en = &lx->entries.items[e];
			if (en->kind == LX_ACTOR && en->sub == AK_ADJ)
				return true;
		}
	}
	return false;
}

bool gz_place_noun_before(const lx_lexicon *lx, const gz_sentence *s, const lx_hits *hits,
			  uint32_t at)
{
	bool noun = false; /* the cheap test first: a place noun shortly before */
	for (uint32_t k = at; k > s->from && k + 6 > at && !noun; k--)
		noun = cue(s, k - 1) == CUE_PLACE_NOUN;
	if (!noun)
		return false;
	uint32_t i = at;
	if (i > s->from && is(s, i - 1, ","))
		i--; /* "the Uzbek capital, Tashkent" */
	while (i > s->from && (cue(s, i - 1) == CUE_OF || cue(s, i - 1) == CUE_DET))
		i--; /* "la ville de Samarcande" */
	int adjectives = 0;
	while (i > s->from && adjectives < 3 && in_adjective(lx, hits, i - 1)) {
		i--; /* "la capitale vietnamienne Hanoï" */
		adjectives++;
	}
	return i > s->from && cue(s, i - 1) == CUE_PLACE_NOUN;
}

/* Does the text say that a place starts at token i? */
static bool locative(const lx_lexicon *lx, const gz_sentence *s, const lx_hits *hits, uint32_t i)
{
	uint32_t k = i;
	/* articles, not honorifics: "à la", but "à M. Paris" names a man */
	while (k > s->from && (cue(s, k - 1) == CUE_DET || cue(s, k - 1) == CUE_POSSESSIVE) &&
	       !tok(s, k - 1)->upper)
		k--;
	if (k > s->from && cue(s, k - 1) == CUE_PLACE_PREP)
		return true;
	return gz_place_noun_before(lx, s, hits, i);
}

/* The country an actor, person or place hit names, or NULL. */
static const char *hit_country(const lx_lexicon *lx, const lx_hit *o)
{
	const lx_entry *en = &lx->entries.items[o->entry];
	switch (o->kind) {
	case LX_ACTOR: return lx->actors.items[en->value].code;
	case LX_PERSON: return lx->persons.items[en->value].country;
	case LX_PLACE: return lx->places.items[en->value].country;
	default: return NULL;
	}
}

/* The first city of the chain in `country`, or -1. */
static int32_t in_country(const lx_lexicon *lx, int32_t first, const char *country)
{
	for (int32_t e = first; e >= 0; e = lx->entries.items[e].next)
		if (memcmp(lx->places.items[lx->entries.items[e].value].country, country, 3) == 0)
			return e;
	return -1;
}

/* The city among those of the same name at token i: the one in the
 * country named nearest before it in the sentence ("Seychelles President
 * Herminie in Victoria"), else nearest after it, else in a country of the
 * context (the article's meeting), else the most populous. */
static int32_t choose(const lx_lexicon *lx, const gz_sentence *s, const lx_hits *hits, uint32_t i,
		      int32_t first)
{
	if (lx->entries.items[first].next < 0)
		return first;
	size_t h = 0;
	while (h < hits->len && hits->items[h].tok < i)
		h++;
	for (size_t k = h; k-- > 0;) {
		const char *c = hit_country(lx, &hits->items[k]);
		int32_t e = c ? in_country(lx, first, c) : -1;
		if (e >= 0)
			return e;
	}
	for (size_t k = h; k < hits->len; k++) {
		const char *c = hit_country(lx, &hits->items[k]);
		int32_t e = c ? in_country(lx, first, c) : -1;
		if (e >= 0)
			return e;
	}
	for (int k = 0; k < s->ncountries; k++) {
		int32_t e = in_country(lx, first, s->countries[k]);
		if (e >= 0)
			return e;
	}
	return first;
}

void gz_annotate(const gz_gazetteer *g, const lx_lexicon *lx, const lx_lang *lang,
		 const gz_sentence *s, lx_hits *hits)
{
	if (!g->loaded || s->to <= s->from)
		return;
	int l = lang == &lx->langs[1] ? 1 : 0;
	const gz_matcher *m = &g->m[l];
	if (!m->maxlen)
		return;
	uint32_t n = s->to - s->from;
	uint8_t small[256];
	uint8_t *covered = n <= sizeof small ? small : ent_xmalloc(n);
	memset(covered, 0, n);
	mark_covered(s, lx, hits, covered);
	for (uint32_t i = s->from; i < s->to; i++) {
		const ent_token *t = tok(s, i);
		/* a name may open with an article the lexicon knows as a
		 * determiner: "à La Paz", "au Cap" is "Cap" */
		bool article = covered[i - s->from] && cue(s, i) == CUE_DET && i + 1 < s->to &&
			       !covered[i + 1 - s->from] && tok(s, i + 1)->upper;
		if ((covered[i - s->from] && !article) || t->kind != ENT_TOK_WORD || !t->upper)
			continue;
		/* where a place may stand, before looking the name up */
		bool loc = locative(lx, s, hits, i);
		bool dateline = !loc && s->head && (i == s->from || (s->text && all_caps(s->text, t)));
		if (!loc && !dateline)
			continue;
		int32_t entry = -1;
		uint32_t len = longest(m, s, i, s->to, &entry);
		if (!len || (article && len < 2))
			continue;
		/* every token free, the last word capitalised too ("Rio de
		 * Janeiro", not "Santa" + "cruz") */
		bool free_run = true;
		for (uint32_t k = article ? i + 1 : i; k < i + len; k++)
			if (covered[k - s->from])
				free_run = false;
		const ent_token *last = tok(s, i + len - 1);
		if (!free_run || (last->kind == ENT_TOK_WORD && !last->upper))
			continue;
		uint32_t after = i + len;
		/* "à Santiago Peña", "to Victoria Nuland": a name goes on */
		if (after < s->to && tok(s, after)->kind == ENT_TOK_WORD && tok(s, after)->upper &&
		    !covered[after - s->from])
			continue;
		/* a dateline: "Tachkent (AFP) -", "... TACHKENT, 10 mai -" */
		if (!loc && !(after < s->to &&
			      (is(s, after, "(") || is(s, after, "-") || is(s, after, ","))))
			continue;
		lx_hit hit = {.tok = i, .ntok = len, .entry = choose(lx, s, hits, i, entry),
			    .kind = LX_PLACE};
		size_t at = hits->len;
		while (at > 0 && hits->items[at - 1].tok > i)
			at--;
		ENT_VEC_PUSH(*hits, hit);
		memmove(hits->items + at + 1, hits->items + at,
			(hits->len - 1 - at) * sizeof *hits->items);
		hits->items[at] = hit;
		for (uint32_t k = i; k < after; k++)
			covered[k - s->from] = 1;
		i = after - 1;
	}
	if (covered != small)
		free(covered);
}
