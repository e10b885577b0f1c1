/*
 * test_gazetteer.c: the gazetteer (src/lexicon/gazetteer.c,
 * docs/gazetteer.md) on a small file of its own, given through
 * ENTENTE_GAZETTEER: cities found where the text says a place is meant and
 * nowhere else, cities of the same name, coordinates on events and in the
 * JSON export, the look-up `entente show` uses, and a malformed file. Does
 * not need the build's generated gazetteer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "entente/entente.h"

static char gz_file[64];
static ent_engine *engine;

static const char GAZETTEER[] =
	"# key\tname\tlang\tenglish_name\tcountry\tlatitude\tlongitude\tpopulation\n"
	"victoria\tVictoria\t*\tVictoria\tCAN\t48.43590\t-123.35155\t289625\n"
	"boukhara\tBoukhara\tfr\tBukhara\tUZB\t39.77472\t64.42861\t247644\n"
	"bukhara\tBukhara\t*\tBukhara\tUZB\t39.77472\t64.42861\t247644\n"
	"victoria\tVictoria\t*\tVictoria\tSYC\t-4.62001\t55.45501\t22881\n"
	"hanoi\tHanoi\t*\tHanoi\tVNM\t21.02450\t105.84117\t8053663\n"
	"nice\tNice\t*\tNice\tFRA\t43.70313\t7.26608\t338620\n";

static int setup(void **state)
{
	(void)state;
	snprintf(gz_file, sizeof gz_file, "/tmp/test_gazetteer_XXXXXX");
	int fd = mkstemp(gz_file);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "w");
	fputs(GAZETTEER, f);
	fclose(f);
	setenv("ENTENTE_GAZETTEER", gz_file, 1);
	ent_error err = {0};
	if (ent_engine_new(&engine, NULL, &err) != 0) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ent_engine_free(engine);
	unlink(gz_file);
	unsetenv("ENTENTE_GAZETTEER");
	return 0;
}

/* Codes text (dated 2025-05-10, French unless lang) and returns the first
 * event, copied into *out; false when there is none. */
static bool first_event(const char *text, const char *lang, ent_event *out)
{
	ent_input in = {0};
	in.id = "t";
	in.text = text;
	in.len = strlen(text);
	in.date = "2025-05-10";
	in.lang = lang ? lang : "fr";
	ent_doc *d = NULL;
	assert_int_equal(ent_code(engine, &in, &d), 0);
	bool any = ent_doc_event_count(d) > 0;
	if (any)
		*out = *ent_doc_event(d, 0);
	ent_doc_free(d);
	return any;
}

static void test_city_after_preposition(void **state)
{
	(void)state;
	ent_event ev;
	assert_true(first_event("Le président ouzbek Chavkat Mirziyoyev s'est entretenu avec le "
				"Premier ministre vietnamien Phạm Minh Chính à Boukhara le 8 mai.",
				NULL, &ev));
	assert_non_null(ev.place);
	assert_string_equal(ev.place, "Bukhara");
	assert_true(ev.geo);
	assert_true(ev.latitude > 39.77 && ev.latitude < 39.78);
	assert_true(ev.longitude > 64.42 && ev.longitude < 64.43);
}

static void test_no_locative_no_place(void **state)
{
	(void)state;
	ent_event ev;
	/* "Boukhara" as a subject's complement, "à Victoria Nuland" a person */
	assert_true(first_event("Le président ouzbek Chavkat Mirziyoyev s'est entretenu le 8 mai "
				"avec le Premier ministre vietnamien Phạm Minh Chính, qui a "
				"cité Boukhara et écrit à Victoria Nuland.",
				NULL, &ev));
	assert_null(ev.place);
	assert_false(ev.geo);
}

static void test_same_name(void **state)
{
	(void)state;
	ent_event ev;
	assert_true(first_event("Le président seychellois a reçu le ministre indien des Affaires "
				"étrangères à Victoria le 8 mai.",
				NULL, &ev));
	assert_string_equal(ev.place, "Victoria");
	assert_true(ev.latitude < 0); /* the Seychelles, not Canada */
	assert_true(first_event("Secretary of State Marco Rubio met Seychelles President Patrick "
				"Herminie in Victoria on May 6.",
				"en", &ev));
	assert_string_equal(ev.place, "Victoria");
	assert_true(ev.latitude < 0);
}

static void test_hand_written_place_has_coordinates(void **state)
{
	(void)state;
	ent_event ev;
	assert_true(first_event("Le 9 mai, à Hanoï, le Premier ministre Phạm Minh Chính a rencontré "
				"le ministre russe des Affaires étrangères Sergueï Lavrov.",
				NULL, &ev));
	assert_string_equal(ev.place, "Hanoi");
	assert_true(ev.geo);
	assert_true(ev.latitude > 21.02 && ev.latitude < 21.03);
}

static void test_json(void **state)
{
	(void)state;
	const char *text = "Le président ouzbek Chavkat Mirziyoyev s'est entretenu avec le Premier "
			   "ministre vietnamien Phạm Minh Chính à Boukhara le 8 mai.";
	ent_input in = {0};
	in.id = "t";
	in.text = text;
	in.len = strlen(text);
	in.date = "2025-05-10";
	in.lang = "fr";
	ent_doc *d = NULL;
	assert_int_equal(ent_code(engine, &in, &d), 0);
	assert_true(ent_doc_event_count(d) > 0);
	ent_record r;
	ent_record_from_event(&r, d, ent_doc_event(d, 0));
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(ent_record_write_json(f, &r), 0);
	r.geo = false;
	assert_int_equal(ent_record_write_json(f, &r), 0);
	fclose(f);
	char *second = strchr(buf, '\n');
	assert_non_null(second);
	*second++ = 0;
	assert_non_null(strstr(buf, ",\"latitude\":39.77472,\"longitude\":64.42861,"));
	assert_null(strstr(second, "latitude"));
	free(buf);
	ent_doc_free(d);
}

static void test_lookup(void **state)
{
	(void)state;
	double lat = 0, lon = 0;
	assert_true(ent_place_coordinates(NULL, "Victoria", "SYCGOV", NULL, &lat, &lon));
	assert_true(lat < 0);
	assert_true(ent_place_coordinates(NULL, "Victoria", NULL, NULL, &lat, &lon));
	assert_true(lat > 48); /* the most populous */
	assert_false(ent_place_coordinates(NULL, "Atlantis", NULL, NULL, &lat, &lon));
	char path[4096];
	assert_true(ent_gazetteer_file(NULL, path, sizeof path));
	assert_string_equal(path, gz_file);
	setenv("ENTENTE_GAZETTEER", "none", 1);
	assert_false(ent_gazetteer_file(NULL, path, sizeof path));
	setenv("ENTENTE_GAZETTEER", gz_file, 1);
}

static void test_bad_file(void **state)
{
	(void)state;
	char bad[64];
	snprintf(bad, sizeof bad, "/tmp/test_gazetteer_bad_XXXXXX");
	int fd = mkstemp(bad);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("# header\nnice\tNice\t*\tNice\tFRA\t93.7\t7.26\t1\n", f);
	fclose(f);
	setenv("ENTENTE_GAZETTEER", bad, 1);
	ent_engine *e = NULL;
	ent_error err = {0};
	assert_int_equal(ent_engine_new(&e, NULL, &err), ENT_EINVALID);
	assert_null(e);
	char want[128];
	snprintf(want, sizeof want, "%s:2: latitude", bad);
	assert_non_null(strstr(err.message, want));
	setenv("ENTENTE_GAZETTEER", gz_file, 1);
	unlink(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_city_after_preposition),
		cmocka_unit_test(test_no_locative_no_place),
		cmocka_unit_test(test_same_name),
		cmocka_unit_test(test_hand_written_place_has_coordinates),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_bad_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
