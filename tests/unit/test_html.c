/*
 * test_html.c: web pages through the readers (src/input/html.c behind
 * src/input/reader.c). The fixtures of tests/fixtures/html (a French page
 * with a JSON-LD date and noise around the article, an English
 * Windows-1252 page with only article:published_time, a page without
 * article text) are checked field by field and line by line; small pages
 * written to a temporary folder check each metadata source and its
 * precedence, the title suffixes, the choice of the body, the lines,
 * charsets, sniffing (directories, a .txt file, standard input) and the
 * refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente/entente.h"

#define FIXTURES GOLDEN_DIR "/../fixtures/html"

#define FILES_PREFIX "/tmp/ent_html_"
#include "files_fixture.h"

static ent_reader *open_paths(const char *const *paths, size_t n)
{
	ent_reader *r = NULL;
	ent_error err;
	assert_int_equal(ent_reader_new(&r, paths, n, NULL, &err), 0);
	return r;
}

static ent_reader *open1(const char *path)
{
	const char *paths[1] = {path};
	return open_paths(paths, 1);
}

static void assert_opt(const char *got, const char *want)
{
	if (want)
		assert_string_equal(got ? got : "(null)", want);
	else if (got)
		fail_msg("expected NULL, got \"%s\"", got);
}

/* Reads the one page `html` (written as NAME) and checks its fields;
 * NULL wants mean "absent". */
static void check_page(const char *name, const char *html, const char *date,
		       const char *title, const char *lang, const char *url,
		       const char *text)
{
	const char *p = write_str(name, html);
	ent_reader *r = open1(p);
	ent_input in;
	int rc = ent_reader_next(r, &in);
	if (rc != 1)
		fail_msg("%s: %s", name, ent_reader_error(r));
	assert_opt(in.date, date);
	assert_opt(in.title, title);
	assert_opt(in.lang, lang);
	assert_opt(in.url, url);
	if (text)
		assert_text(&in, text);
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* The date of a page made of `head` and a body with one paragraph. */
static void check_date(const char *head, const char *body, const char *want)
{
	char html[2048];
	snprintf(html, sizeof html,
		 "<!DOCTYPE html><html><head>%s</head><body>%s"
		 "<p>Texte.</p></body></html>",
		 head, body);
	const char *p = write_str("date.html", html);
	ent_reader *r = open1(p);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	if (want)
		assert_opt(in.date, want);
	else if (in.date)
		fail_msg("head %s: expected no date, got %s", head, in.date);
	ent_reader_free(r);
}

/* ---- the fixtures ---- */

static void test_fixture_fr(void **state)
{
	(void)state;
	const char *p = FIXTURES "/fr-hanoi-indonesie.html";
	ent_reader *r = open1(p);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "fr-hanoi-indonesie");
	assert_string_equal(in.origin, p);
	assert_int_equal(in.line, 0);
	/* JSON-LD's NewsArticle (not the WebSite's 2019-01-01, not the
	 * <time> of the byline), cut to the day as written: 01:30 at +07:00
	 * is still 16 April in UTC */
	assert_string_equal(in.date, "2025-04-17");
	assert_string_equal(in.title,
			    "Hanoï et Jakarta veulent doubler leurs échanges d\xe2\x80\x99ici 2028");
	assert_string_equal(in.lang, "fr");
	assert_string_equal(in.url,
			    "https://www.courrier-mekong.example/monde/hanoi-jakarta-echanges-12345.html");
	/* the title line, then the <article> without its header, the
	 * button, the comment and the noscript; the caption stays; no
	 * script, style, nav, aside or footer text */
	assert_text(&in,
		    "Hanoï et Jakarta veulent doubler leurs échanges d\xe2\x80\x99ici 2028\n"
		    "Le ministre vietnamien des Affaires étrangères Bùi Thanh Sơn a reçu jeudi à Hanoï son homologue indonésien Sugiono.\n"
		    "Photo : Les deux ministres à Hanoï.\n"
		    "Les deux ministres ont signé un accord de coopération dans la pêche.\n"
		    "Ils ont aussi évoqué la mer Orientale\xc2\xa0: «\xc2\xa0la liberté de navigation doit être respectée\xc2\xa0», a dit M.\xc2\xa0Sơn.\n"
		    "Lire aussi : Le Vietnam et le Laos renforcent leur coopération\n");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

static void test_fixture_en(void **state)
{
	(void)state;
	const char *p = FIXTURES "/en-tokyo-jakarta-cp1252.html";
	ent_reader *r = open1(p);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "en-tokyo-jakarta-cp1252");
	/* 23:40 at -05:00 is 4 February in UTC: the day as written */
	assert_string_equal(in.date, "2025-02-03");
	/* no og:title: <title> without " | The Harbour Post", the
	 * application-name */
	assert_string_equal(in.title,
			    "Japan and Indonesia agree to deepen maritime cooperation");
	assert_string_equal(in.lang, "en");
	assert_string_equal(in.url, "https://harbourpost.example/world/japan-indonesia");
	/* no <article> or <main>: the whole body, decoded from
	 * Windows-1252 (0x92 ’, 0x93 “, 0x94 ”, 0x97 —, 0x85 …, 0xE9 é,
	 * 0xA9 ©) */
	assert_text(&in,
		    "Japan and Indonesia agree to deepen maritime cooperation\n"
		    "Home | World\n"
		    "Japan and Indonesia agree to deepen maritime cooperation\n"
		    "TOKYO \xe2\x80\x94 Japan\xe2\x80\x99s Foreign Minister Takeshi Iwaya met his Indonesian counterpart Sugiono in Tokyo on Monday.\n"
		    "The two ministers signed an agreement on coast guard training, the ministry said in a \xe2\x80\x9cjoint statement\xe2\x80\x9d.\n"
		    "Sugiono praised Japan\xe2\x80\x99s support for Indonesia\xe2\x80\x99s fisheries \xe2\x80\x94 a caf\xc3\xa9-sized programme \xe2\x80\xa6 that grew.\n"
		    "Copyright \xc2\xa9 2025\n");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* Refused with its reason, and the next input is still read. */
static void test_fixture_no_text(void **state)
{
	(void)state;
	const char *good = write_str("good.txt", "Good.");
	const char *paths[] = {FIXTURES "/no-article-text.html", good};
	ent_reader *r = open_paths(paths, 2);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	assert_string_equal(ent_reader_error(r),
			    FIXTURES "/no-article-text.html: HTML page with no article text");
	assert_null(in.text);
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "good");
	assert_null(in.lang);
	assert_null(in.url);
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* ---- metadata ---- */

static void test_dates(void **state)
{
	(void)state;
	const char *ld = "<script type=\"application/ld+json\">"
			 "{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04T10:00:00Z\"}"
			 "</script>";
	/* each source alone */
	check_date("<meta property=\"article:published_time\" content=\"2025-05-06T08:00:00+02:00\">",
		   "", "2025-05-06");
	check_date("<meta name=\"date\" content=\"2025-05-07\">", "", "2025-05-07");
	check_date("<meta name=\"pubdate\" content=\"20250508T101500Z\">", "", "2025-05-08");
	check_date("<meta name=\"publish-date\" content=\" 2025-05-09 10:00 \">", "", "2025-05-09");
	check_date("<meta name=\"DC.date.issued\" content=\"2025-05\">", "", "2025-05");
	check_date("<meta name=\"dcterms.date\" content=\"2025-05-11\">", "", "2025-05-11");
	check_date("", "<span itemprop=\"datePublished\" content=\"2025-05-12\">12 mai</span>",
		   "2025-05-12");
	check_date("", "<time itemprop=\"datePublished\" datetime=\"2025-05-13T00:10+09:00\">x</time>",
		   "2025-05-13");
	check_date(ld, "", "2025-03-04");
	check_date("<script type=\"application/ld+json\">[{\"@type\":\"WebPage\","
		   "\"datePublished\":\"2020-01-01\"},{\"@type\":[\"Thing\",\"ReportageNewsArticle\"],"
		   "\"datePublished\":\"2025-03-05\"}]</script>",
		   "", "2025-03-05");
	check_date("<script type=\"application/ld+json\">{\"@type\":\"WebPage\","
		   "\"datePublished\":\"2020-01-02\"}</script>",
		   "", "2020-01-02");
	check_date("", "<article><p>Corps <time datetime=\"2025-05-14T07:00\">ce matin</time>.</p></article>",
		   "2025-05-14");
	/* the order: published_time, named meta, itemprop, JSON-LD, <time> */
	check_date("<meta name=\"date\" content=\"2025-01-02\">"
		   "<meta property=\"article:published_time\" content=\"2025-01-01\">",
		   "", "2025-01-01");
	check_date("<meta itemprop=\"datePublished\" content=\"2025-01-03\">"
		   "<meta name=\"dcterms.date\" content=\"2025-01-02\">",
		   "", "2025-01-02");
	check_date(ld, "<meta itemprop=\"datePublished\" content=\"2025-01-03\">", "2025-01-03");
	/* a related article's datePublished is not the page's; the
	 * article's own comes first */
	check_date("", "<aside><time itemprop=\"datePublished\" datetime=\"2024-12-01\">x</time></aside>",
		   NULL);
	check_date("", "<section><article><time itemprop=\"datePublished\" datetime=\"2024-12-02\">x</time>"
		   "<p>Carte.</p></article></section><article><p>Le vrai article, plus long.</p>"
		   "<span itemprop=\"datePublished\" content=\"2025-01-08\"></span></article>",
		   "2025-01-08");
	check_date(ld, "<article><time datetime=\"2025-01-05\">x</time><p>Corps.</p></article>",
		   "2025-03-04");
	/* what is not an ISO date is passed over */
	check_date("<meta name=\"date\" content=\"Wed, 12 Mar 2025 08:00:00 GMT\">"
		   "<meta name=\"pubdate\" content=\"2025-02-30\">",
		   "", NULL);
	check_date("<meta name=\"date\" content=\"12/03/2025\">", "<article><time datetime=\"2025-03-12\">x</time></article>",
		   "2025-03-12");
	check_date("<script type=\"application/ld+json\">{not json</script>", "", NULL);
	/* a <time> of the whole <body> or of an aside is not the article's */
	check_date("", "<time datetime=\"2025-01-06\">aujourd'hui</time>", NULL);
	check_date("", "<article><aside><time datetime=\"2025-01-07\">x</time></aside><p>Corps.</p></article>",
		   NULL);
}

static void test_titles(void **state)
{
	(void)state;
	static const struct {
		const char *head, *body, *want;
	} cases[] = {
		/* og:title wins, as it is */
		{"<title>A - B</title><meta property=\"og:title\" content=\" Le  titre - Site \">",
		 "", "Le titre - Site"},
		/* a suffix that is og:site_name, application-name, a domain, the host */
		{"<title>Le sommet de Hanoï | Le Courrier</title><meta property=\"og:site_name\" content=\"Le Courrier\">",
		 "", "Le sommet de Hanoï"},
		{"<title>Talks in Tokyo \xe2\x80\x93 lemonde.fr</title>", "", "Talks in Tokyo"},
		{"<title>Talks in Tokyo - Le Monde</title><link rel=\"canonical\" href=\"https://www.lemonde.fr/x\">",
		 "", "Talks in Tokyo"},
		{"<title>Talks \xc2\xb7 France 24</title><meta property=\"og:url\" content=\"https://www.france24.com/x\">",
		 "", "Talks"},
		{"<title>Rencontre Macron - Poutine | RFI</title><link rel=\"canonical\" href=\"https://www.rfi.fr/fr/x\">",
		 "", "Rencontre Macron - Poutine"},
		/* not clearly a site: kept whole */
		{"<title>Rencontre Macron - Poutine</title>", "", "Rencontre Macron - Poutine"},
		{"<title>Hanoï - Moscou : la visite | Monde</title><meta property=\"og:site_name\" content=\"Le Courrier\">",
		 "", "Hanoï - Moscou : la visite | Monde"},
		{"<title>Talks - Le Monde</title><link rel=\"canonical\" href=\"https://www.example.org/x\">",
		 "", "Talks - Le Monde"},
		/* no title: the first <h1> of the article, else of the page */
		{"", "<h1>Logo</h1><article><h1>Le vrai titre</h1><p>Corps.</p></article>", "Le vrai titre"},
		{"<title>  </title>", "<h1>Titre <em>seul</em></h1>", "Titre seul"},
		{"", "", NULL},
		/* an <svg> title is not the page's */
		{"", "<svg><title>icon</title></svg>", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char html[2048];
		snprintf(html, sizeof html,
			 "<html><head>%s</head><body>%s<p>Corps.</p></body></html>",
			 cases[i].head, cases[i].body);
		const char *p = write_str("title.html", html);
		ent_reader *r = open1(p);
		ent_input in;
		assert_int_equal(ent_reader_next(r, &in), 1);
		if (cases[i].want)
			assert_opt(in.title, cases[i].want);
		else if (in.title)
			fail_msg("case %zu: expected no title, got \"%s\"", i, in.title);
		ent_reader_free(r);
	}
}

static void test_lang_url(void **state)
{
	(void)state;
	static const struct {
		const char *html, *lang, *url;
	} cases[] = {
		{"<html lang=\"fr-FR\"><body><p>x</p></body></html>", "fr", NULL},
		{"<html lang=\"EN_us\"><body><p>x</p></body></html>", "en", NULL},
		{"<html lang=\"fr\"><body><p>x</p></body></html>", "fr", NULL},
		{"<html lang=\"de-DE\"><head><meta property=\"og:locale\" content=\"fr_FR\"></head><body><p>x</p></body></html>",
		 NULL, NULL},
		{"<html lang=\"fra\"><body><p>x</p></body></html>", NULL, NULL},
		{"<html><head><meta property=\"og:locale\" content=\"en_GB\"></head><body><p>x</p></body></html>",
		 "en", NULL},
		{"<html xml:lang=\"fr\"><body><p>x</p></body></html>", "fr", NULL},
		/* canonical first, absolute only; else og:url */
		{"<html><head><meta property=\"og:url\" content=\"https://a.example/og\">"
		 "<link rel=\"canonical\" href=\"https://a.example/c\"></head><body><p>x</p></body></html>",
		 NULL, "https://a.example/c"},
		{"<html><head><link rel=\"canonical\" href=\"/relative\">"
		 "<meta property=\"og:url\" content=\"http://a.example/og\"></head><body><p>x</p></body></html>",
		 NULL, "http://a.example/og"},
		{"<html><head><link rel=\"alternate canonical\" href=\"https://a.example/two\"></head><body><p>x</p></body></html>",
		 NULL, "https://a.example/two"},
		{"<html><head><link rel=\"canonical\" href=\"/relative\"></head><body><p>x</p></body></html>",
		 NULL, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *p = write_str("lang.html", cases[i].html);
		ent_reader *r = open1(p);
		ent_input in;
		assert_int_equal(ent_reader_next(r, &in), 1);
		assert_opt(in.lang, cases[i].lang);
		assert_opt(in.url, cases[i].url);
		ent_reader_free(r);
	}
}

/* ---- the body and its lines ---- */

static void test_body(void **state)
{
	(void)state;
	/* the <article> with the most text, not the related cards */
	check_page("cards.html",
		   "<html><body><article><p>Carte courte.</p></article>"
		   "<article><h2>Le sujet</h2><p>Un long paragraphe du vrai article.</p>"
		   "<article><p>imbriqué</p></article></article>"
		   "<section><article><p>Autre carte.</p></article></section></body></html>",
		   NULL, NULL, NULL, NULL,
		   "Le sujet\nUn long paragraphe du vrai article.\nimbriqué\n");
	/* articleBody, then <main>, then <body> */
	check_page("prop.html",
		   "<html><body><main><p>Chapeau hors corps.</p>"
		   "<div itemprop=\"text articleBody\"><p>Le corps.</p></div></main></body></html>",
		   NULL, NULL, NULL, NULL, "Le corps.\n");
	check_page("main.html",
		   "<html><body><div>Bandeau</div><div role=\"main\"><p>Principal.</p></div></body></html>",
		   NULL, NULL, NULL, NULL, "Principal.\n");
	/* what is dropped, and where lines end */
	check_page("lines.html",
		   "<html><head><title>Le titre</title></head><body>"
		   "<nav>menu</nav><header>en-tête</header>"
		   "<h1>Le  titre</h1>"
		   "<p>Un\n  paragraphe   sur\tplusieurs<br>lignes &amp; entités&nbsp;: &eacute;t&eacute;, &#8217;.</p>"
		   "<div>bloc <span>en <b>ligne</b></span><div>dedans</div>après</div>"
		   "<ul><li>un</li><li>deux</li></ul><blockquote><p>cité</p></blockquote>"
		   "<table><tr><td>A</td><th>B</th></tr></table>"
		   "<p>co\xc2\xad" "op\xc3\xa9ration \x01 fin\xc2\xa0</p><p>\xc2\xa0 </p>"
		   "<pre>l1\n  l2</pre>"
		   "<form><p>champ</p></form><aside>à côté</aside><footer>pied</footer>"
		   "<div hidden>caché</div><div aria-hidden=\"true\">caché</div>"
		   "<p role=\"complementary\">complément</p>"
		   "<script>var x = 1;</script><style>p{}</style><noscript>js</noscript>"
		   "<!-- commentaire --><template><p>modèle</p></template>"
		   "<figure><img alt=\"image\"><figcaption>La légende.</figcaption></figure>"
		   "<h2>Intertitre</h2><p>dernier</p></body></html>",
		   NULL, "Le titre", NULL, NULL,
		   "Le titre\n"
		   "Un paragraphe sur plusieurs\n"
		   "lignes & entités\xc2\xa0: été, \xe2\x80\x99.\n"
		   "bloc en ligne\ndedans\naprès\n"
		   "un\ndeux\ncité\nA\nB\n"
		   "coopération fin\n"
		   "l1\nl2\n"
		   "La légende.\nIntertitre\ndernier\n");
	/* the title line is added when the body does not start with it */
	check_page("addtitle.html",
		   "<html><head><title>Le titre</title></head><body><p>Corps.</p></body></html>",
		   NULL, "Le titre", NULL, NULL, "Le titre\nCorps.\n");
	check_page("h1.html",
		   "<html><head><meta property=\"og:title\" content=\"Autre titre\"></head>"
		   "<body><article><h1>Titre de la page</h1><p>Corps.</p></article></body></html>",
		   NULL, "Autre titre", NULL, NULL, "Titre de la page\nCorps.\n");
	check_page("notitle.html", "<p>Juste un paragraphe.</p>", NULL, NULL, NULL,
		   NULL, "Juste un paragraphe.\n");
}

/* ---- characters ---- */

static void test_charsets(void **state)
{
	(void)state;
	/* undeclared Latin-1 bytes: Windows-1252 */
	check_page("latin.html", "<html><body><p>Caf\xe9 \x80 \x92</p></body></html>",
		   NULL, NULL, NULL, NULL, "Caf\xc3\xa9 \xe2\x82\xac \xe2\x80\x99\n");
	/* <meta charset> and http-equiv */
	check_page("decl.html",
		   "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>\xe9t\xe9</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xc3\xa9t\xc3\xa9\n");
	check_page("decl15.html",
		   "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset='iso-8859-15'\">"
		   "</head><body><p>\xa4\xbd</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xe2\x82\xac\xc5\x93\n");
	check_page("xmldecl.xhtml",
		   "<?xml version=\"1.0\" encoding=\"windows-1252\"?><html><body><p>\x93x\x94</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xe2\x80\x9cx\xe2\x80\x9d\n");
	/* a stale Latin-1 declaration on a UTF-8 page */
	check_page("stale.html",
		   "<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xc3\xa9t\xc3\xa9</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xc3\xa9t\xc3\xa9\n");
	/* UTF-8 with a stray byte: U+FFFD, the rest kept */
	check_page("stray.html",
		   "<html><head><meta charset=\"utf-8\"></head><body><p>\xc3\xa9t\xc3\xa9 \xff fin</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xc3\xa9t\xc3\xa9 \xef\xbf\xbd fin\n");
	check_page("stray2.html", "<html><body><p>\xc3\xa9t\xc3\xa9 \xff fin</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xc3\xa9t\xc3\xa9 \xef\xbf\xbd fin\n");
	/* an unknown charset counts as none */
	check_page("unknown.html",
		   "<html><head><meta charset=\"x-no-such\"></head><body><p>\xc3\xa9</p></body></html>",
		   NULL, NULL, NULL, NULL, "\xc3\xa9\n");
	/* UTF-16 with its byte order mark; a UTF-8 BOM */
	static const char u16[] = "\xff\xfe<\0p\0>\0\xe9\0t\0\xe9\0<\0/\0p\0>\0";
	const char *p = write_file("u16.html", u16, sizeof u16 - 1);
	ent_reader *r = open1(p);
	ent_input in;
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_text(&in, "\xc3\xa9t\xc3\xa9\n");
	ent_reader_free(r);
	check_page("bom.html", "\xef\xbb\xbf<p>\xc3\xa9</p>", NULL, NULL, NULL, NULL,
		   "\xc3\xa9\n");
}

/* ---- which files are HTML ---- */

static void test_sniff(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s/site", tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_str("site/a.html", "<p>A</p>");
	write_str("site/b.HTM", "<p>B</p>");
	write_str("site/c.txt", "\n  <!-- saved --> <!doctype html><p>C</p>");
	write_str("site/d.txt", "<p>D is text</p>");
	write_str("site/e.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>E</p></body></html>");
	write_str("site/f.dat", "<html><p>F</p></html>");
	write_str("site/g.txt", "<HTML lang=\"en\"><p>G</p></HTML>");
	write_str("site/h.txt", "<htmlish> is not a tag we know");
	ent_reader *r = open1(dir);
	ent_input in;
	static const struct {
		const char *id, *text;
	} want[] = {{"a", "A\n"}, {"b", "B\n"}, {"c", "C\n"},
		    {"d", "<p>D is text</p>"}, {"e", "E\n"}, {"g", "G\n"},
		    {"h", "<htmlish> is not a tag we know"}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(ent_reader_next(r, &in), 1);
		assert_string_equal(in.id, want[i].id);
		assert_text(&in, want[i].text);
	}
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);

	/* a path named explicitly is read, as HTML when it looks like it */
	r = open1(tpath("site/f.dat"));
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "f");
	assert_text(&in, "F\n");
	ent_reader_free(r);

	/* standard input */
	const char *p = write_str("in.html", "  <!DOCTYPE html>\n<html lang=\"fr\"><head>"
					     "<meta name=\"date\" content=\"2025-06-01\"></head>"
					     "<body><p>Depuis l'entrée.</p></body></html>");
	assert_non_null(freopen(p, "r", stdin));
	r = open1("-");
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "stdin");
	assert_string_equal(in.origin, "-");
	assert_string_equal(in.date, "2025-06-01");
	assert_string_equal(in.lang, "fr");
	assert_text(&in, "Depuis l'entrée.\n");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);
}

/* ---- refusals ---- */

static void test_refusals(void **state)
{
	(void)state;
	const char *empty = write_str("empty.html", "");
	const char *blank = write_str("blank.html", " \n\t ");
	const char *bin = write_file("bin.html", "<p>a\0b</p>", 10);
	const char *notext = write_str("notext.html",
				       "<html><head><title>Titre seul</title></head>"
				       "<body><nav><p>menu</p></nav><script>x()</script>"
				       "<p>\xc2\xa0</p><!-- rien --></body></html>");
	const char *bare = write_str("bare.htm", "<html");
	const char *good = write_str("ok.html", "<p>Bon.</p>");
	const char *paths[] = {empty, blank, bin, notext, bare, good};
	ent_reader *r = open_paths(paths, 6);
	ent_input in;
	static const char *const why[] = {
		"empty document", "empty document", "binary file, not text",
		"HTML page with no article text",
		"HTML page with no article text"};
	char want[600];
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
		snprintf(want, sizeof want, "%s: %s", paths[i], why[i]);
		assert_string_equal(ent_reader_error(r), want);
		assert_null(in.text);
		assert_null(in.title);
	}
	assert_int_equal(ent_reader_next(r, &in), 1);
	assert_string_equal(in.id, "ok");
	assert_text(&in, "Bon.\n");
	assert_int_equal(ent_reader_next(r, &in), 0);
	ent_reader_free(r);

	/* the size limit applies to the page as read */
	const char *big = write_str("big.html", "<p>0123456789</p>");
	const char *bp[] = {big};
	ent_reader_options o = {.max_bytes = 10};
	ent_error err;
	assert_int_equal(ent_reader_new(&r, bp, 1, &o, &err), 0);
	assert_int_equal(ent_reader_next(r, &in), ENT_EINVALID);
	snprintf(want, sizeof want, "%s: 17 bytes, more than the limit of 10", big);
	assert_string_equal(ent_reader_error(r), want);
	ent_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_fr),
		cmocka_unit_test(test_fixture_en),
		cmocka_unit_test(test_fixture_no_text),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_lang_url),
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, files_setup, files_teardown);
}
