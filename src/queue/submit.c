/*
 * submit.c: `entente submit`: read documents with the normal reader and
 * publish each as one JetStream message on the work queue.
 *
 * Where it sits: before the workers (worker.c); queue.h has the message
 * format.
 *
 * Invariants:
 * - The message id is the SHA-256 of the text: the key the store uses
 *   too, so the queue drops exactly what the store would skip (within the
 *   stream's duplicate window; after it the store still skips it).
 * - Each publish waits for its acknowledgement before the next: the count
 *   printed at the end is what the server confirmed. A publish that gets
 *   no answer (server restarting, leader election) is sent again with the
 *   same message id, so a retry never makes a second copy.
 * - A document whose message would exceed the server's max_payload is
 *   refused with a message naming it, like an input the reader refuses.
 */
#include "queue/js.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

#include "core/core.h"

/* How long a publish is retried before the document counts as failed. */
#define RETRY_FOR_MS 30000

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v && *v)
		json_object_set_new(o, key, json_string(v));
}

/* The message for one document, malloc'ed into *out (NULL if the text
 * is not valid for JSON, which the reader already refuses). */
static char *encode(const ent_input *in, const char *lang, size_t *len)
{
	json_t *o = json_object();
	set_str(o, "id", in->id);
	json_object_set_new(o, "text", json_stringn(in->text, in->len));
	set_str(o, "date", in->date);
	set_str(o, "title", in->title);
	set_str(o, "lang", in->lang ? in->lang : lang);
	set_str(o, "url", in->url);
	set_str(o, "origin", in->origin);
	if (in->line)
		json_object_set_new(o, "line", json_integer(in->line));
	char *buf = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	*len = buf ? strlen(buf) : 0;
	return buf;
}

static bool transient(natsStatus s)
{
	return s == NATS_TIMEOUT || s == NATS_NO_RESPONDERS || s == NATS_CONNECTION_CLOSED ||
	       s == NATS_CONNECTION_DISCONNECTED || s == NATS_IO_ERROR || s == NATS_STALE_CONNECTION;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int ent_queue_submit(const ent_submit_options *o, ent_submit_result *out, ent_error *err)
{
	const char *stream = o->stream ? o->stream : ENT_QUEUE_STREAM;
	ent_js c = {0};
	ent_reader *r = NULL;
	int ret;
	memset(out, 0, sizeof *out);
	ent_reader_options ro = ENT_READER_OPTIONS_INIT;
	if ((ret = ent_reader_new(&r, o->paths, o->npaths, &ro, err)))
		goto done;
	/* reconnect for about as long as a publish is retried */
	if ((ret = ent_js_connect(&c, o->url, RETRY_FOR_MS / 500, err)) ||
	    (ret = ent_js_ensure_streams(&c, stream, err)))
		goto done;
	char subject[300];
	ent_js_subject(stream, subject, sizeof subject);
	int64_t max_payload = natsConnection_GetMaxPayload(c.nc);
	ent_input in;
	int rc;
	time_t last = 0;
	char why[256];
	while ((rc = ent_reader_next(r, &in)) != 0) {
		if (rc < 0) {
			if (o->log)
				fprintf(o->log, "%sentente submit: %s\n", o->progress ? "\r" : "",
					ent_reader_error(r));
			out->refused++;
			continue;
		}
		size_t len = 0;
		char *msg = encode(&in, o->lang, &len);
		if (!msg || (int64_t)len > max_payload) {
			if (o->log) {
				char where[300];
				if (in.line)
					snprintf(where, sizeof where, "%s:%u", in.origin, in.line);
				else
					snprintf(where, sizeof where, "%s", in.origin);
				fprintf(o->log, "%sentente submit: %s: %zu bytes as a message, more than "
					"the server's max_payload of %lld bytes (raise max_payload in the "
					"nats-server configuration)\n", o->progress ? "\r" : "", where, len,
					(long long)max_payload);
			}
			free(msg);
			out->refused++;
			continue;
		}
		char hash[65];
		ent_sha256_hex(in.text, in.len, hash);
		jsPubOptions po;
		jsPubOptions_Init(&po);
		po.MsgId = hash;
		po.ExpectStream = stream;
		double t0 = now_s();
		natsStatus s;
		jsErrCode je;
		jsPubAck *pa = NULL;
		for (;;) {
			je = 0;
			s = js_Publish(&pa, c.js, subject, msg, (int)len, &po, &je);
			if (s == NATS_OK || !transient(s) || (now_s() - t0) * 1000 > RETRY_FOR_MS)
				break;
			nats_Sleep(200);
		}
		free(msg);
		if (s == NATS_OK) {
			if (pa->Duplicate)
				out->duplicates++;
			else
				out->published++;
		} else {
			out->failed++;
			if (o->log)
				fprintf(o->log, "%sentente submit: %s: not published: %s\n",
					o->progress ? "\r" : "", in.id ? in.id : in.origin,
					ent_js_strerror(s, why, sizeof why));
		}
		jsPubAck_Destroy(pa);
		if (o->progress && o->log) {
			time_t now = time(NULL);
			if (now != last) {
				fprintf(o->log, "\r%ld published, %ld duplicates, %ld refused",
					out->published, out->duplicates, out->refused);
				last = now;
			}
		}
	}
	if (o->progress && o->log)
		fprintf(o->log, "\r%ld published, %ld duplicates, %ld refused\n", out->published,
			out->duplicates, out->refused);
done:
	ent_reader_free(r);
	ent_js_close(&c);
	return ret;
}
