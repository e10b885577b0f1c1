/*
 * fuzz_code.c: libFuzzer target for the engine (sentence splitting,
 * lexicon matching, extraction) on arbitrary bytes. The first byte picks
 * the article date and language; the rest is the text.
 *
 *   make fuzz            (builds build-fuzz/fuzz_code with clang)
 *   mkdir -p /tmp/fuzz-corpus && build-fuzz/fuzz_code -max_total_time=60 /tmp/fuzz-corpus samples
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "entente/entente.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ent_engine *engine;
	if (!engine) {
		ent_error err = {0};
		if (ent_engine_new(&engine, NULL, &err) != 0)
			abort();
	}
	if (size == 0)
		return 0;
	static const char *const DATES[] = {NULL, "2025", "2025-05", "2025-05-10"};
	static const char *const LANGS[] = {NULL, "fr", "en", NULL};
	ent_input in = {0};
	in.id = "fuzz";
	in.date = DATES[data[0] & 3];
	in.lang = LANGS[(data[0] >> 2) & 3];
	in.title = (data[0] & 16) ? "t" : NULL;
	in.text = (const char *)data + 1;
	in.len = size - 1;
	ent_doc *d = NULL;
	if (ent_code(engine, &in, &d) != 0)
		abort();
	for (size_t i = 0; i < ent_doc_event_count(d); i++) {
		const ent_event *ev = ent_doc_event(d, i);
		if ((size_t)ev->sentence.start + ev->sentence.len > in.len)
			abort();
	}
	ent_doc_free(d);
	return 0;
}
