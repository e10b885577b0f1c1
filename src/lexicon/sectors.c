/*
 * sectors.c: the fixed sector list of EVENTS.md section 5. These are the
 * identifiers of the export format, not words to match: the words that mark
 * each sector are in data/LANG/sectors.tsv.
 */
#include "entente/entente.h"

#include <string.h>

static const char *const SECTORS[ENT_SECTOR_COUNT] = {
	"defense", "security", "cyber", "energy", "oil_gas", "nuclear",
	"renewables", "trade", "investment", "finance", "transport",
	"aviation", "logistics", "infrastructure", "digital", "ai",
	"semiconductors", "science_tech", "education", "language", "culture",
	"sport", "tourism", "health", "biotech", "agriculture", "labor",
	"migration", "justice", "localities", "people", "environment",
	"maritime", "parliament", "party"};

const char *ent_sector_name(unsigned i)
{
	return i < ENT_SECTOR_COUNT ? SECTORS[i] : NULL;
}

int ent_sector_index(const char *name)
{
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (strcmp(SECTORS[i], name) == 0)
			return (int)i;
	return -1;
}
