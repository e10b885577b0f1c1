/*
 * worker.c: `entente worker`: pull documents from the work queue, code
 * them, store each batch in one transaction, and only then acknowledge.
 *
 * Where it sits: after submit.c, before the store (entente.h, ent_store_*).
 *
 * One worker runs o->jobs threads. Each thread has its own pull
 * subscription on the shared durable consumer and its own ent_store handle
 * (SQLite handles are not shared across threads); the engine is shared,
 * read-only. A thread loops: fetch up to o->batch messages, code each,
 * ent_store_begin / ent_store_put each / ent_store_commit, then ack the
 * stored ones. So:
 *
 * - An ack is sent only after the commit that holds the document: a worker
 *   that dies at any point loses nothing. Its unacknowledged messages come
 *   back after AckWait, and ent_store_put skips what its commit already
 *   stored (content hash). A redelivered document is coded twice, stored
 *   once.
 * - A document that fails (coding, or its put) is Nak'ed with a delay of
 *   one second per delivery so far (at most 30 s); the rest of its batch
 *   is stored and acknowledged. At its max_deliver-th delivery it is
 *   published to the dead-letter subject with its error, then Term'ed. A
 *   document delivered more than max_deliver times (its worker died while
 *   coding it, perhaps because of it) is dead-lettered without coding.
 *   The dead letter's message id is "dead-" + content hash, so a worker
 *   dying between publishing it and Term leaves one dead letter, not two.
 * - A commit that fails (database busy past its timeout, connection lost)
 *   is retried twice; then the whole batch is Nak'ed like failed documents.
 * - A message that is not an entente document (not JSON, no "text") can
 *   never succeed: it is dead-lettered at once.
 *
 * Test hooks (environment; docs/scale-out.md): ENTENTE_FAIL_DOC=ID makes
 * coding the document ID fail every time; ENTENTE_SLOW_DOC_MS=N sleeps N ms
 * after coding each document, so tests can kill a worker mid-run.
 */
#include "queue/js.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "core/core.h"

enum { ITEM_CODED, ITEM_FAILED, ITEM_DEAD };

/* One message of a batch. */
typedef struct item {
	natsMsg *m;          /* borrowed from the fetched list */
	uint64_t delivered;  /* JetStream delivery count, 1 for the first */
	uint64_t seq;        /* stream sequence, for messages */
	json_t *root;        /* the parsed message; in's strings point into it */
	ent_input in;
	ent_doc *doc;        /* when coded */
	char hash[65];       /* SHA-256 of the text (of the raw message if no text) */
	int state;           /* ITEM_* */
	bool stored, was_new;
	char error[512];     /* why it failed, for the log and the dead letter */
} item;

/* What the threads share. */
typedef struct shared {
	const ent_worker_options *o;
	const char *stream;
	char subject[300];       /* of the stream */
	ent_js c;
	int64_t max_payload;
	pthread_mutex_t mu;      /* guards everything below */
	ent_worker_result total;
	double t0, last_progress;
	int fatal;               /* a thread could not start: all stop */
	ent_error fatal_err;
	const char *fail_doc;    /* ENTENTE_FAIL_DOC */
	int slow_ms;             /* ENTENTE_SLOW_DOC_MS */
} shared;

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool stopping(shared *sh)
{
	bool fatal;
	pthread_mutex_lock(&sh->mu);
	fatal = sh->fatal != 0;
	pthread_mutex_unlock(&sh->mu);
	return fatal || (sh->o->stop && atomic_load(sh->o->stop));
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Parses the message into it->in; false (with it->error) when it is not
 * an entente document. */
static bool parse_item(shared *sh, item *it)
{
	const char *data = natsMsg_GetData(it->m);
	int len = natsMsg_GetDataLength(it->m);
	json_error_t je;
	it->root = json_loadb(data ? data : "", (size_t)(len > 0 ? len : 0), 0, &je);
	json_t *text = it->root ? json_object_get(it->root, "text") : NULL;
	if (!json_is_string(text) || json_string_length(text) == 0) {
		ent_sha256_hex(data ? data : "", (size_t)(len > 0 ? len : 0), it->hash);
		if (!it->root)
			snprintf(it->error, sizeof it->error, "not an entente document: %s at byte %d",
				 je.text, je.position);
		else
			snprintf(it->error, sizeof it->error,
				 "not an entente document: no \"text\" string");
		return false;
	}
	ent_input *in = &it->in;
	in->text = json_string_value(text);
	in->len = json_string_length(text);
	in->id = jstr(it->root, "id");
	in->date = jstr(it->root, "date");
	in->title = jstr(it->root, "title");
	in->lang = jstr(it->root, "lang");
	if (!in->lang)
		in->lang = sh->o->lang;
	in->url = jstr(it->root, "url");
	in->origin = jstr(it->root, "origin");
	if (!in->origin)
		in->origin = "nats";
	json_t *line = json_object_get(it->root, "line");
	in->line = json_is_integer(line) ? (unsigned)json_integer_value(line) : 0;
	ent_sha256_hex(in->text, in->len, it->hash);
	return true;
}

/* Publishes the dead letter of `it`; true when JetStream has it. */
static bool dead_letter(shared *sh, item *it)
{
	json_t *o = json_object();
	if (it->in.id)
		json_object_set_new(o, "id", json_string(it->in.id));
	json_object_set_new(o, "hash", json_string(it->hash));
	json_object_set_new(o, "error", json_string(it->error));
	json_object_set_new(o, "deliveries", json_integer((json_int_t)it->delivered));
	json_object_set_new(o, "stream_seq", json_integer((json_int_t)it->seq));
	if (it->root)
		json_object_set(o, "document", it->root);
	else
		json_object_set_new(o, "raw", json_stringn_nocheck(natsMsg_GetData(it->m),
				    (size_t)natsMsg_GetDataLength(it->m)));
	char *buf = json_dumps(o, JSON_COMPACT);
	if (buf && (int64_t)strlen(buf) > sh->max_payload - 512) {
		/* too big with the document in it: the error and the ids will do */
		free(buf);
		json_object_del(o, "document");
		json_object_del(o, "raw");
		json_object_set_new(o, "document_omitted", json_true());
		buf = json_dumps(o, JSON_COMPACT);
	}
	json_decref(o);
	if (!buf)
		return false;
	char msgid[80];
	snprintf(msgid, sizeof msgid, "dead-%s", it->hash);
	jsPubOptions po;
	jsPubOptions_Init(&po);
	po.MsgId = msgid;
	jsErrCode je = 0;
	natsStatus s = js_Publish(NULL, sh->c.js, ENT_QUEUE_DEAD_SUBJECT, buf, (int)strlen(buf), &po,
				  &je);
	free(buf);
	if (s != NATS_OK && sh->o->log) {
		char why[256];
		fprintf(sh->o->log, "entente worker: cannot publish the dead letter of %s: %s\n",
			it->in.id ? it->in.id : it->hash, ent_js_strerror(s, why, sizeof why));
	}
	return s == NATS_OK;
}

/* Stores the coded items of the batch in one transaction. Items whose put
 * fails become ITEM_FAILED; if no commit succeeds, all of them do. */
static void store_batch(ent_store *st, item *items, int n)
{
	bool any = false;
	for (int i = 0; i < n; i++)
		any |= items[i].state == ITEM_CODED;
	if (!any)
		return;
	const char *why = NULL;
	for (int attempt = 0; attempt < 3; attempt++) {
		if (attempt)
			nats_Sleep(200 * attempt);
		if (ent_store_begin(st) != 0) {
			why = ent_store_error(st);
			continue;
		}
		for (int i = 0; i < n; i++) {
			item *it = &items[i];
			if (it->state != ITEM_CODED)
				continue;
			if (ent_store_put(st, &it->in, it->doc, &it->was_new) != 0) {
				it->state = ITEM_FAILED;
				snprintf(it->error, sizeof it->error, "not stored: %s", ent_store_error(st));
			}
		}
		if (ent_store_commit(st) == 0) {
			for (int i = 0; i < n; i++)
				if (items[i].state == ITEM_CODED)
					items[i].stored = true;
			return;
		}
		why = ent_store_error(st);
		ent_store_rollback(st);
	}
	for (int i = 0; i < n; i++) {
		if (items[i].state != ITEM_CODED)
			continue;
		items[i].state = ITEM_FAILED;
		snprintf(items[i].error, sizeof items[i].error, "batch not stored: %s",
			 why ? why : "unknown error");
	}
}

static void progress(shared *sh, bool final)
{
	FILE *log = sh->o->log;
	if (!log)
		return;
	double now = now_s();
	double every = sh->o->tty ? 1.0 : 10.0;
	if (!final && now - sh->last_progress < every)
		return;
	sh->last_progress = now;
	const ent_worker_result *t = &sh->total;
	double secs = now - sh->t0;
	long done = t->added + t->existing;
	if (sh->o->tty)
		fprintf(log, "\r%ld stored (%ld new), %ld retried, %ld dead, %.0f documents/s%s",
			done, t->added, t->retried, t->dead, secs > 0 ? (double)done / secs : 0.0,
			final ? "\n" : "");
	else if (!final)
		fprintf(log, "entente worker: %ld stored (%ld new), %ld retried, %ld dead, "
			"%.0f documents/s\n", done, t->added, t->retried, t->dead,
			secs > 0 ? (double)done / secs : 0.0);
}

static void process_batch(shared *sh, ent_store *st, item *items, natsMsgList *list)
{
	const ent_worker_options *o = sh->o;
	int n = list->Count;
	ent_worker_result r = {0};
	for (int i = 0; i < n; i++) {
		item *it = &items[i];
		memset(it, 0, sizeof *it);
		it->m = list->Msgs[i];
		it->delivered = 1;
		jsMsgMetaData *meta = NULL;
		if (natsMsg_GetMetaData(&meta, it->m) == NATS_OK) {
			it->delivered = meta->NumDelivered;
			it->seq = meta->Sequence.Stream;
			jsMsgMetaData_Destroy(meta);
		}
		r.received++;
		if (it->delivered > 1)
			r.redelivered++;
		if (!parse_item(sh, it)) {
			it->state = ITEM_DEAD;
			continue;
		}
		if (it->delivered > (uint64_t)o->max_deliver) {
			it->state = ITEM_DEAD;
			snprintf(it->error, sizeof it->error,
				 "delivered %llu times without being acknowledged (a worker died or "
				 "stalled while coding it)", (unsigned long long)it->delivered);
			continue;
		}
		if (sh->fail_doc && it->in.id && !strcmp(sh->fail_doc, it->in.id)) {
			it->state = ITEM_FAILED;
			snprintf(it->error, sizeof it->error,
				 "could not be coded (ENTENTE_FAIL_DOC test hook)");
			continue;
		}
		if (ent_code(o->engine, &it->in, &it->doc) != 0) {
			it->state = ITEM_FAILED;
			snprintf(it->error, sizeof it->error, "could not be coded");
			continue;
		}
		r.sentences += (long)ent_doc_sentence_count(it->doc);
		if (sh->slow_ms > 0)
			nats_Sleep(sh->slow_ms);
	}
	store_batch(st, items, n);
	for (int i = 0; i < n; i++) {
		item *it = &items[i];
		const char *name = it->in.id ? it->in.id : it->hash;
		if (it->stored) {
			natsMsg_Ack(it->m, NULL);
			if (it->was_new) {
				r.added++;
				r.events += (long)ent_doc_event_count(it->doc);
			} else {
				r.existing++;
			}
		} else if (it->state == ITEM_FAILED && it->delivered < (uint64_t)o->max_deliver) {
			int64_t delay = 1000 * (int64_t)it->delivered;
			if (delay > 30000)
				delay = 30000;
			natsMsg_NakWithDelay(it->m, delay, NULL);
			r.retried++;
			if (o->log)
				fprintf(o->log, "%sentente worker: %s (delivery %llu of %d): %s; retry in %lld s\n",
					o->tty ? "\r" : "", name, (unsigned long long)it->delivered,
					o->max_deliver, it->error, (long long)(delay / 1000));
		} else if (dead_letter(sh, it)) {
			natsMsg_Term(it->m, NULL);
			r.dead++;
			if (o->log)
				fprintf(o->log, "%sentente worker: %s (delivery %llu of %d): %s; sent to %s\n",
					o->tty ? "\r" : "", name, (unsigned long long)it->delivered,
					o->max_deliver, it->error, ENT_QUEUE_DEAD_SUBJECT);
		} else {
			natsMsg_NakWithDelay(it->m, 5000, NULL); /* the dead letter failed: later */
			r.retried++;
		}
		ent_doc_free(it->doc);
		json_decref(it->root);
	}
	pthread_mutex_lock(&sh->mu);
	ent_worker_result *t = &sh->total;
	t->received += r.received;
	t->redelivered += r.redelivered;
	t->added += r.added;
	t->existing += r.existing;
	t->events += r.events;
	t->sentences += r.sentences;
	t->retried += r.retried;
	t->dead += r.dead;
	progress(sh, false);
	pthread_mutex_unlock(&sh->mu);
}

/* True when the consumer has nothing left to deliver and nothing awaiting
 * an acknowledgement (from any worker: a dead worker's messages count
 * until AckWait sends them back). */
static bool drained(shared *sh)
{
	jsConsumerInfo *ci = NULL;
	jsErrCode je = 0;
	if (js_GetConsumerInfo(&ci, sh->c.js, sh->stream, ENT_QUEUE_CONSUMER, NULL, &je) != NATS_OK)
		return false;
	bool empty = ci->NumPending == 0 && ci->NumAckPending == 0;
	jsConsumerInfo_Destroy(ci);
	return empty;
}

static void set_fatal(shared *sh, int code, const char *msg)
{
	pthread_mutex_lock(&sh->mu);
	if (!sh->fatal) {
		sh->fatal = code;
		ent_error_set(&sh->fatal_err, code, "%s", msg);
	}
	pthread_mutex_unlock(&sh->mu);
}

static void *run(void *p)
{
	shared *sh = p;
	const ent_worker_options *o = sh->o;
	ent_store *st = NULL;
	natsSubscription *sub = NULL;
	item *items = NULL;
	ent_error e = {0};
	char why[256];
	if (ent_store_open(&st, o->db, &e) != 0) {
		set_fatal(sh, ENT_ESTORE, e.message);
		goto done;
	}
	jsSubOptions so;
	jsSubOptions_Init(&so);
	so.Stream = sh->stream;
	so.Consumer = ENT_QUEUE_CONSUMER; /* bind to it: never created nor deleted here */
	jsErrCode je = 0;
	natsStatus s = js_PullSubscribe(&sub, sh->c.js, sh->subject, ENT_QUEUE_CONSUMER, NULL,
					&so, &je);
	if (s != NATS_OK) {
		char msg[400];
		snprintf(msg, sizeof msg, "cannot subscribe to %s: %s", ENT_QUEUE_CONSUMER,
			 ent_js_strerror(s, why, sizeof why));
		set_fatal(sh, ENT_EIO, msg);
		goto done;
	}
	size_t cap = (size_t)o->batch;
	items = ent_xcalloc(cap, sizeof *items);
	double last_error = 0;
	while (!stopping(sh)) {
		natsMsgList list = {0};
		je = 0;
		s = natsSubscription_Fetch(&list, sub, o->batch, 1000, &je);
		if (list.Count > 0) {
			/* a fetch may hand over more than it asked for (messages of an
			 * earlier request arriving after a reconnect): room for all */
			if ((size_t)list.Count > cap) {
				cap = (size_t)list.Count;
				items = ent_xrealloc(items, cap * sizeof *items);
			}
			process_batch(sh, st, items, &list);
			/* a short batch: the queue may be drained already */
			if (o->exit_when_empty && list.Count < o->batch && drained(sh)) {
				natsMsgList_Destroy(&list);
				break;
			}
		} else if (s == NATS_OK || s == NATS_TIMEOUT) {
			if (o->exit_when_empty && drained(sh))
				break;
		} else {
			/* disconnected, server restarting: the client reconnects */
			if (o->log && now_s() - last_error > 10) {
				fprintf(o->log, "%sentente worker: fetching: %s (retrying)\n",
					o->tty ? "\r" : "", ent_js_strerror(s, why, sizeof why));
				last_error = now_s();
			}
			nats_Sleep(250);
		}
		natsMsgList_Destroy(&list);
	}
done:
	free(items);
	natsSubscription_Destroy(sub);
	ent_store_close(st);
	return NULL;
}

int ent_queue_work(const ent_worker_options *o, ent_worker_result *out, ent_error *err)
{
	shared sh;
	memset(&sh, 0, sizeof sh);
	memset(out, 0, sizeof *out);
	sh.o = o;
	sh.stream = o->stream ? o->stream : ENT_QUEUE_STREAM;
	ent_js_subject(sh.stream, sh.subject, sizeof sh.subject);
	sh.t0 = sh.last_progress = now_s();
	sh.fail_doc = getenv("ENTENTE_FAIL_DOC");
	if (sh.fail_doc && !*sh.fail_doc)
		sh.fail_doc = NULL;
	const char *slow = getenv("ENTENTE_SLOW_DOC_MS");
	sh.slow_ms = slow ? atoi(slow) : 0;
	pthread_mutex_init(&sh.mu, NULL);
	pthread_t *threads = NULL;
	int started = 0, ret;
	if ((ret = ent_js_connect(&sh.c, o->url, -1, err)) ||
	    (ret = ent_js_ensure_streams(&sh.c, sh.stream, err)) ||
	    (ret = ent_js_ensure_consumer(&sh.c, sh.stream, o->ack_wait_ms, o->max_deliver, err)))
		goto done;
	sh.max_payload = natsConnection_GetMaxPayload(sh.c.nc);
	threads = ent_xcalloc((size_t)o->jobs, sizeof *threads);
	for (; started < o->jobs; started++)
		if (pthread_create(&threads[started], NULL, run, &sh) != 0) {
			set_fatal(&sh, ENT_EIO, "cannot start a thread");
			break;
		}
	for (int i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	if (sh.fatal) {
		ret = sh.fatal;
		if (err)
			*err = sh.fatal_err;
	}
	progress(&sh, true);
done:
	free(threads);
	ent_js_close(&sh.c);
	*out = sh.total;
	out->seconds = now_s() - sh.t0;
	pthread_mutex_destroy(&sh.mu);
	return ret;
}
