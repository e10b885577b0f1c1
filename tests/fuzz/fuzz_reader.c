/*
 * fuzz_reader.c: libFuzzer target for the readers: the bytes are written
 * to a file (as an article, as JSON Lines, then as an HTML page) and read
 * back; every input must end in documents or error messages, never a
 * crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "entente/entente.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_all(const char *path)
{
	ent_reader *r = NULL;
	ent_error err = {0};
	ent_reader_options o = ENT_READER_OPTIONS_INIT;
	const char *paths[] = {path};
	if (ent_reader_new(&r, paths, 1, &o, &err) != 0)
		abort();
	ent_input in;
	int rc;
	while ((rc = ent_reader_next(r, &in)) != 0)
		if (rc > 0 && in.len && !in.text)
			abort();
	ent_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char txt[64], jsonl[64], html[64];
	if (!txt[0]) {
		snprintf(txt, sizeof txt, "/tmp/entente-fuzz-%d.txt", (int)getpid());
		snprintf(jsonl, sizeof jsonl, "/tmp/entente-fuzz-%d.jsonl", (int)getpid());
		snprintf(html, sizeof html, "/tmp/entente-fuzz-%d.html", (int)getpid());
	}
	const char *paths[] = {txt, jsonl, html};
	for (int i = 0; i < 3; i++) {
		FILE *f = fopen(paths[i], "wb");
		if (!f)
			abort();
		fwrite(data, 1, size, f);
		fclose(f);
		read_all(paths[i]);
		unlink(paths[i]);
	}
	return 0;
}
