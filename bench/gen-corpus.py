#!/usr/bin/env python3
"""gen-corpus.py: build a large JSON Lines benchmark corpus for `entente code`.

Every output document is a variation of one of OUR sample articles
(samples/*.txt, never anything under ../shared):

  * the body sentences are shuffled within the article and regrouped into
    paragraphs of one to three sentences (the title stays first);
  * the date is shifted by a whole number of weeks (day-precision dates, so
    "mardi"/"on Tuesday" keep their weekday) or months (month-precision);
  * every country named in the article (name, adjective, capital) is
    replaced by another country, and every person by a person of that
    country, from the small lists below, so the engine sees varied actors.
    In French a country is only swapped for one of the same article class
    (la Russie / l'Algérie / le Vietnam / l'Iran) so "en Russie", "au
    Vietnam", "de l'Algérie" stay grammatical.

One JSON object a line: {"id", "text", "date", "lang"}. Deterministic for a
given --seed and --mb. Python 3 standard library only.

Prints to stderr the number of documents, bytes and the approximate number
of sentences: a sentence is counted at each run of . ! ? or ... followed by
white space or the end of a line, plus one for each line (title, "Photo :"
credit, ">> " link) that does not end with such punctuation, since the
engine's splitter also ends a sentence at a line break.
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SAMPLES = os.path.join(HERE, "..", "samples")

# code, en name, en adjective, en capital, fr name, fr class (f: la/en,
# fv: l'/en, m: le/au, mv: l'/en), fr adjective ms, fs, mp, fp, fr capital,
# persons [(en full, en short, fr full, fr short)] (fr defaults to en,
# short defaults to the last word).
COUNTRIES = [
    ("RUS", "Russia", "Russian", "Moscow", "Russie", "f", "russe", "russe", "russes", "russes", "Moscou",
     [("Vladimir Putin", "Putin", "Vladimir Poutine", "Poutine"), ("Sergey Lavrov", None, "Sergueï Lavrov", None),
      ("Mikhail Mishustin", None, "Mikhaïl Michoustine", None), ("Andrei Kelin",), ("Maria Zakharova",),
      ("Vyacheslav Volodin", None, "Viatcheslav Volodine", None)]),
    ("FRA", "France", "French", "Paris", "France", "f", "français", "française", "français", "françaises", "Paris",
     [("Emmanuel Macron",), ("Jean-Noël Barrot",), ("François Bayrou",)]),
    ("CHN", "China", "Chinese", "Beijing", "Chine", "f", "chinois", "chinoise", "chinois", "chinoises", "Pékin",
     [("Xi Jinping", "Xi"), ("Wang Yi",), ("Li Qiang",)]),
    ("BEL", "Belgium", "Belgian", "Brussels", "Belgique", "f", "belge", "belge", "belges", "belges", "Bruxelles",
     [("Maxime Prévot",), ("Bart De Wever",)]),
    ("CIV", "Côte d’Ivoire", "Ivorian", "Abidjan", "Côte d’Ivoire", "f", "ivoirien", "ivoirienne", "ivoiriens",
     "ivoiriennes", "Abidjan", [("Alassane Ouattara",), ("Robert Beugré Mambé",)]),
    ("DEU", "Germany", "German", "Berlin", "Allemagne", "fv", "allemand", "allemande", "allemands", "allemandes",
     "Berlin", [("Friedrich Merz",), ("Johann Wadephul",), ("Frank-Walter Steinmeier",)]),
    ("TUR", "Turkey", "Turkish", "Ankara", "Turquie", "f", "turc", "turque", "turcs", "turques", "Ankara",
     [("Recep Tayyip Erdoğan",), ("Hakan Fidan",)]),
    ("POL", "Poland", "Polish", "Warsaw", "Pologne", "f", "polonais", "polonaise", "polonais", "polonaises",
     "Varsovie", [("Donald Tusk",), ("Radosław Sikorski",)]),
    ("MYS", "Malaysia", "Malaysian", "Kuala Lumpur", "Malaisie", "f", "malaisien", "malaisienne", "malaisiens",
     "malaisiennes", "Kuala Lumpur", [("Anwar Ibrahim", "Anwar"), ("Mohamad Hasan",)]),
    ("TUN", "Tunisia", "Tunisian", "Tunis", "Tunisie", "f", "tunisien", "tunisienne", "tunisiens", "tunisiennes",
     "Tunis", [("Kais Saied", None, "Kaïs Saïed", None), ("Mohamed Ali Nafti",)]),
    ("DZA", "Algeria", "Algerian", "Algiers", "Algérie", "fv", "algérien", "algérienne", "algériens", "algériennes",
     "Alger", [("Abdelmadjid Tebboune",), ("Ahmed Attaf",)]),
    ("IDN", "Indonesia", "Indonesian", "Jakarta", "Indonésie", "fv", "indonésien", "indonésienne", "indonésiens",
     "indonésiennes", "Jakarta", [("Prabowo Subianto", "Prabowo"), ("Sugiono", "Sugiono")]),
    ("IND", "India", "Indian", "New Delhi", "Inde", "fv", "indien", "indienne", "indiens", "indiennes", "New Delhi",
     [("Narendra Modi",), ("Subrahmanyam Jaishankar",)]),
    ("ITA", "Italy", "Italian", "Rome", "Italie", "fv", "italien", "italienne", "italiens", "italiennes", "Rome",
     [("Giorgia Meloni",), ("Antonio Tajani",), ("Sergio Mattarella",)]),
    ("EGY", "Egypt", "Egyptian", "Cairo", "Égypte", "fv", "égyptien", "égyptienne", "égyptiens", "égyptiennes",
     "Le Caire", [("Abdel Fattah al-Sisi", "Sisi", "Abdel Fattah al-Sissi", "Sissi"), ("Badr Abdelatty",)]),
    ("ESP", "Spain", "Spanish", "Madrid", "Espagne", "fv", "espagnol", "espagnole", "espagnols", "espagnoles",
     "Madrid", [("Pedro Sánchez",), ("José Manuel Albares",)]),
    ("AUS", "Australia", "Australian", "Canberra", "Australie", "fv", "australien", "australienne", "australiens",
     "australiennes", "Canberra", [("Anthony Albanese",), ("Penny Wong",)]),
    ("VNM", "Vietnam", "Vietnamese", "Hanoi", "Vietnam", "m", "vietnamien", "vietnamienne", "vietnamiens",
     "vietnamiennes", "Hanoï", [("Luong Cuong", None, "Lương Cường", None), ("Pham Minh Chinh", None, "Phạm Minh Chính", None),
                                 ("Tran Thanh Man", None, "Trần Thanh Mẫn", None), ("Bui Thanh Son", None, "Bùi Thanh Sơn", None)]),
    ("LAO", "Laos", "Lao", "Vientiane", "Laos", "m", "laotien", "laotienne", "laotiens", "laotiennes", "Vientiane",
     [("Thongloun Sisoulith",), ("Sonexay Siphandone",)]),
    ("SEN", "Senegal", "Senegalese", "Dakar", "Sénégal", "m", "sénégalais", "sénégalaise", "sénégalais",
     "sénégalaises", "Dakar", [("Bassirou Diomaye Faye",), ("Ousmane Sonko",)]),
    ("CAN", "Canada", "Canadian", "Ottawa", "Canada", "m", "canadien", "canadienne", "canadiens", "canadiennes",
     "Ottawa", [("Mark Carney",), ("Anita Anand",)]),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana", "Kazakhstan", "m", "kazakh", "kazakhe", "kazakhs", "kazakhes",
     "Astana", [("Kassym-Jomart Tokayev", "Tokayev", "Kassym-Jomart Tokaïev", "Tokaïev"), ("Olzhas Bektenov",)]),
    ("KHM", "Cambodia", "Cambodian", "Phnom Penh", "Cambodge", "m", "cambodgien", "cambodgienne", "cambodgiens",
     "cambodgiennes", "Phnom Penh", [("Hun Manet",), ("Prak Sokhonn",)]),
    ("BRA", "Brazil", "Brazilian", "Brasília", "Brésil", "m", "brésilien", "brésilienne", "brésiliens",
     "brésiliennes", "Brasília", [("Luiz Inácio Lula da Silva", "Lula"), ("Mauro Vieira",)]),
    ("JPN", "Japan", "Japanese", "Tokyo", "Japon", "m", "japonais", "japonaise", "japonais", "japonaises", "Tokyo",
     [("Takeshi Iwaya",), ("Yoshimasa Hayashi",), ("Shigeru Ishiba",)]),
    ("MAR", "Morocco", "Moroccan", "Rabat", "Maroc", "m", "marocain", "marocaine", "marocains", "marocaines", "Rabat",
     [("Nasser Bourita",), ("Aziz Akhannouch",)]),
    ("MEX", "Mexico", "Mexican", "Mexico City", "Mexique", "m", "mexicain", "mexicaine", "mexicains", "mexicaines",
     "Mexico", [("Claudia Sheinbaum",), ("Juan Ramón de la Fuente",)]),
    ("NGA", "Nigeria", "Nigerian", "Abuja", "Nigeria", "m", "nigérian", "nigériane", "nigérians", "nigérianes",
     "Abuja", [("Bola Tinubu",), ("Yusuf Tuggar",)]),
    ("GBR", "Britain", "British", "London", "Royaume-Uni", "m", "britannique", "britannique", "britanniques",
     "britanniques", "Londres", [("Keir Starmer",), ("David Lammy",), ("Yvette Cooper",)]),
    ("KEN", "Kenya", "Kenyan", "Nairobi", "Kenya", "m", "kényan", "kényane", "kényans", "kényanes", "Nairobi",
     [("William Ruto",), ("Musalia Mudavadi",)]),
    ("IRN", "Iran", "Iranian", "Tehran", "Iran", "mv", "iranien", "iranienne", "iraniens", "iraniennes", "Téhéran",
     [("Masoud Pezeshkian", None, "Massoud Pezeshkian", None), ("Abbas Araghchi",),
      ("Esmaeil Baghaei", None, "Esmaïl Baghaei", None)]),
    ("UZB", "Uzbekistan", "Uzbek", "Tashkent", "Ouzbékistan", "mv", "ouzbek", "ouzbèke", "ouzbeks", "ouzbèkes",
     "Tachkent", [("Shavkat Mirziyoyev", None, "Chavkat Mirzioïev", None), ("Bakhtiyor Saidov",)]),
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku", "Azerbaïdjan", "mv", "azerbaïdjanais", "azerbaïdjanaise",
     "azerbaïdjanais", "azerbaïdjanaises", "Bakou", [("Ilham Aliyev", None, "Ilham Aliev", None), ("Jeyhun Bayramov",)]),
    ("IRQ", "Iraq", "Iraqi", "Baghdad", "Irak", "mv", "irakien", "irakienne", "irakiens", "irakiennes", "Bagdad",
     [("Mohammed Shia al-Sudani", "Sudani", "Mohammed Chia al-Soudani", "Soudani"), ("Fuad Hussein",)]),
]

# Countries the samples name, whose forms are looked for in them.
SOURCE = ["JPN", "IDN", "CHN", "BRA", "GBR", "RUS", "VNM", "LAO", "DZA", "FRA", "SEN", "CIV", "CAN", "IRN",
          "KAZ", "KHM", "BEL"]
# Extra spellings in the samples: string -> (country, form key).
EXTRA_FORMS = {"lao": ("LAO", "fr_ms"), "Côte d'Ivoire": ("CIV", "fr_name")}
# Names that contain a country form but must stay as they are.
KEEP = ["East China Sea", "Southeast Asia", "Foreign Office", "Lao PDR"]

# A form found in a text of one language is rendered in that language
# ("France" and "Paris" are both English and French).
TO_LANG = {"fr": {"en_name": "fr_name", "en_adj": "fr_ms", "en_cap": "fr_cap"},
           "en": {"fr_name": "en_name", "fr_ms": "en_adj", "fr_fs": "en_adj", "fr_mp": "en_adj",
                  "fr_fp": "en_adj", "fr_cap": "en_cap"}}
# Lines of web noise stay where they are (credit first, links last).
NOISE = re.compile(r"^(Photo\s?:|>>)")

FORM_KEYS = ["en_name", "en_adj", "en_cap", "fr_name", "fr_ms", "fr_fs", "fr_mp", "fr_fp", "fr_cap"]


def load_countries():
    table = {}
    for row in COUNTRIES:
        code, en_name, en_adj, en_cap, fr_name, cls, ms, fs, mp, fp, fr_cap, persons = row
        people = []
        for p in persons:
            en_full = p[0]
            en_short = p[1] if len(p) > 1 and p[1] else en_full.split()[-1]
            fr_full = p[2] if len(p) > 2 and p[2] else en_full
            fr_short = p[3] if len(p) > 3 and p[3] else (en_short if fr_full == en_full else fr_full.split()[-1])
            people.append({"en": (en_full, en_short), "fr": (fr_full, fr_short)})
        table[code] = {"code": code, "cls": cls, "persons": people,
                       "en_name": en_name, "en_adj": en_adj, "en_cap": en_cap, "fr_name": fr_name,
                       "fr_ms": ms, "fr_fs": fs, "fr_mp": mp, "fr_fp": fp, "fr_cap": fr_cap}
    return table


def build_matcher(table):
    """A regex over every country form and person name of the SOURCE
    countries, and what each match stands for."""
    what = {}
    for k in KEEP:
        what[k] = ("keep",)
    for code in SOURCE:
        c = table[code]
        for key in FORM_KEYS:
            what.setdefault(c[key], ("country", code, key))
        for i, p in enumerate(c["persons"]):
            for lang in ("en", "fr"):
                full, short = p[lang]
                what.setdefault(full, ("person", code, i, 0))
                what.setdefault(short, ("person", code, i, 1))
    for s, (code, key) in EXTRA_FORMS.items():
        what[s] = ("country", code, key)
    alts = sorted(what, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)")
    return rx, what


SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Ý«“\"0-9])")
SENT_END = re.compile(r"[.!?…]+(?=\s|$)")
HEAD = re.compile(r"^\s?date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s+(.*)$")


def approx_sentences(text):
    n = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        n += len(SENT_END.findall(s))
        if s[-1] not in ".!?…":
            n += 1
    return n


def parse_sample(path, rx, what):
    with open(path, encoding="utf-8") as f:
        raw = f.read().lstrip("\ufeff")
    first, _, body = raw.partition("\n")
    m = HEAD.match(first)
    if not m:
        sys.exit(f"gen-corpus: {path}: first line is not ' date YYYY-MM[-DD] Title'")
    y, mo, d, title = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4).strip()
    units = []
    for para in re.split(r"\n\s*\n", body):
        para = " ".join(para.split())
        if para:
            units.extend(SENT_SPLIT.split(para))

    def template(s):
        parts, pos = [], 0
        for mm in rx.finditer(s):
            w = what[mm.group(0)]
            if w[0] == "keep":
                continue
            parts.append(s[pos:mm.start()])
            parts.append(w)
            pos = mm.end()
        parts.append(s[pos:])
        return parts

    name = os.path.splitext(os.path.basename(path))[0]
    lang = "fr" if name.startswith("fr") else "en"
    countries, persons = [], []
    tpl_units = [template(u) for u in units]
    tpl_title = template(title)
    for t in [tpl_title] + tpl_units:
        for p in t:
            if isinstance(p, tuple):
                if p[1] not in countries:
                    countries.append(p[1])
                if p[0] == "person" and (p[1], p[2]) not in persons:
                    persons.append((p[1], p[2]))
    return {"name": name, "lang": lang, "y": y, "m": mo, "d": int(d) if d else None,
            "title": tpl_title, "units": tpl_units, "countries": countries, "persons": persons}


def shifted_date(s, rng):
    import datetime
    if s["d"] is not None:
        base = datetime.date(s["y"], s["m"], s["d"])
        nd = base + datetime.timedelta(weeks=rng.randint(-520, 26))
        return nd.isoformat()
    k = s["y"] * 12 + (s["m"] - 1) + rng.randint(-120, 6)
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def make_doc(s, table, by_class, all_codes, rng):
    # country mapping: distinct targets, same French class for French text
    used, cmap = set(), {}
    for code in s["countries"]:
        pool = by_class[table[code]["cls"]] if s["lang"] == "fr" else all_codes
        choices = [c for c in pool if c not in used]
        t = rng.choice(choices)
        used.add(t)
        cmap[code] = t
    # person mapping: distinct persons of the target country while they last
    pmap, taken, count = {}, {}, {}
    for code, i in s["persons"]:
        t = cmap[code]
        n = len(table[t]["persons"])
        order = taken.setdefault(t, rng.sample(range(n), n))
        k = count.get(t, 0)
        count[t] = k + 1
        pmap[(code, i)] = order[k % n]
    lang = s["lang"]

    def render(parts):
        out = []
        for p in parts:
            if isinstance(p, str):
                out.append(p)
            elif p[0] == "country":
                out.append(table[cmap[p[1]]][TO_LANG[lang].get(p[2], p[2])])
            else:
                person = table[cmap[p[1]]]["persons"][pmap[(p[1], p[2])]]
                out.append(person[lang][p[3]])
        return "".join(out)

    units = [render(u) for u in s["units"]]
    head = [u for u in units[:1] if NOISE.match(u)]
    tail = [u for u in units[len(head):] if NOISE.match(u)]
    units = [u for u in units[len(head):] if not NOISE.match(u)]
    rng.shuffle(units)
    paras, i = list(head), 0
    while i < len(units):
        k = rng.randint(1, 3)
        paras.append(" ".join(units[i:i + k]))
        i += k
    paras.extend(tail)
    text = render(s["title"]) + "\n\n" + "\n\n".join(paras) + "\n"
    return text, shifted_date(s, rng)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200, help="size to write, in MB of 10^6 bytes (default 200)")
    ap.add_argument("--out", default="-", help="output file (default standard output)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--samples", default=DEFAULT_SAMPLES, help="folder of sample articles (default ../samples)")
    a = ap.parse_args()

    table = load_countries()
    rx, what = build_matcher(table)
    paths = sorted(os.path.join(a.samples, f) for f in os.listdir(a.samples) if f.endswith(".txt"))
    if not paths:
        sys.exit(f"gen-corpus: no *.txt sample in {a.samples}")
    samples = [parse_sample(p, rx, what) for p in paths]
    by_class = {}
    for code, c in table.items():
        by_class.setdefault(c["cls"], []).append(code)
    all_codes = sorted(table)

    rng = random.Random(a.seed)
    limit = int(a.mb * 1_000_000)
    out = sys.stdout if a.out == "-" else open(a.out + ".part", "w", encoding="utf-8", newline="\n")
    written = docs = sents = 0
    while written < limit:
        s = samples[docs % len(samples)]
        text, date = make_doc(s, table, by_class, all_codes, rng)
        line = json.dumps({"id": f"{s['name']}-{docs:08d}", "text": text, "date": date, "lang": s["lang"]},
                          ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        sents += approx_sentences(text)
        docs += 1
    if out is not sys.stdout:
        out.close()
        os.replace(a.out + ".part", a.out)
    print(f"gen-corpus: {docs} documents, ~{sents} sentences (generator count), "
          f"{written} bytes ({written / 1e6:.1f} MB), seed {a.seed}", file=sys.stderr)
    print(f"documents={docs} sentences={sents} bytes={written} seed={a.seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
