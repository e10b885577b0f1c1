/*
 * worker.c: `entente worker`: pull documents from the work queue, code
 * them, store each batch in one transaction, and only then acknowledge.
 *
 * Where it sits: after submit.c, before the store (entente.h, ent_store_*).
 *
 * One worker runs o->jobs threads. Each thread pulls from the shared
 * durable consumer through an inbox of its own (pull_batch below) and has
 * its own ent_store handle
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
 * after coding each document, so tests can kill a worker mid-run;
 * ENTENTE_PULL_MS=N makes each pull request wait N ms instead of 1000, so
 * that tests can make requests expire while their messages are still on
 * the way (they then join a later batch).
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
	natsMsg *m;          /* owned by the batch (pulled) */
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
	int pull_ms;             /* how long a pull waits; ENTENTE_PULL_MS, 1000 */
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

/* ------------------------------------------------------------------ */
/* Pulling                                                              */
/*
 * We do not use natsSubscription_Fetch. The libnats of Debian 12 (3.4.1)
 * writes past the end of the array it allocates for a fetch when messages
 * of an earlier, timed-out pull request are still waiting on the
 * subscription (heap corruption, issue #6: a 20-message fetch wrote a
 * 21st pointer past its 160-byte array, valgrind "Invalid write of size 8
 * in _fetch"; docs/scale-out.md). So a thread subscribes to an inbox of its
 * own, publishes the pull requests to the consumer's "next message" API
 * itself, and gathers what arrives into a growable array: a message of an
 * earlier request is simply taken into the current batch. Acks, Naks and
 * Terms are published to the message's reply subject, and the delivery
 * count and stream sequence are read from that subject (the JetStream
 * protocol: $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<ts>.
 * <pending>, or the longer form with domain and account hash).
 */
typedef struct puller {
	natsConnection *nc;
	natsSubscription *sub;  /* sync, on inbox */
	char inbox[128];
	char next[400];         /* $JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer> */
} puller;

typedef struct pulled {
	natsMsg **m;
	int n, cap;
} pulled;

static void pulled_clear(pulled *p)
{
	for (int i = 0; i < p->n; i++)
		natsMsg_Destroy(p->m[i]);
	p->n = 0;
}

static void pulled_push(pulled *p, natsMsg *m)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->m = ent_xrealloc(p->m, (size_t)p->cap * sizeof *p->m);
	}
	p->m[p->n++] = m;
}

static natsStatus puller_open(puller *pl, shared *sh)
{
	natsInbox *ib = NULL;
	natsStatus s = natsInbox_Create(&ib);
	if (s != NATS_OK)
		return s;
	snprintf(pl->inbox, sizeof pl->inbox, "%s", (const char *)ib);
	natsInbox_Destroy(ib);
	snprintf(pl->next, sizeof pl->next, "$JS.API.CONSUMER.MSG.NEXT.%s.%s", sh->stream,
		 ENT_QUEUE_CONSUMER);
	pl->nc = sh->c.nc;
	return natsConnection_SubscribeSync(&pl->sub, pl->nc, pl->inbox);
}

/* A JetStream status message (no payload, a Status header): 100
 * heartbeat, 404 no messages, 408 request expired, 409 limits. Its code
 * in *code (0 when absent). */
static bool status_message(natsMsg *m, int *code)
{
	const char *v = NULL;
	*code = 0;
	if (natsMsg_GetDataLength(m) != 0)
		return false;
	if (natsMsgHeader_Get(m, "Status", &v) != NATS_OK || !v)
		return false;
	*code = atoi(v);
	return true;
}

/* Asks for up to `batch` messages, waiting at most timeout_ms, and
 * appends what arrives to p. NATS_OK (p->n may be 0), or the error of a
 * lost connection. */
static natsStatus pull_batch(puller *pl, pulled *p, int batch, int timeout_ms)
{
	char req[128];
	/* the server ends the request a little before the client stops
	 * waiting, with a 408 status */
	long long expires_ns = (long long)(timeout_ms > 100 ? timeout_ms - 50 : timeout_ms) * 1000000LL;
	snprintf(req, sizeof req, "{\"batch\":%d,\"expires\":%lld}", batch, expires_ns);
	natsStatus s = natsConnection_PublishRequestString(pl->nc, pl->next, pl->inbox, req);
	if (s != NATS_OK)
		return s;
	double deadline = now_s() + timeout_ms / 1000.0;
	int users = 0;
	while (users < batch) {
		int64_t left = (int64_t)((deadline - now_s()) * 1000.0);
		if (left <= 0)
			break;
		natsMsg *m = NULL;
		s = natsSubscription_NextMsg(&m, pl->sub, left);
		if (s == NATS_TIMEOUT)
			return NATS_OK;
		if (s != NATS_OK)
			return s;
		int code;
		if (status_message(m, &code)) {
			natsMsg_Destroy(m);
			if (code == 100)
				continue; /* heartbeat */
			break;            /* this request (or an older one) ended */
		}
		if (!natsMsg_GetReply(m)) {
			natsMsg_Destroy(m);
			continue;
		}
		pulled_push(p, m);
		users++;
	}
	/* messages of earlier requests already here join this batch */
	for (;;) {
		natsMsg *m = NULL;
		if (natsSubscription_NextMsg(&m, pl->sub, 0) != NATS_OK)
			break;
		int code;
		if (status_message(m, &code) || !natsMsg_GetReply(m)) {
			natsMsg_Destroy(m);
			continue;
		}
		pulled_push(p, m);
	}
	return NATS_OK;
}

/* The delivery count and stream sequence from the reply subject. */
static void ack_metadata(natsMsg *m, uint64_t *delivered, uint64_t *seq)
{
	const char *r = natsMsg_GetReply(m);
	const char *tok[16];
	int n = 0;
	if (!r || strncmp(r, "$JS.ACK.", 8) != 0)
		return;
	for (const char *p = r; *p && n < 16; ) {
		tok[n++] = p;
		const char *dot = strchr(p, '.');
		if (!dot)
			break;
		p = dot + 1;
	}
	/* 9 tokens: $JS ACK stream consumer delivered sseq cseq ts pending;
	 * 11 or 12: $JS ACK domain hash stream consumer delivered sseq ... */
	int at = n == 9 ? 4 : n >= 11 ? 6 : -1;
	if (at < 0)
		return;
	*delivered = strtoull(tok[at], NULL, 10);
	*seq = strtoull(tok[at + 1], NULL, 10);
}

static void reply(natsConnection *nc, natsMsg *m, const char *what)
{
	const char *r = natsMsg_GetReply(m);
	if (r)
		natsConnection_PublishString(nc, r, what);
}

static void ack(natsConnection *nc, natsMsg *m)
{
	reply(nc, m, "+ACK");
}

static void nak_delay(natsConnection *nc, natsMsg *m, int64_t delay_ms)
{
	char body[64];
	snprintf(body, sizeof body, "-NAK {\"delay\":%lld}", (long long)delay_ms * 1000000LL);
	reply(nc, m, body);
}

static void term(natsConnection *nc, natsMsg *m)
{
	reply(nc, m, "+TERM");
}

static void process_batch(shared *sh, ent_store *st, item *items, pulled *list)
{
	const ent_worker_options *o = sh->o;
	int n = list->n;
	ent_worker_result r = {0};
	for (int i = 0; i < n; i++) {
		item *it = &items[i];
		memset(it, 0, sizeof *it);
		it->m = list->m[i];
		it->delivered = 1;
		ack_metadata(it->m, &it->delivered, &it->seq);
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
			ack(sh->c.nc, it->m);
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
			nak_delay(sh->c.nc, it->m, delay);
			r.retried++;
			if (o->log)
				fprintf(o->log, "%sentente worker: %s (delivery %llu of %d): %s; retry in %lld s\n",
					o->tty ? "\r" : "", name, (unsigned long long)it->delivered,
					o->max_deliver, it->error, (long long)(delay / 1000));
		} else if (dead_letter(sh, it)) {
			term(sh->c.nc, it->m);
			r.dead++;
			if (o->log)
				fprintf(o->log, "%sentente worker: %s (delivery %llu of %d): %s; sent to %s\n",
					o->tty ? "\r" : "", name, (unsigned long long)it->delivered,
					o->max_deliver, it->error, ENT_QUEUE_DEAD_SUBJECT);
		} else {
			nak_delay(sh->c.nc, it->m, 5000); /* the dead letter failed: later */
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
	puller pl = {0};
	pulled list = {0};
	item *items = NULL;
	ent_error e = {0};
	char why[256];
	if (ent_store_open(&st, o->db, &e) != 0) {
		set_fatal(sh, ENT_ESTORE, e.message);
		goto done;
	}
	natsStatus s = puller_open(&pl, sh);
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
		s = pull_batch(&pl, &list, o->batch, sh->pull_ms);
		if (list.n > 0) {
			/* messages of an earlier request may join a batch: room for all */
			if ((size_t)list.n > cap) {
				cap = (size_t)list.n;
				items = ent_xrealloc(items, cap * sizeof *items);
			}
			int got = list.n;
			process_batch(sh, st, items, &list);
			pulled_clear(&list);
			/* a short batch: the queue may be drained already */
			if (o->exit_when_empty && got < o->batch && drained(sh))
				break;
		} else if (s == NATS_OK) {
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
	}
done:
	pulled_clear(&list);
	free(list.m);
	free(items);
	natsSubscription_Destroy(pl.sub);
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
	const char *pull = getenv("ENTENTE_PULL_MS");
	sh.pull_ms = pull && atoi(pull) > 0 ? atoi(pull) : 1000;
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
