/*
 * suites.h: `entente eval --suite plover|petr2 FILE`, scoring the engine
 * on the peers' gold-standard sentences (readers: src/input/suites.h;
 * rules: docs/evaluation.md).
 *
 * Each record's text is coded as a one-sentence English document dated
 * with the record's date, and scored at the level of CAMEO roots: a gold
 * event (roots, source country, target country) is hit when the engine
 * produced, for that record, an event of an accepted root with the same
 * source and target countries (either way round for unordered gold).
 * Root 01 is not scored (EVENTS.md section 1), on either side.
 */
#ifndef ENT_CLI_SUITES_H
#define ENT_CLI_SUITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "entente/entente.h"
#include "input/suites.h"

/* The three levels of agreement, strictest first. */
enum {
	ENT_SUITE_COUNTRIES = 0, /* root, source and target countries */
	ENT_SUITE_PAIR = 1,      /* root and the unordered pair of countries */
	ENT_SUITE_ROOT = 2,      /* root only */
	ENT_SUITE_LEVELS = 3
};

/* One event the engine produced for record `record` (0-based). */
typedef struct ent_suite_event {
	size_t record;
	char code[6];   /* CAMEO code */
	char source[8]; /* actor code, "" when none */
	char target[8];
	bool negated;   /* the text says it did not or will not happen */
} ent_suite_event;

typedef struct ent_suite_level {
	size_t gold_hit; /* gold events hit */
	size_t sys;      /* distinct system keys (per record) at this level */
	size_t sys_hit;  /* of which hit some gold event */
} ent_suite_level;

typedef struct ent_suite_root_row {
	size_t gold;     /* gold events whose (main) root is this one */
	size_t hit;      /* of which hit on root and countries */
	size_t hit_root; /* of which hit on root only */
	size_t sys;      /* distinct system (root, source, target) keys */
	size_t sys_hit;  /* of which hit some gold event */
} ent_suite_root_row;

/* A PLOVER type and the CAMEO roots it stands for. */
typedef struct ent_suite_category {
	char name[24];
	unsigned roots;  /* bit r: root r */
	int main_root;   /* the root it is counted under in the per-root table */
} ent_suite_category;

typedef struct ent_suite_result {
	ent_suite_kind kind;
	size_t records, skipped;
	size_t gold;              /* scored gold events (after expansion) */
	size_t gold_root01;       /* gold codings of root 01, not scored */
	size_t sys_events;        /* scored system events (roots 02-20) */
	size_t sys_root01;        /* system events of root 01, not scored */
	size_t sys_negated;       /* negated system events of roots 03-08, scored as 12 */
	size_t sys_negated_out;   /* negated system events of other roots, not scored */
	ent_suite_level level[ENT_SUITE_LEVELS];
	size_t extra;             /* distinct system keys hitting no gold event */
	bool has_codes;           /* the gold gives CAMEO codes (PETR2) */
	size_t code_n, code_ok, code3_ok; /* over gold events hit */
	size_t miss_no_event;     /* missed: the engine coded nothing there */
	size_t miss_other_root;   /* missed: events, none of an accepted root */
	size_t miss_direction;    /* missed: right root and pair, wrong way */
	size_t miss_countries;    /* missed: right root, other countries */
	ent_suite_root_row roots[21];     /* index 1-20 */
	size_t confusion[21][21]; /* [gold root][engine root] of root misses */
	ent_suite_category *categories;   /* PLOVER types seen, in order */
	size_t ncategories;
	char **per_record;        /* with per_doc: one block per record */
	size_t nper_record;
} ent_suite_result;

/* Scores evs[0..nevs) against suite into *out (zeroed first; release with
 * ent_suite_result_dispose, also after a failure). data_dir holds
 * cameo.tsv (PLOVER types to roots) and countries.tsv (countries and
 * organisations). Returns 0, or ENT_EIO / ENT_EINVALID (a table
 * unreadable, a PLOVER type no root stands for) with err->message. */
int ent_suite_score(ent_suite_result *out, const ent_suite *suite,
		    const char *path, const ent_suite_event *evs, size_t nevs,
		    const char *data_dir, bool per_doc, ent_error *err);

/* Prints the figures as text (or one JSON object with json), preceded by
 * the per-record blocks when they were kept. Returns 0 or ENT_EIO. */
int ent_suite_print(const ent_suite_result *r, const char *path, bool json,
		    FILE *out);

void ent_suite_result_dispose(ent_suite_result *r);

typedef struct ent_suite_options {
	const char *lang;     /* language the records are coded as; NULL: "en" */
	const char *data_dir; /* the tables' folder; NULL: the engine's default */
	bool per_doc;         /* print each record's hits, misses and extras */
	bool json;
	FILE *log;            /* notes and per-record failures; NULL: stderr */
} ent_suite_options;

/* Reads the suite at path, codes every record with e, scores and prints
 * to out. Returns 0; ENT_EINVALID / ENT_EIO / ENT_ENOTFOUND when the file
 * or a table is refused (err->message); *failed counts the records the
 * engine could not code (each is logged, the run goes on). */
int ent_suite_run(ent_engine *e, ent_suite_kind kind, const char *path,
		  const ent_suite_options *opt, FILE *out, size_t *failed,
		  ent_error *err);

#endif
