/*
 * main.c: the `entente` program. Subcommands, their options and help, exit
 * codes and progress. It sees only the public API (include/entente) and the
 * scorer of eval.h.
 *
 * Exit codes: 0 success; 1 some input or operation failed (the run went on
 * with the rest and said what failed on stderr); 2 bad usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/eval.h"
#include "core/core.h"
#include "entente/entente.h"

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
	"  show EVENT_ID         one event, its article and its evidence\n"
	"  eval GOLD_DIR PATH... code articles and score them against gold files\n"
	"  lexicon check [DIR]   validate the lexicon files\n"
	"\n"
	"PATH is an article file (optional first line ' date YYYY-MM[-DD] Title'),\n"
	"a JSON Lines file (.jsonl: id, text, date, title, lang, url), a directory\n"
	"(read recursively) or - for standard input.\n"
	"\n"
	"Commands that code (code, ingest, eval, lexicon) take --data DIR, the\n"
	"lexicon folder (default $ENTENTE_DATA or the built-in data/); commands\n"
	"that read a database take --db FILE (default $ENTENTE_DB or entente.db).\n"
	"`entente COMMAND --help` tells more. See README.md and docs/.\n";

static const char *CODE_HELP =
	"usage: entente code [--lang fr|en] [--format jsonl|csv|brief] [--scored-only]\n"
	"                    [--stats] [--data DIR] PATH...\n"
	"\n"
	"Codes the articles and writes one event a line to standard output as\n"
	"JSON Lines (the fields of EVENTS.md section 2, plus goldstein,\n"
	"quad_class, plover, confidence and byte offsets), CSV, or the one-line\n"
	"form of the golden tests (brief: code|source|source_name|target|\n"
	"target_name|date|place|sectors|negated). Nothing is\n"
	"stored. --scored-only leaves out root 01 (public statements). --stats\n"
	"prints to stderr: documents, sentences, events, MB, seconds, sentences/s.\n"
	"Exit status 1 when any input was refused (its message goes to stderr).\n";

static const char *INGEST_HELP =
	"usage: entente ingest [--db FILE] [--lang fr|en] [--batch N] [--data DIR]\n"
	"                      PATH...\n"
	"\n"
	"Codes the articles and stores documents and events in the SQLite\n"
	"database FILE (default entente.db; created if absent). Documents are\n"
	"keyed by the SHA-256 of their text: ingesting the same article again is\n"
	"a no-op. Every N documents (default 500) are committed together; an\n"
	"interrupted run leaves the database as of its last commit. A progress\n"
	"line is shown on a terminal. Exit status 1 when any input was refused.\n";

static const char *EVENTS_HELP =
	"usage: entente events [--db FILE] [--country ISO3] [--pair A,B]\n"
	"                      [--since DATE] [--until DATE] [--code C]\n"
	"                      [--sector S] [--doc ID] [--all] [--limit N]\n"
	"                      [--format table|jsonl|csv]\n"
	"\n"
	"Lists stored events in date order. --country: either side is ISO3;\n"
	"--pair: between A and B in either direction; --since/--until: dates\n"
	"YYYY, YYYY-MM or YYYY-MM-DD (inclusive); --code: a code prefix (04,\n"
	"057); --sector: one of the sectors of EVENTS.md section 5. Root 01\n"
	"(statements) is left out unless --all.\n";

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
	"                    GOLD_DIR PATH...\n"
	"\n"
	"Codes the articles and scores the events against the gold files of\n"
	"GOLD_DIR (one DOC_ID.json per article) as EVENTS.md section 7 says:\n"
	"precision, recall and F1 over (root, country pair, date) keys, then the\n"
	"accuracy of codes, directions, persons, places and sectors. --per-doc\n"
	"lists each document's misses and extras.\n";

static const char *LEXICON_HELP =
	"usage: entente lexicon check [DIR]\n"
	"\n"
	"Loads every lexicon file under DIR (default: the data folder) and\n"
	"reports each problem as FILE:LINE: message. Exit status 1 when there is\n"
	"any. The format is in docs/lexicon.md.\n";

/* ---- option parsing ---- */

typedef struct opts {
	const char *data, *db, *lang, *format;
	const char *country, *pair, *since, *until, *code, *sector, *doc;
	long limit, batch;
	bool all, per_doc, json, scored_only, help, stats;
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
	o->batch = 500;
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
						    "--stats", NULL};
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
			continue;
		}
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return usage_error(cmd, "option %s needs a value", name);
		if (!strcmp(name, "--data")) o->data = val;
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
		else if (!strcmp(name, "--limit") || !strcmp(name, "--batch")) {
			char *end;
			errno = 0;
			long v = strtol(val, &end, 10);
			if (errno || *end || v <= 0 || v > 100000000) {
				fprintf(stderr, "entente %s: %s: expected a positive whole number, got \"%s\"\n"
						"(see `entente %s --help`)\n", cmd, name, val, cmd);
				return EXIT_USAGE;
			}
			if (!strcmp(name, "--limit")) o->limit = v;
			else o->batch = v;
		}
	}
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

static int open_engine(const char *cmd, const opts *o, ent_engine **e)
{
	ent_error err = {0};
	if (ent_engine_new(e, o->data, &err) != 0) {
		fprintf(stderr, "entente %s: %s\n", cmd, err.message);
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
} code_ctx;

static int print_doc(const ent_input *in, const ent_doc *d, void *p)
{
	(void)in;
	code_ctx *c = p;
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		const ent_event *ev = ent_doc_event(d, i);
		if (c->scored_only && ev->code[0] == '0' && ev->code[1] == '1')
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
	int rc = parse("code", argc, argv, " --data --lang --format --scored-only --stats ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(CODE_HELP, stdout);
		free(o.args);
		return rc;
	}
	code_ctx c = {0};
	c.scored_only = o.scored_only;
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

static int open_store(const char *cmd, const opts *o, ent_store **s)
{
	ent_error err = {0};
	if (strcmp(cmd, "ingest") != 0 && access(db_path(o), F_OK) != 0) {
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
	int rc = parse("ingest", argc, argv, " --data --db --lang --batch ", &o);
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
	ingest_ctx c = {.s = s, .batch = o.batch};
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
		       " --db --country --pair --since --until --code --sector --doc --all --limit --format ", &o);
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
		else if (strcmp(o.format, "table")) {
			free(o.args);
			return usage_error("events", "--format must be table, jsonl or csv, not \"%s\"", o.format);
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
	if (c.format == 2)
		ent_record_write_csv_header(stdout);
	else if (c.format == 0)
		printf("%-6s %-10s %-5s %-7s %-7s %-22s %-22s %-12s %s\n", "id", "date", "code",
		       "source", "target", "source_name", "target_name", "place", "sectors");
	rc = ent_store_events(s, &f, print_record, &c);
	int status = 0;
	if (rc < 0) {
		fprintf(stderr, "entente events: %s\n", ent_store_error(s));
		status = 1;
	} else if (c.format == 0) {
		printf("(%ld event%s)\n", c.n, c.n == 1 ? "" : "s");
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
	printf("  date:    %s\n  place:   %s\n", r->date ? r->date : "unknown",
	       r->place ? r->place : "unknown");
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

static int cmd_eval(int argc, char **argv)
{
	opts o;
	int rc = parse("eval", argc, argv, " --data --lang --per-doc --json ", &o);
	if (rc || o.help) {
		if (o.help)
			fputs(EVAL_HELP, stdout);
		free(o.args);
		return rc;
	}
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
	int rc = parse("lexicon", argc, argv, " --data ", &o);
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
	if (n) {
		fprintf(stderr, "entente lexicon: %d problem%s in %s\n", n, n > 1 ? "s" : "", dir);
		free(o.args);
		return 1;
	}
	printf("%s: all lexicon files are valid\n", dir);
	free(o.args);
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
		    {"lexicon", cmd_lexicon}};
	for (size_t i = 0; i < sizeof CMDS / sizeof CMDS[0]; i++)
		if (!strcmp(cmd, CMDS[i].name))
			return CMDS[i].fn(argc - 2, argv + 2);
	fprintf(stderr, "entente: unknown command \"%s\" (see `entente --help`)\n", cmd);
	return EXIT_USAGE;
}
