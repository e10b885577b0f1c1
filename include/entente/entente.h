/*
 * entente.h: the public API of libentente, and its manual.
 *
 * entente turns diplomatic news into CAMEO-coded events. The pipeline is
 *
 *     ent_reader (files, JSON Lines, stdin)  ->  ent_input
 *     ent_code(engine, input)                ->  ent_doc with ent_event[]
 *     ent_store_put(store, input, doc)       ->  SQLite
 *     ent_store_events(store, filter, cb)    ->  ent_record rows
 *
 * Conventions (see docs/architecture.md):
 * - Functions return int: 0 (ENT_OK) on success, a negative ENT_E* code on
 *   failure. The message of the last failure lives on the handle
 *   (ent_engine_error, ent_store_error, ent_reader_error); functions that
 *   create a handle take an ent_error to fill.
 * - `_new` / `_free` pair up for objects the library allocates; getters
 *   borrow (the pointer lives as long as the object it came from).
 * - Out-of-memory aborts the process with a message; no function returns
 *   an out-of-memory error.
 * - All text is UTF-8. Offsets are byte offsets into the document text.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ENT_BUILDING) && defined(__GNUC__)
#define ENT_API __attribute__((visibility("default")))
#else
#define ENT_API
#endif

#define ENT_VERSION "0.1.0"

/* Error codes. */
enum {
	ENT_OK = 0,
	ENT_EINVALID = -1,  /* bad input: the message names file:line or field */
	ENT_EIO = -2,       /* a file or the database could not be read/written */
	ENT_ENOTFOUND = -3, /* no such event, document or file */
	ENT_ESTORE = -4,    /* the database refused an operation */
	ENT_EUSAGE = -5     /* an argument is out of its range */
};

/* An error filled by functions that have no handle yet. */
typedef struct ent_error {
	int code;          /* one of ENT_E*, 0 when none */
	char message[512]; /* human-readable, names file:line or field */
} ent_error;

/* Fills err (when not NULL) with code and a printf-formatted message;
 * returns code, so that `return ent_error_set(err, ENT_EIO, ...)` works. */
ENT_API int ent_error_set(ent_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------------ */
/* Sectors: the fixed list of EVENTS.md section 5.                      */

#define ENT_SECTOR_COUNT 35

/* The name of sector `i` (0 <= i < ENT_SECTOR_COUNT), or NULL. */
ENT_API const char *ent_sector_name(unsigned i);
/* The index of the sector called `name`, or -1. */
ENT_API int ent_sector_index(const char *name);

/* ------------------------------------------------------------------ */
/* Input documents.                                                     */

/* One article to code. Every pointer is borrowed from the caller (or the
 * reader that produced it) and must outlive the ent_doc coded from it. */
typedef struct ent_input {
	const char *id;     /* doc_id: file name without extension, or JSON id */
	const char *text;   /* the article body (title line included), UTF-8 */
	size_t len;         /* bytes in text */
	const char *date;   /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL */
	const char *title;  /* or NULL */
	const char *lang;   /* "fr", "en", or NULL to guess */
	const char *url;    /* or NULL */
	const char *origin; /* where it came from, for messages: path or "-" */
	unsigned line;      /* line in origin (JSON Lines), 0 for whole files */
} ent_input;

/* A reader walks files, directories (recursively, in name order), JSON
 * Lines files (.jsonl, .ndjson) and standard input ("-"). A text file may
 * start with the line " date YYYY-MM[-DD] Title..." (note the leading
 * space): the date becomes the document date and the rest of the line stays
 * in the text as its first paragraph. A web page (.html, .htm, .xhtml, or
 * content starting with <!DOCTYPE html or <html>) gives the text of its
 * article, one line per block, after its title line, and its date, title,
 * lang and url from its metadata (src/input/html.c). */
typedef struct ent_reader ent_reader;

typedef struct ent_reader_options {
	size_t max_bytes; /* larger documents are refused; 0 = 16 MiB */
} ent_reader_options;
#define ENT_READER_OPTIONS_INIT {0}

ENT_API int ent_reader_new(ent_reader **out, const char *const *paths,
			   size_t npaths, const ent_reader_options *opts,
			   ent_error *err);
/* Reads the next document into *out (valid until the next call).
 * Returns 1 when a document was read, 0 at the end, and ENT_EINVALID or
 * ENT_EIO when one input was refused (empty, binary, invalid UTF-8, too
 * large, unreadable, bad JSON, a web page without article text); the
 * message is ent_reader_error() and the next call goes on with the
 * following input. */
ENT_API int ent_reader_next(ent_reader *r, ent_input *out);
ENT_API const char *ent_reader_error(const ent_reader *r);
ENT_API void ent_reader_free(ent_reader *r);

/* ------------------------------------------------------------------ */
/* The engine.                                                          */

typedef struct ent_engine ent_engine;

/* Loads and compiles the lexicons under `data_dir` (see docs/lexicon.md).
 * On failure returns ENT_EINVALID or ENT_EIO with err->message naming the
 * file and line. The engine is read-only once built: several threads may
 * code with it at once. */
ENT_API int ent_engine_new(ent_engine **out, const char *data_dir,
			   ent_error *err);
ENT_API void ent_engine_free(ent_engine *e);

/* Loads every lexicon file under data_dir (NULL: the default folder) and
 * writes each problem to `report` as "FILE:LINE: message". Returns the
 * number of problems (0 when all files are valid). */
ENT_API int ent_lexicon_check(const char *data_dir, FILE *report);

/* The folder the engine finds by default: $ENTENTE_DATA, else the data/
 * folder of the source tree it was built from, else the installed one. */
ENT_API const char *ent_default_data_dir(void);

/* The gazetteer (docs/gazetteer.md: cities with their coordinates) that
 * an engine on data_dir (NULL: the default folder) loads, written into
 * path: $ENTENTE_GAZETTEER, else DATA_DIR/gazetteer.tsv, else the one the
 * build generated from libgeonames. Returns false when there is none
 * (built without libgeonames-dev, or ENTENTE_GAZETTEER is "" or "none"):
 * places are then the hand-written ones of data/LANG/places.tsv only. */
ENT_API bool ent_gazetteer_file(const char *data_dir, char *path, size_t n);

/* The coordinates of the place whose English name is `place` (an event's
 * place), from that gazetteer: the city of that name in the country of
 * actor code `a` or `b` (either may be NULL), else the most populous.
 * Returns false when the gazetteer has no such city (or there is none). */
ENT_API bool ent_place_coordinates(const char *data_dir, const char *place, const char *a,
				   const char *b, double *lat, double *lon);

/* ---- TABARI and PETRARCH dictionaries (docs/lexicon.md) ---- */

/* The actor and agent dictionary formats of TABARI and PETRARCH. AUTO
 * tells the dialect and the kind from the content; PETRARCH or TABARI fix
 * the dialect and leave the kind (actors or agents) to the content. */
typedef enum ent_dict_format {
	ENT_DICT_AUTO = 0,
	ENT_DICT_PETRARCH,
	ENT_DICT_TABARI,
	ENT_DICT_PETRARCH_ACTORS,
	ENT_DICT_PETRARCH_AGENTS,
	ENT_DICT_TABARI_ACTORS,
	ENT_DICT_TABARI_AGENTS
} ent_dict_format;

/* "auto", "petrarch", "tabari", "petrarch-actors", "petrarch-agents",
 * "tabari-actors", "tabari-agents": the name of f, and back (returns
 * ENT_EUSAGE for an unknown name). */
ENT_API const char *ent_dict_format_name(ent_dict_format f);
ENT_API int ent_dict_format_parse(const char *name, ent_dict_format *out);

typedef struct ent_dict_options {
	ent_dict_format format;
	FILE *warnings;        /* each malformed line as "FILE:LINE: message";
				  NULL: not written (still counted) */
	unsigned max_warnings; /* write at most this many, then a line with the
				  number left unwritten; 0: all */
} ent_dict_options;
#define ENT_DICT_OPTIONS_INIT {ENT_DICT_AUTO, NULL, 0}

typedef struct ent_dict_stats {
	ent_dict_format format; /* as read: one of the four precise formats */
	long lines;             /* lines in the file */
	long entries;           /* actor or agent entries read */
	long added;             /* entries that added at least one phrase */
	long persons;           /* of them, persons with dated roles */
	long phrases;           /* phrases added (per language) */
	long shadowed;          /* phrases left out: the built-in lexicon (or an
				   earlier dictionary) has them, or they end in
				   a function word */
	long unsupported;       /* entries left out: no code entente can
				   represent (regions, ethnic and religious
				   groups, "---") */
	long warnings;          /* malformed lines or codes, skipped */
	double seconds;         /* load time */
} ent_dict_stats;

/* Adds the actors (names, organisations, persons with dated roles) or the
 * agents (role words: "farmer", "riot police") of a TABARI or PETRARCH
 * dictionary to the engine's lexicon. The built-in lexicon wins where
 * both have a phrase, and an earlier dictionary wins over a later one.
 * A malformed line is skipped with a warning (opts->warnings); the call
 * fails (ENT_EIO, ENT_ENOTFOUND, ENT_EINVALID with err naming the file)
 * when the file cannot be read, is not text, is a zip archive, or holds no
 * entry of either format. Call it before coding with the engine. opts and
 * stats may be NULL. */
ENT_API int ent_engine_add_actors(ent_engine *e, const char *path,
				  const ent_dict_options *opts, ent_dict_stats *stats,
				  ent_error *err);

/* A span of the document text. */
typedef struct ent_span {
	uint32_t start; /* byte offset into the document text */
	uint32_t len;   /* bytes; 0 when absent */
} ent_span;

/* One coded event. Strings are borrowed from the engine's lexicon or the
 * ent_doc; empty strings ("") mean "none" for the fixed-size fields. */
typedef struct ent_event {
	char code[6];            /* CAMEO code: "040", "0311" */
	char source[8];          /* actor code: "VNMPTY" */
	char target[8];          /* actor code, "" when none */
	const char *source_name; /* canonical person, or NULL */
	const char *target_name; /* canonical person, or NULL */
	char date[11];           /* "YYYY[-MM[-DD]]", "" when unknown */
	const char *place;       /* English place name, or NULL */
	uint64_t sectors;        /* bit i set: ent_sector_name(i) */
	bool negated;            /* the text says it did not happen */
	double goldstein;        /* Goldstein value of the code */
	int quad;                /* quad class 1-4 */
	const char *plover;      /* PLOVER type, or "dropped" */
	double confidence;       /* in [0,1] */
	ent_span sentence;       /* the evidence sentence */
	ent_span trigger;        /* the words that name the action */
	ent_span source_span;    /* the words that name the source */
	ent_span target_span;    /* the words that name the target */
	bool geo;                /* the place's coordinates are known */
	double latitude;         /* of the place, WGS 84 degrees, when geo */
	double longitude;
} ent_event;

/* A coded document: its events, language, date and sentence count. */
typedef struct ent_doc ent_doc;

/* Codes one document. *out is set (and must be freed) whenever the return
 * is 0; the ent_doc borrows in->text and in->id. */
ENT_API int ent_code(ent_engine *e, const ent_input *in, ent_doc **out);
ENT_API void ent_doc_free(ent_doc *d);

ENT_API const char *ent_doc_id(const ent_doc *d);
ENT_API const char *ent_doc_text(const ent_doc *d, size_t *len);
ENT_API const char *ent_doc_lang(const ent_doc *d);  /* "fr" or "en" */
ENT_API const char *ent_doc_date(const ent_doc *d);  /* "" when unknown */
ENT_API size_t ent_doc_sentence_count(const ent_doc *d);
ENT_API size_t ent_doc_event_count(const ent_doc *d);
ENT_API const ent_event *ent_doc_event(const ent_doc *d, size_t i);

/* A declared level of relationship stated by the text ("partenariat
 * stratégique intégral Vietnam–Russie", "comprehensive strategic
 * partnership"), between two countries, at a date. */
typedef struct ent_level {
	char a[4], b[4];        /* ISO3 codes, a < b */
	const char *level;      /* canonical English name (data/LANG/levels.tsv) */
	int rank;               /* higher is closer */
	char date[11];          /* "" when unknown */
	ent_span sentence;      /* the evidence */
} ent_level;

ENT_API size_t ent_doc_level_count(const ent_doc *d);
ENT_API const ent_level *ent_doc_level(const ent_doc *d, size_t i);

/* ------------------------------------------------------------------ */
/* Records: an event as exported and stored (EVENTS.md section 2).      */

/* Every string is borrowed (from an ent_doc or a store callback) and may
 * be NULL for "none". */
typedef struct ent_record {
	int64_t id;              /* the store's event id, 0 when not stored */
	const char *doc_id;
	const char *code;
	const char *source, *target;
	const char *source_name, *target_name;
	const char *date, *place;
	uint64_t sectors;
	bool negated;
	const char *sentence;    /* the evidence sentence text */
	size_t sentence_len;
	double goldstein;
	int quad;
	const char *plover;
	double confidence;
	ent_span sentence_span, trigger, source_span, target_span;
	bool geo;                /* latitude and longitude of the place known */
	double latitude, longitude;
} ent_record;

/* Fills *out from an event of `d`; the record borrows from both. */
ENT_API void ent_record_from_event(ent_record *out, const ent_doc *d,
				   const ent_event *ev);
/* Writes one record as one JSON Lines line (fields of EVENTS.md section 2
 * plus id, goldstein, quad_class, plover, confidence, latitude and
 * longitude when known, and offsets). */
ENT_API int ent_record_write_json(FILE *f, const ent_record *r);
/* Writes one event on one line in the compact form of the golden tests
 * (tests/golden/README.md):
 * code|source|source_name|target|target_name|date|place|sectors|negated
 * with "-" for none, sectors comma-separated, "negated" or "-". */
ENT_API int ent_event_write_brief(FILE *f, const ent_event *ev);
/* One line of GDELT 2.0's event table (61 tab-separated columns, same
 * order and meanings, empty where entente has no value; no header line). */
ENT_API int ent_record_write_gdelt(FILE *f, const ent_record *r);
/* CSV with a header line written by ent_record_write_csv_header. */
ENT_API int ent_record_write_csv_header(FILE *f);
ENT_API int ent_record_write_csv(FILE *f, const ent_record *r);

/* ------------------------------------------------------------------ */
/* Storage: a SQLite file, or a PostgreSQL database (docs/storage.md).  */

typedef struct ent_store ent_store;

/* Opens (creating and migrating as needed) the database at `path`: a
 * PostgreSQL database when path starts with "postgresql://" or
 * "postgres://" (a libpq connection URI), else a SQLite file. Both give
 * the same answers to every query below, except search ranks and
 * snippets. A handle is for one thread at a time. */
ENT_API int ent_store_open(ent_store **out, const char *path, ent_error *err);
ENT_API void ent_store_close(ent_store *s);
ENT_API const char *ent_store_error(const ent_store *s);

/* Batches: everything between begin and commit lands together or not at
 * all. */
ENT_API int ent_store_begin(ent_store *s);
ENT_API int ent_store_commit(ent_store *s);
ENT_API int ent_store_rollback(ent_store *s);

/* Stores a document and its events. Idempotent: a document whose content
 * hash is already stored is left as it is and *was_new is set to false. */
ENT_API int ent_store_put(ent_store *s, const ent_input *in, const ent_doc *d,
			  bool *was_new);

/* Filters for ent_store_events; NULL or 0 fields do not filter. */
typedef struct ent_filter {
	const char *country;   /* ISO3 on either side */
	const char *pair_a;    /* with pair_b: events between the two */
	const char *pair_b;
	const char *since;     /* date >= since (prefix-compared) */
	const char *until;     /* date <= until */
	const char *code;      /* code prefix: "04", "057" */
	const char *sector;    /* one sector name */
	const char *doc_id;
	bool scored_only;      /* leave out root 01 */
	bool newest_first;     /* date descending instead of ascending */
	size_t limit;          /* 0 = no limit */
	size_t offset;
} ent_filter;
#define ENT_FILTER_INIT {0}

typedef int (*ent_record_cb)(const ent_record *r, void *ctx);

/* Calls cb for each matching event in (date, doc_id, id) order; a non-zero
 * return from cb stops the walk and is returned. */
ENT_API int ent_store_events(ent_store *s, const ent_filter *f,
			     ent_record_cb cb, void *ctx);
/* Calls cb for the event `id`; ENT_ENOTFOUND when there is none. */
ENT_API int ent_store_event(ent_store *s, int64_t id, ent_record_cb cb,
			    void *ctx);
/* The stored text of a document, malloc'ed into *text (caller frees), and
 * its date and title (malloc'ed, may be NULL). */
ENT_API int ent_store_document(ent_store *s, const char *doc_id, char **text,
			       size_t *len, char **date, char **title);

/* One row of the per-country-pair summary. */
typedef struct ent_pair_summary {
	const char *a, *b;      /* ISO3 codes, a < b; b may be "---" */
	long events;            /* scored events (roots 02-20) */
	long by_quad[5];        /* index 1-4: quad class counts */
	double goldstein_mean;
	const char *first_date, *last_date;
	const char *top_codes;  /* "040:3 057:2 ..." */
} ent_pair_summary;
typedef int (*ent_pair_cb)(const ent_pair_summary *p, void *ctx);
ENT_API int ent_store_pairs(ent_store *s, const ent_filter *f, ent_pair_cb cb,
			    void *ctx);

/* Counts of documents and events stored. */
ENT_API int ent_store_counts(ent_store *s, long *docs, long *events);

/* ---- Events across documents ---------------------------------------- */

/* A merged event: the mentions of one event by several articles (same root,
 * same pair of countries, dates within a day, compatible places) taken as
 * one. Merging is a function of the stored mentions only: ingesting A then
 * B gives the same merged events as B then A. Strings are borrowed for the
 * duration of the callback. */
typedef struct ent_merged {
	int64_t id;               /* its representative mention's event id */
	const char *code;         /* most frequent code (ties: the smallest) */
	const char *a, *b;        /* the two countries, a < b; b may be "---" */
	const char *source, *target;           /* of the representative mention */
	const char *source_name, *target_name;
	const char *date;         /* earliest mention date */
	const char *last_date;    /* latest mention date */
	const char *place;        /* most frequent place, or NULL */
	uint64_t sectors;         /* union of the mentions' sectors */
	double goldstein;
	int quad;
	const char *plover;
	long mentions;            /* event rows */
	long articles;            /* distinct documents */
	long outlets;             /* distinct outlets (URL hosts; unknown counts once) */
} ent_merged;
typedef int (*ent_merged_cb)(const ent_merged *m, void *ctx);

/* Calls cb for each merged event matching f (country, pair, since, until,
 * code, sector, scored_only, newest_first, limit, offset; doc_id selects the
 * merged events that one document mentions). */
ENT_API int ent_store_merged(ent_store *s, const ent_filter *f, ent_merged_cb cb, void *ctx);
/* The mentions (event rows) of merged event `id`; ENT_ENOTFOUND if none. */
ENT_API int ent_store_mentions(ent_store *s, int64_t id, ent_record_cb cb, void *ctx);

/* ---- Relations ------------------------------------------------------- */

typedef struct ent_relation_month {
	char month[8];            /* "YYYY-MM" */
	long events;              /* merged events, roots 02-20 */
	long by_quad[5];
	double goldstein_mean;
} ent_relation_month;

typedef struct ent_relation_sector {
	const char *sector;       /* ent_sector_name() */
	long events;
	char last_date[11];
} ent_relation_sector;

/* The relation between a and b (or between a and everyone when b is NULL)
 * over [since, until] (either may be NULL). */
typedef struct ent_relation {
	char a[4], b[4];          /* b is "" for "everyone" */
	long events;              /* merged events, roots 02-20 */
	long mentions;            /* their event rows */
	long articles;
	long by_root[21];         /* index 1-20 */
	long by_quad[5];          /* index 1-4 */
	double goldstein_mean;
	char first_date[11], last_date[11];
	ent_relation_month *months;   /* in date order */
	size_t nmonths;
	ent_relation_sector *sectors; /* most events first */
	size_t nsectors;
	char *level;              /* highest declared level seen, or NULL */
	int level_rank;
	char level_since[11];     /* when that level was first seen */
	char *level_doc;          /* the article that first states it */
} ent_relation;

ENT_API int ent_store_relation(ent_store *s, const char *a, const char *b, const char *since,
			       const char *until, ent_relation **out);
ENT_API void ent_relation_free(ent_relation *r);

/* One period of a timeline. */
typedef struct ent_bucket {
	const char *period;       /* "2025-05" (month) or "2025-W19" (ISO week) */
	long events;              /* merged events, roots 02-20 */
	long by_quad[5];
	double goldstein_mean;
} ent_bucket;
typedef int (*ent_bucket_cb)(const ent_bucket *b, void *ctx);
/* Periods with at least one event, in order; weekly when `weekly`. Events
 * with no date, or only a year, are left out; month-precision dates count
 * in their month (and in the week of the month's first day). */
ENT_API int ent_store_timeline(ent_store *s, const char *a, const char *b, const char *since,
			       const char *until, bool weekly, ent_bucket_cb cb, void *ctx);

/* One country's activity, for the dashboard's graph. */
typedef struct ent_actor_stat {
	const char *country;      /* ISO3 or IGO code */
	long events;              /* merged events it is a side of, roots 02-20 */
	double goldstein_mean;
	long partners;            /* distinct other sides */
} ent_actor_stat;
typedef int (*ent_actor_cb)(const ent_actor_stat *a, void *ctx);
/* Countries by activity (most events first) over f's since/until/code/sector. */
ENT_API int ent_store_actors(ent_store *s, const ent_filter *f, ent_actor_cb cb, void *ctx);

/* ---- Full-text search ------------------------------------------------- */

typedef struct ent_search_hit {
	const char *doc_id, *title, *date, *url;
	const char *snippet;      /* the best passage, matches in [ ] */
	double rank;              /* lower is better (FTS5 bm25; -ts_rank on
				     PostgreSQL) */
	long events;              /* scored events of the document */
} ent_search_hit;
typedef int (*ent_search_cb)(const ent_search_hit *h, void *ctx);
/* Searches the stored articles (titles and texts; case and diacritics
 * folded: "Hanoi" finds "Hanoï"). `query` is plain words, all required;
 * "quoted phrases" are kept together. Best matches first. */
ENT_API int ent_store_search(ent_store *s, const char *query, size_t limit, ent_search_cb cb,
			     void *ctx);

#ifdef __cplusplus
}
#endif
#endif
