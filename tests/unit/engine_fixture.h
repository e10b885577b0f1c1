/*
 * engine_fixture.h: the cmocka group fixture of the unit tests that code
 * text: one engine on the default lexicons (ENTENTE_DATA, set by ctest),
 * built before the group and freed after it. Include after cmocka.h and
 * entente.h; pass engine_setup and engine_teardown to
 * cmocka_run_group_tests.
 */
#ifndef ENT_TEST_ENGINE_FIXTURE_H
#define ENT_TEST_ENGINE_FIXTURE_H

static ent_engine *engine;

static int engine_setup(void **state)
{
	(void)state;
	ent_error err = {0};
	if (ent_engine_new(&engine, NULL, &err) != 0) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	return 0;
}

static int engine_teardown(void **state)
{
	(void)state;
	ent_engine_free(engine);
	return 0;
}

#endif
