/*
 * gazetteer.h: the cities of the world with their coordinates
 * (docs/gazetteer.md), loaded from the file that tools/gen-gazetteer.c
 * writes at build time from Debian's GeoNames data.
 *
 * The gazetteer adds places to the lexicon's place table (lx->places, with
 * their coordinates) but not to its phrase matchers: its names are looked
 * up on their own matcher, and only where the text says a place is meant
 * (gz_annotate): after a locative preposition ("à Tachkent", "in Astana"),
 * after a place noun ("la capitale vietnamienne Hanoï"), or as an article's
 * dateline ("TACHKENT (AFP) -"), on capitalised words that no lexicon
 * entry already covers. So a city called like a common word ("Nice",
 * "Mobile", "Split") or a first name ("Victoria") is not read as a place
 * anywhere else, and the hand-written places always win.
 */
#ifndef ENT_GAZETTEER_H
#define ENT_GAZETTEER_H

#include <stdbool.h>
#include <stdint.h>

#include "lexicon/lexicon.h"

typedef struct gz_matcher {
	ent_map exact;   /* "tok tok" -> first lx_entry index (chain on .next) */
	ent_map starts;  /* every proper token prefix of a name */
	uint32_t maxlen; /* longest name in tokens */
} gz_matcher;

typedef struct gz_gazetteer {
	bool loaded;
	char path[4096];
	size_t names;          /* lines loaded */
	size_t first_place;    /* lx->places from here on are the gazetteer's */
	gz_matcher m[2];       /* per language, in the order of lx->langs */
} gz_gazetteer;

/* The gazetteer file the engine uses with lexicon folder data_dir, written
 * into path (size n): $ENTENTE_GAZETTEER when set ("" or "none": no
 * gazetteer), else DATA_DIR/gazetteer.tsv when it exists (an installed
 * data folder), else the one the build generated. Returns false when there
 * is none. */
bool gz_path(const char *data_dir, char *path, size_t n);

/* Loads the file at path into g, adding its places to lx (loaded from
 * data_dir), and gives the hand-written places of lx the coordinates of
 * their city. Lines of countries lx does not know are skipped; malformed
 * lines are appended to errors as "FILE:LINE: message" and counted in the
 * return value. */
int gz_load(gz_gazetteer *g, lx_lexicon *lx, const char *path, const char *data_dir,
	    ent_buf *errors);
void gz_dispose(gz_gazetteer *g);

/* Reads the gazetteer file at path for the city whose English name is
 * `name`: the one in the country of actor code a or b (either may be
 * NULL), else the most populous (the first). Without an engine: `entente
 * show` uses it for a stored event's place. */
bool gz_lookup(const char *path, const char *name, const char *a, const char *b, double *lat,
	       double *lon);

/* A sentence as gz_annotate reads it. */
typedef struct gz_sentence {
	const char *text;          /* the document */
	const ent_textinfo *ti;
	uint32_t from, to;         /* its tokens */
	const uint8_t *cue;        /* the cue kind of each token, from `from` */
	const char (*countries)[4]; /* countries of the context (the article's
				    * meeting), to choose among cities of the
				    * same name when the sentence names none */
	int ncountries;
	bool head;                 /* one of the article's first lines, where
				    * a dateline may stand */
} gz_sentence;

/* Adds to hits (kept in token order) an LX_PLACE hit for each gazetteer
 * name the sentence uses as a place (see the top of this file). */
void gz_annotate(const gz_gazetteer *g, const lx_lexicon *lx, const lx_lang *lang,
		 const gz_sentence *s, lx_hits *hits);

/* Is the place at token tok named by a place noun before it: "la
 * capitale vietnamienne Hanoï", "la ville de Samarcande", "the Kazakh capital,
 * Astana"? The noun may carry a country adjective (an actor hit). */
bool gz_place_noun_before(const lx_lexicon *lx, const gz_sentence *s, const lx_hits *hits,
			  uint32_t tok);

#endif
