/*
 * eval.h: scoring coded events against gold files (`entente eval`), a C
 * port of shared/tools/score-events with the same semantics and the same
 * printed form (spec/EVENTS.md section 7).
 *
 * Gold: GOLD_DIR holds one *.json file per article,
 * {"doc_id": ..., "events": [...]}; the doc_id defaults to the file name.
 * Records whose doc_id has no gold file are ignored; gold documents with no
 * record count with all their keys missed.
 */
#ifndef ENT_CLI_EVAL_H
#define ENT_CLI_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/core.h"
#include "entente/entente.h"

typedef struct ent_eval_options {
	bool per_doc; /* print one line per document, then missed/extra keys */
	bool json;    /* the figures as one JSON object instead of 5 lines */
} ent_eval_options;

/* One document's counts and keys, the keys printed as the Python tuple
 * ('04', ('RUS', 'VNM'), '2025-05-10'). */
typedef struct ent_eval_doc {
	char *doc_id;
	size_t tp, fp, fn;
	char **missed;  /* required gold keys no system event hit */
	size_t nmissed;
	char **extra;   /* system keys that hit no gold key, sorted */
	size_t nextra;
} ent_eval_doc;

/* The figures. Ratios are not rounded here (printing rounds them); a
 * secondary figure whose has_ flag is false is undefined ("None"). */
typedef struct ent_eval_result {
	size_t docs;      /* gold documents */
	size_t tp;        /* required gold keys hit */
	size_t fn;        /* required gold keys missed */
	size_t tp_system; /* distinct system keys hitting a required key */
	size_t fp;        /* distinct system keys hitting no gold key */
	double precision, recall, f1;

	bool has_code_accuracy, has_direction_accuracy, has_person_accuracy,
		has_place_accuracy, has_sector_jaccard;
	double code_accuracy;      /* same 3-digit code, over tp */
	double direction_accuracy; /* same source country, over tp */
	double person_accuracy;    /* same person, over gold names given */
	double place_accuracy;     /* same place, over gold places given */
	double sector_jaccard;     /* mean Jaccard, over pairs with sectors */

	ent_eval_doc *per_doc;     /* one per gold document, in gold order */
	size_t nper_doc;
} ent_eval_result;

/* Scores recs[0..nrecs) against the gold files of gold_dir into *out
 * (zeroed first; release it with ent_eval_result_dispose, also after a
 * failure). Returns 0, or ENT_EIO (gold_dir or a file unreadable) or
 * ENT_EINVALID (a gold file not JSON, or without an "events" array) with
 * err->message "FILE: problem". */
int ent_eval_score(ent_eval_result *out, const char *gold_dir,
		   const ent_record *recs, size_t nrecs, ent_error *err);

/* Prints res as score-events does: the per-document lines (opt->per_doc),
 * then the five secondary figures (or the JSON object with opt->json),
 * then the headline 'F1 0.xxx (P 0.xxx R 0.xxx) over N docs'. opt may be
 * NULL. Returns 0, or ENT_EIO when writing failed. */
int ent_eval_print(const ent_eval_result *res, const ent_eval_options *opt,
		   FILE *out);

void ent_eval_result_dispose(ent_eval_result *res);

/* ent_eval_score, then ent_eval_print to `out`. */
int ent_eval_run(const char *gold_dir, const ent_record *recs, size_t nrecs,
		 const ent_eval_options *opt, FILE *out, ent_error *err);

/* The folded form of a name: lower case, diacritics and everything but
 * letters and digits removed ("Tô Lâm" -> "tolam"). Appended to out. */
void ent_eval_fold(const char *s, ent_buf *out);

#endif
