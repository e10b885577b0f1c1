/*
 * engine.h: the engine and coded-document structures shared by the
 * extraction files (engine.c, extract.c, dates.c).
 */
#ifndef ENT_ENGINE_H
#define ENT_ENGINE_H

#include "entente/entente.h"
#include "lexicon/gazetteer.h"
#include "lexicon/lexicon.h"

/* Sector classes used to refine 02x/03x/06x codes (data/sectors.tsv). */
/* SC_SECURITY is military when the complement names cooperation
 * ("coopération sécuritaire") and no class otherwise ("assurer la sécurité
 * des ambassades"); it is never a code's digit. */
enum { SC_NONE = 0, SC_ECONOMIC = 1, SC_MILITARY = 2, SC_JUDICIAL = 3, SC_INTELLIGENCE = 4,
       SC_SECURITY = 5 };

struct ent_engine {
	lx_lexicon lx;
	gz_gazetteer gz; /* cities with coordinates; gz.loaded false when none */
	uint8_t sector_class[ENT_SECTOR_COUNT];
};

struct ent_doc {
	const char *id;
	const char *text;
	size_t len;
	char lang[4];
	char date[11];
	size_t nsent;
	ENT_VEC(ent_event) events;
	ENT_VEC(ent_level) levels;
};

/* A resolved calendar date with its precision (0 = unknown, 1 = year,
 * 2 = month, 3 = day). */
typedef struct ent_date {
	int y, m, d;
	int prec;
} ent_date;

void ent_date_format(const ent_date *d, char out[11]);
/* yyyymmdd for office look-ups; 0 when unknown. */
int32_t ent_date_num(const ent_date *d);
/* Adds `days` (may be negative) to a day-precision date. */
void ent_date_add_days(ent_date *d, int days);
/* Day of week, Monday = 1. */
int ent_date_weekday(const ent_date *d);

/* Codes one document (extract.c). `titled`: the first line is the
 * article's title or lead (the reader found a " date ..." line). */
void ent_extract(const ent_engine *e, const char *lang, const ent_date *docdate,
		 const char *text, size_t len, bool titled, ent_doc *out);

#endif
