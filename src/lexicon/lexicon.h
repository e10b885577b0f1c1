/*
 * lexicon.h: the compiled lexicons. Loads the TSV files of data/ (format in
 * docs/lexicon.md), checks them line by line, and compiles every pattern
 * into one phrase matcher per language: a hash map from folded token
 * sequences to entries, with prefix patterns ("propos*") in a second map.
 */
#ifndef ENT_LEXICON_H
#define ENT_LEXICON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/core.h"
#include "text/text.h"

enum lx_kind {
	LX_ACTOR = 1, LX_PLACE, LX_TITLE, LX_PERSON, LX_TRIGGER, LX_SECTOR,
	LX_CUE, LX_TIME, LX_LEVEL, LX_NKINDS
};

enum lx_actor_kind { AK_NAME = 1, AK_ADJ, AK_CAPITAL, AK_ORG };
enum lx_frame { FR_ACT = 1, FR_VISIT, FR_RECEIVE, FR_MUTUAL };
enum lx_tflag { TF_REFINE = 1, TF_NOUN = 2, TF_INTENT = 4, TF_AGENT = 8, TF_ADJ = 16 };
enum lx_cue {
	CUE_NEG = 1, CUE_FUTURE, CUE_BOTH, CUE_COUNTERPART, CUE_PRONOUN,
	CUE_COORD, CUE_PLACE_PREP, CUE_WITH, CUE_BY, CUE_BETWEEN, CUE_OF,
	CUE_REPORT, CUE_NOISE, CUE_ABBREV, CUE_DET, CUE_REF, CUE_POSSESSIVE,
	CUE_PASSIVE, CUE_PLACE_NOUN, CUE_AGREEMENT, CUE_COOPERATION,
	CUE_COMPLIANCE, CUE_DIPLOMATIC, CUE_TOPIC, CUE_INSERT, CUE_NCUES
};
/* The value of a sectors.tsv phrase that names no sector ("-"). */
#define LX_NO_SECTOR 255
enum lx_time { TM_MONTH = 1, TM_WEEKDAY, TM_RELDAY, TM_MODIFIER, TM_RELREF };
enum lx_office {
	OF_NONE = 0, OF_HEAD_OF_STATE, OF_HEAD_OF_GOVERNMENT, OF_FOREIGN_MINISTER,
	OF_DEFENCE_MINISTER, OF_PARTY_LEADER, OF_PARLIAMENT_SPEAKER,
	OF_SECRETARY_GENERAL, OF_FOREIGN_SECRETARY, OF_NOFFICES
};

/* One entry behind a pattern. */
typedef struct lx_entry {
	uint8_t kind;     /* enum lx_kind */
	uint8_t sub;      /* actor kind, frame, cue or time kind */
	uint16_t flags;   /* trigger flags */
	int32_t value;    /* index into the kind's table, or a number */
	int32_t next;     /* next entry of the same pattern, -1 at the end */
} lx_entry;

typedef struct lx_actor { char code[8]; } lx_actor;
/* A place; `geo` when its coordinates are known (from the gazetteer). */
typedef struct lx_place {
	const char *name;
	char country[4];
	bool geo;
	double lat, lon;
} lx_place;
typedef struct lx_title { char agent[4]; uint8_t office; } lx_title;
typedef struct lx_trigger { char code[6]; } lx_trigger;
/* A person; `nroles` > 0 for a person of a TABARI/PETRARCH dictionary
 * (lexicon/peers.c), whose code depends on the date: roles[role0..). */
typedef struct lx_person {
	const char *name;
	char country[4];
	char agent[4];
	uint32_t role0, nroles;
} lx_person;
/* One dated (or the undated default) code of a dictionary person. */
typedef struct lx_role {
	char country[4];
	char agent[4];
	int32_t start, end; /* yyyymmdd, inclusive; 0 and 99991231 when open */
	bool undated;       /* the default, used when no dated role holds */
	bool none;          /* "[---]": no actor at all */
} lx_role;
typedef struct lx_office_term {
	char country[4];
	uint8_t office;
	int32_t person;
	int32_t start, end; /* yyyymmdd; end = 99991231 while in office */
} lx_office_term;
typedef struct lx_level { const char *name; int rank; } lx_level;
typedef struct lx_code {
	char code[6];
	const char *name;
	double goldstein;
	int quad;
	const char *plover;
} lx_code;
/* A country, or an organisation in its place: igo intergovernmental,
 * nonstate a non-governmental organisation or militant group acting
 * across borders (data/countries.tsv kinds ngo and img). */
typedef struct lx_country { char code[4]; const char *name; bool igo, nonstate; } lx_country;

/* A phrase matcher. */
typedef struct lx_matcher {
	ent_map exact;    /* "tok tok tok" -> first entry index */
	ent_map prefix;   /* "tok tok pre" -> first entry index */
	ent_map starts;   /* every proper token prefix of a pattern ("tok tok"):
			   * matching stops extending where none goes on */
	uint32_t maxlen;  /* longest pattern in tokens */
	uint32_t prefix_maxlen;
	uint64_t prefix_lens; /* bit p: some prefix token has p bytes */
	/* The typo-tolerant fallback (lx_fuzzy): the one-word country
	 * names, adjectives and person names of LX_FUZZY_MIN+ letters, and a
	 * symmetric-delete index over them (each key, and each key with one
	 * letter deleted -> the first of a chain of fz_nodes). fz_veto holds
	 * words never corrected (the gazetteer's names). */
	ENT_VEC(struct { const char *key; uint32_t len; }) fz_cands;
	ENT_VEC(struct { uint32_t cand; int32_t next; }) fz_nodes;
	ent_map fz_seen;  /* candidate key -> fz_cands index */
	ent_map fz_index;
	ent_map fz_veto;
} lx_matcher;

typedef struct lx_lang {
	char name[4];
	lx_matcher m;
} lx_lang;

typedef struct lx_lexicon {
	ent_arena strings;
	ENT_VEC(lx_entry) entries;
	ENT_VEC(lx_actor) actors;
	ENT_VEC(lx_place) places;
	ENT_VEC(lx_title) titles;
	ENT_VEC(lx_trigger) triggers;
	ENT_VEC(lx_person) persons;
	ENT_VEC(lx_office_term) offices;
	ENT_VEC(lx_code) codes;
	ENT_VEC(lx_country) countries;
	ENT_VEC(lx_level) levels;
	ENT_VEC(lx_role) roles;      /* of dictionary persons (peers.c) */
	ent_map person_by_name;  /* canonical -> person index */
	ent_map code_by_code;    /* "040" -> codes index */
	ent_map country_by_code; /* "RUS" -> countries index */
	lx_lang langs[2];        /* fr, en */
	size_t nlangs;
} lx_lexicon;

/* Loads every file under dir. Problems are appended to `errors` as
 * "FILE:LINE: message\n" lines; returns their number (0 = all good). A
 * missing required file is an error too. */
int lx_load(lx_lexicon *lx, const char *dir, ent_buf *errors);
void lx_dispose(lx_lexicon *lx);

const lx_lang *lx_language(const lx_lexicon *lx, const char *name);
const lx_code *lx_code_info(const lx_lexicon *lx, const char *code);
const lx_country *lx_country_info(const lx_lexicon *lx, const char *code);
/* The person holding `office` in `country` on yyyymmdd `date` (a month or
 * year date uses its middle), or -1. */
int lx_office_holder(const lx_lexicon *lx, const char *country, int office, int32_t date);
/* The first office held by person p on date (OF_NONE if none). */
int lx_person_office(const lx_lexicon *lx, int person, int32_t date);
/* The code of dictionary person p on yyyymmdd `date` (lexicon/peers.c):
 * fills country and agent and returns true, or returns false when the
 * person is no actor then ("[---]"). Persons without roles: their own. */
bool lx_person_role(const lx_lexicon *lx, int person, int32_t date, char country[4],
		    char agent[4]);
/* For lexicon/peers.c: is a3 a CAMEO agent the lexicon knows (GOV, MIL...)?
 * And add one pattern with its entry to matcher m; problems are appended
 * to errors as "path:line: message" lines, and their number returned. */
bool lx_is_agent(const char *a3);
int lx_add_pattern(lx_lexicon *lx, lx_matcher *m, const char *pattern, lx_entry e,
		   const char *path, unsigned line, ent_buf *errors);

/* A match of a pattern in a token array. */
typedef struct lx_hit {
	uint32_t tok, ntok;  /* token range */
	int32_t entry;       /* first entry (follow .next for same-kind others) */
	uint8_t kind;
} lx_hit;

/* Finds the longest non-overlapping matches over tokens [from, to) of t,
 * in token order, appended to hits. Sector words and relationship levels
 * are matched on their own layer; every other kind shares one layer, so that a title that swallows
 * an organisation's name ("secrétaire général du Parti communiste") wins
 * over it. Entries of several kinds behind the same longest pattern are all
 * reported ("Moscou" is a place and an actor). */
typedef ENT_VEC(lx_hit) lx_hits;
void lx_match(const lx_lexicon *lx, const lx_lang *lang, const ent_textinfo *t,
	      uint32_t from, uint32_t to, lx_hits *hits, ent_buf *scratch);

/* The typo-tolerant name look-up (docs/lexicon.md, "Misspelt names"):
 * a folded word of LX_FUZZY_MIN+ letters that no pattern matches is read
 * as the one country name, adjective or person name of the lexicon at
 * edit distance 1 from it (one letter inserted, deleted or replaced, or
 * two neighbours swapped; never the first letter). Returns the exact-map
 * entry chain of that name, or -1 when there is none, when there are two,
 * or when the word is vetoed. lx_edit1: are a and b at distance exactly 1
 * with the same first letter? lx_fuzzy_veto: never correct this word. */
#define LX_FUZZY_MIN 7
int32_t lx_fuzzy(const lx_lexicon *lx, const lx_matcher *m, const char *key, size_t n);
bool lx_edit1(const char *a, size_t na, const char *b, size_t nb);
void lx_fuzzy_veto(lx_matcher *m, const char *key, size_t n);

/* Is key (a folded word) an abbreviation in this language? */
bool lx_is_abbrev(const lx_lexicon *lx, const lx_lang *lang, const char *key, size_t n);

#endif
