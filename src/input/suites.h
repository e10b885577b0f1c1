/*
 * suites.h: readers of the peers' gold-standard suites, the English test
 * sentences other event coders are validated on (`entente eval --suite`,
 * scored by src/cli/suites.c; docs/evaluation.md tells the rules).
 *
 * - PLOVER: the PLOVER gold standard records (PLOVER_GSR_CAMEO.txt), a JSON
 *   array of records {id, event, source, target, text, date, mode, ...};
 *   source and target are lists of {actorText, code}. Records whose event
 *   is "DOCUMENT" are documentation and are skipped.
 * - PETR2: the PETRARCH-2 validation file (PETR2_GSR_validation.xml):
 *   <Sentence id= date=YYYYMMDD evaluate=> elements, each followed or
 *   filled by <EventCoding eventcode= sourcecode= targetcode=/> (or
 *   <EventCoding noevents="True"/>), <Text> and <Parse>.
 *
 * A reader keeps the gold as written (actor codes verbatim, one gold
 * coding per record or per <EventCoding>); turning it into scored events
 * (countries, roots, compound actors) is the scorer's business.
 */
#ifndef ENT_INPUT_SUITES_H
#define ENT_INPUT_SUITES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/core.h"
#include "entente/entente.h"

typedef enum ent_suite_kind {
	ENT_SUITE_PLOVER, /* PLOVER gold standard records, JSON */
	ENT_SUITE_PETR2   /* PETRARCH-2 validation records, XML */
} ent_suite_kind;

/* One gold coding of a record. Strings live in the suite's arena. */
typedef struct ent_suite_gold {
	const char *code;      /* PETR2: the CAMEO eventcode ("042"); PLOVER: NULL */
	const char *category;  /* PLOVER: the event type ("AGREE"); PETR2: NULL */
	const char *mode;      /* PLOVER: the mode ("visit"), or NULL */
	const char **sources;  /* actor codes as written: "USAGOV", "IGO", "---REB" */
	size_t nsources;       /* 0 when the record names no source */
	const char **targets;
	size_t ntargets;       /* 0 when none */
	unsigned line;         /* PETR2: line of the <EventCoding>; PLOVER: 0 */
} ent_suite_gold;

/* One test sentence and what it should give. */
typedef struct ent_suite_record {
	const char *id;
	const char *text;      /* runs of white space folded to one space, trimmed */
	const char *date;      /* "YYYY-MM-DD", or NULL when the record has none */
	ent_suite_gold *gold;  /* in file order */
	size_t ngold;          /* 0 when the record expects no event */
	size_t index;          /* 1-based position among the file's records */
	unsigned line;         /* PETR2: line of the <Sentence>; PLOVER: 0 */
} ent_suite_record;

typedef struct ent_suite {
	ent_suite_kind kind;
	ent_suite_record *records;
	size_t nrecords;
	size_t skipped;        /* PLOVER DOCUMENT records, PETR2 evaluate="false" */
	char **notes;          /* quirks of the file that were tolerated, one */
	size_t nnotes;         /* message each, "FILE: record N (ID): ..." */
	ent_arena mem;
} ent_suite;

/* Reads the suite file `path` of the given kind into *out (zeroed first;
 * release it with ent_suite_dispose, also after a failure). Returns 0, or
 * ENT_EIO (unreadable) or ENT_EINVALID (not the expected format) with
 * err->message naming the file, the record or line, and what was
 * expected. */
int ent_suite_read(ent_suite *out, ent_suite_kind kind, const char *path,
		   ent_error *err);
void ent_suite_dispose(ent_suite *s);

/* "plover" or "petr2". */
const char *ent_suite_kind_name(ent_suite_kind kind);
/* Parses "plover" / "petr2" (case-insensitive; "petrarch2" and "petr-2"
 * too). Returns 0, or ENT_EUSAGE. */
int ent_suite_kind_parse(const char *name, ent_suite_kind *out);

#endif
