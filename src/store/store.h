/*
 * store.h: what the store module offers inside the library (and to its
 * tests) beyond the public ent_store_* functions of entente.h.
 */
#ifndef ENT_STORE_H
#define ENT_STORE_H

#include "entente/entente.h"

/* The schema version this build creates and understands (SQLite: PRAGMA
 * user_version; PostgreSQL: the schema_version table). A database with a
 * higher version is refused. */
#define ENT_STORE_SCHEMA_VERSION 3

/* What ent_store_put does once the events are records: stores the document
 * `in` (its text, id, date, title, url, origin, plus `lang` and
 * `sentence_count`) and the n records `recs` as its events, all or nothing.
 * When a document with the same content hash (SHA-256 of in->text) is
 * already stored nothing changes and *was_new is false. The records' id
 * and sentence fields are ignored (the sentence is a span of in->text);
 * "" and NULL strings are both stored as NULL. was_new may be NULL.
 * Returns 0, or ENT_ESTORE / ENT_EIO with the message on the handle. */
int ent_store_put_records(ent_store *s, const ent_input *in,
			  const ent_record *recs, size_t n,
			  size_t sentence_count, const char *lang,
			  bool *was_new);

/* ent_store_put_records with the declared levels of the document too
 * (ent_store_put passes ent_doc_level(); levels with a or b empty are
 * skipped). The others call it with none. */
int ent_store_put_full(ent_store *s, const ent_input *in,
		       const ent_record *recs, size_t n,
		       const ent_level *levels, size_t nlevels,
		       size_t sentence_count, const char *lang, bool *was_new);

/* The SQL of migration step `version` (1: the whole schema.sql; 2: the
 * additions of version 2; 3: an index), or NULL. Tests build old databases with it.
 * These are SQLite's steps (pg.c has its own schema).
 * Step 2 also needs the SQL function ent_outlet(url), registered on every
 * SQLite connection ent_store_open makes, and is followed by a rebuild of every
 * merged event (done by ent_store_open, not by this SQL). */
const char *ent_store_migration_sql(int version);

/* Where a stored document came from, for exports (GDELT's SOURCEURL and
 * DATEADDED): malloc'ed copies (caller frees) of the url and of the ingest
 * time as "YYYY-MM-DDTHH:MM:SSZ", NULL when unknown. For a doc_id stored
 * several times, the latest. ENT_ENOTFOUND when there is no such document. */
int ent_store_document_meta(ent_store *s, const char *doc_id, char **url,
			    char **ingested_at);

/* The host of a URL without "www." and port, lowercased: "vnexpress.net"
 * for "https://www.VnExpress.net:443/a?b". NULL when url is NULL, empty or
 * has no host. Malloc'ed; the caller frees. */
char *ent_url_outlet(const char *url);

/* ---- Merging (merge.c) ---------------------------------------------- */

/* The date rule of merging: both dates day-precision and at most one day
 * apart, or one contains the other (an equal date, or a coarser date
 * "2025-05" / "2025" that the other falls in). NULL (or unparsable) is
 * compatible with NULL only. */
bool ent_merge_dates_compatible(const char *d1, const char *d2);
/* Places: equal, or either NULL. */
bool ent_merge_places_compatible(const char *p1, const char *p2);

/* Where the dates a mention can merge with lie: a range of date texts,
 * lo <= date <= hi bytewise (dates are canonical text, so text order is
 * date order). */
typedef struct ent_date_range {
	char lo[11], hi[11];
} ent_date_range;

/* The ranges (at most 3) that hold every date compatible with `date`
 * (ent_merge_dates_compatible), and maybe a few that are not: for a day,
 * the day before to the day after, its month and its year; for a month,
 * the month and its days, and its year; for a year, the year and all its
 * months and days. Returns their number; 0 when `date` is NULL or
 * unparsable, whose compatible dates (NULL and unparsable ones) no range
 * holds. The store rebuilds only the merged events within these ranges of
 * a batch's new mentions (store.c, merge_new_docs). */
size_t ent_merge_date_ranges(const char *date, ent_date_range out[3]);

/* Single linkage over n mentions of one (root, a, b) group given in merge
 * order: comp[i] is set to the index of the first mention of i's
 * connected component (the representative), so comp[i] <= i and
 * comp[i] == i for representatives. */
void ent_merge_components(size_t n, const char *const *dates,
			  const char *const *places, size_t *comp);

/* One mention of a (root, a, b) group as merging reads it. */
typedef struct ent_mention {
	int64_t id, document_id, merged_id;
	const char *code, *source, *target, *source_name, *target_name;
	const char *date, *place, *plover, *outlet;
	uint64_t sectors;
	double goldstein;
	int quad;
} ent_mention;

/* Called once per merged event of a group: m is the merged row (m->a and
 * m->b as given to ent_merge_group), members[0..k) the indexes of its
 * mentions in merge order (members[0] is the representative). A non-zero
 * return stops ent_merge_group and is returned. */
typedef int (*ent_merged_out)(const ent_merged *m, const ent_mention *ms,
			      const size_t *members, size_t k, void *ctx);

/* The merging rule applied to the n mentions of one group, given in merge
 * order (docs/storage.md): components (ent_merge_components) and the
 * fields of each merged event, handed to `out` in the order of their
 * representatives. Both backends store what this computes, so the rule is
 * written once. */
int ent_merge_group(const char *a, const char *b, const ent_mention *ms,
		    size_t n, ent_merged_out out, void *ctx);

/* Deletes every merged event and rebuilds each group from all its
 * mentions (SQLite's migration to version 2; tests compare what the
 * partial rebuilds of ent_store_put / ent_store_commit leave with it). */
int ent_store_rebuild_all_merged(ent_store *s);

/* Runs SQL on the store's database (tests and tools: build old schemas,
 * create databases). Statements only, no rows. */
int ent_store_exec(ent_store *s, const char *sql);

/* "sqlite" or "postgresql". */
const char *ent_store_backend(const ent_store *s);

/* ISO 8601 week of a date "YYYY-MM-DD" (or of the 1st for "YYYY-MM") as
 * "YYYY-Www" into out; false for a year-only, NULL or invalid date. */
bool ent_iso_week(const char *date, char out[9]);

/* ---- Exports -------------------------------------------------------- */

/* What a GDELT line knows beyond an ent_record (ent_record has no url nor
 * ingest time); NULL / 0 fields are written empty / 1. */
typedef struct ent_gdelt_extra {
	const char *url;         /* SOURCEURL */
	const char *ingested_at; /* "YYYY-MM-DDTHH:MM:SSZ" -> DATEADDED */
	long mentions, sources, articles;
} ent_gdelt_extra;
int ent_record_write_gdelt_ex(FILE *f, const ent_record *r,
			      const ent_gdelt_extra *x);

#endif
