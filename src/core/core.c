/*
 * core.c: the allocation wrapper, growable buffers, arenas, hash maps,
 * SHA-256 and date parsing that every other module builds on.
 *
 * Invariants: ent_x* never return NULL (they abort with a message);
 * ent_buf data is NUL-terminated whenever it is non-NULL; an ent_map never
 * fills beyond half its slots, so probes stay short.
 */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "entente: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *ent_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *ent_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *ent_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *ent_xstrndup(const char *s, size_t n)
{
	char *p = ent_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *ent_xstrdup(const char *s)
{
	return ent_xstrndup(s, strlen(s));
}

/* ---- buffers ---- */

void ent_buf_grow(ent_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = ent_xrealloc(b->data, cap);
	b->cap = cap;
}

void ent_buf_append(ent_buf *b, const void *p, size_t n)
{
	ent_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
}

void ent_buf_puts(ent_buf *b, const char *s)
{
	ent_buf_append(b, s, strlen(s));
}

void ent_buf_putc(ent_buf *b, char c)
{
	ent_buf_append(b, &c, 1);
}

void ent_buf_printf(ent_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		ent_buf_append(b, tmp, (size_t)n);
		return;
	}
	ent_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void ent_buf_clear(ent_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = 0;
}

void ent_buf_dispose(ent_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *ent_buf_detach(ent_buf *b)
{
	if (!b->data)
		return ent_xstrdup("");
	char *p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* ---- arenas ---- */

struct ent_arena_chunk {
	ent_arena_chunk *next;
	size_t used, size;
	_Alignas(16) unsigned char mem[];
};

void ent_arena_init(ent_arena *a, size_t chunk_size)
{
	a->head = NULL;
	a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

void *ent_arena_alloc(ent_arena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
#ifdef ENT_ARENA_MALLOC
	ent_arena_chunk *c = ent_xmalloc(sizeof *c + n);
	c->next = a->head;
	c->used = c->size = n;
	a->head = c;
	memset(c->mem, 0, n);
	return c->mem;
#else
	ent_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > a->chunk_size ? n : a->chunk_size;
		c = ent_xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->mem + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
#endif
}

char *ent_arena_strndup(ent_arena *a, const char *s, size_t n)
{
	char *p = ent_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void ent_arena_reset(ent_arena *a)
{
	ent_arena_chunk *c = a->head;
	if (!c)
		return;
	ent_arena_chunk *keep = NULL;
	while (c) {
		ent_arena_chunk *next = c->next;
#ifndef ENT_ARENA_MALLOC
		if (!keep && c->size == a->chunk_size) {
			keep = c;
			keep->used = 0;
			keep->next = NULL;
			c = next;
			continue;
		}
#endif
		free(c);
		c = next;
	}
	a->head = keep;
}

void ent_arena_dispose(ent_arena *a)
{
	ent_arena_chunk *c = a->head;
	while (c) {
		ent_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

/* ---- hashing and maps ---- */

uint64_t ent_hash_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

uint64_t ent_hash(const void *p, size_t n)
{
	return ent_hash_add(ENT_HASH_SEED, p, n);
}

struct ent_map_slot {
	uint64_t hash;
	const char *key; /* NULL when empty */
	uint32_t len;
	uint32_t value;
};

void ent_map_init(ent_map *m)
{
	m->cap = 64;
	m->len = 0;
	m->slots = ent_xcalloc(m->cap, sizeof *m->slots);
	ent_arena_init(&m->keys, 16 * 1024);
}

void ent_map_dispose(ent_map *m)
{
	free(m->slots);
	m->slots = NULL;
	ent_arena_dispose(&m->keys);
}

static void map_rehash(ent_map *m)
{
	size_t cap = m->cap * 2;
	struct ent_map_slot *s = ent_xcalloc(cap, sizeof *s);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t j = m->slots[i].hash & (cap - 1);
		while (s[j].key)
			j = (j + 1) & (cap - 1);
		s[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = s;
	m->cap = cap;
}

uint32_t *ent_map_get_h(const ent_map *m, uint64_t h, const char *key, size_t n)
{
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key) {
		const struct ent_map_slot *s = &m->slots[j];
		if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0)
			return &m->slots[j].value;
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

uint32_t *ent_map_get(const ent_map *m, const char *key, size_t n)
{
	return ent_map_get_h(m, ent_hash(key, n), key, n);
}

uint32_t *ent_map_put(ent_map *m, const char *key, size_t n, uint32_t dflt,
		      bool *added)
{
	uint64_t h = ent_hash(key, n);
	uint32_t *v = ent_map_get_h(m, h, key, n);
	if (v) {
		if (added)
			*added = false;
		return v;
	}
	if ((m->len + 1) * 2 > m->cap)
		map_rehash(m);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].key)
		j = (j + 1) & (m->cap - 1);
	m->slots[j].hash = h;
	m->slots[j].key = ent_arena_strndup(&m->keys, key, n);
	m->slots[j].len = (uint32_t)n;
	m->slots[j].value = dflt;
	m->len++;
	if (added)
		*added = true;
	return &m->slots[j].value;
}

/* ---- SHA-256 (FIPS 180-4) ---- */

static const uint32_t K256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5],
		 g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t S1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = k + S1 + ch + K256[i] + w[i];
		uint32_t S0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
		uint32_t mj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = S0 + mj;
		k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

void ent_sha256_hex(const void *data, size_t n, char out[65])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t i = 0;
	for (; i + 64 <= n; i += 64)
		sha_block(h, p + i);
	unsigned char tail[128] = {0};
	size_t rest = n - i;
	memcpy(tail, p + i, rest);
	tail[rest] = 0x80;
	size_t tl = rest + 9 <= 64 ? 64 : 128;
	uint64_t bits = (uint64_t)n * 8;
	for (int j = 0; j < 8; j++)
		tail[tl - 1 - j] = (unsigned char)(bits >> (8 * j));
	sha_block(h, tail);
	if (tl == 128)
		sha_block(h, tail + 64);
	for (int j = 0; j < 8; j++)
		snprintf(out + 8 * j, 9, "%08x", h[j]);
}

/* ---- dates ---- */

int ent_days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static int digits(const char *s, size_t n, size_t at, size_t count)
{
	if (at + count > n)
		return -1;
	int v = 0;
	for (size_t i = at; i < at + count; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int ent_date_parse(const char *s, size_t n, int *y, int *m, int *d)
{
	*y = *m = *d = 0;
	int yy = digits(s, n, 0, 4);
	if (yy < 1000)
		return 0;
	if (n == 4) {
		*y = yy;
		return 1;
	}
	if (n < 7 || s[4] != '-')
		return 0;
	int mm = digits(s, n, 5, 2);
	if (mm < 1 || mm > 12)
		return 0;
	if (n == 7) {
		*y = yy;
		*m = mm;
		return 2;
	}
	if (n != 10 || s[7] != '-')
		return 0;
	int dd = digits(s, n, 8, 2);
	if (dd < 1 || dd > ent_days_in_month(yy, mm))
		return 0;
	*y = yy;
	*m = mm;
	*d = dd;
	return 3;
}
