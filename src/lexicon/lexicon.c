/*
 * lexicon.c: loading, checking and compiling data/ (docs/lexicon.md).
 *
 * Every file is read line by line; a bad line is reported as FILE:LINE and
 * skipped, so `entente lexicon check` lists every problem at once, while the
 * engine refuses to start when there is any. Patterns are folded and
 * tokenised exactly like the text (ent_pattern_keys) and stored in a hash
 * map keyed by the space-joined token keys; each key leads to a chain of
 * entries (one pattern may be an adjective and a sector word at once).
 */
#include "lexicon/lexicon.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 8

typedef struct loader {
	lx_lexicon *lx;
	ent_buf *errors;
	int nerrors;
	const char *path;
	unsigned line;
	bool fuzzy; /* the built-in lexicon: its names feed lx_fuzzy */
} loader;

static void err(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err(loader *L, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (L->line)
		ent_buf_printf(L->errors, "%s:%u: %s\n", L->path, L->line, msg);
	else
		ent_buf_printf(L->errors, "%s: %s\n", L->path, msg);
	L->nerrors++;
}

static char *intern(lx_lexicon *lx, const char *s)
{
	return ent_arena_strndup(&lx->strings, s, strlen(s));
}

/* Calls fn for each entry line of path split into exactly nfields fields. */
typedef void (*line_fn)(loader *L, char **f, void *ctx);
static void each_line(loader *L, const char *path, int nfields, bool required,
		      line_fn fn, void *ctx)
{
	L->path = path;
	L->line = 0;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (required)
			err(L, "cannot open: %s", strerror(errno));
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	while ((got = getline(&line, &cap, fp)) >= 0) {
		L->line++;
		size_t n = (size_t)got;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (L->line == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, n - 2);
			n -= 3;
		}
		size_t k = 0;
		while (k < n && (line[k] == ' ' || line[k] == '\t'))
			k++;
		if (k == n || line[k] == '#')
			continue;
		size_t bad;
		if (!ent_utf8_valid(line, n, &bad)) {
			err(L, "invalid UTF-8 at column %zu", bad + 1);
			continue;
		}
		char *f[MAX_FIELDS];
		int nf = 0;
		char *p = line;
		for (;;) {
			if (nf < MAX_FIELDS)
				f[nf] = p;
			nf++;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = 0;
			p = tab + 1;
		}
		if (nf != nfields) {
			err(L, "expected %d TAB-separated fields, found %d", nfields, nf);
			continue;
		}
		bool empty = false;
		for (int i = 0; i < nf; i++) {
			/* trim spaces around fields */
			char *s = f[i];
			while (*s == ' ')
				s++;
			size_t m = strlen(s);
			while (m && s[m - 1] == ' ')
				s[--m] = 0;
			f[i] = s;
			if (!*s)
				empty = true;
		}
		if (empty) {
			err(L, "empty field (write '-' for none)");
			continue;
		}
		fn(L, f, ctx);
	}
	free(line);
	fclose(fp);
	L->line = 0;
}

/* ---- the matcher ---- */

/* Do two entries of the same kind say the same thing? Table rows are
 * compared by content: a line repeated (or differing only in accents, which
 * folding removes) is a duplicate. */
static bool same_value(const lx_lexicon *lx, uint8_t kind, int32_t a, int32_t b)
{
	if (a == b)
		return true;
	switch (kind) {
	case LX_ACTOR:
		return strcmp(lx->actors.items[a].code, lx->actors.items[b].code) == 0;
	case LX_PLACE:
		return strcmp(lx->places.items[a].name, lx->places.items[b].name) == 0 &&
		       strcmp(lx->places.items[a].country, lx->places.items[b].country) == 0;
	case LX_TITLE:
		return strcmp(lx->titles.items[a].agent, lx->titles.items[b].agent) == 0 &&
		       lx->titles.items[a].office == lx->titles.items[b].office;
	case LX_TRIGGER:
		return strcmp(lx->triggers.items[a].code, lx->triggers.items[b].code) == 0;
	case LX_LEVEL:
		return strcmp(lx->levels.items[a].name, lx->levels.items[b].name) == 0;
	default:
		return false;
	}
}

/* ---- the typo-tolerant fallback (lx_fuzzy) ---- */

static bool fz_word(const char *key, size_t n)
{
	if (n < LX_FUZZY_MIN || n > 63)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (unsigned char)key[i] >= 0x80))
			return false;
	return true;
}

/* The entries a misspelt word may stand for: persons, country names and
 * adjectives. */
static bool fz_kind(const lx_entry *e)
{
	return e->kind == LX_PERSON || (e->kind == LX_ACTOR && (e->sub == AK_NAME || e->sub == AK_ADJ));
}

static void fz_link(lx_matcher *m, const char *key, size_t n, uint32_t cand)
{
	bool added;
	uint32_t *head = ent_map_put(&m->fz_index, key, n, (uint32_t)m->fz_nodes.len, &added);
	int32_t next = -1;
	if (!added) {
		for (int32_t i = (int32_t)*head; i >= 0; i = m->fz_nodes.items[i].next)
			if (m->fz_nodes.items[i].cand == cand)
				return;
		next = (int32_t)*head;
		*head = (uint32_t)m->fz_nodes.len;
	}
	ENT_VEC_PUSH(m->fz_nodes, ((__typeof__(*m->fz_nodes.items)){.cand = cand, .next = next}));
}

/* A one-word name (actor name or adjective, person) becomes a candidate:
 * indexed under itself and under each of its one-letter deletions. */
static void fz_add(lx_lexicon *lx, lx_matcher *m, const char *key, size_t n, lx_entry e)
{
	if (!fz_kind(&e) || !fz_word(key, n))
		return;
	bool added;
	uint32_t *v = ent_map_put(&m->fz_seen, key, n, (uint32_t)m->fz_cands.len, &added);
	if (!added)
		return;
	uint32_t cand = *v;
	const char *k = ent_arena_strndup(&lx->strings, key, n);
	ENT_VEC_PUSH(m->fz_cands, ((__typeof__(*m->fz_cands.items)){.key = k, .len = (uint32_t)n}));
	fz_link(m, k, n, cand);
	char del[64];
	for (size_t i = 1; i < n; i++) {
		memcpy(del, k, i);
		memcpy(del + i, k + i + 1, n - i - 1);
		fz_link(m, del, n - 1, cand);
	}
}

/* May x have been typed for y? Neighbouring keys of a QWERTY keyboard, or
 * two vowels ("Serbain"): "Javanese" is no typo of "Japanese". */
static bool fz_typo(char x, char y)
{
	static const char *const NEAR[26] = {
		"qwsz", "vghn", "xdfv", "erfsxc", "wrsd", "rtdgcv", "tyfhvb", "yugjbn",
		"uojk", "uihknm", "iojlm", "opk", "njk", "bhjm", "ipkl", "ol", "wa", "etdf",
		"weadzx", "ryfg", "yihj", "cfgb", "qeas", "zsdc", "tugh", "asx"};
	if (strchr("aeiouy", x) && strchr("aeiouy", y))
		return true;
	return x >= 'a' && x <= 'z' && y >= 'a' && y <= 'z' && strchr(NEAR[x - 'a'], y);
}

bool lx_edit1(const char *a, size_t na, const char *b, size_t nb)
{
	if (!na || !nb || a[0] != b[0])
		return false;
	if (na < nb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tn = na;
		na = nb;
		nb = tn;
	}
	size_t i = 0;
	while (i < nb && a[i] == b[i])
		i++;
	if (na == nb + 1) /* a letter of a deleted at i */
		return memcmp(a + i + 1, b + i, nb - i) == 0;
	if (na != nb || i == na)
		return false;
	if (memcmp(a + i + 1, b + i + 1, na - i - 1) == 0) /* replaced */
		return fz_typo(a[i], b[i]);
	return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] && /* swapped */
	       memcmp(a + i + 2, b + i + 2, na - i - 2) == 0;
}

void lx_fuzzy_veto(lx_matcher *m, const char *key, size_t n)
{
	if (n >= LX_FUZZY_MIN - 1 && n <= 64)
		ent_map_put(&m->fz_veto, key, n, 1, NULL);
}

static void fz_collect(const lx_matcher *m, const char *key, size_t n, const char *q, size_t nq,
		       int32_t *found, int *nfound)
{
	uint32_t *v = ent_map_get(&m->fz_index, key, n);
	for (int32_t i = v ? (int32_t)*v : -1; i >= 0 && *nfound < 2; i = m->fz_nodes.items[i].next) {
		uint32_t c = m->fz_nodes.items[i].cand;
		if (*nfound == 1 && (uint32_t)found[0] == c)
			continue;
		if (lx_edit1(q, nq, m->fz_cands.items[c].key, m->fz_cands.items[c].len))
			found[(*nfound)++] = (int32_t)c;
	}
}

int32_t lx_fuzzy(const lx_lexicon *lx, const lx_matcher *m, const char *key, size_t n)
{
	(void)lx;
	if (!m->fz_cands.len || !fz_word(key, n) || ent_map_get(&m->fz_veto, key, n) ||
	    ent_map_get(&m->exact, key, n) || ent_map_get(&m->starts, key, n))
		return -1;
	int32_t found[2];
	int nfound = 0;
	fz_collect(m, key, n, key, n, found, &nfound); /* key lacks a letter */
	char del[64];
	for (size_t i = 1; i < n && nfound < 2; i++) { /* key has one more, or another */
		if (key[i] == key[i - 1] && i > 1)
			continue; /* the same deletion as at i - 1 */
		memcpy(del, key, i);
		memcpy(del + i, key + i + 1, n - i - 1);
		fz_collect(m, del, n - 1, key, n, found, &nfound);
	}
	if (nfound != 1)
		return -1;
	const char *c = m->fz_cands.items[found[0]].key;
	uint32_t *v = ent_map_get(&m->exact, c, m->fz_cands.items[found[0]].len);
	return v ? (int32_t)*v : -1;
}

static void add_pattern(loader *L, lx_matcher *m, const char *pattern,
			lx_entry e)
{
	lx_lexicon *lx = L->lx;
	ent_buf keys = ENT_BUF_INIT;
	size_t ntok = ent_pattern_keys(pattern, strlen(pattern), &keys);
	bool prefix = false;
	if (ntok >= 2 && keys.len >= 2 && keys.data[keys.len - 1] == '*' &&
	    keys.data[keys.len - 2] == ' ') {
		keys.len -= 2;
		keys.data[keys.len] = 0;
		ntok--;
		prefix = true;
		const char *sp = strrchr(keys.data, ' ');
		size_t plen = strlen(sp ? sp + 1 : keys.data);
		if (plen < 3 || plen > 63) {
			err(L, "a prefix pattern needs 3 to 63 characters before '*': \"%s\"", pattern);
			goto done;
		}
		m->prefix_lens |= 1ULL << plen;
		if (ntok > m->prefix_maxlen)
			m->prefix_maxlen = (uint32_t)ntok;
	}
	if (ntok == 0) {
		err(L, "empty pattern");
		goto done;
	}
	if (ntok > 16) {
		err(L, "pattern longer than 16 tokens");
		goto done;
	}
	if (ntok > m->maxlen)
		m->maxlen = (uint32_t)ntok;
	/* the proper prefixes, so that matching knows when to stop */
	for (size_t k = 0, seen = 0; k < keys.len; k++)
		if (keys.data[k] == ' ' && ++seen < ntok + (prefix ? 1 : 0))
			ent_map_put(&m->starts, keys.data, k, 0, NULL);
	e.next = -1;
	if (L->fuzzy && ntok == 1 && !prefix)
		fz_add(lx, m, keys.data, keys.len, e);
	bool added;
	uint32_t *head = ent_map_put(prefix ? &m->prefix : &m->exact, keys.data,
				     keys.len, (uint32_t)lx->entries.len, &added);
	if (!added) {
		/* append to the chain unless it is an exact duplicate */
		int32_t i = (int32_t)*head, last = -1;
		while (i >= 0) {
			lx_entry *o = &lx->entries.items[i];
			if (o->kind == e.kind && o->sub == e.sub && o->flags == e.flags &&
			    same_value(lx, e.kind, o->value, e.value)) {
				if (e.kind != LX_PERSON)
					err(L, "duplicate pattern \"%s\"", pattern);
				goto done;
			}
			last = i;
			i = o->next;
		}
		lx->entries.items[last].next = (int32_t)lx->entries.len;
	}
	ENT_VEC_PUSH(lx->entries, e);
done:
	ent_buf_dispose(&keys);
}

static bool valid_code(const lx_lexicon *lx, const char *c, size_t max)
{
	size_t n = strlen(c);
	if (n < 3 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(c[i] >= 'A' && c[i] <= 'Z'))
			return false;
	char iso[4];
	memcpy(iso, c, 3);
	iso[3] = 0;
	return lx_country_info(lx, iso) != NULL;
}

/* ---- per-file line handlers ---- */

static void on_country(loader *L, char **f, void *ctx)
{
	(void)ctx;
	lx_lexicon *lx = L->lx;
	if (strlen(f[0]) != 3) {
		err(L, "country code must be 3 letters: \"%s\"", f[0]);
		return;
	}
	if (strcmp(f[2], "country") && strcmp(f[2], "igo") && strcmp(f[2], "ngo") &&
	    strcmp(f[2], "img")) {
		err(L, "kind must be country, igo, ngo or img: \"%s\"", f[2]);
		return;
	}
	bool added;
	ent_map_put(&lx->country_by_code, f[0], 3, (uint32_t)lx->countries.len, &added);
	if (!added) {
		err(L, "duplicate country code %s", f[0]);
		return;
	}
	lx_country c = {0};
	memcpy(c.code, f[0], 4);
	c.name = intern(lx, f[1]);
	c.igo = strcmp(f[2], "igo") == 0;
	c.nonstate = !strcmp(f[2], "ngo") || !strcmp(f[2], "img");
	ENT_VEC_PUSH(lx->countries, c);
}

static void on_code(loader *L, char **f, void *ctx)
{
	(void)ctx;
	lx_lexicon *lx = L->lx;
	if (strcmp(f[0], "code") == 0)
		return; /* header line */
	size_t n = strlen(f[0]);
	if (n < 2 || n > 4 || strspn(f[0], "0123456789") != n) {
		err(L, "a CAMEO code is 2 to 4 digits: \"%s\"", f[0]);
		return;
	}
	char *end;
	lx_code c = {0};
	memcpy(c.code, f[0], n + 1);
	c.name = intern(lx, f[1]);
	c.goldstein = strtod(f[2], &end);
	if (*end || c.goldstein < -10 || c.goldstein > 10) {
		err(L, "Goldstein value must be a number in [-10, 10]: \"%s\"", f[2]);
		return;
	}
	c.quad = atoi(f[3]);
	if (c.quad < 1 || c.quad > 4) {
		err(L, "quad class must be 1 to 4: \"%s\"", f[3]);
		return;
	}
	c.plover = intern(lx, f[4]);
	bool added;
	ent_map_put(&lx->code_by_code, c.code, n, (uint32_t)lx->codes.len, &added);
	if (!added) {
		err(L, "duplicate code %s", c.code);
		return;
	}
	ENT_VEC_PUSH(lx->codes, c);
}

static int agent_ok(const char *a)
{
	static const char *const AGENTS[] = {"GOV", "PTY", "MIL", "BUS", "LEG", "EDU",
		"MED", "JUD", "COP", "SPY", "OPP", "REB", "CVL", "HLH", "ELI",
		"REF", "LAB", "AGR", "ENV", "NGO", "IGO", "REL", "CRM", "UAF", "DEV", NULL};
	for (int i = 0; AGENTS[i]; i++)
		if (strcmp(a, AGENTS[i]) == 0)
			return 1;
	return 0;
}

bool lx_is_agent(const char *a3)
{
	return agent_ok(a3) != 0;
}

int lx_add_pattern(lx_lexicon *lx, lx_matcher *m, const char *pattern, lx_entry e,
		   const char *path, unsigned line, ent_buf *errors)
{
	loader L = {.lx = lx, .errors = errors, .path = path, .line = line};
	add_pattern(&L, m, pattern, e);
	return L.nerrors;
}

static int office_id(const char *s)
{
	static const char *const OFF[] = {"-", "head_of_state", "head_of_government",
		"foreign_minister", "defence_minister", "party_leader",
		"parliament_speaker", "secretary_general", "foreign_secretary"};
	for (int i = 0; i < OF_NOFFICES; i++)
		if (strcmp(s, OFF[i]) == 0)
			return i;
	return -1;
}

static int32_t date_num(const char *s, bool end)
{
	int y, m, d;
	int parts = ent_date_parse(s, strlen(s), &y, &m, &d);
	if (!parts)
		return -1;
	if (parts == 1)
		return y * 10000 + (end ? 1231 : 101);
	if (parts == 2)
		return y * 10000 + m * 100 + (end ? ent_days_in_month(y, m) : 1);
	return y * 10000 + m * 100 + d;
}

typedef struct lang_ctx {
	lx_lang *lang;
} lang_ctx;

static void on_person(loader *L, char **f, void *ctx)
{
	(void)ctx;
	lx_lexicon *lx = L->lx;
	if (!valid_code(lx, f[2], 3)) {
		err(L, "unknown country code \"%s\"", f[2]);
		return;
	}
	if (strcmp(f[3], "-") != 0 && !agent_ok(f[3])) {
		err(L, "unknown CAMEO agent \"%s\"", f[3]);
		return;
	}
	bool added;
	ent_map_put(&lx->person_by_name, f[0], strlen(f[0]), (uint32_t)lx->persons.len, &added);
	if (!added) {
		err(L, "person \"%s\" is listed twice", f[0]);
		return;
	}
	lx_person p = {0};
	p.name = intern(lx, f[0]);
	memcpy(p.country, f[2], 3);
	if (strcmp(f[3], "-") != 0)
		memcpy(p.agent, f[3], 3);
	int32_t idx = (int32_t)lx->persons.len;
	ENT_VEC_PUSH(lx->persons, p);
	lx_entry e = {.kind = LX_PERSON, .value = idx};
	for (size_t l = 0; l < lx->nlangs; l++) {
		add_pattern(L, &lx->langs[l].m, f[0], e);
		if (strcmp(f[1], "-") == 0)
			continue;
		char *vars = ent_xstrdup(f[1]);
		for (char *save = NULL, *v = strtok_r(vars, "|", &save); v;
		     v = strtok_r(NULL, "|", &save))
			add_pattern(L, &lx->langs[l].m, v, e);
		free(vars);
	}
}

static void on_office(loader *L, char **f, void *ctx)
{
	(void)ctx;
	lx_lexicon *lx = L->lx;
	lx_office_term t = {0};
	if (!valid_code(lx, f[0], 3)) {
		err(L, "unknown country code \"%s\"", f[0]);
		return;
	}
	memcpy(t.country, f[0], 3);
	int o = office_id(f[1]);
	if (o <= 0) {
		err(L, "unknown office \"%s\"", f[1]);
		return;
	}
	t.office = (uint8_t)o;
	uint32_t *p = ent_map_get(&lx->person_by_name, f[2], strlen(f[2]));
	if (!p) {
		err(L, "\"%s\" is not in persons.tsv", f[2]);
		return;
	}
	t.person = (int32_t)*p;
	t.start = date_num(f[3], false);
	t.end = strcmp(f[4], "-") == 0 ? 99991231 : date_num(f[4], true);
	if (t.start < 0 || t.end < 0) {
		err(L, "dates must be YYYY, YYYY-MM or YYYY-MM-DD (end may be '-')");
		return;
	}
	if (t.end < t.start) {
		err(L, "end %s is before start %s", f[4], f[3]);
		return;
	}
	ENT_VEC_PUSH(lx->offices, t);
}

static void on_actor(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	lx_lexicon *lx = L->lx;
	if (!valid_code(lx, f[1], 6) || strlen(f[1]) % 3) {
		err(L, "actor code must be a known ISO3/IGO code with an optional agent: \"%s\"", f[1]);
		return;
	}
	if (strlen(f[1]) == 6 && !agent_ok(f[1] + 3)) {
		err(L, "unknown CAMEO agent in \"%s\"", f[1]);
		return;
	}
	static const char *const K[] = {"", "name", "adj", "capital", "org"};
	int k = 0;
	for (int i = 1; i <= 4; i++)
		if (strcmp(f[2], K[i]) == 0)
			k = i;
	if (!k) {
		err(L, "kind must be name, adj, capital or org: \"%s\"", f[2]);
		return;
	}
	lx_actor a = {0};
	memcpy(a.code, f[1], strlen(f[1]));
	int32_t idx = (int32_t)lx->actors.len;
	ENT_VEC_PUSH(lx->actors, a);
	lx_entry e = {.kind = LX_ACTOR, .sub = (uint8_t)k, .value = idx};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_place(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	lx_lexicon *lx = L->lx;
	if (!valid_code(lx, f[2], 3)) {
		err(L, "unknown country code \"%s\"", f[2]);
		return;
	}
	lx_place p = {0};
	p.name = intern(lx, f[1]);
	memcpy(p.country, f[2], 3);
	int32_t idx = (int32_t)lx->places.len;
	ENT_VEC_PUSH(lx->places, p);
	lx_entry e = {.kind = LX_PLACE, .value = idx};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_title(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	lx_lexicon *lx = L->lx;
	if (!agent_ok(f[1])) {
		err(L, "unknown CAMEO agent \"%s\"", f[1]);
		return;
	}
	int o = office_id(f[2]);
	if (o < 0) {
		err(L, "unknown office \"%s\"", f[2]);
		return;
	}
	lx_title t = {0};
	memcpy(t.agent, f[1], 3);
	t.office = (uint8_t)o;
	int32_t idx = (int32_t)lx->titles.len;
	ENT_VEC_PUSH(lx->titles, t);
	lx_entry e = {.kind = LX_TITLE, .value = idx};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_trigger(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	lx_lexicon *lx = L->lx;
	if (!lx_code_info(lx, f[1])) {
		err(L, "unknown CAMEO code \"%s\"", f[1]);
		return;
	}
	static const char *const FR[] = {"", "act", "visit", "receive", "mutual"};
	int fr = 0;
	for (int i = 1; i <= 4; i++)
		if (strcmp(f[2], FR[i]) == 0)
			fr = i;
	if (!fr) {
		err(L, "frame must be act, visit, receive or mutual: \"%s\"", f[2]);
		return;
	}
	uint16_t flags = 0;
	if (strcmp(f[3], "-") != 0) {
		char *fl = ent_xstrdup(f[3]);
		for (char *save = NULL, *t = strtok_r(fl, ",", &save); t;
		     t = strtok_r(NULL, ",", &save)) {
			if (strcmp(t, "refine") == 0)
				flags |= TF_REFINE;
			else if (strcmp(t, "noun") == 0)
				flags |= TF_NOUN;
			else if (strcmp(t, "intent") == 0)
				flags |= TF_INTENT;
			else if (strcmp(t, "agent") == 0)
				flags |= TF_AGENT;
			else if (strcmp(t, "adj") == 0)
				flags |= TF_ADJ;
			else
				err(L, "unknown flag \"%s\" (refine, noun, intent, agent, adj)", t);
		}
		free(fl);
	}
	lx_trigger t = {0};
	memcpy(t.code, f[1], strlen(f[1]));
	int32_t idx = (int32_t)lx->triggers.len;
	ENT_VEC_PUSH(lx->triggers, t);
	lx_entry e = {.kind = LX_TRIGGER, .sub = (uint8_t)fr, .flags = flags, .value = idx};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_sector(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	int s = -1;
	{
		/* sector names are the fixed list of EVENTS.md section 5; "-"
		 * marks a phrase that holds a sector word but names no sector
		 * ("environnement pacifique"): as the longest match it hides
		 * the shorter one */
		extern int ent_sector_index(const char *name);
		s = strcmp(f[1], "-") == 0 ? LX_NO_SECTOR : ent_sector_index(f[1]);
	}
	if (s < 0) {
		err(L, "unknown sector \"%s\" (see EVENTS.md section 5)", f[1]);
		return;
	}
	lx_entry e = {.kind = LX_SECTOR, .value = s};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_cue(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	static const char *const K[] = {"", "neg", "future", "both", "counterpart",
		"pronoun", "coord", "place_prep", "with", "by", "between", "of",
		"report", "noise", "abbrev", "det", "ref", "possessive", "passive",
		"place_noun", "agreement",
		"cooperation", "compliance", "diplomatic", "topic", "insert"};
	int k = 0;
	for (int i = 1; i < CUE_NCUES; i++)
		if (strcmp(f[1], K[i]) == 0)
			k = i;
	if (!k) {
		err(L, "unknown cue kind \"%s\"", f[1]);
		return;
	}
	int v = strcmp(f[2], "-") == 0 ? 0 : atoi(f[2]);
	lx_entry e = {.kind = LX_CUE, .sub = (uint8_t)k, .value = v};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_time(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	static const char *const K[] = {"", "month", "weekday", "relday", "modifier", "relref"};
	int k = 0;
	for (int i = 1; i <= 5; i++)
		if (strcmp(f[1], K[i]) == 0)
			k = i;
	if (!k) {
		err(L, "unknown time kind \"%s\"", f[1]);
		return;
	}
	int v;
	if (k == TM_MODIFIER) {
		if (strcmp(f[2], "prev") == 0)
			v = -1;
		else if (strcmp(f[2], "next") == 0)
			v = 1;
		else if (strcmp(f[2], "this") == 0)
			v = 0;
		else {
			err(L, "a modifier is prev, next or this: \"%s\"", f[2]);
			return;
		}
	} else {
		char *end;
		v = (int)strtol(f[2], &end, 10);
		if (*end || (k == TM_MONTH && (v < 1 || v > 12)) ||
		    (k == TM_WEEKDAY && (v < 1 || v > 7))) {
			err(L, "bad value \"%s\" for %s", f[2], f[1]);
			return;
		}
	}
	lx_entry e = {.kind = LX_TIME, .sub = (uint8_t)k, .value = v};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void on_level(loader *L, char **f, void *ctx)
{
	lang_ctx *c = ctx;
	lx_lexicon *lx = L->lx;
	char *end;
	long rank = strtol(f[2], &end, 10);
	if (*end || rank < 1 || rank > 99) {
		err(L, "rank must be a whole number from 1 to 99: \"%s\"", f[2]);
		return;
	}
	lx_level lv = {.name = intern(lx, f[1]), .rank = (int)rank};
	int32_t idx = (int32_t)lx->levels.len;
	ENT_VEC_PUSH(lx->levels, lv);
	lx_entry e = {.kind = LX_LEVEL, .value = idx};
	add_pattern(L, &c->lang->m, f[0], e);
}

static void matcher_init(lx_matcher *m)
{
	memset(m, 0, sizeof *m);
	ent_map_init(&m->exact);
	ent_map_init(&m->prefix);
	ent_map_init(&m->starts);
	ent_map_init(&m->fz_seen);
	ent_map_init(&m->fz_index);
	ent_map_init(&m->fz_veto);
}

int lx_load(lx_lexicon *lx, const char *dir, ent_buf *errors)
{
	memset(lx, 0, sizeof *lx);
	ent_arena_init(&lx->strings, 64 * 1024);
	ent_map_init(&lx->person_by_name);
	ent_map_init(&lx->code_by_code);
	ent_map_init(&lx->country_by_code);
	loader L = {.lx = lx, .errors = errors, .fuzzy = true};
	char path[4096];
	static const char *const LANGS[] = {"fr", "en"};
	for (size_t i = 0; i < 2; i++) {
		memcpy(lx->langs[i].name, LANGS[i], 3);
		matcher_init(&lx->langs[i].m);
	}
	lx->nlangs = 2;

	snprintf(path, sizeof path, "%s/cameo.tsv", dir);
	each_line(&L, path, 5, true, on_code, NULL);
	snprintf(path, sizeof path, "%s/countries.tsv", dir);
	each_line(&L, path, 3, true, on_country, NULL);
	snprintf(path, sizeof path, "%s/persons.tsv", dir);
	each_line(&L, path, 4, true, on_person, NULL);
	snprintf(path, sizeof path, "%s/offices.tsv", dir);
	each_line(&L, path, 5, true, on_office, NULL);
	for (size_t i = 0; i < lx->nlangs; i++) {
		lang_ctx c = {.lang = &lx->langs[i]};
		const char *ln = LANGS[i];
		bool req = i == 0;
		struct { const char *file; int nf; line_fn fn; } files[] = {
			{"actors.tsv", 3, on_actor}, {"places.tsv", 3, on_place},
			{"titles.tsv", 3, on_title}, {"triggers.tsv", 4, on_trigger},
			{"sectors.tsv", 2, on_sector}, {"cues.tsv", 3, on_cue},
			{"time.tsv", 3, on_time}, {"levels.tsv", 3, on_level}};
		for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
			snprintf(path, sizeof path, "%s/%s/%s", dir, ln, files[k].file);
			each_line(&L, path, files[k].nf, req, files[k].fn, &c);
		}
	}
	return L.nerrors;
}

static void matcher_dispose(lx_matcher *m)
{
	ent_map_dispose(&m->exact);
	ent_map_dispose(&m->prefix);
	ent_map_dispose(&m->starts);
	ent_map_dispose(&m->fz_seen);
	ent_map_dispose(&m->fz_index);
	ent_map_dispose(&m->fz_veto);
	ENT_VEC_FREE(m->fz_cands);
	ENT_VEC_FREE(m->fz_nodes);
}

void lx_dispose(lx_lexicon *lx)
{
	for (size_t i = 0; i < lx->nlangs; i++)
		matcher_dispose(&lx->langs[i].m);
	ENT_VEC_FREE(lx->entries);
	ENT_VEC_FREE(lx->actors);
	ENT_VEC_FREE(lx->places);
	ENT_VEC_FREE(lx->titles);
	ENT_VEC_FREE(lx->triggers);
	ENT_VEC_FREE(lx->persons);
	ENT_VEC_FREE(lx->offices);
	ENT_VEC_FREE(lx->codes);
	ENT_VEC_FREE(lx->countries);
	ENT_VEC_FREE(lx->levels);
	ENT_VEC_FREE(lx->roles);
	ent_map_dispose(&lx->person_by_name);
	ent_map_dispose(&lx->code_by_code);
	ent_map_dispose(&lx->country_by_code);
	ent_arena_dispose(&lx->strings);
}

const lx_lang *lx_language(const lx_lexicon *lx, const char *name)
{
	for (size_t i = 0; i < lx->nlangs; i++)
		if (strcmp(lx->langs[i].name, name) == 0)
			return &lx->langs[i];
	return &lx->langs[0];
}

const lx_code *lx_code_info(const lx_lexicon *lx, const char *code)
{
	uint32_t *v = ent_map_get(&lx->code_by_code, code, strlen(code));
	return v ? &lx->codes.items[*v] : NULL;
}

const lx_country *lx_country_info(const lx_lexicon *lx, const char *code)
{
	uint32_t *v = ent_map_get(&lx->country_by_code, code, strlen(code));
	return v ? &lx->countries.items[*v] : NULL;
}

int lx_office_holder(const lx_lexicon *lx, const char *country, int office, int32_t date)
{
	for (size_t i = 0; i < lx->offices.len; i++) {
		const lx_office_term *t = &lx->offices.items[i];
		if (t->office == office && memcmp(t->country, country, 3) == 0 &&
		    t->start <= date && date <= t->end)
			return t->person;
	}
	return -1;
}

int lx_person_office(const lx_lexicon *lx, int person, int32_t date)
{
	for (size_t i = 0; i < lx->offices.len; i++) {
		const lx_office_term *t = &lx->offices.items[i];
		if (t->person == person && t->start <= date && date <= t->end)
			return t->office;
	}
	return OF_NONE;
}

/* ---- matching ---- */

/* What the one token at `pos` is, in one look-up: the LX_TIME entry of a
 * weekday or a relative day ("samedi", "hier", "Tuesday"), or -1; and, in
 * *adverb, whether it is an adverb of cue kind "insert" ("également"). */
static int32_t day_word(const lx_lexicon *lx, const lx_matcher *m, const ent_textinfo *t,
			uint32_t pos, bool *adverb)
{
	const ent_token *k = &t->toks.items[pos];
	*adverb = false;
	if (k->kind != ENT_TOK_WORD)
		return -1;
	uint32_t *v = ent_map_get(&m->exact, t->keys.data + k->key, k->klen);
	int32_t day = -1;
	for (int32_t e = v ? (int32_t)*v : -1; e >= 0; e = lx->entries.items[e].next) {
		const lx_entry *en = &lx->entries.items[e];
		if (en->kind == LX_TIME && (en->sub == TM_WEEKDAY || en->sub == TM_RELDAY) && day < 0)
			day = e;
		if (en->kind == LX_CUE && en->sub == CUE_INSERT)
			*adverb = true;
	}
	return day;
}

/* Is the phrase of n tokens at `pos` an adverb that may stand inside a
 * phrase (cue "insert": "en outre", "par ailleurs")? */
static bool insert_at(const lx_lexicon *lx, const lx_matcher *m, const ent_textinfo *t,
		      uint32_t pos, uint32_t n)
{
	char key[64];
	size_t len = 0;
	for (uint32_t i = 0; i < n; i++) {
		const ent_token *k = &t->toks.items[pos + i];
		if (k->kind != ENT_TOK_WORD || len + k->klen + 1 >= sizeof key)
			return false;
		if (i)
			key[len++] = ' ';
		memcpy(key + len, t->keys.data + k->key, k->klen);
		len += k->klen;
	}
	uint32_t *v = ent_map_get(&m->exact, key, len);
	for (int32_t e = v ? (int32_t)*v : -1; e >= 0; e = lx->entries.items[e].next)
		if (lx->entries.items[e].kind == LX_CUE && lx->entries.items[e].sub == CUE_INSERT)
			return true;
	return false;
}

/* How many tokens at `pos` may stand inside a phrase without being part
 * of it: a day ("a rappelé samedi son ambassadeur", "a fermé mercredi
 * soir son espace aérien", "met Tuesday with": a weekday or a relative
 * day, and a part of the day after it) or an inserted adverb ("se sont en
 * outre engagés à"). 0 when there is none. */
static uint32_t day_skip(const lx_lexicon *lx, const lx_matcher *m, const ent_textinfo *t,
			 uint32_t pos, uint32_t to)
{
	if (pos >= to || t->toks.items[pos].kind != ENT_TOK_WORD)
		return 0;
	const ent_token *w = &t->toks.items[pos];
	bool adverb;
	if (day_word(lx, m, t, pos, &adverb) < 0) {
		/* two-word adverbs ("en outre") start with a word that starts
		 * some pattern */
		if (!adverb && pos + 1 < to && ent_map_get(&m->starts, t->keys.data + w->key, w->klen) &&
		    insert_at(lx, m, t, pos, 2))
			return 2;
		return adverb ? 1 : 0;
	}
	static const char *const part[] = {"soir", "matin", "apres-midi", "midi", "morning",
		"afternoon", "evening", "night", NULL};
	if (pos + 1 < to) {
		const ent_token *n = &t->toks.items[pos + 1];
		for (int i = 0; part[i]; i++)
			if (n->klen == strlen(part[i]) &&
			    memcmp(t->keys.data + n->key, part[i], n->klen) == 0)
				return 2;
	}
	return 1;
}

/* Is the capitalised word before token i (not the sentence's first word)
 * a first name other than the person's ("Hillary" before "Clinton" for
 * Bill Clinton)? Told by the initial: variant spellings of the same
 * first name (Sergei, Sergey) keep it. */
static bool other_first_name(const lx_lexicon *lx, const ent_textinfo *t, uint32_t i,
			     int32_t person)
{
	const ent_token *p = &t->toks.items[i - 1];
	if (p->kind != ENT_TOK_WORD || !p->upper || p->klen < 3 || person < 0 ||
	    (size_t)person >= lx->persons.len)
		return false;
	const char *name = lx->persons.items[person].name;
	if (!name || !strchr(name, ' '))
		return false;
	unsigned char a = (unsigned char)t->keys.data[p->key], b = (unsigned char)name[0];
	if (a >= 0x80 || b >= 0x80)
		return false;
	return tolower(a) != tolower(b);
}

void lx_match(const lx_lexicon *lx, const lx_lang *lang, const ent_textinfo *t,
	      uint32_t from, uint32_t to, lx_hits *hits, ent_buf *scratch)
{
	const lx_matcher *m = &lang->m;
	uint32_t busy[2] = {0}; /* group 0: all kinds but sectors; 1: sectors */
	uint32_t maxpat = m->maxlen > m->prefix_maxlen ? m->maxlen : m->prefix_maxlen;
	if (maxpat > 16)
		maxpat = 16;
	int32_t chains[17][2];
	uint32_t span[17];   /* tokens taken by the first L words, days included */
	/* day_skip of each token, computed once (0xff: not yet) */
	uint8_t skip_of[256];
	memset(skip_of, 0xff, sizeof skip_of);
	size_t first = hits->len;
	bool unordered = false;
	for (uint32_t i = from; i < to; i++) {
		/* Extend token by token while some pattern goes on, noting the
		 * entries of each length (exact, then prefix patterns). A day
		 * inside a phrase is passed over, once, when the phrase does
		 * not go on with it. */
		uint32_t maxl = i + maxpat > to ? to - i : maxpat;
		ent_buf_clear(scratch);
		uint64_t h = ENT_HASH_SEED;
		uint32_t found = 0, pos = i, day_at = 0, day_n = 0;
		for (uint32_t L = 1; L <= maxl && pos < to; L++) {
			const ent_token *k = &t->toks.items[pos];
			uint64_t before = h; /* the phrase so far, for a day passed over */
			size_t before_len = scratch->len;
			if (L > 1) {
				ent_buf_putc(scratch, ' ');
				h = ent_hash_add(h, " ", 1);
			}
			uint64_t pre = h;
			size_t base = scratch->len;
			ent_buf_append(scratch, t->keys.data + k->key, k->klen);
			h = ent_hash_add(h, t->keys.data + k->key, k->klen);
			uint32_t *v = L <= m->maxlen ? ent_map_get_h(&m->exact, h, scratch->data, scratch->len)
						     : NULL;
			chains[L][0] = v ? (int32_t)*v : -1;
			chains[L][1] = -1;
			if (L <= m->prefix_maxlen && m->prefix_lens && k->kind == ENT_TOK_WORD) {
				for (uint32_t p = k->klen; p >= 3 && chains[L][1] < 0; p--) {
					if (p > 63 || !(m->prefix_lens & (1ULL << p)))
						continue;
					uint64_t ph = ent_hash_add(pre, t->keys.data + k->key, p);
					uint32_t *pv = ent_map_get_h(&m->prefix, ph, scratch->data, base + p);
					if (pv)
						chains[L][1] = (int32_t)*pv;
				}
			}
			bool hit = chains[L][0] >= 0 || chains[L][1] >= 0;
			bool more = L < maxl && ent_map_get_h(&m->starts, h, scratch->data, scratch->len);
			if (!hit && !more && L > 1 && !day_n) {
				/* no pattern goes on with this token: is it a day or
				 * an adverb standing inside the phrase? Then the phrase
				 * goes on after it. */
				uint32_t sk;
				if (pos - from < sizeof skip_of) {
					if (skip_of[pos - from] == 0xff)
						skip_of[pos - from] = (uint8_t)day_skip(lx, m, t, pos, to);
					sk = skip_of[pos - from];
				} else {
					sk = day_skip(lx, m, t, pos, to);
				}
				if (sk && pos + sk < to) {
					day_at = pos;
					day_n = sk;
					pos += sk;
					h = before;
					scratch->len = before_len;
					L--;
					continue;
				}
			}
			span[L] = pos - i + 1;
			pos++;
			if (hit)
				found = L;
			if (L < maxl && !more)
				break;
		}
		/* Longest first: per group, the longest length that has entries
		 * wins; an exact pattern beats a prefix pattern of that length. */
		uint32_t seen[2] = {0};
		for (uint32_t L = found; L >= 1; L--) {
			bool exact_hit[2] = {false, false};
			for (int c = 0; c < 2; c++) {
				for (int32_t e = chains[L][c]; e >= 0; e = lx->entries.items[e].next) {
					const lx_entry *en = &lx->entries.items[e];
					uint8_t kd = en->kind;
					int g = kd == LX_SECTOR || kd == LX_LEVEL;
					if ((seen[g] && seen[g] != L) || (!seen[g] && busy[g] > i))
						continue;
					/* a surname alone after another first name
					 * is someone else ("Hillary Clinton" is not
					 * Bill Clinton) */
					if (kd == LX_PERSON && span[L] == 1 && i > from + 1 && busy[0] < i &&
					    other_first_name(lx, t, i, en->value))
						continue;
					if (c == 0)
						exact_hit[g] = true;
					else if (exact_hit[g])
						continue;
					seen[g] = L;
					busy[g] = i + span[L];
					lx_hit hit = {.tok = i, .ntok = span[L], .entry = e, .kind = kd};
					ENT_VEC_PUSH(*hits, hit);
				}
			}
		}
		/* a capitalised word no pattern knows: a misspelt name? */
		const ent_token *tk = &t->toks.items[i];
		if (!found && busy[0] <= i && tk->kind == ENT_TOK_WORD && tk->upper &&
		    tk->klen >= LX_FUZZY_MIN) {
			int32_t e0 = lx_fuzzy(lx, m, t->keys.data + tk->key, tk->klen);
			for (int32_t e = e0; e >= 0; e = lx->entries.items[e].next) {
				const lx_entry *en = &lx->entries.items[e];
				if (!fz_kind(en))
					continue;
				/* a person's name only after a first name or title
				 * ("President Ahmed Boutefilka"): a lone word may
				 * be anything else ("calls it Takeshima") */
				if (en->kind == LX_PERSON &&
				    !(i > from && t->toks.items[i - 1].kind == ENT_TOK_WORD &&
				      t->toks.items[i - 1].upper))
					continue;
				/* with the first names no pattern took ("Cyril") */
				uint32_t lo = i;
				while (en->kind == LX_PERSON && lo > from && i - lo < 2 &&
				       busy[0] < lo && t->toks.items[lo - 1].kind == ENT_TOK_WORD &&
				       t->toks.items[lo - 1].upper)
					lo--;
				busy[0] = i + 1;
				lx_hit hit = {.tok = lo, .ntok = i + 1 - lo, .entry = e, .kind = en->kind};
				ENT_VEC_PUSH(*hits, hit);
			}
		}
		/* the day passed over inside the phrase still dates it */
		bool adverb;
		int32_t day = seen[0] && day_n && day_at < i + span[seen[0]]
				      ? day_word(lx, m, t, day_at, &adverb)
				      : -1;
		if (day >= 0) {
			lx_hit hit = {.tok = day_at, .ntok = 1, .entry = day, .kind = LX_TIME};
			ENT_VEC_PUSH(*hits, hit);
			unordered = true;
		}
	}
	/* in token order (a day inside a phrase was added after it) */
	for (size_t a = first + 1; unordered && a < hits->len; a++) {
		lx_hit x = hits->items[a];
		size_t b = a;
		while (b > first && hits->items[b - 1].tok > x.tok) {
			hits->items[b] = hits->items[b - 1];
			b--;
		}
		hits->items[b] = x;
	}
}

bool lx_is_abbrev(const lx_lexicon *lx, const lx_lang *lang, const char *key, size_t n)
{
	uint32_t *v = ent_map_get(&lang->m.exact, key, n);
	for (int32_t e = v ? (int32_t)*v : -1; e >= 0; e = lx->entries.items[e].next)
		if (lx->entries.items[e].kind == LX_CUE && lx->entries.items[e].sub == CUE_ABBREV)
			return true;
	return false;
}
