/*
 * extract.c: from tokens to events (ARCHITECTURE.md "annotate", "resolve"
 * and "extract" stages, EVENTS.md sections 2-6).
 *
 * For each sentence:
 *  1. lx_match finds lexicon hits (actors, titles, persons, places,
 *     triggers, sectors, cues, time words);
 *  2. dates are read (dates.c rules: "le 10 mai", "du 5 au 12 mai", "en
 *     janvier dernier", weekdays, "hier") and resolved against the article
 *     date;
 *  3. adjacent hits are joined into actor mentions ("le Premier ministre
 *     russe Mikhaïl Michoustine", "son homologue vietnamien", "les deux
 *     parties"), each with the preposition that introduces it (avec, de,
 *     en, entre, par) and the coordination that links it to the next;
 *  4. every trigger takes its source (the nearest subject-like mention
 *     before it, its coordinated partners, a pronoun's antecedent, "de X"
 *     after a noun, or the discourse frame) and its target (the first
 *     mention after it of another country, the visited country for a
 *     visit, or the frame's other side);
 *  5. the discourse frame (the main meeting: its two sides, date and
 *     place) is set by the first meeting and carries to the sentences
 *     that follow.
 * Titles resolve to persons through data/offices.tsv at the event's date.
 * An event needs two different countries; everything else is left out.
 */
#include "extract/engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MENTIONS 64

typedef struct mention {
	uint32_t tok, end;      /* token range [tok, end) */
	char country[4];        /* "" when unknown */
	char agent[4];          /* CAMEO agent or "" */
	int person;             /* lexicon person or -1 */
	int office;             /* office named by a title (OF_*) */
	uint8_t prep;           /* CUE_* of the preposition before it, 0 none */
	bool has_title, counterpart, both, pronoun, loc, adj_only;
	bool coord_next;        /* coordinated with the next mention */
	bool coord_and;         /* ... by "et"/"and" (not only a comma) */
	int place;              /* place index when it names a city, else -1 */
} mention;

typedef struct dexpr {
	uint32_t tok;  /* where it is */
	ent_date d;
	bool year;     /* the year is written out */
	bool weak;     /* the date of a report ("said on Monday"), not of
			* what is reported */
	bool stamp;    /* the date of a French dateline ("Abidjan, 12 mars
			* 2025 (AIP) –"): the dispatch's, no event's */
} dexpr;

typedef struct actor {
	char code[8];
	const char *name;
	char country[4];
	ent_span span;
} actor;

#define MAX_PARTNERS 8

/* The discourse frame: the main actor of the article's meeting(s) and its
 * partners (one for talks, several for a tour or a multilateral meeting). */
typedef struct frame {
	bool set;
	actor a;
	actor b[MAX_PARTNERS];
	int nb;
	bool all_pairs; /* a meeting of three or more: every pair is a side */
	ent_date date;
	int place; /* place index or -1 */
	bool date_set;
	bool date_weak; /* the date is a report's ("said on Monday") */
	bool meeting;   /* set by a meeting (04x), not by a summons or a note */
} frame;

/* Where an event's date comes from: the article's, a report's ("said on
 * Monday"), the main event's (the frame), or its own. */
enum { DK_DOC = 0, DK_REPORT, DK_FRAME, DK_OWN };

typedef struct evdate {
	uint8_t kind;
	ent_date d;
} evdate;

typedef struct ctx {
	const ent_engine *e;
	const lx_lexicon *lx;
	const lx_lang *lang;
	const char *text;
	ent_textinfo ti;
	ent_date docdate;
	frame fr;
	frame title_fr;  /* the headline's two sides, read before the body */
	actor named[MAX_PARTNERS]; /* persons the body names before its frame */
	int nnamed;
	actor last_subject;
	bool have_last_subject;
	ent_doc *out;
	/* per sentence */
	lx_hits hits;
	uint8_t *cue;    /* cue kind covering each token of the sentence (the last) */
	uint32_t *cues;  /* every cue kind covering it, a bit per kind ("sera" is
			  * the future and the passive's auxiliary) */
	uint32_t base;   /* first token of the sentence */
	mention m[MAX_MENTIONS];
	int nm;
	dexpr dates[16];
	int nd;
	int sent_place;  /* place of the sentence, -1 */
	int doc_place;   /* the dateline's city ("Hanoï (VNA) -", "ALGER —"), -1 */
	uint32_t dateline_tok; /* its first token (no mention), UINT32_MAX */
	struct { char cc[4]; uint32_t tok; } seen[64]; /* first mention of each country */
	int nseen;
	char council[4];  /* the last council named ("UN Security Council") */
	/* English: the organisation whose summit the headline tells ("SADC
	 * leaders ... at Harare summit"): "the leaders", "they" are its */
	char summit_org[4];
	/* English: the person who holds each title the article named with
	 * a name ("Qatar's emir, Sheikh Tamim"), for "the emir" later;
	 * ambiguous when two countries' holders were named */
	struct { int32_t title; int person; char cc[4]; char agent[4]; bool amb; } holders[16];
	int nholders;
	int places_seen[8]; /* the first cities named after à/en/in, in order */
	int nplaces_seen;
	bool sent_future; /* a trigger of this sentence was planned, not done */
	bool one_sided;   /* emit may code an event within one country or
			   * with no target (issue #4, domestic_code) */
	uint32_t purpose_tok, purpose_src; /* a trigger that is a meeting's purpose,
					    * and the meeting verb's token */
	/* how each event of out got its date, in step with out->events */
	ENT_VEC(evdate) dkind;
	uint8_t date_kind; /* the DK_* of the events being emitted */
	/* French: the day the last dated event of the current paragraph
	 * took ("a rejeté jeudi ... Son porte-parole a dénoncé ..."), which
	 * dates what the paragraph tells after it (EVENTS.md section 3) */
	ent_date para_date;
	bool para_date_set;
	ent_date last_para_date; /* the date the paragraph before ended on */
	bool last_para_fresh;	 /* ... set by the paragraph right before */
	/* English: the day the lead paragraph told, for the later paragraphs
	 * that tell none and follow no main event */
	ent_date lead_day;
	bool lead_day_done;
	uint32_t para;
	/* English: the paragraph of the first event coded (the lead) */
	uint32_t lead_para;
	bool lead_set;
	/* French: the sides of the last meeting coded in paragraph pair_para */
	actor pair_a, pair_b;
	bool pair_set;
	uint32_t pair_para;
	/* French: the last group of three or more countries that acted
	 * together, in paragraph grp_para ("les trois pays") */
	actor grp[8];
	int ngrp;
	uint32_t grp_para;
	size_t cue_cap;
	ent_buf scratch;
} ctx;

static const lx_entry *entry(const ctx *c, int32_t i)
{
	return &c->lx->entries.items[i];
}

/* The CAMEO code of a trigger hit ("040"). */
/* A CAMEO code of force: roots 18 (assault), 19 (fight) and 20 (mass
 * violence). */
static bool force_code(const char *code)
{
	return (code[0] == '1' && code[1] >= '8') || (code[0] == '2' && code[1] == '0');
}

static const char *hit_code(const ctx *c, const lx_hit *h)
{
	return c->lx->triggers.items[entry(c, h->entry)->value].code;
}

static const char *key(const ctx *c, uint32_t tok, uint32_t *len)
{
	const ent_token *t = &c->ti.toks.items[tok];
	*len = t->klen;
	return c->ti.keys.data + t->key;
}

static bool tok_is(const ctx *c, uint32_t tok, const char *lit)
{
	uint32_t n;
	const char *k = key(c, tok, &n);
	return n == strlen(lit) && memcmp(k, lit, n) == 0;
}

static uint8_t cue_at(const ctx *c, uint32_t tok)
{
	return c->cue[tok - c->base];
}

/* Is a cue of this kind at token tok, among all the cues there? */
static bool has_cue(const ctx *c, uint32_t tok, uint8_t kind)
{
	_Static_assert(CUE_NCUES <= 32, "a bit per cue kind");
	return (c->cues[tok - c->base] >> kind) & 1u;
}

static bool is_en(const ctx *c)
{
	return strcmp(c->lang->name, "en") == 0;
}

/* "Washington's abuse": a name followed by a possessive is an actor. */
static bool possessive_after(const ctx *c, uint32_t tok)
{
	return tok < c->ti.toks.len && (tok_is(c, tok, "'s") || tok_is(c, tok, "'"));
}

/* ---- dates ---- */

/* The number at tok within [lo, hi], or -1. Ordinal days count too
 * ("1er", "21st", "6th"): one or two digits followed by a short suffix. */
static int num_at(const ctx *c, uint32_t tok, uint32_t lo, uint32_t hi)
{
	const ent_token *t = &c->ti.toks.items[tok];
	uint32_t n;
	const char *k = key(c, tok, &n);
	if (t->kind == ENT_TOK_WORD && n >= 2 && n <= 4 && k[0] >= '0' && k[0] <= '9') {
		uint32_t d = k[1] >= '0' && k[1] <= '9' ? 2 : 1;
		const char *suf = k + d;
		size_t sl = n - d;
		static const char *const ORD[] = {"er", "e", "st", "nd", "rd", "th", NULL};
		for (int i = 0; ORD[i]; i++)
			if (strlen(ORD[i]) == sl && memcmp(suf, ORD[i], sl) == 0) {
				int v = atoi(k);
				return v >= (int)lo && v <= (int)hi && hi <= 31 ? v : -1;
			}
		return -1;
	}
	if (t->kind != ENT_TOK_NUM || n > 4)
		return -1;
	int v = atoi(k);
	return (uint32_t)v >= lo && (uint32_t)v <= hi ? v : -1;
}

/* The time entry starting at tok, or NULL. */
static const lx_entry *time_at(const ctx *c, uint32_t tok, uint32_t *ntok)
{
	for (size_t i = 0; i < c->hits.len; i++) {
		const lx_hit *h = &c->hits.items[i];
		if (h->kind == LX_TIME && h->tok == tok) {
			*ntok = h->ntok;
			return entry(c, h->entry);
		}
	}
	return NULL;
}

static void resolve_year(const ctx *c, ent_date *d, int modifier)
{
	const ent_date *ad = &c->docdate;
	if (ad->prec < 1) {
		d->prec = 0;
		return;
	}
	d->y = ad->y;
	if (ad->prec >= 2) {
		if (modifier < 0 && d->m >= ad->m)
			d->y--;
		else if (modifier > 0 && d->m <= ad->m)
			d->y++;
		else if (!modifier && d->m > ad->m + 1)
			d->y--; /* "le 28 décembre" in a January article */
	}
}

static bool trigger_at(const ctx *c, uint32_t tok)
{
	for (size_t i = 0; i < c->hits.len; i++)
		if (c->hits.items[i].kind == LX_TRIGGER && c->hits.items[i].tok <= tok &&
		    c->hits.items[i].tok + c->hits.items[i].ntok > tok)
			return true;
	return false;
}

/* Does a trigger of demand (10x) start at token tok? */
static bool demand_at(const ctx *c, uint32_t tok)
{
	for (size_t i = 0; i < c->hits.len; i++) {
		const lx_hit *h = &c->hits.items[i];
		if (h->kind == LX_TRIGGER && h->tok == tok) {
			const char *hc = hit_code(c, h);
			return hc[0] == '1' && hc[1] == '0';
		}
	}
	return false;
}

/* Does a verb trigger of violent repression (175: "disperse") start at
 * token tok? */
static bool repression_at(const ctx *c, uint32_t tok)
{
	for (size_t i = 0; i < c->hits.len; i++) {
		const lx_hit *h = &c->hits.items[i];
		if (h->kind == LX_TRIGGER && h->tok == tok) {
			const lx_entry *e = entry(c, h->entry);
			return !(e->flags & TF_NOUN) && !strcmp(c->lx->triggers.items[e->value].code, "175");
		}
	}
	return false;
}

/* English: "rebels captured Goma", "troops shelled the town of X"? Does
 * a verb trigger of force (roots 18 to 20) end right before token tok
 * (a determiner between)? The city after it is what the force is used
 * on, a place of its country. */
static bool token_ends(const ctx *c, uint32_t tok, const char *suffix);

/* English: "the army is shelling the hills", "resumed shelling",
 * "kept firing on": a trigger in -ing at token tok right after a form of
 * "be" (an adverb between: "is still shelling") or after a verb of going
 * on (resume, continue, begin, start, keep) is a verb, the act of the
 * subject, even when the lexicon has it as a noun; after stop or cease
 * it stays a noun, no act */
static bool en_ing_verb(const ctx *c, uint32_t tok)
{
	if (tok < c->base + 2 || !token_ends(c, tok, "ing"))
		return false;
	uint32_t p = tok - 1;
	if (has_cue(c, p, CUE_INSERT) || tok_is(c, p, "still") || tok_is(c, p, "again") ||
	    (token_ends(c, p, "ly") && !c->ti.toks.items[p].upper))
		p--;
	static const char *const GOON[] = {
		"is", "are", "was", "were", "been", "be",
		"resume", "resumes", "resumed", "resuming",
		"continue", "continues", "continued", "continuing",
		"begin", "begins", "began", "begun", "beginning",
		"start", "starts", "started", "starting",
		"keep", "keeps", "kept", "keeping"};
	if (trigger_at(c, p))
		return false;
	for (size_t g = 0; g < sizeof GOON / sizeof *GOON; g++)
		if (tok_is(c, p, GOON[g]))
			return true;
	return false;
}

static bool en_force_verb_before(const ctx *c, uint32_t tok)
{
	if (!is_en(c) || tok == 0)
		return false;
	uint32_t k = tok;
	if (k > c->base && cue_at(c, k - 1) == CUE_DET)
		k--;
	/* "shelled residential districts of Kharkiv", "attacked the
	 * outskirts of Homs": the city is the part's, up to three words of
	 * a plain noun phrase before "of" */
	uint32_t k0 = k;
	if (k > c->base + 2 && tok_is(c, k - 1, "of")) {
		uint32_t j = k - 1;
		for (int n = 0; n < 3 && j > c->base && c->ti.toks.items[j - 1].kind == ENT_TOK_WORD &&
				!trigger_at(c, j - 1) && !cue_at(c, j - 1);
		     n++)
			j--;
		if (j > c->base && cue_at(c, j - 1) == CUE_DET)
			j--;
		if (j < k - 1)
			k = j;
	}
	for (size_t i = 0; i < c->hits.len; i++) {
		const lx_hit *h = &c->hits.items[i];
		if (h->kind != LX_TRIGGER || (h->tok + h->ntok != k && h->tok + h->ntok != k0))
			continue;
		const lx_entry *e = entry(c, h->entry);
		const char *code = c->lx->triggers.items[e->value].code;
		/* (a past tense, "captured", "attacked": a force threatened,
		 * "would blockade Rome", is read with the threats) */
		if (force_code(code) &&
		    ((!(e->flags & TF_NOUN) && token_ends(c, h->tok + h->ntok - 1, "ed")) ||
		     en_ing_verb(c, h->tok)))
			return true;
	}
	return false;
}

static void add_date(ctx *c, uint32_t tok, ent_date d, bool year)
{
	if (d.prec <= 0 || c->nd >= 16)
		return;
	c->dates[c->nd].tok = tok;
	c->dates[c->nd].d = d;
	c->dates[c->nd].year = year;
	/* "the ministry said on Monday", "according to his statement on June
	 * 5": a reporting verb shortly before the date, with no trigger in
	 * between, dates the report */
	bool weak = false;
	for (uint32_t k = tok, n = 0; k > c->base && n < 4; n++) {
		k--;
		if (cue_at(c, k) == CUE_REPORT) {
			weak = true;
			break;
		}
		if (trigger_at(c, k) || cue_at(c, k) == CUE_COORD || tok_is(c, k, ","))
			break;
	}
	/* "MOSCOW (Sputnik - 21st March, 2023) The ministry ...": a date in
	 * brackets stamps the dispatch */
	for (uint32_t k = tok; k > c->base && !weak; k--) {
		if (tok_is(c, k - 1, ")"))
			break;
		if (tok_is(c, k - 1, "("))
			for (uint32_t j = tok + 1; j < tok + 6 && j < c->ti.toks.len; j++)
				if (tok_is(c, j, ")")) {
					weak = true;
					break;
				}
	}
	c->dates[c->nd].weak = weak;
	/* "Abidjan, 12 mars 2025 (AIP) – Le président a reçu mardi 11 mars
	 * ...", "Berne, 20.11.2024 – ...": the date right after the dateline's
	 * city stamps the dispatch; it dates none of the sentence's events
	 * (the article date stands for it) */
	c->dates[c->nd].stamp = c->dateline_tok != UINT32_MAX &&
				c->dateline_tok >= c->base && tok > c->dateline_tok &&
				tok <= c->dateline_tok + 4;
	c->nd++;
}

static bool is_weekday(const ctx *c, uint32_t tok)
{
	uint32_t nt;
	const lx_entry *e = time_at(c, tok, &nt);
	return e && e->sub == TM_WEEKDAY;
}

/* "20.01.2022", "20/01/2022", "03-04-2024", "2025-04-22": day, month and
 * year in figures. */
static bool numeric_date(ctx *c, uint32_t i, uint32_t to)
{
	if (i + 4 >= to)
		return false;
	/* "2025-04-22": the ISO form, year first */
	int iy = num_at(c, i, 1900, 2100);
	if (iy > 0 && tok_is(c, i + 1, "-") && tok_is(c, i + 3, "-")) {
		int im = num_at(c, i + 2, 1, 12), id = num_at(c, i + 4, 1, 31);
		const ent_token *tt = c->ti.toks.items;
		if (im > 0 && id > 0 && id <= ent_days_in_month(iy, im) && !tt[i + 1].space &&
		    !tt[i + 3].space && tt[i + 2].len == 2 && tt[i + 4].len == 2) {
			ent_date dd = {.y = iy, .m = im, .d = id, .prec = 3};
			add_date(c, i, dd, true);
			return true;
		}
	}
	int d = num_at(c, i, 1, 31), m = num_at(c, i + 2, 1, 31), y = num_at(c, i + 4, 1900, 2100);
	/* "12/23/2023": month first when the second number cannot be a month,
	 * or in English text with slashes when both could be */
	if (d > 0 && m > 12 && d <= 12) {
		int x = d; d = m; m = x;
	} else if (d > 0 && m > 0 && d <= 12 && m <= 12 && tok_is(c, i + 1, "/") &&
		   strcmp(c->lang->name, "en") == 0) {
		int x = d; d = m; m = x;
	}
	if (m > 12)
		return false;
	bool sep = (tok_is(c, i + 1, ".") && tok_is(c, i + 3, ".")) ||
		   (tok_is(c, i + 1, "/") && tok_is(c, i + 3, "/")) ||
		   (tok_is(c, i + 1, "-") && tok_is(c, i + 3, "-"));
	if (d < 0 || m < 0 || y < 0 || !sep)
		return false;
	const ent_token *t = c->ti.toks.items;
	if (t[i + 1].space || t[i + 2].space || t[i + 3].space || t[i + 4].space)
		return false;
	if (d > ent_days_in_month(y, m))
		return false;
	ent_date dd = {.y = y, .m = m, .d = d, .prec = 3};
	add_date(c, i, dd, true);
	return true;
}

/* "concluded his two-day visit", "a achevé sa visite de trois jours",
 * "wrapped up a 3-day trip": a visit that ends on the sentence's date
 * began N - 1 days before. Returns N - 1, or 0. */
static int visit_end_days(const ctx *c, uint32_t from, uint32_t to, uint32_t trig)
{
	static const char *const ends[] = {"concluded", "concludes", "ended", "ends", "wrapped",
		"wraps", "completed", "achevé", "acheve", "achève", "terminé", "termine",
		"conclu", "conclut", "clôturé", "cloture", "clôture", "clos", NULL};
	static const char *const nums[] = {"two", "three", "four", "five", "six", "seven",
		"deux", "trois", "quatre", "cinq", "six", "sept", NULL};
	static const int vals[] = {2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7};
	bool end = false;
	for (uint32_t i = from; i < to && i < trig + 2; i++)
		for (int k = 0; ends[k]; k++)
			if (tok_is(c, i, ends[k]))
				end = true;
	if (!end)
		return 0;
	for (uint32_t i = trig > from + 6 ? trig - 6 : from; i < to && i < trig + 8; i++) {
		int n = num_at(c, i, 2, 14);
		for (int k = 0; n < 0 && nums[k]; k++)
			if (tok_is(c, i, nums[k]))
				n = vals[k];
		if (n < 2)
			continue;
		/* "two-day", "2-day"; "de deux jours" */
		if (i + 2 < to && tok_is(c, i + 1, "-") &&
		    (tok_is(c, i + 2, "day") || tok_is(c, i + 2, "days")))
			return n - 1;
		if (i + 1 < to && (tok_is(c, i + 1, "jours") || tok_is(c, i + 1, "days")) &&
		    i > from && tok_is(c, i - 1, "de"))
			return n - 1;
	}
	return 0;
}

/* Does the token end with `suffix` (folded)? */
static bool token_ends(const ctx *c, uint32_t tok, const char *suffix)
{
	uint32_t n;
	const char *k = key(c, tok, &n);
	size_t l = strlen(suffix);
	return n > l && memcmp(k + n - l, suffix, l) == 0;
}

/* A French verb in the future tense, third person ("discuteront",
 * "accompagnera", "se rendront"): -ront, -eront or -ira, -era on a word
 * of six letters or more. */
static bool french_future(const ctx *c, uint32_t tok, uint32_t ntok)
{
	for (uint32_t i = tok; i < tok + ntok; i++) {
		uint32_t n;
		key(c, i, &n);
		if (n < 6 || c->ti.toks.items[i].upper)
			continue;
		if (token_ends(c, i, "eront") || token_ends(c, i, "iront") ||
		    token_ends(c, i, "era") || token_ends(c, i, "ira"))
			return true;
	}
	return false;
}

static void read_dates(ctx *c, uint32_t from, uint32_t to)
{
	c->nd = 0;
	for (uint32_t i = from; i < to; i++) {
		uint32_t nt;
		const lx_entry *te = time_at(c, i, &nt);
		if (te && te->sub == TM_MONTH) {
			ent_date d = {0};
			d.m = te->value;
			uint32_t at = i;
			int day = i > from ? num_at(c, i - 1, 1, 31) : -1;
			if (day > 0) {
				at = i - 1;
				/* "du 5 au 12 mai", "du mardi 6 au vendredi 9 juin": a span
				 * takes its first day */
				uint32_t k = i - 1; /* the second day */
				if (k > from && is_weekday(c, k - 1))
					k--;
				if (k >= from + 2 && (cue_at(c, k - 1) == CUE_PLACE_PREP ||
						      tok_is(c, k - 1, "-") || cue_at(c, k - 1) == CUE_COORD)) {
					uint32_t j = k - 2;
					int d1 = num_at(c, j, 1, 31);
					if (d1 > 0 && d1 <= day) {
						day = d1;
						at = j;
						if (j > from && is_weekday(c, j - 1))
							at = j - 1;
					}
				}
			}
			uint32_t after = i + nt;
			if (day < 0 && after < to && num_at(c, after, 1, 31) > 0) {
				/* "March 20", "September 10, 2022": the day after the month */
				day = num_at(c, after, 1, 31);
				after++;
			}
			if (after + 1 < to && tok_is(c, after, ",") && num_at(c, after + 1, 1900, 2100) > 0)
				after++; /* "March 20, 2023", "21st March, 2023" */
			int year = after < to ? num_at(c, after, 1900, 2100) : -1;
			int mod = 0;
			uint32_t nt2;
			const lx_entry *me = after < to ? time_at(c, after, &nt2) : NULL;
			if (me && me->sub == TM_MODIFIER)
				mod = me->value;
			/* a month word alone must read as a date: "sept accords" is
			 * seven agreements and "May" may be a verb, while "en mai",
			 * "in May" and "mai dernier" are months */
			if (day < 0 && year < 0 && !(me && me->sub == TM_MODIFIER) &&
			    !(i > from && cue_at(c, i - 1) == CUE_PLACE_PREP))
				continue;
			if (year > 0) {
				d.y = year;
				d.prec = 2;
			} else {
				resolve_year(c, &d, mod);
				d.prec = d.y ? 2 : 0;
			}
			if (day > 0 && d.prec == 2 && day <= ent_days_in_month(d.y, d.m)) {
				d.d = day;
				d.prec = 3;
			}
			add_date(c, at, d, year > 0);
			i = (year > 0 ? after + 1 : after) - 1;
			continue;
		}
		if (te && te->sub == TM_RELDAY) {
			if (c->docdate.prec == 3) {
				ent_date d = c->docdate;
				ent_date_add_days(&d, te->value);
				add_date(c, i, d, false);
			} else {
				add_date(c, i, c->docdate, false);
			}
			i += nt - 1;
			continue;
		}
		if (te && te->sub == TM_RELREF) {
			/* English: "had ordered him to leave in August. Paris
			 * refused at the time": the time of the act the text told
			 * last, whatever it names of it (a month, a year) */
			if (is_en(c) && tok_is(c, i, "at") && te->value == 0 && c->out->events.len &&
			    c->nd == 0 &&
			    c->dkind.len == c->out->events.len &&
			    c->dkind.items[c->dkind.len - 1].kind == DK_OWN &&
			    c->out->events.items[c->out->events.len - 1].sentence.start <
				    c->ti.toks.items[from].start) {
				ent_date then = c->dkind.items[c->dkind.len - 1].d;
				if (!(i + nt < to && cue_at(c, i + nt) == CUE_OF))
					add_date(c, i, then, false);
				i += nt - 1;
				continue;
			}
			/* "a reçu hier son homologue, arrivé la veille à Dakar": a
			 * day counted from the date the sentence told before it
			 * (else the main meeting's); "la veille de sa visite"
			 * counts from an event, not a date */
			ent_date ref = {0};
			/* English: "since Trump returned in January, and it came a
			 * day after ...": a month counts no day, look further */
			for (int k = c->nd - 1; k >= 0 && !ref.prec; k--)
				if (!c->dates[k].stamp && (!is_en(c) || c->dates[k].d.prec == 3))
					ref = c->dates[k].d;
			/* "s'est entretenu lundi 9 juin avec ... Le lendemain, il a
			 * été reçu": the day the paragraph told before */
			if (!ref.prec && !is_en(c) && c->para_date_set)
				ref = c->para_date;
			/* English: "Islamabad hit back hours later": the day the
			 * text told last, in this paragraph or the one before */
			if (!ref.prec && is_en(c) && c->para_date_set)
				ref = c->para_date;
			if (!ref.prec && is_en(c) && c->last_para_date.prec)
				ref = c->last_para_date;
			if (!ref.prec && c->fr.date_set)
				ref = c->fr.date;
			/* "a reçu dans l'après-midi": with no day told before,
			 * later the same day is the dispatch's day */
			if (!ref.prec && !is_en(c) && te->value == 0)
				ref = c->docdate;
			if (ref.prec == 3 && !(i + nt < to && cue_at(c, i + nt) == CUE_OF)) {
				ent_date_add_days(&ref, te->value);
				add_date(c, i, ref, false);
				/* (not "two days after X did Y": Y is background) */
				if (is_en(c) && !tok_is(c, i + nt - 1, "after")) {
					/* ... and it dates what the paragraph tells next */
					c->para_date = ref;
					c->para_date_set = true;
				}
			}
			i += nt - 1;
			continue;
		}
		if (te && te->sub == TM_WEEKDAY) {
			/* a weekday with a day and month is read at the month */
			uint32_t nt3;
			bool explicit_day = i + nt + 1 < to && num_at(c, i + nt, 1, 31) > 0 &&
					    time_at(c, i + nt + 1, &nt3) != NULL;
			if (explicit_day)
				continue;
			if (c->docdate.prec == 3) {
				ent_date d = c->docdate;
				int wd = ent_date_weekday(&d);
				int back = (wd - te->value + 7) % 7;
				uint32_t nt4;
				const lx_entry *me = i + nt < to ? time_at(c, i + nt, &nt4) : NULL;
				if (me && me->sub == TM_MODIFIER && me->value > 0)
					back = -((te->value - wd + 7) % 7);
				else if (me && me->sub == TM_MODIFIER && me->value < 0 && back == 0)
					back = 7;
				ent_date_add_days(&d, -back);
				add_date(c, i, d, false);
			} else if (c->docdate.prec >= 1) {
				add_date(c, i, c->docdate, false);
			}
			continue;
		}
		/* "en 2024" */
		if (cue_at(c, i) == CUE_PLACE_PREP && i + 1 < to) {
			int y = num_at(c, i + 1, 1900, 2100);
			uint32_t nt5;
			if (y > 0 && !(i + 2 < to && time_at(c, i + 2, &nt5))) {
				ent_date d = {.y = y, .prec = 1};
				add_date(c, i + 1, d, true);
				i++;
			}
			continue;
		}
		if (numeric_date(c, i, to))
			i += 4;
	}
}

/* ---- mentions ---- */

static void mention_set_country(mention *m, const char *code)
{
	if (!m->country[0])
		memcpy(m->country, code, 3);
	/* "le chef du PCV": the organisation's agent beats a generic title's */
	if (strlen(code) == 6 && (!m->agent[0] || m->office == OF_NONE))
		memcpy(m->agent, code + 3, 3);
}

/* Tokens between a and b are only glue (determiners, "de", commas,
 * brackets). Reports whether a comma or a "de" was among them. */
static bool glue_between(const ctx *c, uint32_t a, uint32_t b, bool *comma, bool *of,
			 bool *coord, bool *place)
{
	*comma = *of = *coord = *place = false;
	for (uint32_t i = a; i < b; i++) {
		uint8_t k = cue_at(c, i);
		if (k == CUE_DET || k == CUE_POSSESSIVE)
			continue;
		if (k == CUE_OF) {
			*of = true;
			continue;
		}
		if (k == CUE_COORD) {
			*coord = true;
			continue;
		}
		if (k == CUE_PLACE_PREP) {
			*place = true;
			continue;
		}
		if (tok_is(c, i, ",")) {
			*comma = true;
			continue;
		}
		if (tok_is(c, i, "-") && b == a + 1) {
			*coord = true; /* "Vietnam–Russie" */
			continue;
		}
		if (tok_is(c, i, "(") || tok_is(c, i, ")"))
			continue;
		/* "Bui Thanh Son (R) and his counterpart": a caption's mark */
		if (i > a && tok_is(c, i - 1, "(") && i + 1 < b && tok_is(c, i + 1, ")") &&
		    c->ti.toks.items[i].len <= 2)
			continue;
		return false;
	}
	return true;
}

static uint8_t prep_before(const ctx *c, uint32_t tok)
{
	uint32_t i = tok;
	bool side = false;
	while (i > c->base) {
		i--;
		uint8_t k = cue_at(c, i);
		if (k == CUE_DET || k == CUE_POSSESSIVE)
			continue;
		if (k == CUE_WITH || k == CUE_BY || k == CUE_BETWEEN || k == CUE_OF ||
		    k == CUE_PLACE_PREP)
			return !side || k == CUE_PLACE_PREP ? k : 0;
		/* English: "in south Lebanon", "in northern Iraq": a point of
		 * the compass before a place is part of where (issue #4) */
		static const char *const compass[] = {"north", "south", "east", "west", "northern",
			"southern", "eastern", "western", "central"};
		bool part = false;
		for (size_t w = 0; w < sizeof compass / sizeof *compass && is_en(c) && i + 1 == tok; w++)
			part = part || tok_is(c, i, compass[w]);
		if (part) {
			side = true;
			continue;
		}
		return 0;
	}
	return 0;
}

/* The preposition before a place: prep_before's, or place_prep when a
 * place noun names it ("dans la capitale vietnamienne Hanoï", "the Kazakh
 * capital, Astana"; gz_place_noun_before). */
static uint8_t place_prep_before(const ctx *c, uint32_t tok)
{
	uint8_t pr = prep_before(c, tok);
	if (pr == CUE_PLACE_PREP)
		return pr;
	gz_sentence gs = {.text = c->text, .ti = &c->ti, .from = c->base, .to = tok + 1,
			  .cue = c->cue};
	return gz_place_noun_before(c->lx, &gs, &c->hits, tok) ? CUE_PLACE_PREP : pr;
}

/* An atom: one hit that can start or extend a mention. */
typedef struct atom {
	uint32_t tok, end;
	uint8_t kind;     /* LX_ACTOR, LX_TITLE, LX_PERSON, LX_PLACE, LX_CUE */
	const lx_entry *en;
} atom;

/* English: is token k "embassy" or "consulate"? A country name right before
 * it names the country's mission, no place ("at the United States
 * embassy") */
static bool mission_noun(const ctx *c, uint32_t k)
{
	return tok_is(c, k, "embassy") || tok_is(c, k, "consulate");
}

static bool en_attribution_at(const ctx *c, uint32_t k, uint32_t to);
static bool all_caps(const ctx *c, uint32_t tok, uint32_t n);

static void build_mentions(ctx *c, uint32_t from, uint32_t to)
{
	(void)from;
	(void)to;
	c->nm = 0;
	c->sent_place = -1;
	atom atoms[MAX_MENTIONS * 2];
	int na = 0;
	uint32_t last_end = 0;
	for (size_t i = 0; i < c->hits.len && na < MAX_MENTIONS * 2; i++) {
		const lx_hit *h = &c->hits.items[i];
		const lx_entry *en = entry(c, h->entry);
		bool take = h->kind == LX_ACTOR || h->kind == LX_TITLE ||
			    h->kind == LX_PERSON || h->kind == LX_PLACE ||
			    (h->kind == LX_CUE && (en->sub == CUE_BOTH || en->sub == CUE_COUNTERPART ||
						   en->sub == CUE_PRONOUN));
		if (!take)
			continue;
		/* "US $50 million", "70 million U.S. dollars": a currency, no
		 * actor (issue #4) */
		if (h->kind == LX_ACTOR && is_en(c) && h->tok + h->ntok < c->ti.toks.len &&
		    (tok_is(c, h->tok + h->ntok, "$") || tok_is(c, h->tok + h->ntok, "dollars") ||
		     tok_is(c, h->tok + h->ntok, "dollar")))
			continue;
		/* "teaching in the Hungarian language", "Arabic-language media": a
		 * language names no actor */
		if (h->kind == LX_ACTOR && is_en(c) && en->sub == AK_ADJ && h->tok + h->ntok + 1 < to &&
		    (tok_is(c, h->tok + h->ntok, "language") || tok_is(c, h->tok + h->ntok, "languages") ||
		     (tok_is(c, h->tok + h->ntok, "-") && tok_is(c, h->tok + h->ntok + 1, "language"))))
			continue;
		/* "a stronghold on the Thai border", "villages along the Kenyan
		 * frontier": a border after a preposition of place is where,
		 * not whom ("crossed the Ukrainian border" keeps its target) */
		if (h->kind == LX_ACTOR && is_en(c) && en->sub == AK_ADJ && h->tok >= from + 2 &&
		    h->tok + h->ntok < to &&
		    (tok_is(c, h->tok + h->ntok, "border") || tok_is(c, h->tok + h->ntok, "frontier")) &&
		    tok_is(c, h->tok - 1, "the") &&
		    (tok_is(c, h->tok - 2, "on") || tok_is(c, h->tok - 2, "along") ||
		     tok_is(c, h->tok - 2, "near") || tok_is(c, h->tok - 2, "at")))
			continue;
		/* "a crisis meeting of his security council": an organisation
		 * of several words after a possessive, in lower case, is the
		 * subject's own body */
		if (h->kind == LX_ACTOR && is_en(c) && h->ntok >= 2 && en->sub == AK_ORG && h->tok > from &&
		    c->ti.toks.items[h->tok].kind == ENT_TOK_WORD && !c->ti.toks.items[h->tok].upper &&
		    cue_at(c, h->tok - 1) == CUE_POSSESSIVE)
			continue;
		/* "a proposé la réunion d'une commission": a French country
		 * name written wholly in lower case is a common noun */
		if (h->kind == LX_ACTOR && !is_en(c) && en->sub == AK_NAME) {
			bool cap = false;
			for (uint32_t k = h->tok; k < h->tok + h->ntok && !cap; k++)
				cap = c->ti.toks.items[k].kind != ENT_TOK_WORD || c->ti.toks.items[k].upper;
			if (!cap)
				continue;
		}
		/* "le groupe vietnamien Thai Binh", "la province de Thai
		 * Nguyen": a capitalised adjective inside a sentence, followed
		 * by a capitalised word that is no person or title, is part of
		 * a proper name (French adjectives of nationality are written
		 * in lower case) */
		if (h->kind == LX_ACTOR && !is_en(c) && en->sub == AK_ADJ && h->tok > from &&
		    c->ti.toks.items[h->tok].upper && h->tok + h->ntok < to &&
		    c->ti.toks.items[h->tok + h->ntok].kind == ENT_TOK_WORD &&
		    c->ti.toks.items[h->tok + h->ntok].upper) {
			bool named = false;
			for (size_t k = i + 1; k < c->hits.len && c->hits.items[k].tok <= h->tok + h->ntok; k++)
				if (c->hits.items[k].tok == h->tok + h->ntok &&
				    (c->hits.items[k].kind == LX_PERSON || c->hits.items[k].kind == LX_TITLE ||
				     c->hits.items[k].kind == LX_ACTOR))
					named = true;
			if (!named)
				continue;
		}
		/* "their bilateral Foreign Office Consultations": a ministry's
		 * name that qualifies a round of consultations names its format,
		 * not the ministry acting */
		if (h->kind == LX_ACTOR && is_en(c) && en->sub == AK_ORG && h->tok + h->ntok < to &&
		    (tok_is(c, h->tok + h->ntok, "consultations") ||
		     tok_is(c, h->tok + h->ntok, "consultation")))
			continue;
		/* "South American presidents", "Latin American leaders": the
		 * continent's adjective names no country */
		if (h->kind == LX_ACTOR && is_en(c) && en->sub == AK_ADJ && h->tok > from &&
		    !strncmp(c->lx->actors.items[en->value].code, "USA", 3) &&
		    c->ti.toks.items[h->tok - 1].upper &&
		    (tok_is(c, h->tok - 1, "south") || tok_is(c, h->tok - 1, "latin") ||
		     tok_is(c, h->tok - 1, "north") || tok_is(c, h->tok - 1, "central")))
			continue;
		/* "pro-Russian rebels", "a pro-Western party": those who side
		 * with a country are not of it */
		if (h->kind == LX_ACTOR && is_en(c) && h->tok >= 2 && tok_is(c, h->tok - 1, "-") &&
		    tok_is(c, h->tok - 2, "pro"))
			continue;
		/* "the Syrian-backed militia", "Russian-made rockets": a
		 * country that backs, arms or made a thing qualifies it, and
		 * is no side of the act (issue #4) */
		if (h->kind == LX_ACTOR && is_en(c) && h->tok + h->ntok + 1 < to &&
		    tok_is(c, h->tok + h->ntok, "-")) {
			static const char *const patron[] = {"backed", "funded", "financed", "sponsored",
				"supported", "armed", "trained", "made", "built", "manufactured",
				/* "al-Qaeda-linked rebels", "Iran-aligned militias":
				 * tied to the group or country, not of it */
				"linked", "allied", "affiliated", "aligned", "inspired",
				/* "on Taiwan-related matters": a topic */
				"related"};
			bool qual = false;
			for (size_t w = 0; w < sizeof patron / sizeof *patron; w++)
				qual = qual || tok_is(c, h->tok + h->ntok + 1, patron[w]);
			if (qual)
				continue;
		}
		/* A place after a preposition is a place, not a metonym actor;
		 * where both are listed at the same spot keep one atom. */
		if (na && atoms[na - 1].tok == h->tok) {
			atom *p = &atoms[na - 1];
			if (h->kind == LX_PLACE && p->kind == LX_ACTOR) {
				if (place_prep_before(c, h->tok) == CUE_PLACE_PREP &&
				    !possessive_after(c, h->tok + h->ntok)) {
					p->kind = LX_PLACE;
					p->en = en;
				}
			} else if (h->kind == LX_ACTOR && p->kind == LX_PLACE &&
				   place_prep_before(c, h->tok) != CUE_PLACE_PREP) {
				p->kind = LX_ACTOR;
				p->en = en;
			}
			continue;
		}
		if (na && h->tok < last_end)
			continue;
		atoms[na].tok = h->tok;
		atoms[na].end = h->tok + h->ntok;
		atoms[na].kind = h->kind;
		atoms[na].en = en;
		last_end = atoms[na].end;
		na++;
	}
	mention *cur = NULL;
	for (int i = 0; i < na; i++) {
		const atom *a = &atoms[i];
		/* "ALGER — Le ministre ...": the dateline is where the news was
		 * written, not an actor of the sentence */
		if (a->tok == c->dateline_tok)
			continue;
		/* a digest's later item opens with its own dateline ("OSLO -
		 * Norway pledged ..."): a city in capitals opening the
		 * paragraph, followed by a dash or a bracket */
		if (a->tok == c->base && c->ti.toks.items[a->tok].nl && a->end < to &&
		    (a->kind == LX_PLACE || (a->kind == LX_ACTOR && a->en->sub == AK_CAPITAL)) &&
		    (tok_is(c, a->end, "-") || tok_is(c, a->end, "(")) &&
		    all_caps(c, a->tok, a->end - a->tok)) {
			for (size_t h = 0; h < c->hits.len && c->sent_place < 0; h++)
				if (c->hits.items[h].kind == LX_PLACE && c->hits.items[h].tok == a->tok)
					c->sent_place = entry(c, c->hits.items[h].entry)->value;
			continue;
		}
		if (a->kind == LX_PLACE) {
			const lx_place *pl = &c->lx->places.items[a->en->value];
			uint8_t pr = place_prep_before(c, a->tok);
			if (c->sent_place < 0 && pr == CUE_PLACE_PREP)
				c->sent_place = a->en->value;
			/* the gazetteer's cities are not guesses for the meeting's
			 * place ("a 'Hello Lula!' rally in Houston") */
			if (pr == CUE_PLACE_PREP && c->nplaces_seen < 8 &&
			    !(c->e->gz.loaded && (size_t)a->en->value >= c->e->gz.first_place))
				c->places_seen[c->nplaces_seen++] = a->en->value;
			/* English: "the government of Sindh province", "the
			 * governor of the Tyumen region": a title of a place the
			 * gazetteer knows is of that place's country */
			uint32_t ofk = a->tok > c->base && cue_at(c, a->tok - 1) == CUE_DET ? a->tok - 1 : a->tok;
			if (is_en(c) && pr != CUE_PLACE_PREP && cur && c->nm > 0 && cur == &c->m[c->nm - 1] &&
			    cur->has_title && !cur->country[0] && cur->person < 0 && !cur->loc &&
			    ofk > c->base && cur->end + 1 == ofk && tok_is(c, ofk - 1, "of")) {
				memcpy(cur->country, pl->country, 3);
				continue;
			}
			/* "rebels captured Goma": the city a force is used on
			 * is a located mention of its country too */
			if (pr != CUE_PLACE_PREP && !en_force_verb_before(c, a->tok))
				continue;
			/* "à Moscou": a located mention of the country */
			if (c->nm >= MAX_MENTIONS)
				break;
			cur = NULL;
			mention *m = &c->m[c->nm++];
			memset(m, 0, sizeof *m);
			m->tok = a->tok;
			m->end = a->end;
			m->person = -1;
			m->place = a->en->value;
			memcpy(m->country, pl->country, 3);
			m->loc = true;
			m->prep = pr;
			continue;
		}
		/* English: "the National Liberation Army (ELN) agreed": the
		 * short form in brackets right after a name of the same
		 * country is that name again, no further party */
		if (cur && is_en(c) && cur == &c->m[c->nm - 1] && a->kind == LX_ACTOR &&
		    a->en->sub != AK_ADJ && cur->country[0] && a->tok == cur->end + 1 &&
		    tok_is(c, cur->end, "(") && a->end < to && tok_is(c, a->end, ")") &&
		    !strncmp(c->lx->actors.items[a->en->value].code, cur->country, 3)) {
			cur->end = a->end + 1;
			continue;
		}
		bool comma = false, of = false, coord = false, place = false;
		bool glue = cur && glue_between(c, cur->end, a->tok, &comma, &of, &coord, &place);
		/* English: "to Chile, Peru, Bolivia, and under strict terms,
		 * Cuba": a short aside between the closing "and" of a list
		 * and its last item leaves the item in the list */
		if (!glue && cur && is_en(c) && c->nm >= 2 && cur == &c->m[c->nm - 1] &&
		    c->m[c->nm - 2].coord_next && a->kind == LX_ACTOR && a->tok >= cur->end + 4 &&
		    a->tok <= cur->end + 8 && tok_is(c, a->tok - 1, ",")) {
			uint32_t k = cur->end;
			if (tok_is(c, k, ","))
				k++;
			bool aside = cue_at(c, k) == CUE_COORD && k + 2 < a->tok;
			/* not once an "and" has closed the list already */
			for (int q = c->nm - 2; aside && q >= 0 && c->m[q].coord_next; q--)
				if (c->m[q].coord_and)
					aside = false;
			for (uint32_t j = k + 1; aside && j + 1 < a->tok; j++)
				if (c->ti.toks.items[j].kind != ENT_TOK_WORD || trigger_at(c, j) ||
				    cue_at(c, j) == CUE_COORD)
					aside = false;
			if (aside)
				glue = comma = coord = true;
		}
		if (a->kind == LX_ACTOR && a->en->sub == AK_NAME && cur && glue && !comma && !of &&
		    !cur->country[0] && (cur->has_title || cur->counterpart)) {
			/* "le président suisse": the adjective reading of a word that
			 * is also a country's name */
			for (int32_t e = a->en->next; e >= 0; e = entry(c, e)->next)
				if (entry(c, e)->kind == LX_ACTOR && entry(c, e)->sub == AK_ADJ) {
					atoms[i].en = entry(c, e);
					break;
				}
		}
		bool join = false;
		if (glue && !coord && !place) {
			if (a->kind == LX_PERSON) {
				const lx_person *p = &c->lx->persons.items[a->en->value];
				join = cur->person < 0 && !of &&
				       (cur->has_title || cur->counterpart || cur->adj_only ||
					(comma && strcmp(cur->country, p->country) == 0));
			}
			else if (a->kind == LX_ACTOR && a->en->sub == AK_ADJ)
				join = (cur->has_title || cur->counterpart || cur->person >= 0) &&
				       !comma && !of && !cur->country[0];
			else if (a->kind == LX_ACTOR)
				join = (cur->has_title || cur->counterpart) && of && !comma &&
				       !cur->country[0];
			else if (a->kind == LX_TITLE)
				join = (cur->person >= 0 && comma && !cur->has_title) ||
				       (cur->has_title && cur->person < 0 && !comma) ||
				       /* "British Prime Minister", "Chinese ambassador" */
				       (cur->adj_only && a->tok == cur->end) ||
				       /* "Bangladesh President", "China Coast Guard": a
				        * country's name before a title qualifies it */
				       (is_en(c) && a->tok == cur->end && cur->country[0] && !cur->has_title &&
					cur->person < 0 && !cur->counterpart && !cur->loc &&
					(c->ti.toks.items[a->tok].upper ||
					 /* "European Community foreign ministers" */
					 (i > 0 && atoms[i - 1].kind == LX_ACTOR &&
					  atoms[i - 1].en->sub == AK_ORG && atoms[i - 1].end == a->tok))) ||
				       /* "at the United States embassy": the
				        * country's mission, not a place */
				       (is_en(c) && a->tok == cur->end && cur->country[0] && !cur->has_title &&
					cur->person < 0 && !cur->counterpart &&
					mission_noun(c, a->tok));
			else if (a->kind == LX_CUE && a->en->sub == CUE_COUNTERPART)
				/* "his Vietnamese counterpart" */
				join = cur->adj_only && a->tok == cur->end;
		}
		/* English: "Mexico's president", "Japan's foreign minister": a
		 * country's possessive before a title qualifies it */
		if (!join && cur && is_en(c) && a->kind == LX_TITLE && a->tok == cur->end + 1 &&
		    tok_is(c, cur->end, "'s") && cur->country[0] && !cur->has_title &&
		    cur->person < 0 && !cur->counterpart && !cur->loc && !cur->prep && !cur->both &&
		    !cur->pronoun)
			join = true;
		if (!join && cur && !glue && a->kind == LX_PERSON && cur->has_title && cur->person < 0 &&
		    a->tok > cur->end && a->tok - cur->end <= 7 && cue_at(c, cur->end) == CUE_OF) {
			/* "la ministre française de l'Enseignement supérieur, Retailleau": a
			 * portfolio the lexicon does not know between title and name */
			const lx_person *p = &c->lx->persons.items[a->en->value];
			bool words = true;
			for (uint32_t k = cur->end; k < a->tok; k++) {
				const ent_token *tk = &c->ti.toks.items[k];
				if (tk->kind != ENT_TOK_WORD && !tok_is(c, k, ","))
					words = false;
			}
			join = words && (!cur->country[0] || strcmp(cur->country, p->country) == 0);
		}
		/* "des entreprises américaines du secteur de la défense": a
		 * portfolio fragment of titles.tsv ("de la Défense", "des
		 * Affaires étrangères") with no title shortly before it to join
		 * names nobody */
		if (!join && !is_en(c) && a->kind == LX_TITLE &&
		    (tok_is(c, a->tok, "de") || tok_is(c, a->tok, "des") || tok_is(c, a->tok, "du")) &&
		    (!cur || !cur->has_title || cur->end + 8 < a->tok))
			continue;
		if (!join) {
			if (c->nm >= MAX_MENTIONS)
				break;
			/* "... to Chile and Peru, a Brazilian-owned
			 * daily reports": the one reporting after the comma is
			 * no further item of the list */
			bool reporter = comma && !coord && is_en(c) && tok_is(c, cur->end, ",") &&
					en_attribution_at(c, cur->end, to);
			if (cur && glue && (coord || comma) && !(comma && a->kind == LX_TITLE) && !reporter) {
				cur->coord_next = true;
				cur->coord_and = coord;
			}
			cur = &c->m[c->nm++];
			memset(cur, 0, sizeof *cur);
			cur->tok = a->tok;
			cur->person = -1;
			cur->place = -1;
			cur->prep = prep_before(c, a->tok);
			if (!cur->prep && a->kind == LX_ACTOR && a->en->sub == AK_ADJ &&
			    a->tok > c->base + 1 &&
			    (!cue_at(c, a->tok - 1) || cue_at(c, a->tok - 1) == CUE_PLACE_NOUN) &&
			    c->ti.toks.items[a->tok - 1].kind == ENT_TOK_WORD)
				/* "par le régime israélien": the adjective's noun decides */
				cur->prep = prep_before(c, a->tok - 1);
			if (!cur->prep && is_en(c))
				/* "arrived in Amman": the trigger holds the
				 * preposition, what follows is the destination */
				for (size_t h = 0; h < c->hits.len; h++) {
					const lx_hit *o = &c->hits.items[h];
					if (o->kind == LX_TRIGGER && o->ntok >= 2 &&
					    o->tok + o->ntok == a->tok && entry(c, o->entry)->sub == FR_VISIT &&
					    c->ti.toks.items[a->tok - 1].kind == ENT_TOK_WORD &&
					    c->ti.toks.items[a->tok - 1].len <= 4)
						cur->prep = CUE_PLACE_PREP;
				}
			/* "en Russie" is a destination; "au gouvernement de l'Inde" is not */
			cur->loc = cur->prep == CUE_PLACE_PREP && a->kind == LX_ACTOR &&
				   (a->en->sub == AK_NAME || a->en->sub == AK_CAPITAL);
			if (cur->prep == CUE_PLACE_PREP && possessive_after(c, a->end))
				/* "in response to Washington's decision": the
				 * preposition is the noun's, Washington is no place */
				cur->loc = false;
			uint32_t nt = 0;
			if (cur->loc && is_en(c) && a->en->sub == AK_NAME && a->end < to &&
			    c->ti.toks.items[a->end].kind == ENT_TOK_WORD && c->ti.toks.items[a->end].upper &&
			    !time_at(c, a->end, &nt) &&
			    !(i + 1 < na && atoms[i + 1].tok == a->end && atoms[i + 1].kind == LX_PERSON))
				/* "at the Pakistan High Commission": a name before
				 * a capitalised noun qualifies it, it is no place */
				cur->loc = false;
			/* "stones hurled at the United States embassy": the
			 * country's mission, no place */
			if (cur->loc && is_en(c) && a->en->sub == AK_NAME && a->end < to &&
			    mission_noun(c, a->end))
				cur->loc = false;
			/* "agreed to US mediation", "responded to Russia
			 * proposals": a name before a noun of an act qualifies it */
			for (size_t h = 0; cur->loc && is_en(c) && a->en->sub == AK_NAME && h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				if (o->kind == LX_TRIGGER && o->tok == a->end && (entry(c, o->entry)->flags & TF_NOUN))
					cur->loc = false;
			}
			/* "gave no help to the US-led campaign", "sent arms to the
			 * Saudi-backed forces": a name before "-led", "-backed"
			 * qualifies the noun after it, it is no destination */
			if (cur->loc && is_en(c) && a->end + 1 < to && tok_is(c, a->end, "-") &&
			    (tok_is(c, a->end + 1, "led") || tok_is(c, a->end + 1, "backed") ||
			     tok_is(c, a->end + 1, "sponsored") || tok_is(c, a->end + 1, "brokered")))
				cur->loc = false;
			cur->adj_only = a->kind == LX_ACTOR && a->en->sub == AK_ADJ;
		} else if (a->kind != LX_ACTOR || a->en->sub != AK_ADJ) {
			cur->adj_only = false;
		}
		cur->end = a->end;
		switch (a->kind) {
		case LX_ACTOR: {
			const char *code = c->lx->actors.items[a->en->value].code;
			/* "Congolese" alone is COG; in an English article that
			 * has named the DR Congo, not the Republic, it is COD */
			if (is_en(c) && a->en->sub == AK_ADJ && !strncmp(code, "COG", 3)) {
				bool cod = false, cog = false;
				for (int k = 0; k < c->nseen; k++) {
					cod = cod || !strncmp(c->seen[k].cc, "COD", 3);
					cog = cog || !strncmp(c->seen[k].cc, "COG", 3);
				}
				if (cod && !cog)
					code = "COD";
			}
			mention_set_country(cur, code);
			break;
		}
		case LX_TITLE: {
			const lx_title *t = &c->lx->titles.items[a->en->value];
			cur->has_title = true;
			if (t->office != OF_NONE || !cur->office)
				cur->office = t->office;
			if (!cur->agent[0] || t->office != OF_NONE)
				memcpy(cur->agent, t->agent, 4);
			cur->adj_only = false;
			break;
		}
		case LX_PERSON: {
			const lx_person *p = &c->lx->persons.items[a->en->value];
			cur->person = a->en->value;
			if (!cur->country[0])
				memcpy(cur->country, p->country, 4);
			/* "Congolese President Felix Tshisekedi": the adjective
			 * of both Congos takes the named person's */
			else if (!strncmp(cur->country, "COG", 3) && !strncmp(p->country, "COD", 3))
				memcpy(cur->country, "COD", 3);
			if (!cur->agent[0])
				memcpy(cur->agent, p->agent, 4);
			cur->adj_only = false;
			break;
		}
		case LX_CUE:
			if (a->en->sub == CUE_BOTH)
				cur->both = true;
			else if (a->en->sub == CUE_COUNTERPART)
				cur->counterpart = true;
			else if (a->en->sub == CUE_PRONOUN)
				cur->pronoun = true;
			cur->adj_only = false;
			break;
		default:
			break;
		}
	}
	/* "ethnic Albanians in south Serbia", "ethnic Turks ... against
	 * Sweden's decision": an ethnic group is coded by the country it
	 * lives in, the first other country the sentence names (issue #4) */
	for (int i = 0; is_en(c) && i < c->nm; i++) {
		mention *m = &c->m[i];
		/* ... and "the Uzbek minority", "the Serb population of the
		 * region": a people named by its adjective before such a noun */
		bool people = m->adj_only && m->end < c->ti.toks.len &&
			      (tok_is(c, m->end, "population") || tok_is(c, m->end, "minority") ||
			       tok_is(c, m->end, "minorities"));
		if ((!people && (m->tok <= c->base || !tok_is(c, m->tok - 1, "ethnic"))) ||
		    !m->country[0] || m->person >= 0)
			continue;
		for (int j = 0; j < c->nm; j++) {
			const mention *o = &c->m[j];
			if (j == i || o->adj_only || o->person >= 0 || o->has_title || !o->country[0] ||
			    strcmp(o->country, m->country) == 0)
				continue;
			memcpy(m->country, o->country, 4);
			break;
		}
	}
	/* "Le ministère des Affaires étrangères a convoqué l'ambassadeur de
	 * France à Alger": a home daily leaves its own government unnamed; a
	 * subject title of no country that acts on another country's embassy
	 * in a city is that city's government */
	for (int i = 0; !is_en(c) && i < c->nm; i++) {
		mention *m = &c->m[i];
		if (i > 0 || !m->has_title || m->country[0] || m->person >= 0 || m->prep || m->counterpart)
			break;
		for (int j = i + 1; j + 1 < c->nm; j++) {
			const mention *e = &c->m[j], *p = &c->m[j + 1];
			bool embassy = false;
			for (uint32_t k = e->tok > 2 ? e->tok - 2 : 0; k < e->end && !embassy; k++)
				embassy = tok_is(c, k, "ambassade") || tok_is(c, k, "ambassadeur") ||
					  tok_is(c, k, "ambassadrice") || tok_is(c, k, "chargé");
			if (e->loc || !e->country[0] || !embassy || !p->loc || p->place < 0 || p->prep != CUE_PLACE_PREP || !p->country[0] ||
			    p->tok != e->end + 1 || strcmp(p->country, e->country) == 0)
				continue;
			memcpy(m->country, p->country, 4);
			break;
		}
	}
	/* "les chefs de la diplomatie du Togo, du Bénin et du Ghana",
	 * "ses homologues de France, de Turquie et de Suisse": the title of the
	 * head applies to every coordinated "de X". */
	for (int i = 0; i + 1 < c->nm; i++) {
		const mention *h = &c->m[i];
		if (!(h->has_title || h->counterpart) || !h->coord_next)
			continue;
		for (int j = i + 1; j < c->nm; j++) {
			mention *m = &c->m[j];
			/* "ses homologues français et turc": adjectives too */
			bool adj = m->adj_only && !m->prep && h->counterpart;
			if ((m->prep != CUE_OF && !adj) || m->has_title || m->person >= 0)
				break;
			m->has_title = h->has_title;
			m->counterpart = h->counterpart;
			m->office = h->office;
			if (!m->agent[0])
				memcpy(m->agent, h->agent, 4);
			if (!c->m[j].coord_next)
				break;
		}
	}
	/* "le conflit ukrainien", "la crise syrienne", "the Ukraine war": an
	 * adjective (or name) that only qualifies a conflict or an issue
	 * names its theatre, not an actor */
	static const char *const issues[] = {"conflit", "conflits", "guerre", "crise", "dossier",
		"conflict", "war", "crisis", NULL};
	int w = 0;
	for (int i = 0; i < c->nm; i++) {
		mention *m = &c->m[i];
		bool theatre = false;
		if (m->adj_only && m->tok > c->base)
			for (int k = 0; issues[k]; k++)
				if (tok_is(c, m->tok - 1, issues[k]))
					theatre = true;
		/* "the UN tribunal for war crimes", "a Croatian war crimes
		 * prosecutor": war crimes are no theatre, the name is the
		 * court's own */
		if (is_en(c) && m->end < c->ti.toks.len && !m->has_title && m->person < 0 &&
		    !(m->end + 1 < c->ti.toks.len &&
		      (tok_is(c, m->end + 1, "crimes") || tok_is(c, m->end + 1, "crime") ||
		       tok_is(c, m->end + 1, "criminal") || tok_is(c, m->end + 1, "criminals"))))
			for (int k = 0; issues[k]; k++)
				if (tok_is(c, m->end, issues[k]))
					theatre = true;
		if (theatre) {
			if (w > 0 && !m->coord_next)
				c->m[w - 1].coord_next = false;
			continue;
		}
		c->m[w++] = *m;
	}
	c->nm = w;
	/* English: "recalled its diplomats from Rwanda, accusing its eastern
	 * neighbour of ...": "its/their (adjective) neighbour" is the last
	 * country named before it other than the sentence's first one, else
	 * the other side of the article's frame */
	for (uint32_t k = c->base + 1; is_en(c) && c->nm > 0 && c->nm < MAX_MENTIONS && k < to; k++) {
		if (!tok_is(c, k, "neighbour") && !tok_is(c, k, "neighbor"))
			continue;
		uint32_t p = k - 1;
		if (p > c->base && !tok_is(c, p, "its") && !tok_is(c, p, "their") &&
		    c->ti.toks.items[p].kind == ENT_TOK_WORD && !c->ti.toks.items[p].upper && !cue_at(c, p))
			p--; /* "its eastern neighbour" */
		if (!tok_is(c, p, "its") && !tok_is(c, p, "their"))
			continue;
		int at = 0, first = -1, last = -1;
		while (at < c->nm && c->m[at].tok < k)
			at++;
		if (at < c->nm && c->m[at].tok <= k)
			continue;
		for (int j = 0; j < at; j++) {
			if (!c->m[j].country[0])
				continue;
			if (first < 0)
				first = j;
			else if (strcmp(c->m[j].country, c->m[first].country) != 0)
				last = j;
		}
		if (first < 0)
			continue;
		const char *cc = last >= 0 ? c->m[last].country : NULL;
		const frame *fs[2] = {&c->fr, &c->title_fr};
		for (int f = 0; !cc && f < 2; f++)
			if (fs[f]->set && fs[f]->nb == 1 && !strcmp(fs[f]->a.country, c->m[first].country))
				cc = fs[f]->b[0].country;
			else if (fs[f]->set && fs[f]->nb == 1 && !strcmp(fs[f]->b[0].country, c->m[first].country))
				cc = fs[f]->a.country;
		if (!cc)
			continue;
		memmove(&c->m[at + 1], &c->m[at], (size_t)(c->nm - at) * sizeof *c->m);
		c->nm++;
		mention *m = &c->m[at];
		memset(m, 0, sizeof *m);
		m->tok = p;
		m->end = k + 1;
		m->person = -1;
		m->place = -1;
		memcpy(m->country, cc, 3);
		m->country[3] = 0;
		m->prep = prep_before(c, p);
	}
	/* English: "Guyana's president said that the country's defence force
	 * was on alert", "said its army": the armed forces, police or
	 * government "its" or "the country's" names are of the country named
	 * last before them */
	for (int i = 1; is_en(c) && i < c->nm; i++) {
		mention *m = &c->m[i];
		if (m->country[0] || !m->agent[0] || m->person >= 0 || m->pronoun || m->both ||
		    m->tok < c->base + 2)
			continue;
		uint32_t p = m->tok - 1, q = p;
		bool own = tok_is(c, p, "its");
		if (!own && (tok_is(c, p, "'s") || tok_is(c, p, "'")) && p >= c->base + 2 &&
		    (tok_is(c, p - 1, "country") || tok_is(c, p - 1, "nation")) && tok_is(c, p - 2, "the")) {
			own = true;
			q = p - 2;
		}
		/* (the subject of a reported clause: "said (that) its army
		 * was", not the object of "put its army on alert") */
		own = own && q > c->base &&
		      (tok_is(c, q - 1, "that") || tok_is(c, q - 1, ",") || cue_at(c, q - 1) == CUE_REPORT);
		for (int j = i - 1; own && j >= 0; j--)
			if (c->m[j].country[0] && !c->m[j].loc && !c->m[j].both && !c->m[j].pronoun) {
				mention_set_country(m, c->m[j].country);
				break;
			}
		/* "Sudanese rebels accused government aircraft of ...": a bare
		 * "government" after the country's own rebels, opposition or
		 * people of the same sentence is that country's (the object
		 * right after the verb; not "after a government offensive") */
		if (own || !tok_is(c, m->tok, "government") || !trigger_at(c, m->tok - 1))
			continue;
		for (int j = i - 1; j >= 0; j--) {
			const mention *o = &c->m[j];
			if (o->tok < c->base || !o->country[0] || o->loc || o->both || o->pronoun)
				continue;
			static const char *const home[] = {"REB", "OPP", "INS", "SEP", "UAF", "CVL",
				"EDU", "MED", "LAB", "REF", NULL};
			for (int h = 0; home[h]; h++)
				if (!strcmp(o->agent, home[h]))
					mention_set_country(m, o->country);
			break;
		}
	}
	/* English: "the UN Security Council ... urged the council to": "the
	 * council" is the last council the article named */
	for (uint32_t k = c->base + 1; is_en(c) && k < to; k++) {
		if (!tok_is(c, k, "council"))
			continue;
		int at = 0;
		while (at < c->nm && c->m[at].end <= k)
			at++;
		if (at < c->nm && c->m[at].tok <= k) {
			if (c->m[at].country[0] && c->m[at].end == k + 1 && c->m[at].tok < k)
				memcpy(c->council, c->m[at].country, 4);
			continue;
		}
		if (!c->council[0] || !tok_is(c, k - 1, "the") || c->nm >= MAX_MENTIONS ||
		    (k + 1 < to && cue_at(c, k + 1) == CUE_OF))
			continue;
		memmove(&c->m[at + 1], &c->m[at], (size_t)(c->nm - at) * sizeof *c->m);
		c->nm++;
		mention *m = &c->m[at];
		memset(m, 0, sizeof *m);
		m->tok = k - 1;
		m->end = k + 1;
		m->person = -1;
		m->place = -1;
		memcpy(m->country, c->council, 4);
		m->prep = prep_before(c, k - 1);
	}
	/* English: "Qatar's emir, Sheikh Tamim ... thanked the emir": a bare
	 * "the" and a title the article gave one named holder earlier is
	 * that holder (not the article's main sides) */
	for (int i = 0; is_en(c) && i < c->nm; i++) {
		mention *m = &c->m[i];
		int32_t title = -1;
		bool bare = false;
		for (size_t h = 0; h < c->hits.len && title < 0; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TITLE && o->tok >= m->tok && o->tok + o->ntok <= m->end) {
				title = o->entry;
				bare = o->tok == m->tok && o->tok + o->ntok == m->end;
			}
		}
		if (title < 0 || m->pronoun || m->both || m->counterpart || m->loc)
			continue;
		int k = 0;
		while (k < c->nholders && c->holders[k].title != title)
			k++;
		if (m->country[0] && m->person >= 0) {
			if (k == c->nholders && k < 16) {
				c->holders[k].title = title;
				c->holders[k].person = m->person;
				memcpy(c->holders[k].cc, m->country, 4);
				memcpy(c->holders[k].agent, m->agent, 4);
				c->holders[k].amb = false;
				c->nholders++;
			} else if (k < c->nholders && strcmp(c->holders[k].cc, m->country) != 0)
				c->holders[k].amb = true;
		} else if (bare && !m->country[0] && m->person < 0 && k < c->nholders &&
			   !c->holders[k].amb && m->tok > c->base && tok_is(c, m->tok - 1, "the")) {
			mention_set_country(m, c->holders[k].cc);
			memcpy(m->agent, c->holders[k].agent, 4);
			m->person = c->holders[k].person;
		}
	}
	/* "À Taipei, le ministère des Affaires étrangères a remercié ...": a
	 * French sentence that opens on a city and a comma gives the city's
	 * country to the title right after it when that names none */
	if (!is_en(c) && c->nm >= 2 && c->m[0].loc && c->m[0].tok == from + 1 &&
	    c->m[0].prep == CUE_PLACE_PREP && c->m[0].end < to && tok_is(c, c->m[0].end, ",") &&
	    c->m[1].tok <= c->m[0].end + 2 && c->m[1].has_title && !c->m[1].country[0] &&
	    !c->m[1].counterpart && !c->m[1].both && !c->m[1].pronoun && c->m[1].person < 0)
		mention_set_country(&c->m[1], c->m[0].country);
	/* where each country is first named (the title's words come first) */
	for (int i = 0; i < c->nm; i++) {
		const mention *m = &c->m[i];
		if (!m->country[0] || m->loc)
			continue;
		int k = 0;
		while (k < c->nseen && strncmp(c->seen[k].cc, m->country, 3) != 0)
			k++;
		if (k == c->nseen) {
			if (c->nseen == 64)
				continue;
			memcpy(c->seen[k].cc, m->country, 3);
			c->seen[k].cc[3] = 0;
			c->seen[k].tok = m->tok;
			c->nseen++;
		} else if (m->tok < c->seen[k].tok) {
			c->seen[k].tok = m->tok;
		}
	}
}

/* The token where the text first names `country` (UINT32_MAX if never). */
static uint32_t first_named(const ctx *c, const char *country)
{
	for (int k = 0; k < c->nseen; k++)
		if (strncmp(c->seen[k].cc, country, 3) == 0)
			return c->seen[k].tok;
	return UINT32_MAX;
}

/* ---- actors from mentions ---- */

static int32_t date_for_lookup(const ent_date *d)
{
	int32_t n = ent_date_num(d);
	return n ? n : 99991230;
}

/* English: "SADC leaders ... at Harare summit / the leaders urged X",
 * "They commended Y": in a summit story, plural leaders with no country
 * or "they" stand for the organisation (c->summit_org) */
static bool summit_plural(const ctx *c, const mention *m)
{
	if (!c->summit_org[0] || c->fr.meeting || m->country[0] || m->end <= m->tok)
		return false;
	if (m->both)
		return tok_is(c, m->tok, "they");
	return m->agent[0] && m->person < 0 && !m->counterpart && !m->pronoun && !m->prep &&
	       (tok_is(c, m->end - 1, "leaders") || tok_is(c, m->tok, "heads"));
}

/* Is there a number among the n tokens from k on (before to)? */
static bool num_after(const ctx *c, uint32_t k, uint32_t to, uint32_t n)
{
	for (uint32_t e = k + n; k < to && k < e; k++)
		if (c->ti.toks.items[k].kind == ENT_TOK_NUM)
			return true;
	return false;
}

static void actor_from_mention(ctx *c, const mention *m, const ent_date *when,
			       int counterpart_office, actor *out)
{
	memset(out, 0, sizeof *out);
	const lx_lexicon *lx = c->lx;
	int32_t dn = date_for_lookup(when);
	char country[4] = {0};
	memcpy(country, m->country, 4);
	int person = m->person;
	int office = m->counterpart && !m->office ? counterpart_office : m->office;
	if (!country[0] && office && c->fr.set) {
		/* "le chef du Parti": the frame side that has such an office */
		if (lx_office_holder(lx, c->fr.a.country, office, dn) >= 0)
			memcpy(country, c->fr.a.country, 4);
		for (int i = 0; !country[0] && i < c->fr.nb; i++)
			if (lx_office_holder(lx, c->fr.b[i].country, office, dn) >= 0)
				memcpy(country, c->fr.b[i].country, 4);
	}
	if (!country[0])
		return;
	if (person < 0 && office) {
		person = lx_office_holder(lx, country, office, dn);
		/* "the Philippine foreign secretary", "British Foreign
		 * Secretary X met his French counterpart": where offices.tsv
		 * lists no civil servant with the title, the minister */
		if (person < 0 && office == OF_FOREIGN_SECRETARY)
			person = lx_office_holder(lx, country, OF_FOREIGN_MINISTER, dn);
		if (person < 0 && office == OF_PARTY_LEADER)
			person = lx_office_holder(lx, country, OF_SECRETARY_GENERAL, dn);
	}
	memcpy(out->country, country, 4);
	const char *agent = m->agent;
	if (!m->has_title && person >= 0 && dn != 99991230) {
		/* a name without a title acts in the office held at the date:
		 * Tô Lâm as president in June 2024, as party leader in 2025 */
		int of = lx_person_office(lx, person, dn);
		if (of == OF_PARTY_LEADER)
			agent = "PTY";
		else if (of == OF_PARLIAMENT_SPEAKER)
			agent = "LEG";
		else if (of != OF_NONE && of != OF_SECRETARY_GENERAL)
			agent = "GOV";
	}
	snprintf(out->code, sizeof out->code, "%s%s", country, agent);
	if (person >= 0) {
		out->name = lx->persons.items[person].name;
		if (!m->agent[0])
			snprintf(out->code, sizeof out->code, "%s%s", country,
				 lx->persons.items[person].agent);
	}
	if (person >= 0 && lx->persons.items[person].nroles && !m->has_title &&
	    !strcmp(country, lx->persons.items[person].country)) {
		/* a person of a TABARI/PETRARCH dictionary: its role at the date */
		char rc[4], ra[4];
		if (!lx_person_role(lx, person, dn, rc, ra)) {
			memset(out, 0, sizeof *out);
			return;
		}
		memcpy(out->country, rc, 4);
		snprintf(out->code, sizeof out->code, "%s%s", rc, ra);
	}
	const ent_token *a = &c->ti.toks.items[m->tok];
	const ent_token *b = &c->ti.toks.items[m->end - 1];
	out->span.start = a->start;
	out->span.len = b->start + b->len - a->start;
}

/* ---- events ---- */

static int sector_class(const ctx *c, uint64_t sectors, bool cooperation)
{
	int eco = 0, mil = 0, jud = 0, intel = 0;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++) {
		if (!(sectors & (1ULL << i)))
			continue;
		switch (c->e->sector_class[i]) {
		case SC_ECONOMIC: eco++; break;
		case SC_MILITARY: mil++; break;
		case SC_JUDICIAL: jud++; break;
		case SC_INTELLIGENCE: intel++; break;
		case SC_SECURITY: mil += cooperation; break;
		default: break;
		}
	}
	if (mil && !eco)
		return SC_MILITARY;
	if (eco && !mil && !jud)
		return SC_ECONOMIC;
	if (jud && !eco && !mil)
		return SC_JUDICIAL;
	if (intel && !eco && !mil && !jud)
		return SC_INTELLIGENCE;
	return SC_NONE;
}

/* An event's place: its English name and, when known, its coordinates. */
static void set_place(ent_event *ev, const lx_place *p)
{
	ev->place = p->name;
	ev->geo = p->geo;
	ev->latitude = p->lat;
	ev->longitude = p->lon;
}

/* Does span sp lie in sentence s? */
static bool in_sentence(const ent_sentence *s, const ent_span *sp)
{
	return sp->len && sp->start >= s->start && sp->start + sp->len <= s->start + s->len;
}

/* An event's confidence (docs/confidence.md): the lower of what its
 * sentence says and what the rule that read it was worth (`rule`, the
 * caller's figure). The sentence says 0.35 for a trigger, + 0.25 when it
 * names the source, + 0.25 when it names the target (a side taken from
 * the article's meeting, a pronoun's antecedent or "les deux parties" is
 * inferred, not named) and + 0.1 when it writes the event's date. */
static double evidence_confidence(const ctx *c, const ent_sentence *s, const actor *src,
				  const actor *tgt, const char *date, double rule)
{
	double said = 0.35;
	if (in_sentence(s, &src->span))
		said += 0.25;
	if (in_sentence(s, &tgt->span))
		said += 0.25;
	for (int i = 0; i < c->nd && date[0]; i++) {
		char d[11];
		ent_date_format(&c->dates[i].d, d);
		if (strcmp(d, date) == 0) {
			said += 0.1;
			break;
		}
	}
	double conf = rule < said ? rule : said;
	if (conf < 0)
		conf = 0;
	if (conf > 1)
		conf = 1;
	return (double)(long)(conf * 100 + 0.5) / 100; /* two decimals */
}

static bool frame_has(const frame *f, const char *country);
static bool domestic_code(const ctx *c, const char *code);

static void emit(ctx *c, const char *code, const actor *src, const actor *tgt,
		 const ent_date *date, int place, uint64_t sectors, bool negated,
		 const ent_sentence *s, const lx_hit *trig, double confidence)
{
	if (!src->country[0] ||
	    (!c->one_sided && (!tgt->country[0] || strcmp(src->country, tgt->country) == 0)))
		return;
	/* "Le Mali et le Niger y ont finalisé un projet de communiqué"
	 * after their ministers' meeting: a country named bare, while
	 * both sides are sides of the meeting, acts through the one who
	 * represents it there */
	actor named[2];
	if (c->fr.set && frame_has(&c->fr, src->country) && frame_has(&c->fr, tgt->country)) {
		const actor *in[2] = {src, tgt};
		for (int k = 0; k < 2; k++) {
			named[k] = *in[k];
			if (in[k]->name || strlen(in[k]->code) != 3)
				continue;
			for (int j = -1; j < c->fr.nb; j++) {
				const actor *f = j < 0 ? &c->fr.a : &c->fr.b[j];
				if (f->name && strcmp(f->country, in[k]->country) == 0) {
					named[k] = *f;
					named[k].span = in[k]->span;
					break;
				}
			}
		}
		src = &named[0];
		tgt = &named[1];
	}
	/* "BAKU, March 12. Iran summoned the Russian ambassador in Tehran":
	 * a dateline in a third country is where the news was
	 * filed, the sentence's city is where it happened */
	if (place >= 0 && place == c->doc_place && c->sent_place >= 0 && c->sent_place != place) {
		const char *dc = c->lx->places.items[place].country;
		const char *sc = c->lx->places.items[c->sent_place].country;
		if (strncmp(dc, src->country, 3) && strncmp(dc, tgt->country, 3) &&
		    (!strncmp(sc, src->country, 3) || !strncmp(sc, tgt->country, 3)))
			place = c->sent_place;
	}
	/* EVENTS.md section 6: talks held in a third country ("à New York",
	 * "à Niamey" for Mali and Burkina Faso) are 044; a dateline city is
	 * where the news was written, it says nothing of where they met */
	if (strcmp(code, "040") == 0 && place >= 0 && place != c->doc_place && tgt->country[0]) {
		const char *pc = c->lx->places.items[place].country;
		if (pc[0] && strncmp(pc, src->country, 3) != 0 && strncmp(pc, tgt->country, 3) != 0)
			code = "044";
	}
	/* English: "bombers killed 23 people on Sunday when they blew
	 * themselves up in Ankara": violence on people the sentence gives
	 * no country falls on the country of the place the sentence names
	 * (never a dateline's city) */
	actor placed;
	if (c->one_sided && !tgt->country[0] && is_en(c) && place >= 0 && place == c->sent_place &&
	    place != c->doc_place && c->lx->places.items[place].country[0] &&
	    force_code(code)) {
		placed = *tgt;
		memcpy(placed.country, c->lx->places.items[place].country, 3);
		placed.country[3] = 0;
		snprintf(placed.code, sizeof placed.code, "%s", placed.country);
		placed.name = NULL;
		tgt = &placed;
	}
	/* CAMEO: expelling people is 174, expelling an intergovernmental
	 * body (a UN agency, a mission) is 166, expel or withdraw */
	if (strcmp(code, "174") == 0 && tgt->country[0]) {
		const lx_country *tc = lx_country_info(c->lx, tgt->country);
		if (tc && tc->igo)
			code = "166";
	}
	ent_event ev;
	memset(&ev, 0, sizeof ev);
	const lx_code *ci = lx_code_info(c->lx, code);
	char base[4];
	if (!ci) {
		memcpy(base, code, 3);
		base[3] = 0;
		ci = lx_code_info(c->lx, base);
		code = base;
	}
	snprintf(ev.code, sizeof ev.code, "%s", code);
	memcpy(ev.source, src->code, sizeof ev.source);
	memcpy(ev.target, tgt->code, sizeof ev.target);
	ev.source_name = src->name;
	ev.target_name = tgt->name;
	ent_date_format(date, ev.date);
	if (place >= 0)
		set_place(&ev, &c->lx->places.items[place]);
	ev.sectors = sectors;
	ev.negated = negated;
	if (ci) {
		ev.goldstein = ci->goldstein;
		ev.quad = ci->quad;
		ev.plover = ci->plover;
	}
	ev.confidence = evidence_confidence(c, s, src, tgt, ev.date, confidence);
	ev.sentence.start = s->start;
	ev.sentence.len = s->len;
	const ent_token *a = &c->ti.toks.items[trig->tok];
	const ent_token *b = &c->ti.toks.items[trig->tok + trig->ntok - 1];
	ev.trigger.start = a->start;
	ev.trigger.len = b->start + b->len - a->start;
	ev.source_span = src->span;
	ev.target_span = tgt->span;
	/* the same event from the same sentence once */
	for (size_t i = 0; i < c->out->events.len; i++) {
		const ent_event *o = &c->out->events.items[i];
		if (o->sentence.start == ev.sentence.start && strcmp(o->code, ev.code) == 0 &&
		    strcmp(o->source, ev.source) == 0 && strcmp(o->target, ev.target) == 0) {
			/* "arrived in Amman on a visit on Wednesday": the noun
			 * that repeats the verb brings the date */
			if (is_en(c) && c->date_kind == DK_OWN && i < c->dkind.len &&
			    c->dkind.items[i].kind != DK_OWN) {
				memcpy(c->out->events.items[i].date, ev.date, sizeof ev.date);
				c->dkind.items[i].kind = DK_OWN;
				c->dkind.items[i].d = *date;
			}
			return;
		}
		/* "hosted the Japanese prime minister for an informal
		 * meeting": English talks (040) between two countries the
		 * sentence already has a meeting of (04x, either way) are that
		 * meeting (EVENTS.md section 4: one event between X and Y) */
		if (is_en(c) && o->sentence.start == ev.sentence.start && !strcmp(ev.code, "040") &&
		    o->code[0] == '0' && o->code[1] == '4' && ev.target[0] &&
		    ((!memcmp(o->source, ev.source, 3) && !memcmp(o->target, ev.target, 3)) ||
		     (!memcmp(o->source, ev.target, 3) && !memcmp(o->target, ev.source, 3))))
			return;
	}
	ENT_VEC_PUSH(c->out->events, ev);
	evdate dk = {.kind = c->date_kind, .d = *date};
	ENT_VEC_PUSH(c->dkind, dk);
	if (!c->lead_set) {
		c->lead_para = c->para;
		c->lead_set = true;
	}
	if (!is_en(c) && code[0] == '0' && code[1] == '4' && tgt->country[0] &&
	    strcmp(src->country, tgt->country) != 0) {
		c->pair_a = *src;
		c->pair_b = *tgt;
		c->pair_set = true;
		c->pair_para = c->para;
	}
}

/* May mention b continue a coordination that mention a is in? Only in the
 * same role: "Avec son homologue turc, Hakan Fidan, le ministre Attaf a
 * passé en revue" lists no one; "du Togo, du Bénin et du Ghana" does, and
 * so does "avec le Brésil, l'Égypte et le Kenya", where the
 * preposition is not repeated but "et" closes the list. */
static bool same_role(const mention *a, const mention *b, bool closed)
{
	return a->prep == b->prep || (b->prep == CUE_OF && (a->prep == 0 || a->prep == CUE_OF)) ||
	       /* "avec ses homologues de France, de Turquie et de Suisse" */
	       (b->prep == CUE_OF && a->counterpart && b->counterpart) ||
	       (b->prep == 0 && closed && (a->prep == CUE_WITH || a->prep == CUE_PLACE_PREP ||
					   a->prep == CUE_BETWEEN)) ||
	       /* "dozens of Sudanese and Nigerian refugees": two adjectives
		* of one noun */
	       (b->prep == 0 && closed && a->prep == CUE_OF && a->adj_only && b->adj_only);
}

/* Does the run of comma/et links through mention m end with an "et"? */
static bool closed_list(const ctx *c, int m)
{
	int i = m;
	while (i > 0 && c->m[i - 1].coord_next)
		i--;
	for (; i < c->nm && c->m[i].coord_next; i++)
		if (c->m[i].coord_and)
			return true;
	return false;
}

/* The mentions coordinated with m (m itself first). */
static int chain(const ctx *c, int m, int *out, int max)
{
	int n = 0;
	bool closed = closed_list(c, m);
	out[n++] = m;
	while (m + 1 < c->nm && c->m[m].coord_next && n < max &&
	       same_role(&c->m[m], &c->m[m + 1], closed)) {
		m++;
		out[n++] = m;
	}
	return n;
}

static int chain_start(const ctx *c, int m)
{
	bool closed = closed_list(c, m);
	while (m > 0 && c->m[m - 1].coord_next && same_role(&c->m[m - 1], &c->m[m], closed))
		m--;
	return m;
}

static bool frame_has(const frame *f, const char *country)
{
	if (!f->set)
		return false;
	if (strcmp(f->a.country, country) == 0)
		return true;
	for (int i = 0; i < f->nb; i++)
		if (strcmp(f->b[i].country, country) == 0)
			return true;
	return false;
}

/* The frame sides facing `country`: the partners when it is the main
 * actor, the main actor when it is a partner. Returns how many. */
static int frame_others(const frame *f, const char *country, actor *out)
{
	if (!f->set)
		return 0;
	if (strcmp(f->a.country, country) == 0) {
		for (int i = 0; i < f->nb; i++)
			out[i] = f->b[i];
		return f->nb;
	}
	for (int i = 0; i < f->nb; i++)
		if (strcmp(f->b[i].country, country) == 0) {
			out[0] = f->a;
			return 1;
		}
	return 0;
}

static void frame_set(frame *f, const actor *a, const actor *b, int nb, int place)
{
	f->set = true;
	f->a = *a;
	f->nb = 0;
	for (int i = 0; i < nb && f->nb < MAX_PARTNERS; i++)
		if (strcmp(b[i].country, a->country) != 0)
			f->b[f->nb++] = b[i];
	if (!f->nb)
		f->set = false;
	f->place = place;
	f->all_pairs = false;
	f->meeting = false;
}

/* A dated meeting of the sides of a frame that something else set ("a
 * convoqué l'ambassadeur", then "a été reçu mercredi à Malabo par le
 * président"): from then on "les deux parties" are that meeting's, with
 * its persons, date and place. */
static void frame_meeting(ctx *c, const char *code, const actor *a, const actor *b, int nb,
			  const ent_date *date, bool dated, int place)
{
	if (!c->fr.set || c->fr.meeting || code[0] != '0' || code[1] != '4' || !dated || nb < 1 ||
	    !frame_has(&c->fr, a->country) || !frame_has(&c->fr, b[0].country))
		return;
	frame_set(&c->fr, a, b, nb, place);
	if (!c->fr.set)
		return;
	c->fr.meeting = true;
	c->fr.date = *date;
	c->fr.date_set = true;
	c->fr.date_weak = c->date_kind != DK_OWN;
}

static bool recent_date(const ctx *c, const ent_date *d);

/* The main event of the article dates what follows even when it is not a
 * meeting ("On March 20, the chargé d'affaires was summoned"), and its own
 * date beats a report's of up to three days later ("the ministry said on
 * Tuesday that ..."). */
static void frame_date(ctx *c, const char *code, const actor *a, const actor *b, const ent_date *date,
		       bool dated)
{
	if (!c->fr.set || !dated || !recent_date(c, date) || !frame_has(&c->fr, a->country) ||
	    !frame_has(&c->fr, b->country))
		return;
	/* English: an act told further down than the lead and the paragraph
	 * after it ("Ukrainian forces hit a depot on Friday night" in the
	 * fourth paragraph) is an incident in passing, not the main event:
	 * the undated paragraphs after it keep the article's day */
	bool force = force_code(code);
	if (is_en(c) && force && !c->fr.date_set && c->lead_set && c->para > c->lead_para + 1)
		return;
	if (c->fr.date_set) {
		if (!c->fr.date_weak || c->date_kind != DK_OWN || date->prec < 3 ||
		    c->fr.date.prec < 3)
			return;
		ent_date lo = c->fr.date;
		ent_date_add_days(&lo, -3);
		if (ent_date_num(date) < ent_date_num(&lo) ||
		    ent_date_num(date) > ent_date_num(&c->fr.date))
			return;
	}
	c->fr.date = *date;
	c->fr.date_set = true;
	c->fr.date_weak = c->date_kind != DK_OWN;
}

/* Emits the events of a group of coordinated parties ("Le Vietnam et la
 * Russie ont convenu", "entre le Vietnam et l'Azerbaïdjan, la Biélorussie
 * et le Kazakhstan"): every pair, except that when the parties are the
 * sides of a bilateral frame (one main actor and its partners) only the
 * pairs with the main actor are meant. Returns false when the group has
 * fewer than two countries. */
static bool emit_group(ctx *c, const char *code, actor *sa, int ns, const ent_date *date,
		       bool explicit_date, int place, uint64_t sectors, bool negated,
		       const ent_sentence *s, const lx_hit *t, double conf)
{
	bool distinct = false;
	for (int i = 1; i < ns; i++)
		if (strcmp(sa[i].country, sa[0].country))
			distinct = true;
	/* English: "the Sudanese government and the SPLM have agreed": two
	 * sides of one country with different roles (government and rebels)
	 * agree with each other, within the country (issue #4) */
	if (!distinct && is_en(c) && ns == 2 && domestic_code(c, code) && sa[0].country[0] &&
	    strlen(sa[0].code) > 3 && strlen(sa[1].code) > 3 && strcmp(sa[0].code, sa[1].code) != 0) {
		c->one_sided = true;
		emit(c, code, &sa[0], &sa[1], date, place >= 0 ? place : c->doc_place, sectors, negated, s,
		     t, conf);
		c->one_sided = false;
		return true;
	}
	if (!distinct)
		return false;
	bool star = c->fr.set && !c->fr.all_pairs && ns >= 3;
	bool has_main = false;
	for (int i = 0; i < ns && star; i++) {
		if (!frame_has(&c->fr, sa[i].country))
			star = false;
		if (strcmp(sa[i].country, c->fr.a.country) == 0)
			has_main = true;
	}
	star = star && has_main;
	if (place < 0 && frame_has(&c->fr, sa[0].country) && frame_has(&c->fr, sa[1].country))
		place = c->fr.place;
	if (place < 0)
		place = c->doc_place;
	if (!is_en(c) && ns >= 3 && ns <= 8) {
		int nd = 0;
		for (int i = 0; i < ns; i++) {
			int k = 0;
			while (k < i && strcmp(sa[k].country, sa[i].country) != 0)
				k++;
			if (k == i)
				nd++;
		}
		if (nd == ns) {
			memcpy(c->grp, sa, sizeof(actor) * (size_t)ns);
			c->ngrp = ns;
			c->grp_para = c->para;
		}
	}
	for (int i = 0; i < ns; i++)
		for (int j = i + 1; j < ns; j++) {
			if (star && strcmp(sa[i].country, c->fr.a.country) != 0 &&
			    strcmp(sa[j].country, c->fr.a.country) != 0)
				continue;
			emit(c, code, &sa[i], &sa[j], date, place, sectors, negated, s, t, conf);
		}
	/* a meeting of named parties frames what follows */
	bool meet = code[0] == '0' && code[1] == '4';
	bool dated = explicit_date && recent_date(c, date);
	if (meet && (!c->fr.set || (!c->fr.date_set && dated))) {
		frame_set(&c->fr, &sa[0], sa + 1, ns - 1, place);
		c->fr.all_pairs = c->fr.set && ns >= 3;
		c->fr.meeting = c->fr.set;
		if (dated && c->fr.set) {
			c->fr.date = *date;
			c->fr.date_set = true;
			c->fr.date_weak = c->date_kind != DK_OWN;
		}
	}
	return true;
}

/* Is d recent enough to date the article's main meeting? News reports
 * meetings of the last weeks; a dated meeting months before the article is
 * recalled in passing ("sa visite en janvier dernier"). Without a known
 * article month nothing is recent. */
static bool recent_date(const ctx *c, const ent_date *d)
{
	if (c->docdate.prec < 2 || d->prec < 2)
		return false;
	int dm = d->y * 12 + d->m, am = c->docdate.y * 12 + c->docdate.m;
	return dm >= am - 1 && dm <= am + 1;
}

/* The index of the first mention at or after token `tok` (c->nm if none). */
static int next_mention_after(const ctx *c, uint32_t tok)
{
	for (int i = 0; i < c->nm; i++)
		if (c->m[i].tok >= tok)
			return i;
	return c->nm;
}

/* "une aide aux victimes du cyclone et des chocs climatiques", "relief
 * against the drought", "les régions touchées par le changement
 * climatique": what an aid is given against is the hazard, not the field
 * it is given in. Is the sector word at `tok` such a hazard? */
static bool hazard_sector(const ctx *c, uint32_t tok, uint32_t from)
{
	static const char *const hazard[] = {"contre", "victimes", "against", "victims",
		"touchees", "touches", "affected", "hit", "sinistres", "stricken", NULL};
	for (uint32_t k = tok; k > from && tok - k < 8; k--) {
		for (int w = 0; hazard[w]; w++)
			if (tok_is(c, k - 1, hazard[w]))
				return true;
		if (trigger_at(c, k - 1) || tok_is(c, k - 1, ",") || tok_is(c, k - 1, "."))
			break;
	}
	return false;
}

/* Does a noun naming cooperation (cue "cooperation") stand in [from, to)? */
static bool cooperation_in(const ctx *c, uint32_t from, uint32_t to)
{
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_CUE && entry(c, o->entry)->sub == CUE_COOPERATION &&
		    o->tok >= from && o->tok < to)
			return true;
	}
	return false;
}

/* Is token k part of the setting of a clause (a date, a place: "le 5
 * novembre à Nairobi", "mardi, à Rabat,") or punctuation, within [k, to)? */
static bool setting_at(const ctx *c, uint32_t k, uint32_t to)
{
	if (c->ti.toks.items[k].kind != ENT_TOK_WORD)
		return true;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_TIME && k >= o->tok && k < o->tok + o->ntok)
			return true;
	}
	for (int i = 0; i < c->nm; i++)
		if (c->m[i].loc && k >= c->m[i].tok && k < c->m[i].end)
			return true;
	/* the article or preposition of such a date or place */
	if (k + 1 < to && (cue_at(c, k) == CUE_DET || cue_at(c, k) == CUE_PLACE_PREP)) {
		if (c->ti.toks.items[k + 1].kind == ENT_TOK_NUM)
			return true;
		for (int i = 0; i < c->nm; i++)
			if (c->m[i].loc && c->m[i].tok == k + 1)
				return true;
	}
	return false;
}

/* The words in [from, to) that are not the setting: how far a verb's
 * object stands from it ("a reçu le 5 novembre à Nairobi le Premier
 * ministre"). With `venue` (French), the venue is left out too: "a reçu
 * mardi au palais de la Présidence, au Plateau, le ministre ghanéen", "a
 * reçu à la Primature son homologue": a phrase opened by "à"/"au"/"aux"
 * runs to the next comma, or to the determiner of the object `to` starts;
 * UINT32_MAX when a trigger stands in it. */
static uint32_t words_between(const ctx *c, uint32_t from, uint32_t to, bool venue)
{
	uint32_t n = 0;
	for (uint32_t k = from; k < to; k++) {
		if (setting_at(c, k, to))
			continue;
		if (venue && cue_at(c, k) == CUE_PLACE_PREP && k + 1 < to && !trigger_at(c, k + 1) &&
		    (tok_is(c, k, "a") || tok_is(c, k, "au") || tok_is(c, k, "aux"))) {
			uint32_t j = k + 1;
			while (j < to && !tok_is(c, j, ",") && !trigger_at(c, j) &&
			       !(j + 1 == to && (cue_at(c, j) == CUE_DET || cue_at(c, j) == CUE_POSSESSIVE)))
				j++;
			if (j < to && trigger_at(c, j))
				return UINT32_MAX;
			k = j < to && tok_is(c, j, ",") ? j : j - 1;
			continue;
		}
		n++;
	}
	return n;
}

/* Codes that are about cooperation areas (sectors): appeals, intents,
 * praise and agreements, cooperation, aid. */
static bool about_code(const char *code)
{
	return code[0] == '0' && (code[1] == '2' || code[1] == '3' || code[1] == '5' ||
				  code[1] == '6' || code[1] == '7');
}

/* The events a following sentence's fields belong to ("Ces accords
 * portent sur ..."): agreements, appeals, intents, cooperation and aid;
 * not praise of the relation or a planned visit, whose next sentence
 * tells about something else. */
static bool carry_code(const char *code)
{
	if (code[0] == '0' && code[1] == '3' && code[2] == '6')
		return false;
	if (code[0] == '0' && code[1] == '5')
		return code[2] == '7';
	return about_code(code);
}

/* Codes whose events may stay within one country or have no target
 * ("demonstrated", "resigned", "imposed a curfew"): all but appeals,
 * meetings, diplomatic and material cooperation, which need another side;
 * English only for now (issue #4: the peers' suites code them, the
 * French gold has few). */
static bool domestic_code(const ctx *c, const char *code)
{
	if (!is_en(c))
		return false;
	return !(code[0] == '0' && (code[1] == '2' || code[1] == '4' || code[1] == '5' ||
				    code[1] == '6' || code[1] == '7'));
}

/* English: "surrendered in the town of X", "declared a ceasefire in
 * the south of X", "resigned in X": a resignation, a ceasefire, a
 * demobilisation or a surrender is made where a place is, to no one
 * there; the place is no target (issue #4) */
static bool placeless_code(const ctx *c, const char *code)
{
	return is_en(c) && (!strcmp(code, "083") || (!strncmp(code, "087", 3) && code[3] >= '1'));
}

/* Does an English subordinate or relative clause start at token k? */
static bool clause_word(const ctx *c, uint32_t k)
{
	static const char *const words[] = {"who",	"which",   "whom",  "whose", "where",
					    "if",	"unless",  "because", "although", "though",
					    "while",	"whereas", "until", "when"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (tok_is(c, k, words[i]))
			return true;
	return false;
}

/* "..., a Bolivian newspaper said", "..., Ethiopian sources in Addis Ababa
 * said today", "..., according to Thai police": does an English
 * attribution clause start at the comma k and run to the end of the
 * sentence (a report verb with no trigger before it and at most a few
 * words after it)? Who reports is not whom the act is aimed at. */
static bool en_attribution_at(const ctx *c, uint32_t k, uint32_t to)
{
	if (!tok_is(c, k, ","))
		return false;
	uint32_t j = k + 1;
	/* "..., one of the Malian negotiators seeking to arrange a ceasefire,
	 * has said": the reporter may be a long noun phrase */
	while (j < to && j < k + 16 && cue_at(c, j) != CUE_REPORT) {
		if (trigger_at(c, j) || tok_is(c, j, ",") || clause_word(c, j))
			return false;
		j++;
	}
	if (j >= to || cue_at(c, j) != CUE_REPORT)
		return false;
	if (tok_is(c, j, "according"))
		return true;
	while (j < to && cue_at(c, j) == CUE_REPORT)
		j++;
	uint32_t words = 0;
	for (; j < to; j++)
		if (c->ti.toks.items[j].kind == ENT_TOK_WORD && ++words > 4)
			return false;
	return true;
}

/* "would tighten the naval blockade", "will extend the night-time
 * curfew": an English future auxiliary a few words before a noun, with no
 * other trigger or punctuation between, governs the verb whose object the
 * noun is */
static bool en_future_object(const ctx *c, uint32_t tok, uint32_t from)
{
	for (uint32_t k = tok, n = 0; k > from && n < 7; k--, n++) {
		if (cue_at(c, k - 1) == CUE_FUTURE)
			return true;
		if (c->ti.toks.items[k - 1].kind == ENT_TOK_PUNCT && !tok_is(c, k - 1, "-"))
			return false;
		if (trigger_at(c, k - 1) || clause_word(c, k - 1))
			return false;
	}
	return false;
}

/* Is token k inside an actor mention of the sentence? */
static bool mention_at(const ctx *c, uint32_t k)
{
	for (int i = 0; i < c->nm; i++)
		if (k >= c->m[i].tok && k < c->m[i].end)
			return true;
	return false;
}

/* The words between a verb and its object, leaving out the actors named
 * there, determiners, the possessive 's and time words ("rejected
 * Thursday a United Nations appeal" has none). */
static uint32_t object_gap(const ctx *c, uint32_t a, uint32_t b)
{
	uint32_t n = 0;
	for (uint32_t k = a; k < b; k++) {
		uint32_t nt = 0;
		if (mention_at(c, k) || cue_at(c, k) == CUE_DET || cue_at(c, k) == CUE_POSSESSIVE ||
		    tok_is(c, k, "'s") || tok_is(c, k, "'") || time_at(c, k, &nt))
			continue;
		n++;
	}
	return n;
}

/* French: "a suspendu samedi toutes ses actions d'aide": a reducing or
 * yielding verb (08x, 16x) reaches its object noun at b over the day, the
 * determiners and a head noun ("actions d'", "programmes de"), up to 8
 * tokens with no punctuation */
static bool fr_reduce_reach(const ctx *c, const lx_hit *o, uint32_t b)
{
	if (is_en(c) || (entry(c, o->entry)->flags & TF_NOUN))
		return false;
	const char *oc = hit_code(c, o);
	uint32_t a = o->tok + o->ntok;
	if (!((oc[0] == '0' && oc[1] == '8') || (oc[0] == '1' && oc[1] == '6')) || b < a || b - a > 8 ||
	    object_gap(c, a, b) > 3)
		return false;
	for (uint32_t k = a; k < b; k++)
		if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || trigger_at(c, k))
			return false;
	return true;
}

/* Does a verb trigger (not a nominalisation) start at token k? */
static bool en_verb_trigger_at(const ctx *c, uint32_t k)
{
	for (size_t h = 0; h < c->hits.len; h++)
		if (c->hits.items[h].kind == LX_TRIGGER && c->hits.items[h].tok == k &&
		    !(entry(c, c->hits.items[h].entry)->flags & TF_NOUN))
			return true;
	return false;
}

/* "quit as protesters vowed to march on his office", "demanded
 * elections after a tribunal acquitted him": does an English clause of
 * time or circumstance (as, after, before, since, once) with a subject and
 * a verb of its own start at token k? A noun phrase follows the word (a
 * determiner, a possessive or a name), then a verb (a verb trigger, or a
 * word in -ed) before any punctuation; "as a mediator", "after the
 * talks" are no clause. */
static bool en_circumstance_at(const ctx *c, uint32_t k, uint32_t to)
{
	if (!(tok_is(c, k, "as") || tok_is(c, k, "after") || tok_is(c, k, "before") ||
	      tok_is(c, k, "since") || tok_is(c, k, "once")) ||
	    k + 2 >= to)
		return false;
	uint32_t j = k + 1;
	if (!(cue_at(c, j) == CUE_DET || cue_at(c, j) == CUE_POSSESSIVE || mention_at(c, j)))
		return false;
	for (j = k + 2; j < to && j < k + 8; j++) {
		const ent_token *w = &c->ti.toks.items[j];
		if (w->kind != ENT_TOK_WORD || clause_word(c, j) || tok_is(c, j, "of") ||
		    cue_at(c, j) == CUE_REPORT)
			return false;
		if (mention_at(c, j) || w->upper)
			continue;
		if (en_verb_trigger_at(c, j) || (token_ends(c, j, "ed") && cue_at(c, j - 1) != CUE_DET))
			return true;
	}
	return false;
}

/* "welcomed the expulsion", "condemned the decision" (the noun right
 * after the trigger, or its last word: "welcomed the decision"): does the
 * trigger bear on an act the article told? */
static bool en_act_object(const ctx *c, const lx_hit *t, uint32_t to)
{
	static const char *const nouns[] = {"expulsion", "expulsions", "decision", "move",
					    "announcement", NULL};
	uint32_t k = t->tok + t->ntok;
	if (t->ntok >= 3 && tok_is(c, k - 2, "the"))
		k -= 2;
	else if (!(k + 1 < to && tok_is(c, k, "the")))
		return false;
	for (int w = 0; nouns[w]; w++)
		if (tok_is(c, k + 1, nouns[w]))
			return true;
	return false;
}

/* "opposes any attempt ..., and the two ministers shared the view that
 * ...": does a clause with a subject of its own (an actor named, then a
 * verb) start at the ", and" at token k? A list ("Russia, Iran, and
 * North Korea") has no verb after its last name. */
static bool en_and_clause_at(const ctx *c, uint32_t k, uint32_t to)
{
	if (!tok_is(c, k, ",") || k + 3 >= to || !tok_is(c, k + 1, "and") || !mention_at(c, k + 2))
		return false;
	uint32_t j = k + 2;
	while (j < to && j < k + 10 && mention_at(c, j))
		j++;
	if (j >= to || j >= k + 10 || c->ti.toks.items[j].kind != ENT_TOK_WORD)
		return false;
	while (j < to && (tok_is(c, j, "also") || tok_is(c, j, "have") || tok_is(c, j, "has")))
		j++;
	return j < to && (en_verb_trigger_at(c, j) || cue_at(c, j) == CUE_REPORT ||
			  token_ends(c, j, "ed"));
}

/* Does a trigger of the sentence end right before token k ("decided to"
 * before "attack")? */
static bool trigger_ends_at(const ctx *c, uint32_t k)
{
	for (size_t h = 0; h < c->hits.len; h++)
		if (c->hits.items[h].kind == LX_TRIGGER && c->hits.items[h].tok + c->hits.items[h].ntok == k)
			return true;
	return false;
}

/* English: "a leader of the party imprisoned two years ago", "the
 * soldiers killed in the ambush": a participle of a verb that always takes
 * an object, right after a noun and with no object after it (past the
 * time words), is a reduced relative clause, a passive. 0: no; 1: with no
 * agent; 2: with its agent after "by" ("victims killed by the storm"). */
static int en_reduced_relative(const ctx *c, const lx_hit *t, uint32_t from, uint32_t to)
{
	static const char *const verbs[] = {
		"arrested", "detained", "jailed",  "imprisoned", "captured", "kidnapped",
		"abducted", "deported", "expelled", "executed",  "killed",   "wounded",
		"injured",  "sentenced", "convicted", "released", "freed",   "seized",
		"exiled",   "banned",   "assassinated", "murdered", "tortured", "mediated", NULL};
	if (t->ntok != 1 || t->tok <= from || t->tok + 1 >= to)
		return 0;
	bool verb = false;
	for (int w = 0; verbs[w] && !verb; w++)
		verb = tok_is(c, t->tok, verbs[w]);
	if (!verb)
		return 0;
	/* after a noun: not after an auxiliary, a pronoun, a relative
	 * pronoun, a conjunction or punctuation */
	uint32_t p = t->tok - 1;
	const ent_token *pt = &c->ti.toks.items[p];
	/* "talks in Muscat, mediated by Oman": after a comma, with its
	 * agent right after it */
	if (tok_is(c, p, ",") && tok_is(c, t->tok + 1, "by") && p > from)
		return 2;
	static const char *const before[] = {"who", "which", "that", "he", "she", "they", "it",
					     "we", "and", "or", "also", "then", "later", "had",
					     "has", "have", "not", "reportedly", "allegedly", NULL};
	if (pt->kind != ENT_TOK_WORD || cue_at(c, p) == CUE_PASSIVE || cue_at(c, p) == CUE_FUTURE ||
	    cue_at(c, p) == CUE_NEG || cue_at(c, p) == CUE_REPORT || trigger_at(c, p) ||
	    token_ends(c, p, "ly"))
		return 0;
	for (int w = 0; before[w]; w++)
		if (tok_is(c, p, before[w]))
			return 0;
	uint32_t k = t->tok + 1, nt = 0;
	/* "jailed last year", "arrested earlier this month" */
	static const char *const when[] = {"last", "this", "earlier", "yesterday", "recently",
					   "year", "years", "month", "months", "week", "weeks", NULL};
	for (bool more = true; more && k < to;) {
		more = false;
		if (time_at(c, k, &nt) && nt) {
			k += nt;
			more = true;
			continue;
		}
		for (int w = 0; when[w] && !more; w++)
			if (tok_is(c, k, when[w])) {
				k++;
				more = true;
			}
	}
	if (k >= to)
		return 1;
	if (tok_is(c, k, "by"))
		return 2;
	if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT)
		return 1;
	static const char *const preps[] = {"over", "in", "for", "since", "during", "after", "at",
					    "under", "near", "without", "from", NULL};
	for (int w = 0; preps[w]; w++)
		if (tok_is(c, k, preps[w]))
			return 1;
	/* "arrested 15 months ago", "jailed a year ago" (not "expelled them
	 * 18 years ago") */
	if (!(c->ti.toks.items[k].kind == ENT_TOK_NUM || tok_is(c, k, "a") || tok_is(c, k, "an") ||
	      tok_is(c, k, "about") || tok_is(c, k, "some") || tok_is(c, k, "nearly") ||
	      tok_is(c, k, "almost") || tok_is(c, k, "more")))
		return 0;
	for (uint32_t q = k; q < to && q < k + 4; q++) {
		if (mention_at(c, q) || c->ti.toks.items[q].kind == ENT_TOK_PUNCT)
			break;
		if (tok_is(c, q, "ago"))
			return 1;
	}
	return 0;
}

/* English: "killed by the crash of the airliner", "died in the earthquake":
 * the phrase after the violent verb names an accident or a disaster, no
 * one who attacks */
/* English: "on the sidelines of a NATO foreign ministers' meeting": is
 * the noun at tok, past the names, titles and articles that qualify it,
 * the object of a phrase that refers to a setting (CUE_REF)? */
static bool en_ref_noun(const ctx *c, uint32_t from, uint32_t tok)
{
	uint32_t r = tok;
	while (r > from && tok - r < 8 &&
	       (cue_at(c, r - 1) == CUE_DET || mention_at(c, r - 1) || tok_is(c, r - 1, "'") ||
		tok_is(c, r - 1, "'s")))
		r--;
	return r < tok && r > from && cue_at(c, r - 1) == CUE_REF;
}

/* English: "X, who had criticized Washington on Friday, praised Mexico":
 * is the token at dt inside a relative clause opened after a comma before
 * it and closed by a comma before the trigger at trig? Its date is the
 * clause's, not the main verb's. */
static bool en_relative_between(const ctx *c, uint32_t from, uint32_t dt, uint32_t trig)
{
	if (!is_en(c))
		return false;
	bool open = false;
	for (uint32_t k = dt; k > from + 1 && dt - k < 16; k--) {
		if (tok_is(c, k - 1, ",") || tok_is(c, k - 1, ";"))
			return false;
		if ((tok_is(c, k - 1, "who") || tok_is(c, k - 1, "which") || tok_is(c, k - 1, "whose")) &&
		    tok_is(c, k - 2, ",")) {
			open = true;
			break;
		}
	}
	for (uint32_t k = dt + 1; open && k < trig; k++)
		if (tok_is(c, k, ","))
			return true;
	return false;
}

static bool en_accident_after(const ctx *c, uint32_t k, uint32_t to)
{
	static const char *const words[] = {
		"crash",     "crashes",  "accident", "accidents", "collision", "earthquake", "quake",
		"flood",     "floods",   "flooding", "landslide", "landslides", "avalanche", "storm",
		"hurricane", "typhoon",  "cyclone",  "tsunami",   "mudslide",  "stampede",   "derailment",
		"blaze",     "heatwave", NULL};
	if (k >= to || !(tok_is(c, k, "by") || tok_is(c, k, "in")))
		return false;
	for (uint32_t q = k + 1; q < to && q < k + 9; q++) {
		if (c->ti.toks.items[q].kind == ENT_TOK_PUNCT && !tok_is(c, q, "-"))
			return false;
		for (int w = 0; words[w]; w++)
			if (tok_is(c, q, words[w]))
				return true;
		if (trigger_at(c, q) && !mention_at(c, q))
			return false;
	}
	return false;
}

/* "congratulated him in a telephone call", "told them during video
 * calls": a call noun after "in" or "during" (past an article), the
 * channel of the act before it */
static bool en_channel_call(const ctx *c, uint32_t from, const lx_hit *t)
{
	if (t->kind != LX_TRIGGER || !(entry(c, t->entry)->flags & TF_NOUN) ||
	    strcmp(hit_code(c, t), "041") != 0)
		return false;
	uint32_t p = t->tok;
	while (p > from && (cue_at(c, p - 1) == CUE_DET || cue_at(c, p - 1) == CUE_POSSESSIVE))
		p--;
	return p > from && (tok_is(c, p - 1, "in") || tok_is(c, p - 1, "during"));
}

/* "X met Y and signed ...", "a remercié X ... et condamné Y": for a verb
 * whose "and"/"et" is at k - 1, the verb trigger before it (after `from`)
 * when an object stands between them in the same clause: the two share that
 * verb's subject, so the subject is looked for before it. `dflt` otherwise.
 * (A noun in the object is no verb: "condemned X for its attacks and urged
 * Y".) */
static uint32_t coordinated_verb(const ctx *c, uint32_t from, uint32_t k, uint32_t dflt)
{
	for (size_t h = c->hits.len; h-- > 0;) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind != LX_TRIGGER || o->tok + o->ntok >= k - 1 || o->tok <= from ||
		    (entry(c, o->entry)->flags & TF_NOUN))
			continue;
		bool obj = false, stop = false;
		for (uint32_t q = o->tok + o->ntok; q + 1 < k; q++) {
			if (tok_is(c, q, ",") || tok_is(c, q, ";") || cue_at(c, q) == CUE_REPORT ||
			    (is_en(c) ? clause_word(c, q) || en_verb_trigger_at(c, q)
				      : tok_is(c, q, "qui") || tok_is(c, q, "que") ||
						tok_is(c, q, "qu'")))
				stop = true;
			if (mention_at(c, q))
				obj = true;
		}
		return obj && !stop ? o->tok : dflt;
	}
	return dflt;
}

static void code_trigger(ctx *c, const ent_sentence *s, const lx_hit *t,
			 uint32_t next_trig)
{
	lx_entry en_v = *entry(c, t->entry);
	const lx_entry *en = &en_v;
	const lx_trigger *tr = &c->lx->triggers.items[en->value];
	uint8_t frame_kind = en->sub;
	uint32_t from = s->tok, to = s->tok + s->ntok;

	/* English: "the ambassador said by telephone that ...": how the
	 * speaker reached the reporter, no call between two sides */
	if (is_en(c) && t->tok > from && tok_is(c, t->tok, "by") &&
	    (tok_is(c, t->tok - 1, "said") || tok_is(c, t->tok - 1, "says") ||
	     tok_is(c, t->tok - 1, "saying")))
		return;

	/* English: "congratulated both leaders in telephone calls": the
	 * call carries the act of the verb right before it (no punctuation
	 * between), and has its sides */
	if (is_en(c) && en_channel_call(c, from, t)) {
		const lx_hit *v = NULL;
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TRIGGER && o->tok + o->ntok <= t->tok &&
			    !(entry(c, o->entry)->flags & TF_NOUN))
				v = o;
		}
		for (uint32_t k = v ? v->tok + v->ntok : t->tok; k < t->tok; k++)
			if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || clause_word(c, k))
				v = NULL;
		const lx_code *ci = lx_code_info(c->lx, "041");
		bool carried = false;
		for (size_t i = 0, n = c->out->events.len; v && ci && i < n; i++) {
			ent_event ev = c->out->events.items[i];
			if (ev.sentence.start != s->start ||
			    ev.trigger.start != c->ti.toks.items[v->tok].start || !ev.target[0] ||
			    (ev.code[0] == '0' && ev.code[1] == '4'))
				continue;
			bool dup = false;
			for (size_t j = 0; j < c->out->events.len && !dup; j++) {
				const ent_event *o = &c->out->events.items[j];
				dup = o->sentence.start == s->start && !strcmp(o->code, "041") &&
				      !strcmp(o->source, ev.source) && !strcmp(o->target, ev.target);
			}
			if (dup)
				continue;
			snprintf(ev.code, sizeof ev.code, "041");
			ev.goldstein = ci->goldstein;
			ev.quad = ci->quad;
			ev.plover = ci->plover;
			ev.sectors = 0;
			const ent_token *a = &c->ti.toks.items[t->tok];
			const ent_token *b = &c->ti.toks.items[t->tok + t->ntok - 1];
			ev.trigger.start = a->start;
			ev.trigger.len = b->start + b->len - a->start;
			ENT_VEC_PUSH(c->out->events, ev);
			evdate dk = i < c->dkind.len ? c->dkind.items[i] : (evdate){0};
			ENT_VEC_PUSH(c->dkind, dk);
			carried = true;
		}
		if (carried)
			return;
	}

	/* English: "warned Manila that it would take all necessary
	 * measures", "warned Oslo on Monday that they will respond": a bare
	 * warning is a threat when "that", after its addressee and a day,
	 * opens a clause whose subject (a pronoun or a name) is in the
	 * future; "warned that the talks were failing" is no threat */
	if (is_en(c) && t->ntok == 1 && (tok_is(c, t->tok, "warned") || tok_is(c, t->tok, "warns"))) {
		uint32_t k = t->tok + 1, n = 0;
		bool addressee = false;
		while (k < to && k < t->tok + 12 && !tok_is(c, k, "that")) {
			if (time_at(c, k, &n) && n)
				k += n;
			else if (mention_at(c, k) || tok_is(c, k, "on") || tok_is(c, k, "'s") ||
				 cue_at(c, k) == CUE_DET || c->ti.toks.items[k].upper) {
				addressee = addressee || mention_at(c, k);
				k++;
			} else
				break;
		}
		bool threat = false;
		if (addressee && k < to && tok_is(c, k, "that")) {
			k++;
			if (tok_is(c, k, "it") || tok_is(c, k, "they") || cue_at(c, k) == CUE_PRONOUN)
				k++;
			else
			{
				bool named = false;
				while (k < to && (mention_at(c, k) || cue_at(c, k) == CUE_DET ||
						  tok_is(c, k, "'s"))) {
					named = named || mention_at(c, k);
					k++;
				}
				/* "that Norwegian forces will": the noun a name qualifies */
				if (named && k < to && mention_at(c, k - 1) && !cue_at(c, k) &&
				    !trigger_at(c, k) && c->ti.toks.items[k].kind == ENT_TOK_WORD)
					k++;
			}
			threat = k < to && k > t->tok + 2 && has_cue(c, k, CUE_FUTURE);
		}
		if (!threat)
			return;
	}

	/* English: "decided to attack", "wants to attack": a noun trigger
	 * right after the "to" that ends another trigger is its infinitive,
	 * a verb */
	if (is_en(c) && (en_v.flags & TF_NOUN) && t->tok > from + 1 && tok_is(c, t->tok - 1, "to") &&
	    trigger_ends_at(c, t->tok))
		en_v.flags &= (uint16_t)~TF_NOUN;
	/* English: "the army is shelling the hills", "resumed shelling":
	 * a noun trigger in -ing used as a verb (en_ing_verb) */
	if (is_en(c) && (en_v.flags & TF_NOUN) && t->tok > from + 1 && en_ing_verb(c, t->tok))
		en_v.flags &= (uint16_t)~TF_NOUN;
	/* English: "the rebels launched several deadly raids", "have carried
	 * out many attacks": a noun of armed force that is the object of
	 * launching or carrying out is that act, a verb with its subject */
	if (is_en(c) && (en_v.flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] >= '8') {
		uint32_t k = t->tok, words = 0;
		while (k > from && words < 4) {
			/* "mounted its long-threatened invasion": a word, a
			 * hyphen and a participle make one adjective */
			if (k > from + 3 && tok_is(c, k - 2, "-") && token_ends(c, k - 1, "ed") &&
			    c->ti.toks.items[k - 3].kind == ENT_TOK_WORD && !c->ti.toks.items[k - 3].upper &&
			    !mention_at(c, k - 3)) {
				k -= 3;
				words++;
				continue;
			}
			if (trigger_at(c, k - 1) || mention_at(c, k - 1) ||
			    c->ti.toks.items[k - 1].kind != ENT_TOK_WORD || c->ti.toks.items[k - 1].upper ||
			    (!has_cue(c, k - 1, CUE_DET) && cue_at(c, k - 1)) ||
			    (tok_is(c, k - 1, "out") && k - 1 > from && tok_is(c, k - 2, "carried")) ||
			    tok_is(c, k - 1, "launched") || tok_is(c, k - 1, "launches") ||
			    tok_is(c, k - 1, "launching") || tok_is(c, k - 1, "mounted") ||
			    tok_is(c, k - 1, "staged"))
				break;
			k--;
			words++;
		}
		if (k > from && k < t->tok + 1 &&
		    ((tok_is(c, k - 1, "out") && k - 1 > from && tok_is(c, k - 2, "carried")) ||
		     tok_is(c, k - 1, "launched") || tok_is(c, k - 1, "launches") ||
		     tok_is(c, k - 1, "launching") || tok_is(c, k - 1, "mounted") ||
		     tok_is(c, k - 1, "staged")))
			en_v.flags &= (uint16_t)~TF_NOUN;
	}
	/* English: "its long-threatened invasion", "the Syrian-backed
	 * militia": a past participle joined by a hyphen to the word before
	 * it is a compound adjective, no act of its own ("re-opened",
	 * "co-sponsored", "counter-attacked": a prefix keeps the verb) */
	if (is_en(c) && !(en->flags & TF_NOUN) && t->tok > from + 1 && token_ends(c, t->tok, "ed") &&
	    tok_is(c, t->tok - 1, "-") && c->ti.toks.items[t->tok - 2].kind == ENT_TOK_WORD) {
		const ent_token *hy = &c->ti.toks.items[t->tok - 1];
		const ent_token *pw = &c->ti.toks.items[t->tok - 2];
		static const char *const PREFIX[] = {"re", "co", "counter", "pre", "un", "non", "mis",
						     "over", "under", "out", "cross", "double", "self"};
		bool prefix = false;
		for (size_t i = 0; i < sizeof PREFIX / sizeof *PREFIX; i++)
			prefix = prefix || tok_is(c, t->tok - 2, PREFIX[i]);
		if (!prefix && pw->start + pw->len == hy->start &&
		    hy->start + hy->len == c->ti.toks.items[t->tok].start)
			return;
	}
	/* English: "Georgian demonstrators fired rockets at the police",
	 * "rioters in Lagos stormed the ministry": a noun naming the people
	 * who act, followed in its clause by the verb they do, is that verb's
	 * subject, no act of its own; "protesters demanding reforms" (a
	 * participle) keeps the protest */
	if (is_en(c) && (en->flags & TF_AGENT))
		for (uint32_t k = t->tok + t->ntok; k < to && k < t->tok + t->ntok + 6; k++) {
			if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || clause_word(c, k))
				break;
			if (!trigger_at(c, k))
				continue;
			bool verb = false;
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				if (o->kind == LX_TRIGGER && o->tok == k && !(entry(c, o->entry)->flags & TF_NOUN))
					verb = true;
			}
			if (verb && !token_ends(c, k, "ing"))
				return;
			break;
		}
	/* English: "police arrested about 20 protesters", "detained dozens of
	 * demonstrators": the people an arrest takes are its object, no
	 * protest of their own in that clause */
	if (is_en(c) && (en->flags & TF_AGENT))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || o->tok + o->ntok + 5 < t->tok ||
			    o->tok < from || (entry(c, o->entry)->flags & TF_NOUN) ||
			    strncmp(hit_code(c, o), "17", 2) != 0)
				continue;
			bool apart = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok && !apart; k++)
				apart = c->ti.toks.items[k].kind == ENT_TOK_PUNCT || clause_word(c, k);
			if (!apart)
				return;
		}
	/* English: "the Syrian-backed militia", "a US-funded program": a
	 * participle joined to a country by a hyphen qualifies the noun
	 * after it; it reports no act */
	if (is_en(c) && t->tok >= from + 2 && tok_is(c, t->tok - 1, "-") &&
	    c->ti.toks.items[t->tok - 2].kind == ENT_TOK_WORD) {
		bool glued = false;
		for (size_t h = 0; h < c->hits.len && !glued; h++)
			glued = c->hits.items[h].kind == LX_ACTOR &&
				c->hits.items[h].tok + c->hits.items[h].ntok == t->tok - 1;
		if (glued)
			return;
	}
	/* English: "Iran wants Iraq to close the border": wanting someone to
	 * act is an appeal to it; "wants" with no actor and "to" after it
	 * ("wants peace") is none */
	if (is_en(c) && t->ntok == 1 &&
	    (tok_is(c, t->tok, "wants") || tok_is(c, t->tok, "want") || tok_is(c, t->tok, "wanted"))) {
		uint32_t k = t->tok + 1;
		while (k < to && (mention_at(c, k) || cue_at(c, k) == CUE_DET || tok_is(c, k, "'s")))
			k++;
		if (k == t->tok + 1 || !mention_at(c, t->tok + 1 + (cue_at(c, t->tok + 1) == CUE_DET)) ||
		    k >= to || !tok_is(c, k, "to"))
			return;
	}

	/* "face à la menace terroriste", "contre la répression": a verb form
	 * that folding makes a noun ("menacé" = "menace") is a noun after a
	 * preposition and its article (a clitic "la" follows a subject, not a
	 * preposition); a noun of threat, force or coercion there names the
	 * background of another act, not an event */
	if (!is_en(c) && t->tok >= from + 2 && cue_at(c, t->tok - 1) == CUE_DET) {
		uint8_t pc = cue_at(c, t->tok - 2);
		bool prep = pc == CUE_PLACE_PREP || pc == CUE_OF || pc == CUE_WITH || pc == CUE_BY ||
			    tok_is(c, t->tok - 2, "contre") || tok_is(c, t->tok - 2, "sur") ||
			    tok_is(c, t->tok - 2, "pour") || tok_is(c, t->tok - 2, "dans");
		bool background = tr->code[0] == '1' && tr->code[1] >= '3' && tr->code[1] <= '7';
		if (prep && (!(en->flags & TF_NOUN) || (background && t->tok > from + 4)))
			return;
	}
	/* "les minerais critiques", "des infrastructures critiques": a verb
	 * form that folding makes an adjective (flag adj: "critiqués" =
	 * "critiques"), right after a determiner and a plain noun, qualifies
	 * that noun; it reports no act */
	if (!is_en(c) && (en->flags & TF_ADJ) && t->tok >= from + 2 &&
	    c->ti.toks.items[t->tok - 1].kind == ENT_TOK_WORD && !c->ti.toks.items[t->tok - 1].upper &&
	    !cue_at(c, t->tok - 1) && !mention_at(c, t->tok - 1) && !trigger_at(c, t->tok - 1) &&
	    (cue_at(c, t->tok - 2) == CUE_DET || cue_at(c, t->tok - 2) == CUE_OF))
		return;
	/* "a annoncé des sanctions, en représailles à une vente d'armes":
	 * a noun of threat after "en" says why another act was done; it is
	 * no threat of its own */
	if (!is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] == '3' &&
	    t->tok > from && tok_is(c, t->tok - 1, "en"))
		return;
	/* "en signe de protestation", "en appel de": a verb form that folding
	 * makes a noun ("signé" = "signe") between "en" and "de" is the noun
	 * of a set phrase; it reports no act */
	if (!is_en(c) && !(en->flags & TF_NOUN) && t->ntok == 1 && t->tok > from &&
	    t->tok + 1 < to && tok_is(c, t->tok - 1, "en") && cue_at(c, t->tok + 1) == CUE_OF)
		return;
	/* "le retour des citoyens suédois expulsés de Libye", "des
	 * journalistes arrêtés": a past participle with no auxiliary, right
	 * after a determiner, a plain noun and (perhaps) a country
	 * adjective, qualifies that noun; it reports no act (with its agent
	 * right after it, "un geste salué par Lima", it is a passive that
	 * does) */
	if (!is_en(c) && !(en->flags & TF_NOUN) && t->ntok == 1 && t->tok >= from + 2) {
		const ent_token *w = &c->ti.toks.items[t->tok];
		const unsigned char *e = (const unsigned char *)c->text + w->start + w->len;
		bool part = false;
		for (uint32_t drop = 0; drop <= 2 && drop + 2 <= w->len && !part; drop++)
			part = e[-(int)drop - 2] == 0xc3 && e[-(int)drop - 1] == 0xa9 &&
			       (drop == 0 || (drop == 1 && (e[-1] == 's' || e[-1] == 'e')) ||
				(drop == 2 && e[-2] == 'e' && e[-1] == 's'));
		uint32_t n = t->tok - 1;
		if (part && n > from && mention_at(c, n) && !c->ti.toks.items[n].upper)
			n--;
		if (part && n > from && c->ti.toks.items[n].kind == ENT_TOK_WORD &&
		    !c->ti.toks.items[n].upper && !cue_at(c, n) && !mention_at(c, n) && !trigger_at(c, n) &&
		    (cue_at(c, n - 1) == CUE_DET || cue_at(c, n - 1) == CUE_OF) &&
		    !(t->tok + 1 < to && cue_at(c, t->tok + 1) == CUE_BY))
			return;
	}
	/* "a salué l'aide humanitaire du Japon", "soutient les programmes
	 * d'aide alimentaire des Nations unies": the country right after an
	 * aid noun, in the genitive, is its giver; an aid that is the object
	 * of another act of the clause (praised, supported) is no aid by
	 * the clause's subject */
	if (!is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '7' &&
	    t->tok + t->ntok + 1 < to && cue_at(c, t->tok + t->ntok) == CUE_OF) {
		uint32_t k = t->tok + t->ntok + 1;
		if (k + 1 < to && cue_at(c, k) == CUE_DET)
			k++;
		bool before = false;
		for (size_t h = 0; h < c->hits.len && !before; h++) {
			const lx_hit *o = &c->hits.items[h];
			before = o->kind == LX_TRIGGER && o->tok >= from && o->tok + o->ntok <= t->tok;
		}
		if (before && mention_at(c, k))
			return;
	}
	/* "a averti que son pays abattrait tout missile", "menace de
	 * rétablir les sanctions": the coercion a French threat announces in
	 * its clause is its content (the threat's code says it), no act */
	if (!is_en(c) && tr->code[0] == '1' && tr->code[1] >= '6')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || o->tok + o->ntok + 12 < t->tok ||
			    o->tok < from)
				continue;
			const char *oc = hit_code(c, o);
			if (oc[0] != '1' || oc[1] != '3')
				continue;
			bool stop = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok && !stop; k++)
				stop = tok_is(c, k, ".") || tok_is(c, k, ";") || tok_is(c, k, ",") ||
				       tok_is(c, k, "qui") || tok_is(c, k, "après");
			if (!stop)
				return;
		}
	/* "a averti que la situation restait grave": a French warning is a
	 * threat only when what follows it is announced (a conditional or a
	 * future: "n'hésiterait pas", "prendra des mesures"); an alleged act
	 * ("aurait tiré") is none */
	if (!is_en(c) && tr->code[0] == '1' && tr->code[1] == '3' && t->ntok >= 2 &&
	    (tok_is(c, t->tok + t->ntok - 1, "que") || tok_is(c, t->tok + t->ntok - 1, "qu'"))) {
		bool announced = false;
		for (uint32_t k = t->tok + t->ntok; k < to && !announced; k++) {
			if (tok_is(c, k, ";"))
				break;
			announced = ((token_ends(c, k, "rait") || token_ends(c, k, "raient")) &&
				     !tok_is(c, k, "aurait") && !tok_is(c, k, "auraient")) ||
				    french_future(c, k, 1);
		}
		if (!announced)
			return;
	}
	/* "n'exclut pas de se rendre à Moscou", "menace de coopérer":
	 * a French threat whose content, right after it, is a meeting or
	 * cooperation is none (that content codes itself) */
	if (!is_en(c) && tr->code[0] == '1' && tr->code[1] == '3')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok < t->tok + t->ntok || o->tok > t->tok + t->ntok + 2)
				continue;
			const char *oc = hit_code(c, o);
			if (oc[0] == '0' && oc[1] >= '3' && oc[1] <= '6')
				return;
		}
	/* "l'accord de cessez-le-feu de novembre", "les efforts pour
	 * parvenir à un cessez-le-feu", "a appelé, une fois de plus, au
	 * retrait des troupes": a French noun of yielding that qualifies
	 * another noun, or that an appeal or a purpose aims at, is no event
	 * of its own */
	if (!is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '8' &&
	    t->tok > from) {
		if (tok_is(c, t->tok - 1, "de") || tok_is(c, t->tok - 1, "d'"))
			return;
		for (uint32_t k = t->tok, n = 0; k > from && n < 12; k--, n++) {
			uint32_t len;
			const char *w = key(c, k - 1, &len);
			if (tok_is(c, k - 1, ".") || tok_is(c, k - 1, ";"))
				break;
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				if (o->kind != LX_TRIGGER || o->tok > k - 1 || o->tok + o->ntok <= k - 1)
					continue;
				const char *oc = hit_code(c, o);
				if ((oc[0] == '0' && oc[1] == '2') || (oc[0] == '1' && oc[1] == '0'))
					return; /* an appeal's or a demand's content */
				n = 12;
			}
			if (n >= 12)
				break;
			if ((len >= 5 && !memcmp(w, "appel", 5)) || tok_is(c, k - 1, "afin") ||
			    tok_is(c, k - 1, "visant") || tok_is(c, k - 1, "vue") ||
			    (tok_is(c, k - 1, "pour") && k < t->tok &&
			     (token_ends(c, k, "er") || token_ends(c, k, "ir") || token_ends(c, k, "re"))))
				return;
		}
	}
	/* English: "the truce agreement", "ceasefire monitors", "talks on a
	 * troop pullback", "accused of breaking a two-week truce", "sent to
	 * supervise the ceasefire": a noun of yielding that qualifies the
	 * noun after it, or that is the topic of a preposition, the object
	 * of a gerund or of an infinitive that is no trigger, is no event of
	 * its own (issue #4) */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '8') {
		uint32_t nx = t->tok + t->ntok;
		/* "according to a press release": a statement, no release */
		if (t->tok > from && (tok_is(c, t->tok - 1, "press") || tok_is(c, t->tok - 1, "news")))
			return;
		if (nx < to && c->ti.toks.items[nx].kind != ENT_TOK_PUNCT && !trigger_at(c, nx) &&
		    (cue_at(c, nx) == CUE_AGREEMENT || token_ends(c, nx, "ors") ||
		     token_ends(c, nx, "ions")))
			return;
		uint32_t d = t->tok;
		while (d > from && t->tok - d < 5 && cue_at(c, d - 1) != CUE_DET &&
		       (c->ti.toks.items[d - 1].kind != ENT_TOK_PUNCT || tok_is(c, d - 1, "-")) &&
		       !trigger_at(c, d - 1))
			d--;
		if (d > from + 1 && cue_at(c, d - 1) == CUE_DET && !trigger_at(c, d - 2)) {
			uint32_t g = d - 2;
			bool plain = !cue_at(c, g) && !mention_at(c, g) &&
				     c->ti.toks.items[g].kind == ENT_TOK_WORD;
			if (tok_is(c, g, "on") || tok_is(c, g, "about") || tok_is(c, g, "over") ||
			    (plain && token_ends(c, g, "ing")) ||
			    (plain && g > from && tok_is(c, g - 1, "to")))
				return;
			/* "in breach of the April truce", "the collapse of a
			 * local ceasefire": the truce broken, no truce made */
			if (tok_is(c, g, "of") && g > from &&
			    (tok_is(c, g - 1, "breach") || tok_is(c, g - 1, "breaches") ||
			     tok_is(c, g - 1, "collapse") || tok_is(c, g - 1, "breakdown") ||
			     tok_is(c, g - 1, "violation") || tok_is(c, g - 1, "violations")))
				return;
		}
	}
	/* English: "police in riot gear", "riot squads guarded the embassy":
	 * "riot" qualifying the equipment or unit after it is no riot ("riot
	 * police" is left alone: with the demonstrators they face, it stands
	 * for the protest, which the engine does not code otherwise) */
	if (is_en(c) && (en->flags & TF_NOUN) && t->ntok == 1 && tok_is(c, t->tok, "riot") &&
	    t->tok + 1 < to &&
	    (tok_is(c, t->tok + 1, "gear") || tok_is(c, t->tok + 1, "squad") ||
	     tok_is(c, t->tok + 1, "squads") || tok_is(c, t->tok + 1, "shields") ||
	     tok_is(c, t->tok + 1, "control") || tok_is(c, t->tok + 1, "units") ||
	     tok_is(c, t->tok + 1, "troops")))
		return;
	/* English: "a Russian attache accused of spying", "was accused of
	 * fraud": "accused" right before "of" has no object, so it is the
	 * participle, its noun the accused; the accuser is not named (unless
	 * "by" names it further on: "was accused of fraud by X") */
	if (is_en(c) && !(en->flags & TF_NOUN) && !strcmp(tr->code, "112") && t->ntok == 1 &&
	    tok_is(c, t->tok, "accused") && t->tok + 1 < to && tok_is(c, t->tok + 1, "of")) {
		bool by = false;
		for (uint32_t k = t->tok + 2; k < to && !by; k++)
			by = tok_is(c, k, "by");
		if (!by)
			return;
	}
	/* English: "would not meet the kidnappers demands", "rejected Russia's
	 * demands": "demands" as the object of a verb before it, in its
	 * phrase, is the noun, no demand of the subject */
	if (is_en(c) && !(en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] == '0' &&
	    t->ntok == 1 && (tok_is(c, t->tok, "demands") || tok_is(c, t->tok, "demand")))
		for (uint32_t k = t->tok, n = 0; k > from && n < 5; k--, n++) {
			const ent_token *w = &c->ti.toks.items[k - 1];
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				if (o->kind == LX_TRIGGER && o->tok + o->ntok == k &&
				    !(entry(c, o->entry)->flags & TF_NOUN))
					return;
			}
			uint8_t q = cue_at(c, k - 1);
			if ((trigger_at(c, k - 1) && en_verb_trigger_at(c, k - 1)) ||
			    (q && q != CUE_DET && q != CUE_POSSESSIVE) ||
			    clause_word(c, k - 1) || tok_is(c, k - 1, "that") ||
			    (w->kind == ENT_TOK_PUNCT && !tok_is(c, k - 1, "-") && !tok_is(c, k - 1, "'s") &&
			     !tok_is(c, k - 1, "'")) ||
			    (w->upper && !mention_at(c, k - 1)))
				break;
		}
	/* English: "a demonstration over fraud allegations", "marched about
	 * the corruption accusations": an accusation noun that is the topic
	 * of another act, with no accuser named after it, is no accusation
	 * of the sentence's subject (issue #4) */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] == '1') {
		uint32_t d = t->tok;
		while (d > from && t->tok - d < 3 &&
		       (c->ti.toks.items[d - 1].kind == ENT_TOK_WORD || tok_is(c, d - 1, "-")) &&
		       !c->ti.toks.items[d - 1].upper && !cue_at(c, d - 1) && !trigger_at(c, d - 1) &&
		       !mention_at(c, d - 1) && !tok_is(c, d - 1, "over") && !tok_is(c, d - 1, "about"))
			d--;
		if (d > from && cue_at(c, d - 1) == CUE_DET)
			d--;
		uint32_t nx = t->tok + t->ntok;
		/* ("to hand over a note verbale", "turned over": a particle,
		 * no topic) */
		static const char *const particle[] = {"hand", "hands", "handed", "handing", "turn",
						       "turns", "turned", "turning", "brought", "bring",
						       NULL};
		bool part = d > from + 1 && trigger_at(c, d - 1);
		for (int w = 0; particle[w] && !part && d > from + 1; w++)
			part = tok_is(c, d - 2, particle[w]);
		if (d > from + 1 && (tok_is(c, d - 1, "over") || tok_is(c, d - 1, "about")) && !part &&
		    !(nx < to && (tok_is(c, nx, "by") || tok_is(c, nx, "from"))))
			return;
	}
	/* "pour concrétiser les accords signés", "implement the agreements
	 * signed": a participle of signing right after an agreement noun and
	 * its article, inside a clause (not opening the sentence), refers
	 * back to texts already signed; it is no new signing (issue #3:
	 * the real signing told later keeps its sectors) */
	if (!(en->flags & TF_NOUN) && strcmp(tr->code, "057") == 0 && t->tok >= from + 3 &&
	    cue_at(c, t->tok - 1) == CUE_AGREEMENT &&
	    (cue_at(c, t->tok - 2) == CUE_DET || cue_at(c, t->tok - 2) == CUE_POSSESSIVE) &&
	    (tok_is(c, t->tok, "signe") || tok_is(c, t->tok, "signee") || tok_is(c, t->tok, "signes") ||
	     tok_is(c, t->tok, "signees") || tok_is(c, t->tok, "signed")))
		return;
	/* "a annoncé l'expulsion de six diplomates, sommés de quitter le
	 * territoire avant samedi", "déclarés persona non grata et priés de
	 * quitter le pays": leaving is what the expulsion told before it
	 * demands, no act of its own (and the one leaving is the expelled) */
	bool leave = false;
	for (uint32_t k = t->tok; !is_en(c) && k < t->tok + t->ntok; k++)
		leave = leave || tok_is(c, k, "quitter");
	if (leave && tr->code[0] == '1' && tr->code[1] == '6')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TRIGGER && o->tok < t->tok &&
			    hit_code(c, o)[0] == '1' &&
			    hit_code(c, o)[1] == '6')
				return;
		}
	/* "lors de l'entretien": a reference to the meeting, not a new one */
	if (t->tok > from) {
		uint32_t p = t->tok;
		/* ("on the first day of their talks": English, past a
		 * possessive too) */
		while (p > from && (cue_at(c, p - 1) == CUE_DET ||
				    (is_en(c) && cue_at(c, p - 1) == CUE_POSSESSIVE)))
			p--;
		/* (English: "said that lifting the embargo is ...": "that"
		 * right before a gerund opens its clause, it names nothing) */
		if (p > from && cue_at(c, p - 1) == CUE_REF &&
		    !(is_en(c) && p == t->tok && !(en->flags & TF_NOUN) && tok_is(c, p - 1, "that") &&
		      token_ends(c, t->tok, "ing")))
			return;
		if (is_en(c) && (en->flags & TF_NOUN) && en_ref_noun(c, from, t->tok))
			return;
		/* "This is their first phone conversation", "that was his second visit" */
		if ((en->flags & TF_NOUN) && p > from + 1 && !cue_at(c, p - 1) &&
		    !trigger_at(c, p - 1) && c->ti.toks.items[p - 1].kind == ENT_TOK_WORD &&
		    !c->ti.toks.items[p - 1].upper) {
			uint32_t q = p - 1;
			while (q > from && (cue_at(c, q - 1) == CUE_DET || cue_at(c, q - 1) == CUE_POSSESSIVE))
				q--;
			if (q > from + 1 && cue_at(c, q - 1) == CUE_PASSIVE && cue_at(c, q - 2) == CUE_REF)
				return;
		}
	}
	/* English: "after an emergency cabinet meeting", "the Somali
	 * government meeting": a meeting noun right after the title of a
	 * government's own body (cabinet, government, ministry, security
	 * council) is that body's sitting, no meeting between countries */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '4' &&
	    t->tok > from)
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			static const char *const bodies[] = {"cabinet", "government", "ministry",
							     "council", "politburo", NULL};
			if (o->kind != LX_TITLE || o->tok + o->ntok != t->tok ||
			    c->lx->titles.items[entry(c, o->entry)->value].office != OF_NONE ||
			    strcmp(c->lx->titles.items[entry(c, o->entry)->value].agent, "GOV") != 0)
				continue;
			for (int b = 0; bodies[b]; b++)
				if (tok_is(c, t->tok - 1, bodies[b]))
					return;
		}
	/* English (issue #4): "a deal struck in Indian-Chinese border
	 * talks", "agreed to US mediation of its quarrel", "a
	 * climate for peace talks": a meeting noun that is the object of a
	 * preposition in the clause of another kind of event is its
	 * background, not a meeting of its own */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '4') {
		uint32_t p = t->tok;
		while (p > from && t->tok - p < 6 &&
		       (cue_at(c, p - 1) == CUE_DET || mention_at(c, p - 1) || tok_is(c, p - 1, "-") ||
			(c->ti.toks.items[p - 1].kind == ENT_TOK_WORD && !cue_at(c, p - 1) &&
			 !trigger_at(c, p - 1) && !c->ti.toks.items[p - 1].upper)))
			p--;
		static const char *const preps[] = {"in", "for", "at", "of", "on", "to", NULL};
		bool prep = false;
		for (int k = 0; p > from && preps[k]; k++)
			if (tok_is(c, p - 1, preps[k]))
				prep = true;
		/* "congratulated them in telephone calls": a call is the
		 * channel of the act it carries, a call of its own */
		if (prep && !strcmp(tr->code, "041") && tok_is(c, p - 1, "in"))
			prep = false;
		for (size_t h = 0; prep && h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok >= p)
				continue;
			const char *oc = hit_code(c, o);
			/* "is engaged in talks": "engaged" codes only a fight */
			if (o->ntok == 1 && (tok_is(c, o->tok, "engaged") || tok_is(c, o->tok, "engages")))
				continue;
			if (!(oc[0] == '0' && oc[1] == '4') && !(oc[0] == '0' && oc[1] == '3' && oc[2] == '6'))
				return;
		}
	}
	/* English: "until their demands are met" (met is fulfilled: what is
	 * met is no actor) */
	if (is_en(c) && !(en->flags & TF_NOUN) && tok_is(c, t->tok, "met") && t->tok > from + 1 &&
	    cue_at(c, t->tok - 1) == CUE_PASSIVE && !mention_at(c, t->tok - 2))
		return;
	/* "..., a rights group charged on Saturday.": "charged" closing the
	 * sentence after a comma, with no object, reports an accusation (the
	 * clause before it), no charge of a court */
	if (is_en(c) && t->ntok == 1 && tok_is(c, t->tok, "charged") && t->tok > from + 2 &&
	    cue_at(c, t->tok - 1) != CUE_PASSIVE) {
		bool comma = false, object = false;
		for (uint32_t k = t->tok; k > from && !comma && t->tok - k < 8; k--)
			comma = tok_is(c, k - 1, ",");
		for (uint32_t k = t->tok + 1, nt = 0; k < to && !object; k++) {
			if (time_at(c, k, &nt) && nt) {
				k += nt - 1;
				continue;
			}
			object = !(tok_is(c, k, "on") || tok_is(c, k, "today") || tok_is(c, k, "here") ||
				   c->ti.toks.items[k].kind == ENT_TOK_PUNCT);
		}
		if (comma && !object)
			return;
	}
	/* English: "turned down a new offer from Laos for direct talks", "a
	 * proposal by Chile for joint patrols": the act an offer or a
	 * proposal is for is its content, not done */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && t->tok > from + 2) {
		uint32_t k = t->tok;
		while (k > from + 1 && t->tok - k < 2 && c->ti.toks.items[k - 1].kind == ENT_TOK_WORD &&
		       !tok_is(c, k - 1, "for") && !trigger_at(c, k - 1) && !mention_at(c, k - 1))
			k--;
		if (k > from + 1 && tok_is(c, k - 1, "for")) {
			uint32_t q = k - 1;
			while (q > from && k - 1 - q < 4 &&
			       (mention_at(c, q - 1) || tok_is(c, q - 1, "from") || tok_is(c, q - 1, "by")))
				q--;
			static const char *const offers[] = {"offer", "offers", "proposal", "proposals",
							     "invitation", "invitations", NULL};
			for (int w = 0; offers[w] && q > from; w++)
				if (tok_is(c, q - 1, offers[w]))
					return;
		}
	}
	/* "lodged a protest against the joint statement", "condemned the
	 * sanctions": a noun right after a demand, a disapproval or a
	 * rejection is what is objected to, not an event of its own */
	/* English: "rejected a U.S. request", "rejected Thursday a United
	 * Nations appeal", "reject proposed Israeli changes": the names and
	 * the day between the verb and its object do not count, and a verb
	 * after a determiner or right after the rejection is its object too */
	uint32_t obj_p = t->tok;
	while (is_en(c) && obj_p > from && (tok_is(c, obj_p - 1, "'s") || mention_at(c, obj_p - 1)))
		obj_p--;
	/* "the strikers' demands": a plural owner is part of the object */
	if (is_en(c) && obj_p > from + 1 && tok_is(c, obj_p - 1, "'") && token_ends(c, obj_p - 2, "s") &&
	    c->ti.toks.items[obj_p - 2].kind == ENT_TOK_WORD && !trigger_at(c, obj_p - 2))
		obj_p -= 2;
	bool obj_det = obj_p > from && (cue_at(c, obj_p - 1) == CUE_DET ||
					cue_at(c, obj_p - 1) == CUE_POSSESSIVE);
	bool en_object = is_en(c) && !(en->flags & TF_NOUN) && obj_p > from &&
			 (obj_det || (obj_p == t->tok && trigger_at(c, t->tok - 1) &&
				      !tok_is(c, t->tok - 1, "to")));
	if ((en->flags & TF_NOUN) || en_object)
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok ||
			    (is_en(c) ? object_gap(c, o->tok + o->ntok, t->tok) > 4 ||
					    t->tok - (o->tok + o->ntok) > 12
				      : t->tok - (o->tok + o->ntok) > 4 && !fr_reduce_reach(c, o, t->tok)))
				continue;
			if (en_object && !obj_det && o->tok + o->ntok != t->tok)
				continue;
			/* "its long-threatened invasion": a participle joined by a
			 * hyphen to the word before it is an adjective, no verb */
			if (is_en(c) && !(en->flags & TF_NOUN) && (entry(c, t->entry)->flags & TF_NOUN) &&
			    o->ntok == 1 && o->tok > from + 1 && tok_is(c, o->tok - 1, "-") &&
			    token_ends(c, o->tok, "ed") && c->ti.toks.items[o->tok - 2].kind == ENT_TOK_WORD)
				continue;
			const char *oc = hit_code(c, o);
			bool comma = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok; k++)
				if (tok_is(c, k, ",") || cue_at(c, k) == CUE_COORD)
					comma = true;
			/* English: "would boycott talks with Chile", the object of a
			 * threat too */
			if (!comma && oc[0] == '1' && (oc[1] <= '2' || (is_en(c) && oc[1] == '3')))
				return;
			/* English: "welcomed the expulsion", "hailed the
			 * sanctions": a conflictual noun right after a praise is
			 * what is praised */
			if (!comma && is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '1' &&
			    o->tok + o->ntok + 1 >= t->tok &&
			    ((oc[0] == '0' && oc[1] == '5') || tok_is(c, o->tok, "welcomed") ||
			     tok_is(c, o->tok, "welcomes")))
				return;
			/* English: "welcomed the meeting in Doha", "praised the
			 * recent talks": a meeting right after a praise is what
			 * is praised, the praiser met nobody */
			if (!comma && is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' &&
			    tr->code[1] == '4' && t->tok - (o->tok + o->ntok) <= 3 &&
			    ((oc[0] == '0' && oc[1] == '5') || tok_is(c, o->tok, "welcomed") ||
			     tok_is(c, o->tok, "welcomes"))) {
				bool direct = true;
				for (uint32_t k = o->tok + o->ntok; k < t->tok; k++)
					if (tok_is(c, k, "for") || tok_is(c, k, "with") || tok_is(c, k, "to") ||
					    tok_is(c, k, "at") || tok_is(c, k, "after") ||
					    /* "congratulated him in a phone call":
					     * the praise was made in the meeting */
					    tok_is(c, k, "in") || tok_is(c, k, "during") ||
					    c->ti.toks.items[k].kind == ENT_TOK_PUNCT)
						direct = false;
				if (direct)
					return;
			}
			/* "lifted a night curfew", "halted economic aid": the
			 * object of a yielding or reducing verb (issue #4) */
			if (!comma && !(entry(c, o->entry)->flags & TF_NOUN) &&
			    ((oc[0] == '0' && oc[1] == '8') || (oc[0] == '1' && oc[1] == '6')))
				return;
			/* "s'est félicité de la livraison prochaine des avions":
			 * a cooperation or an aid to come that is praised is
			 * the topic of the praise, not done yet */
			if (!comma && !is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' &&
			    (tr->code[1] == '6' || tr->code[1] == '7') && oc[0] == '0' && oc[1] == '5' &&
			    t->tok + t->ntok < to &&
			    (tok_is(c, t->tok + t->ntok, "prochaine") || tok_is(c, t->tok + t->ntok, "prochain") ||
			     tok_is(c, t->tok + t->ntok, "prochaines") || tok_is(c, t->tok + t->ntok, "prochains") ||
			     (t->tok > from && (tok_is(c, t->tok - 1, "prochaine") ||
						tok_is(c, t->tok - 1, "prochain") ||
						tok_is(c, t->tok - 1, "future")))))
				return;
		}
	/* English: "police dispersed a demonstration", "banned the march of
	 * the opposition", "used tear gas to disperse angry protesters": the
	 * protest a coercive verb acts on is its object, no act of its own */
	if (is_en(c) && (en->flags & (TF_NOUN | TF_AGENT)) && tr->code[0] == '1' && tr->code[1] == '4')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || (entry(c, o->entry)->flags & TF_NOUN) ||
			    object_gap(c, o->tok + o->ntok, t->tok) > 4)
				continue;
			const char *oc = hit_code(c, o);
			bool stop = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok; k++)
				if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || cue_at(c, k) == CUE_COORD ||
				    trigger_at(c, k))
					stop = true;
			if (!stop && oc[0] == '1' && oc[1] == '7')
				return;
		}
	/* "a remercié mercredi la Suisse pour son aide humanitaire", "a
	 * félicité le Laos pour sa présidence": what the praise is for is no
	 * event of its own */
	if (!is_en(c) && (en->flags & TF_NOUN) && t->tok >= from + 3 && tok_is(c, t->tok - 2, "pour") &&
	    (cue_at(c, t->tok - 1) == CUE_DET || cue_at(c, t->tok - 1) == CUE_POSSESSIVE))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok - 2 || o->tok + 12 < t->tok ||
			    (entry(c, o->entry)->flags & TF_NOUN))
				continue;
			const char *oc = hit_code(c, o);
			bool stop = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok - 2; k++)
				if (tok_is(c, k, ",") || tok_is(c, k, ";") || trigger_at(c, k))
					stop = true;
			if (!stop && oc[0] == '0' && oc[1] == '5')
				return;
		}
	/* "had already rejected and condemned the claims": one disapproval,
	 * the verb next to its object */
	if (!(en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] >= '1' && tr->code[1] <= '2' &&
	    t->tok + t->ntok + 1 < to && cue_at(c, t->tok + t->ntok) == CUE_COORD)
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok != t->tok + t->ntok + 1)
				continue;
			const char *oc = hit_code(c, o);
			if (oc[0] == '1' && oc[1] >= '1' && oc[1] <= '2' && !(entry(c, o->entry)->flags & TF_NOUN))
				return;
		}
	/* "Turkish officials received the relief supplies": aid that is
	 * received goes from the other side to the receiver */
	bool received = false;
	if ((en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '7') {
		uint32_t k = t->tok;
		while (k > from && cue_at(c, k - 1) == CUE_DET)
			k--;
		for (size_t h = 0; k > from && h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TRIGGER && o->tok + o->ntok == k && entry(c, o->entry)->sub == FR_RECEIVE)
				received = true;
		}
	}
	/* English: "the rebels received weapons from Iran", "Kenya received
	 * assurances from Britain": a receiving trigger of aid or of a pledge
	 * goes from the giver (named after it) to the receiver */
	if (is_en(c) && !(en->flags & TF_NOUN) && t->ntok >= 2 &&
	    ((tr->code[0] == '0' && (tr->code[1] == '3' || tr->code[1] == '7'))) &&
	    (tok_is(c, t->tok, "received") || tok_is(c, t->tok, "receives") ||
	     tok_is(c, t->tok, "receive") || tok_is(c, t->tok, "receiving")))
		received = true;
	/* "a appelé les autorités à garantir ...": an appeal names its
	 * content after "à"; "a appelé son homologue" is a telephone call */
	if (!is_en(c) && t->ntok == 2 && !tok_is(c, t->tok + 1, "a") &&
	    (tok_is(c, t->tok, "appele") || tok_is(c, t->tok, "appelee") ||
	     tok_is(c, t->tok, "appeles"))) {
		bool a = false;
		for (uint32_t k = t->tok + 2; k < to && k < t->tok + 10 && !a; k++) {
			if (trigger_at(c, k) || tok_is(c, k, ".") || tok_is(c, k, ";"))
				break;
			a = tok_is(c, k, "a") || tok_is(c, k, "au") || tok_is(c, k, "aux");
		}
		if (!a)
			return;
	}
	/* "a appelé Berlin à ne pas bloquer", "a appelé Kinshasa et Kigali
	 * au dialogue": the bare participle names its addressee by a proper
	 * name, then the content after "à"; anything else ("a appelé
	 * Emmanuel Macron mardi") is a telephone call */
	if (!is_en(c) && t->ntok == 1 &&
	    (tok_is(c, t->tok, "appele") || tok_is(c, t->tok, "appelee") ||
	     tok_is(c, t->tok, "appeles"))) {
		uint32_t k = t->tok + 1;
		bool name = false;
		while (k < to && k < t->tok + 8 &&
		       ((c->ti.toks.items[k].kind == ENT_TOK_WORD && c->ti.toks.items[k].upper) ||
			(name && (tok_is(c, k, "et") || tok_is(c, k, "-"))))) {
			name = true;
			k++;
		}
		if (!name || k >= to ||
		    !(tok_is(c, k, "a") || tok_is(c, k, "au") || tok_is(c, k, "aux")))
			return;
		/* "a appelé Emmanuel Macron à la veille du sommet, à
		 * l'occasion de sa fête": a time after "à" is no content */
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TIME && o->tok > k && o->tok <= k + 2)
				return;
		}
		if ((k + 1 < to && tok_is(c, k + 1, "occasion")) ||
		    (k + 2 < to && tok_is(c, k + 2, "occasion")))
			return;
	}
	/* "received the relief goods": what is received is a thing */
	/* ... and "a reçu le 5 novembre un avis d'expulsion": a noun that
	 * names no actor right after the article, past the date and place */
	if (frame_kind == FR_RECEIVE && !(en->flags & TF_NOUN)) {
		uint32_t k = t->tok + t->ntok;
		while (k < to && setting_at(c, k, to))
			k++;
		uint32_t det = k;
		while (k < to && cue_at(c, k) == CUE_DET)
			k++;
		if (k < to && trigger_at(c, k))
			return;
		if (k > det && k < to && c->ti.toks.items[k].kind == ENT_TOK_WORD &&
		    !c->ti.toks.items[k].upper && !cue_at(c, k) && !mention_at(c, k))
			return;
	}
	/* "welcomed President Reagan's latest statement", "welcomed the
	 * ceasefire": what is welcomed is no visitor, the welcome is praise
	 * (051; issue #4) */
	/* English: "insurgents engaged Kenyan troops in a gun battle":
	 * "engaged" with an actor after it and "in" a fight is that fight,
	 * aimed at the actor; otherwise it reports nothing */
	const char *fight_code = NULL;
	if (is_en(c) && t->ntok == 1 && (tok_is(c, t->tok, "engaged") || tok_is(c, t->tok, "engages"))) {
		uint32_t k = t->tok + 1;
		if (k < to && cue_at(c, k) == CUE_DET)
			k++;
		if (k >= to || !mention_at(c, k))
			return;
		for (; k < to && k < t->tok + 10 && !fight_code; k++) {
			if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT)
				break;
			if (!tok_is(c, k, "in"))
				continue;
			uint32_t n = k + 1;
			while (n < to && cue_at(c, n) == CUE_DET)
				n++;
			/* "in heavy clashes" */
			for (int a = 0; a < 2 && n + 1 < to && !trigger_at(c, n) && !cue_at(c, n) &&
					c->ti.toks.items[n].kind == ENT_TOK_WORD && !c->ti.toks.items[n].upper;
			     a++)
				n++;
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				const char *oc = hit_code(c, o);
				if (o->kind == LX_TRIGGER && o->tok == n && oc[0] == '1' && oc[1] >= '8')
					fight_code = oc;
			}
		}
		if (!fight_code)
			return;
	}
	bool welcome_praise = false;
	if (is_en(c) && frame_kind == FR_RECEIVE && !(en->flags & TF_NOUN) &&
	    (tok_is(c, t->tok, "welcomed") || tok_is(c, t->tok, "welcomes") ||
	     tok_is(c, t->tok, "welcome"))) {
		uint32_t k = t->tok + t->ntok;
		while (k < to && cue_at(c, k) == CUE_DET)
			k++;
		uint32_t e = k;
		while (e < to && mention_at(c, e))
			e++;
		/* "welcomed the Philippines' chairmanship": a bare ' too */
		if (k < to && (e > k ? e < to && possessive_after(c, e)
				     : c->ti.toks.items[k].kind == ENT_TOK_WORD && !c->ti.toks.items[k].upper))
			welcome_praise = true;
		if (welcome_praise)
			frame_kind = FR_ACT;
	}
	/* "la guerre en Ukraine", "l'invasion de l'Ukraine": a noun of armed
	 * conflict names the background, not an event of the news */
	if ((en->flags & TF_NOUN) && (tr->code[0] == '1' && tr->code[1] >= '8') &&
	    !(is_en(c) && en_future_object(c, t->tok, from)))
		return;
	if ((en->flags & TF_NOUN) && tr->code[0] == '2')
		return;
	/* English: "agreed on the need for a ceasefire", "stressed the need
	 * for new talks": what is needed has not happened */
	if (is_en(c) && (en->flags & TF_NOUN)) {
		uint32_t k = t->tok;
		for (int a = 0; a < 2 && k > from + 2 && c->ti.toks.items[k - 1].kind == ENT_TOK_WORD &&
				!tok_is(c, k - 1, "for");
		     a++)
			k--;
		if (k > from + 1 && tok_is(c, k - 1, "for") &&
		    (tok_is(c, k - 2, "need") || tok_is(c, k - 2, "needs")))
			return;
		/* "paved the way for talks", "a favourable climate for
		 * negotiations": a meeting that something makes possible has
		 * not happened */
		static const char *const prospect[] = {"way", "climate", "conditions", "stage",
						       "groundwork", "atmosphere", "prospects", "chances",
						       NULL};
		for (int w = 0; prospect[w] && tr->code[0] == '0' && tr->code[1] == '4' && k > from + 1 &&
				tok_is(c, k - 1, "for");
		     w++)
			if (tok_is(c, k - 2, prospect[w]))
				return;
		/* "the meeting's co-chairman said", "the summit's host": a
		 * meeting noun that owns the noun after it refers to the
		 * setting, no meeting of its own */
		if (tr->code[0] == '0' && tr->code[1] == '4' && t->tok + t->ntok + 1 < to &&
		    (tok_is(c, t->tok + t->ntok, "'s") || tok_is(c, t->tok + t->ntok, "'")) &&
		    c->ti.toks.items[t->tok + t->ntok + 1].kind == ENT_TOK_WORD)
			return;
	}
	/* English: "ten people died or were killed in tribal riots last
	 * year": a protest noun after "in" or "during" right after a verb of
	 * violence is where the violence happened, no protest of the news */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] == '4') {
		uint32_t k = t->tok;
		while (k > from && t->tok - k < 2 && c->ti.toks.items[k - 1].kind == ENT_TOK_WORD &&
		       !c->ti.toks.items[k - 1].upper && !cue_at(c, k - 1) && !trigger_at(c, k - 1) &&
		       !tok_is(c, k - 1, "in") && !tok_is(c, k - 1, "during"))
			k--;
		if (k > from + 1 && (tok_is(c, k - 1, "in") || tok_is(c, k - 1, "during")))
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				const char *oc = hit_code(c, o);
				if (o->kind == LX_TRIGGER && o->tok + o->ntok == k - 1 &&
				    !(entry(c, o->entry)->flags & TF_NOUN) &&
				    force_code(oc))
					return;
			}
	}
	/* English: "a sit-in in protest of Monday's detention of two reporters",
	 * "rallied in protest against the killing of a student": a noun of
	 * coercion or violence that is what is protested is no act of the
	 * protesters */
	if (is_en(c) && (en->flags & TF_NOUN) &&
	    ((tr->code[0] == '1' && tr->code[1] >= '7') || (tr->code[0] == '2' && tr->code[1] == '0'))) {
		uint32_t k = t->tok;
		while (k > from + 1 && t->tok - k < 4 && c->ti.toks.items[k - 1].kind == ENT_TOK_WORD &&
		       !tok_is(c, k - 1, "of") && !tok_is(c, k - 1, "against") && !tok_is(c, k - 1, "over") &&
		       !tok_is(c, k - 1, "at"))
			k--;
		if (k > from + 1 && (tok_is(c, k - 1, "of") || tok_is(c, k - 1, "against") ||
				     tok_is(c, k - 1, "over") || tok_is(c, k - 1, "at")) &&
		    (tok_is(c, k - 2, "protest") || tok_is(c, k - 2, "protests") || tok_is(c, k - 2, "protesting")))
			return;
	}
	/* English: "police broke up a rally by students", "prevented the
	 * demonstration staged by students": a protest that is the object
	 * of a verb that stops or bans it is no act of that verb's subject */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '1' && tr->code[1] == '4' &&
	    t->tok > from + 1) {
		uint32_t k = t->tok;
		if (cue_at(c, k - 1) == CUE_DET && k > from + 2)
			k--;
		static const char *const stop[] = {"prevented", "prevent", "banned", "ban", "bans",
			"forbade", "prohibited", "suppressed", "crushed", "dispersed", "disperse", NULL};
		for (int w = 0; stop[w]; w++)
			if (tok_is(c, k - 1, stop[w]))
				return;
		if (tok_is(c, k - 1, "up") && (tok_is(c, k - 2, "broke") || tok_is(c, k - 2, "break")))
			return;
	}
	/* English: "killed by the crash of the airliner": no attack */
	if (is_en(c) && !(en->flags & TF_NOUN) &&
	    force_code(tr->code) &&
	    en_accident_after(c, t->tok + t->ntok, to))
		return;
	/* English: "a member of the movement jailed a year ago": a reduced
	 * relative clause with no agent names a person, it reports no act of
	 * the noun before it; with "by X" it is a passive */
	int reduced = is_en(c) && !(en->flags & TF_NOUN) ? en_reduced_relative(c, t, from, to) : 0;
	if (reduced == 1)
		return;
	/* English: "released 60 million euros in humanitarian aid": funds
	 * released are the aid named after them, no release of persons */
	const char *aid_code = NULL;
	if (is_en(c) && !(en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '8' && t->ntok == 1)
		for (size_t h = 0; h < c->hits.len && !aid_code; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok <= t->tok || o->tok > t->tok + 8 || o->tok >= to)
				continue;
			const char *oc = hit_code(c, o);
			bool punct = false;
			for (uint32_t k = t->tok + 1; k < o->tok; k++)
				punct = punct || c->ti.toks.items[k].kind == ENT_TOK_PUNCT;
			if (!punct && oc[0] == '0' && oc[1] == '7')
				aid_code = oc;
		}
	/* English: "Milei, who had sharply criticized Beijing during his
	 * campaign, accepted ...": a pluperfect in a relative clause with no
	 * date of its own is background, not news */
	if (is_en(c) && !(en->flags & TF_NOUN) && t->tok > from + 2) {
		uint32_t k = t->tok;
		while (k > from + 2 && k + 4 > t->tok && token_ends(c, k - 1, "ly"))
			k--;
		if (tok_is(c, k - 1, "had") && (tok_is(c, k - 2, "who") || tok_is(c, k - 2, "which")) &&
		    k - 2 > from && tok_is(c, k - 3, ",")) {
			uint32_t end = t->tok + t->ntok;
			while (end < to && !tok_is(c, end, ","))
				end++;
			bool dated = false;
			for (int i = 0; i < c->nd; i++)
				if (c->dates[i].tok > k - 2 && c->dates[i].tok < end)
					dated = true;
			if (!dated)
				return;
		}
		/* "if the party, which rejects the constitution, stood": a
		 * present tense in such a clause tells a standing stance of
		 * the one described, not news */
		if ((tok_is(c, k - 1, "who") || tok_is(c, k - 1, "which")) && tok_is(c, k - 2, ",") &&
		    t->ntok == 1 && token_ends(c, t->tok, "s") && !token_ends(c, t->tok, "ss") &&
		    !token_ends(c, t->tok, "us"))
			return;
	}
	/* English: "chaired a crisis meeting of his security council", "a
	 * session of its cabinet": a meeting of one's own body is domestic */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '4' &&
	    t->tok + t->ntok + 1 < to && tok_is(c, t->tok + t->ntok, "of")) {
		uint32_t k = t->tok + t->ntok + 1;
		if (cue_at(c, k) == CUE_POSSESSIVE)
			return;
		/* "a meeting of the Cabinet Committee on Security": a body
		 * of no country named is the subject's own */
		while (k < to && cue_at(c, k) == CUE_DET)
			k++;
		for (int i = 0; i < c->nm; i++)
			if (c->m[i].tok == k && !c->m[i].country[0] && !c->m[i].both && !c->m[i].pronoun &&
			    !c->m[i].counterpart && c->m[i].person < 0 && !c->m[i].office)
				return;
	}
	/* English: "gave them a week to leave", "given 48 hours": a deadline
	 * is no aid */
	if (is_en(c) && !(en->flags & TF_NOUN) && !strcmp(tr->code, "070") && t->ntok == 1 &&
	    (tok_is(c, t->tok, "gave") || tok_is(c, t->tok, "given") || tok_is(c, t->tok, "give") ||
	     tok_is(c, t->tok, "gives")))
		for (uint32_t k = t->tok + 1; k < to && k < t->tok + 5; k++)
			if (tok_is(c, k, "week") || tok_is(c, k, "weeks") || tok_is(c, k, "days") ||
			    tok_is(c, k, "hours") || tok_is(c, k, "deadline") || tok_is(c, k, "ultimatum"))
				return;
	/* English: "held a meeting at which they discussed the turmoil": what
	 * is done at a meeting the sentence codes is that meeting, not
	 * another one among the sides of the article */
	if (is_en(c) && !(en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '4' &&
	    t->tok > from + 3 && tok_is(c, t->tok - 1, "they") &&
	    (tok_is(c, t->tok - 2, "which") || tok_is(c, t->tok - 2, "where")))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_TRIGGER && o->tok + o->ntok < t->tok - 1 && o->tok >= from &&
			    hit_code(c, o)[0] == '0' &&
			    hit_code(c, o)[1] == '4')
				return;
		}
	/* "gave twelve staff members of the embassy 48 hours to leave": the
	 * deadline further on in the same clause, before its "to" */
	if (is_en(c) && !(en->flags & TF_NOUN) && !strcmp(tr->code, "070") && t->ntok == 1 &&
	    (tok_is(c, t->tok, "gave") || tok_is(c, t->tok, "given") || tok_is(c, t->tok, "give") ||
	     tok_is(c, t->tok, "gives")))
		for (uint32_t k = t->tok + 1; k + 1 < to && k < t->tok + 16; k++) {
			if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT)
				break;
			if ((tok_is(c, k, "week") || tok_is(c, k, "weeks") || tok_is(c, k, "days") ||
			     tok_is(c, k, "hours")) &&
			    tok_is(c, k + 1, "to"))
				return;
		}
	/* "evacuated the wounded": a participle after a determiner names
	 * people, it reports no act ("mounted an invasion": a noun made the
	 * verb of "launched", "mounted" has its determiner) */
	if (is_en(c) && !(entry(c, t->entry)->flags & TF_NOUN) && t->tok > from &&
	    cue_at(c, t->tok - 1) == CUE_DET &&
	    tr->code[0] == '1' && tr->code[1] >= '8')
		return;
	/* "will provide emergency food aid", "rejected calls for economic
	 * aid": aid named in an intent, an appeal, a demand, a rejection, a
	 * threat or a cut is its content (issue #4) */
	if (is_en(c) && (en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '7')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || (entry(c, o->entry)->flags & TF_NOUN) ||
			    o->tok + o->ntok > t->tok || o->tok + o->ntok + 10 < t->tok)
				continue;
			const char *oc = hit_code(c, o);
			if ((oc[0] == '0' && (oc[1] == '2' || oc[1] == '3')) ||
			    (oc[0] == '1' && (oc[1] == '0' || oc[1] == '2' || oc[1] == '3' || oc[1] == '6')))
				return;
		}
	if (is_en(c) && !(en->flags & TF_NOUN) && t->ntok >= 2 &&
	    tok_is(c, t->tok + t->ntok - 1, "to") && tr->code[0] == '1' && tr->code[1] == '2' &&
	    t->tok + t->ntok < to && trigger_at(c, t->tok + t->ntok))
		return; /* "refused to meet": the meeting, negated (EVENTS.md 2) */
	/* "... unless the president arranges a ceasefire": what the
	 * condition of an English threat or demand names has not happened
	 * (issue #4) */
	for (uint32_t k = from; is_en(c) && k < t->tok; k++)
		if (tok_is(c, k, "unless"))
			return;
	/* "would sign the accord if it granted them autonomy", "resisted the
	 * plan until their terms are accepted": what an English condition or
	 * a term names, in its own clause, has not happened */
	for (uint32_t k = t->tok; is_en(c) && k > from; k--) {
		if (tok_is(c, k - 1, ",") || tok_is(c, k - 1, ";") || tok_is(c, k - 1, ":"))
			break;
		if (tok_is(c, k - 1, "if") || tok_is(c, k - 1, "until"))
			return;
		/* "before the aid is released", "once the troops are
		 * withdrawn": a passive in the present after a conjunction
		 * of time is still to come */
		if ((tok_is(c, k - 1, "before") || tok_is(c, k - 1, "once") || tok_is(c, k - 1, "after") ||
		     tok_is(c, k - 1, "when")) &&
		    t->tok > from && (tok_is(c, t->tok - 1, "is") || tok_is(c, t->tok - 1, "are")) &&
		    !(en->flags & TF_NOUN))
			return;
	}
	/* "blocked a road to express their anger at ...", "blocked roads
	 * demanding that she be freed": a demand, a disapproval, a
	 * rejection or a protest that is the purpose of an act already coded
	 * in the sentence is its motive, not an event of its own (issue #4) */
	if (is_en(c) && tr->code[0] == '1' && tr->code[1] <= '4' && t->tok > from + 1) {
		/* ("blocked roads in Algiers demanding ...": a place named
		 * before the participle is not its subject) */
		bool subj_before = false;
		for (int i = 0; i < c->nm; i++)
			if (c->m[i].end == t->tok && !c->m[i].loc)
				subj_before = true;
		bool purpose = !(en->flags & TF_NOUN) && token_ends(c, t->tok, "ing") &&
			       c->ti.toks.items[t->tok - 1].kind == ENT_TOK_WORD &&
			       cue_at(c, t->tok - 1) != CUE_PASSIVE && !tok_is(c, t->tok - 1, "and") &&
			       !tok_is(c, t->tok - 1, "by") && !subj_before;
		for (uint32_t k = t->tok, n = 0; !purpose && k > from && n < 4; k--, n++) {
			if (tok_is(c, k - 1, "to") && !trigger_at(c, k - 1)) {
				purpose = true;
				break;
			}
			if (c->ti.toks.items[k - 1].kind != ENT_TOK_WORD || trigger_at(c, k - 1))
				break;
		}
		bool coded = false;
		for (size_t i = 0; purpose && i < c->out->events.len; i++)
			if (c->out->events.items[i].sentence.start == s->start)
				coded = true;
		if (purpose && coded)
			return;
	}
	/* "China must drop barriers", "Iraq must fully cooperate": what is
	 * demanded is the content of the demand */
	if (is_en(c) && !(en->flags & TF_NOUN) && !tok_is(c, t->tok, "must"))
		for (uint32_t k = t->tok, n = 0; k > from && n < 4; k--, n++) {
			if (tok_is(c, k - 1, "must"))
				return;
			if (c->ti.toks.items[k - 1].kind != ENT_TOK_WORD || trigger_at(c, k - 1))
				break;
		}
	/* "agreed that their countries should cooperate", "urged that the
	 * council should meet": what should be done after an agreement, an
	 * appeal or a demand is its content, no event of its own */
	if (is_en(c) && !(en->flags & TF_NOUN))
		for (uint32_t k = t->tok, n = 0; k > from + 1 && n < 6; k--, n++) {
			/* "should cooperate to encourage ...": its purpose too */
			if (k + 1 < to && tok_is(c, k, "to") && trigger_at(c, k - 1) && !mention_at(c, k - 1))
				continue;
			if (tok_is(c, k - 1, "should")) {
				for (size_t h = 0; h < c->hits.len; h++) {
					const lx_hit *o = &c->hits.items[h];
					if (o->kind != LX_TRIGGER || o->tok < from || o->tok + o->ntok >= k - 1 ||
					    (entry(c, o->entry)->flags & TF_NOUN))
						continue;
					const char *oc = hit_code(c, o);
					if ((oc[0] == '0' && (oc[1] == '2' || oc[1] == '3')) ||
					    (oc[0] == '1' && oc[1] == '0'))
						return;
				}
				break;
			}
			if (c->ti.toks.items[k - 1].kind != ENT_TOK_WORD || trigger_at(c, k - 1))
				break;
		}
	/* "agreed to lift the embargo", "threatened to withdraw", "urged the
	 * government of Burundi on Monday to free them": a verb after "to"
	 * that completes an appeal, an intent, a demand, a rejection or a
	 * threat is its content, not an event of its own (up to ten words
	 * apart, within one clause; "to release" is a verb even where
	 * "release" is listed as a noun); a noun after "to" and its verb
	 * too ("urged the council to impose targeted sanctions", "called on
	 * them to return to the negotiating table") */
	uint32_t inf = t->tok;
	if (is_en(c))
		for (uint32_t k = t->tok, n = 0; k > from + 2 && n < 3; k--, n++) {
			const ent_token *w = &c->ti.toks.items[k - 1];
			if (w->kind != ENT_TOK_WORD || w->upper || trigger_at(c, k - 1) || mention_at(c, k - 1))
				break;
			if (tok_is(c, k - 2, "to")) {
				inf = k - 1;
				break;
			}
		}
	if (is_en(c) && !(en->flags & TF_INTENT) && inf > from + 1 && tok_is(c, inf - 1, "to"))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > inf ||
			    o->tok + o->ntok + 10 < inf)
				continue;
			bool apart = false;
			for (uint32_t k = o->tok + o->ntok; o->tok + o->ntok + 4 < inf && k + 1 < inf && !apart; k++)
				apart = tok_is(c, k, ";") || tok_is(c, k, ".") || tok_is(c, k, "that") ||
					clause_word(c, k) || trigger_at(c, k);
			if (apart)
				continue;
			const char *oc = hit_code(c, o);
			/* a meeting is content only of an appeal or a demand
			 * ("called on them to return to the negotiating table") */
			if (tr->code[0] == '0' && tr->code[1] == '4' &&
			    !((oc[0] == '0' && oc[1] == '2') || (oc[0] == '1' && oc[1] == '0')))
				continue;
			if (oc[0] == '1' && oc[1] == '2' && tok_is(c, o->tok + o->ntok - 1, "to"))
				continue; /* "refused to meet" is the meeting, negated */
			/* "decided to impose sanctions" imposes them: after an
			 * intent only cooperation, aid and yielding are content */
			bool yield = tr->code[0] == '0' &&
				     (tr->code[1] == '6' || tr->code[1] == '7' || tr->code[1] == '8');
			if ((oc[0] == '0' && (oc[1] == '2' || (oc[1] == '3' && yield))) ||
			    (oc[0] == '1' && (oc[1] == '0' || oc[1] == '2' || oc[1] == '3')))
				return;
		}
	/* English: "to sign the proposed regional pact", "the requested
	 * documents": a participle of appeal or demand right after an
	 * article qualifies the noun after it, no act of the news */
	if (is_en(c) && !(en->flags & TF_NOUN) && t->tok > from && t->ntok == 1 &&
	    token_ends(c, t->tok, "ed") &&
	    (tok_is(c, t->tok - 1, "the") || tok_is(c, t->tok - 1, "a") || tok_is(c, t->tok - 1, "an")) &&
	    ((tr->code[0] == '0' && tr->code[1] == '2') || (tr->code[0] == '1' && tr->code[1] == '0')))
		return;
	/* English: "an earlier threat to boycott the summit", "threats to
	 * expel the envoys": what a threat names is its content, not an act
	 * that happened */
	if (is_en(c) && t->tok > from + 1 && tok_is(c, t->tok - 1, "to") &&
	    (tok_is(c, t->tok - 2, "threat") || tok_is(c, t->tok - 2, "threats")))
		return;
	/* English: "mobilized pressure groups", "mobilised public support":
	 * a mobilisation of what no force is, is no force posture (154);
	 * "mobilized army reservists", "mobilised 5,000 troops" and a
	 * mobilisation with no object stay */
	if (is_en(c) && !strcmp(tr->code, "154") && t->ntok == 1 &&
	    (tok_is(c, t->tok, "mobilized") || tok_is(c, t->tok, "mobilised") ||
	     tok_is(c, t->tok, "mobilizing") || tok_is(c, t->tok, "mobilising"))) {
		uint32_t k = t->tok + 1;
		while (k < to && (cue_at(c, k) == CUE_DET || cue_at(c, k) == CUE_POSSESSIVE))
			k++;
		static const char *const free_words[] = {"on", "in", "at", "for", "to", "against", "after",
			"before", "near", "along", "over", "last", "this", "yesterday", "today", "and", NULL};
		bool object = k < to && c->ti.toks.items[k].kind == ENT_TOK_WORD && !c->ti.toks.items[k].upper;
		for (int w = 0; object && free_words[w]; w++)
			object = !tok_is(c, k, free_words[w]);
		static const char *const force[] = {"troops", "army", "armed", "forces", "force", "reservists",
			"reserves", "reserve", "soldiers", "militia", "militias", "militiamen", "units", "guard",
			"guards", "battalions", "brigades", "tanks", "military", "fighters", "police", "navy",
			"conscripts", "recruits", "men", "warships", "aircraft", NULL};
		bool forces = false;
		for (uint32_t j = k; object && j < to && j < k + 4 && !forces; j++) {
			if (c->ti.toks.items[j].kind == ENT_TOK_PUNCT)
				break;
			forces = c->ti.toks.items[j].kind == ENT_TOK_NUM;
			for (int w = 0; !forces && force[w]; w++)
				forces = tok_is(c, j, force[w]);
		}
		if (object && !forces)
			return;
	}
	/* English: "a draft that aims to widen the embargo and impose a
	 * blockade", "a bill which seeks to ban the party": what a text or a
	 * plan aims at is its content, no act of the news */
	if (is_en(c) && t->tok > from + 3)
		for (uint32_t k = t->tok; k > from + 2 && t->tok - k < 8; k--) {
			if (c->ti.toks.items[k - 1].kind == ENT_TOK_PUNCT)
				break;
			if (tok_is(c, k - 1, "to") &&
			    (tok_is(c, k - 2, "aims") || tok_is(c, k - 2, "seeks") || tok_is(c, k - 2, "aimed") ||
			     tok_is(c, k - 2, "sought") || tok_is(c, k - 2, "aim") || tok_is(c, k - 2, "seek")) &&
			    (tok_is(c, k - 3, "that") || tok_is(c, k - 3, "which")))
				return;
		}
	/* English: "a tour aimed at pressing for a truce", "a campaign aimed
	 * at demanding his release": an appeal, demand, criticism or threat
	 * that something is aimed at making is its purpose, not an act of
	 * the news */
	if (is_en(c) && !(en->flags & TF_NOUN) && t->tok > from + 1 && token_ends(c, t->tok, "ing") &&
	    ((tr->code[0] == '0' && tr->code[1] == '2') || (tr->code[0] == '1' && tr->code[1] <= '3')) &&
	    tok_is(c, t->tok - 1, "at") &&
	    (tok_is(c, t->tok - 2, "aimed") || tok_is(c, t->tok - 2, "aiming") || tok_is(c, t->tok - 2, "aims")))
		return;
	/* "il a été demandé au Ghana de libérer les détenus et de coopérer
	 * avec la justice", "a appelé la Russie à cesser": an infinitive after
	 * "de" or "à" that completes an appeal or a demand earlier in the
	 * clause is what is asked, not an event of its own */
	if (!is_en(c) && !(en->flags & TF_NOUN) && t->tok > from + 1 &&
	    (tok_is(c, t->tok - 1, "de") || tok_is(c, t->tok - 1, "d'") || tok_is(c, t->tok - 1, "a")) &&
	    (token_ends(c, t->tok, "er") || token_ends(c, t->tok, "ir") || token_ends(c, t->tok, "re")))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || o->tok + 20 < t->tok)
				continue;
			const char *oc = hit_code(c, o);
			bool semi = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok; k++)
				if (tok_is(c, k, ";") || tok_is(c, k, "."))
					semi = true;
			/* ... and "n'exclut pas d'expulser d'autres diplomates":
			 * what a threat names is its content */
			if (!semi && ((oc[0] == '0' && oc[1] == '2') ||
				      (oc[0] == '1' && (oc[1] == '0' || oc[1] == '3'))))
				return;
		}
	/* "... déclare persona non grata le premier conseiller de
	 * l'ambassade de France. Le diplomate dispose de 48 heures pour
	 * quitter le territoire": the expelled told to leave right after the
	 * expulsion is that expulsion again */
	bool expelled_before = false;
	if (!is_en(c) && strcmp(tr->code, "161") == 0 && c->out->events.len > 0) {
		size_t last = c->out->events.len - 1;
		uint32_t prev = c->out->events.items[last].sentence.start;
		for (size_t i = last + 1; prev < s->start && i-- > 0 &&
					  c->out->events.items[i].sentence.start == prev;)
			expelled_before = expelled_before || !strcmp(c->out->events.items[i].code, "161");
	}
	if (expelled_before) {
		bool told_leave = false, named = false;
		for (uint32_t k = t->tok; k < t->tok + t->ntok; k++)
			told_leave = told_leave || tok_is(c, k, "quitter");
		for (int i = 0; i < c->nm && !named; i++)
			named = c->m[i].country[0] && !c->m[i].loc;
		if (told_leave && !named)
			return;
	}
	/* "accuse l'organisation d'avoir appliqué des sanctions", "reproche
	 * au Bénin d'avoir fermé la frontière": what an accusation charges is
	 * its content, not an act the text reports */
	if (!is_en(c))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || o->tok + 16 < t->tok)
				continue;
			const char *oc = hit_code(c, o);
			if (oc[0] != '1' || oc[1] != '1')
				continue;
			bool charge = false, stop = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok && !stop; k++) {
				if (tok_is(c, k, ";") || tok_is(c, k, ".") || trigger_at(c, k))
					stop = true;
				else if ((tok_is(c, k, "d'") && tok_is(c, k + 1, "avoir")) ||
					 /* "reproche à la France de ne pas avoir
					  * condamné les frappes" */
					 (tok_is(c, k, "de") && (tok_is(c, k + 1, "ne") || tok_is(c, k + 1, "n'"))))
					charge = true;
			}
			if (charge && !stop)
				return;
		}
	/* "a invité son homologue à effectuer une visite officielle à
	 * Nouakchott", "l'a invité à se rendre en Mauritanie": the visit an
	 * invitation asks for is its content (the 036), not a visit made */
	if (!is_en(c) && tr->code[0] == '0' && tr->code[1] == '4')
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok || o->tok + 12 < t->tok ||
			    (entry(c, o->entry)->flags & TF_NOUN) ||
			    strcmp(hit_code(c, o), "036") != 0)
				continue;
			bool a = false, stop = false;
			for (uint32_t k = o->tok + o->ntok; k < t->tok; k++) {
				if (tok_is(c, k, ",") || tok_is(c, k, ";") || tok_is(c, k, ".") || trigger_at(c, k))
					stop = true;
				if (tok_is(c, k, "a"))
					a = true;
			}
			if (a && !stop)
				return;
		}
	/* "signeront", and the passive "sera signée" ("sera" is the passive's
	 * auxiliary too: its future cue is one of two) */
	bool negated = false,
	     future = (en->flags & TF_INTENT) != 0 || (!is_en(c) && french_future(c, t->tok, t->ntok));
	/* English: "the first foreign leader to visit Caracas since the
	 * election", "the only minister to visit Havana this year": an
	 * infinitive after "the first" (or "only", "last") and its noun
	 * tells a visit made, no plan */
	if (is_en(c) && future && (en->flags & TF_INTENT) && tok_is(c, t->tok, "to"))
		for (uint32_t k = t->tok, n = 0; k > from + 1 && n < 6; k--, n++) {
			if (c->ti.toks.items[k - 1].kind == ENT_TOK_PUNCT && !tok_is(c, k - 1, "-"))
				break;
			if ((tok_is(c, k - 1, "first") || tok_is(c, k - 1, "only") || tok_is(c, k - 1, "last")) &&
			    cue_at(c, k - 2) == CUE_DET) {
				/* ("will be the first to visit": planned) */
				future = false;
				for (uint32_t i = k - 2; i > from && i + 3 > k - 2; i--)
					future = future || has_cue(c, i - 1, CUE_FUTURE);
				break;
			}
			if (trigger_at(c, k - 1) || has_cue(c, k - 1, CUE_FUTURE))
				break;
		}
	for (uint32_t i = t->tok > from + 4 ? t->tok - 4 : from; i < t->tok; i++) {
		if (cue_at(c, i) == CUE_NEG)
			negated = true;
		if (has_cue(c, i, CUE_FUTURE))
			future = true;
	}
	if (is_en(c) && (en->flags & TF_NOUN) && !future &&
	    (tr->code[0] == '2' || (tr->code[0] == '1' && tr->code[1] >= '4')) &&
	    en_future_object(c, t->tok, from))
		future = true;
	/* English: "the next round of talks with X would be held in Minsk",
	 * "a meeting will take place next week": a meeting noun whose own
	 * verb is in the future is planned (036) */
	if (is_en(c) && (en->flags & TF_NOUN) && !future && tr->code[0] == '0' && tr->code[1] == '4')
		for (uint32_t k = t->tok + t->ntok; k + 2 < to && k < t->tok + t->ntok + 10; k++) {
			if ((c->ti.toks.items[k].kind == ENT_TOK_PUNCT && !tok_is(c, k, "-")) ||
			    trigger_at(c, k))
				break;
			if (cue_at(c, k) == CUE_FUTURE &&
			    ((tok_is(c, k + 1, "be") &&
			      (tok_is(c, k + 2, "held") || tok_is(c, k + 2, "hosted"))) ||
			     (tok_is(c, k + 1, "take") && tok_is(c, k + 2, "place")))) {
				future = true;
				break;
			}
		}
	if (t->tok + t->ntok < to && cue_at(c, t->tok + t->ntok) == CUE_NEG &&
	    t->tok > from && cue_at(c, t->tok - 1) == CUE_NEG)
		negated = true;
	/* English: "easing the embargo is out of the question", "talks with
	 * them are now out of the question": an act its subject clause names
	 * that is ruled out is refused */
	if (is_en(c) && !negated)
		for (uint32_t k = t->tok + t->ntok; k + 3 < to && k < t->tok + t->ntok + 12; k++) {
			if (tok_is(c, k, ",") || tok_is(c, k, ";") || (k > t->tok + t->ntok && trigger_at(c, k)))
				break;
			if (tok_is(c, k, "out") && tok_is(c, k + 1, "of") && tok_is(c, k + 2, "the") &&
			    tok_is(c, k + 3, "question") && k > t->tok + t->ntok + 1 &&
			    (tok_is(c, k - 1, "is") || tok_is(c, k - 1, "are") || tok_is(c, k - 1, "was") ||
			     tok_is(c, k - 1, "were") || tok_is(c, k - 2, "is") || tok_is(c, k - 2, "are") ||
			     tok_is(c, k - 2, "was") || tok_is(c, k - 2, "were"))) {
				negated = true;
				break;
			}
		}
	/* "may halt its mediation if cooperation founders": an English act
	 * of force, sanction or protest that one may do on a condition is
	 * announced, a threat of it */
	if (is_en(c) && !future && !(en->flags & TF_NOUN) &&
	    (tr->code[0] == '2' || (tr->code[0] == '1' && tr->code[1] >= '4'))) {
		bool modal = false;
		for (uint32_t i = t->tok > from + 3 ? t->tok - 3 : from; i < t->tok; i++)
			modal = modal || tok_is(c, i, "may") || tok_is(c, i, "might") || tok_is(c, i, "could");
		for (uint32_t k = t->tok + t->ntok; modal && k < to; k++)
			if (tok_is(c, k, "if") || tok_is(c, k, "unless")) {
				future = true;
				break;
			}
	}
	/* "n'exclut pas de se rendre au Ghana": a meeting not ruled out is
	 * one intended (the threat before it is dropped) */
	for (size_t h = 0; !is_en(c) && tr->code[0] == '0' && tr->code[1] == '4' && h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		const char *oc = hit_code(c, o);
		if (o->kind == LX_TRIGGER && o->tok + o->ntok == t->tok && oc[0] == '1' && oc[1] == '3') {
			future = true;
			negated = false;
		}
	}
	if (!is_en(c) && !future && !french_future(c, t->tok, t->ntok)) {
		/* "des entrepreneurs accompagneront le Premier ministre pour
		 * participer à une conférence": a noun or an infinitive in the
		 * clause of a verb in the future tense is planned */
		uint32_t last = t->tok + t->ntok - 1;
		bool infinitive = token_ends(c, last, "er") || token_ends(c, last, "ir");
		if ((en->flags & TF_NOUN) || infinitive)
			for (uint32_t i = t->tok; i-- > from;) {
				if (trigger_at(c, i) || tok_is(c, i, ",") || tok_is(c, i, ";"))
					break;
				if (french_future(c, i, 1)) {
					future = true;
					break;
				}
			}
	}
	/* English: "will travel to Beijing to hold talks", "will meet in
	 * Zurich to discuss trade": the talks that are the purpose of a
	 * planned meeting are planned too, one intent */
	if (is_en(c) && !future && c->sent_future && !(en->flags & TF_NOUN) && tr->code[0] == '0' &&
	    tr->code[1] == '4' && t->tok > from && tok_is(c, t->tok - 1, "to"))
		future = true;
	/* "met with the Syrian president on Tuesday to discuss ...": talks
	 * that are the purpose of talks just reported are those talks; so
	 * are those of a meeting named in the same clause ("demanded a
	 * meeting of the council to discuss ...") */
	if (is_en(c) && !future && !(en->flags & TF_NOUN) && !strcmp(tr->code, "040") && t->tok > from &&
	    tok_is(c, t->tok - 1, "to"))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok >= t->tok || o->tok + 12 < t->tok)
				continue;
			bool apart = false;
			for (uint32_t k = o->tok + o->ntok; (entry(c, o->entry)->flags & TF_NOUN) && k < t->tok; k++)
				apart = apart || tok_is(c, k, ",") || tok_is(c, k, ";") || tok_is(c, k, ":");
			if (apart)
				continue;
			const char *oc = hit_code(c, o);
			if (!strcmp(oc, "040") || !strcmp(oc, "044"))
				return;
		}
	bool tour_begun = false;
	if (en->flags & TF_NOUN) {
		/* "une visite prévue", and a noun in a clause already planned:
		 * "s'apprête à se rendre au Maroc pour une visite officielle" */
		/* ... or one adjective on: "une déclaration commune sera
		 * signée" */
		for (uint32_t i = t->tok + t->ntok; i < to && i < t->tok + t->ntok + 3; i++) {
			if (has_cue(c, i, CUE_FUTURE))
				future = true;
			if (trigger_at(c, i) || cue_at(c, i))
				break;
		}
		if (c->sent_future)
			future = true;
		/* "dernière étape d'une tournée entamée au Vietnam": a tour
		 * the text says has begun is under way, no plan */
		static const char *const begun[] = {"entamee", "entame", "commencee", "commence",
			"debutee", "debute", "entamée", "commencée", "débutée", NULL};
		for (uint32_t i = t->tok + t->ntok;
		     future && !is_en(c) && i < to && i < t->tok + t->ntok + 10; i++) {
			if (trigger_at(c, i) || tok_is(c, i, ",") || tok_is(c, i, "."))
				break;
			for (int w = 0; begun[w]; w++)
				if (tok_is(c, i, begun[w]))
					future = false, tour_begun = true;
		}
	}

	/* date: a date before the trigger with no trigger in between, or one
	 * shortly after it */
	ent_date date = {0};
	bool explicit_date = false;
	uint32_t best = UINT32_MAX;
	int weak = -1;
	/* "On March 20, X was summoned ... over a statement made on March 10":
	 * a date opening the sentence dates its clauses; a date further on
	 * belongs to a trigger only when it follows it closely */
	uint32_t after_max = 20;
	/* English: "hosted his counterpart in Canberra for annual talks on
	 * Tuesday": the meeting noun that tells the purpose of a meeting verb
	 * does not stop the verb's date */
	uint32_t date_lim = next_trig;
	if (is_en(c) && !(en->flags & TF_NOUN) && tr->code[0] == '0' && tr->code[1] == '4' &&
	    next_trig < to) {
		bool same = false;
		uint32_t after = to;
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER)
				continue;
			if (o->tok == next_trig && (entry(c, o->entry)->flags & TF_NOUN) &&
			    hit_code(c, o)[0] == '0' && hit_code(c, o)[1] == '4')
				same = true;
			else if (o->tok > next_trig && o->tok < after)
				after = o->tok;
		}
		if (same)
			date_lim = after;
	}
	for (int i = 0; i < c->nd; i++)
		if (!c->dates[i].weak && !c->dates[i].stamp && c->dates[i].tok <= from + 2 &&
		    c->dates[i].tok < t->tok)
			after_max = 6;
	for (int i = 0; i < c->nd; i++) {
		uint32_t dt = c->dates[i].tok;
		uint32_t dist;
		if (c->dates[i].stamp)
			continue;
		if (c->dates[i].weak) {
			/* "X has decided to ..., the ministry said on Monday": the
			 * report's date, when nothing better dates the event */
			if (weak < 0)
				weak = i;
			continue;
		}
		if (dt < t->tok && en_relative_between(c, from, dt, t->tok))
			continue; /* "X, who had criticized Y on Friday, praised Z" */
		/* English: "will leave for Cairo on Wednesday, where he is
		 * to meet X": a day after a future verb is the plan's day;
		 * a plan is dated when it is told */
		if (dt < t->tok && is_en(c) &&
		    (future || (en->flags & TF_INTENT) || strcmp(tr->code, "036") == 0)) {
			bool planned = false;
			for (uint32_t k = from; k < dt && !planned; k++)
				planned = has_cue(c, k, CUE_FUTURE);
			if (planned)
				continue;
		}
		if (dt > t->tok && is_en(c)) {
			/* "their first meeting since Trump returned in January":
			 * a date inside a clause of time after the trigger is
			 * that clause's */
			bool other = false;
			for (uint32_t k = t->tok + t->ntok; k < dt && !other; k++)
				other = tok_is(c, k, "since") && en_circumstance_at(c, k, to);
			/* "struck on Thursday, two days after Iran launched
			 * missiles": a day counted back from the trigger's is the
			 * clause's after it */
			uint32_t rn = 0;
			const lx_entry *re = time_at(c, dt, &rn);
			if (re && re->sub == TM_RELREF && rn && tok_is(c, dt + rn - 1, "after"))
				other = true;
			/* "released Vadim Krasikov, a Russian serving a sentence
			 * for a murder committed in 2019", "freed X, who was
			 * arrested in May": a date inside an aside on the object
			 * that no comma has closed is the aside's */
			bool aside = false;
			for (uint32_t k = t->tok + t->ntok; k < dt; k++)
				if (tok_is(c, k, ","))
					aside = k + 1 < dt &&
						(tok_is(c, k + 1, "a") || tok_is(c, k + 1, "an") ||
						 tok_is(c, k + 1, "who") || tok_is(c, k + 1, "which") ||
						 tok_is(c, k + 1, "whose"));
			if (other || aside)
				continue;
		}
		if (dt < t->tok)
			dist = t->tok - dt;
		else if (!is_en(c) && dt > from + 1 &&
			 (tok_is(c, dt - 1, "depuis") ||
			  (tok_is(c, dt - 1, "le") && dt > from + 2 && tok_is(c, dt - 2, "depuis"))))
			continue; /* "demande la libération de X, détenu depuis le
				   * 4 décembre": since when a state lasts */
		else if (future || (en->flags & TF_INTENT) || strcmp(tr->code, "036") == 0)
			continue; /* "a invité X à venir en décembre": the plan's date */
		else if (dt - t->tok <= after_max && dt < date_lim)
			dist = dt - t->tok;
		else
			continue;
		if (dist < best) {
			best = dist;
			date = c->dates[i].d;
			explicit_date = true;
		}
	}
	c->date_kind = explicit_date ? DK_OWN : DK_DOC;
	/* English: "the spokesman said on Tuesday that Tehran would respond
	 * with reciprocal measures": a threat or an intent is dated when it
	 * is expressed, so the report's day beats the main event's */
	bool expressed = is_en(c) && weak >= 0 &&
			 (future || (en->flags & TF_INTENT) || strcmp(tr->code, "036") == 0 ||
			  strncmp(tr->code, "13", 2) == 0);
	/* English: "Separately, Poland expelled an attaché, the ministry
	 * said on Wednesday": a sentence that opens another story
	 * ("separately", "elsewhere", "in a separate ...") is not the main
	 * event's, so the report's day dates it */
	bool separate = is_en(c) && to > from + 3 &&
			(tok_is(c, from, "separately") || tok_is(c, from, "elsewhere") ||
			 (tok_is(c, from, "in") && tok_is(c, from + 1, "a") &&
			  tok_is(c, from + 2, "separate")));
	if (!explicit_date && (!c->fr.date_set || expressed || separate) && weak >= 0) {
		date = c->dates[weak].d;
		explicit_date = true;
		c->date_kind = DK_REPORT;
	}
	/* ("Separately, X will contribute $1 million to Y, the ministry
	 * said": a plan of another story, no day told, is the article's) */
	if (!explicit_date && separate && future && c->docdate.prec) {
		date = c->docdate;
		explicit_date = true;
		c->date_kind = DK_REPORT;
	}
	/* "À l'issue de la signature, les deux ministres sont convenus ...":
	 * the day of the signing the text told before, and what the paragraph
	 * tells next */
	if (!explicit_date && !is_en(c) && strcmp(tr->code, "057") != 0) {
		bool after_signing = false;
		for (uint32_t k = from + 2; k < t->tok && !after_signing; k++)
			after_signing = tok_is(c, k, "signature") && tok_is(c, k - 1, "la") &&
					(tok_is(c, k - 2, "de") || tok_is(c, k - 2, "après") ||
					 tok_is(c, k - 2, "lors"));
		for (size_t i = c->out->events.len; after_signing && i-- > 0;) {
			if (strcmp(c->out->events.items[i].code, "057") != 0 || i >= c->dkind.len)
				continue;
			if (c->dkind.items[i].kind == DK_OWN && c->dkind.items[i].d.prec >= 3) {
				c->para_date = c->dkind.items[i].d;
				c->para_date_set = true;
			}
			break;
		}
	}
	if (!explicit_date && !is_en(c) && c->para_date_set) {
		date = c->para_date;
		c->date_kind = DK_FRAME;
	} else if (!explicit_date) {
		date = c->fr.date_set ? c->fr.date : c->docdate;
		if (c->fr.date_set)
			c->date_kind = c->fr.date_weak ? DK_REPORT : DK_FRAME;
		/* English: "Leaders on Saturday closed their summit ... / South
		 * Africa pledged food aid": with no main event to follow, a
		 * later paragraph with no day of its own keeps the lead's */
		else if (is_en(c) && c->lead_day.prec >= 3) {
			date = c->lead_day;
			c->date_kind = DK_FRAME;
		}
	}
	/* English: "France answered on Tuesday. ... Paris was expelling":
	 * the day the paragraph told last beats the main event's */
	/* (not the day a "came a day after" further on in this very sentence
	 * counted: "It was their first meeting ..., and it came a day after
	 * X and Y met" dates the second meeting only) */
	bool para_later = false;
	for (int i = 0; is_en(c) && c->para_date_set && i < c->nd; i++)
		if (c->dates[i].tok > t->tok && c->dates[i].d.y == c->para_date.y &&
		    c->dates[i].d.m == c->para_date.m && c->dates[i].d.d == c->para_date.d &&
		    c->dates[i].d.prec == c->para_date.prec)
			para_later = true;
	if (!explicit_date && is_en(c) && c->para_date_set && !para_later) {
		date = c->para_date;
		c->date_kind = DK_FRAME;
	}
	/* English: "At the summit the next day, X criticised ... . / Y also
	 * distanced himself": a paragraph with no day of its own whose act
	 * is "also" done goes on with the day the paragraph before told */
	bool also = false;
	for (uint32_t k = from; is_en(c) && k < t->tok && k < from + 12 && !also; k++)
		also = tok_is(c, k, "also");
	if (also && !explicit_date && !c->para_date_set && c->last_para_fresh &&
	    c->last_para_date.prec >= 3) {
		date = c->last_para_date;
		c->date_kind = DK_FRAME;
	}

	/* Sectors: the cooperation areas an appeal, an intent, a signing, a
	 * cooperation or an aid is about, named in its scope: from the end of
	 * the previous trigger ("En ce qui concerne la coopération économique,
	 * ils ont convenu ...") to the next one. Meetings carry none:
	 * "l'aéroport" does not make a visit about aviation. */
	uint64_t sectors = 0;
	bool about = about_code(tr->code) || (tr->code[0] == '1' && tr->code[1] == '1');
	uint32_t scope_from = from;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_TRIGGER && o->tok < t->tok && o->tok + o->ntok > scope_from)
			scope_from = o->tok + o->ntok;
	}
	/* "Ils ont exprimé le voeu que les jeunes générations ... et ont
	 * annoncé le lancement d'un partenariat": a coordinated predicate
	 * ("et" and an auxiliary) starts a clause of its own; what the
	 * uncoded first predicate is about is not the trigger's field
	 * (issue #3) */
	for (uint32_t k = scope_from; k + 1 < t->tok; k++)
		if ((tok_is(c, k, "et") || tok_is(c, k, "and")) &&
		    (tok_is(c, k + 1, "ont") || tok_is(c, k + 1, "a") || tok_is(c, k + 1, "have") ||
		     tok_is(c, k + 1, "has")))
			scope_from = k + 1;
	/* "X a demandé l'interconnexion des réseaux électriques, tandis que
	 * son homologue a sollicité un appui pour la formation": a clause
	 * of contrast has a field of its own */
	for (uint32_t k = scope_from; !is_en(c) && k + 2 < t->tok; k++)
		if ((tok_is(c, k, "tandis") || tok_is(c, k, "alors")) && tok_is(c, k + 1, "que"))
			scope_from = k + 2;
	/* "a proposé que les deux parties renforcent la confiance par des
	 * visites mutuelles ..., et la coopération en matière de défense": a
	 * nominalised trigger in the complement of an appeal or an intent is
	 * part of what is proposed or agreed, so the scope of its sectors runs
	 * on to the next verb trigger (or the end of the sentence). A
	 * conflictual noun ("lever l'embargo sur ...") ends it: what it acts
	 * on is not a cooperation area. A word that folds to both a noun and
	 * a verb form ("visites", "visités") counts as the noun. */
	uint32_t sec_end = next_trig;
	if (tr->code[0] == '0' && (tr->code[1] == '2' || tr->code[1] == '3') && next_trig < to) {
		sec_end = to;
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok < next_trig || o->tok >= sec_end)
				continue;
			bool coop_noun = false;
			for (size_t k = 0; k < c->hits.len; k++) {
				const lx_hit *q = &c->hits.items[k];
				/* French: a verb form after its article is a noun
				 * ("collabore à l'enquête" folds "enquête" to
				 * "enquêté") */
				bool noun = (entry(c, q->entry)->flags & TF_NOUN) ||
					    (!is_en(c) && q->tok > from && cue_at(c, q->tok - 1) == CUE_DET);
				if (q->kind == LX_TRIGGER && q->tok == o->tok && noun &&
				    hit_code(c, q)[0] == '0')
					coop_noun = true;
			}
			if (!coop_noun)
				sec_end = o->tok;
		}
	}
	/* "dans le respect du droit international, en particulier de la
	 * Convention sur le droit de la mer", "in accordance with UNCLOS": the legal
	 * frame of the action names no field of it */
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_CUE && entry(c, o->entry)->sub == CUE_COMPLIANCE &&
		    o->tok > t->tok && o->tok < sec_end)
			sec_end = o->tok;
	}
	/* Praise is about a cooperation area only when it praises the
	 * cooperation ("ont apprécié la coopération dans la lutte contre
	 * l'épidémie", a nominal "l'excellence de la coopération"), not a role
	 * or a gesture ("a salué le rôle du Brésil dans la lutte contre le
	 * changement climatique", "remercié l'armée d'avoir envoyé des
	 * militaires au défilé"), or when the sector is what it praises, a
	 * few words after it ("praised the growth of trade") */
	if (about && tr->code[0] == '0' && tr->code[1] == '5' && tr->code[2] == '1' &&
	    !(en->flags & TF_NOUN)) {
		bool coop = cooperation_in(c, scope_from, sec_end);
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind == LX_SECTOR && o->tok >= t->tok + t->ntok &&
			    o->tok <= t->tok + t->ntok + 3 && o->tok < sec_end)
				coop = true;
		}
		about = coop;
	}
	bool aid = tr->code[0] == '0' && tr->code[1] == '7';
	for (size_t h = 0; about && h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_SECTOR && o->tok >= scope_from && o->tok < sec_end &&
		    !(aid && hazard_sector(c, o->tok, scope_from)))
			sectors |= 1ULL << entry(c, o->entry)->value;
	}
	char code[6];
	snprintf(code, sizeof code, "%s",
		 welcome_praise ? "051" : fight_code ? fight_code : aid_code ? aid_code : tr->code);
	/* "a averti que Paris rétablirait les sanctions si ...", "a menacé de
	 * rappeler son ambassadeur": a French threat takes the kind of the
	 * coercion it announces in its clause (that act codes nothing of its
	 * own, below) */
	if (!is_en(c) && !strcmp(code, "130"))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok < t->tok + t->ntok ||
			    o->tok > t->tok + t->ntok + 12)
				continue;
			bool stop = false;
			for (uint32_t k = t->tok + t->ntok; k < o->tok && !stop; k++)
				stop = tok_is(c, k, ".") || tok_is(c, k, ";") || tok_is(c, k, ",") ||
				       tok_is(c, k, "qui") || tok_is(c, k, "après");
			if (stop)
				break;
			const char *oc = hit_code(c, o);
			const char *th = !strcmp(oc, "163") ? "1312" : !strcmp(oc, "161") ? "1313" :
					 !strcmp(oc, "162") ? "1311" : oc[0] == '1' && oc[1] == '7' ? "137" :
					 force_code(oc) ? "138" : NULL;
			if (th) {
				snprintf(code, sizeof code, "%s", th);
				break;
			}
		}
	if ((en->flags & TF_REFINE) && strlen(code) == 3) {
		bool coop = cooperation_in(c, scope_from, sec_end);
		/* "agreed to step up cooperation in": the word inside a trigger */
		static const char *const coop_words[] = {"cooperation", "collaboration",
			"partnership", "partenariat", "cooperate", "cooperer", NULL};
		for (uint32_t k = t->tok; !coop && k < sec_end; k++)
			for (int w = 0; coop_words[w]; w++)
				if (tok_is(c, k, coop_words[w]))
					coop = true;
		int cls = sector_class(c, sectors, coop);
		/* "renforcer leur coordination au sein des organisations
		 * internationales", "increase the exchange of delegations":
		 * with no material field named, cooperation between the
		 * diplomacies is diplomatic cooperation (022, 032) */
		bool diplomatic = false;
		for (size_t h = 0; !cls && h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			/* ... but not as the means of something else ("renforcer
			 * la confiance en intensifiant les échanges de délégations",
			 * "by increasing ...") */
			bool means = false;
			for (uint32_t k = o->tok; k > t->tok + t->ntok && o->tok - k < 4; k--)
				if ((tok_is(c, k - 1, "en") || tok_is(c, k - 1, "by")) &&
				    (token_ends(c, k, "ant") || token_ends(c, k, "ing")))
					means = true;
			if (o->kind == LX_CUE && entry(c, o->entry)->sub == CUE_DIPLOMATIC &&
			    o->tok >= t->tok + t->ntok && o->tok < sec_end && !means)
				diplomatic = true;
		}
		if (cls) {
			if (code[0] == '0' && (code[1] == '2' || code[1] == '3'))
				snprintf(code, sizeof code, "0%c1%d", code[1], cls);
			else if (code[0] == '0' && code[1] == '6')
				snprintf(code, sizeof code, "06%d", cls);
		} else if (diplomatic && code[0] == '0' && (code[1] == '2' || code[1] == '3') &&
			   code[2] == '0') {
			code[2] = '2';
		}
	}
	/* English: "pledged to help Nepal", "wants to send arms to Kyiv": an
	 * intent whose infinitive gives aid is an intent to provide aid
	 * (033; arms 0332, relief 0333) */
	if (is_en(c) && !strcmp(tr->code, "030") && !(en->flags & TF_NOUN)) {
		uint32_t k = t->tok + t->ntok;
		if (!tok_is(c, k - 1, "to") && k < to && tok_is(c, k, "to"))
			k++;
		if (k < to && tok_is(c, k - 1, "to")) {
			char sub = tok_is(c, k, "help") || tok_is(c, k, "assist") ? '0' : 0;
			for (size_t h = 0; h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				const char *oc = hit_code(c, o);
				if (o->kind == LX_TRIGGER && o->tok == k && oc[0] == '0' && oc[1] == '7' &&
				    oc[2] >= '0' && oc[2] <= '4')
					sub = oc[2];
			}
			/* economic or military cooperation named: that aid */
			if (sub == '0' && code[1] == '3' && (code[3] == '1' || code[3] == '2'))
				sub = code[3];
			if (sub) {
				snprintf(code, sizeof code, "033");
				if (sub != '0') {
					code[3] = sub;
					code[4] = 0;
				}
			}
		}
	}
	/* "lifted a night curfew" (0813), "eased sanctions" (085), "halted
	 * economic aid" (162): a yielding or reducing verb takes its code
	 * from the noun it acts on (issue #4) */
	if (!(en->flags & TF_NOUN) &&
	    ((code[0] == '0' && code[1] == '8') || (code[0] == '1' && code[1] == '6')))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok < t->tok + t->ntok ||
			    (o->tok > t->tok + t->ntok + 4 && !fr_reduce_reach(c, t, o->tok)) ||
			    !(entry(c, o->entry)->flags & TF_NOUN))
				continue;
			const char *oc = hit_code(c, o);
			const char *nc = NULL;
			/* "suspended the curfew", "cancelled the sanctions": a
			 * cutting verb (160) on a restriction eases it */
			bool cut = !strcmp(code, "160") &&
				   (!strcmp(oc, "1723") || !strcmp(oc, "1724") || !strncmp(oc, "163", 3) ||
				    !strncmp(oc, "191", 3));
			if (code[0] == '0' || cut) {
				if (!strcmp(oc, "1723"))
					nc = "0813";
				else if (!strcmp(oc, "1724"))
					nc = "0814";
				else if (!strncmp(oc, "163", 3))
					nc = "085";
				else if (!strncmp(oc, "191", 3))
					nc = "0872";
			} else if (oc[0] == '0' && oc[1] == '7') {
				nc = "162";
			} else if (!strcmp(oc, "045")) {
				nc = "165"; /* "halted its mediation" */
			} else if (oc[0] == '0' && oc[1] == '4' && strcmp(oc, "043") && strcmp(oc, "042")) {
				nc = "164"; /* "suspended the talks" */
			}
			if (nc)
				snprintf(code, sizeof code, "%s", nc);
			break;
		}
	/* English: "expelled two diplomats" reduces relations (161), but
	 * "expelled the exiled leaders of the movement", "expels foreign
	 * journalists" deports people (174) */
	if (is_en(c) && !strcmp(code, "161") && !(en->flags & TF_NOUN) && t->ntok == 1 &&
	    (tok_is(c, t->tok, "expel") || tok_is(c, t->tok, "expelled") ||
	     tok_is(c, t->tok, "expels") || tok_is(c, t->tok, "expelling"))) {
		static const char *const people[] = {
			"leaders", "leader", "members", "member", "nationals", "citizens", "journalists",
			"journalist", "reporters", "correspondents", "workers", "migrants", "immigrants",
			"refugees", "activists", "dissidents", "missionaries", "clerics", "students",
			"foreigners", "militants", "fighters", "preachers", "opponents", NULL};
		static const char *const envoys[] = {"diplomats", "diplomat", "ambassador", "ambassadors",
						     "envoy", "envoys", "consul", "attache", "embassy",
						     "charge", NULL};
		for (uint32_t k = t->tok + 1; k < to && k < t->tok + 7; k++) {
			bool p = false, d = false;
			for (int w = 0; people[w]; w++)
				p = p || tok_is(c, k, people[w]);
			for (int w = 0; envoys[w]; w++)
				d = d || tok_is(c, k, envoys[w]);
			if (d || c->ti.toks.items[k].kind == ENT_TOK_PUNCT)
				break;
			if (p) {
				snprintf(code, sizeof code, "174");
				break;
			}
		}
	}
	/* English: "will contribute a further $2 million to", "contributed
	 * 300,000 euros to the fund": "contribute" gives aid only with an
	 * amount right after it ("contributed to the talks" is none) */
	if (is_en(c) && code[0] == '0' && code[1] == '7' && t->ntok == 1 &&
	    (tok_is(c, t->tok, "contribute") || tok_is(c, t->tok, "contributes") ||
	     tok_is(c, t->tok, "contributed")) &&
	    !num_after(c, t->tok + 1, to, 4))
		return;
	/* English: "began withdrawing its last peacekeepers from", "pulled out
	 * the monitors": withdrawn peacekeepers (1661) or observers,
	 * monitors, inspectors (1662) end an international involvement, and
	 * diplomats withdrawn cut relations (161), no military de-escalation
	 * (087); one announced for later stays a plan */
	if (is_en(c) && !future && !strcmp(code, "087"))
		for (uint32_t k = t->tok + t->ntok; k < to && k < t->tok + t->ntok + 6; k++) {
			if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || tok_is(c, k, "from"))
				break;
			if (tok_is(c, k, "peacekeepers") || tok_is(c, k, "peacekeeping")) {
				snprintf(code, sizeof code, "1661");
				break;
			}
			if (tok_is(c, k, "observers") || tok_is(c, k, "monitors") ||
			    tok_is(c, k, "inspectors")) {
				snprintf(code, sizeof code, "1662");
				break;
			}
			/* "withdrawing all but one of its diplomats": fewer
			 * relations (161) */
			if (tok_is(c, k, "diplomats") || tok_is(c, k, "diplomat") ||
			    tok_is(c, k, "ambassador") || tok_is(c, k, "ambassadors") ||
			    tok_is(c, k, "envoy") || tok_is(c, k, "envoys")) {
				snprintf(code, sizeof code, "161");
				break;
			}
		}
	/* English: "students protested on Monday in the capital", "protested
	 * outside the embassy": a protest in a place is a demonstration (141),
	 * not an official complaint (114, "protested to Uganda", "protested the
	 * decision") */
	if (is_en(c) && !strcmp(code, "114") && t->ntok == 1 && tok_is(c, t->tok, "protested")) {
		uint32_t k = t->tok + 1, nt = 0;
		while (k < to) {
			if (time_at(c, k, &nt) && nt)
				k += nt;
			else if ((tok_is(c, k, "on") || tok_is(c, k, "again")) && k + 1 < to)
				k++;
			else
				break;
		}
		static const char *const where[] = {"in", "at", "outside", "near", "across", "throughout",
						    "along", "through", NULL};
		/* "protested in a letter to the council" is official */
		uint32_t n = k + 1;
		while (n < to && cue_at(c, n) == CUE_DET)
			n++;
		bool written = n < to && (tok_is(c, n, "letter") || tok_is(c, n, "note") ||
					  tok_is(c, n, "writing") || tok_is(c, n, "statement"));
		/* "in the capital", "in Nairobi", "outside the embassy"; not "in
		 * connection with" */
		bool place_after = tok_is(c, k, "outside") || tok_is(c, k, "near");
		for (uint32_t q = k + 1; q < to && q < k + 5 && !place_after; q++) {
			if (c->ti.toks.items[q].kind == ENT_TOK_PUNCT)
				break;
			place_after = cue_at(c, q) == CUE_PLACE_NOUN || tok_is(c, q, "streets") ||
				      tok_is(c, q, "street") || tok_is(c, q, "square") ||
				      tok_is(c, q, "front");
			for (int i = 0; !place_after && i < c->nm; i++)
				place_after = c->m[i].loc && q >= c->m[i].tok && q < c->m[i].end;
		}
		for (int w = 0; k < to && !written && place_after && where[w]; w++)
			if (tok_is(c, k, where[w])) {
				snprintf(code, sizeof code, "141");
				break;
			}
	}
	/* "rappelant la signature du traité de paix en 1648": an act dated
	 * more than ten years before the article is history it recalls, not
	 * news. An article without a date is taken to be of this century at
	 * least (the offices tables start in 2015). */
	int now_y = c->docdate.prec >= 1 ? c->docdate.y : 2000;
	if (explicit_date && date.prec >= 1 && date.y < now_y - 10)
		return;
	for (uint32_t k = t->tok + t->ntok; k + 1 < to && k < t->tok + t->ntok + 10; k++) {
		if (!(tok_is(c, k, "en") || tok_is(c, k, "in")))
			continue;
		int y = num_at(c, k + 1, 1000, 2100);
		/* "seized in the 1970s": a decade ended long ago is history too
		 * (of the nearest act before it only) */
		bool between = false;
		for (uint32_t q = t->tok + t->ntok; q < k && !between; q++)
			between = trigger_at(c, q);
		uint32_t d = k + 1 + (tok_is(c, k + 1, "the") ? 1 : 0), dn = 0;
		const char *dk = d < to && !between ? key(c, d, &dn) : NULL;
		if (y < 0 && is_en(c) && dk && dn == 5 && dk[4] == 's' && dk[0] >= '1' && dk[0] <= '2' &&
		    dk[3] == '0')
			y = atoi(dk) + 9;
		else if (y < 0 && is_en(c) && dk && d + 1 < to && tok_is(c, d + 1, "s") &&
			 num_at(c, d, 1000, 2100) % 10 == 0)
			y = num_at(c, d, 1000, 2100) + 9;
		if (y > 0 && y < now_y - 10)
			return;
	}
	/* English: "expelled them 18 years ago", "seized decades ago": an act
	 * more than ten years before the article (right after it, no other
	 * act in between) is history */
	for (uint32_t k = t->tok + t->ntok; is_en(c) && k + 2 < to && k < t->tok + t->ntok + 6; k++) {
		if (trigger_at(c, k))
			break;
		if (tok_is(c, k + 2, "ago") && (tok_is(c, k + 1, "years") || tok_is(c, k + 1, "decades")) &&
		    (num_at(c, k, 11, 999) > 0 || tok_is(c, k + 1, "decades")))
			return;
	}
	/* (the tour begun: the day the sentence names is the later trip's;
	 * the tour's start is only known to be before the article) */
	if (tour_begun && explicit_date && c->docdate.prec >= 2) {
		date = c->docdate;
		date.prec = 2;
		explicit_date = false;
		c->date_kind = DK_DOC;
	}
	if (explicit_date && !future && c->docdate.prec >= 2 &&
	    ent_date_num(&date) > ent_date_num(&c->docdate) + (c->docdate.prec == 2 ? 16 : 0)) {
		/* a date after the article's is a plan: a meeting to come is an
		 * intent to meet, a proposal or an intent is dated when it is
		 * expressed, and anything else has not happened yet */
		uint32_t pl;
		const char *pk = key(c, t->tok, &pl);
		if (code[0] == '0' && (code[1] == '4' || code[1] == '2' || code[1] == '3'))
			future = true;
		/* English: "thanked X, which will chair ASEAN in 2026": a verb
		 * in the past tense is done; the later date is its object's */
		else if (is_en(c) && !(en->flags & TF_NOUN) && pl > 4 && !memcmp(pk + pl - 2, "ed", 2) &&
			 !(t->tok > from && (tok_is(c, t->tok - 1, "be") || tok_is(c, t->tok - 1, "to")))) {
			date = c->fr.date_set ? c->fr.date : c->docdate;
			explicit_date = false;
			c->date_kind = c->fr.date_set ? DK_FRAME : DK_DOC;
		} else
			return;
	}
	if (future) {
		c->sent_future = true;
		/* EVENTS.md section 3: an intent is dated when it is expressed,
		 * not when the planned meeting will happen */
		if (explicit_date && c->docdate.prec && ent_date_num(&date) > ent_date_num(&c->docdate)) {
			date = c->docdate;
			explicit_date = false;
			c->date_kind = DK_OWN;
		}
	}
	/* "on March 3 wrapped up his three-day state visit", "a achevé
	 * mercredi sa visite de trois jours": the visit is a span ending that
	 * day, and the event takes its first day (EVENTS.md section 3) */
	if (explicit_date && !future && date.prec >= 3 && code[0] == '0' && code[1] == '4') {
		int back = visit_end_days(c, from, to, t->tok);
		if (back > 0)
			ent_date_add_days(&date, -back);
		/* "a conclu vendredi 13 juin une tournée ..., entamée le 7 juin":
		 * the day the text says the tour began */
		static const char *const began[] = {"entamee", "entame", "commencee", "commence",
			"debutee", "debute", NULL};
		bool ended = false;
		for (uint32_t k = t->tok > from + 7 ? t->tok - 7 : from; k < t->tok && !is_en(c); k++)
			ended = ended || tok_is(c, k, "conclu") || tok_is(c, k, "acheve") ||
				tok_is(c, k, "termine") || tok_is(c, k, "cloture") ||
				tok_is(c, k, "conclut") || tok_is(c, k, "achevé") || tok_is(c, k, "terminé");
		for (uint32_t k = t->tok + t->ntok; ended && k < to; k++) {
			bool b = false;
			for (int w = 0; began[w]; w++)
				b = b || tok_is(c, k, began[w]);
			if (!b)
				continue;
			for (int i = 0; i < c->nd; i++)
				if (c->dates[i].tok > k && c->dates[i].tok <= k + 3 && c->dates[i].d.prec >= 3 &&
				    ent_date_num(&c->dates[i].d) <= ent_date_num(&date))
					date = c->dates[i].d;
			break;
		}
	}
	/* "stands prepared to declare a curfew", "is ready to use force": an
	 * English readiness (an intent ending in "to") before a conflictual
	 * act announces it */
	if (is_en(c) && !future && (code[0] == '2' || (code[0] == '1' && code[1] >= '4')))
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok > t->tok ||
			    o->tok + o->ntok + 1 < t->tok)
				continue;
			const char *oc = hit_code(c, o);
			/* "decided to impose sanctions" imposes them */
			/* "wants to attack": a wish to use force is a threat of it */
			if (o->ntok >= 2 && tok_is(c, o->tok + o->ntok - 1, "to") && oc[0] == '0' &&
			    oc[1] == '3' &&
			    (tok_is(c, o->tok, "ready") || tok_is(c, o->tok, "willing") ||
			     tok_is(c, o->tok, "prepared") || tok_is(c, o->tok, "wants") ||
			     tok_is(c, o->tok, "want") || tok_is(c, o->tok, "wanted")))
				future = true;
		}
	/* "will extend the curfew", "would blockade Paris", "would tighten
	 * the naval blockade": an English protest, force, sanction,
	 * repression or violence announced for later is a threat of it
	 * (CAMEO 13x; issue #4) */
	/* "will withdraw its troops unless the government holds elections":
	 * an English act announced for later on a condition ("unless") is a
	 * threat of it, whatever the act (issue #4) */
	bool unless = false, cond = false;
	for (uint32_t k = t->tok + t->ntok; is_en(c) && future && k < to; k++) {
		if (tok_is(c, k, "if"))
			cond = true;
		if (tok_is(c, k, "unless")) {
			unless = cond = true;
			break;
		}
	}
	for (uint32_t i = t->tok > from + 3 ? t->tok - 3 : from; is_en(c) && future && i < t->tok; i++)
		cond = cond || tok_is(c, i, "may") || tok_is(c, i, "might") || tok_is(c, i, "could");
	/* "announced it would halt every shipment of aid to the junta", "said
	 * Chile would bring its ambassador home": an English cut in relations or aid
	 * announced for later with no condition is announced, the act itself;
	 * on a condition ("if", "unless", "may") it is a threat (131) */
	bool announced_cut = is_en(c) && future && !negated && !cond && code[0] == '1' && code[1] == '6';
	if (is_en(c) && future && !negated && !announced_cut &&
	    (code[0] == '2' || (code[0] == '1' && code[1] >= '4') ||
	     (unless && !(code[0] == '0' && (code[1] == '3' || code[1] == '4')) &&
	      !(code[0] == '1' && code[1] == '3'))) &&
	    !(t->tok > from && cue_at(c, t->tok - 1) == CUE_PASSIVE)) {
		const char *th = "130";
		if (code[0] != '2' && !(code[0] == '1' && code[1] >= '4'))
			th = "130";
		else if (code[0] == '1' && code[1] == '4')
			th = "133";
		else if (!strcmp(code, "161"))
			th = "1313"; /* a threat to cut relations */
		else if (!strcmp(code, "162"))
			th = "1311"; /* to cut aid */
		else if (!strcmp(code, "163"))
			th = "1312"; /* of an embargo */
		else if (code[0] == '1' && code[1] == '6')
			th = "131";
		else if (!strcmp(code, "1723"))
			th = "1323";
		else if (!strcmp(code, "1724"))
			th = "1324";
		else if (code[0] == '1' && code[1] == '7')
			th = "137";
		else
			th = "138";
		snprintf(code, sizeof code, "%s", th);
	}
	if (future && code[0] == '0' && code[1] == '4')
		snprintf(code, sizeof code, "036");
	/* "une déclaration commune sera signée", "will sign a treaty": the
	 * signing announced is an intent to cooperate (issue #3) */
	else if (future && !strcmp(code, "057"))
		snprintf(code, sizeof code, "030");
	/* "will donate $2 million to", "will contribute 500,000 euros":
	 * a sum of aid announced is a pledge, an intent to give it (033,
	 * 0331-0334 by kind); other planned aid stays unsaid */
	else if (future && is_en(c) && code[0] == '0' && code[1] == '7' &&
		 num_after(c, t->tok + t->ntok, to, 4))
		snprintf(code, sizeof code, "%s",
			 code[2] == '1' ? "0331" : code[2] == '2' ? "0332" : code[2] == '3' ? "0333" :
			 code[2] == '4' ? "0334" : "033");
	else if (future && !announced_cut && !(code[0] == '0' && code[1] == '3') &&
		 !(code[0] == '1' && code[1] == '3'))
		return; /* a planned sanction is not yet an event; a threat
			 * ("will be met with countermeasures") is one */

	/* source: the nearest subject-like mention before the trigger (before
	 * the meeting verb, for the purpose of a meeting: "X visited Y to hand
	 * over a protest note") */
	uint32_t src_lim = t->tok == c->purpose_tok ? c->purpose_src : t->tok;
	/* English: "rebels kidnapped Russian advisers and exploded bombs",
	 * "X met Y and signed ...": a verb right after "and" shares the
	 * subject of the verb before it, not its object (issue #4) */
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok) {
		uint32_t k = t->tok;
		while (k > from && (tok_is(c, k - 1, "also") || tok_is(c, k - 1, "then") ||
				    tok_is(c, k - 1, "later")))
			k--;
		if (k > from + 2 && tok_is(c, k - 1, "and"))
			src_lim = coordinated_verb(c, from, k, src_lim);
		/* "X said Rwanda's offensive was an aggression and urged the
		 * council to act": a verb after "and" that no verb of the
		 * reported clause precedes goes with the report verb, whose
		 * subject is its own */
		if (src_lim == t->tok && k > from + 2 && tok_is(c, k - 1, "and") &&
		    (token_ends(c, t->tok, "ed") || token_ends(c, t->tok, "s")))
			for (uint32_t q = k - 1; q > from; q--) {
				if (tok_is(c, q - 1, ",") || tok_is(c, q - 1, ";") || clause_word(c, q - 1) ||
				    en_verb_trigger_at(c, q - 1) || tok_is(c, q - 1, "that"))
					break;
				if (cue_at(c, q - 1) == CUE_REPORT && !token_ends(c, q - 1, "ing")) {
					src_lim = q - 1;
					break;
				}
			}
	}
	/* "a remercié samedi les États-Unis pour leur soutien et condamné les
	 * intimidations de Pékin": a French verb right after "et" (its
	 * auxiliary left out, or repeated) shares the subject of the verb
	 * before it, not that verb's object */
	if (!is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok) {
		uint32_t k = t->tok;
		while (k > from && (has_cue(c, k - 1, CUE_INSERT) || tok_is(c, k - 1, "a") ||
				    tok_is(c, k - 1, "ont")))
			k--;
		if (k > from + 2 && tok_is(c, k - 1, "et"))
			src_lim = coordinated_verb(c, from, k, src_lim);
	}
	/* English: "X called Algeria's move "unjustified"", "described the
	 * decision as unacceptable": the judge of a disapproving adjective is
	 * the subject of "called", and what it judges stands between them */
	bool called_adj = false;
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok && code[0] == '1' &&
	    code[1] == '1')
		for (uint32_t q = t->tok; q > from + 1 && q + 8 > t->tok; q--) {
			if (tok_is(c, q - 1, "called") || tok_is(c, q - 1, "calls") ||
			    tok_is(c, q - 1, "described") || tok_is(c, q - 1, "describes")) {
				src_lim = q - 1;
				called_adj = q < t->tok;
				break;
			}
			if (tok_is(c, q - 1, ",") || tok_is(c, q - 1, ";") || clause_word(c, q - 1) ||
			    trigger_at(c, q - 1))
				break;
		}
	/* English: "Congo recalled its diplomats from Rwanda, accusing Kigali
	 * of ...": a participle after a comma shares the subject of the verb
	 * before it, not that verb's object */
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok && t->tok > from + 2 &&
	    tok_is(c, t->tok - 1, ",") && token_ends(c, t->tok, "ing"))
		for (size_t h = c->hits.len; h-- > 0;) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok + o->ntok >= t->tok - 1 || o->tok <= from ||
			    (entry(c, o->entry)->flags & TF_NOUN))
				continue;
			bool stop = false;
			/* (a noun of an act in the object does not stop it:
			 * "rejected an Indian proposal for a trade pact, urging
			 * ...") */
			for (uint32_t q = o->tok + o->ntok; q + 1 < t->tok; q++)
				if (tok_is(c, q, ",") || tok_is(c, q, ";") || clause_word(c, q) ||
				    cue_at(c, q) == CUE_REPORT || (trigger_at(c, q) && !is_en(c)) ||
				    en_verb_trigger_at(c, q))
					stop = true;
			if (!stop)
				src_lim = o->tok;
			break;
		}
	/* English: "the armed faction that has taken towns in Mali": the
	 * subject of a relative clause is the noun before its pronoun; no
	 * event when that noun names no actor (the actor named further back
	 * is not the subject) */
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok) {
		uint32_t k = t->tok;
		while (k > from && (tok_is(c, k - 1, "has") || tok_is(c, k - 1, "had") ||
				    tok_is(c, k - 1, "have") || tok_is(c, k - 1, "also") ||
				    tok_is(c, k - 1, "already") || tok_is(c, k - 1, "reportedly")))
			k--;
		/* ("said on Friday that easing the embargo ...": a gerund
		 * right after "that" is the subject of its clause) */
		if (k > from + 1 && (tok_is(c, k - 1, "that") || tok_is(c, k - 1, "which") ||
				     tok_is(c, k - 1, "who")) &&
		    !(k == t->tok && tok_is(c, k - 1, "that") && token_ends(c, t->tok, "ing"))) {
			uint32_t a = k - 1;
			if (tok_is(c, a - 1, ",") && a - 1 > from)
				a--;
			bool actor_before = false;
			for (uint32_t q = a; q > from && q + 3 > a && !actor_before; q--)
				actor_before = mention_at(c, q - 1) && cue_at(c, q - 1) != CUE_REPORT;
			if (!actor_before && cue_at(c, a - 1) != CUE_REPORT)
				return;
		}
	}
	/* English: "Paris claimed that gunmen had attacked the convoy", "said
	 * unknown raiders attacked": a verb whose own subject, right after a
	 * report verb or its "that", names no side has no source; the
	 * reporter named before is not the one who acts */
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok) {
		uint32_t k = t->tok;
		while (k > from && (tok_is(c, k - 1, "has") || tok_is(c, k - 1, "had") ||
				    tok_is(c, k - 1, "have") || tok_is(c, k - 1, "also") ||
				    tok_is(c, k - 1, "already") || tok_is(c, k - 1, "reportedly") ||
				    tok_is(c, k - 1, "allegedly")))
			k--;
		/* the subject: a few words, no side named, no auxiliary
		 * (passive, future, negation) nor pronoun among them */
		static const char *const prons[] = {"it", "they", "we", "he", "she", "i", "its", NULL};
		uint32_t a = k;
		bool side = false;
		while (a > from && a + 5 > k && !side && !tok_is(c, a - 1, "that") &&
		       !has_cue(c, a - 1, CUE_REPORT)) {
			uint8_t q = cue_at(c, a - 1);
			if (c->ti.toks.items[a - 1].kind != ENT_TOK_WORD || trigger_at(c, a - 1) ||
			    (q && q != CUE_DET))
				side = true;
			for (int w = 0; prons[w] && !side; w++)
				side = tok_is(c, a - 1, prons[w]);
			for (int i = 0; i < c->nm && !side; i++) {
				const mention *m = &c->m[i];
				side = a - 1 >= m->tok && a - 1 < m->end &&
				       (m->country[0] || m->both || m->pronoun || m->office || m->counterpart);
			}
			a--;
		}
		bool opener = !side && a > from && a < k &&
			      (has_cue(c, a - 1, CUE_REPORT) ||
			       (tok_is(c, a - 1, "that") && a - 1 > from &&
				(has_cue(c, a - 2, CUE_REPORT) ||
				 (token_ends(c, a - 2, "ed") && !mention_at(c, a - 2) &&
				  !c->ti.toks.items[a - 2].upper))));
		if (opener)
			return;
	}
	/* English: "Serbia is failing to protect the refugees, a rights group
	 * protested": a verb of demand, disapproval, rejection or threat
	 * whose subject, right after a comma that closes what it says,
	 * names no side, has no source; the country of what is said is not
	 * the one who says it (not after an actor: "Serbia, a neighbour,
	 * protested" is an apposition) */
	if (is_en(c) && !(en->flags & TF_NOUN) && src_lim == t->tok && code[0] == '1' && code[1] <= '3') {
		uint32_t a = t->tok;
		bool side = false;
		while (a > from && t->tok - a < 6 && !side && c->ti.toks.items[a - 1].kind == ENT_TOK_WORD &&
		       !trigger_at(c, a - 1) && (!cue_at(c, a - 1) || cue_at(c, a - 1) == CUE_DET)) {
			for (int i = 0; i < c->nm && !side; i++)
				side = a - 1 >= c->m[i].tok && a - 1 < c->m[i].end;
			if (!side)
				a--;
		}
		if (!side && a < t->tok && a > from + 1 && cue_at(c, a) == CUE_DET && tok_is(c, a - 1, ",") &&
		    c->ti.toks.items[a - 2].kind == ENT_TOK_WORD && !mention_at(c, a - 2))
			return;
	}
	/* English: "Ghana declared two Nigerian diplomats persona non grata":
	 * the subject is before "declared", its object is the target */
	if (is_en(c) && src_lim == t->tok && tok_is(c, t->tok, "persona"))
		for (uint32_t k = t->tok; k > from + 1 && k + 16 > t->tok; k--)
			if ((tok_is(c, k - 1, "declared") || tok_is(c, k - 1, "declares") ||
			     tok_is(c, k - 1, "declaring")) &&
			    cue_at(c, k - 2) != CUE_PASSIVE) {
				src_lim = k - 1;
				break;
			}
	/* English: "Iraq ordered the Swedish ambassador to leave the country",
	 * "told the envoy to leave": the one ordered, between the verb and
	 * the infinitive, is the target; the subject is before the verb */
	/* ("ordered the opposition weekly to suspend publication": a
	 * coercion whose verb follows the "to") */
	bool told_to = false;
	uint32_t told_at = 0;
	if (is_en(c) && src_lim == t->tok && !(en->flags & TF_NOUN) && t->tok > from + 2 &&
	    (tok_is(c, t->tok, "to") ||
	     (tok_is(c, t->tok - 1, "to") && code[0] == '1' && (code[1] == '6' || code[1] == '7'))))
		for (uint32_t k = t->tok - 1; k > from + 1 && k + 12 > t->tok; k--) {
			bool ordered = tok_is(c, k - 1, "ordered") || tok_is(c, k - 1, "orders") ||
				       tok_is(c, k - 1, "told") || tok_is(c, k - 1, "tells") ||
				       tok_is(c, k - 1, "instructed") || tok_is(c, k - 1, "instructs") ||
				       tok_is(c, k - 1, "ordering") || tok_is(c, k - 1, "telling") ||
				       tok_is(c, k - 1, "instructing");
			if (!ordered && (tok_is(c, k - 1, ";") || clause_word(c, k - 1) ||
					 cue_at(c, k - 1) == CUE_REPORT || trigger_at(c, k - 1)))
				break;
			if (ordered && (mention_at(c, k) || (cue_at(c, k) == CUE_DET && mention_at(c, k + 1))) &&
			    cue_at(c, k - 2) != CUE_PASSIVE) {
				src_lim = k - 1;
				told_to = true;
				told_at = k;
				break;
			}
		}
	int src = -1;
	for (int i = c->nm - 1; i >= 0; i--) {
		const mention *m = &c->m[i];
		if (m->end > src_lim)
			continue;
		if (!m->both && (m->loc || (m->prep && m->prep != CUE_OF)))
			continue;
		if (m->adj_only && !c->ti.toks.items[m->tok].upper)
			continue; /* "la capitale lao": an adjective, not a subject */
		if (m->prep == CUE_OF) {
			/* "du Mali" inside a coordinated subject: find its head */
			continue;
		}
		if (!m->country[0] && !m->both && !m->pronoun && !m->office && !summit_plural(c, m))
			continue; /* "six diplomates ...": no side to take */
		/* English: "met on the sidelines of a NATO ministers' meeting
		 * ... and issued": a name qualifying the setting is no subject */
		if (is_en(c)) {
			uint32_t e = m->end;
			while (e < to && (mention_at(c, e) || tok_is(c, e, "'") || tok_is(c, e, "'s")))
				e++;
			if (e < to && e > m->end && trigger_at(c, e) && en_ref_noun(c, from, e))
				continue;
		}
		/* "le Vietnam ... considérait la Russie comme un partenaire et
		 * souhaitait ...": right after a verb in the imperfect or the
		 * conditional (-ait, -aient), a mention is its object, not the
		 * subject of a later verb */
		if (!is_en(c) && !(en->flags & TF_NOUN)) {
			uint32_t v = c->m[chain_start(c, i)].tok;
			while (v > from && cue_at(c, v - 1) == CUE_DET)
				v--;
			if (v > from && !trigger_at(c, v - 1) && c->ti.toks.items[v - 1].kind == ENT_TOK_WORD &&
			    !c->ti.toks.items[v - 1].upper &&
			    (token_ends(c, v - 1, "ait") || token_ends(c, v - 1, "aient")))
				continue;
		}
		src = chain_start(c, i);
		break;
	}
	/* "s'est entretenu avec ... du Kenya, M. Musalia Mudavadi, qui
	 * effectue une visite de travail": the subject of a relative clause
	 * is the mention right before "qui", whatever its preposition */
	if (!is_en(c)) {
		uint32_t k = t->tok, n = 0;
		while (k > from + 1 && n < 4 && !tok_is(c, k - 1, "qui") && !tok_is(c, k - 1, ",") &&
		       c->ti.toks.items[k - 1].kind == ENT_TOK_WORD && !trigger_at(c, k - 1) &&
		       !mention_at(c, k - 1))
			k--, n++;
		if (k > from + 1 && tok_is(c, k - 1, "qui")) {
			uint32_t a = k - 1;
			if (tok_is(c, a - 1, ","))
				a--;
			for (int j = c->nm - 1; j >= 0; j--) {
				const mention *m = &c->m[j];
				if (m->end == a && !m->loc && !m->both && !m->pronoun &&
				    (m->country[0] || m->office)) {
					src = j;
					break;
				}
			}
		}
	}
	/* English: "held talks with NATO Secretary General Mark Rutte, who
	 * urged the allies to ...": the same, for ", who" */
	if (is_en(c) && !(en->flags & TF_NOUN)) {
		uint32_t k = t->tok;
		while (k > from + 2 && (tok_is(c, k - 1, "has") || tok_is(c, k - 1, "had") ||
					tok_is(c, k - 1, "also") || tok_is(c, k - 1, "then") ||
					tok_is(c, k - 1, "later")))
			k--;
		if (k > from + 2 && tok_is(c, k - 1, "who") && tok_is(c, k - 2, ","))
			for (int j = c->nm - 1; j >= 0; j--) {
				const mention *m = &c->m[j];
				if (m->end == k - 2 && !m->loc && !m->both && !m->pronoun &&
				    (m->country[0] || m->office)) {
					src = j;
					break;
				}
			}
	}
	/* "X a transmis ses salutations au président Y, et a salué ...": a
	 * verb coordinated by "et a" shares the subject of the sentence's
	 * first verb, not the object named before "et" */
	if (!is_en(c) && src >= 0 && !(en->flags & TF_NOUN) && t->tok >= from + 3 &&
	    tok_is(c, t->tok - 2, "et") &&
	    (tok_is(c, t->tok - 1, "a") || tok_is(c, t->tok - 1, "ont") ||
	     tok_is(c, t->tok - 1, "avait") || tok_is(c, t->tok - 1, "avaient"))) {
		int s0 = -1;
		for (int i = 0; i < c->nm && s0 < 0; i++) {
			const mention *m = &c->m[i];
			if (m->tok > from + 3)
				break;
			if (!m->prep && !m->loc && !m->both && (m->country[0] || m->office || m->pronoun))
				s0 = chain_start(c, i);
		}
		/* the first subject has its own verb right after it */
		bool verb = false;
		for (uint32_t k = s0 >= 0 ? c->m[s0].end : t->tok; k + 2 < t->tok && !verb; k++) {
			verb = trigger_at(c, k) || cue_at(c, k) == CUE_REPORT || tok_is(c, k, "a") ||
			       tok_is(c, k, "ont") || tok_is(c, k, "avait") || tok_is(c, k, "avaient");
			if (k >= c->m[s0].end + 1)
				break;
		}
		if (s0 >= 0 && s0 != src && verb && c->m[src].tok > c->m[s0].end)
			src = s0;
	}
	/* "« ... le Rwanda préfère ne pas dialoguer », a déploré Maxime
	 * Prévot": after a quote the French subject follows its verb; whom
	 * the quote names is the target */
	int inv_tg = -1;
	if (!is_en(c) && !(en->flags & TF_NOUN) && t->tok > from + 2) {
		uint32_t k = t->tok;
		if (tok_is(c, k - 1, "a") || tok_is(c, k - 1, "ont"))
			k--;
		if (k > from + 1 && tok_is(c, k - 1, ",") &&
		    (tok_is(c, k - 2, "»") || tok_is(c, k - 2, "\"")))
			for (int i = 0; i < c->nm; i++) {
				const mention *m = &c->m[i];
				if (m->tok < t->tok + t->ntok)
					continue;
				uint32_t v = t->tok + t->ntok; /* "a fustigé le ministre" */
				while (v < m->tok && cue_at(c, v) == CUE_DET)
					v++;
				if (m->tok == v && !m->prep && !m->loc && !m->both &&
				    (m->country[0] || m->office)) {
					src = i;
					for (int j = i - 1; j >= 0 && inv_tg < 0; j--)
						if (c->m[j].end < k && c->m[j].country[0] && !c->m[j].loc &&
						    strcmp(c->m[j].country, m->country) != 0)
							inv_tg = j;
				}
				break;
			}
	}
	/* English: "Ruritanian police are beating the strikers, a union
	 * complained": a complaint or a protest whose subject follows the
	 * comma that closes its content, and after which nothing is named,
	 * is aimed at the content's actor, its first subject before the comma */
	if (is_en(c) && !(en->flags & TF_NOUN) && src >= 0 && t->tok > from + 3 && code[0] == '1' &&
	    (code[1] == '1' || code[1] == '4')) {
		/* nothing after the verb but a day or a statement: "protested
		 * on Monday", "complained in a letter"; no object */
		uint32_t nt = 0, a = t->tok + t->ntok;
		bool tail = a >= to || c->ti.toks.items[a].kind != ENT_TOK_WORD || tok_is(c, a, "on") ||
			    tok_is(c, a, "in") || (time_at(c, a, &nt) && nt);
		for (uint32_t k = a; k < to && tail; k++)
			tail = k < t->tok + t->ntok + 8 && !trigger_at(c, k) && !mention_at(c, k) &&
			       !tok_is(c, k, "that") && !tok_is(c, k, "to");
		uint32_t kc = t->tok;
		while (tail && kc > from && kc + 8 > t->tok && !tok_is(c, kc - 1, ",") &&
		       c->ti.toks.items[kc - 1].kind == ENT_TOK_WORD && !trigger_at(c, kc - 1) &&
		       cue_at(c, kc - 1) != CUE_REPORT && !tok_is(c, kc - 1, "that") &&
		       !clause_word(c, kc - 1))
			kc--;
		if (tail && kc > from + 2 && tok_is(c, kc - 1, ",") && c->m[src].tok >= kc)
			for (int j = 0; j < c->nm && inv_tg < 0; j++) {
				const mention *m = &c->m[j];
				if (m->tok < from || m->end >= kc)
					break;
				if (m->country[0] && !m->loc && !m->prep &&
				    strcmp(m->country, c->m[src].country) != 0)
					inv_tg = j;
			}
	}
	/* English: "Kenya, a close British partner in the region, has refused": a
	 * mention inside an apposition between commas after the subject is
	 * not the subject (issue #4) */
	if (src >= 0 && is_en(c) && c->m[src].tok > from + 1) {
		uint32_t k = c->m[src].tok, n = 0;
		while (k > from && n < 6 && !tok_is(c, k - 1, ",") &&
		       c->ti.toks.items[k - 1].kind == ENT_TOK_WORD && !trigger_at(c, k - 1) &&
		       cue_at(c, k - 1) != CUE_REPORT && !clause_word(c, k - 1))
			k--, n++;
		bool closed = false;
		for (uint32_t q = c->m[src].end; q < src_lim; q++)
			if (tok_is(c, q, ","))
				closed = true;
		for (int j = src - 1; closed && k > from + 1 && tok_is(c, k - 1, ",") && j >= 0; j--) {
			const mention *m = &c->m[j];
			if (m->end < k - 1)
				break;
			if (m->end == k - 1 && m->country[0] && !m->prep && !m->loc && !m->coord_next)
				src = chain_start(c, j);
		}
		/* "The Syrian army, which attacked Turkish troops, withdrew": a
		 * mention inside a relative clause between commas is not the
		 * subject of the verb after it */
		uint32_t r = c->m[src].tok;
		while (r > from + 2 && !tok_is(c, r - 1, ",") && !tok_is(c, r - 1, "which") &&
		       !tok_is(c, r - 1, "who"))
			r--;
		if (closed && r > from + 2 && tok_is(c, r - 2, ",") &&
		    (tok_is(c, r - 1, "which") || tok_is(c, r - 1, "who")))
			for (int j = src - 1; j >= 0; j--) {
				const mention *m = &c->m[j];
				if (m->end < r - 2)
					break;
				if (m->end == r - 2 && m->country[0] && !m->prep && !m->loc)
					src = chain_start(c, j);
			}
	}
	if (src < 0 && is_en(c))
		/* "Judge X opened investigations against 28 Chilean officials",
		 * "The opposition in Zimbabwe demanded": a domestic actor with no
		 * country at the head of the sentence (a court, the opposition,
		 * rebels, the police) belongs to the country named right after
		 * it ("in Zimbabwe") or to the only country the sentence names
		 * (issue #4) */
		for (int i = 0; i < c->nm; i++) {
			mention *m = &c->m[i];
			/* "The Umma (Nation) party said": a gloss in brackets
			 * inside the name does not push it off the head */
			uint32_t head = m->tok > from ? m->tok - from : 0;
			for (uint32_t k = from, open = UINT32_MAX; k < m->tok && k < from + 12; k++) {
				if (tok_is(c, k, "("))
					open = k;
				else if (tok_is(c, k, ")") && open != UINT32_MAX && k - open <= 5) {
					head -= k - open + 1;
					open = UINT32_MAX;
				}
			}
			if (m->end > src_lim || head > 4)
				break;
			if (m->country[0] || !m->agent[0] || m->prep || m->loc || m->both || m->pronoun ||
			    !strcmp(m->agent, "NGO") || !strcmp(m->agent, "IGO"))
				continue;
			char cc[4] = {0};
			bool one = true, before = false;
			for (int j = 0; j < c->nm; j++) {
				const mention *o = &c->m[j];
				if (!o->country[0])
					continue;
				if (j == i + 1 && o->loc && o->tok <= m->end + 3) {
					memcpy(cc, o->country, 4);
					one = true;
					break;
				}
				if (!cc[0])
					memcpy(cc, o->country, 4);
				else if (strcmp(cc, o->country))
					one = false;
				if (o->tok < t->tok)
					before = true;
			}
			/* "The ministry criticised the Estonian government": the
			 * ministry of the country named only after the verb is not
			 * that country's ("In Moscow, the ministry's spokeswoman
			 * condemned" is Moscow's), nor, after the article's meeting,
			 * anyone's */
			if (!cc[0] || !one || ((c->fr.set || !strcmp(m->agent, "GOV")) && !before))
				break;
			memcpy(m->country, cc, 4);
			src = chain_start(c, i);
			break;
		}
	if (src >= 0 && is_en(c) && c->m[src].end == c->m[src].tok + 1 &&
	    (tok_is(c, c->m[src].tok, "they") || tok_is(c, c->m[src].tok, "he") ||
	     tok_is(c, c->m[src].tok, "she"))) {
		/* "Bolivian officials said they would boycott", "the envoy
		 * announced on Friday that she will step down": a pronoun right
		 * after a report verb is the reporter (issue #4) */
		uint32_t k = c->m[src].tok;
		uint32_t nt = 0;
		while (k > from && (tok_is(c, k - 1, "that") || tok_is(c, k - 1, "on") ||
				    time_at(c, k - 1, &nt)))
			k--;
		if (k > from && cue_at(c, k - 1) == CUE_REPORT) {
			while (k > from && cue_at(c, k - 1) == CUE_REPORT)
				k--;
			/* the reporter is the subject right before the verb
			 * ("Annan on Monday announced"); after "and" ("rejected a
			 * Senegalese plan, and said they") the sentence's subject */
			uint32_t q = k;
			while (q > from && (time_at(c, q - 1, &nt) || tok_is(c, q - 1, "on") ||
					    tok_is(c, q - 1, "also") || tok_is(c, q - 1, "again") ||
					    tok_is(c, q - 1, "here") || tok_is(c, q - 1, "has") ||
					    tok_is(c, q - 1, "have") || tok_is(c, q - 1, "had") ||
					    token_ends(c, q - 1, "ly")))
				q--;
			/* "Ruto, who chairs the East African Community, said
			 * he": the relative clause is not the reporter */
			if (q > from && tok_is(c, q - 1, ","))
				for (uint32_t r = q - 1; r > from + 1 && r + 16 > q; r--)
					if (tok_is(c, r - 1, ",") &&
					    (tok_is(c, r, "who") || tok_is(c, r, "whose") || tok_is(c, r, "which"))) {
						q = r - 1;
						break;
					}
			bool after_and = q > from && cue_at(c, q - 1) == CUE_COORD;
			for (int j = 0; j < src; j++) {
				const mention *m = &c->m[j];
				if (m->end > k || m->loc || m->both || m->pronoun || m->prep ||
				    !m->country[0])
					continue;
				if (after_and || (m->end <= q && m->end + 2 >= q)) {
					src = chain_start(c, j);
					break;
				}
			}
		}
	}
	/* "The Chilean government declared Monday that Peru must lift
	 * tariffs", "Brazil said that Bolivia must hand back the aircraft": the
	 * reporter demands, of the subject of "must" (issue #4) */
	int must_tg = -1;
	if (is_en(c) && t->ntok == 1 && tok_is(c, t->tok, "must")) {
		int y = -1;
		for (int i = c->nm - 1; i >= 0 && y < 0; i--) {
			const mention *m = &c->m[i];
			if (m->end > t->tok)
				continue;
			/* "the rebels in Darfur must": the place qualifies the
			 * subject right before it, and gives a domestic actor
			 * without a country its country */
			if (m->loc && m->prep == CUE_PLACE_PREP && i > 0 && m->end == t->tok &&
			    m->tok >= 1 && tok_is(c, m->tok - 1, "in") && c->m[i - 1].end + 1 == m->tok &&
			    !c->m[i - 1].loc && !c->m[i - 1].pronoun &&
			    (c->m[i - 1].country[0] || c->m[i - 1].agent[0])) {
				if (!c->m[i - 1].country[0])
					memcpy(c->m[i - 1].country, m->country, 4);
				continue;
			}
			if (m->loc || (m->prep && m->prep != CUE_OF) || !m->country[0] ||
			    t->tok - m->end > 5)
				break;
			if (m->prep == CUE_OF)
				continue;
			y = chain_start(c, i);
		}
		for (uint32_t k = y >= 0 ? c->m[y].end : t->tok; k < t->tok; k++)
			if (c->ti.toks.items[k].kind != ENT_TOK_WORD || cue_at(c, k) == CUE_REPORT ||
			    trigger_at(c, k))
				y = -1;
		/* "told Iraq that it must", "a reminder to Iraq that they
		 * must": the one told is the subject the pronoun stands for */
		bool told = false;
		if (y < 0 && t->tok >= from + 3 && tok_is(c, t->tok - 2, "that") &&
		    (tok_is(c, t->tok - 1, "it") || tok_is(c, t->tok - 1, "they")))
			for (int i = c->nm - 1; i >= 0; i--) {
				const mention *m = &c->m[i];
				if (m->end > t->tok - 2)
					continue;
				if (m->end + 3 < t->tok - 2 || m->both || m->pronoun || !m->country[0])
					break;
				bool clear = true;
				for (uint32_t k = m->end; k < t->tok - 2; k++)
					clear = clear && c->ti.toks.items[k].kind == ENT_TOK_WORD && !trigger_at(c, k) &&
						!mention_at(c, k);
				if (clear && (m->prep == CUE_PLACE_PREP || !m->prep) && chain_start(c, i) > 0) {
					y = chain_start(c, i);
					told = true;
				}
				break;
			}
		int x = -1;
		for (int j = y - 1; j >= 0 && x < 0; j--) {
			const mention *m = &c->m[j];
			if (m->loc || m->both || m->pronoun || m->prep || !m->country[0])
				continue;
			bool said = told && c->m[y].prep == CUE_PLACE_PREP;
			for (uint32_t k = m->end; k < c->m[y].tok; k++)
				if (cue_at(c, k) == CUE_REPORT || tok_is(c, k, "that"))
					said = true;
			if (said)
				x = chain_start(c, j);
		}
		if (x < 0)
			return;
		/* "the envoy was told that Dhaka must act": the one told is
		 * not the one who demands, and the text does not name that one */
		for (uint32_t k = c->m[x].end; k + 1 < c->m[y].tok; k++)
			if (cue_at(c, k) == CUE_PASSIVE && cue_at(c, k + 1) == CUE_REPORT)
				return;
		src = x;
		must_tg = y;
	}
	/* English: "police placed the opposition leader under arrest", "kept
	 * him under surveillance": the subject of the active verb before the
	 * one put "under" the noun does it to that one (the passive "was
	 * placed under arrest" is read with the passives) */
	if (is_en(c) && (en->flags & TF_NOUN) && t->tok >= from + 3 && tok_is(c, t->tok - 1, "under")) {
		static const char *const puts[] = {"placed", "put",  "puts",    "places", "kept",
						   "keeps",  "held", "holds",   "placing", "putting",
						   "keeping", NULL};
		/* the one put there, its head noun after it ("a Polish trucker") */
		int y = -1;
		for (int i = 0; i < c->nm && y < 0; i++)
			if (c->m[i].end < t->tok && c->m[i].end + 3 >= t->tok && !c->m[i].loc && !c->m[i].prep &&
			    !c->m[i].both && (c->m[i].country[0] || c->m[i].pronoun) &&
			    object_gap(c, c->m[i].end, t->tok - 1) <= 1)
				y = chain_start(c, i);
		/* the verb, past a determiner or a number ("put three Somali men") */
		uint32_t v = y >= 0 ? c->m[y].tok : from;
		bool put = false;
		for (uint32_t n = 0; v > from && n < 3 && !put; n++) {
			for (int w = 0; puts[w] && !put; w++)
				put = tok_is(c, v - 1, puts[w]);
			if (!put)
				v--;
		}
		int x = -1;
		for (int i = 0; put && i < y; i++) {
			const mention *m = &c->m[i];
			if (m->end < v && !m->loc && !m->prep && !m->both && (m->country[0] || m->pronoun))
				x = chain_start(c, i);
		}
		if (x >= 0) {
			src = x;
			must_tg = y;
		}
	}
	bool participle = false;
	/* "Saluant les efforts de l'Égypte, le ministre tunisien a ...",
	 * "En condamnant X, Y ...": a present participle opening the French
	 * sentence has the subject of the clause after its comma, and its
	 * object before that comma */
	bool fr_opening = !is_en(c) && !(en->flags & TF_NOUN) && t->ntok == 1 &&
			  (t->tok == from || (t->tok == from + 1 && tok_is(c, from, "en"))) &&
			  token_ends(c, t->tok, "ant");
	if (src < 0 && (frame_kind == FR_RECEIVE || fr_opening)) {
		/* "Recevant X, Y a ...": the visitor before the comma, the host after */
		for (uint32_t i = t->tok + t->ntok; i < to; i++) {
			if (tok_is(c, i, ",")) {
				for (int k = 0; k < c->nm; k++)
					if (c->m[k].tok > i && !c->m[k].prep) {
						src = k;
						participle = true;
						break;
					}
				break;
			}
		}
	}
	if (src < 0 && (en->flags & TF_NOUN)) {
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			/* ... not "a fast in protest of the Peruvian
			 * government's decree": the "of" of a phrase after the noun */
			bool phrase = false;
			for (uint32_t k = t->tok + t->ntok; is_en(c) && k < m->tok && k < to; k++)
				phrase = phrase || trigger_at(c, k) || tok_is(c, k, "in");
			if (m->tok >= t->tok + t->ntok && m->tok <= t->tok + t->ntok + 4 && !phrase &&
			    (m->prep == CUE_OF || m->prep == CUE_BETWEEN)) {
				src = i;
				break;
			}
		}
	}
	if (src < 0 && (en->flags & TF_NOUN)) {
		/* "At a meeting with X, Y said", "In a phone call with X on
		 * Monday, Y ...": a noun in the opening phrase belongs to the
		 * subject of the clause after the comma */
		uint32_t comma = UINT32_MAX;
		for (uint32_t i = t->tok + t->ntok; i < to && comma == UINT32_MAX; i++)
			if (tok_is(c, i, ","))
				comma = i;
		for (int i = 0; i < c->nm && comma != UINT32_MAX; i++) {
			const mention *m = &c->m[i];
			if (m->tok > comma && !m->prep && !m->loc &&
			    (m->country[0] || m->office || m->pronoun) && !m->adj_only) {
				src = i;
				break;
			}
		}
	}
	/* "BEIJING, May 9 (Wire) - Thousands of Chinese students ...": the
	 * head of the sentence is after a wire dateline (a city in capitals,
	 * then a dash) */
	uint32_t hfrom = from;
	if (is_en(c) && all_caps(c, from, 1))
		for (uint32_t k = from + 1; k < to && k < from + 10; k++)
			if (tok_is(c, k, "-") || tok_is(c, k, "—") || tok_is(c, k, "–")) {
				hfrom = k + 1;
				break;
			}
	if (src < 0 && is_en(c))
		/* "Rebels in the Ivory Coast dismissed", "Demonstrators in
		 * Baghdad blocked a road": a group located in a country at the
		 * head of the sentence acts for it (issue #4) */
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			uint32_t p = m->tok;
			while (p > from && cue_at(c, p - 1) == CUE_DET)
				p--;
			if (p < hfrom)
				continue;
			/* "Thousands of Kenyan teachers", "Members of the Fijian
			 * opposition": the group at the head of the sentence */
			/* ("Thousands of members of the Kenyan opposition": a
			 * count of the group's members) */
			bool head_of = m->prep == CUE_OF && p > hfrom && cue_at(c, p - 1) == CUE_OF &&
				       m->country[0] &&
				       (p <= hfrom + 3 ||
					(p <= hfrom + 5 && cue_at(c, p - 3) == CUE_OF && !mention_at(c, p - 2) &&
					 !trigger_at(c, p - 2)));
			/* "Militants loyal to Iraq's former ruler": a group
			 * loyal to a country's leader fights for that country
			 * ("workers affiliated with a Serbian union": belongs
			 * to it) */
			uint32_t lead = p - hfrom; /* words before, a number ("500,000") one */
			for (uint32_t k = hfrom; k < p && p <= hfrom + 9; k++)
				if (c->ti.toks.items[k].kind == ENT_TOK_NUM && k + 2 < p && tok_is(c, k + 1, ",") &&
				    c->ti.toks.items[k + 2].kind == ENT_TOK_NUM)
					lead -= 2, k++;
			if (!head_of && p > hfrom + 2 && lead <= 5 && m->country[0] &&
			    ((tok_is(c, p - 1, "to") && tok_is(c, p - 2, "loyal")) ||
			     (tok_is(c, p - 1, "with") && tok_is(c, p - 2, "affiliated"))))
				head_of = true;
			if (m->end > src_lim || m->tok > hfrom + 8 || p <= hfrom + 1 ||
			    (!head_of && (!m->loc || !tok_is(c, p - 1, "in") ||
					  c->ti.toks.items[p - 2].kind != ENT_TOK_WORD || cue_at(c, p - 2))))
				continue;
			src = i;
			break;
		}
	if (src < 0 && is_en(c) && code[0] == '1' && code[1] == '4' && !(en->flags & TF_NOUN) &&
	    t->tok > from && cue_at(c, t->tok - 1) != CUE_PASSIVE) {
		/* "crowds filled the squares of Tbilisi", "inmates
		 * rioted at a prison in Lagos": a crowd the sentence gives no
		 * country protests for the place it does so in, named right
		 * after the verb (the place before it: above) */
		bool named = false;
		for (int i = 0; i < c->nm && !named; i++)
			named = c->m[i].tok < t->tok;
		for (int i = 0; i < c->nm && !named; i++) {
			const mention *m = &c->m[i];
			if (m->tok < t->tok + t->ntok)
				continue;
			/* "at a jail in Kenya's capital Nairobi": the city's country */
			bool city_of = !m->loc && possessive_after(c, m->end) && i + 1 < c->nm &&
				       c->m[i + 1].loc && !strcmp(c->m[i + 1].country, m->country);
			if (m->tok > t->tok + t->ntok + 6 || !(m->loc || city_of) || !m->country[0] ||
			    m->prep != CUE_PLACE_PREP)
				break;
			bool clear = true;
			for (uint32_t k = t->tok + t->ntok; k < m->tok && clear; k++)
				clear = c->ti.toks.items[k].kind == ENT_TOK_WORD && !trigger_at(c, k);
			if (clear)
				src = i;
			break;
		}
	}
	int srcs[8], nsrc = 0;
	actor sa[8];
	int ns = 0;
	if (src >= 0)
		nsrc = chain(c, src, srcs, 8);

	/* A verb after a passive auxiliary ("ont été sanctionnés", "est
	 * convoqué"): the subject is the target; the agent follows "par", or
	 * is the article's main actor when unsaid. */
	bool passive = reduced == 2;
	if (!(en->flags & TF_NOUN))
		for (uint32_t i = t->tok > from + 2 ? t->tok - 2 : from; i < t->tok; i++)
			if (cue_at(c, i) == CUE_PASSIVE &&
			    /* "s'est également entretenu": reflexive, not passive */
			    !(i > from && (tok_is(c, i - 1, "s'") || tok_is(c, i - 1, "se"))))
				passive = true;
	/* English: "were killed or wounded", "was beaten and tortured": a
	 * participle joined by "or"/"and" to a passive one shares its
	 * auxiliary */
	if (is_en(c) && !passive && !(en->flags & TF_NOUN) && t->tok >= from + 3 &&
	    (tok_is(c, t->tok - 1, "or") || tok_is(c, t->tok - 1, "and")) &&
	    cue_at(c, t->tok - 3) == CUE_PASSIVE && en_verb_trigger_at(c, t->tok - 2))
		passive = true;
	/* English: "has been put under investigation", "was placed under
	 * arrest", "is under attack": the subject undergoes the noun after
	 * "under", a passive */
	if (is_en(c) && (en->flags & TF_NOUN) && t->tok > from + 1 && tok_is(c, t->tok - 1, "under"))
		for (uint32_t i = t->tok - 1; i > from && i + 4 > t->tok; i--)
			if (cue_at(c, i - 1) == CUE_PASSIVE)
				passive = true;
	/* "are demanding that", "is willing to", "is prepared to": a present
	 * participle or an adjective with its "to" after "be" is active */
	if (passive && is_en(c) &&
	    (token_ends(c, t->tok, "ing") || tok_is(c, t->tok + t->ntok - 1, "to") ||
	     tok_is(c, t->tok + t->ntok - 1, "that")))
		passive = false;
	/* ("the army was on full alert", "workers were on strike": a state
	 * after "be", active) */
	if (passive && is_en(c) && !(en->flags & TF_NOUN) && t->ntok > 1 && tok_is(c, t->tok, "on"))
		passive = false;
	if (passive && c->nm == 0)
		return; /* "des solutions ont été proposées": by whom, to whom, unsaid */
	if (passive && is_en(c)) {
		/* "a trawler that was seized by the Ecuadorian navy":
		 * in a relative clause the patient is the noun before "that",
		 * no event when it names no actor (issue #4) */
		uint32_t k = t->tok;
		while (k > from && (cue_at(c, k - 1) == CUE_PASSIVE || tok_is(c, k - 1, "has") ||
				    tok_is(c, k - 1, "had") || tok_is(c, k - 1, "have")))
			k--;
		if (k > from + 1 && (tok_is(c, k - 1, "that") || tok_is(c, k - 1, "which")) &&
		    !mention_at(c, k - 2))
			return;
	}
	if (passive) {
		int agent = -1;
		for (int i = 0; i < c->nm; i++)
			if (c->m[i].prep == CUE_BY && c->m[i].tok >= t->tok + t->ntok && c->m[i].country[0]) {
				/* "sanctionnés pour ... l'invasion de l'Ukraine par la
				 * Russie": past the next trigger, its agent */
				if (c->m[i].tok < next_trig)
					agent = i;
				break;
			}
		bool by_agent = agent >= 0;
		/* English: "the talks between the government and the rebels were
		 * called off": the subject is what two sides were to do, not
		 * a side that yields; with no agent said, no event */
		if (!by_agent && is_en(c) && code[0] == '0' && code[1] == '8')
			for (int i = 0; i < c->nm; i++)
				if (c->m[i].end <= t->tok && c->m[i].tok >= from && c->m[i].prep == CUE_BETWEEN)
					return;
		int patient = -1;
		for (int pass = 0; pass < 2 && patient < 0; pass++)
			for (int i = c->nm - 1; i >= 0 && patient < 0; i--) {
				const mention *m = &c->m[i];
				/* "l'ambassadeur d'Algérie en France est convoqué": the
				 * ambassador, not the place, unless nothing else */
				if (m->end <= t->tok && m->country[0] && m->prep != CUE_OF &&
				    m->prep != CUE_WITH && (pass == 1 || !m->loc) &&
				    (agent < 0 || strcmp(m->country, c->m[agent].country) != 0))
					patient = i;
			}
		actor pa, ag;
		memset(&ag, 0, sizeof ag);
		/* "said Huang was summoned by ...": a name the lexicons do not
		 * know is someone of a country the sentence does not tell */
		uint32_t aux = t->tok;
		while (aux > from && cue_at(c, aux - 1) == CUE_PASSIVE)
			aux--;
		uint32_t ntm = 0;
		bool unknown_name = aux > from && c->ti.toks.items[aux - 1].kind == ENT_TOK_WORD &&
				    c->ti.toks.items[aux - 1].upper && !mention_at(c, aux - 1) &&
				    !time_at(c, aux - 1, &ntm);
		if (patient < 0 && by_agent && !unknown_name && is_en(c) && domestic_code(c, code)) {
			/* English: "the detainees were freed on Monday by the
			 * Chinese authorities": an agent and no patient of another
			 * country, an event with no target, or within the agent's
			 * country when the subject at the head of the sentence is
			 * of it ("Iraqi civilians were killed by Iraqi troops";
			 * issue #4) */
			memset(&pa, 0, sizeof pa);
			actor_from_mention(c, &c->m[agent], &date, 0, &ag);
			if (c->nm > 0 && c->m[0].tok <= from + 2 && c->m[0].end <= t->tok && !c->m[0].prep &&
			    !c->m[0].loc && !strcmp(c->m[0].country, c->m[agent].country))
				actor_from_mention(c, &c->m[0], &date, 0, &pa);
			c->one_sided = true;
			emit(c, code, &ag, &pa, &date, c->sent_place >= 0 ? c->sent_place : c->doc_place,
			     sectors, negated, s, t, 0.7);
			c->one_sided = false;
			return;
		}
		if (patient >= 0) {
			actor_from_mention(c, &c->m[patient], &date, 0, &pa);
			bool violent = force_code(code);
			/* English: "the president is being pressured by parliament":
			 * the agent after "by" is a domestic actor with no country
			 * named, of the patient's country (no other country the
			 * sentence names after the verb) */
			for (int i = 0; agent < 0 && is_en(c) && i < c->nm && c->m[i].tok < next_trig; i++) {
				const mention *m = &c->m[i];
				if (m->prep != CUE_BY || m->tok < t->tok + t->ntok || m->country[0])
					continue;
				if (!m->agent[0] || m->pronoun || m->both || !strcmp(m->agent, "IGO") ||
				    !strcmp(m->agent, "NGO") || !domestic_code(c, code))
					return;
				mention dm = *m;
				memcpy(dm.country, pa.country, 4);
				actor_from_mention(c, &dm, &date, 0, &ag);
				c->one_sided = true;
				emit(c, code, &ag, &pa, &date, c->sent_place >= 0 ? c->sent_place : c->doc_place,
				     sectors, negated, s, t, 0.7);
				c->one_sided = false;
				return;
			}
			/* ... but "was shot down over Ukraine by a missile": in
			 * English, a country's name after a violent verb is where
			 * it happened; only an adjective ("killed in Israeli
			 * shelling") names who did it */
			if (agent < 0)
				/* "est convoqué au ministère français": the other side
				 * named after the verb */
				for (int i = 0; i < c->nm && c->m[i].tok < next_trig; i++)
					if (c->m[i].tok >= t->tok + t->ntok && c->m[i].country[0] &&
					    strcmp(c->m[i].country, pa.country) != 0 &&
					    !(violent && is_en(c) && !c->m[i].adj_only)) {
						agent = i;
						break;
					}
			/* "The Finnish ministry said that the ambassador was
			 * summoned": the one who reports it did it; not so for
			 * violence ("civilians were killed"), whose agent is said
			 * or unknown (issue #4) */
			bool violence = force_code(code);
			for (int i = 0; agent < 0 && !violence && i < patient; i++) {
				const mention *m = &c->m[i];
				if (m->prep || m->loc || !m->country[0] || !strcmp(m->country, pa.country))
					continue;
				for (uint32_t k = m->end; k < c->m[patient].tok; k++)
					if (cue_at(c, k) == CUE_REPORT) {
						agent = i;
						break;
					}
			}
			if (agent >= 0)
				actor_from_mention(c, &c->m[agent], &date, 0, &ag);
			else if (violence)
				return;
			else if (c->fr.set && strcmp(c->fr.a.country, pa.country) != 0)
				ag = c->fr.a;
			else if (c->fr.set && c->fr.nb)
				ag = c->fr.b[0];
			if (!ag.country[0] || !pa.country[0])
				return;
			if (ag.country[0] && pa.country[0]) {
				int pl = c->sent_place >= 0 ? c->sent_place : -1;
				if (pl < 0 && frame_has(&c->fr, ag.country) && frame_has(&c->fr, pa.country))
					pl = c->fr.place;
				emit(c, code, &ag, &pa, &date, pl, sectors, negated, s, t,
				     by_agent ? 0.8 : 0.6);
				/* English: "talks mediated by Cuba, Norway and
				 * Mexico": each agent of the list acts; a
				 * mediator is a third side, not the article's
				 * pair */
				bool mediation = !strcmp(code, "045");
				if (by_agent && is_en(c)) {
					/* (a closed list: "by A, B and C") */
					int na = agent + 1;
					while (na < c->nm && c->m[na - 1].coord_next && !c->m[na].prep &&
					       !c->m[na].loc && closed_list(c, agent))
						na++;
					for (int k = agent + 1; k < na; k++) {
						actor o;
						actor_from_mention(c, &c->m[k], &date, 0, &o);
						if (o.country[0] && strcmp(o.country, pa.country) != 0)
							emit(c, code, &o, &pa, &date, pl, sectors, negated, s,
							     t, 0.8);
					}
				}
				if (!c->fr.set && !(mediation && is_en(c))) {
					frame_set(&c->fr, &ag, &pa, 1, pl);
					c->fr.meeting = c->fr.set && code[0] == '0' && code[1] == '4' && !future;
				} else if (!future) {
					frame_meeting(c, code, &ag, &pa, 1, &date,
						      explicit_date && recent_date(c, &date), pl);
					/* "arrivé mardi soir ..., a été accueilli
					 * mercredi par son homologue": a later dated
					 * reception of the frame's sides dates what
					 * follows, as an active one does */
					if (code[0] == '0' && code[1] == '4' && explicit_date &&
					    recent_date(c, &date) && c->fr.date_set &&
					    frame_has(&c->fr, ag.country) && frame_has(&c->fr, pa.country) &&
					    date.prec >= c->fr.date.prec &&
					    ent_date_num(&date) > ent_date_num(&c->fr.date))
						c->fr.date = date;
				}
				frame_date(c, code, &ag, &pa, &date, explicit_date && !future);
				/* "X a été reçu par le président Y. ... il a eu des
				 * entretiens": "il" is the passive's subject */
				c->last_subject = is_en(c) ? ag : pa;
				c->have_last_subject = true;
				return;
			}
		}
	}

	/* the office a counterpart shares with the first side */
	int cp_office = 0;
	for (int k = 0; k < nsrc; k++)
		if (c->m[srcs[k]].office)
			cp_office = c->m[srcs[k]].office;
	if (!cp_office && nsrc && c->m[srcs[0]].person >= 0)
		cp_office = lx_person_office(c->lx, c->m[srcs[0]].person,
					     date_for_lookup(&date));

	bool both = false;
	for (int k = 0; k < nsrc; k++) {
		const mention *m = &c->m[srcs[k]];
		/* English: "SADC leaders ... at Harare summit / the leaders
		 * urged Rwanda", "They commended X": in a summit story, the
		 * plural leaders with no country, or "they" with no meeting
		 * of two told, are the organisation's */
		if (ns < 8 && summit_plural(c, m)) {
			memset(&sa[ns], 0, sizeof sa[ns]);
			memcpy(sa[ns].country, c->summit_org, 4);
			memcpy(sa[ns].code, c->summit_org, 4);
			const ent_token *a = &c->ti.toks.items[m->tok];
			const ent_token *b = &c->ti.toks.items[m->end - 1];
			sa[ns].span.start = a->start;
			sa[ns].span.len = b->start + b->len - a->start;
			ns++;
			continue;
		}
		if (m->both) {
			both = true;
			continue;
		}
		if (m->pronoun) {
			/* English: "Minister X said ..., and she called on Y":
			 * "he" or "she" after a person the sentence names before
			 * it is that person, not an earlier sentence's subject */
			int own = -1;
			if (is_en(c) && (tok_is(c, m->tok, "he") || tok_is(c, m->tok, "she")))
				for (int i = 0; i < c->nm && own < 0 && c->m[i].tok < m->tok; i++)
					if (c->m[i].person >= 0 && c->m[i].country[0] && !c->m[i].prep &&
					    !c->m[i].loc)
						own = i;
			if (own >= 0 && ns < 8) {
				actor_from_mention(c, &c->m[own], &date, 0, &sa[ns]);
				if (sa[ns].country[0])
					ns++;
			} else if (c->have_last_subject && ns < 8)
				sa[ns++] = c->last_subject;
			continue;
		}
		actor a;
		/* "X and his Japanese counterpart signed": the counterpart holds
		 * the office of the one it is coordinated with */
		actor_from_mention(c, m, &date, cp_office, &a);
		if (a.country[0] && ns < 8)
			sa[ns++] = a;
	}
	/* "satisfaction was expressed with the relations between the two
	 * countries": a noun or a passive with no side named */
	bool no_country = true;
	for (int i = 0; i < c->nm; i++)
		if (c->m[i].country[0])
			no_country = false;
	/* "ils ont encouragé les efforts visant à ...", "les deux parties ont
	 * appelé à": both sides together appeal to neither of them; the
	 * sentence tells what they discussed (issue #3) */
	/* "Les deux parties ont condamné les frappes israéliennes", "les deux
	 * ministres ont appelé la Russie à": both sides, each acting on a
	 * third country named right after the verb (not on each other);
	 * English too: "Both ministers condemned Israel's raids" */
	/* English: "the two presidents agreed to meet Chinese President X",
	 * "both ministers held talks with Russia": a meeting with a third
	 * side named as its object, too */
	if (both && ns == 0 && c->fr.set && frame_kind != FR_MUTUAL &&
	    (!(code[0] == '0' && (code[1] == '3' || code[1] == '4' || code[1] == '6')) ||
	     (is_en(c) && ((code[0] == '0' && code[1] == '4') || !strcmp(code, "036"))))) {
		int third = -1;
		for (int i = 0; i < c->nm && third < 0; i++) {
			const mention *m = &c->m[i];
			if (m->tok < t->tok + t->ntok)
				continue;
			if (m->tok > t->tok + t->ntok + 8)
				break;
			/* English: only the verb's own object ("condemned
			 * Israel's raids", "urged the Iranian side"), not a
			 * name further on ("called on the world to protect
			 * Palestinian civilians") */
			if (is_en(c) && m->tok > t->tok + t->ntok + 2)
				break;
			if (m->country[0] && !m->loc && !m->both && !m->pronoun && !m->counterpart)
				third = frame_has(&c->fr, m->country) ? c->nm : i;
		}
		if (third >= 0 && third < c->nm) {
			actor ta3;
			actor_from_mention(c, &c->m[third], &date, 0, &ta3);
			if (!explicit_date && c->fr.date_set)
				date = c->fr.date;
			int pl = c->sent_place >= 0 ? c->sent_place : c->fr.place;
			if (pl < 0)
				pl = c->doc_place;
			if (ta3.country[0]) {
				emit(c, code, &c->fr.a, &ta3, &date, pl, sectors, negated, s, t, 0.6);
				for (int j = 0; j < c->fr.nb; j++)
					emit(c, code, &c->fr.b[j], &ta3, &date, pl, sectors, negated, s, t, 0.6);
				return;
			}
		}
	}
	if (both && ns == 0 && code[0] == '0' && code[1] == '2')
		return;
	/* English: "Appeals for calm poured in from the region", "when a
	 * host country demands a recall": an appeal or a demand that names
	 * no side is aimed by no one at no one; never by the article's sides
	 * at each other (issue #4) */
	if (is_en(c) && !both && ns == 0 && no_country &&
	    ((code[0] == '0' && code[1] == '2') || (code[0] == '1' && code[1] == '0')))
		return;
	if (both || (ns == 0 && no_country && c->fr.set) ||
	    (ns == 0 && frame_kind == FR_MUTUAL && c->fr.set)) {
		/* "les deux parties": the frame's sides */
		if (!c->fr.set && both && c->title_fr.set) {
			/* before the body codes a meeting: the headline's sides,
			 * as the persons the body named for them */
			frame tf = c->title_fr;
			for (int k = 0; k < c->nnamed; k++) {
				if (strcmp(c->named[k].country, tf.a.country) == 0)
					tf.a = c->named[k];
				if (strcmp(c->named[k].country, tf.b[0].country) == 0)
					tf.b[0] = c->named[k];
			}
			for (int j = 0; j < c->title_fr.nb; j++) {
				bool swap = first_named(c, tf.b[j].country) < first_named(c, tf.a.country);
				emit(c, code, swap ? &tf.b[j] : &tf.a, swap ? &tf.a : &tf.b[j], &date, c->sent_place >= 0 ? c->sent_place : c->doc_place,
				     sectors, negated, s, t, 0.6);
			}
			return;
		}
		if (!c->fr.set)
			return;
		/* "La veille, X avait eu des entretiens avec Y. Les deux
		 * parties ont signé ...": the paragraph's day first */
		if (!explicit_date && c->fr.date_set && (is_en(c) || !c->para_date_set))
			date = c->fr.date;
		int pl = c->sent_place >= 0 ? c->sent_place : c->fr.place;
		if (pl < 0)
			pl = c->doc_place;
		/* "une tournée en Russie, au Kazakhstan et en Biélorussie ...
		 * À Astana, il a eu des entretiens avec X. Les deux parties
		 * ont signé": "les deux" of a frame with several partners are
		 * the sides of the paragraph's last meeting */
		/* "Le Sénégal, la Mauritanie et le Maroc ont adopté ... Les
		 * trois pays s'engagent": the paragraph's last group of that
		 * many countries */
		if (!is_en(c) && c->ngrp >= 3 && c->grp_para == c->para) {
			static const char *const counts[] = {"trois", "quatre", "cinq", "six"};
			bool same = false;
			for (int k = 0; k < nsrc && !same; k++)
				for (uint32_t q = c->m[srcs[k]].tok; c->m[srcs[k]].both && q < c->m[srcs[k]].end; q++)
					if (c->ngrp - 3 < 4 && tok_is(c, q, counts[c->ngrp - 3]))
						same = true;
			if (same) {
				for (int i = 0; i < c->ngrp; i++)
					for (int j = i + 1; j < c->ngrp; j++)
						emit(c, code, &c->grp[i], &c->grp[j], &date, pl, sectors, negated, s, t, 0.7);
				return;
			}
		}
		if (!is_en(c) && c->fr.nb > 1 && c->pair_set && c->pair_para == c->para) {
			bool two = false;
			for (int k = 0; k < nsrc && !two; k++)
				for (uint32_t q = c->m[srcs[k]].tok; c->m[srcs[k]].both && q < c->m[srcs[k]].end; q++)
					if (tok_is(c, q, "deux"))
						two = true;
			if (two) {
				actor pa = c->pair_a, pb = c->pair_b;
				emit(c, code, &pa, &pb, &date, pl, sectors, negated, s, t, 0.7);
				return;
			}
		}
		/* EVENTS.md section 4: what both sides do together has its
		 * source in the order the text first names them */
		for (int j = 0; j < c->fr.nb; j++) {
			bool swap = first_named(c, c->fr.b[j].country) < first_named(c, c->fr.a.country);
			emit(c, code, swap ? &c->fr.b[j] : &c->fr.a, swap ? &c->fr.a : &c->fr.b[j], &date,
			     pl, sectors, negated, s, t, 0.7);
		}
		if (c->fr.all_pairs)
			for (int i = 0; i < c->fr.nb; i++)
				for (int j = i + 1; j < c->fr.nb; j++)
					emit(c, code, &c->fr.b[i], &c->fr.b[j], &date, pl, sectors, negated, s,
					     t, 0.7);
		return;
	}

	/* coordinated subjects act together: every pair */
	/* where: for a meeting, the place the sentence names, else the
	 * meeting's, else the dateline's; for anything else the dateline's
	 * city comes first ("ALGER — L'Algérie a rappelé son ambassadeur à
	 * Paris" happened in Algiers) */
	bool meeting_code = code[0] == '0' && code[1] == '4';
	int place = c->sent_place;
	if (!meeting_code && c->doc_place >= 0)
		place = c->doc_place;
	double conf = 0.5 + (explicit_date ? 0.1 : 0.0);
	/* Coordinated subjects that meet, agree, praise or cooperate do it with
	 * each other; coordinated subjects that demand, appeal, criticise or
	 * sanction ("Paris et Washington ont réclamé la levée du blocus") act
	 * together on someone else, named after the verb. */
	bool mutual = frame_kind == FR_MUTUAL ||
		      (code[0] == '0' && (code[1] == '3' || code[1] == '4' || code[1] == '5' ||
					  code[1] == '6'));
	int co_subjects = 1;
	if (ns >= 2 && mutual &&
	    emit_group(c, code, sa, ns, &date, explicit_date, place, sectors, negated, s, t,
		       conf + 0.3))
		return;
	if (ns >= 2 && !mutual)
		co_subjects = ns;

	/* targets: mentions after the trigger, of another country */
	actor src_actor;
	memset(&src_actor, 0, sizeof src_actor);
	if (ns)
		src_actor = sa[0];
	int tg = -1;
	bool as_noun = (en->flags & TF_NOUN) ||
		       (t->tok > from && (cue_at(c, t->tok - 1) == CUE_DET ||
					  cue_at(c, t->tok - 1) == CUE_POSSESSIVE));
	if (as_noun && nsrc)
		/* "Mme Fall a transmis à son homologue malien ses félicitations",
		 * "a adressé au président X ses condoléances": the person the
		 * noun is given to, between the subject and the noun */
		for (int i = srcs[nsrc - 1] + 1; i < c->nm && c->m[i].end <= t->tok; i++) {
			const mention *m = &c->m[i];
			if (m->prep == CUE_PLACE_PREP && !m->loc && m->country[0] &&
			    (m->person >= 0 || m->has_title || m->counterpart) &&
			    !(src_actor.country[0] && strcmp(m->country, src_actor.country) == 0)) {
				tg = i;
				break;
			}
		}
	/* "will not accept further refugees if fighting starts in Chad", "a
	 * trawler that was seized by the Ecuadorian navy": in
	 * English the object is not looked for past the start of another
	 * clause (issue #4) */
	uint32_t tg_lim = to;
	/* a threat's condition names whom it is aimed at ("threatened to ban
	 * voting if Hamas ran"); an act's purpose ("would blockade Paris to
	 * demand an end to the EC's reform") is another clause */
	bool contents = (tr->code[0] == '0' && (tr->code[1] == '2' || tr->code[1] == '3')) ||
			(tr->code[0] == '1' && tr->code[1] <= '3');
	/* "opened fire to disperse the demonstrators": those the force is
	 * used to disperse are whom it is used on */
	bool violent_act = force_code(code);
	for (uint32_t k = t->tok + t->ntok; is_en(c) && k < to && tg_lim == to; k++)
		if ((clause_word(c, k) &&
		     !(code[0] == '1' && code[1] == '3' && (tok_is(c, k, "if") || tok_is(c, k, "unless")))) ||
		    (!contents && tok_is(c, k, "to") && k + 1 < to && trigger_at(c, k + 1) &&
		     !mention_at(c, k + 1) && !(violent_act && repression_at(c, k + 1)) &&
		     /* ("staged a sit-in to demand an end to X's rule": what
		      * a protest demands is of whom it is aimed at) */
		     !(code[0] == '1' && code[1] == '4' && demand_at(c, k + 1))) ||
		    /* "resigned to make way for X", "withdrew to allow talks
		     * with X": a yielding act's infinitive of purpose is
		     * another clause */
		    (code[0] == '0' && code[1] == '8' && !(en->flags & TF_NOUN) && tok_is(c, k, "to") &&
		     k + 1 < to && c->ti.toks.items[k + 1].kind == ENT_TOK_WORD && !cue_at(c, k + 1) &&
		     !mention_at(c, k + 1)) ||
		    en_attribution_at(c, k, to) ||
		    /* (a force put on alert "after Venezuela moved to ...", "as
		     * Russia massed troops": the side whose move it answers
		     * is whom it is aimed at) */
		    (en_circumstance_at(c, k, to) &&
		     !(code[0] == '1' && code[1] == '5' && (tok_is(c, k, "after") || tok_is(c, k, "as")))) ||
		    en_and_clause_at(c, k, to) ||
		    /* "resumed talks on Sunday, mediated by Kenya": a
		     * participle with its agent is a clause of its own */
		    (k > t->tok + t->ntok + 1 && k + 1 < to && tok_is(c, k + 1, "by") &&
		     tok_is(c, k - 1, ",") && en_verb_trigger_at(c, k)) ||
		    /* "reaffirmed its commitment to X and condemned Y": a
		     * second predicate with an object of its own */
		    (k > t->tok + t->ntok && tok_is(c, k, "and") && k + 1 < to &&
		     en_verb_trigger_at(c, k + 1)) ||
		    /* "hailed the ruling and said two Peruvian sailors were
		     * still held": what a second predicate of report tells
		     * is not the object of the first */
		    (tok_is(c, k, "and") && k + 1 < to && cue_at(c, k + 1) == CUE_REPORT) ||
		    /* "demanded a truce before allowing U.N. convoys": a
		     * clause of its own */
		    ((tok_is(c, k, "before") || tok_is(c, k, "after") || tok_is(c, k, "without")) &&
		     k + 1 < to && token_ends(c, k + 1, "ing") && !mention_at(c, k + 1)) ||
		    /* "extended the mission in Mali despite France's
		     * objections": what the act is done in spite of names
		     * no one it is aimed at */
		    tok_is(c, k, "despite") ||
		    (tok_is(c, k, "spite") && k > t->tok + t->ntok && tok_is(c, k - 1, "in")) ||
		    /* "a tour aimed at brokering a truce in Yemen", "a trip
		     * to Oslo meant to calm tensions with Serbia": a
		     * participle after a visit noun opens its purpose, not
		     * its destination */
		    (frame_kind == FR_VISIT && (en->flags & TF_NOUN) && k <= t->tok + t->ntok + 5 &&
		     k + 1 < to && token_ends(c, k, "ed") && !c->ti.toks.items[k].upper &&
		     !mention_at(c, k) && (tok_is(c, k + 1, "at") || tok_is(c, k + 1, "to"))))
			tg_lim = k;
	/* "reproche à la Belgique d'avoir ...", "a demandé au Mali de ...":
	 * a country right after a French verb of appeal, demand, disapproval
	 * or threat, after "à", is whom it is addressed to, not a place */
	if (tg < 0 && !is_en(c) && !(en->flags & TF_NOUN) &&
	    (code[0] == '1' ? code[1] <= '3' : code[0] == '0' && code[1] == '2'))
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->tok < t->tok + t->ntok)
				continue;
			uint32_t a = t->tok + t->ntok;
			if (m->tok <= a + 2 && m->prep == CUE_PLACE_PREP && m->place < 0 &&
			    (tok_is(c, a, "a") || tok_is(c, a, "au") || tok_is(c, a, "aux")) &&
			    m->country[0] && !m->both && !m->pronoun &&
			    !(src_actor.country[0] && strcmp(m->country, src_actor.country) == 0))
				tg = i;
			break;
		}
	for (int pass = 0; pass < 3 && tg < 0; pass++) {
		if (pass == 1) {
			/* "Avec son homologue turc, le ministre Attaf a passé en revue
			 * la situation au Proche-Orient": the avec-phrase before the subject,
			 * before a place named after the verb */
			for (int i = 0; i < c->nm && tg < 0; i++) {
				const mention *m = &c->m[i];
				if (m->end <= t->tok && m->prep == CUE_WITH &&
				    (m->country[0] || m->counterpart) &&
				    !(nsrc && i >= srcs[0] && i <= srcs[nsrc - 1]) &&
				    !(m->country[0] && src_actor.country[0] &&
				      strcmp(m->country, src_actor.country) == 0))
					tg = i;
			}
			continue;
		}
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->tok < (t->tok == c->purpose_tok ? c->purpose_src + 1 : t->tok + t->ntok) ||
			    (nsrc && i >= srcs[0] && i <= srcs[nsrc - 1]))
				continue;
			if (m->tok >= tg_lim)
				break;
			if (participle && i == src)
				continue;
			if (m->both || m->pronoun)
				continue;
			bool want_loc = frame_kind == FR_VISIT;
			if (pass == 0 && m->loc != want_loc)
				continue;
			if (m->loc && placeless_code(c, code))
				continue;
			/* English: "a hearing into methods used against Kurdish
			 * prisoners": those an investigated act was aimed at are
			 * not whom the probe targets (issue #4) */
			if (is_en(c) && code[0] == '0' && code[1] == '9' && m->tok > from + 1 &&
			    (tok_is(c, m->tok - 1, "against") ||
			     (cue_at(c, m->tok - 1) == CUE_DET && tok_is(c, m->tok - 2, "against"))))
				continue;
			/* "appealed to Russia and Ukraine": the second of a list
			 * that a place preposition opens shares the first's role;
			 * the list is taken whole, or not at all, on the pass
			 * that takes its head */
			if (pass == 0 && !want_loc && chain_start(c, i) != i && c->m[chain_start(c, i)].loc)
				continue;
			/* English: "a hunger strike to protest against Sweden's
			 * decision to send them to Bulgaria": the owner of what a
			 * protest is against is whom it is aimed at, the
			 * protesters' own country too (issue #4): of their own,
			 * the protest is within it (no target past it) */
			if (is_en(c) && code[0] == '1' && code[1] == '4' && m->country[0] && !m->loc &&
			    !m->adj_only && m->tok > from + 1 && possessive_after(c, m->end) &&
			    src_actor.country[0] && !strcmp(m->country, src_actor.country) &&
			    (tok_is(c, m->tok - 1, "against") || tok_is(c, m->tok - 1, "protest") ||
			     (tok_is(c, m->tok - 1, "of") && tok_is(c, m->tok - 2, "protest")))) {
				tg_lim = m->end;
				break;
			}
			/* English: "killed a commander of Israel's militia ally",
			 * "shelled Iran's proxies": the ally a possessive names
			 * is another side than its patron */
			if (is_en(c) && possessive_after(c, m->end)) {
				bool ally = false;
				for (uint32_t k = m->end + 1; k < m->end + 3 && k < to && !ally; k++)
					ally = tok_is(c, k, "ally") || tok_is(c, k, "allies") ||
					       tok_is(c, k, "proxy") || tok_is(c, k, "proxies");
				if (ally)
					continue;
			}
			if (m->country[0] && src_actor.country[0] &&
			    strcmp(m->country, src_actor.country) == 0)
				continue;
			if (!m->country[0] && !m->counterpart && !m->office)
				continue;
			tg = i;
			break;
		}
	}
	if (tg < 0 && inv_tg >= 0)
		tg = inv_tg;
	/* English: "sent a team to Chad to investigate the killings",
	 * "dispatched experts to Haiti on Monday to probe ...": with no one
	 * named after it, a probe that is the purpose of a sending is aimed at
	 * where the senders went */
	if (tg < 0 && is_en(c) && tr->code[0] == '0' && tr->code[1] == '9' && !(en->flags & TF_NOUN) &&
	    t->tok > from + 3 && tok_is(c, t->tok - 1, "to"))
		for (int i = c->nm - 1; i >= 0 && tg < 0; i--) {
			const mention *m = &c->m[i];
			if (m->end >= t->tok || m->tok + 8 < t->tok || m->tok < from + 2 ||
			    !m->country[0] || !tok_is(c, m->tok - 1, "to"))
				continue;
			bool sent = false;
			for (uint32_t k = m->tok - 1; k > from && k + 7 > m->tok && !sent; k--)
				sent = tok_is(c, k - 1, "sent") || tok_is(c, k - 1, "send") ||
				       tok_is(c, k - 1, "sends") || tok_is(c, k - 1, "dispatched") ||
				       tok_is(c, k - 1, "dispatch") || tok_is(c, k - 1, "dispatches");
			bool clear = true;
			for (uint32_t k = m->end; k + 1 < t->tok; k++)
				if (c->ti.toks.items[k].kind == ENT_TOK_PUNCT || trigger_at(c, k) ||
				    clause_word(c, k))
					clear = false;
			if (sent && clear && !(src_actor.country[0] && !strcmp(m->country, src_actor.country)))
				tg = i;
		}
	if (tg >= 0 && !is_en(c) && !(en->flags & TF_NOUN) && !strcmp(tr->code, "112")) {
		/* "..., accusant l'ancienne puissance coloniale de soutenir
		 * les rebelles en RDC": an accused the lexicons do not know, and
		 * a country only in what it is accused of; the accused is the
		 * other country the clause before names ("a rompu avec la
		 * Belgique, accusant ..."), else no one said */
		uint32_t k = t->tok + t->ntok;
		while (k < c->m[tg].tok && (cue_at(c, k) == CUE_DET || cue_at(c, k) == CUE_POSSESSIVE))
			k++;
		bool words = false, content = false;
		for (; k < c->m[tg].tok && !content; k++) {
			if (tok_is(c, k, "de") || tok_is(c, k, "d'"))
				content = words;
			else if (c->ti.toks.items[k].kind == ENT_TOK_WORD)
				words = true;
		}
		if (content) {
			tg = -1;
			for (int i = c->nm - 1; i >= 0 && tg < 0; i--) {
				const mention *m = &c->m[i];
				if (m->end <= t->tok && (!m->loc || m->place < 0) && !m->both && !m->pronoun &&
				    m->country[0] && !(nsrc && i >= srcs[0] && i <= srcs[nsrc - 1]) &&
				    !(src_actor.country[0] && !strcmp(m->country, src_actor.country)))
					tg = i;
			}
			if (tg < 0)
				return;
		}
	}
	if (tg < 0 && code[0] == '1' && code[1] >= '1' && code[1] <= '3' && ns)
		/* "any interference by Washington will be met with
		 * countermeasures": a disapproval or a threat is aimed at the
		 * other country the sentence names before it */
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->end <= t->tok && m->country[0] && !m->loc && m->prep == CUE_BY &&
			    strcmp(m->country, src_actor.country) != 0) {
				tg = i;
				break;
			}
		}
	if (must_tg >= 0)
		tg = must_tg;
	/* English: "complained to the United Nations over Israeli air
	 * raids": the one a disapproval is brought to is its addressee; the
	 * country whose act it is about ("over", "about") is its target */
	if (is_en(c) && tg >= 0 && code[0] == '1' && code[1] == '1' && !(en->flags & TF_NOUN) &&
	    c->m[tg].tok > t->tok + t->ntok && tok_is(c, t->tok + t->ntok, "to") &&
	    c->m[tg].tok <= t->tok + t->ntok + 2)
		for (int i = tg + 1; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->tok >= tg_lim)
				break;
			if (m->loc || m->both || m->pronoun || !m->country[0] ||
			    (src_actor.country[0] && !strcmp(m->country, src_actor.country)))
				continue;
			bool over = false;
			for (uint32_t k = c->m[tg].end; k < m->tok && !over; k++)
				over = tok_is(c, k, "over") || tok_is(c, k, "about");
			if (over)
				tg = i;
			break;
		}
	/* English: "declared the advisers at the Pakistan High Commission
	 * persona non grata": the one declared stands before the trigger */
	/* ("gave twelve staff members of the French embassy 48 hours to
	 * leave": the ones given the deadline, too) */
	if (tg < 0 && is_en(c) &&
	    (tok_is(c, t->tok, "persona") || tok_is(c, t->tok, "hours") || called_adj || told_to))
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->end > t->tok || (nsrc && i <= srcs[nsrc - 1]) || !m->country[0] || m->loc ||
			    m->both || m->pronoun ||
			    (src_actor.country[0] && !strcmp(m->country, src_actor.country)))
				continue;
			tg = i;
			break;
		}
	if (tg >= 0 && frame_kind == FR_RECEIVE && !participle &&
	    words_between(c, t->tok + t->ntok, c->m[tg].tok, false) > 4 &&
	    (is_en(c) || !(c->m[tg].person >= 0 || c->m[tg].has_title || c->m[tg].counterpart) ||
	     words_between(c, t->tok + t->ntok, c->m[tg].tok, true) > 4))
		tg = -1; /* "a reçu un avis": what is received is not a visitor */
	if (tg >= 0 && code[0] == '0' && code[1] == '2' &&
	    words_between(c, t->tok + t->ntok, c->m[tg].tok, false) > 4)
		tg = -1; /* an appeal is addressed right after its verb ("a proposé
			  * que le Kazakhstan", "a appelé la France à"); a country
			  * further on is part of the proposal, the addressee is
			  * the counterpart */
	/* "expulsés par le Canada", "l'attaque ... par l'aviation israélienne":
	 * the agent after "par" is the one who acts. A disapproval (11x, 12x)
	 * of such an act is aimed at that agent. */
	int by = -1;
	for (int i = 0; i < c->nm; i++) {
		const mention *m = &c->m[i];
		if (m->prep == CUE_BY && m->tok >= t->tok + t->ntok && m->country[0]) {
			/* "des rencontres avec X, chargé par le président ...": a
			 * "par" past a comma, far from the verb, is another
			 * participle's agent */
			bool comma = false;
			for (uint32_t k = t->tok + t->ntok; k < m->tok; k++)
				if (tok_is(c, k, ","))
					comma = true;
			if (comma && m->tok > t->tok + t->ntok + 6)
				break;
			/* English: "accusing Kigali of aggression as rebels backed
			 * by Rwandan troops advanced": the agent of another verb
			 * right before "by" is that verb's */
			uint32_t b0 = m->tok;
			while (b0 > t->tok + t->ntok && cue_at(c, b0 - 1) == CUE_DET)
				b0--;
			if (is_en(c) && b0 >= t->tok + t->ntok + 2 && tok_is(c, b0 - 1, "by") &&
			    en_verb_trigger_at(c, b0 - 2))
				break;
			by = i;
			break;
		}
	}
	bool disapprove = code[0] == '1' && (code[1] == '1' || code[1] == '2');
	if (disapprove && by < 0 && tg >= 0 && !is_en(c) && c->m[tg].prep == CUE_OF) {
		/* "condamne l'attaque de l'ambassade du Liban à Beyrouth": the one
		 * attacked ("de X") is not the one condemned; with no "par" the
		 * sentence does not say whom the condemnation is aimed at (the
		 * place of the violence, "au Niger", still is) */
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok <= t->tok || o->tok > c->m[tg].tok)
				continue;
			const char *oc = hit_code(c, o);
			if (force_code(oc))
				return;
		}
	}
	/* English: "demanded a prompt confession by Lima": after an
	 * active verb with its subject, "by X" is the agent of a noun of the
	 * object, not of the verb (issue #4) */
	/* English: "is investigating abuses by the police", "opened an
	 * inquiry into killings committed by the army": what is looked into
	 * is the act of the one named after "by"; that agent is the target
	 * (issue #4) */
	bool probe = is_en(c) && !passive && code[0] == '0' && code[1] == '9';
	if (by >= 0 && is_en(c) && !passive && nsrc && !(en->flags & TF_NOUN) && !disapprove && !probe)
		by = -1;
	/* English: "students marched in rallies against abuses by the
	 * police": a noun with its subject before it, and "by X" past other
	 * words after it, names the agent of those words, not of the noun */
	if (by >= 0 && is_en(c) && !passive && nsrc && (en->flags & TF_NOUN) && !disapprove && !probe &&
	    words_between(c, t->tok + t->ntok, c->m[by].tok, false) > 4)
		by = -1;
	/* English: "proof against Chile was laid out by Peru",
	 * "allegations by Rwanda against France": a disapproving noun with no
	 * subject before it is the act of the one named after "by" */
	bool noun_agent = disapprove && is_en(c) && (en->flags & TF_NOUN) && nsrc == 0;
	bool probe_by = false; /* a probe into abuses by one's own police is domestic */
	if (by >= 0 && !participle) {
		if ((disapprove && !noun_agent) || (probe && nsrc)) {
			tg = by;
			probe_by = probe;
		} else if (by < next_mention_after(c, next_trig)) {
			/* passive: the agent acts on the subject (or the first mention) */
			int patient = nsrc ? srcs[0] : -1;
			if (patient < 0)
				for (int i = 0; i < c->nm; i++)
					if (i != by && c->m[i].tok >= t->tok + t->ntok && c->m[i].country[0]) {
						patient = i;
						break;
					}
			actor a;
			actor_from_mention(c, &c->m[by], &date, 0, &a);
			if (a.country[0] && patient >= 0) {
				sa[0] = a;
				ns = 1;
				src_actor = a;
				tg = patient;
				nsrc = 0;
			}
		}
	}
	if (participle) {
		/* the visitor is the mention between the trigger and the comma */
		tg = -1;
		for (int i = 0; i < c->nm; i++)
			if (c->m[i].tok >= t->tok + t->ntok && i != src) {
				tg = i;
				break;
			}
	}
	/* English: "refused any arbitration by outside powers", "urged
	 * other nations to follow Ghana's lead": an object that is any or
	 * other party the text does not name is neither the other side of
	 * the article nor a country named later in its complement; only an
	 * agent after "by" is (issue #4) */
	bool generic_obj = false;
	if (is_en(c) && !(en->flags & TF_NOUN) && !passive && t->tok + t->ntok + 1 < to &&
	    (tok_is(c, t->tok + t->ntok, "any") || tok_is(c, t->tok + t->ntok, "other")) &&
	    !mention_at(c, t->tok + t->ntok + 1)) {
		generic_obj = true;
		if (tg >= 0 && c->m[tg].prep != CUE_BY)
			tg = -1;
	}
	/* French: "appelle les parties à cesser le feu", "demande aux
	 * belligérants", "exhorte toutes les parties au calme": the parties
	 * of a conflict, unnamed, are no side of the article's talks ("les
	 * deux parties" is a mention of both) */
	if (!is_en(c) && !(en->flags & TF_NOUN) && !passive &&
	    ((code[0] == '0' && code[1] == '2') || (code[0] == '1' && code[1] == '0'))) {
		uint32_t k = t->tok + t->ntok;
		if (k < to && tok_is(c, k, "toutes"))
			k++;
		if (k + 1 < to && (cue_at(c, k) == CUE_DET || tok_is(c, k, "aux")) && !mention_at(c, k + 1) &&
		    (tok_is(c, k + 1, "parties") || tok_is(c, k + 1, "belligerants"))) {
			generic_obj = true;
			if (tg >= 0 && c->m[tg].prep != CUE_BY)
				tg = -1;
		}
	}
	actor ta[8];
	int nt = 0;
	if (tg >= 0) {
		int tgs[8];
		int n = chain(c, tg, tgs, 8);
		for (int k = 0; k < n; k++) {
			const mention *m = &c->m[tgs[k]];
			if (m->both || m->pronoun)
				continue;
			actor a;
			/* English: "invited his counterparts to the next summit":
			 * in a summit story, plural counterparts are the
			 * organisation's members together */
			if (m->counterpart && !m->country[0] && c->summit_org[0] && nt < 8 &&
			    tok_is(c, m->end - 1, "counterparts")) {
				memset(&a, 0, sizeof a);
				memcpy(a.country, c->summit_org, 4);
				memcpy(a.code, c->summit_org, 4);
				ta[nt++] = a;
				continue;
			}
			actor_from_mention(c, m, &date, cp_office, &a);
			/* "a accepté l'invitation de son homologue": a counterpart
			 * the text gives no country is the frame's other side,
			 * never the subject's own */
			if (m->counterpart && !m->country[0] && ns && a.country[0] &&
			    strcmp(a.country, sa[0].country) == 0) {
				actor o[MAX_PARTNERS];
				if (frame_others(&c->fr, sa[0].country, o) == 1)
					a = o[0];
			}
			if (a.country[0] && nt < 8)
				ta[nt++] = a;
		}
	}
	/* English: "said he had spoken to both X and Y and urged them to":
	 * "them" right after the verb is the list named before it */
	/* ("China, a partner of both neighbours, urged them": "them" after
	 * both sides named before it is both sides) */
	bool them_both = false;
	if (is_en(c) && tg < 0 && nt == 0 && ns && !(en->flags & TF_NOUN) && t->tok + t->ntok < to &&
	    tok_is(c, t->tok + t->ntok, "them"))
		for (int i = c->nm - 1; i >= 0; i--) {
			const mention *m = &c->m[i];
			if (m->end <= t->tok && m->both && !m->country[0]) {
				them_both = true;
				break;
			}
			if (m->end > t->tok || m->loc || m->both || m->pronoun || !m->country[0] ||
			    (nsrc && i >= srcs[0] && i <= srcs[nsrc - 1]))
				continue;
			int st = chain_start(c, i);
			if (st == i)
				break;
			int tgs[8];
			int n = chain(c, st, tgs, 8);
			for (int k = 0; k < n && nt < 8; k++) {
				actor a;
				actor_from_mention(c, &c->m[tgs[k]], &date, cp_office, &a);
				if (a.country[0] && strcmp(a.country, sa[0].country) != 0)
					ta[nt++] = a;
			}
			break;
		}
	/* English: "Angola's president called on the two leaders to return
	 * to the table": both sides right after the verb, with no meeting
	 * told, are the two sides of the headline (or of the frame) */
	if (is_en(c) && tg < 0 && nt == 0 && ns && !(en->flags & TF_NOUN)) {
		const frame *bf = c->fr.set ? &c->fr : c->title_fr.set ? &c->title_fr : NULL;
		bool both_after = them_both;
		for (int i = 0; bf && !both_after && i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->tok < t->tok + t->ntok)
				continue;
			both_after = m->both && !m->country[0] && m->tok <= t->tok + t->ntok + 1 &&
				     m->tok < tg_lim;
			break;
		}
		if (bf && bf->nb == 1 && both_after) {
			const actor *sides[2] = {&bf->a, &bf->b[0]};
			for (int k = 0; k < 2; k++)
				if (strcmp(sides[k]->country, sa[0].country) != 0) {
					ta[nt] = *sides[k];
					memcpy(ta[nt].code, sides[k]->country, 4);
					ta[nt].name = NULL;
					nt++;
				}
		}
	}
	/* English: "X denounced the joint statement": with no one else named,
	 * the joint statement is the work of the sides of the article's
	 * meeting (the frame), each of them the target */
	if (is_en(c) && tg < 0 && nt == 0 && ns && !(en->flags & TF_NOUN) && c->fr.set &&
	    c->fr.meeting && t->tok + t->ntok + 2 < to) {
		uint32_t k = t->tok + t->ntok;
		if ((tok_is(c, k, "the") || tok_is(c, k, "their")) && tok_is(c, k + 1, "joint") &&
		    (tok_is(c, k + 2, "statement") || tok_is(c, k + 2, "declaration") ||
		     tok_is(c, k + 2, "communique") || tok_is(c, k + 2, "communiqué"))) {
			const actor *sides[MAX_PARTNERS + 1];
			int nsd = 0;
			sides[nsd++] = &c->fr.a;
			for (int i = 0; i < c->fr.nb && nsd < MAX_PARTNERS + 1; i++)
				sides[nsd++] = &c->fr.b[i];
			for (int i = 0; i < nsd && nt < 8; i++) {
				bool dup = !sides[i]->country[0] ||
					   strcmp(sides[i]->country, sa[0].country) == 0;
				for (int j = 0; j < nt && !dup; j++)
					dup = strcmp(ta[j].country, sides[i]->country) == 0;
				if (dup)
					continue;
				ta[nt] = *sides[i];
				memcpy(ta[nt].code, sides[i]->country, 4);
				ta[nt].name = NULL;
				nt++;
			}
		}
	}
	/* English: "X welcomed the expulsion", "Y condemned the decision":
	 * praising or blaming an act the article told, with no one named,
	 * targets its main actor (the frame's, when an act, not a meeting,
	 * set it) */
	if (is_en(c) && tg < 0 && nt == 0 && ns && !(en->flags & TF_NOUN) && c->fr.set &&
	    !c->fr.meeting &&
	    c->fr.a.country[0] && strcmp(c->fr.a.country, sa[0].country) != 0 &&
	    ((code[0] == '0' && code[1] == '5') || (code[0] == '1' && code[1] == '1')) &&
	    en_act_object(c, t, to)) {
		ta[nt] = c->fr.a;
		memcpy(ta[nt].code, c->fr.a.country, 4);
		ta[nt].name = NULL;
		nt++;
	}
	bool list_acts = false;
	for (int k = 0; k < nt; k++)
		if (c->fr.set && strcmp(ta[k].country, c->fr.a.country) == 0)
			list_acts = true;
	if (tg >= 0 && c->m[tg].prep == CUE_BETWEEN)
		list_acts = true;
	if (!ns && nt >= 2 && list_acts &&
	    emit_group(c, code, ta, nt, &date, explicit_date, place, sectors, negated, s, t,
		       conf + 0.2))
		return; /* "signés entre le Vietnam et le Kazakhstan, ...": the list acts together */
	if (!ns && nt) {
		/* no subject: the frame side facing the target */
		actor o[MAX_PARTNERS];
		int no = frame_others(&c->fr, ta[0].country, o);
		if (no) {
			sa[0] = o[0];
			ns = 1;
		} else if (c->fr.set && (!(en->flags & TF_NOUN) || t->tok <= from + 2)) {
			/* "Les sanctions concernent la Russie": no agent said, the
			 * article's main actor is the one acting */
			sa[0] = c->fr.a;
			ns = 1;
			/* "Les putschistes ont accusé la France", in an article
			 * on an organisation and a country: armed forces with no
			 * country said are a state's, the frame's country side */
			bool mil = false;
			for (int i = 0; i < c->nm && c->m[i].tok < t->tok; i++)
				if (c->m[i].tok >= from && !c->m[i].country[0] && !strcmp(c->m[i].agent, "MIL"))
					mil = true;
			const lx_country *fa = mil ? lx_country_info(c->lx, c->fr.a.country) : NULL;
			for (int i = 0; fa && fa->igo && i < c->fr.nb; i++) {
				const lx_country *fb = lx_country_info(c->lx, c->fr.b[i].country);
				if (fb && !fb->igo && !fb->nonstate && strcmp(c->fr.b[i].country, ta[0].country)) {
					sa[0] = c->fr.b[i];
					snprintf(sa[0].code, sizeof sa[0].code, "%sMIL", c->fr.b[i].country);
					break;
				}
			}
		}
	}
	if (!ns)
		return;
	if (co_subjects > 1 && tg >= 0 && c->m[tg].tok > t->tok + t->ntok + 6)
		nt = 0; /* what is far after the verb is the object's detail */
	if (!nt && co_subjects > 1)
		return; /* acting together on someone the text does not name */
	if (!nt && !is_en(c) && co_subjects == 1)
		/* "a apporté son soutien à son ministre": an official the
		 * subject calls its own is of its country, no other side */
		for (int i = 0; i < c->nm; i++) {
			const mention *m = &c->m[i];
			if (m->tok < t->tok + t->ntok || m->tok >= tg_lim)
				continue;
			if (m->tok > t->tok + t->ntok + 3)
				break;
			if (!m->country[0] && m->agent[0] && !m->counterpart && !m->both && !m->pronoun &&
			    m->tok > from && cue_at(c, m->tok - 1) == CUE_POSSESSIVE)
				return;
		}
	if (!nt && !is_en(c)) {
		/* "son homologue X, à qui il a proposé ...", "Y, auquel il a
		 * demandé ...": the one the relative pronoun stands for */
		uint32_t q = UINT32_MAX;
		for (uint32_t k = t->tok; k > from && k + 6 > t->tok; k--) {
			if (tok_is(c, k - 1, "qui") && k >= from + 2 && tok_is(c, k - 2, "a")) {
				q = k - 2;
				break;
			}
			if (tok_is(c, k - 1, "auquel") || tok_is(c, k - 1, "auxquels") ||
			    tok_is(c, k - 1, "auxquelles")) {
				q = k - 1;
				break;
			}
			if (tok_is(c, k - 1, ",") || tok_is(c, k - 1, "."))
				break;
		}
		for (int i = c->nm - 1; q != UINT32_MAX && i >= 0; i--) {
			const mention *m = &c->m[i];
			if (m->end > q)
				continue;
			if ((m->end == q || (m->end + 1 == q && tok_is(c, m->end, ","))) &&
			    m->country[0] && !m->pronoun && !m->both &&
			    strcmp(m->country, sa[0].country) != 0) {
				actor_from_mention(c, m, &date, 0, &ta[0]);
				nt = ta[0].country[0] ? 1 : 0;
			}
			break;
		}
	}
	/* English: "the Iranian ambassador, who was visiting Iran",
	 * "the Kenyan envoy flew back to Kenya": a meeting or a visit
	 * whose object is the actor's own country is a trip home, no
	 * meeting with the other side of the article */
	for (int i = 0; is_en(c) && code[0] == '0' && code[1] == '4' && i < c->nm; i++) {
		const mention *m = &c->m[i];
		uint32_t k = t->tok + t->ntok;
		while (k < m->tok && (tok_is(c, k, "to") || tok_is(c, k, "back") ||
				      cue_at(c, k) == CUE_DET))
			k++;
		if (m->tok == k && m->tok < tg_lim && !m->both && !m->pronoun && !m->agent[0] &&
		    !strcmp(m->country, sa[0].country))
			return;
	}
	if (!nt) {
		/* English: "... and set off bombs in the capital Kabul": protest,
		 * coercion or violence with a place of the actor's own country
		 * after the verb stays within that country; the other side of
		 * an earlier event is not its target */
		bool home = generic_obj;
		/* "police detained some forty demonstrators", "troops fired
		 * on rioters": people named by a noun of agents right after a
		 * verb of coercion or force are the actor's own (below), not
		 * the other side of an earlier event */
		for (size_t h = 0; is_en(c) && !home && !(en->flags & TF_NOUN) &&
				   ((code[0] == '1' && code[1] >= '7') || code[0] == '2') && h < c->hits.len;
		     h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_TRIGGER || o->tok < t->tok + t->ntok || o->tok >= tg_lim ||
			    o->tok > t->tok + t->ntok + 3 || !(entry(c, o->entry)->flags & TF_AGENT))
				continue;
			home = true;
			for (uint32_t k = t->tok + t->ntok; k <= o->tok && home; k++)
				home = !mention_at(c, k);
		}
		for (int i = 0; is_en(c) && code[0] == '1' && code[1] >= '4' && i < c->nm && !home; i++)
			home = c->m[i].tok >= t->tok + t->ntok && c->m[i].tok < tg_lim && c->m[i].loc &&
			       !strcmp(c->m[i].country, sa[0].country);
		/* "... and urged its citizens to leave", "called on their
		 * supporters to stay home": one's own people right after a
		 * verb of appeal or demand are whom it is aimed at, not the
		 * other side of an earlier event */
		if (is_en(c) && !home && !(en->flags & TF_NOUN) && t->tok + t->ntok + 1 < tg_lim &&
		    ((code[0] == '0' && code[1] == '2') || (code[0] == '1' && code[1] == '0')) &&
		    cue_at(c, t->tok + t->ntok) == CUE_POSSESSIVE && !mention_at(c, t->tok + t->ntok + 1)) {
			static const char *const own[] = {"citizens", "nationals", "people", "population",
							  "troops", "forces", "soldiers", "police",
							  "supporters", "members", "officials", "staff", NULL};
			for (int w = 0; own[w] && !home; w++)
				home = tok_is(c, t->tok + t->ntok + 1, own[w]);
		}
		/* "set off on a tour of West Africa", "a trip to Southeast
		 * Asia": a destination named that is no country the lexicons
		 * know (a region) is not the other side of an earlier event */
		if (is_en(c) && !home && frame_kind == FR_VISIT && t->tok + t->ntok + 1 < tg_lim &&
		    (tok_is(c, t->tok + t->ntok, "to") || tok_is(c, t->tok + t->ntok, "of"))) {
			uint32_t k = t->tok + t->ntok + 1;
			if (cue_at(c, k) == CUE_DET && k + 1 < tg_lim)
				k++;
			home = c->ti.toks.items[k].kind == ENT_TOK_WORD && c->ti.toks.items[k].upper &&
			       !mention_at(c, k);
		}
		nt = home ? 0 : frame_others(&c->fr, sa[0].country, ta);
		/* "the rebels received weapons from the army": aid received
		 * from a giver of one's own country is between two sides too */
		bool home_aid = received && is_en(c) && code[0] == '0' && code[1] == '7';
		if (!nt && (domestic_code(c, code) || home_aid) && co_subjects == 1) {
			/* "Iraqi Kurds demonstrated in Kirkuk", "Shevardnadze
			 * resigned": no other country, an event within one
			 * country (a mention of it after the trigger) or with no
			 * target (issue #4) */
			actor self;
			memset(&self, 0, sizeof self);
			for (int i = 0; i < c->nm; i++) {
				const mention *m = &c->m[i];
				if (m->tok < t->tok + t->ntok || m->tok >= tg_lim || m->both || m->pronoun ||
				    strcmp(m->country, sa[0].country) != 0 ||
				    (nsrc && i >= srcs[0] && i <= srcs[nsrc - 1]) ||
				    (m->loc && placeless_code(c, code)))
					continue;
				actor_from_mention(c, m, &date, 0, &self);
				break;
			}
			/* "accepted demands from Shona rebels", "ordered the
			 * opposition newspaper to close": a domestic actor with
			 * no country after the verb is of the actor's country;
			 * not "any" or "other" party (generic_obj); the one
			 * ordered before the infinitive too (told_to) */
			for (int i = 0; !self.country[0] && !generic_obj && i < c->nm; i++) {
				const mention *m = &c->m[i];
				bool told = told_to && m->tok >= told_at && m->end <= t->tok;
				if ((m->tok < t->tok + t->ntok && !told) || m->tok >= tg_lim || m->country[0] ||
				    !m->agent[0] || m->both || m->pronoun ||
				    !strcmp(m->agent, "NGO") || !strcmp(m->agent, "IGO"))
					continue;
				/* "ordered patrols by police and soldiers": the
				 * forces a mobilisation puts out are the actor's
				 * own, no target of it */
				if (code[0] == '1' && code[1] == '5' &&
				    (m->prep == CUE_BY ||
				     (i > 0 && c->m[i - 1].prep == CUE_BY && m->tok <= c->m[i - 1].end + 3 &&
				      cue_at(c, c->m[i - 1].end) == CUE_COORD)))
					continue;
				/* "allowed the troops to land at the airport": troops
				 * given leave by a government with no country said
				 * are someone else's (a transit, a landing), not its
				 * own army; who they are is unsaid, no event */
				if (!strcmp(code, "080") && !strcmp(m->agent, "MIL"))
					return;
				/* "dismissed an appeal from President X", "rejected
				 * an offer from the government": the government or a
				 * titled leader with no country is the actor's own;
				 * not an embassy or "its leaders", nor where one
				 * surrenders or resigns */
				if ((m->office || !strcmp(m->agent, "GOV")) &&
				    (placeless_code(c, code) ||
				     (m->tok > 0 && cue_at(c, m->tok - 1) == CUE_POSSESSIVE) ||
				     (!m->office && !tok_is(c, m->end - 1, "government"))))
					continue;
				mention dm = *m;
				memcpy(dm.country, sa[0].country, 4);
				actor_from_mention(c, &dm, &date, 0, &self);
				break;
			}
			/* "opened fire to disperse demonstrators": the people a
			 * noun of agents names ("demonstrators", "rioters") after
			 * the verb are of the actor's country too */
			for (size_t h = 0; !self.country[0] && h < c->hits.len; h++) {
				const lx_hit *o = &c->hits.items[h];
				if (o->kind != LX_TRIGGER || o->tok < t->tok + t->ntok || o->tok >= tg_lim ||
				    !(entry(c, o->entry)->flags & TF_AGENT) || mention_at(c, o->tok))
					continue;
				mention dm;
				memset(&dm, 0, sizeof dm);
				dm.tok = o->tok;
				dm.end = o->tok + o->ntok;
				dm.person = -1;
				dm.place = -1;
				memcpy(dm.country, sa[0].country, 4);
				actor_from_mention(c, &dm, &date, 0, &self);
			}
			if (!domestic_code(c, code) && !self.country[0])
				return; /* no giver named */
			c->one_sided = true;
			/* "demonstrators received assurances from the government":
			 * from the giver */
			bool swap = received && self.country[0];
			emit(c, code, swap ? &self : &sa[0], swap ? &sa[0] : &self, &date,
			     place >= 0 ? place : c->doc_place, sectors, negated, s, t, conf);
			c->one_sided = false;
			c->last_subject = sa[0];
			c->have_last_subject = true;
			return;
		}
		if (!nt)
			return;
		conf -= 0.1;
		/* English: the paragraph's day beats the frame's ("Islamabad
		 * hit back hours later. ... suspended all trade") */
		if (!explicit_date && c->fr.date_set && !(is_en(c) && c->para_date_set))
			date = c->fr.date;
	} else {
		conf += 0.3;
	}
	if (received && ns == 1 && nt == 1 && co_subjects == 1) {
		actor x = sa[0];
		sa[0] = ta[0];
		ta[0] = x;
	}
	/* "Norway hosted talks between Peru and Chile", "Qatar brokered a
	 * truce between Mali and Niger", "a accueilli des pourparlers entre":
	 * the parties after "between" meet (in a third place, 044) or agree
	 * with each other, and the subject is the go-between (045 to each) */
	if (ns >= 1 && co_subjects == 1 && nt >= 2 && tg >= 0 && c->m[tg].prep == CUE_BETWEEN &&
	    !negated && code[0] == '0' &&
	    (code[1] == '3' || (code[1] == '4' && code[2] != '5' && code[2] != '6') ||
	     !strcmp(code, "057") || !strncmp(code, "087", 3))) {
		bool third = sa[0].country[0] != 0;
		for (int j = 0; j < nt && third; j++)
			if (!strcmp(ta[j].country, sa[0].country))
				third = false;
		if (third) {
			const char *gc = code[1] == '4' ? "044" : code;
			emit_group(c, gc, ta, nt, &date, explicit_date, place, sectors, negated, s, t,
				   conf);
			for (int j = 0; j < nt; j++)
				emit(c, "045", &sa[0], &ta[j], &date, place >= 0 ? place : c->doc_place,
				     sectors, negated, s, t, conf);
			return;
		}
	}
	/* "the rebels said that Kagame must resign": the subject of "must"
	 * may be of the reporter's own country (issue #4) */
	c->one_sided = (must_tg >= 0 && domestic_code(c, code)) || probe_by;
	for (int k = 0; k < co_subjects; k++)
		for (int j = 0; j < nt; j++) {
			int pl = place;
			if (pl < 0 && frame_has(&c->fr, sa[k].country) &&
			    frame_has(&c->fr, ta[j].country))
				pl = c->fr.place;
			if (pl < 0)
				pl = c->doc_place;
			emit(c, code, &sa[k], &ta[j], &date, pl, sectors, negated, s, t, conf);
		}
	c->one_sided = false;
	/* the first meeting with two sides sets the discourse frame */
	bool meeting = code[0] == '0' && (code[1] == '4' || (code[1] == '3' && code[2] == '6'));
	bool dated = explicit_date && recent_date(c, &date);
	if (!future)
		frame_meeting(c, code, &sa[0], ta, nt, &date, dated, place);
	if (meeting && (!c->fr.set || (!c->fr.date_set && dated))) {
		frame_set(&c->fr, &sa[0], ta, nt, place);
		c->fr.meeting = c->fr.set && code[1] == '4' && !future;
		if (dated && c->fr.set) {
			c->fr.date = date;
			c->fr.date_set = true;
			c->fr.date_weak = c->date_kind != DK_OWN;
		}
	} else if (meeting && !future && dated && c->fr.date_set &&
		   frame_has(&c->fr, sa[0].country) && frame_has(&c->fr, ta[0].country) &&
		   date.prec >= c->fr.date.prec && ent_date_num(&date) >= ent_date_num(&c->fr.date)) {
		/* a later dated meeting of the same sides (the talks on the second
		 * day of a visit) dates what follows; an earlier one recalled in
		 * passing does not */
		c->fr.date = date;
		if (place >= 0)
			c->fr.place = place;
	} else if (!is_en(c) && meeting && code[1] == '4' && !future && dated && c->fr.set &&
		   !c->fr.meeting && nt >= 1 && !frame_has(&c->fr, ta[0].country)) {
		/* a communiqué that expels a diplomat, then "Le Premier ministre a
		 * reçu dans l'après-midi l'ambassadeur du Mali": the first dated
		 * meeting with another partner makes "les deux parties" its sides */
		frame_set(&c->fr, &sa[0], ta, nt, place);
		c->fr.meeting = c->fr.set;
		if (c->fr.set) {
			c->fr.date = date;
			c->fr.date_set = true;
			c->fr.date_weak = c->date_kind != DK_OWN;
		}
	}
	if (meeting && c->fr.set && c->fr.place < 0 && place >= 0 && frame_has(&c->fr, sa[0].country))
		c->fr.place = place;
	if (!c->fr.set)
		frame_set(&c->fr, &sa[0], ta, nt, place);
	frame_date(c, code, &sa[0], &ta[0], &date, dated && !future);
	c->last_subject = sa[0];
	c->have_last_subject = true;
}

static bool noise_sentence(const ctx *c, const ent_sentence *s)
{
	if (tok_is(c, s->tok, ">"))
		return true;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_CUE && o->tok == s->tok && entry(c, o->entry)->sub == CUE_NOISE)
			return true;
	}
	return false;
}

/* Lexicon hits of sentence s, and the cue covering each of its tokens.
 * Returns whether it has a trigger. */
/* The gazetteer's cities in sentence s (gz_annotate); where several
 * share a name, the countries of the sentence choose, else those of the
 * article's meeting and dateline. */
static void gazetteer_hits(ctx *c, const ent_sentence *s, const lx_lang *lang)
{
	if (!c->e->gz.loaded)
		return;
	char countries[MAX_PARTNERS + 2][4];
	int n = 0;
	for (int i = -1; c->fr.set && i < c->fr.nb; i++)
		memcpy(countries[n++], i < 0 ? c->fr.a.country : c->fr.b[i].country, 4);
	if (c->doc_place >= 0)
		memcpy(countries[n++], c->lx->places.items[c->doc_place].country, 4);
	gz_sentence gs = {.text = c->text, .ti = &c->ti, .from = s->tok, .to = s->tok + s->ntok,
			  .cue = c->cue, .countries = (const char(*)[4])countries, .ncountries = n,
			  .head = (size_t)(s - c->ti.sents.items) < 4};
	gz_annotate(&c->e->gz, c->lx, lang, &gs, &c->hits);
}

static bool annotate(ctx *c, const ent_sentence *s, const lx_lang *lang)
{
	c->hits.len = 0;
	lx_match(c->lx, lang, &c->ti, s->tok, s->tok + s->ntok, &c->hits, &c->scratch);
	if (s->ntok > c->cue_cap) {
		c->cue_cap = s->ntok * 2;
		c->cue = ent_xrealloc(c->cue, c->cue_cap);
		c->cues = ent_xrealloc(c->cues, c->cue_cap * sizeof *c->cues);
	}
	memset(c->cue, 0, s->ntok);
	memset(c->cues, 0, s->ntok * sizeof *c->cues);
	c->base = s->tok;
	bool any_trigger = false;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_CUE)
			for (uint32_t k = o->tok; k < o->tok + o->ntok; k++) {
				c->cue[k - s->tok] = entry(c, o->entry)->sub;
				c->cues[k - s->tok] |= 1u << entry(c, o->entry)->sub;
			}
	}
	/* English: "forced the agency out of the country", "called the
	 * strike off": a verb and its particle with the object between
	 * them. A trigger pattern of a verb and a particle (out, off, away;
	 * "forced out", "called off") matches on the verb alone when the
	 * particle follows within 8 tokens, past names, words and commas
	 * but no other trigger and no other mark */
	for (uint32_t j = s->tok + 2; is_en(c) && j < s->tok + s->ntok; j++) {
		if (!(tok_is(c, j, "out") || tok_is(c, j, "off") || tok_is(c, j, "away")) || trigger_at(c, j))
			continue;
		const ent_token *pj = &c->ti.toks.items[j];
		for (uint32_t k = j - 1; k > s->tok && k + 8 >= j; k--) {
			const ent_token *tk = &c->ti.toks.items[k - 1];
			if (trigger_at(c, k) ||
			    (c->ti.toks.items[k].kind != ENT_TOK_WORD && !tok_is(c, k, ",") &&
			     !tok_is(c, k, "'s")))
				break;
			if (tk->kind != ENT_TOK_WORD || tk->upper || trigger_at(c, k - 1) ||
			    tk->klen + pj->klen + 2 > 64)
				continue;
			char pk[64];
			memcpy(pk, c->ti.keys.data + tk->key, tk->klen);
			pk[tk->klen] = ' ';
			memcpy(pk + tk->klen + 1, c->ti.keys.data + pj->key, pj->klen);
			uint32_t *v = ent_map_get(&lang->m.exact, pk, tk->klen + 1 + pj->klen);
			int32_t e = v ? (int32_t)*v : -1;
			while (e >= 0 && c->lx->entries.items[e].kind != LX_TRIGGER)
				e = c->lx->entries.items[e].next;
			if (e < 0)
				continue;
			lx_hit nh = {.tok = k - 1, .ntok = 1, .entry = e, .kind = LX_TRIGGER};
			ENT_VEC_PUSH(c->hits, nh);
			size_t at = c->hits.len - 1;
			while (at > 0 && c->hits.items[at - 1].tok > nh.tok) {
				c->hits.items[at] = c->hits.items[at - 1];
				at--;
			}
			c->hits.items[at] = nh;
			break;
		}
	}
	/* "met the visiting Vietnamese president", "Jordan's visiting King":
	 * an attribute of the visitor, no visit reported, and no trigger
	 * that ends the clause before its object (English; issue #4) */
	/* "agreed to postpone the demonstration", "called off the strike":
	 * what is put off did not happen (English; issue #4) */
	static const char *const off[] = {"postpone", "postponed", "postpones", "postponing",
		"cancel", "cancelled", "canceled", "cancels", "delay", "delayed", "off", NULL};
	for (size_t h = 0; is_en(c) && h < c->hits.len; h++) {
		lx_hit *o = &c->hits.items[h];
		if (o->kind != LX_TRIGGER || !(entry(c, o->entry)->flags & TF_NOUN))
			continue;
		for (uint32_t p = o->tok; p > s->tok && o->tok - p < 4; p--) {
			bool put_off = false;
			for (int k = 0; off[k]; k++)
				if (tok_is(c, p - 1, off[k]))
					put_off = true;
			if (put_off) {
				o->kind = 0;
				break;
			}
			if (!(cue_at(c, p - 1) == CUE_DET || cue_at(c, p - 1) == CUE_POSSESSIVE ||
			      (c->ti.toks.items[p - 1].kind == ENT_TOK_WORD && !cue_at(c, p - 1) &&
			       !trigger_at(c, p - 1) && !c->ti.toks.items[p - 1].upper)))
				break;
		}
	}
	size_t w = 0;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (!o->kind ||
		    (o->kind == LX_SECTOR && entry(c, o->entry)->value == LX_NO_SECTOR))
			continue;
		if (is_en(c) && o->kind == LX_TRIGGER && o->ntok == 1 && o->tok > s->tok &&
		    entry(c, o->entry)->sub == FR_VISIT && tok_is(c, o->tok, "visiting") &&
		    (cue_at(c, o->tok - 1) == CUE_DET || tok_is(c, o->tok - 1, "'s")))
			continue;
		if (o->kind == LX_TRIGGER)
			any_trigger = true;
		c->hits.items[w++] = *o;
	}
	c->hits.len = w;
	gazetteer_hits(c, s, lang);
	return any_trigger;
}

/* EVENTS.md section 3: a date printed in the body (a dateline, a
 * timestamp, a photo caption) is as good as the metadata. The first full
 * date with its year written out that agrees with the metadata makes the
 * article date precise to the day; with no metadata it becomes the article
 * date. Captions are often in another language: that one is tried too. */
/* A caption's "on August 5, 2023" may be the day of the incident, not of
 * the article: a later day of the next two weeks written with its weekday
 * ("on Monday, August 7") and true to the calendar is the article's. */
static ent_date weekday_dated(ctx *c, const lx_lang *lang, ent_date cand)
{
	ent_date best = cand;
	ent_date hi = cand;
	ent_date_add_days(&hi, 14);
	size_t n = c->ti.sents.len < 12 ? c->ti.sents.len : 12;
	for (size_t si = 0; si < n; si++) {
		const ent_sentence *s = &c->ti.sents.items[si];
		uint32_t to = s->tok + s->ntok;
		annotate(c, s, lang);
		for (uint32_t i = s->tok; i < to; i++) {
			uint32_t nt, mt;
			const lx_entry *wd = time_at(c, i, &nt);
			if (!wd || wd->sub != TM_WEEKDAY)
				continue;
			uint32_t j = i + nt;
			if (j < to && tok_is(c, j, ","))
				j++;
			if (j + 1 >= to)
				continue;
			const lx_entry *me = time_at(c, j, &mt);
			int day = -1, month = -1;
			if (me && me->sub == TM_MONTH && j + mt < to) {
				month = me->value;
				day = num_at(c, j + mt, 1, 31);
			} else if (num_at(c, j, 1, 31) > 0) {
				me = time_at(c, j + 1, &mt);
				if (me && me->sub == TM_MONTH) {
					month = me->value;
					day = num_at(c, j, 1, 31);
				}
			}
			if (day < 0 || month < 0 || day > ent_days_in_month(cand.y, month))
				continue;
			ent_date d = {.y = cand.y, .m = month, .d = day, .prec = 3};
			if (ent_date_weekday(&d) != wd->value || ent_date_num(&d) <= ent_date_num(&best) ||
			    ent_date_num(&d) > ent_date_num(&hi))
				continue;
			best = d;
		}
	}
	return best;
}

static void refine_docdate(ctx *c)
{
	ent_date meta = c->docdate;
	if (meta.prec >= 3)
		return;
	for (size_t l = 0; l < c->lx->nlangs; l++) {
		const lx_lang *lang = l == 0 ? c->lang : &c->lx->langs[0];
		if (l > 0 && lang == c->lang)
			lang = &c->lx->langs[1];
		size_t n = c->ti.sents.len < 12 ? c->ti.sents.len : 12;
		for (size_t si = 0; si < n; si++) {
			const ent_sentence *s = &c->ti.sents.items[si];
			annotate(c, s, lang);
			read_dates(c, s->tok, s->tok + s->ntok);
			for (int i = 0; i < c->nd; i++) {
				const dexpr *d = &c->dates[i];
				if (!d->year || d->d.prec < 3)
					continue;
				if (meta.prec >= 1 && d->d.y != meta.y)
					continue;
				if (meta.prec >= 2 && d->d.m != meta.m)
					continue;
				c->docdate = weekday_dated(c, lang, d->d);
				return;
			}
		}
		if (meta.prec >= 1)
			return; /* captions in another language only date undated articles */
	}
}

static void add_level(ctx *c, const ent_sentence *s, const lx_level *lv, const char *a,
		      const char *b);

/* A declared level of relationship ("le partenariat stratégique intégral
 * Vietnam–Russie"): between the first two countries the sentence names, or
 * the one it names and the frame's other side, or the frame's two sides;
 * dated by the sentence, else the frame, else the article. */
static void code_levels(ctx *c, const ent_sentence *s)
{
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind != LX_LEVEL)
			continue;
		const lx_level *lv = &c->lx->levels.items[entry(c, o->entry)->value];
		char a[4] = "", bs[MAX_PARTNERS][4];
		int nb = 0, bi = -1;
		for (int i = 0; i < c->nm && bi < 0; i++) {
			const char *k = c->m[i].country;
			if (!k[0] || c->m[i].both)
				continue;
			if (!a[0])
				memcpy(a, k, 4);
			else if (strcmp(a, k) != 0)
				bi = i;
		}
		if (bi >= 0) {
			/* "avec le Brésil, l'Égypte et le Kenya" */
			int ch[MAX_PARTNERS];
			int n = chain(c, bi, ch, MAX_PARTNERS);
			for (int k = 0; k < n && nb < MAX_PARTNERS; k++)
				if (c->m[ch[k]].country[0] && strcmp(c->m[ch[k]].country, a) != 0)
					memcpy(bs[nb++], c->m[ch[k]].country, 4);
		}
		if (a[0] && !nb && c->fr.set) {
			actor o2[MAX_PARTNERS];
			if (frame_others(&c->fr, a, o2) == 1)
				memcpy(bs[nb++], o2[0].country, 4);
		}
		if (!a[0] && c->fr.set && c->fr.nb == 1) {
			memcpy(a, c->fr.a.country, 4);
			memcpy(bs[nb++], c->fr.b[0].country, 4);
		}
		for (int k = 0; k < nb; k++)
			add_level(c, s, lv, a, bs[k]);
	}
}

static void add_level(ctx *c, const ent_sentence *s, const lx_level *lv, const char *a,
		      const char *b)
{
	ent_level l;
	memset(&l, 0, sizeof l);
	if (strcmp(a, b) < 0) {
		memcpy(l.a, a, 4);
		memcpy(l.b, b, 4);
	} else {
		memcpy(l.a, b, 4);
		memcpy(l.b, a, 4);
	}
	l.level = lv->name;
	l.rank = lv->rank;
	ent_date d = c->nd ? c->dates[0].d : c->fr.date_set ? c->fr.date : c->docdate;
	ent_date_format(&d, l.date);
	l.sentence.start = s->start;
	l.sentence.len = s->len;
	for (size_t i = 0; i < c->out->levels.len; i++) {
		const ent_level *x = &c->out->levels.items[i];
		if (!strcmp(x->a, l.a) && !strcmp(x->b, l.b) && x->rank == l.rank &&
		    x->sentence.start == l.sentence.start)
			return;
	}
	ENT_VEC_PUSH(c->out->levels, l);
}

/* Are tokens [tok, tok+n) written in capitals (at least 3 letters)? */
static bool all_caps(const ctx *c, uint32_t tok, uint32_t n)
{
	size_t letters = 0;
	for (uint32_t k = tok; k < tok + n; k++) {
		const ent_token *t = &c->ti.toks.items[k];
		if (t->kind != ENT_TOK_WORD)
			continue;
		for (size_t j = t->start; j < (size_t)t->start + t->len; j++) {
			unsigned char ch = (unsigned char)c->text[j];
			if (ch >= 'a' && ch <= 'z')
				return false;
			if (ch >= 'A' && ch <= 'Z')
				letters++;
		}
	}
	return letters >= 3;
}

/* "Ouagadougou, 9 juin 2025 – Le gouvernement a rendu public ce lundi
 * soir ..." on a page published the next day: a French dispatch's own
 * date (one to three days before the page's) is when its undated news
 * happened and what its relative days count from. */
static void dateline_docdate(ctx *c)
{
	if (is_en(c) || c->dateline_tok == UINT32_MAX || c->docdate.prec < 3)
		return;
	for (size_t si = 0; si < c->ti.sents.len && si < 8; si++) {
		const ent_sentence *s = &c->ti.sents.items[si];
		if (c->dateline_tok < s->tok || c->dateline_tok >= s->tok + s->ntok)
			continue;
		annotate(c, s, c->lang);
		read_dates(c, s->tok, s->tok + s->ntok);
		for (int i = 0; i < c->nd; i++) {
			const dexpr *d = &c->dates[i];
			if (!d->stamp || !d->year || d->d.prec < 3)
				continue;
			int32_t gap = ent_date_num(&c->docdate) - ent_date_num(&d->d);
			if (gap >= 1 && gap <= 3)
				c->docdate = d->d;
			return;
		}
		return;
	}
}

/* The dateline: a city opening the article's first lines and followed by
 * "(", "-", "—" or "," ("Hanoï (VNA) -", "ALGER —", "MOSCOW (Sputnik)").
 * Returns a place index or -1. */
static int find_dateline(ctx *c)
{
	/* web pages put bylines and repeated headlines first: a city in
	 * capitals is looked for a little further down */
	size_t n = c->ti.sents.len < 8 ? c->ti.sents.len : 8;
	for (size_t si = 0; si < n; si++) {
		const ent_sentence *s = &c->ti.sents.items[si];
		annotate(c, s, c->lang);
		for (size_t h = 0; h < c->hits.len; h++) {
			const lx_hit *o = &c->hits.items[h];
			if (o->kind != LX_PLACE)
				continue;
			/* at the start of a line, or written in capitals anywhere
			 * ("... 11:05 ALGER, mardi 30 juillet 2024 -") */
			if (o->tok != s->tok && !all_caps(c, o->tok, o->ntok))
				continue;
			if (si >= 4 && !all_caps(c, o->tok, o->ntok))
				continue;
			uint32_t after = o->tok + o->ntok;
			if (after < s->tok + s->ntok &&
			    (tok_is(c, after, "(") || tok_is(c, after, "-") || tok_is(c, after, ","))) {
				c->dateline_tok = o->tok;
				return entry(c, o->entry)->value;
			}
		}
	}
	return -1;
}

/* Names the frame's sides once the text names them: "Lors de l'entretien,
 * Bùi Thanh Son a affirmé ..." after a title that only named the
 * countries. */
static void enrich_frame(ctx *c)
{
	if (!c->fr.set)
		return;
	for (int i = 0; i < c->nm; i++) {
		const mention *m = &c->m[i];
		if (m->person < 0 || !m->country[0] || m->counterpart)
			continue;
		const lx_person *p = &c->lx->persons.items[m->person];
		actor *sides[MAX_PARTNERS + 1];
		int ns = 0;
		sides[ns++] = &c->fr.a;
		for (int k = 0; k < c->fr.nb; k++)
			sides[ns++] = &c->fr.b[k];
		for (int k = 0; k < ns; k++) {
			actor *a = sides[k];
			if (a->name || strcmp(a->country, m->country) != 0)
				continue;
			a->name = p->name;
			if (strlen(a->code) == 3 && (m->agent[0] || p->agent[0]))
				snprintf(a->code, sizeof a->code, "%s%s", a->country,
					 m->agent[0] ? m->agent : p->agent);
		}
	}
}

/* "Ils ont signé treize accords. Ces accords portent sur l'agriculture et
 * le tourisme.": a sentence with no trigger that names sectors gives them
 * to the agreements, appeals and intents of the last sentence that had
 * some, up to three sentences back. */
static void carry_sectors(ctx *c, const ent_sentence *s, size_t first, size_t end)
{
	uint64_t sectors = 0, relief = 0; /* relief: no hazards (for aid) */
	bool agreement = false, signed_ = false;
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		if (o->kind == LX_SECTOR) {
			sectors |= 1ULL << entry(c, o->entry)->value;
			if (!hazard_sector(c, o->tok, s->tok))
				relief |= 1ULL << entry(c, o->entry)->value;
		} else if (o->kind == LX_CUE && entry(c, o->entry)->sub == CUE_AGREEMENT)
			agreement = true;
	}
	if (!sectors)
		return;
	for (size_t i = first; i < end && i < c->out->events.len; i++)
		if (strcmp(c->out->events.items[i].code, "057") == 0)
			signed_ = true;
	/* "Les accords touchent les domaines de la pêche ...": a sentence
	 * about agreements (cue "agreement") describes the signing, not the
	 * appeal or the intent reported beside it */
	for (size_t i = first; i < end && i < c->out->events.len; i++) {
		ent_event *ev = &c->out->events.items[i];
		if (carry_code(ev->code) &&
		    (!agreement || !signed_ || strcmp(ev->code, "057") == 0))
			ev->sectors |= ev->code[1] == '7' ? relief : sectors;
	}
}

/* The events between the frame's sides that have no place take the
 * meeting's place, even when the text names it only after them; where the
 * article never says where its meeting took place, the first city it names
 * in one of the meeting's countries is the best guess. */
static void place_frame_events(ctx *c)
{
	if (!c->fr.set)
		return;
	int pl = c->fr.place; /* known only once the text named it */
	for (int i = 0; i < c->nplaces_seen && pl < 0; i++)
		if (frame_has(&c->fr, c->lx->places.items[c->places_seen[i]].country))
			pl = c->places_seen[i];
	if (pl < 0)
		return;
	for (size_t i = 0; i < c->out->events.len; i++) {
		ent_event *ev = &c->out->events.items[i];
		char a[4] = {0}, b[4] = {0};
		memcpy(a, ev->source, 3);
		memcpy(b, ev->target, 3);
		if (!ev->place && frame_has(&c->fr, a) && frame_has(&c->fr, b))
			set_place(ev, &c->lx->places.items[pl]);
	}
}

/* "A relief package has reached Damascus. ... It was sent on Saturday":
 * an event with no date of its own (the article's, or a report's) takes
 * the day the article gives elsewhere to the same action between the same
 * countries, when that day is of the last week before the article. */
static void adopt_dates(ctx *c)
{
	size_t n = c->out->events.len < c->dkind.len ? c->out->events.len : c->dkind.len;
	bool *adopted = ent_xcalloc(n ? n : 1, sizeof *adopted);
	for (size_t i = 0; i < n; i++) {
		if (c->dkind.items[i].kind != DK_DOC && c->dkind.items[i].kind != DK_REPORT)
			continue;
		ent_event *ev = &c->out->events.items[i];
		for (size_t j = 0; j < n; j++) {
			const ent_event *o = &c->out->events.items[j];
			const ent_date *d = &c->dkind.items[j].d;
			if (j == i || c->dkind.items[j].kind != DK_OWN || d->prec < 3 ||
			    memcmp(o->code, ev->code, 2) != 0)
				continue;
			/* "a décidé de rappeler son ambassadeur, a annoncé lundi
			 * soir le ministère" and "a fermé son espace aérien ce
			 * mardi": a date of the report yields only to the same act */
			if (c->dkind.items[i].kind == DK_REPORT && strcmp(o->code, ev->code) != 0)
				continue;
			/* an act of conflict answered by the other side ("a rappelé
			 * son ambassadeur"; "Bamako avait rappelé dimanche le sien")
			 * is another act: only one in the same direction is the
			 * same event */
			bool conflict = ev->code[0] == '1' || ev->code[0] == '2';
			bool same = (memcmp(o->source, ev->source, 3) == 0 &&
				     memcmp(o->target, ev->target, 3) == 0) ||
				    (!conflict && memcmp(o->source, ev->target, 3) == 0 &&
				     memcmp(o->target, ev->source, 3) == 0);
			if (!same)
				continue;
			if (c->docdate.prec == 3) {
				ent_date lo = c->docdate;
				ent_date_add_days(&lo, -7);
				if (ent_date_num(d) < ent_date_num(&lo) ||
				    ent_date_num(d) > ent_date_num(&c->docdate))
					continue;
			} else if (c->docdate.prec == 2 && !recent_date(c, d)) {
				continue;
			}
			ent_date_format(d, ev->date);
			adopted[i] = true;
			break;
		}
	}
	/* "X has recalled its diplomats from Y, accusing it of ...": the
	 * other undated events of a sentence whose act took a date go with
	 * it */
	for (size_t i = 0; i < n; i++) {
		if (!adopted[i])
			continue;
		const ent_event *ev = &c->out->events.items[i];
		for (size_t j = 0; j < n; j++) {
			ent_event *o = &c->out->events.items[j];
			if (adopted[j] || o->sentence.start != ev->sentence.start ||
			    (c->dkind.items[j].kind != DK_DOC && c->dkind.items[j].kind != DK_REPORT))
				continue;
			memcpy(o->date, ev->date, sizeof o->date);
		}
	}
	free(adopted);
}

/* ENTENTE_DEBUG=1 prints each sentence's hits and mentions to stderr. */
static void dump_sentence(const ctx *c, const ent_sentence *s)
{
	fprintf(stderr, "S %.*s\n", (int)s->len, c->text + s->start);
	for (size_t h = 0; h < c->hits.len; h++) {
		const lx_hit *o = &c->hits.items[h];
		const ent_token *a = &c->ti.toks.items[o->tok];
		const ent_token *b = &c->ti.toks.items[o->tok + o->ntok - 1];
		static const char *const K[] = {"", "actor", "place", "title", "person", "trigger",
						"sector", "cue", "time"};
		const lx_entry *en = entry(c, o->entry);
		fprintf(stderr, "  hit %-7s %u+%u sub=%d val=%d \"%.*s\"\n", K[o->kind], o->tok - s->tok,
			o->ntok, en->sub, en->value, (int)(b->start + b->len - a->start), c->text + a->start);
	}
	for (int i = 0; i < c->nm; i++) {
		const mention *m = &c->m[i];
		fprintf(stderr, "  M%d %u-%u %s%s person=%d office=%d prep=%d%s%s%s%s%s\n", i,
			m->tok - s->tok, m->end - s->tok, m->country, m->agent, m->person, m->office,
			m->prep, m->loc ? " loc" : "", m->both ? " both" : "",
			m->coord_next ? " coord" : "", m->adj_only ? " adj" : "",
			m->counterpart ? " counterpart" : "");
	}
	for (int i = 0; i < c->nd; i++)
		fprintf(stderr, "  date @%u %d-%d-%d prec=%d\n", c->dates[i].tok - s->tok,
			c->dates[i].d.y, c->dates[i].d.m, c->dates[i].d.d, c->dates[i].d.prec);
}

static bool abbrev_cb(const char *k, size_t n, void *p)
{
	const ctx *c = p;
	return lx_is_abbrev(c->lx, c->lang, k, n);
}

/* Is the sentence starting at byte `start` a headline: the title, or a
 * paragraph of one short sentence with no final stop (a headline repeated
 * in the page, a caption: "Ghana recalls its envoy to Togo")? */
static bool headline_at(const ctx *c, uint32_t start, uint32_t title_end)
{
	if (start < title_end)
		return true;
	const ent_sentence *ss = c->ti.sents.items;
	size_t n = c->ti.sents.len;
	for (size_t si = 0; si < n; si++) {
		if (ss[si].start != start)
			continue;
		if ((si > 0 && ss[si - 1].para == ss[si].para) ||
		    (si + 1 < n && ss[si + 1].para == ss[si].para) || ss[si].ntok > 20 || !ss[si].ntok)
			return false;
		return c->ti.toks.items[ss[si].tok + ss[si].ntok - 1].kind != ENT_TOK_PUNCT;
	}
	return false;
}

/* A title repeats what the body tells with its details (date, place):
 * an event of the title line, or of a headline repeated in the page, is
 * dropped when the body has one of the same code (3 digits) between the
 * same countries. */
static void drop_title_repeats(const ctx *c, ent_doc *out, uint32_t title_end)
{
	size_t w = 0;
	for (size_t i = 0; i < out->events.len; i++) {
		const ent_event *ev = &out->events.items[i];
		bool repeat = false;
		if (headline_at(c, ev->sentence.start, title_end)) {
			for (size_t j = 0; j < out->events.len && !repeat; j++) {
				ent_event *o = &out->events.items[j];
				/* the same code, or talks the title places abroad (044)
				 * that the body tells without the place (040) */
				bool talks = !strcmp(o->code, "040") && !strcmp(ev->code, "044");
				if ((memcmp(o->code, ev->code, 3) != 0 && !talks) ||
				    headline_at(c, o->sentence.start, title_end))
					continue;
				bool direct = memcmp(o->source, ev->source, 3) == 0 &&
					      memcmp(o->target, ev->target, 3) == 0;
				bool swapped = memcmp(o->source, ev->target, 3) == 0 &&
					       memcmp(o->target, ev->source, 3) == 0;
				repeat = direct || swapped;
				if (!repeat)
					continue;
				/* "Ahmed Attaf a eu des entretiens avec son homologue
				 * russe, Sergueï Lavrov" on the title line, "La rencontre a
				 * permis ..." in the body: the body's event keeps the
				 * names the title gives */
				const char *sn = direct ? ev->source_name : ev->target_name;
				const char *tn = direct ? ev->target_name : ev->source_name;
				const char *sc = direct ? ev->source : ev->target;
				const char *tc = direct ? ev->target : ev->source;
				if (!o->source_name && sn) {
					o->source_name = sn;
					memcpy(o->source, sc, sizeof o->source);
				}
				if (!o->target_name && tn) {
					o->target_name = tn;
					memcpy(o->target, tc, sizeof o->target);
				}
				/* and the place it names, where the body had only the
				 * dateline's city */
				const char *dl = c->doc_place >= 0 ? c->lx->places.items[c->doc_place].name : NULL;
				if (ev->place && dl && ev->place != dl && (!o->place || o->place == dl)) {
					o->place = ev->place;
					o->geo = ev->geo;
					o->latitude = ev->latitude;
					o->longitude = ev->longitude;
					if (strcmp(o->code, "040") == 0 && strcmp(ev->code, "044") == 0)
						memcpy(o->code, ev->code, sizeof o->code);
				}
			}
		}
		if (!repeat)
			out->events.items[w++] = *ev;
	}
	out->events.len = w;
}

void ent_extract(const ent_engine *e, const char *lang, const ent_date *docdate,
		 const char *text, size_t len, bool titled, ent_doc *out)
{
	ctx c;
	memset(&c, 0, sizeof c);
	c.e = e;
	c.lx = &e->lx;
	c.lang = lx_language(c.lx, lang);
	c.text = text;
	c.docdate = *docdate;
	c.out = out;
	c.fr.place = -1;
	c.doc_place = -1;
	c.dateline_tok = UINT32_MAX;
	const char *dbg = getenv("ENTENTE_DEBUG");
	bool debug = dbg && *dbg && *dbg != '0';
	ent_text_split(text, len, abbrev_cb, &c, &c.ti);
	out->nsent = c.ti.sents.len;
	refine_docdate(&c);
	ent_date_format(&c.docdate, out->date);
	c.doc_place = find_dateline(&c);
	dateline_docdate(&c);
	/* A title line is read last: it summarises the body, whose first
	 * meeting gives the sides their order, date and place. */
	size_t nsent = c.ti.sents.len, title_n = 0;
	if (!titled && nsent > 1 && c.ti.sents.items[1].para > 0) {
		/* a first line that reads as a headline: short, one sentence,
		 * no final full stop ("Entretien entre Tô Lâm et Vladimir
		 * Poutine") */
		const ent_sentence *s0 = &c.ti.sents.items[0];
		const ent_token *last = &c.ti.toks.items[s0->tok + s0->ntok - 1];
		if (s0->ntok <= 20 && !tok_is(&c, s0->tok + s0->ntok - 1, ".") && last->kind != ENT_TOK_PUNCT)
			titled = true;
	}
	if (titled)
		while (title_n < nsent && c.ti.sents.items[title_n].para == 0)
			title_n++;
	if (title_n == nsent || title_n > 1)
		title_n = 0; /* a lead paragraph of several sentences is read in order */
	/* "Sénégal - Mali : entretien ..." then "Les deux parties se sont
	 * réjouies ...": the title is read last, but when the body speaks
	 * of both sides before it codes a meeting, they are the two
	 * countries the headline names (issue #3). Only their countries are
	 * kept; the first-mention order and the places seen are left as the
	 * body gives them. */
	c.title_fr.place = -1;
	if (title_n == 1) {
		const ent_sentence *s0 = &c.ti.sents.items[0];
		int nseen = c.nseen, nplaces = c.nplaces_seen;
		annotate(&c, s0, c.lang);
		build_mentions(&c, s0->tok, s0->tok + s0->ntok);
		int ia = -1, ib = -1;
		bool more = false;
		for (int i = 0; i < c.nm; i++) {
			const char *k = c.m[i].country;
			if (!k[0])
				continue;
			if (ia < 0)
				ia = i;
			else if (strcmp(k, c.m[ia].country) == 0)
				continue;
			else if (ib < 0)
				ib = i;
			else if (strcmp(k, c.m[ib].country) != 0)
				more = true;
		}
		bool summit = false;
		for (uint32_t k = s0->tok; is_en(&c) && k < s0->tok + s0->ntok; k++)
			summit = summit || tok_is(&c, k, "summit");
		for (int i = 0; summit && !c.summit_org[0] && i < c.nm; i++) {
			const lx_country *ci = lx_country_info(c.lx, c.m[i].country);
			if (ci && ci->igo && !c.m[i].loc)
				memcpy(c.summit_org, c.m[i].country, 4);
		}
		if (ia >= 0 && ib >= 0 && !more) {
			actor a, b;
			memset(&a, 0, sizeof a);
			memset(&b, 0, sizeof b);
			memcpy(a.country, c.m[ia].country, 4);
			memcpy(b.country, c.m[ib].country, 4);
			memcpy(a.code, c.m[ia].country, 4);
			memcpy(b.code, c.m[ib].country, 4);
			frame_set(&c.title_fr, &a, &b, 1, -1);
		}
		c.nseen = nseen;
		c.nplaces_seen = nplaces;
		c.nm = 0;
	}

	/* the last sentence with agreements, appeals or intents */
	size_t about_first = 0, about_end = 0, about_step = 0;
	for (size_t step = 0; step < nsent; step++) {
		size_t si = step + title_n < nsent ? step + title_n : step + title_n - nsent;
		const ent_sentence *s = &c.ti.sents.items[si];
		bool any_trigger = annotate(&c, s, c.lang);
		if (noise_sentence(&c, s))
			continue;
		bool para_first = s->para != c.para;
		if (s->para != c.para) {
			/* (the lead: the first body paragraph; the title is read last) */
			if (step > 0 && !c.lead_day_done) {
				c.lead_day_done = true;
				if (c.para_date_set && is_en(&c) && recent_date(&c, &c.para_date))
					c.lead_day = c.para_date;
			}
			c.para = s->para;
			c.last_para_fresh = c.para_date_set;
			if (c.para_date_set)
				c.last_para_date = c.para_date;
			c.para_date_set = false;
		}
		read_dates(&c, s->tok, s->tok + s->ntok);
		build_mentions(&c, s->tok, s->tok + s->ntok);
		/* "Bùi Thanh Son a affirmé ... Sergueï Lavrov a souligné ...
		 * Les deux parties ...": before a meeting sets the frame, the
		 * persons named for each country stand for the headline's
		 * sides (issue #3) */
		for (int i = 0; c.title_fr.set && !c.fr.set && i < c.nm; i++) {
			const mention *m = &c.m[i];
			if (m->person < 0 || !m->country[0])
				continue;
			int k = 0;
			while (k < c.nnamed && strcmp(c.named[k].country, m->country) != 0)
				k++;
			if (k == c.nnamed && c.nnamed < MAX_PARTNERS)
				actor_from_mention(&c, m, &c.docdate, 0, &c.named[c.nnamed++]);
		}
		c.sent_future = false;
		c.purpose_tok = UINT32_MAX;
		if (debug)
			dump_sentence(&c, s);
		size_t ev_before = c.out->events.len;
		if (any_trigger) {
			uint32_t last_tok = UINT32_MAX, skip_tok = UINT32_MAX;
			for (size_t h = 0; h < c.hits.len; h++) {
				const lx_hit *o = &c.hits.items[h];
				if (o->kind != LX_TRIGGER || o->tok == last_tok)
					continue;
				last_tok = o->tok;
				if (o->tok == skip_tok)
					continue;
				/* English: "under the Foreign Sanctions Act", "the
				 * Export Ban Law of 2019": a capitalised noun in the
				 * title of a law names it, no act (issue #4) */
				if (is_en(&c) && (entry(&c, o->entry)->flags & TF_NOUN) &&
				    o->tok > s->tok && c.ti.toks.items[o->tok].upper) {
					bool law = false;
					for (uint32_t k = o->tok + o->ntok;
					     k < s->tok + s->ntok && k <= o->tok + o->ntok + 2 && !law &&
					     c.ti.toks.items[k].upper;
					     k++)
						law = tok_is(&c, k, "law") || tok_is(&c, k, "act");
					if (law)
						continue;
				}
				/* English: "a law to counter foreign sanctions",
				 * "denounced foreign meddling": a hostile noun of
				 * unnamed foreigners is no act of the article's sides */
				if (is_en(&c) && (entry(&c, o->entry)->flags & TF_NOUN) && o->tok > s->tok &&
				    tok_is(&c, o->tok - 1, "foreign") &&
				    hit_code(&c, o)[0] == '1')
					continue;
				/* An appeal or an intent whose complement is itself an
				 * action ("a appelé à coopérer", "ont convenu de
				 * coopérer", "a décidé de rappeler son ambassadeur") is
				 * one event: the appeal or the cooperative intent, or
				 * the conflictual act that was decided. */
				const char *code = hit_code(&c, o);
				const lx_hit *nx = NULL;
				for (size_t k = h + 1; k < c.hits.len; k++)
					if (c.hits.items[k].kind == LX_TRIGGER && c.hits.items[k].tok != o->tok) {
						nx = &c.hits.items[k];
						break;
					}
				/* "visited the ambassador to hand over a protest note": a
				 * meeting held to object is the objection */
				if (nx && code[0] == '0' && code[1] == '4' && nx->tok <= o->tok + o->ntok + 10) {
					const char *nc1 = hit_code(&c, nx);
					bool purpose = false, stop = false;
					for (uint32_t k = o->tok + o->ntok; k < nx->tok; k++) {
						if (cue_at(&c, k) == CUE_PLACE_PREP && !trigger_at(&c, k + 1) &&
						    c.ti.toks.items[k + 1].kind == ENT_TOK_WORD && !cue_at(&c, k + 1))
							purpose = true;
						if (tok_is(&c, k, ",") || cue_at(&c, k) == CUE_COORD)
							stop = true;
					}
					if (purpose && !stop && nc1[0] == '1' && nc1[1] <= '3') {
						c.purpose_tok = nx->tok;
						c.purpose_src = o->tok;
						continue;
					}
				}
				/* "s'entretient au téléphone avec": the phone call refines
				 * the talks; one event of the more specific code */
				if (nx && nx->tok <= o->tok + o->ntok + 2) {
					const char *nc0 = hit_code(&c, nx);
					/* ... but "suspended the sanctions": a cutting verb
					 * acts on its noun (code_trigger) */
					bool cuts = !strcmp(code, "160") && (entry(&c, nx->entry)->flags & TF_NOUN);
					if (nc0[0] == code[0] && nc0[1] == code[1] && strlen(nc0) >= 3 &&
					    strcmp(nc0, code) != 0 && code[2] == '0' && !cuts)
						continue;
				}
				/* English: "agreed to meet X", "agreed to visit Y": an
				 * intent whose content is a meeting is the meeting
				 * planned (036), coded on the infinitive, which has
				 * its own object */
				/* ("agreed on Tuesday to visit": past the day) */
				uint32_t ag_end = o->tok + o->ntok, ag_n = 0;
				if (nx && tok_is(&c, ag_end, "on") && time_at(&c, ag_end + 1, &ag_n) && ag_n)
					ag_end += 1 + ag_n;
				if (nx && is_en(&c) && !strcmp(code, "030") && nx->tok == ag_end &&
				    (entry(&c, nx->entry)->flags & TF_INTENT) && tok_is(&c, nx->tok, "to")) {
					const char *nc = hit_code(&c, nx);
					if (nc[0] == '0' && nc[1] == '4')
						continue;
				}
				if (nx && nx->tok <= o->tok + o->ntok + 4 && code[0] == '0' &&
				    (code[1] == '2' || code[1] == '3')) {
					const char *nc = hit_code(&c, nx);
					bool conflict = nc[0] == '1' || (nc[0] == '0' && nc[1] == '9');
					if (code[1] == '3' && conflict)
						continue;
					skip_tok = nx->tok;
				}
				/* "ont convenu de porter le commerce à 2 milliards de
				 * dollars et de coopérer dans l'exploration pétrolière":
				 * a cooperative infinitive coordinated with the content of
				 * an appeal or an intent is more of that content, one
				 * event whose fields run on through it (issue #3) */
				else if (nx && code[0] == '0' && (code[1] == '2' || code[1] == '3') &&
					 nx->tok >= o->tok + o->ntok + 2 &&
					 (tok_is(&c, nx->tok - 2, "et") || tok_is(&c, nx->tok - 2, "and")) &&
					 (tok_is(&c, nx->tok - 1, "de") || tok_is(&c, nx->tok - 1, "d'") ||
					  tok_is(&c, nx->tok - 1, "a") || tok_is(&c, nx->tok - 1, "to"))) {
					const char *nc = hit_code(&c, nx);
					if (nc[0] == '0' && nc[1] != '9' && !(entry(&c, nx->entry)->flags & TF_NOUN))
						skip_tok = nx->tok;
				}
				uint32_t next = s->tok + s->ntok;
				for (size_t k = h + 1; k < c.hits.len; k++)
					if (c.hits.items[k].kind == LX_TRIGGER && c.hits.items[k].tok != o->tok &&
					    /* "met on the sidelines of a NATO meeting in
					     * Brussels on Thursday": a setting's noun does
					     * not end the verb's scope */
					    !(is_en(&c) && (entry(&c, c.hits.items[k].entry)->flags & TF_NOUN) &&
					      en_ref_noun(&c, s->tok, c.hits.items[k].tok)) &&
					    /* "congratulated him in a phone call on
					     * Monday": nor does the call that carried it */
					    !(is_en(&c) && en_channel_call(&c, s->tok, &c.hits.items[k])) &&
					    /* "agreed to step up cooperation in ...": the action
					     * merged into the intent is in its scope */
					    !(c.hits.items[k].tok == skip_tok && skip_tok > o->tok)) {
						next = c.hits.items[k].tok;
						break;
					}
				code_trigger(&c, s, o, next);
			}
		}
		/* a sentence without a trigger ("Ces accords de coopération
		 * touchent les domaines de la pêche et du tourisme") describes
		 * the last agreements, appeals or intents; a praise or a
		 * planned visit in between does not take their place */
		/* "Les deux présidents ont réaffirmé la richesse du partenariat
		 * en matière de santé ...": a sentence whose subject is both
		 * sides (or an actor opening it) says something of its own that
		 * the lexicon does not code; its fields are not the last
		 * agreement's (issue #3) */
		bool own_subject = false;
		for (int i = 0; i < c.nm; i++)
			if (c.m[i].both || (c.m[i].tok == s->tok && !c.m[i].prep && !c.m[i].loc))
				own_subject = true;
		/* "En ce qui concerne la coopération économique, ils ont souligné
		 * ...": a sentence that opens on a topic and codes nothing goes
		 * on with the account of the talks; its topic is a field of the
		 * last agreements even when both sides are its subject */
		bool topic = cue_at(&c, s->tok) == CUE_TOPIC && ev_before == c.out->events.len;
		if (((!any_trigger && !own_subject) || topic) && step <= about_step + 3)
			carry_sectors(&c, s, about_first, about_end);
		for (size_t i = ev_before; i < c.out->events.len; i++)
			if (carry_code(c.out->events.items[i].code)) {
				about_first = ev_before;
				about_end = c.out->events.len;
				about_step = step;
				break;
			}
		for (size_t i = ev_before; i < c.out->events.len && i < c.dkind.len; i++) {
			const ent_event *ev = &c.out->events.items[i];
			const evdate *dk = &c.dkind.items[i];
			if (dk->kind == DK_OWN && dk->d.prec >= 3 && recent_date(&c, &dk->d) &&
			    !(ev->code[0] == '0' && ev->code[1] == '3')) {
				c.para_date = dk->d;
				c.para_date_set = true;
			}
		}
		/* English: "France answered on Tuesday." codes nothing but
		 * dates what its paragraph tells next */
		/* (a dateline's stamp aside: "HARARE, Aug 18 - Leaders on
		 * Saturday closed their summit") */
		/* (an intent the sentence codes aside: "Leaders on Saturday
		 * closed their summit with pledges of aid") */
		bool acts = false;
		for (size_t i = ev_before; i < c.out->events.len; i++)
			acts = acts || !(c.out->events.items[i].code[0] == '0' &&
					 c.out->events.items[i].code[1] == '3');
		int own_d = -1, n_own = 0;
		for (int k = 0; is_en(&c) && !acts && k < c.nd; k++)
			if (!c.dates[k].stamp) {
				own_d = k;
				n_own++;
			}
		if (n_own == 1 && !c.dates[own_d].weak && c.dates[own_d].d.prec >= 3 &&
		    recent_date(&c, &c.dates[own_d].d)) {
			c.para_date = c.dates[own_d].d;
			c.para_date_set = true;
		}
		/* French: "À Tunis, le gouvernement a démenti vendredi ... / Le
		 * ministre a regretté ...": a paragraph's first sentence that
		 * codes nothing but tells its day dates what the paragraph
		 * tells next */
		/* (not a pluperfect background: "la délégation était arrivée
		 * mercredi soir") */
		if (!is_en(&c) && para_first && ev_before == c.out->events.len && c.nd == 1 &&
		    !c.dates[0].weak && !c.dates[0].stamp && c.dates[0].d.prec >= 3 &&
		    recent_date(&c, &c.dates[0].d)) {
			bool past_perfect = false;
			for (uint32_t k = s->tok; k < s->tok + s->ntok && !past_perfect; k++)
				past_perfect = tok_is(&c, k, "avait") || tok_is(&c, k, "avaient") ||
					       tok_is(&c, k, "etait") || tok_is(&c, k, "etaient");
			if (!past_perfect) {
				c.para_date = c.dates[0].d;
				c.para_date_set = true;
			}
		}
		code_levels(&c, s);
		enrich_frame(&c);
		/* a sentence subject becomes the antecedent of "il" */
		for (int i = 0; i < c.nm; i++) {
			const mention *m = &c.m[i];
			if (m->prep || m->loc || m->both || m->pronoun)
				continue;
			if (m->person >= 0 || m->office) {
				actor a;
				ent_date d = c.fr.date_set ? c.fr.date : c.docdate;
				actor_from_mention(&c, m, &d, 0, &a);
				if (a.country[0]) {
					c.last_subject = a;
					c.have_last_subject = true;
				}
			}
			break;
		}
	}
	adopt_dates(&c);
	place_frame_events(&c);
	{
		uint32_t title_end = 0;
		for (size_t si = 0; titled && si < c.ti.sents.len && c.ti.sents.items[si].para == 0; si++)
			title_end = c.ti.sents.items[si].start + c.ti.sents.items[si].len;
		drop_title_repeats(&c, out, title_end);
	}
	free(c.cue);
	free(c.cues);
	ENT_VEC_FREE(c.dkind);
	ENT_VEC_FREE(c.hits);
	ent_buf_dispose(&c.scratch);
	ent_textinfo_dispose(&c.ti);
}
