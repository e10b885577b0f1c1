/*
 * peers.c: TABARI and PETRARCH actor and agent dictionaries as additional
 * lexicons (docs/lexicon.md, "TABARI and PETRARCH dictionaries").
 *
 * Both programs write an entry as a phrase with words joined by '_'
 * ("HAMID_KARZAI_"), '+' lines for its other spellings, and CAMEO codes in
 * brackets, on the same line or on the lines that follow, each optionally
 * restricted in time ("[AFGGOV 011222-140929]", "[USAGOV <011214]",
 * "[IGOUNO >20070101]"). Agents are role words with a code that attaches
 * to the actor's ("MINISTER [~GOV]", "[NGO~]"). The dialects differ in
 * comments (';' in TABARI, '#' in both), in TABARI's stems (a last word
 * without '_' matches every word it starts) and in PETRARCH's agent extras
 * (substitution sets "!PERSON! = MAN, WOMAN", plurals made regularly or
 * given in braces: "THIEF {THIEVES}", "{}" for none).
 *
 * Codes are mapped onto entente's model: a country or organisation code
 * (ISO alpha-3, or the IGO, NGO and IMG codes of data/countries.tsv:
 * IGOWSTNAT is NAT, NGOHRIAMN is AMN, IMGMOSALQ is ALQ) with at most one
 * agent. An entry whose codes carry dates and a role becomes a person
 * whose code is chosen at the event's date (lx_person_role); a country or
 * organisation becomes an actor; agents become titles (no office). What
 * cannot be represented (regions, ethnic and religious groups, "---",
 * multinationals without a country) is counted and left out; a malformed
 * line is reported through the warning callback and skipped.
 */
#include "lexicon/peers.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "text/text.h"

#define MAX_FILE (256u << 20)
#define OPEN_END 99991231
#define MAX_VARIANTS 64

enum { DIA_PETRARCH = 1, DIA_TABARI };
enum { KIND_ACTORS = 1, KIND_AGENTS };

typedef struct rawcode {
	char code[48];
	int32_t start, end;
	bool dated;
	unsigned line;
} rawcode;

typedef struct phrase {
	char *text;     /* as written, '_' still in */
	unsigned line;
} phrase;

typedef struct subst {
	char *name;     /* "PERSON" for !PERSON! */
	char **vals;
	size_t n;
} subst;

typedef struct pctx {
	lx_lexicon *lx;
	const char *path;
	int dialect, kind;
	lxp_warn_fn warn;
	void *warn_ctx;
	lxp_stats *st;
	lx_lang *en;
	ent_map actor_by_code;   /* "AFGMIL" -> lx->actors index */
	ent_map title_by_agent;  /* "GOV" -> lx->titles index */
	ent_map person_by_fold;  /* folded canonical name -> person index */
	ENT_VEC(subst) subs;
	/* the actor entry being read */
	bool open;
	unsigned line;
	ENT_VEC(phrase) phrases;
	ENT_VEC(rawcode) codes;
	unsigned blocks;         /* its code blocks, good or bad */
	ent_buf keys, tmp, errs;
} pctx;

static void warn(pctx *P, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(pctx *P, unsigned line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	P->st->warnings++;
	if (P->warn)
		P->warn(P->warn_ctx, P->path, line, msg);
}

/* ---- codes ---- */

/* CAMEO blocks that are no country although a 3-letter code of
 * data/countries.tsv spells them: CAMEO's regions Africa and Europe (the
 * African Union and the European Union are IGOAFRAFU and IGOEUREEC). */
static bool cameo_region(const char *b)
{
	return !memcmp(b, "AFR", 3) || !memcmp(b, "EUR", 3);
}

/* CAMEO organisation blocks whose entente code differs. */
static const char *igo_alias(const char *b)
{
	static const char *const A[][2] = {{"EEC", "EUR"}, {"AFU", "AFR"}, {"OAU", "AFR"}};
	for (size_t i = 0; i < sizeof A / sizeof A[0]; i++)
		if (!memcmp(b, A[i][0], 3))
			return A[i][1];
	return NULL;
}

/* A CAMEO agent that entente has under another name: the religions as
 * REL, human rights groups as NGO, multinationals as BUS, insurgents and
 * separatists as REB. */
static const char *agent_alias(const char *b)
{
	static const char *const REL[] = {"ALE", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX",
		"HIN", "ITR", "JAN", "JEW", "LDS", "MOS", "MUS", "NRM", "PRO", "SHI", "SHN",
		"SIK", "SUN", "TAO", "ZRO", NULL};
	for (int i = 0; REL[i]; i++)
		if (!memcmp(b, REL[i], 3))
			return "REL";
	static const char *const A[][2] = {{"HRI", "NGO"}, {"MNC", "BUS"}, {"INS", "REB"},
		{"SEP", "REB"}};
	for (size_t i = 0; i < sizeof A / sizeof A[0]; i++)
		if (!memcmp(b, A[i][0], 3))
			return A[i][1];
	return NULL;
}

static bool block_agent(const char *b, char out[4])
{
	char a[4] = {b[0], b[1], b[2], 0};
	if (lx_is_agent(a)) {
		memcpy(out, a, 4);
		return true;
	}
	return false;
}

/* The agent among blocks [from, nb): the first one entente knows, else the
 * first alias. */
static void scan_agent(char blocks[][4], int from, int nb, char agent[4])
{
	agent[0] = 0;
	const char *alias = NULL;
	for (int i = from; i < nb; i++) {
		if (block_agent(blocks[i], agent))
			return;
		if (!alias)
			alias = agent_alias(blocks[i]);
	}
	if (alias)
		memcpy(agent, alias, 4);
}

enum { CM_NONE = 0, CM_NULL, CM_AGENT, CM_ACTOR };

static bool is_country(const lx_lexicon *lx, const char *b, bool igo)
{
	char c[4] = {b[0], b[1], b[2], 0};
	const lx_country *k = lx_country_info(lx, c);
	return k && k->igo == igo && !k->nonstate && !(igo && cameo_region(b));
}

/* Maps a CAMEO actor code onto a country/organisation and an agent. */
static int map_code(const lx_lexicon *lx, const char *code, char country[4], char agent[4])
{
	country[0] = agent[0] = 0;
	if (!strcmp(code, "---"))
		return CM_NULL;
	if (strchr(code, '/'))
		return CM_NONE; /* TABARI's compound actors: "[DZA/LBY/MAR/TUN/MRT]" */
	size_t n = strlen(code);
	char blocks[5][4];
	int nb = 0;
	for (size_t i = 0; i + 3 <= n && nb < 5; i += 3) {
		for (int k = 0; k < 3; k++) {
			char ch = code[i + (size_t)k];
			if (ch < 'A' || ch > 'Z')
				return CM_NONE; /* ethnic codes (lower case), numbered religions */
			blocks[nb][k] = ch;
		}
		blocks[nb++][3] = 0;
	}
	if (!nb || n % 3)
		return CM_NONE;
	const char *b0 = blocks[0];
	if (is_country(lx, b0, false) || is_country(lx, b0, true)) {
		memcpy(country, b0, 4);
		scan_agent(blocks, 1, nb, agent);
		return CM_ACTOR;
	}
	if (!strcmp(b0, "IGO")) {
		/* IGO, then region or category blocks, then the organisation */
		for (int i = nb - 1; i >= 1; i--) {
			const char *al = igo_alias(blocks[i]);
			if (al || is_country(lx, blocks[i], true)) {
				memcpy(country, al ? al : blocks[i], 4);
				scan_agent(blocks, i + 1, nb, agent);
				return CM_ACTOR;
			}
		}
		return CM_NONE;
	}
	if (!strcmp(b0, "NGO") || !strcmp(b0, "IMG")) {
		/* NGOHRIAMN, IMGMOSALQ: the organisation's own block, when
		 * data/countries.tsv has it (kinds ngo and img) */
		for (int i = nb - 1; i >= 1; i--) {
			char c[4] = {blocks[i][0], blocks[i][1], blocks[i][2], 0};
			const lx_country *k = lx_country_info(lx, c);
			if (k && k->nonstate) {
				memcpy(country, c, 4);
				return CM_ACTOR;
			}
		}
	}
	if ((!strcmp(b0, "MNC") || !strcmp(b0, "NGO")) && nb >= 2 && is_country(lx, blocks[1], false)) {
		memcpy(country, blocks[1], 4);
		memcpy(agent, !strcmp(b0, "MNC") ? "BUS" : "NGO", 4);
		return CM_ACTOR;
	}
	if (nb == 1) {
		const char *al = agent_alias(b0);
		if (al)
			memcpy(agent, al, 4);
		if (al || block_agent(b0, agent))
			return CM_AGENT;
	}
	return CM_NONE;
}

/* ---- dates ---- */

/* YYMMDD (years 30-99 are 19xx, 00-29 20xx) or YYYYMMDD; -1 when bad. */
static int32_t parse_ymd(const char *s, size_t n)
{
	if (n != 6 && n != 8)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	int v[8];
	for (size_t i = 0; i < n; i++)
		v[i] = s[i] - '0';
	int y, k;
	if (n == 6) {
		y = v[0] * 10 + v[1];
		y += y < 30 ? 2000 : 1900;
		k = 2;
	} else {
		y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
		k = 4;
	}
	int m = v[k] * 10 + v[k + 1], d = v[k + 2] * 10 + v[k + 3];
	if (m < 1 || m > 12 || d < 1 || d > ent_days_in_month(y, m))
		return -1;
	return y * 10000 + m * 100 + d;
}

static int32_t prev_day(int32_t x)
{
	int y = x / 10000, m = x / 100 % 100, d = x % 100;
	if (--d == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		d = ent_days_in_month(y, m);
	}
	return y * 10000 + m * 100 + d;
}

/* The restriction of a code block, spaces removed: "", "<D", ">D" or
 * "D-D" (either side may be empty). */
static bool parse_dates(const char *s, int32_t *start, int32_t *end)
{
	*start = 0;
	*end = OPEN_END;
	size_t n = strlen(s);
	if (!n)
		return true;
	if (s[0] == '<' || s[0] == '>') {
		int32_t d = parse_ymd(s + 1, n - 1);
		if (d < 0)
			return false;
		if (s[0] == '<')
			*end = prev_day(d);
		else
			*start = d;
		return true;
	}
	const char *dash = strchr(s, '-');
	if (!dash || strchr(dash + 1, '-'))
		return false;
	if (dash > s && (*start = parse_ymd(s, (size_t)(dash - s))) < 0)
		return false;
	if (dash[1] && (*end = parse_ymd(dash + 1, strlen(dash + 1))) < 0)
		return false;
	/* a two-digit start is in the century that puts it before its end:
	 * "[ISRGOV 040101-920712]" starts in 1904 */
	if (dash - s == 6 && *start > *end && *start >= 20000000)
		*start -= 1000000;
	return dash > s || dash[1];
}

/* Reads the code blocks of s ("[CODE]", "[CODE DATES]") into P->codes. */
static void read_codes(pctx *P, const char *s, unsigned line)
{
	for (const char *p = strchr(s, '['); p; p = strchr(p, '[')) {
		const char *q = strchr(p + 1, ']');
		const char *nextb = strchr(p + 1, '[');
		if (!q || (nextb && nextb < q)) {
			P->blocks++;
			warn(P, line, "unclosed '[': expected [CODE] or [CODE DATES] (code ignored)");
			if (!nextb)
				return;
			p = nextb;
			continue;
		}
		P->blocks++;
		char inner[128];
		size_t n = (size_t)(q - p - 1);
		if (n >= sizeof inner)
			n = sizeof inner - 1;
		memcpy(inner, p + 1, n);
		inner[n] = 0;
		p = q + 1;
		char *c = inner;
		while (*c == ' ' || *c == '\t')
			c++;
		size_t cl = strcspn(c, " \t");
		if (!cl) {
			warn(P, line, "empty [ ]: expected a CAMEO code such as [USAGOV]");
			continue;
		}
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)cl, c);
		if (code[0] == '<' || code[0] == '>' || (code[0] >= '0' && code[0] <= '9')) {
			warn(P, line, "[%s] has dates but no code: expected [CODE DATES] such as "
				      "[USAGOV 010120-050120]", inner);
			continue;
		}
		if (strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-#+/~") != cl ||
		    cl >= sizeof((rawcode *)0)->code) {
			warn(P, line, "bad code \"%s\": expected a CAMEO code such as USAGOV (code ignored)",
			     code);
			continue;
		}
		/* the restriction, without its spaces: "< 950601", "950601 - 990815" */
		char dates[128];
		size_t k = 0;
		for (const char *d = c + cl; *d && k + 1 < sizeof dates; d++)
			if (*d != ' ' && *d != '\t')
				dates[k++] = *d;
		dates[k] = 0;
		rawcode rc = {.line = line};
		memcpy(rc.code, code, cl + 1);
		if (!parse_dates(dates, &rc.start, &rc.end)) {
			warn(P, line, "bad date \"%s\" in [%s]: expected >DATE, <DATE or DATE-DATE with "
				      "DATE as YYMMDD or YYYYMMDD (code ignored)", dates, inner);
			continue;
		}
		if (rc.start > rc.end) {
			warn(P, line, "[%s] ends before it starts (code ignored)", inner);
			continue;
		}
		rc.dated = k > 0;
		ENT_VEC_PUSH(P->codes, rc);
	}
}

/* ---- phrases ---- */

/* The last space of k[0..n), or NULL. */
static const char *last_space(const char *k, size_t n)
{
	while (n--)
		if (k[n] == ' ')
			return k + n;
	return NULL;
}

/* Is the token key k[0..n) a cue of kind `sub` (0: any) in matcher m? */
static bool is_cue(const lx_lexicon *lx, const lx_matcher *m, const char *k, size_t n, int sub)
{
	uint32_t *v = ent_map_get(&m->exact, k, n);
	for (int32_t e = v ? (int32_t)*v : -1; e >= 0; e = lx->entries.items[e].next)
		if (lx->entries.items[e].kind == LX_CUE && (!sub || lx->entries.items[e].sub == sub))
			return true;
	return false;
}

/* The phrase as folded pattern keys into P->keys: '_' and spaces separate
 * words, and the English determiners it starts with are dropped ("THE_
 * UNITED_NATIONS" is "united nations"). *stem: TABARI's last word without
 * '_' (a prefix pattern), when its key has 3 to 63 bytes. Returns the
 * number of tokens (0 when nothing is left). */
static size_t make_pattern(pctx *P, const char *s, bool *stem)
{
	ent_buf *out = &P->tmp;
	ent_buf_clear(out);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*'))
		n--;
	bool stopped = n && s[n - 1] == '_';
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '_' || c == ' ' || c == '\t') {
			space = out->len > 0;
			continue;
		}
		if (space)
			ent_buf_putc(out, ' ');
		space = false;
		ent_buf_putc(out, c);
	}
	while (out->len && out->data[out->len - 1] == '*')
		out->data[--out->len] = 0;
	*stem = false;
	if (!out->len)
		return 0;
	ent_buf_clear(&P->keys);
	size_t ntok = ent_pattern_keys(out->data, out->len, &P->keys);
	while (ntok > 1 && P->en) {
		size_t fl = strcspn(P->keys.data, " ");
		if (!is_cue(P->lx, &P->en->m, P->keys.data, fl, CUE_DET))
			break;
		memmove(P->keys.data, P->keys.data + fl + 1, P->keys.len - fl);
		P->keys.len -= fl + 1;
		ntok--;
	}
	if (!ntok || ntok > 16)
		return 0;
	if (P->dialect == DIA_TABARI && !stopped) {
		const char *sp = last_space(P->keys.data, P->keys.len);
		const char *last = sp ? sp + 1 : P->keys.data;
		size_t ll = P->keys.len - (size_t)(last - P->keys.data);
		bool word = ll >= 3 && ll <= 63;
		for (size_t i = 0; word && i < ll; i++)
			if (last[i] == '.' || last[i] == '-' || last[i] == '\'' || last[i] == '*')
				word = false;
		if (word && ntok < 16)
			*stem = true;
	}
	return ntok;
}

/* Would matcher m read these keys otherwise? It knows the phrase (the
 * built-in lexicon or an earlier dictionary), a known prefix pattern
 * covers its last word, or its last word is a function word of the
 * language (PETRARCH's "EMBASSY_IN", "AMBASSADOR_TO"). */
static bool competes(const lx_lexicon *lx, const uint32_t *head)
{
	/* sector words and levels are matched on layers of their own */
	for (int32_t e = head ? (int32_t)*head : -1; e >= 0; e = lx->entries.items[e].next)
		if (lx->entries.items[e].kind != LX_SECTOR && lx->entries.items[e].kind != LX_LEVEL)
			return true;
	return false;
}

/* Does the matcher already read every word of the phrase in P->keys, with
 * at least one name or title ("US President": an adjective and a title
 * whose office finds the person)? Then the phrase would only hide that. */
static bool covered(const pctx *P, const lx_lang *lang)
{
	/* quick no: no pattern starts with the first word */
	const lx_matcher *m = &lang->m;
	size_t fl = strcspn(P->keys.data, " ");
	bool starts = ent_map_get(&m->exact, P->keys.data, fl) || ent_map_get(&m->starts, P->keys.data, fl);
	for (size_t p = fl < 63 ? fl : 63; !starts && p >= 3; p--)
		starts = (m->prefix_lens & (1ULL << p)) && ent_map_get(&m->prefix, P->keys.data, p);
	if (!starts)
		return false;
	ent_textinfo ti;
	ent_text_split(P->keys.data, P->keys.len, NULL, NULL, &ti);
	lx_hits hits = {0};
	ent_buf scratch = ENT_BUF_INIT;
	lx_match(P->lx, lang, &ti, 0, (uint32_t)ti.toks.len, &hits, &scratch);
	uint32_t upto = 0;
	bool named = false;
	for (size_t i = 0; i < hits.len && upto < ti.toks.len; i++) {
		const lx_hit *h = &hits.items[i];
		if (h->kind == LX_SECTOR || h->kind == LX_LEVEL || h->tok > upto)
			continue;
		if (h->tok + h->ntok > upto)
			upto = h->tok + h->ntok;
		named |= h->kind != LX_CUE && h->kind != LX_TIME;
	}
	bool all = upto >= ti.toks.len && named;
	ENT_VEC_FREE(hits);
	ent_buf_dispose(&scratch);
	ent_textinfo_dispose(&ti);
	return all;
}

static bool known(const pctx *P, const lx_lang *lang, bool stem)
{
	const lx_matcher *m = &lang->m;
	const lx_lexicon *lx = P->lx;
	const char *k = P->keys.data;
	size_t n = P->keys.len;
	if (competes(lx, ent_map_get(&m->exact, k, n)) ||
	    (stem && competes(lx, ent_map_get(&m->prefix, k, n))))
		return true;
	const char *sp = last_space(k, n);
	size_t base = sp ? (size_t)(sp + 1 - k) : 0;
	size_t ll = n - base;
	if (!stem && m->prefix_lens)
		for (size_t p = ll < 63 ? ll : 63; p >= 3; p--)
			if ((m->prefix_lens & (1ULL << p)) &&
			    competes(lx, ent_map_get(&m->prefix, k, base + p)))
				return true;
	/* first and last words: a function word, a month or day, a number */
	size_t fl = strcspn(k, " ");
	const char *w[2] = {k, k + base};
	size_t wl[2] = {fl, ll};
	for (int i = 0; i < (base ? 2 : 1); i++) {
		if (strspn(w[i], "0123456789") >= wl[i])
			return true;
		uint32_t *v = ent_map_get(&m->exact, w[i], wl[i]);
		for (int32_t e = v ? (int32_t)*v : -1; e >= 0; e = lx->entries.items[e].next)
			if (lx->entries.items[e].kind == LX_CUE || lx->entries.items[e].kind == LX_TIME)
				return true;
	}
	return base && covered(P, lang);
}

/* One planned addition: a pattern for a language. */
typedef struct addition {
	char *pattern;
	char *keys;     /* its folded keys, '*' appended for a stem */
	lx_lang *lang;
	unsigned line;
} addition;
typedef ENT_VEC(addition) additions;

/* Plans the patterns of phrase s in the given languages (all when lang is
 * NULL), leaving out what the matchers already read. The dictionaries are
 * English: a one-word phrase that is no person's name ("SUR", Tyre; "MARCHE",
 * the Italian region) stays out of the other languages. */
static void plan(pctx *P, const char *s, unsigned line, lx_lang *lang, bool person,
		 additions *out)
{
	bool stem;
	size_t ntok = make_pattern(P, s, &stem);
	if (!ntok)
		return;
	for (size_t l = 0; l < P->lx->nlangs; l++) {
		lx_lang *lg = &P->lx->langs[l];
		if ((lang && lg != lang) || (ntok == 1 && !person && lg != P->en))
			continue;
		bool dup = false;
		for (size_t i = 0; i < out->len; i++)
			if (out->items[i].lang == lg && !strncmp(out->items[i].keys, P->keys.data, P->keys.len) &&
			    out->items[i].keys[P->keys.len] == (stem ? '*' : 0))
				dup = true;
		if (dup)
			continue;
		if (known(P, lg, stem)) {
			P->st->shadowed++;
			continue;
		}
		ent_buf kb = ENT_BUF_INIT;
		ent_buf_append(&kb, P->keys.data, P->keys.len);
		if (stem)
			ent_buf_putc(&kb, '*');
		addition a = {ent_xstrdup(kb.data), NULL, lg, line};
		a.keys = ent_buf_detach(&kb);
		ENT_VEC_PUSH(*out, a);
	}
}

static void add_all(pctx *P, additions *adds, lx_entry e)
{
	for (size_t i = 0; i < adds->len; i++) {
		addition *a = &adds->items[i];
		ent_buf_clear(&P->errs);
		if (lx_add_pattern(P->lx, &a->lang->m, a->pattern, e, P->path, a->line, &P->errs)) {
			/* "path:line: message\n": pass the message on */
			const char *msg = P->errs.data;
			for (int colons = 0; *msg && colons < 2; msg++)
				if (*msg == ':')
					colons++;
			while (*msg == ' ')
				msg++;
			size_t ml = strcspn(msg, "\n");
			warn(P, a->line, "%.*s (phrase ignored)", (int)ml, msg);
		} else {
			P->st->phrases++;
		}
	}
}

static void free_additions(additions *adds)
{
	for (size_t i = 0; i < adds->len; i++) {
		free(adds->items[i].pattern);
		free(adds->items[i].keys);
	}
	ENT_VEC_FREE(*adds);
}

/* "HAMID_KARZAI_" -> "Hamid Karzai", "O'BRIEN" -> "O'Brien". */
static void title_case(const char *s, ent_buf *out)
{
	ent_buf_clear(out);
	bool start = true;
	size_t wordlen = 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == '_')
			c = ' ';
		if (c == ' ' && (start || (out->len && out->data[out->len - 1] == ' ')))
			continue;
		if (c >= 'A' && c <= 'Z' && !start)
			c = (char)(c - 'A' + 'a');
		else if (c >= 'a' && c <= 'z' && start)
			c = (char)(c - 'a' + 'A');
		ent_buf_putc(out, c);
		bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
		start = c == ' ' || c == '-' || c == '.' || c == '(' || c == '/' ||
			(c == '\'' && wordlen == 1);
		wordlen = letter ? wordlen + 1 : 0;
	}
	while (out->len && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '*'))
		out->data[--out->len] = 0;
}

/* ---- actors ---- */

typedef struct mrole {
	char country[4], agent[4];
	int32_t start, end;
	bool dated;
	int kind;
} mrole;

static int32_t actor_index(pctx *P, const char *country, const char *agent)
{
	char code[8];
	snprintf(code, sizeof code, "%s%s", country, agent);
	bool added;
	uint32_t *v = ent_map_put(&P->actor_by_code, code, strlen(code),
				  (uint32_t)P->lx->actors.len, &added);
	if (added) {
		lx_actor a = {0};
		memcpy(a.code, code, strlen(code) + 1);
		ENT_VEC_PUSH(P->lx->actors, a);
	}
	return (int32_t)*v;
}

static void fold_name(const char *s, ent_buf *out)
{
	ent_buf_clear(out);
	ent_fold(s, strlen(s), out);
}

static void flush_actor(pctx *P)
{
	if (!P->open)
		return;
	P->open = false;
	P->st->entries++;
	const char *base = P->phrases.items[0].text;
	ENT_VEC(mrole) roles = {0};
	additions adds = {0};
	if (!P->codes.len) {
		if (!P->blocks) /* else its codes were bad, and said so */
			warn(P, P->line, "\"%s\" has no [CODE]: expected [CODE] on its line or on the "
					 "lines after it, before the next entry (entry skipped)", base);
		goto done;
	}
	for (size_t i = 0; i < P->codes.len; i++) {
		const rawcode *rc = &P->codes.items[i];
		mrole r = {.start = rc->start, .end = rc->end, .dated = rc->dated};
		r.kind = map_code(P->lx, rc->code, r.country, r.agent);
		if (r.kind != CM_NONE)
			ENT_VEC_PUSH(roles, r);
	}
	/* an agent alone ("[ELI]") takes the country of the latest role */
	const mrole *latest = NULL;
	for (size_t i = 0; i < roles.len; i++)
		if (roles.items[i].kind == CM_ACTOR && (!latest || roles.items[i].start > latest->start))
			latest = &roles.items[i];
	char latest_country[4] = {0};
	if (latest)
		memcpy(latest_country, latest->country, 4);
	bool dated = false, with_agent = false;
	size_t k = 0;
	for (size_t i = 0; i < roles.len; i++) {
		mrole r = roles.items[i];
		if (r.kind == CM_AGENT) {
			if (!latest_country[0])
				continue;
			memcpy(r.country, latest_country, 4);
			r.kind = CM_ACTOR;
		}
		dated |= r.dated;
		with_agent |= r.kind == CM_ACTOR && r.agent[0];
		roles.items[k++] = r;
	}
	roles.len = k;
	/* the default: the first undated role, else the latest dated one */
	const mrole *def = NULL;
	for (size_t i = 0; i < roles.len && !def; i++)
		if (!roles.items[i].dated)
			def = &roles.items[i];
	for (size_t i = 0; i < roles.len; i++)
		if (roles.items[i].kind == CM_ACTOR && roles.items[i].dated &&
		    (!def || (def->dated && roles.items[i].start > def->start)))
			def = &roles.items[i];
	bool person = dated && with_agent;
	if (!def || (!person && def->kind != CM_ACTOR)) {
		P->st->unsupported++;
		goto done;
	}
	char *name = NULL;
	uint32_t *known_person = NULL;
	if (person) {
		title_case(base, &P->tmp);
		name = ent_xstrdup(P->tmp.data);
		fold_name(name, &P->keys);
		known_person = ent_map_get(&P->person_by_fold, P->keys.data, P->keys.len);
		if (known_person && !P->lx->persons.items[*known_person].nroles) {
			/* a person of data/persons.tsv: its spellings, country and
			 * offices are the built-in lexicon's */
			P->st->shadowed += (long)P->phrases.len;
			free(name);
			goto done;
		}
	}
	for (size_t i = 0; i < P->phrases.len; i++)
		plan(P, P->phrases.items[i].text, P->phrases.items[i].line, NULL, person, &adds);
	if (!adds.len) {
		free(name);
		goto done;
	}
	lx_entry e = {0};
	if (person) {
		fold_name(name, &P->keys);
		bool added;
		uint32_t *v = ent_map_put(&P->person_by_fold, P->keys.data, P->keys.len,
					  (uint32_t)P->lx->persons.len, &added);
		if (added) {
			/* a new person: its default code, then its roles */
			lx_person p = {0};
			p.name = ent_arena_strndup(&P->lx->strings, name, strlen(name));
			const mrole *pd = def->kind == CM_ACTOR ? def : latest;
			memcpy(p.country, pd ? pd->country : latest_country, 4);
			if (def->kind == CM_ACTOR)
				memcpy(p.agent, def->agent, 4);
			p.role0 = (uint32_t)P->lx->roles.len;
			for (size_t i = 0; i < roles.len; i++) {
				const mrole *r = &roles.items[i];
				lx_role lr = {.start = r->start, .end = r->end, .undated = !r->dated,
					      .none = r->kind == CM_NULL};
				memcpy(lr.country, r->country, 4);
				memcpy(lr.agent, r->agent, 4);
				ENT_VEC_PUSH(P->lx->roles, lr);
			}
			p.nroles = (uint32_t)(P->lx->roles.len - p.role0);
			ent_map_put(&P->lx->person_by_name, p.name, strlen(p.name),
				    (uint32_t)P->lx->persons.len, NULL);
			ENT_VEC_PUSH(P->lx->persons, p);
			P->st->persons++;
		}
		free(name);
		e.kind = LX_PERSON;
		e.value = (int32_t)*v;
	} else {
		const lx_country *cn = lx_country_info(P->lx, def->country);
		e.kind = LX_ACTOR;
		e.sub = !def->agent[0] && !cn->igo && !cn->nonstate ? AK_NAME : AK_ORG;
		e.value = actor_index(P, def->country, def->agent);
	}
	P->st->added++;
	add_all(P, &adds, e);
done:
	free_additions(&adds);
	ENT_VEC_FREE(roles);
	for (size_t i = 0; i < P->phrases.len; i++)
		free(P->phrases.items[i].text);
	P->phrases.len = 0;
	P->codes.len = 0;
	P->blocks = 0;
}

static void push_phrase(pctx *P, const char *s, size_t n, unsigned line)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	phrase ph = {ent_xstrndup(s, n), line};
	ENT_VEC_PUSH(P->phrases, ph);
}

static void actor_line(pctx *P, char *s, unsigned line)
{
	if (s[0] == '+') {
		if (!P->open) {
			warn(P, line, "synonym before any entry: expected a phrase line first");
			return;
		}
		size_t n = strcspn(s + 1, "[");
		if (n)
			push_phrase(P, s + 1, n, line);
		read_codes(P, s + 1 + n, line);
		return;
	}
	if (s[0] == '[') {
		if (!P->open) {
			warn(P, line, "[CODE] line before any entry: expected a phrase line first");
			return;
		}
		read_codes(P, s, line);
		return;
	}
	flush_actor(P);
	size_t n = strcspn(s, "[");
	P->open = true;
	P->line = line;
	push_phrase(P, s, n, line);
	read_codes(P, s + n, line);
}

/* ---- agents ---- */

static int32_t title_index(pctx *P, const char *agent)
{
	bool added;
	uint32_t *v = ent_map_put(&P->title_by_agent, agent, 3, (uint32_t)P->lx->titles.len, &added);
	if (added) {
		lx_title t = {0};
		memcpy(t.agent, agent, 4);
		t.office = OF_NONE;
		ENT_VEC_PUSH(P->lx->titles, t);
	}
	return (int32_t)*v;
}

/* "[~GOVMED]" -> GOV, "[NGO~]" -> NGO, "[~CHRCTH]" -> REL. */
static bool agent_code(const char *code, char agent[4])
{
	char blocks[5][4];
	int nb = 0;
	const char *t = strchr(code, '~');
	size_t n = strlen(code);
	const char *s = t == code ? code + 1 : code;
	size_t m = t == code ? n - 1 : t ? (size_t)(t - code) : n;
	if (m % 3)
		return false;
	for (size_t i = 0; i + 3 <= m && nb < 5; i += 3) {
		for (int k = 0; k < 3; k++) {
			if (s[i + (size_t)k] < 'A' || s[i + (size_t)k] > 'Z')
				return false;
			blocks[nb][k] = s[i + (size_t)k];
		}
		blocks[nb++][3] = 0;
	}
	scan_agent(blocks, 0, nb, agent);
	return agent[0] != 0;
}

static const subst *find_subst(const pctx *P, const char *name, size_t n)
{
	for (size_t i = 0; i < P->subs.len; i++)
		if (strlen(P->subs.items[i].name) == n && !memcmp(P->subs.items[i].name, name, n))
			return &P->subs.items[i];
	return NULL;
}

/* Expands the !SETS! of s into out (at most MAX_VARIANTS strings). */
static bool expand(pctx *P, const char *s, unsigned line, char ***out, size_t *nout)
{
	const char *a = strchr(s, '!');
	const char *b = a ? strchr(a + 1, '!') : NULL;
	if (!a) {
		*out = ent_xrealloc(*out, (*nout + 1) * sizeof **out);
		(*out)[(*nout)++] = ent_xstrdup(s);
		return true;
	}
	const subst *sb = b ? find_subst(P, a + 1, (size_t)(b - a - 1)) : NULL;
	if (!sb) {
		warn(P, line, "unknown substitution set in \"%s\": expected one defined earlier as "
			      "!NAME! = WORD, WORD (line skipped)", s);
		return false;
	}
	for (size_t i = 0; i < sb->n && *nout < MAX_VARIANTS; i++) {
		ent_buf v = ENT_BUF_INIT;
		ent_buf_append(&v, s, (size_t)(a - s));
		ent_buf_puts(&v, sb->vals[i]);
		ent_buf_puts(&v, b + 1);
		bool ok = expand(P, v.data, line, out, nout);
		ent_buf_dispose(&v);
		if (!ok)
			return false;
	}
	return true;
}

/* The regular plural of the phrase's last word (PETRARCH makes them):
 * MAN -> MEN, consonant + Y -> IES, S X Z CH SH -> ES, else S. */
static char *plural(const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == '_')
		n--;
	size_t w = n;
	while (w && ((s[w - 1] >= 'A' && s[w - 1] <= 'Z') || (s[w - 1] >= 'a' && s[w - 1] <= 'z')))
		w--;
	if (n - w < 2 || (w && s[w - 1] != '_' && s[w - 1] != ' '))
		return NULL;
	ent_buf b = ENT_BUF_INIT;
	const char *end = s + n;
#define ENDS(x) (n - w >= strlen(x) && !strncasecmp(end - strlen(x), x, strlen(x)))
	if (ENDS("MAN")) {
		ent_buf_append(&b, s, n - 2);
		ent_buf_puts(&b, "EN");
	} else if (ENDS("Y") && !strchr("AEIOUaeiou", end[-2])) {
		ent_buf_append(&b, s, n - 1);
		ent_buf_puts(&b, "IES");
	} else if (ENDS("S") || ENDS("X") || ENDS("Z") || ENDS("CH") || ENDS("SH")) {
		ent_buf_append(&b, s, n);
		ent_buf_puts(&b, "ES");
	} else {
		ent_buf_append(&b, s, n);
		ent_buf_puts(&b, "S");
	}
#undef ENDS
	return ent_buf_detach(&b);
}

static void agent_line(pctx *P, char *s, unsigned line)
{
	size_t pn = strcspn(s, "[{");
	if (s[0] == '!' && memchr(s, '=', pn)) {
		/* a substitution set: !PERSON! = MAN, MEN, WOMAN */
		char *b = strchr(s + 1, '!');
		char *eq = strchr(s, '=');
		if (!b || b > eq || b == s + 1) {
			warn(P, line, "expected a substitution set !NAME! = WORD, WORD");
			return;
		}
		subst sb = {ent_xstrndup(s + 1, (size_t)(b - s - 1)), NULL, 0};
		char *vals = ent_xstrdup(eq + 1);
		for (char *save = NULL, *v = strtok_r(vals, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
			while (*v == ' ' || *v == '\t')
				v++;
			size_t vl = strlen(v);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				v[--vl] = 0;
			if (!vl)
				continue;
			sb.vals = ent_xrealloc(sb.vals, (sb.n + 1) * sizeof *sb.vals);
			sb.vals[sb.n++] = ent_xstrdup(v);
		}
		free(vals);
		ENT_VEC_PUSH(P->subs, sb);
		return;
	}
	P->st->entries++;
	P->codes.len = 0;
	P->blocks = 0;
	read_codes(P, s + pn, line);
	char *ph = ent_xstrndup(s, pn);
	size_t phl = strlen(ph);
	while (phl && (ph[phl - 1] == ' ' || ph[phl - 1] == '\t'))
		ph[--phl] = 0;
	char *plur = NULL; /* PETRARCH's {PLURAL}: NULL when absent */
	bool no_plural = false;
	char *br = strchr(s + pn, '{');
	if (s[pn] == '{' && br) {
		char *close = strchr(br, '}');
		if (!close) {
			warn(P, line, "unclosed '{': expected {PLURAL} or {} (line skipped)");
			free(ph);
			return;
		}
		plur = ent_xstrndup(br + 1, (size_t)(close - br - 1));
		size_t k = strlen(plur);
		while (k && plur[k - 1] == ' ')
			plur[--k] = 0;
		no_plural = !k;
	}
	char agent[4] = {0};
	if (!phl) {
		warn(P, line, "expected a phrase before [~AGENT] (line skipped)");
		goto out;
	}
	if (!P->codes.len) {
		if (P->blocks)
			goto out; /* said already */
		warn(P, line, "\"%s\" has no [~AGENT] code: expected e.g. MINISTER [~GOV] (line skipped)", ph);
		goto out;
	}
	if (!strchr(P->codes.items[0].code, '~')) {
		warn(P, line, "[%s] is no agent code: expected [~AGENT] or [AGENT~] (line skipped)",
		     P->codes.items[0].code);
		goto out;
	}
	if (!agent_code(P->codes.items[0].code, agent)) {
		P->st->unsupported++;
		goto out;
	}
	char **vars = NULL;
	size_t nv = 0;
	bool ok = expand(P, ph, line, &vars, &nv);
	if (ok && plur && !no_plural)
		ok = expand(P, plur, line, &vars, &nv);
	size_t nbase = nv;
	if (ok && !plur && P->dialect == DIA_PETRARCH && !strchr(ph, '!'))
		for (size_t i = 0; i < nbase && nv < MAX_VARIANTS; i++) {
			char *pl = plural(vars[i]);
			if (pl) {
				vars = ent_xrealloc(vars, (nv + 1) * sizeof *vars);
				vars[nv++] = pl;
			}
		}
	additions adds = {0};
	for (size_t i = 0; ok && i < nv; i++)
		plan(P, vars[i], line, P->en, false, &adds);
	if (adds.len) {
		lx_entry e = {.kind = LX_TITLE, .value = title_index(P, agent)};
		P->st->added++;
		add_all(P, &adds, e);
	}
	free_additions(&adds);
	for (size_t i = 0; i < nv; i++)
		free(vars[i]);
	free(vars);
out:
	free(ph);
	free(plur);
}

/* ---- the file ---- */

/* Strips a comment: '#' anywhere outside brackets, and ';' in TABARI. */
static void cut_comment(char *s, int dialect)
{
	int depth = 0;
	for (char *p = s; *p; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && depth)
			depth--;
		else if (!depth && (*p == '#' || (*p == ';' && dialect == DIA_TABARI))) {
			*p = 0;
			return;
		}
	}
}

/* Tells the dialect and kind from the content. */
static int detect(const char *buf, size_t n, int forced, char *msg, size_t cap, const char *path)
{
	long tilde = 0, plain = 0, tab = 0, pet = 0;
	for (size_t i = 0; i < n;) {
		const char *l = buf + i;
		const char *e = memchr(l, '\n', n - i);
		size_t len = e ? (size_t)(e - l) : n - i;
		i += len + 1;
		size_t k = 0;
		while (k < len && (l[k] == ' ' || l[k] == '\t'))
			k++;
		if (k == len)
			continue;
		if (l[k] == ';' || (len - k >= 5 && (!memcmp(l + k, "<NOUN", 5) || !memcmp(l + k, "<ADJE", 5) ||
						       !memcmp(l + k, "~~FIN", 5)))) {
			tab++;
			continue;
		}
		if (l[k] == '#' || (len - k >= 2 && l[k] == '<' && l[k + 1] == '!'))
			continue;
		if (l[k] == '!' && memchr(l + k, '=', len - k))
			pet++;
		int depth = 0;
		bool content = false, tilde_here = false, code_here = false;
		for (size_t j = k; j < len; j++) {
			char c = l[j];
			if (c == '[') {
				depth++;
				code_here = true;
				if (j + 1 < len && l[j + 1] == ' ')
					tab++; /* "[ ~GOV]" */
			} else if (c == ']' && depth) {
				depth--;
			} else if (depth && c == '~') {
				tilde_here = true;
			} else if (!depth && c == ';') {
				tab++;
				break;
			} else if (!depth && c == '#') {
				if (content)
					pet++;
				break;
			} else if (!depth && c == '{') {
				pet++;
			} else if (c != ' ' && c != '\t') {
				content = true;
			}
		}
		if (code_here) {
			if (tilde_here)
				tilde++;
			else
				plain++;
		}
	}
	if (forced >= LXP_PETRARCH_ACTORS)
		return forced;
	if (!tilde && !plain) {
		snprintf(msg, cap, "%s: no [CODE] anywhere: not a TABARI or PETRARCH actors or agents "
				   "dictionary", path);
		return -1;
	}
	bool agents = tilde >= plain;
	int dia = forced == LXP_PETRARCH ? DIA_PETRARCH : forced == LXP_TABARI ? DIA_TABARI
		: tab > pet ? DIA_TABARI : DIA_PETRARCH;
	if (dia == DIA_TABARI)
		return agents ? LXP_TABARI_AGENTS : LXP_TABARI_ACTORS;
	return agents ? LXP_PETRARCH_AGENTS : LXP_PETRARCH_ACTORS;
}

static int read_all(const char *path, char **out, size_t *len, char *msg, size_t cap)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		int e = errno;
		snprintf(msg, cap, "%s: cannot open: %s", path, strerror(e));
		return e == ENOENT ? LXP_ENOTFOUND : LXP_EIO;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		snprintf(msg, cap, "%s: is a directory: expected a dictionary file", path);
		return LXP_EINVALID;
	}
	ent_buf b = ENT_BUF_INIT;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		ent_buf_append(&b, chunk, got);
		if (b.len > MAX_FILE)
			break;
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		ent_buf_dispose(&b);
		snprintf(msg, cap, "%s: read error", path);
		return LXP_EIO;
	}
	if (b.len > MAX_FILE) {
		ent_buf_dispose(&b);
		snprintf(msg, cap, "%s: larger than %u MiB", path, MAX_FILE >> 20);
		return LXP_EINVALID;
	}
	if (b.len >= 4 && !memcmp(b.data, "PK\3\4", 4)) {
		ent_buf_dispose(&b);
		snprintf(msg, cap, "%s: a zip archive: unzip it and give the dictionary inside", path);
		return LXP_EINVALID;
	}
	if (b.len && memchr(b.data, 0, b.len)) {
		ent_buf_dispose(&b);
		snprintf(msg, cap, "%s: binary data (a NUL byte): expected a text dictionary", path);
		return LXP_EINVALID;
	}
	*len = b.len;
	*out = b.len ? ent_buf_detach(&b) : ent_xstrdup("");
	return LXP_OK;
}

int lxp_load(lx_lexicon *lx, const char *path, int format, lxp_warn_fn warnfn, void *warn_ctx,
	     lxp_stats *st, char *msg, size_t msgcap)
{
	memset(st, 0, sizeof *st);
	char *buf;
	size_t n;
	int rc = read_all(path, &buf, &n, msg, msgcap);
	if (rc)
		return rc;
	int fmt = detect(buf, n, format, msg, msgcap, path);
	if (fmt < 0) {
		free(buf);
		return LXP_EINVALID;
	}
	st->format = fmt;
	pctx P = {.lx = lx, .path = path, .warn = warnfn, .warn_ctx = warn_ctx, .st = st};
	P.dialect = fmt == LXP_TABARI_ACTORS || fmt == LXP_TABARI_AGENTS ? DIA_TABARI : DIA_PETRARCH;
	P.kind = fmt == LXP_PETRARCH_AGENTS || fmt == LXP_TABARI_AGENTS ? KIND_AGENTS : KIND_ACTORS;
	for (size_t l = 0; l < lx->nlangs; l++)
		if (!strcmp(lx->langs[l].name, "en"))
			P.en = &lx->langs[l];
	ent_map_init(&P.actor_by_code);
	ent_map_init(&P.title_by_agent);
	ent_map_init(&P.person_by_fold);
	for (size_t i = 0; i < lx->persons.len; i++) {
		fold_name(lx->persons.items[i].name, &P.keys);
		ent_map_put(&P.person_by_fold, P.keys.data, P.keys.len, (uint32_t)i, NULL);
	}
	bool section = false; /* inside TABARI's <NOUN> or <ADJECTIVE> */
	bool xml = false;     /* inside an XML comment <!-- ... --> */
	unsigned line = 0;
	for (size_t i = 0; i < n;) {
		char *l = buf + i;
		char *e = memchr(l, '\n', n - i);
		size_t len = e ? (size_t)(e - l) : n - i;
		i += len + 1;
		line++;
		l[len] = 0;
		while (len && l[len - 1] == '\r')
			l[--len] = 0;
		if (line == 1 && len >= 3 && !memcmp(l, "\xef\xbb\xbf", 3)) {
			l += 3;
			len -= 3;
		}
		size_t bad;
		if (!ent_utf8_valid(l, len, &bad)) {
			warn(&P, line, "invalid UTF-8 at column %zu: expected UTF-8 text (line skipped)", bad + 1);
			continue;
		}
		while (*l == ' ' || *l == '\t')
			l++;
		if (xml || !strncmp(l, "<!", 2)) {
			xml = !strstr(l, "-->");
			continue;
		}
		if (!strncmp(l, "~~FINISH", 8))
			break;
		if (section) {
			if (l[0] == '<' && l[1] == '/')
				section = false;
			continue;
		}
		if (!strncmp(l, "<NOUN>", 6) || !strncmp(l, "<ADJECTIVE>", 11)) {
			section = true;
			continue;
		}
		cut_comment(l, P.dialect);
		size_t k = strlen(l);
		while (k && (l[k - 1] == ' ' || l[k - 1] == '\t'))
			l[--k] = 0;
		if (!k)
			continue;
		if (P.kind == KIND_ACTORS)
			actor_line(&P, l, line);
		else
			agent_line(&P, l, line);
	}
	flush_actor(&P);
	st->lines = line;
	for (size_t i = 0; i < P.subs.len; i++) {
		for (size_t k = 0; k < P.subs.items[i].n; k++)
			free(P.subs.items[i].vals[k]);
		free(P.subs.items[i].vals);
		free(P.subs.items[i].name);
	}
	ENT_VEC_FREE(P.subs);
	ENT_VEC_FREE(P.phrases);
	ENT_VEC_FREE(P.codes);
	ent_map_dispose(&P.actor_by_code);
	ent_map_dispose(&P.title_by_agent);
	ent_map_dispose(&P.person_by_fold);
	ent_buf_dispose(&P.keys);
	ent_buf_dispose(&P.tmp);
	ent_buf_dispose(&P.errs);
	free(buf);
	if (!st->entries) {
		snprintf(msg, msgcap, "%s: no actor or agent entry: not a TABARI or PETRARCH dictionary",
			 path);
		return LXP_EINVALID;
	}
	return LXP_OK;
}

bool lx_person_role(const lx_lexicon *lx, int person, int32_t date, char country[4], char agent[4])
{
	const lx_person *p = &lx->persons.items[person];
	if (!p->nroles) {
		memcpy(country, p->country, 4);
		memcpy(agent, p->agent, 4);
		return true;
	}
	const lx_role *best = NULL, *dflt = NULL, *near = NULL;
	int32_t neard = 0;
	for (uint32_t i = 0; i < p->nroles; i++) {
		const lx_role *r = &lx->roles.items[p->role0 + i];
		if (r->undated) {
			if (!dflt)
				dflt = r;
		} else if (r->start <= date && date <= r->end) {
			if (!best)
				best = r; /* the first that holds, as PETRARCH reads them */
		} else if (!r->none) {
			int32_t d = date < r->start ? r->start - date : date - r->end;
			if (!near || d < neard) {
				near = r;
				neard = d;
			}
		}
	}
	const lx_role *r = best ? best : dflt;
	if (r && r->none)
		return false;
	if (!r && !near)
		return false;
	memcpy(country, (r ? r : near)->country, 4);
	if (r)
		memcpy(agent, r->agent, 4);
	else
		agent[0] = 0; /* between its roles: the country alone */
	return true;
}
