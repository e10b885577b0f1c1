/*
 * main.c: the `entente` program. Subcommands, their options and help, exit
 * codes and progress. It sees only the public API (include/entente) and the
 * scorer of eval.h.
 *
 * Exit codes: 0 success; 1 some input or operation failed (the run went on
 * with the rest and said what failed on stderr); 2 bad usage.
 */
#include <errno.h>
#include <stdatomic.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/eval.h"
#include "cli/suites.h"
#include "core/core.h"
#include "entente/entente.h"
#include "store/store.h" /* ent_record_write_gdelt_ex, ent_store_document_meta */
#include "server/server.h"
#include "queue/queue.h"

#define EXIT_USAGE 2

static const char *MAIN_HELP =
	"usage: entente COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"entente turns diplomatic news (French and English) into CAMEO-coded\n"
	"events with their evidence.\n"
	"\n"
	"commands:\n"
	"  code PATH...          code articles, print events as JSON Lines (no database)\n"
	"  ingest PATH...        code articles and store them in a SQLite database\n"
	"  events                list stored events, with filters\n"
	"  pairs                 per-country-pair summary of stored events\n"
	"  relations A [B]       the relation between two countries (or A and all)\n"
	"  timeline A B          merged events of a pair per month or ISO week\n"
	"  search QUERY          full-text search of the stored articles\n"
	"  show EVENT_ID         one event, its article and its evidence\n"
	"  eval GOLD_DIR PATH... code articles and score them against gold files\n"
	"  eval --suite plover|petr2 FILE  score on a peer's gold sentences\n"
	"  lexicon check [DIR]   validate the lexicon files\n"
	"  serve                 JSON API and dashboard over a database (HTTP)\n"
	"  submit PATH...        queue articles on NATS JetStream for workers\n"
	"  worker                code queued articles and store them (scale-out)\n"
	"  status                the work queue and the database: depth, dead letters\n"
	"\n"
	"PATH is an article file (optional first line ' date YYYY-MM[-DD] Title'),\n"
	"a web page (.html, .htm, or content starting with <!DOCTYPE html or\n"
	"<html>: the article's text, date, title, language and URL are taken from\n"
	"the page), a JSON Lines file (.jsonl: id, text, date, title, lang, url),\n"
	"a directory (read recursively) or - for standard input.\n"
	"\n"
	"Commands that code (code, ingest, eval, lexicon) take --data DIR, the\n"
	"lexicon folder (default $ENTENTE_DATA or the built-in data/); commands\n"
	"that read a database take --db FILE (default $ENTENTE_DB or entente.db).\n"
	"Commands that code (code, ingest, eval, worker) also take --actors FILE,\n"
	"as often as needed: a TABARI or PETRARCH actors or agents dictionary\n"
	"added to the built-in lexicon (which wins where both have a phrase);\n"
	"--actors-format FMT (auto, petrarch, tabari, petrarch-actors,\n"
	"petrarch-agents, tabari-actors, tabari-agents; default auto: told from\n"
	"the content) says how to read them. A malformed line is skipped with a\n"
	"warning FILE:LINE on stderr; a file that cannot be read is an error\n"
	"(status 1). `entente lexicon check --actors FILE` lists every problem.\n"
	"`entente COMMAND --help` tells more. See README.md and docs/.\n";

static const char *CODE_HELP =
	"usage: entente code [--lang fr|en] [--format jsonl|csv|brief] [--scored-only]\n"
	"                    [--min-confidence X] [--stats] [--data DIR]\n"
	"                    [--actors FILE]... [--actors-format FMT] PATH...\n"
	"\n"
	"Codes the articles and writes one event a line to standard output as\n"
	"JSON Lines (the fields of EVENTS.md section 2, plus goldstein,\n"
	"quad_class, plover, confidence, the latitude and longitude of the place\n"
	"when the gazetteer knows them, and byte offsets), CSV, or the one-line\n"
	"form of the golden tests (brief: code|source|source_name|target|\n"
	"target_name|date|place|sectors|negated). Nothing is\n"
	"stored. --scored-only leaves out root 01 (public statements).\n"
	"--lang fr|en reads every document in that language; without it, a\n"
	"document's own language (<html lang>, a JSON \"lang\") is used, else\n"
	"it is guessed from its French and English function words, French\n"
	"letters (é, à, ç...) deciding a tie.\n"
	"--min-confidence X (a number from 0 to 1) leaves out the events whose\n"
	"confidence is below X (docs/confidence.md tells how it is computed). --stats\n"
	"prints to stderr: documents, sentences, events, MB, seconds, sentences/s.\n"
	"--actors FILE adds a TABARI or PETRARCH actors or agents dictionary to\n"
	"the lexicon (see `entente --help`, docs/lexicon.md); a line on stderr\n"
	"tells what each one added and how long it took to load.\n"
	"PATH: article files, web pages (.html, .htm: the article's text, its\n"
	"<meta>/JSON-LD date, title, language and canonical URL), JSON Lines,\n"
	"directories, - for standard input (see `entente --help`).\n"
	"Exit status 1 when any input was refused (its message goes to stderr).\n";

static const char *INGEST_HELP =
	"usage: entente ingest [--db FILE] [--lang fr|en] [--batch N] [--data DIR]\n"
	"                      [--actors FILE]... [--actors-format FMT] PATH...\n"
	"\n"
	"Codes the articles and stores documents and events in the SQLite\n"
	"database FILE (default entente.db; created if absent). Documents are\n"
	"keyed by the SHA-256 of their text: ingesting the same article again is\n"
	"a no-op. Every N documents (default 500) are committed together; an\n"
	"interrupted run leaves the database as of its last commit. A progress\n"
	"line is shown on a terminal. --actors FILE adds a TABARI or PETRARCH\n"
	"dictionary to the lexicon (see `entente --help`). PATH is read as by\n"
	"`entente code`: article files, web pages (.html, .htm), JSON Lines,\n"
	"directories, - for standard input. Exit status 1 when any input was\n"
	"refused.\n";

static const char *EVENTS_HELP =
	"usage: entente events [--db FILE] [--country ISO3] [--pair A,B]\n"
	"                      [--since DATE] [--until DATE] [--code C]\n"
	"                      [--sector S] [--doc ID] [--all] [--limit N]\n"
	"                      [--merged] [--newest] [--format table|jsonl|csv|gdelt]\n"
	"\n"
	"Lists stored events in date order. --country: either side is ISO3;\n"
	"--pair: between A and B in either direction; --since/--until: dates\n"
	"YYYY, YYYY-MM or YYYY-MM-DD (inclusive); --code: a code prefix (04,\n"
	"057); --sector: one of the sectors of EVENTS.md section 5. Root 01\n"
	"(statements) is left out unless --all. --newest lists the latest first.\n"
	"--merged lists merged events instead (one event reported by several\n"
	"articles, docs/storage.md) with their mentions, articles and outlets.\n"
	"--format gdelt writes GDELT 2.0 event table lines (61 tab-separated\n"
	"columns, no header; not with --merged).\n";

static const char *PAIRS_HELP =
	"usage: entente pairs [--db FILE] [--country ISO3] [--since DATE]\n"
	"                     [--until DATE] [--format table|csv]\n"
	"\n"
	"Summarises stored events (roots 02-20) by pair of countries: number of\n"
	"events, counts by quad class (1 verbal cooperation, 2 material\n"
	"cooperation, 3 verbal conflict, 4 material conflict), mean Goldstein\n"
	"value, first and last dates and the most frequent codes.\n";

static const char *SHOW_HELP =
	"usage: entente show [--db FILE] EVENT_ID\n"
	"\n"
	"Prints one stored event, its article's metadata and the evidence\n"
	"sentence with the trigger marked [[...]], the source {{...}} and the\n"
	"target <<...>>.\n";

static const char *EVAL_HELP =
	"usage: entente eval [--per-doc] [--json] [--lang fr|en] [--data DIR]\n"
	"                    [--actors FILE]... [--actors-format FMT] GOLD_DIR PATH...\n"
	"       entente eval --suite plover|petr2 [--per-doc] [--json] [--data DIR] FILE\n"
	"\n"
	"Codes the articles and scores the events against the gold files of\n"
	"GOLD_DIR (one DOC_ID.json per article) as EVENTS.md section 7 says:\n"
	"precision, recall and F1 over (root, country pair, date) keys, then the\n"
	"accuracy of codes, directions, persons, places and sectors. --per-doc\n"
	"lists each document's misses and extras. --actors FILE codes with a\n"
	"TABARI or PETRARCH dictionary added to the lexicon (`entente --help`).\n"
	"\n"
	"--suite scores the engine on a peer's gold-standard sentences instead:\n"
	"plover (the PLOVER gold standard records, PLOVER_GSR_CAMEO.txt, JSON)\n"
	"or petr2 (the PETRARCH-2 validation file, PETR2_GSR_validation.xml).\n"
	"Each record's text is coded as one English sentence dated with the\n"
	"record's date, and its events are compared at the level of CAMEO roots:\n"
	"a gold event is hit by an event of the same root with the same source\n"
	"and target countries (either way round for reciprocal gold). It prints\n"
	"recall and precision on root + countries, root + unordered pair and root\n"
	"only, extra events per record, full-code accuracy on hits (petr2), the\n"
	"kinds of misses and a per-root table; --json prints one JSON object;\n"
	"--per-doc first lists each record's hits, misses and extras. Root 01 is\n"
	"not scored. docs/evaluation.md tells the rules (PLOVER types as roots,\n"
	"organisations, compound actors). Exit status 1 when FILE is refused\n"
	"(the message names the record or line) or a record could not be coded.\n";

static const char *LEXICON_HELP =
	"usage: entente lexicon check [--actors FILE]... [--actors-format FMT] [DIR]\n"
	"\n"
	"Loads every lexicon file under DIR (default: the data folder) and\n"
	"reports each problem as FILE:LINE: message. Exit status 1 when there is\n"
	"any. The format is in docs/lexicon.md. The gazetteer the engine loads\n"
	"with it (docs/gazetteer.md) is checked too, and named on a line\n"
	"'gazetteer: FILE' ('gazetteer: none ...' when there is none).\n"
	"With --actors, the TABARI or PETRARCH dictionaries are read too and each\n"
	"malformed line is a problem (FILE:LINE: what was expected).\n";

static const char *SERVE_HELP =
	"usage: entente serve [--db FILE] [--host ADDR] [--port N] [--web DIR]\n"
	"\n"
	"Serves the database read-only over HTTP until SIGINT (Ctrl-C) or\n"
	"SIGTERM: the JSON API of docs/http-api.md under /api/, and the\n"
	"dashboard (the folder DIR, default the source tree's web/) under /.\n"
	"Listens on ADDR (default 127.0.0.1: this machine only) and port N\n"
	"(default 8080; 0 picks a free one). When ready it prints\n"
	"`entente serve: http://ADDR:PORT/ (database FILE)` to stderr.\n";

/* ---- option parsing ---- */

#define MAX_ACTORS 64

typedef struct opts {
	const char *data, *db, *lang, *format;
	const char *country, *pair, *since, *until, *code, *sector, *doc, *by;
	const char *nats, *stream, *host, *web;   /* queue and serve */
	const char *actors[MAX_ACTORS];           /* --actors FILE, in order */
	int nactors;
	const char *actors_format;                /* --actors-format */
	const char *suite;                        /* eval --suite */
	long limit, batch;                        /* batch 0: the command's default */
	long jobs, max_deliver, port;             /* port -1: the default */
	double ack_wait;
	double min_confidence; /* --min-confidence; 0 keeps every event */
	bool all, per_doc, json, scored_only, help, stats, merged, newest, exit_when_empty;
	const char **args;
	int nargs;
} opts;

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "entente %s: ", cmd);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(see `entente %s --help`)\n", cmd);
	return EXIT_USAGE;
}

static bool valid_date_arg(const char *s)
{
	int y, m, d;
	return ent_date_parse(s, strlen(s), &y, &m, &d) > 0;
}

/* Parses argv; `allowed` lists the long options the command takes. */
static int parse(const char *cmd, int argc, char **argv, const char *allowed, opts *o)
{
	memset(o, 0, sizeof *o);
	o->args = calloc((size_t)argc + 1, sizeof *o->args);
	o->jobs = 1;
	o->max_deliver = 5;
	o->ack_wait = 30;
	o->port = -1;
	bool only_args = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
			o->args[o->nargs++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			o->help = true;
			continue;
		}
		char name[64];
		const char *val = NULL;
		const char *eq = strchr(a, '=');
		size_t nl = eq ? (size_t)(eq - a) : strlen(a);
		if (nl >= sizeof name)
			return usage_error(cmd, "unknown option %s", a);
		memcpy(name, a, nl);
		name[nl] = 0;
		char probe[80];
		snprintf(probe, sizeof probe, " %s ", name);
		if (!strstr(allowed, probe))
			return usage_error(cmd, "unknown option %s", name);
		static const char *const FLAGS[] = {"--all", "--per-doc", "--json", "--scored-only",
						    "--stats", "--merged", "--newest",
						    "--exit-when-empty", NULL};
		bool flag = false;
		for (int k = 0; FLAGS[k]; k++)
			if (strcmp(name, FLAGS[k]) == 0)
				flag = true;
		if (flag) {
			if (eq)
				return usage_error(cmd, "option %s takes no value", name);
			if (!strcmp(name, "--all")) o->all = true;
			if (!strcmp(name, "--per-doc")) o->per_doc = true;
			if (!strcmp(name, "--json")) o->json = true;
			if (!strcmp(name, "--scored-only")) o->scored_only = true;
			if (!strcmp(name, "--stats")) o->stats = true;
			if (!strcmp(name, "--merged")) o->merged = true;
			if (!strcmp(name, "--newest")) o->newest = true;
			if (!strcmp(name, "--exit-when-empty")) o->exit_when_empty = true;
			continue;
		}
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return usage_error(cmd, "option %s needs a value", name);
		if (!strcmp(name, "--data")) o->data = val;
		else if (!strcmp(name, "--actors")) {
			if (o->nactors == MAX_ACTORS)
				return usage_error(cmd, "--actors: at most 64 files, not \"%s\"", val);
			o->actors[o->nactors++] = val;
		} else if (!strcmp(name, "--actors-format")) {
			ent_dict_format f;
			if (ent_dict_format_parse(val, &f))
				return usage_error(cmd, "--actors-format must be auto, petrarch, tabari, "
						   "petrarch-actors, petrarch-agents, tabari-actors or "
						   "tabari-agents, not \"%s\"", val);
			o->actors_format = val;
		}
		else if (!strcmp(name, "--db")) o->db = val;
		else if (!strcmp(name, "--lang")) {
			if (strcmp(val, "fr") && strcmp(val, "en"))
				return usage_error(cmd, "--lang must be fr or en, not \"%s\"", val);
			o->lang = val;
		} else if (!strcmp(name, "--format")) o->format = val;
		else if (!strcmp(name, "--country")) o->country = val;
		else if (!strcmp(name, "--pair")) o->pair = val;
		else if (!strcmp(name, "--since")) o->since = val;
		else if (!strcmp(name, "--until")) o->until = val;
		else if (!strcmp(name, "--code")) o->code = val;
		else if (!strcmp(name, "--sector")) o->sector = val;
		else if (!strcmp(name, "--doc")) o->doc = val;
		else if (!strcmp(name, "--by")) o->by = val;
		else if (!strcmp(name, "--suite")) o->suite = val;
		else if (!strcmp(name, "--nats")) o->nats = val;
		else if (!strcmp(name, "--stream")) o->stream = val;
		else if (!strcmp(name, "--web")) o->web = val;
		else if (!strcmp(name, "--host")) {
			if (!*val)
				return usage_error(cmd, "--host: expected an address such as 127.0.0.1, got \"%s\"", val);
			o->host = val;
		} else if (!strcmp(name, "--ack-wait")) {
			char *end;
			errno = 0;
			double v = strtod(val, &end);
			if (errno || *end || !*val || !(v >= 0.5 && v <= 86400)) {
				fprintf(stderr, "entente %s: --ack-wait: expected seconds from 0.5 to 86400, "
						"got \"%s\"\n(see `entente %s --help`)\n", cmd, val, cmd);
				return EXIT_USAGE;
			}
			o->ack_wait = v;
		} else if (!strcmp(name, "--min-confidence")) {
			char *end;
			errno = 0;
			double v = strtod(val, &end);
			if (errno || *end || !*val || !(v >= 0 && v <= 1))
				return usage_error(cmd, "--min-confidence: expected a number from 0 to 1, "
							"got \"%s\"", val);
			o->min_confidence = v;
		} else if (!strcmp(name, "--port")) {
			char *end;
			errno = 0;
			long v = strtol(val, &end, 10);
			if (errno || *end || !*val || v < 0 || v > 65535)
				return usage_error(cmd, "--port: expected a port number from 0 to 65535, got \"%s\"", val);
			o->port = v;
		} else {
			/* --limit, --batch, --jobs, --max-deliver: whole numbers */
			long max = !strcmp(name, "--jobs") ? 256 : !strcmp(name, "--max-deliver") ? 1000
											: 100000000;
			char *end;
			errno = 0;
			long v = strtol(val, &end, 10);
			if (errno || *end || !*val || v <= 0 || v > max) {
				if (max == 100000000)
					fprintf(stderr, "entente %s: %s: expected a positive whole number, got "
							"\"%s\"\n(see `entente %s --help`)\n", cmd, name, val, cmd);
				else
					fprintf(stderr, "entente %s: %s: expected a whole number from 1 to %ld, "
							"got \"%s\"\n(see `entente %s --help`)\n", cmd, name, max,
						val, cmd);
				return EXIT_USAGE;
			}
			if (!strcmp(name, "--limit")) o->limit = v;
			else if (!strcmp(name, "--batch")) o->batch = v;
			else if (!strcmp(name, "--jobs")) o->jobs = v;
			else o->max_deliver = v;
		}
	}
	if (o->actors_format && !o->nactors)
		return usage_error(cmd, "--actors-format %s: no --actors FILE to read", o->actors_format);
	if (o->since && !valid_date_arg(o->since))
		return usage_error(cmd, "--since: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%s\"", o->since);
	if (o->until && !valid_date_arg(o->until))
		return usage_error(cmd, "--until: expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%s\"", o->until);
	return 0;
}

static bool is_iso3(const char *s)
{
	if (strlen(s) != 3)
		return false;
	for (int i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
	return true;
}

/* ---- coding articles ---- */

/* Adds the --actors dictionaries to engine e (docs/lexicon.md, "TABARI and
 * PETRARCH dictionaries"): their malformed lines go to stderr (at most
 * max_warnings a file, 0: all) and are counted in *warnings, then one
 * summary line a file. Returns 1 when a file cannot be used at all. */
static int load_actors(const char *cmd, const opts *o, ent_engine *e, unsigned max_warnings,
		       long *warnings)
{
	ent_dict_options dopt = ENT_DICT_OPTIONS_INIT;
	dopt.warnings = stderr;
	dopt.max_warnings = max_warnings;
	if (o->actors_format)
		ent_dict_format_parse(o->actors_format, &dopt.format);
	for (int i = 0; i < o->nactors; i++) {
		ent_dict_stats st;
		ent_error err = {0};
		if (ent_engine_add_actors(e, o->actors[i], &dopt, &st, &err) != 0) {
			fprintf(stderr, "entente %s: %s\n", cmd, err.message);
			return 1;
		}
		if (warnings)
			*warnings += st.warnings;
		fprintf(stderr, "entente %s: %s (%s): %ld entries, %ld added (%ld persons with "
				"dated roles), %ld phrases, %ld already known (built-in or an earlier file), %ld "
				"without a code entente represents, %ld warnings, %.0f ms\n",
			cmd, o->actors[i], ent_dict_format_name(st.format), st.entries, st.added,
			st.persons, st.phrases, st.shadowed, st.unsupported, st.warnings,
			st.seconds * 1000);
	}
	return 0;
}

/* The engine of o->data alone, its error on stderr. */
static int open_engine_quiet(const opts *o, ent_engine **e)
{
	ent_error err = {0};
	if (ent_engine_new(e, o->data, &err) != 0) {
		fprintf(stderr, "entente lexicon: %s\n", err.message);
		return 1;
	}
	return 0;
}

static int open_engine(const char *cmd, const opts *o, ent_engine **e)
{
	ent_error err = {0};
	if (ent_engine_new(e, o->data, &err) != 0) {
		fprintf(stderr, "entente %s: %s\n", cmd, err.message);
		return 1;
	}
	if (load_actors(cmd, o, *e, 10, NULL)) {
		ent_engine_free(*e);
		*e = NULL;
		return 1;
	}
	return 0;
}

typedef int (*doc_fn)(const ent_input *in, const ent_doc *d, void *ctx);

/* Totals of the last each_doc run, for --stats. */
static struct {
	long docs, sentences, events;
	double bytes;
} totals;

/* Reads every input, codes it, calls fn. Returns the number of refused
 * inputs, or -1 when reading could not start. */
static long each_doc(const char *cmd, ent_engine *e, const opts *o, doc_fn fn, void *ctx,
		     bool progress)
{
	ent_reader *r = NULL;
	ent_error err = {0};
	ent_reader_options ro = ENT_READER_OPTIONS_INIT;
	if (ent_reader_new(&r, o->args, (size_t)o->nargs, &ro, &err) != 0) {
		fprintf(stderr, "entente %s: %s\n", cmd, err.message);
		return -1;
	}
	long failed = 0, done = 0, events = 0;
	ent_input in;
	int rc;
	time_t last = 0;
	while ((rc = ent_reader_next(r, &in)) != 0) {
		if (rc < 0) {
			fprintf(stderr, "entente %s: %s\n", cmd, ent_reader_error(r));
			failed++;
			continue;
		}
		if (o->lang && !in.lang)
			in.lang = o->lang;
		ent_doc *d = NULL;
		if (ent_code(e, &in, &d) != 0) {
			fprintf(stderr, "entente %s: %s: could not be coded\n", cmd, in.origin);
			failed++;
			continue;
		}
		events += (long)ent_doc_event_count(d);
		totals.docs++;
		totals.sentences += (long)ent_doc_sentence_count(d);
		totals.events += (long)ent_doc_event_count(d);
		totals.bytes += (double)in.len;
		int stop = fn(&in, d, ctx);
		ent_doc_free(d);
		done++;
		if (stop) {
			failed++;
			break;
		}
		if (progress) {
			time_t now = time(NULL);
			if (now != last) {
				fprintf(stderr, "\r%ld documents, %ld events, %ld refused", done, events, failed);
				last = now;
			}
		}
	}
	if (progress)
		fprintf(stderr, "\r%ld documents, %ld events, %ld refused\n", done, events, failed);
	ent_reader_free(r);
	return failed;
}

typedef struct code_ctx {
	bool csv, brief, scored_only;
	double min_confidence;
} code_ctx;

static int print_doc(const ent_input *in, const ent_doc *d, void *p)
{
	(void)in;
	code_ctx *c = p;
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		const ent_event *ev = ent_doc_event(d, i);
		if (c->scored_only && ev->code[0] == '0' && ev->code[1] == '1')
			continue;
		if (ev->confidence + 1e-9 < c->min_confidence)
			continue;
		if (c->brief) {
			ent_event_write_brief(stdout, ev);
			continue;
		}
		ent_record r;
		ent_record_from_event(&r, d, ev);
		if (c->csv)
			ent_record_write_csv(stdout, &r);
		else
			ent_record_write_json(stdout, &r);
	}
	return 0;
}

static int cmd_code(int argc, char **argv)
{
	opts o;
	int rc = parse("code", argc, argv,
		       " --data --actors --actors-format --lang --format --scored-only --min-confidence "
		       "--stats ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(CODE_HELP, stdout);
		free(o.args);
		return rc;
	}
	code_ctx c = {0};
	c.scored_only = o.scored_only;
	c.min_confidence = o.min_confidence;
	if (o.format && strcmp(o.format, "jsonl") && strcmp(o.format, "csv") &&
	    strcmp(o.format, "brief")) {
		rc = usage_error("code", "--format must be jsonl, csv or brief, not \"%s\"", o.format);
		free(o.args);
		return rc;
	}
	c.csv = o.format && !strcmp(o.format, "csv");
	c.brief = o.format && !strcmp(o.format, "brief");
	if (!o.nargs) {
		free(o.args);
		return usage_error("code", "%s", "no PATH given (use - for standard input)");
	}
	ent_engine *e;
	if (open_engine("code", &o, &e)) {
		free(o.args);
		return 1;
	}
	if (c.csv)
		ent_record_write_csv_header(stdout);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long failed = each_doc("code", e, &o, print_doc, &c, false);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (o.stats) {
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr,
			"entente code: %ld documents, %ld sentences, %ld events, %.1f MB in %.3f s "
			"(%.0f sentences/s, %.2f MB/s)\n",
			totals.docs, totals.sentences, totals.events, totals.bytes / 1e6, secs,
			secs > 0 ? (double)totals.sentences / secs : 0.0,
			secs > 0 ? totals.bytes / 1e6 / secs : 0.0);
	}
	ent_engine_free(e);
	free(o.args);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "entente code: cannot write output: %s\n", strerror(errno));
		return 1;
	}
	return failed ? 1 : 0;
}

/* ---- ingest ---- */

typedef struct ingest_ctx {
	ent_store *s;
	long in_batch, batch, added, skipped;
	bool failed;
} ingest_ctx;

static int store_doc(const ent_input *in, const ent_doc *d, void *p)
{
	ingest_ctx *c = p;
	if (c->in_batch == 0 && ent_store_begin(c->s) != 0) {
		fprintf(stderr, "entente ingest: %s\n", ent_store_error(c->s));
		c->failed = true;
		return 1;
	}
	bool was_new = false;
	if (ent_store_put(c->s, in, d, &was_new) != 0) {
		fprintf(stderr, "entente ingest: %s: %s\n", in->origin, ent_store_error(c->s));
		c->failed = true;
		return 1;
	}
	if (was_new)
		c->added++;
	else
		c->skipped++;
	if (++c->in_batch >= c->batch) {
		if (ent_store_commit(c->s) != 0) {
			fprintf(stderr, "entente ingest: %s\n", ent_store_error(c->s));
			c->failed = true;
			return 1;
		}
		c->in_batch = 0;
	}
	return 0;
}

static const char *db_path(const opts *o)
{
	if (o->db)
		return o->db;
	const char *env = getenv("ENTENTE_DB");
	return env && *env ? env : "entente.db";
}

/* A PostgreSQL URL rather than a SQLite file? */
static bool db_is_url(const char *db)
{
	return strstr(db, "://") != NULL;
}

static int open_store(const char *cmd, const opts *o, ent_store **s)
{
	ent_error err = {0};
	if (strcmp(cmd, "ingest") != 0 && !db_is_url(db_path(o)) && access(db_path(o), F_OK) != 0) {
		fprintf(stderr, "entente %s: %s: no such database (create it with `entente ingest`)\n",
			cmd, db_path(o));
		return 1;
	}
	if (ent_store_open(s, db_path(o), &err) != 0) {
		fprintf(stderr, "entente %s: %s\n", cmd, err.message);
		return 1;
	}
	return 0;
}

static int cmd_ingest(int argc, char **argv)
{
	opts o;
	int rc = parse("ingest", argc, argv, " --data --actors --actors-format --db --lang --batch ",
		       &o);
	if (rc || o.help) {
		if (o.help)
			fputs(INGEST_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (!o.nargs) {
		free(o.args);
		return usage_error("ingest", "%s", "no PATH given (use - for standard input)");
	}
	ent_engine *e = NULL;
	ent_store *s = NULL;
	int status = 1;
	if (open_engine("ingest", &o, &e) || open_store("ingest", &o, &s))
		goto done;
	ingest_ctx c = {.s = s, .batch = o.batch ? o.batch : 500};
	long failed = each_doc("ingest", e, &o, store_doc, &c, isatty(2));
	if (c.in_batch && !c.failed && ent_store_commit(s) != 0) {
		fprintf(stderr, "entente ingest: %s\n", ent_store_error(s));
		c.failed = true;
	}
	if (c.failed)
		ent_store_rollback(s);
	long docs = 0, events = 0;
	ent_store_counts(s, &docs, &events);
	fprintf(stderr, "entente ingest: %ld new documents, %ld already stored, %ld refused; "
			"%s now holds %ld documents and %ld events\n",
		c.added, c.skipped, failed < 0 ? 0 : failed, db_path(&o), docs, events);
	status = (failed != 0 || c.failed) ? 1 : 0;
done:
	ent_store_close(s);
	ent_engine_free(e);
	free(o.args);
	return status;
}

/* ---- events, pairs, show ---- */

typedef struct list_ctx {
	int format; /* 0 table, 1 jsonl, 2 csv */
	long n;
} list_ctx;

/* Prints s in a column of `width` characters (UTF-8 code points, not
 * bytes), cut or padded with spaces, then one space. */
static void column(const char *s, int width)
{
	if (!s || !*s)
		s = "-";
	int n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && n < width) {
		size_t len = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
		for (size_t k = 0; k < len && *p; k++)
			putchar(*p++);
		n++;
	}
	for (; n < width; n++)
		putchar(' ');
	putchar(' ');
}

static int print_record(const ent_record *r, void *p)
{
	list_ctx *c = p;
	c->n++;
	if (c->format == 1)
		return ent_record_write_json(stdout, r) ? 1 : 0;
	if (c->format == 2)
		return ent_record_write_csv(stdout, r) ? 1 : 0;
	char sectors[256] = "";
	size_t off = 0;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (r->sectors & (1ULL << i))
			off += (size_t)snprintf(sectors + off, sizeof sectors - off > 0 ? sizeof sectors - off : 0,
						"%s%s", off ? "," : "", ent_sector_name(i));
	printf("%-6lld ", (long long)r->id);
	column(r->date, 10);
	column(r->code, 5);
	column(r->source, 7);
	column(r->target, 7);
	column(r->source_name, 22);
	column(r->target_name, 22);
	column(r->place, 12);
	printf("%s%s\n", r->negated ? "NOT " : "", sectors);
	return 0;
}

/* ---- merged events, relations, timeline, search ---- */

/* "energy,trade" for a sector mask, into buf. */
static const char *sector_list(uint64_t mask, char *buf, size_t size)
{
	size_t off = 0;
	buf[0] = 0;
	for (unsigned i = 0; i < ENT_SECTOR_COUNT && off < size; i++)
		if (mask & (1ULL << i))
			off += (size_t)snprintf(buf + off, size - off, "%s%s", off ? "," : "",
						ent_sector_name(i));
	return buf;
}

static json_t *json_str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *json_sectors(uint64_t mask)
{
	json_t *a = json_array();
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (mask & (1ULL << i))
			json_array_append_new(a, json_string(ent_sector_name(i)));
	return a;
}

static json_t *json_quads(const long q[5])
{
	json_t *o = json_object();
	char k[2] = "0";
	for (int i = 1; i <= 4; i++) {
		k[0] = (char)('0' + i);
		json_object_set_new(o, k, json_integer(q[i]));
	}
	return o;
}

/* A merged event as the JSON of `events --merged --format jsonl` and of
 * the latest events of `relations --format json`. */
static json_t *json_merged(const ent_merged *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(m->id));
	json_object_set_new(o, "code", json_string(m->code));
	json_object_set_new(o, "a", json_string(m->a));
	json_object_set_new(o, "b", json_string(m->b));
	json_object_set_new(o, "source", json_str_or_null(m->source));
	json_object_set_new(o, "target", json_str_or_null(m->target));
	json_object_set_new(o, "source_name", json_str_or_null(m->source_name));
	json_object_set_new(o, "target_name", json_str_or_null(m->target_name));
	json_object_set_new(o, "date", json_str_or_null(m->date));
	json_object_set_new(o, "last_date", json_str_or_null(m->last_date));
	json_object_set_new(o, "place", json_str_or_null(m->place));
	json_object_set_new(o, "sectors", json_sectors(m->sectors));
	json_object_set_new(o, "goldstein", json_real(m->goldstein));
	json_object_set_new(o, "quad_class", json_integer(m->quad));
	json_object_set_new(o, "plover", json_str_or_null(m->plover));
	json_object_set_new(o, "mentions", json_integer(m->mentions));
	json_object_set_new(o, "articles", json_integer(m->articles));
	json_object_set_new(o, "outlets", json_integer(m->outlets));
	return o;
}

static void json_print(json_t *j, bool line)
{
	json_dumpf(j, stdout, JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0 |
			      (line ? JSON_COMPACT : JSON_INDENT(2)) | JSON_REAL_PRECISION(6));
	putchar('\n');
}

static int print_merged(const ent_merged *m, void *p)
{
	list_ctx *c = p;
	c->n++;
	char sectors[512];
	sector_list(m->sectors, sectors, sizeof sectors);
	if (c->format == 1) {
		json_t *j = json_merged(m);
		json_print(j, true);
		json_decref(j);
	} else if (c->format == 2) {
		printf("%lld,%s,%s,%s,%s,%s,\"%s\",\"%s\",%s,%s,\"%s\",%s,%.1f,%d,%s,%ld,%ld,%ld\n",
		       (long long)m->id, m->code, m->a, m->b, m->source ? m->source : "",
		       m->target ? m->target : "", m->source_name ? m->source_name : "",
		       m->target_name ? m->target_name : "", m->date ? m->date : "",
		       m->last_date ? m->last_date : "", m->place ? m->place : "", sectors,
		       m->goldstein, m->quad, m->plover ? m->plover : "", m->mentions, m->articles,
		       m->outlets);
	} else {
		printf("%-6lld ", (long long)m->id);
		column(m->date, 10);
		column(m->code, 5);
		column(m->source, 7);
		column(m->target, 7);
		column(m->source_name, 22);
		column(m->target_name, 22);
		column(m->place, 12);
		printf("%8ld %8ld %7ld %s\n", m->mentions, m->articles, m->outlets, sectors);
	}
	return 0;
}

/* events --format gdelt: the record with its document's url and ingest
 * time (looked up once per document). */
typedef struct gdelt_ctx {
	ent_store *s;
	char *doc_id, *url, *added;
	long n;
} gdelt_ctx;

static int print_gdelt(const ent_record *r, void *p)
{
	gdelt_ctx *c = p;
	c->n++;
	if (!c->doc_id || strcmp(c->doc_id, r->doc_id) != 0) {
		free(c->doc_id);
		free(c->url);
		free(c->added);
		c->url = c->added = NULL;
		c->doc_id = strdup(r->doc_id);
		ent_store_document_meta(c->s, r->doc_id, &c->url, &c->added);
	}
	ent_gdelt_extra x = {.url = c->url, .ingested_at = c->added};
	return ent_record_write_gdelt_ex(stdout, r, &x) ? 1 : 0;
}

static const char *RELATIONS_HELP =
	"usage: entente relations [--db FILE] [--since DATE] [--until DATE]\n"
	"                         [--format table|json|csv] A [B]\n"
	"\n"
	"The relation between countries A and B (ISO3 codes), or between A and\n"
	"everyone, over merged events (one event reported by several articles\n"
	"counts once; roots 02-20): counts by quad class and by root, mean\n"
	"Goldstein value and its monthly series, the sectors of cooperation with\n"
	"their counts and last date, the highest declared level of the\n"
	"relationship stated by the articles and when it was first seen, and\n"
	"the latest 10 merged events with their mention counts.\n";

static const char *TIMELINE_HELP =
	"usage: entente timeline [--db FILE] [--by month|week] [--since DATE]\n"
	"                        [--until DATE] [--format table|json|csv] A B\n"
	"\n"
	"Merged events (roots 02-20) between A and B per month (default) or per\n"
	"ISO week (YYYY-Www): count, counts by quad class, mean Goldstein value.\n"
	"Periods without events are left out; so are events dated by year only.\n";

static const char *SEARCH_HELP =
	"usage: entente search [--db FILE] [--limit N] [--format table|json] QUERY\n"
	"\n"
	"Searches the stored articles (titles and texts; case and accents do\n"
	"not matter: Hanoi finds Hanoï). Every word of QUERY is required;\n"
	"\"quoted phrases\" are kept together; nothing else is syntax. Prints\n"
	"the best articles first (default 20), a passage with the matches in\n"
	"[ ], and under each its scored events.\n";

/* The table/json/csv choice of relations and timeline: 0, 1, 2; -1 bad. */
static int report_format(const char *f, bool csv_ok)
{
	if (!f || !strcmp(f, "table"))
		return 0;
	if (!strcmp(f, "json"))
		return 1;
	if (csv_ok && !strcmp(f, "csv"))
		return 2;
	return -1;
}

static int check_countries(const char *cmd, const opts *o, int min, int max)
{
	if (o->nargs < min || o->nargs > max)
		return usage_error(cmd, "%s", min == max ? "expected two countries A B (ISO3 codes such as VNM RUS)"
						     : "expected one or two countries A [B] (ISO3 codes such as VNM RUS)");
	for (int i = 0; i < o->nargs; i++)
		if (!is_iso3(o->args[i]))
			return usage_error(cmd, "expected an ISO3 country code of 3 capital letters such as VNM, got \"%s\"",
					   o->args[i]);
	return 0;
}

typedef struct latest_ctx {
	json_t *list; /* json, or NULL for the table */
} latest_ctx;

static int latest_merged(const ent_merged *m, void *p)
{
	latest_ctx *c = p;
	if (c->list) {
		json_array_append_new(c->list, json_merged(m));
		return 0;
	}
	char sectors[512];
	printf("  %-10s %-5s %-7s %-7s %3ld mention%s, %ld article%s  %s%s%s\n",
	       m->date ? m->date : "-", m->code, m->source ? m->source : "-",
	       m->target ? m->target : "-", m->mentions, m->mentions == 1 ? " " : "s",
	       m->articles, m->articles == 1 ? "" : "s", m->place ? m->place : "",
	       m->place ? " " : "", sector_list(m->sectors, sectors, sizeof sectors));
	return 0;
}

static json_t *relation_json(const ent_relation *r, const opts *o)
{
	json_t *j = json_object();
	json_object_set_new(j, "a", json_string(r->a));
	json_object_set_new(j, "b", r->b[0] ? json_string(r->b) : json_null());
	json_object_set_new(j, "since", json_str_or_null(o->since));
	json_object_set_new(j, "until", json_str_or_null(o->until));
	json_object_set_new(j, "events", json_integer(r->events));
	json_object_set_new(j, "mentions", json_integer(r->mentions));
	json_object_set_new(j, "articles", json_integer(r->articles));
	json_t *roots = json_object();
	for (int i = 1; i <= 20; i++)
		if (r->by_root[i]) {
			char k[3] = {(char)('0' + i / 10), (char)('0' + i % 10), 0};
			json_object_set_new(roots, k, json_integer(r->by_root[i]));
		}
	json_object_set_new(j, "by_root", roots);
	json_object_set_new(j, "by_quad", json_quads(r->by_quad));
	json_object_set_new(j, "goldstein_mean", r->events ? json_real(r->goldstein_mean) : json_null());
	json_object_set_new(j, "first_date", r->first_date[0] ? json_string(r->first_date) : json_null());
	json_object_set_new(j, "last_date", r->last_date[0] ? json_string(r->last_date) : json_null());
	json_t *months = json_array();
	for (size_t i = 0; i < r->nmonths; i++) {
		const ent_relation_month *m = &r->months[i];
		json_t *mo = json_object();
		json_object_set_new(mo, "month", json_string(m->month));
		json_object_set_new(mo, "events", json_integer(m->events));
		json_object_set_new(mo, "by_quad", json_quads(m->by_quad));
		json_object_set_new(mo, "goldstein_mean", json_real(m->goldstein_mean));
		json_array_append_new(months, mo);
	}
	json_object_set_new(j, "months", months);
	json_t *sectors = json_array();
	for (size_t i = 0; i < r->nsectors; i++) {
		json_t *so = json_object();
		json_object_set_new(so, "sector", json_string(r->sectors[i].sector));
		json_object_set_new(so, "events", json_integer(r->sectors[i].events));
		json_object_set_new(so, "last_date", r->sectors[i].last_date[0]
							? json_string(r->sectors[i].last_date) : json_null());
		json_array_append_new(sectors, so);
	}
	json_object_set_new(j, "sectors", sectors);
	if (r->level) {
		json_t *lv = json_object();
		json_object_set_new(lv, "name", json_string(r->level));
		json_object_set_new(lv, "rank", json_integer(r->level_rank));
		json_object_set_new(lv, "since", r->level_since[0] ? json_string(r->level_since) : json_null());
		json_object_set_new(lv, "doc_id", json_str_or_null(r->level_doc));
		json_object_set_new(j, "level", lv);
	} else {
		json_object_set_new(j, "level", json_null());
	}
	return j;
}

static void relation_table(const ent_relation *r)
{
	printf("relation %s-%s", r->a, r->b[0] ? r->b : "(everyone)");
	if (r->first_date[0])
		printf(", %s to %s", r->first_date, r->last_date);
	printf("\n  merged events: %ld (%ld mentions in %ld articles)\n", r->events, r->mentions,
	       r->articles);
	printf("  by quad class: verbal cooperation %ld, material cooperation %ld, verbal conflict %ld, "
	       "material conflict %ld\n", r->by_quad[1], r->by_quad[2], r->by_quad[3], r->by_quad[4]);
	printf("  by root:");
	for (int i = 1; i <= 20; i++)
		if (r->by_root[i])
			printf(" %02d:%ld", i, r->by_root[i]);
	printf("\n");
	if (r->events)
		printf("  Goldstein mean: %+.2f\n", r->goldstein_mean);
	else
		printf("  Goldstein mean: -\n");
	if (r->level)
		printf("  declared level: %s (rank %d) since %s, first stated in %s\n", r->level,
		       r->level_rank, r->level_since[0] ? r->level_since : "an undated article",
		       r->level_doc ? r->level_doc : "-");
	else
		printf("  declared level: none stated\n");
	printf("  monthly:\n");
	for (size_t i = 0; i < r->nmonths; i++) {
		const ent_relation_month *m = &r->months[i];
		printf("    %s %4ld events  quad %ld/%ld/%ld/%ld  Goldstein %+.2f\n", m->month, m->events,
		       m->by_quad[1], m->by_quad[2], m->by_quad[3], m->by_quad[4], m->goldstein_mean);
	}
	if (!r->nmonths)
		printf("    (no dated events)\n");
	printf("  sectors:\n");
	for (size_t i = 0; i < r->nsectors; i++)
		printf("    %-24s %4ld events, last %s\n", r->sectors[i].sector, r->sectors[i].events,
		       r->sectors[i].last_date[0] ? r->sectors[i].last_date : "undated");
	if (!r->nsectors)
		printf("    (none)\n");
}

static void relation_csv(const ent_relation *r)
{
	printf("a,b,events,mentions,articles,verbal_coop,material_coop,verbal_conflict,"
	       "material_conflict,goldstein_mean,first_date,last_date,level,level_rank,level_since,"
	       "level_doc,sectors\n");
	printf("%s,%s,%ld,%ld,%ld,%ld,%ld,%ld,%ld,%.4f,%s,%s,\"%s\",%d,%s,\"%s\",\"", r->a, r->b,
	       r->events, r->mentions, r->articles, r->by_quad[1], r->by_quad[2], r->by_quad[3],
	       r->by_quad[4], r->goldstein_mean, r->first_date, r->last_date,
	       r->level ? r->level : "", r->level ? r->level_rank : 0, r->level_since,
	       r->level_doc ? r->level_doc : "");
	for (size_t i = 0; i < r->nsectors; i++)
		printf("%s%s:%ld", i ? ";" : "", r->sectors[i].sector, r->sectors[i].events);
	printf("\"\n");
}

static int cmd_relations(int argc, char **argv)
{
	opts o;
	int rc = parse("relations", argc, argv, " --db --since --until --format ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(RELATIONS_HELP, stdout);
		free(o.args);
		return rc;
	}
	int format = report_format(o.format, true);
	if (format < 0) {
		rc = usage_error("relations", "--format must be table, json or csv, not \"%s\"", o.format);
		free(o.args);
		return rc;
	}
	if ((rc = check_countries("relations", &o, 1, 2))) {
		free(o.args);
		return rc;
	}
	const char *a = o.args[0], *b = o.nargs > 1 ? o.args[1] : NULL;
	ent_store *s;
	if (open_store("relations", &o, &s)) {
		free(o.args);
		return 1;
	}
	ent_relation *r = NULL;
	int status = 0;
	if (ent_store_relation(s, a, b, o.since, o.until, &r) != 0) {
		fprintf(stderr, "entente relations: %s\n", ent_store_error(s));
		status = 1;
		goto done;
	}
	ent_filter f = ENT_FILTER_INIT;
	char pa[4], pb[4];
	snprintf(pa, sizeof pa, "%s", a);
	snprintf(pb, sizeof pb, "%s", b ? b : "");
	if (b) {
		f.pair_a = pa;
		f.pair_b = pb;
	} else {
		f.country = pa;
	}
	f.since = o.since;
	f.until = o.until;
	f.scored_only = true;
	f.newest_first = true;
	f.limit = 10;
	latest_ctx lc = {0};
	if (format == 1) {
		json_t *j = relation_json(r, &o);
		lc.list = json_array();
		rc = ent_store_merged(s, &f, latest_merged, &lc);
		json_object_set_new(j, "latest", lc.list);
		if (rc == 0)
			json_print(j, false);
		json_decref(j);
	} else if (format == 2) {
		relation_csv(r);
	} else {
		relation_table(r);
		printf("  latest merged events:\n");
		rc = ent_store_merged(s, &f, latest_merged, &lc);
		if (r->events == 0)
			printf("    (none)\n");
	}
	if (rc < 0) {
		fprintf(stderr, "entente relations: %s\n", ent_store_error(s));
		status = 1;
	}
done:
	ent_relation_free(r);
	ent_store_close(s);
	free(o.args);
	return status;
}

typedef struct timeline_ctx {
	int format;
	json_t *list;
	long n;
} timeline_ctx;

static int print_bucket(const ent_bucket *b, void *p)
{
	timeline_ctx *c = p;
	c->n++;
	if (c->format == 1) {
		json_t *o = json_object();
		json_object_set_new(o, "period", json_string(b->period));
		json_object_set_new(o, "events", json_integer(b->events));
		json_object_set_new(o, "by_quad", json_quads(b->by_quad));
		json_object_set_new(o, "goldstein_mean", json_real(b->goldstein_mean));
		json_array_append_new(c->list, o);
	} else if (c->format == 2) {
		printf("%s,%ld,%ld,%ld,%ld,%ld,%.4f\n", b->period, b->events, b->by_quad[1],
		       b->by_quad[2], b->by_quad[3], b->by_quad[4], b->goldstein_mean);
	} else {
		printf("%-8s %6ld %5ld %5ld %5ld %5ld %+9.2f\n", b->period, b->events, b->by_quad[1],
		       b->by_quad[2], b->by_quad[3], b->by_quad[4], b->goldstein_mean);
	}
	return 0;
}

static int cmd_timeline(int argc, char **argv)
{
	opts o;
	int rc = parse("timeline", argc, argv, " --db --since --until --format --by ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(TIMELINE_HELP, stdout);
		free(o.args);
		return rc;
	}
	timeline_ctx c = {0};
	c.format = report_format(o.format, true);
	if (c.format < 0) {
		rc = usage_error("timeline", "--format must be table, json or csv, not \"%s\"", o.format);
		free(o.args);
		return rc;
	}
	if (o.by && strcmp(o.by, "month") && strcmp(o.by, "week")) {
		rc = usage_error("timeline", "--by must be month or week, not \"%s\"", o.by);
		free(o.args);
		return rc;
	}
	bool weekly = o.by && !strcmp(o.by, "week");
	if ((rc = check_countries("timeline", &o, 2, 2))) {
		free(o.args);
		return rc;
	}
	ent_store *s;
	if (open_store("timeline", &o, &s)) {
		free(o.args);
		return 1;
	}
	json_t *j = NULL;
	if (c.format == 1) {
		j = json_object();
		json_object_set_new(j, "a", json_string(o.args[0]));
		json_object_set_new(j, "b", json_string(o.args[1]));
		json_object_set_new(j, "by", json_string(weekly ? "week" : "month"));
		c.list = json_array();
		json_object_set_new(j, "buckets", c.list);
	} else if (c.format == 2) {
		printf("period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_mean\n");
	} else {
		printf("%-8s %6s %5s %5s %5s %5s %9s\n", "period", "events", "vcoop", "mcoop", "vconf",
		       "mconf", "goldstein");
	}
	rc = ent_store_timeline(s, o.args[0], o.args[1], o.since, o.until, weekly, print_bucket, &c);
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "entente timeline: %s\n", ent_store_error(s));
		status = 1;
	} else if (j) {
		json_print(j, false);
	}
	json_decref(j);
	ent_store_close(s);
	free(o.args);
	return status;
}

typedef struct search_ctx {
	ent_store *s;
	bool json;
	json_t *hits, *events;
	long n;
} search_ctx;

static int search_event(const ent_record *r, void *p)
{
	search_ctx *c = p;
	char sectors[512];
	sector_list(r->sectors, sectors, sizeof sectors);
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(r->id));
		json_object_set_new(o, "code", json_string(r->code));
		json_object_set_new(o, "source", json_str_or_null(r->source));
		json_object_set_new(o, "target", json_str_or_null(r->target));
		json_object_set_new(o, "source_name", json_str_or_null(r->source_name));
		json_object_set_new(o, "target_name", json_str_or_null(r->target_name));
		json_object_set_new(o, "date", json_str_or_null(r->date));
		json_object_set_new(o, "place", json_str_or_null(r->place));
		json_object_set_new(o, "sectors", json_sectors(r->sectors));
		json_object_set_new(o, "negated", json_boolean(r->negated));
		json_array_append_new(c->events, o);
		return 0;
	}
	printf("    %s|%s|%s|%s|%s|%s|%s|%s|%s\n", r->code, r->source ? r->source : "-",
	       r->source_name ? r->source_name : "-", r->target ? r->target : "-",
	       r->target_name ? r->target_name : "-", r->date ? r->date : "-",
	       r->place ? r->place : "-", sectors[0] ? sectors : "-", r->negated ? "negated" : "-");
	return 0;
}

static int print_hit(const ent_search_hit *h, void *p)
{
	search_ctx *c = p;
	c->n++;
	/* the hit's strings live until the callback returns: copy the id */
	char *doc = strdup(h->doc_id);
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "doc_id", json_string(h->doc_id));
		json_object_set_new(o, "title", json_str_or_null(h->title));
		json_object_set_new(o, "date", json_str_or_null(h->date));
		json_object_set_new(o, "url", json_str_or_null(h->url));
		json_object_set_new(o, "snippet", json_str_or_null(h->snippet));
		json_object_set_new(o, "rank", json_real(h->rank));
		json_object_set_new(o, "scored_events", json_integer(h->events));
		c->events = json_array();
		json_object_set_new(o, "events", c->events);
		json_array_append_new(c->hits, o);
	} else {
		printf("%s  %s  %s\n", h->doc_id, h->date ? h->date : "-", h->title ? h->title : "");
		printf("  %s\n", h->snippet ? h->snippet : "");
		printf("  %ld scored event%s\n", h->events, h->events == 1 ? "" : "s");
	}
	free(doc);
	return 0;
}

/* Collects the hits' doc_ids, then lists their events (a store query may
 * not run inside the search's callback while its statement is open? It
 * may: SQLite allows it; done after for clarity of output order). */
static int cmd_search(int argc, char **argv)
{
	opts o;
	int rc = parse("search", argc, argv, " --db --limit --format ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(SEARCH_HELP, stdout);
		free(o.args);
		return rc;
	}
	int format = report_format(o.format, false);
	if (format < 0) {
		rc = usage_error("search", "--format must be table or json, not \"%s\"", o.format);
		free(o.args);
		return rc;
	}
	if (o.nargs < 1) {
		free(o.args);
		return usage_error("search", "%s", "no QUERY given (words, or a \"quoted phrase\")");
	}
	ent_buf q = ENT_BUF_INIT;
	for (int i = 0; i < o.nargs; i++) {
		if (i)
			ent_buf_putc(&q, ' ');
		ent_buf_puts(&q, o.args[i]);
	}
	if (!q.data || strspn(q.data, " \t\r\n") == q.len) {
		ent_buf_dispose(&q);
		free(o.args);
		return usage_error("search", "%s", "the QUERY is empty (give words, or a \"quoted phrase\")");
	}
	ent_store *s;
	if (open_store("search", &o, &s)) {
		ent_buf_dispose(&q);
		free(o.args);
		return 1;
	}
	search_ctx c = {.s = s, .json = format == 1};
	c.hits = json_array();
	/* First the hits (as JSON, also for the table), then their events. */
	bool was_json = c.json;
	c.json = true;
	rc = ent_store_search(s, q.data, o.limit > 0 ? (size_t)o.limit : 20, print_hit, &c);
	c.json = was_json;
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "entente search: %s\n", ent_store_error(s));
		status = rc == ENT_EUSAGE ? EXIT_USAGE : 1;
		goto done;
	}
	size_t i;
	json_t *hit;
	json_array_foreach(c.hits, i, hit) {
		ent_filter f = ENT_FILTER_INIT;
		f.doc_id = json_string_value(json_object_get(hit, "doc_id"));
		f.scored_only = true;
		c.events = json_object_get(hit, "events");
		if (!c.json) {
			const char *title = json_string_value(json_object_get(hit, "title"));
			const char *date = json_string_value(json_object_get(hit, "date"));
			const char *snip = json_string_value(json_object_get(hit, "snippet"));
			printf("%s  %s  %s\n", f.doc_id, date ? date : "-", title ? title : "");
			printf("  %s\n", snip ? snip : "");
		}
		if (ent_store_events(s, &f, search_event, &c) < 0) {
			fprintf(stderr, "entente search: %s\n", ent_store_error(s));
			status = 1;
			break;
		}
	}
	if (c.json) {
		json_t *j = json_object();
		json_object_set_new(j, "query", json_string(q.data));
		json_object_set_new(j, "hits", json_incref(c.hits));
		json_print(j, false);
		json_decref(j);
	} else {
		printf("(%ld article%s)\n", c.n, c.n == 1 ? "" : "s");
	}
done:
	json_decref(c.hits);
	ent_store_close(s);
	ent_buf_dispose(&q);
	free(o.args);
	return status;
}

static int fill_filter(const char *cmd, const opts *o, ent_filter *f, char *a, char *b)
{
	*f = (ent_filter)ENT_FILTER_INIT;
	if (o->country) {
		if (!is_iso3(o->country))
			return usage_error(cmd, "--country: expected an ISO 3166 alpha-3 code such as VNM, got \"%s\"", o->country);
		f->country = o->country;
	}
	if (o->pair) {
		if (strlen(o->pair) != 7 || o->pair[3] != ',')
			return usage_error(cmd, "--pair: expected two ISO3 codes as A,B (VNM,RUS), got \"%s\"", o->pair);
		memcpy(a, o->pair, 3);
		a[3] = 0;
		memcpy(b, o->pair + 4, 3);
		b[3] = 0;
		if (!is_iso3(a) || !is_iso3(b))
			return usage_error(cmd, "--pair: expected two ISO3 codes as A,B (VNM,RUS), got \"%s\"", o->pair);
		f->pair_a = a;
		f->pair_b = b;
	}
	if (o->sector && ent_sector_index(o->sector) < 0)
		return usage_error(cmd, "--sector: unknown sector \"%s\" (see EVENTS.md section 5)", o->sector);
	if (o->code && (strlen(o->code) < 2 || strlen(o->code) > 4 ||
			strspn(o->code, "0123456789") != strlen(o->code)))
		return usage_error(cmd, "--code: expected 2 to 4 digits (04, 057), got \"%s\"", o->code);
	f->since = o->since;
	f->until = o->until;
	f->code = o->code;
	f->sector = o->sector;
	f->doc_id = o->doc;
	f->scored_only = !o->all;
	f->limit = o->limit > 0 ? (size_t)o->limit : 0;
	return 0;
}

static int cmd_events(int argc, char **argv)
{
	opts o;
	int rc = parse("events", argc, argv,
		       " --db --country --pair --since --until --code --sector --doc --all --limit --format"
		       " --merged --newest ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(EVENTS_HELP, stdout);
		free(o.args);
		return rc;
	}
	list_ctx c = {0};
	if (o.format) {
		if (!strcmp(o.format, "jsonl")) c.format = 1;
		else if (!strcmp(o.format, "csv")) c.format = 2;
		else if (!strcmp(o.format, "gdelt")) c.format = 3;
		else if (strcmp(o.format, "table")) {
			free(o.args);
			return usage_error("events", "--format must be table, jsonl, csv or gdelt, not \"%s\"", o.format);
		}
		if (c.format == 3 && o.merged) {
			free(o.args);
			return usage_error("events", "%s", "--format gdelt lists mentions: use it without --merged");
		}
	}
	if (o.nargs) {
		rc = usage_error("events", "unexpected argument \"%s\"", o.args[0]);
		free(o.args);
		return rc;
	}
	ent_filter f;
	char a[4], b[4];
	if ((rc = fill_filter("events", &o, &f, a, b))) {
		free(o.args);
		return rc;
	}
	ent_store *s;
	if (open_store("events", &o, &s)) {
		free(o.args);
		return 1;
	}
	f.newest_first = o.newest;
	gdelt_ctx g = {.s = s};
	if (o.merged && c.format == 2)
		printf("id,code,a,b,source,target,source_name,target_name,date,last_date,place,sectors,"
		       "goldstein,quad_class,plover,mentions,articles,outlets\n");
	else if (o.merged && c.format == 0)
		printf("%-6s %-10s %-5s %-7s %-7s %-22s %-22s %-12s %8s %8s %7s %s\n", "id", "date",
		       "code", "source", "target", "source_name", "target_name", "place", "mentions",
		       "articles", "outlets", "sectors");
	else if (c.format == 2)
		ent_record_write_csv_header(stdout);
	else if (c.format == 0)
		printf("%-6s %-10s %-5s %-7s %-7s %-22s %-22s %-12s %s\n", "id", "date", "code",
		       "source", "target", "source_name", "target_name", "place", "sectors");
	if (o.merged)
		rc = ent_store_merged(s, &f, print_merged, &c);
	else if (c.format == 3)
		rc = ent_store_events(s, &f, print_gdelt, &g);
	else
		rc = ent_store_events(s, &f, print_record, &c);
	free(g.doc_id);
	free(g.url);
	free(g.added);
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "entente events: %s\n", ent_store_error(s));
		status = 1;
	} else if (c.format == 0) {
		printf("(%ld %sevent%s)\n", c.n, o.merged ? "merged " : "", c.n == 1 ? "" : "s");
	}
	ent_store_close(s);
	free(o.args);
	return status;
}

static int print_pair(const ent_pair_summary *p, void *ctx)
{
	int *format = ctx;
	if (*format == 2) {
		printf("%s,%s,%ld,%ld,%ld,%ld,%ld,%.2f,%s,%s,\"%s\"\n", p->a, p->b, p->events,
		       p->by_quad[1], p->by_quad[2], p->by_quad[3], p->by_quad[4], p->goldstein_mean,
		       p->first_date ? p->first_date : "", p->last_date ? p->last_date : "",
		       p->top_codes ? p->top_codes : "");
		return 0;
	}
	printf("%-3s-%-3s %7ld %5ld %5ld %5ld %5ld %+9.2f  %-10s %-10s %s\n", p->a, p->b, p->events,
	       p->by_quad[1], p->by_quad[2], p->by_quad[3], p->by_quad[4], p->goldstein_mean,
	       p->first_date ? p->first_date : "-", p->last_date ? p->last_date : "-",
	       p->top_codes ? p->top_codes : "");
	return 0;
}

static int cmd_pairs(int argc, char **argv)
{
	opts o;
	int rc = parse("pairs", argc, argv, " --db --country --since --until --format --limit ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(PAIRS_HELP, stdout);
		free(o.args);
		return rc;
	}
	int format = 0;
	if (o.format && !strcmp(o.format, "csv"))
		format = 2;
	else if (o.format && strcmp(o.format, "table")) {
		free(o.args);
		return usage_error("pairs", "--format must be table or csv, not \"%s\"", o.format);
	}
	ent_filter f;
	char a[4], b[4];
	if ((rc = fill_filter("pairs", &o, &f, a, b))) {
		free(o.args);
		return rc;
	}
	ent_store *s;
	if (open_store("pairs", &o, &s)) {
		free(o.args);
		return 1;
	}
	if (format == 2)
		printf("a,b,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_mean,first_date,last_date,top_codes\n");
	else
		printf("%-7s %7s %5s %5s %5s %5s %9s  %-10s %-10s %s\n", "pair", "events", "vcoop",
		       "mcoop", "vconf", "mconf", "goldstein", "first", "last", "top codes");
	rc = ent_store_pairs(s, &f, print_pair, &format);
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "entente pairs: %s\n", ent_store_error(s));
		status = 1;
	}
	ent_store_close(s);
	free(o.args);
	return status;
}

typedef struct show_ctx {
	ent_store *s;
	int status;
} show_ctx;

static void put_marked(const char *text, size_t len, const ent_span *spans[3],
		       const char *open[3], const char *close[3], size_t from, size_t to)
{
	for (size_t i = from; i < to && i < len; i++) {
		for (int k = 0; k < 3; k++)
			if (spans[k]->len && spans[k]->start == i)
				fputs(open[k], stdout);
		putchar(text[i]);
		for (int k = 2; k >= 0; k--)
			if (spans[k]->len && spans[k]->start + spans[k]->len == i + 1)
				fputs(close[k], stdout);
	}
}

static int show_record(const ent_record *r, void *p)
{
	show_ctx *c = p;
	printf("event %lld: %s (Goldstein %+.1f, quad class %d, PLOVER %s)%s\n",
	       (long long)r->id, r->code, r->goldstein, r->quad,
	       r->plover ? r->plover : "-", r->negated ? " NEGATED" : "");
	printf("  source:  %s%s%s%s\n", r->source ? r->source : "-", r->source_name ? " (" : "",
	       r->source_name ? r->source_name : "", r->source_name ? ")" : "");
	printf("  target:  %s%s%s%s\n", r->target ? r->target : "-", r->target_name ? " (" : "",
	       r->target_name ? r->target_name : "", r->target_name ? ")" : "");
	printf("  date:    %s\n  place:   %s", r->date ? r->date : "unknown",
	       r->place ? r->place : "unknown");
	double lat, lon;
	if (r->geo)
		printf(" (%.5f, %.5f)", r->latitude, r->longitude);
	else if (r->place && ent_place_coordinates(NULL, r->place, r->source, r->target, &lat, &lon))
		printf(" (%.5f, %.5f)", lat, lon); /* the store keeps no coordinates */
	printf("\n");
	printf("  sectors:");
	for (unsigned i = 0; i < ENT_SECTOR_COUNT; i++)
		if (r->sectors & (1ULL << i))
			printf(" %s", ent_sector_name(i));
	printf("\n  confidence: %.2f\n", r->confidence);
	char *text = NULL, *date = NULL, *title = NULL;
	size_t len = 0;
	if (ent_store_document(c->s, r->doc_id, &text, &len, &date, &title) == 0) {
		printf("article %s (date %s)\n", r->doc_id, date ? date : "unknown");
		if (title)
			printf("  title: %s\n", title);
		const ent_span *spans[3] = {&r->trigger, &r->source_span, &r->target_span};
		const char *open[3] = {"[[", "{{", "<<"}, *close[3] = {"]]", "}}", ">>"};
		printf("evidence:\n  ");
		put_marked(text, len, spans, open, close, r->sentence_span.start,
			   (size_t)r->sentence_span.start + r->sentence_span.len);
		printf("\n  ([[trigger]] {{source}} <<target>>; bytes %u-%u of the article)\n",
		       r->sentence_span.start, r->sentence_span.start + r->sentence_span.len);
	} else {
		printf("evidence: %.*s\n", (int)r->sentence_len, r->sentence ? r->sentence : "");
	}
	free(text);
	free(date);
	free(title);
	return 0;
}

static int cmd_show(int argc, char **argv)
{
	opts o;
	int rc = parse("show", argc, argv, " --db ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(SHOW_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (o.nargs != 1) {
		free(o.args);
		return usage_error("show", "%s", "expected one EVENT_ID");
	}
	char *end;
	long long id = strtoll(o.args[0], &end, 10);
	if (*end || id <= 0) {
		rc = usage_error("show", "EVENT_ID must be a positive number, got \"%s\"", o.args[0]);
		free(o.args);
		return rc;
	}
	show_ctx c = {0};
	if (open_store("show", &o, &c.s)) {
		free(o.args);
		return 1;
	}
	rc = ent_store_event(c.s, id, show_record, &c);
	if (rc < 0)
		fprintf(stderr, "entente show: %s\n", ent_store_error(c.s));
	ent_store_close(c.s);
	free(o.args);
	return rc < 0 ? 1 : 0;
}

/* ---- eval ---- */

typedef struct eval_ctx {
	ENT_VEC(ent_record) recs;
	ent_arena strings;
} eval_ctx;

static const char *keep(eval_ctx *c, const char *s, size_t n)
{
	return s ? ent_arena_strndup(&c->strings, s, n) : NULL;
}

static const char *keep_str(eval_ctx *c, const char *s)
{
	return s ? keep(c, s, strlen(s)) : NULL;
}

static int collect_doc(const ent_input *in, const ent_doc *d, void *p)
{
	(void)in;
	eval_ctx *c = p;
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		ent_record r;
		ent_record_from_event(&r, d, ent_doc_event(d, i));
		/* the doc, its events and its text go away after this call: copy
		 * what points into them (names and places live in the engine) */
		r.doc_id = keep_str(c, r.doc_id);
		r.code = keep_str(c, r.code);
		r.source = keep_str(c, r.source);
		r.target = keep_str(c, r.target);
		r.date = keep_str(c, r.date);
		r.sentence = keep(c, r.sentence, r.sentence_len);
		ENT_VEC_PUSH(c->recs, r);
	}
	return 0;
}

/* `entente eval --suite plover|petr2 FILE` (cli/suites.c); frees o->args. */
static int cmd_eval_suite(opts *o)
{
	ent_suite_kind kind;
	ent_engine *e = NULL;
	int rc;
	if (ent_suite_kind_parse(o->suite, &kind) != 0)
		rc = usage_error("eval", "--suite must be plover or petr2, not \"%s\"", o->suite);
	else if (o->nargs != 1)
		rc = usage_error("eval", "%s", "--suite takes one FILE, the suite's gold file");
	else if (open_engine("eval", o, &e))
		rc = 1;
	else {
		ent_suite_options so = {.lang = o->lang, .data_dir = o->data,
					.per_doc = o->per_doc, .json = o->json};
		ent_error err = {0};
		size_t failed = 0;
		rc = ent_suite_run(e, kind, o->args[0], &so, stdout, &failed, &err);
		if (rc)
			fprintf(stderr, "entente eval: %s\n", err.message);
		rc = rc || failed ? 1 : 0;
		ent_engine_free(e);
	}
	free(o->args);
	return rc;
}

static int cmd_eval(int argc, char **argv)
{
	opts o;
	int rc = parse("eval", argc, argv,
		       " --data --actors --actors-format --lang --per-doc --json --suite ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(EVAL_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (o.suite)
		return cmd_eval_suite(&o);
	if (o.nargs < 2) {
		free(o.args);
		return usage_error("eval", "%s", "expected GOLD_DIR and at least one PATH");
	}
	const char *gold = o.args[0];
	o.args++;
	o.nargs--;
	ent_engine *e;
	if (open_engine("eval", &o, &e)) {
		free(o.args - 1);
		return 1;
	}
	eval_ctx c;
	memset(&c, 0, sizeof c);
	ent_arena_init(&c.strings, 64 * 1024);
	long failed = each_doc("eval", e, &o, collect_doc, &c, false);
	ent_eval_options eo = {.per_doc = o.per_doc, .json = o.json};
	ent_error err = {0};
	rc = ent_eval_run(gold, c.recs.items, c.recs.len, &eo, stdout, &err);
	if (rc)
		fprintf(stderr, "entente eval: %s\n", err.message);
	ENT_VEC_FREE(c.recs);
	ent_arena_dispose(&c.strings);
	ent_engine_free(e);
	free(o.args - 1);
	return rc || failed ? 1 : 0;
}

/* ---- lexicon ---- */

static int cmd_lexicon(int argc, char **argv)
{
	opts o;
	int rc = parse("lexicon", argc, argv, " --data --actors --actors-format ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(LEXICON_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (o.nargs < 1 || strcmp(o.args[0], "check") || o.nargs > 2) {
		free(o.args);
		return usage_error("lexicon", "%s", "expected `check [DIR]`");
	}
	const char *dir = o.nargs == 2 ? o.args[1] : o.data;
	if (!dir)
		dir = ent_default_data_dir();
	int n = ent_lexicon_check(dir, stderr);
	char gazetteer[4096];
	if (ent_gazetteer_file(dir, gazetteer, sizeof gazetteer))
		printf("gazetteer: %s\n", gazetteer);
	else
		printf("gazetteer: none (built without libgeonames-dev, or ENTENTE_GAZETTEER=none): "
		       "places are the hand-written ones only, without coordinates\n");
	if (!n && o.nactors) {
		/* the --actors dictionaries too: every malformed line is a problem */
		opts eo = o;
		eo.data = dir;
		ent_engine *e = NULL;
		long warnings = 0;
		if (open_engine_quiet(&eo, &e) || load_actors("lexicon", &eo, e, 0, &warnings))
			n = 1;
		else
			n = (int)(warnings > 1000000 ? 1000000 : warnings);
		ent_engine_free(e);
		if (n) {
			fprintf(stderr, "entente lexicon: %d problem%s in the --actors dictionaries\n", n,
				n > 1 ? "s" : "");
			free(o.args);
			return 1;
		}
		printf("%s: all lexicon files and --actors dictionaries are valid\n", dir);
		free(o.args);
		return 0;
	}
	if (n) {
		fprintf(stderr, "entente lexicon: %d problem%s in %s\n", n, n > 1 ? "s" : "", dir);
		free(o.args);
		return 1;
	}
	printf("%s: all lexicon files are valid\n", dir);
	free(o.args);
	return 0;
}

/* ---- serve ---- */

static int cmd_serve(int argc, char **argv)
{
	ent_server_options so = ENT_SERVER_OPTIONS_INIT;
	opts o;
	int rc0 = parse("serve", argc, argv, " --db --host --port --web ", &o);
	if (rc0 || o.help) {
		if (o.help)
			fputs(SERVE_HELP, stdout);
		free(o.args);
		return rc0;
	}
	if (o.nargs) {
		rc0 = usage_error("serve", "unexpected argument \"%s\"", o.args[0]);
		free(o.args);
		return rc0;
	}
	free(o.args);
	o.args = NULL;
	if (o.host)
		so.host = o.host;
	if (o.web)
		so.web_dir = o.web;
	if (o.port >= 0)
		so.port = (unsigned)o.port;
	ent_store *s;
	if (open_store("serve", &o, &s))
		return 1;
	ent_store_close(s);
	so.db = db_path(&o);
	ent_error err = {0};
	int rc = ent_server_run(&so, &err);
	if (rc == ENT_EUSAGE)
		return usage_error("serve", "%s", err.message);
	if (rc) {
		fprintf(stderr, "entente serve: %s\n", err.message);
		return 1;
	}
	return 0;
}

/* ---- work queue: submit, worker, status (src/queue, docs/scale-out.md) ---- */

static const char *SUBMIT_HELP =
	"usage: entente submit --nats URL [--stream NAME] [--lang fr|en] PATH...\n"
	"\n"
	"Reads the articles like `entente ingest` (files, JSON Lines, folders, -)\n"
	"and publishes each as one message to the NATS JetStream work queue at\n"
	"URL (nats://HOST:PORT; several, comma-separated, for a cluster; default\n"
	"$ENTENTE_NATS): subject entente.docs of the stream ENTENTE, or\n"
	"entente.docs.NAME of the stream NAME (--stream; created if missing,\n"
	"work-queue retention, file storage). The\n"
	"message id is the SHA-256 of the text: a document already submitted\n"
	"within the last hour is acknowledged as a duplicate and not queued\n"
	"again. Each publish waits for the server's acknowledgement. Prints the\n"
	"counts of published, duplicate and refused documents. Exit status 1\n"
	"when any input was refused or a publish failed. `entente worker` codes\n"
	"and stores what is queued; docs/scale-out.md tells more.\n";

static const char *WORKER_HELP =
	"usage: entente worker --nats URL [--db DB] [--stream NAME] [--jobs N]\n"
	"                      [--batch N] [--max-deliver N] [--ack-wait SECONDS]\n"
	"                      [--lang fr|en] [--data DIR] [--exit-when-empty]\n"
	"                      [--actors FILE]... [--actors-format FMT]\n"
	"\n"
	"Codes the documents queued by `entente submit` and stores them in DB\n"
	"(default $ENTENTE_DB or entente.db; created if absent). Several workers,\n"
	"on one machine or many, share the queue (the durable consumer\n"
	"entente-workers of stream NAME, default ENTENTE). Each of N threads\n"
	"(--jobs, default 1) fetches up to --batch documents (default 50), codes\n"
	"them, stores them in one transaction and only then acknowledges them;\n"
	"a worker that dies loses nothing: its documents are delivered again\n"
	"after --ack-wait seconds (default 30) and the store keeps one copy of\n"
	"each text. A document that fails is retried after a delay; at its\n"
	"--max-deliver-th attempt (default 5) it goes, with its error, to the\n"
	"dead-letter subject entente.dead (stream ENTENTE_DEAD). The last worker\n"
	"started sets the consumer's ack wait and max deliveries. --actors FILE\n"
	"codes with a TABARI or PETRARCH dictionary added (`entente --help`).\n"
	"\n"
	"Runs until SIGINT (Ctrl-C) or SIGTERM, which finish the batch in hand,\n"
	"or, with --exit-when-empty, until nothing is queued nor in progress.\n"
	"Progress goes to stderr, then a final count. Exit status 1 when this\n"
	"worker sent any document to the dead letters or could not run.\n";

static const char *STATUS_HELP =
	"usage: entente status --nats URL [--stream NAME] [--db DB] [--format table|json]\n"
	"\n"
	"Shows the work queue at URL: documents queued (messages in stream NAME,\n"
	"default ENTENTE), of which not yet delivered (pending) and being coded\n"
	"(awaiting acknowledgement), and the dead letters (stream ENTENTE_DEAD).\n"
	"With --db, also the documents and events stored in DB. Nothing is\n"
	"created or changed.\n";

/* Options of submit, worker and status (parse() has none of them). */
/* The queue commands take the common options plus the queue's. */
typedef opts qopts;

/* parse()'s rules for the queue commands: `allowed` lists the options. */
static int qparse(const char *cmd, int argc, char **argv, const char *allowed, qopts *o)
{
	int rc = parse(cmd, argc, argv, allowed, o);
	if (rc)
		return rc;
	if (!o->batch)
		o->batch = 50;
	if (o->help)
		return 0;
	if (!o->nats) {
		const char *env = getenv("ENTENTE_NATS");
		o->nats = env && *env ? env : NULL;
	}
	if (!o->nats)
		return usage_error(cmd, "%s", "no --nats URL given (nats://HOST:PORT, or set ENTENTE_NATS)");
	if (o->stream && (!*o->stream || strpbrk(o->stream, ". *>\t")))
		return usage_error(cmd, "--stream: expected a name without '.', '*', '>' or spaces, got \"%s\"",
				   o->stream);
	return 0;
}

/* A database URL (postgresql://...) rather than a file path. */

static atomic_int queue_stop; /* lock-free: safe in a signal handler */

static void on_queue_signal(int sig)
{
	(void)sig;
	atomic_store(&queue_stop, 1);
}

static int cmd_submit(int argc, char **argv)
{
	qopts o;
	int rc = qparse("submit", argc, argv, " --nats --stream --lang ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(SUBMIT_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (!o.nargs) {
		free(o.args);
		return usage_error("submit", "%s", "no PATH given (use - for standard input)");
	}
	ent_submit_options so = {.url = o.nats, .stream = o.stream, .paths = o.args,
				 .npaths = (size_t)o.nargs, .lang = o.lang, .log = stderr,
				 .progress = isatty(2)};
	ent_submit_result r;
	ent_error err = {0};
	rc = ent_queue_submit(&so, &r, &err);
	free(o.args);
	if (rc) {
		fprintf(stderr, "entente submit: %s\n", err.message);
		return rc == ENT_EUSAGE ? EXIT_USAGE : 1;
	}
	fprintf(stderr, "entente submit: %ld published, %ld duplicates, %ld refused, %ld failed "
			"(stream %s at %s)\n", r.published, r.duplicates, r.refused, r.failed,
		o.stream ? o.stream : ENT_QUEUE_STREAM, o.nats);
	return (r.refused || r.failed) ? 1 : 0;
}

static int cmd_worker(int argc, char **argv)
{
	qopts o;
	int rc = qparse("worker", argc, argv,
			" --nats --stream --db --data --actors --actors-format --lang --jobs --batch "
			"--max-deliver --ack-wait "
			"--exit-when-empty ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(WORKER_HELP, stdout);
		free(o.args);
		return rc;
	}
	if (o.nargs) {
		rc = usage_error("worker", "unexpected argument \"%s\" (documents come from the queue: "
				 "use `entente submit`)", o.args[0]);
		free(o.args);
		return rc;
	}
	opts eo = {0};
	eo.data = o.data;
	eo.db = o.db;
	memcpy(eo.actors, o.actors, sizeof eo.actors);
	eo.nactors = o.nactors;
	eo.actors_format = o.actors_format;
	ent_engine *e = NULL;
	if (open_engine("worker", &eo, &e)) {
		free(o.args);
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_queue_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	ent_worker_options wo = {.url = o.nats, .stream = o.stream, .db = db_path(&eo),
				 .engine = e, .lang = o.lang, .jobs = (int)o.jobs,
				 .batch = (int)o.batch, .max_deliver = (int)o.max_deliver,
				 .ack_wait_ms = (int)(o.ack_wait * 1000),
				 .exit_when_empty = o.exit_when_empty, .stop = &queue_stop,
				 .log = stderr, .tty = isatty(2)};
	ent_worker_result r;
	ent_error err = {0};
	rc = ent_queue_work(&wo, &r, &err);
	if (rc)
		fprintf(stderr, "entente worker: %s\n", err.message);
	long docs = r.added + r.existing;
	fprintf(stderr, "entente worker: %ld documents stored (%ld new, %ld already stored), %ld events, "
			"%ld sentences, %ld redelivered, %ld retried, %ld dead-lettered in %.3f s "
			"(%.1f documents/s, %.0f sentences/s)\n",
		docs, r.added, r.existing, r.events, r.sentences, r.redelivered, r.retried, r.dead,
		r.seconds, r.seconds > 0 ? (double)docs / r.seconds : 0.0,
		r.seconds > 0 ? (double)r.sentences / r.seconds : 0.0);
	ent_engine_free(e);
	free(o.args);
	return (rc || r.dead) ? 1 : 0;
}

static int cmd_status(int argc, char **argv)
{
	qopts o;
	int rc = qparse("status", argc, argv, " --nats --stream --db --format ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(STATUS_HELP, stdout);
		free(o.args);
		return rc;
	}
	bool json = o.format && !strcmp(o.format, "json");
	if (o.nargs || (o.format && !json && strcmp(o.format, "table"))) {
		rc = o.nargs ? usage_error("status", "unexpected argument \"%s\"", o.args[0])
			     : usage_error("status", "--format must be table or json, not \"%s\"", o.format);
		free(o.args);
		return rc;
	}
	free(o.args);
	const char *stream = o.stream ? o.stream : ENT_QUEUE_STREAM;
	ent_queue_status q;
	ent_error err = {0};
	if (ent_queue_status_get(o.nats, stream, &q, &err) != 0) {
		fprintf(stderr, "entente status: %s\n", err.message);
		return 1;
	}
	long docs = -1, events = -1;
	if (o.db) {
		ent_store *s = NULL;
		if (!db_is_url(o.db) && access(o.db, F_OK) != 0) {
			fprintf(stderr, "entente status: %s: no such database\n", o.db);
			return 1;
		}
		if (ent_store_open(&s, o.db, &err) != 0) {
			fprintf(stderr, "entente status: %s\n", err.message);
			return 1;
		}
		rc = ent_store_counts(s, &docs, &events);
		if (rc)
			fprintf(stderr, "entente status: %s\n", ent_store_error(s));
		ent_store_close(s);
		if (rc)
			return 1;
	}
	if (json) {
		json_t *j = json_object();
		json_object_set_new(j, "stream", json_string(stream));
		json_object_set_new(j, "subject", json_string(q.subject));
		json_object_set_new(j, "stream_exists", json_boolean(q.stream_exists));
		json_object_set_new(j, "messages", json_integer((json_int_t)q.messages));
		json_object_set_new(j, "bytes", json_integer((json_int_t)q.bytes));
		json_object_set_new(j, "consumer_exists", json_boolean(q.consumer_exists));
		json_object_set_new(j, "pending", json_integer((json_int_t)q.pending));
		json_object_set_new(j, "ack_pending", json_integer(q.ack_pending));
		json_object_set_new(j, "redelivered", json_integer(q.redelivered));
		json_object_set_new(j, "waiting", json_integer(q.waiting));
		json_object_set_new(j, "dead_letters", json_integer((json_int_t)q.dead));
		if (o.db) {
			json_object_set_new(j, "db", json_string(o.db));
			json_object_set_new(j, "documents", json_integer(docs));
			json_object_set_new(j, "events", json_integer(events));
		}
		json_dumpf(j, stdout, JSON_COMPACT);
		putchar('\n');
		json_decref(j);
	} else {
		if (q.stream_exists)
			printf("queue     %s (%s): %llu documents queued, %.1f MB\n", stream,
			       q.subject, (unsigned long long)q.messages, (double)q.bytes / 1e6);
		else
			printf("queue     %s: no such stream (nothing submitted yet)\n", stream);
		if (q.consumer_exists)
			printf("workers   %s: %llu pending, %lld being coded (%lld redelivered), "
			       "%lld waiting requests\n", ENT_QUEUE_CONSUMER,
			       (unsigned long long)q.pending, (long long)q.ack_pending,
			       (long long)q.redelivered, (long long)q.waiting);
		else
			printf("workers   %s: no worker has started yet\n", ENT_QUEUE_CONSUMER);
		printf("dead      %s (%s): %llu documents\n", ENT_QUEUE_DEAD_STREAM,
		       ENT_QUEUE_DEAD_SUBJECT, (unsigned long long)q.dead);
		if (o.db)
			printf("database  %s: %ld documents, %ld events\n", o.db, docs, events);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "entente status: cannot write output: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(MAIN_HELP, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(MAIN_HELP, stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("entente %s\n", ENT_VERSION);
		return 0;
	}
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} CMDS[] = {{"code", cmd_code}, {"ingest", cmd_ingest}, {"events", cmd_events},
		    {"pairs", cmd_pairs}, {"show", cmd_show}, {"eval", cmd_eval},
		    {"relations", cmd_relations}, {"timeline", cmd_timeline}, {"search", cmd_search},
		    {"lexicon", cmd_lexicon},
		    {"serve", cmd_serve},
		    {"submit", cmd_submit}, {"worker", cmd_worker}, {"status", cmd_status}};
	for (size_t i = 0; i < sizeof CMDS / sizeof CMDS[0]; i++)
		if (!strcmp(cmd, CMDS[i].name))
			return CMDS[i].fn(argc - 2, argv + 2);
	fprintf(stderr, "entente: unknown command \"%s\" (see `entente --help`)\n", cmd);
	return EXIT_USAGE;
}
