#!/usr/bin/env python3
"""Generate examples/barcamp.csv: a synthetic barcamp of 60 attendees,
exported the way pretix does with German headers: semicolon-separated,
UTF-8 without BOM, CRLF line ends, repeated header names (Firma, Stadt...).
Synthetic people only; deterministic (fixed seed)."""
import random
import sys

random.seed(20261127)

GIVEN = ["Anna", "Jürgen", "Zoë", "Lukas", "Mehmet", "Sören", "Fatma", "Jörg",
         "Léa", "Björn", "Maximilian", "Ülkü", "Greta", "Paul", "Özlem",
         "Sophie", "Ramón", "Katarzyna", "Ines", "Tobias", "Hannah", "Nikolai",
         "Ayşe", "Felix", "Marta", "Jonas", "Chiara", "Emil", "Lena", "Malte"]
FAMILY = ["Müller", "Schröder", "Weiß", "Groß", "Öztürk", "Köhler", "Nowak",
          "Fischer", "Bäcker", "Hoffmann", "Straße", "Lindqvist", "Yılmaz",
          "Dubois", "Krüger", "Wagner", "Becker", "Jäger", "Schäfer", "Koch"]
CITIES = ["Köln", "Düsseldorf", "Bonn", "Aachen", "München", "Essen"]
COMPANIES = ["Datenwerk GmbH", "Stadtwerke Köln", "Freelancer", "Uni Bonn",
             "Kölner Tafel e.V.", "Rheinpixel", "Datenwerk GmbH", "", ""]
TAGS = ["#Datenschutz", "#Lua", "#Ehrenamt", "#OpenData", "#Barrierefreiheit",
        "#Rust", "#Nachhaltigkeit", "#Fotografie", "#UX", "#Kommunalpolitik",
        "#Bildung", "#Podcast", "#MakerSpace", "#Fahrrad", "#KI"]
LANGS = ["Deutsch", "Englisch", "Türkisch", "Französisch", "Polnisch"]

HEADER = ["Event-Kurzform", "Bestellnummer", "Positions-ID", "Status",
          "E-Mail", "Telefonnummer", "Bestelldatum", "Produkt", "Preis",
          "Name des Teilnehmers", "Name des Teilnehmers: Vorname",
          "Name des Teilnehmers: Nachname", "E-Mail des Teilnehmers", "Firma",
          "Adresse", "PLZ", "Stadt", "Land", "Ist das dein erstes Barcamp?",
          "Deine drei Hashtags", "Sprachen",
          "Dürfen wir dir Kontakte vorschlagen?", "Firma",
          "Rechnungsadresse Name", "Adresse", "PLZ", "Stadt", "Land"]


def quote(v):
    if any(c in v for c in ';"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def main(out):
    rows = []
    used = set()
    for i in range(60):
        while True:
            g, f = random.choice(GIVEN), random.choice(FAMILY)
            if (g, f) not in used:
                used.add((g, f))
                break
        ascii_name = (g + "." + f).lower()
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"),
                     ("ë", "e"), ("é", "e"), ("ó", "o"), ("ı", "i"),
                     ("ş", "s"), ("ğ", "g")):
            ascii_name = ascii_name.replace(a, b)
        company = random.choice(COMPANIES)
        domain = {"Datenwerk GmbH": "datenwerk.example",
                  "Stadtwerke Köln": "stadtwerke.example",
                  "Uni Bonn": "uni-bonn.example"}.get(company, "mail.example")
        email = f"{ascii_name}@{domain}"
        city = random.choice(CITIES)
        tags = random.sample(TAGS, 3)
        # People write their hashtags in every way: spaces, commas, case.
        style = random.randrange(4)
        if style == 0:
            interests = " ".join(tags)
        elif style == 1:
            interests = ", ".join(t.lstrip("#") for t in tags)
        elif style == 2:
            interests = " ".join(t.lower() for t in tags)
        else:
            interests = ", ".join(tags[:2]) + " " + tags[2].upper()
        langs = ["Deutsch"] if random.random() < 0.8 else []
        langs += random.sample(LANGS[1:], random.choice([0, 1, 1, 2]))
        if not langs:
            langs = ["Englisch"]
        first = random.random() < 0.35
        consent = "Nein" if random.random() < 0.07 else "Ja"
        rows.append([
            "barcamp-koeln-2026", f"K{1000 + i:04d}X", str(i + 1), "bezahlt",
            email, f"+49 221 {random.randrange(100000, 999999)}",
            "2026-10-%02d" % random.randrange(1, 29), "Teilnahme (2 Tage)",
            random.choice(["0,00", "12,50", "25,00"]), f"{g} {f}", g, f, email,
            company, f"{random.choice(['Hauptstraße', 'Am Ring', 'Gürzenichstr.'])} {random.randrange(1, 90)}",
            f"{random.randrange(10000, 99999)}", city, "DE",
            "Ja" if first else "Nein", interests, ", ".join(langs), consent,
            company, f"{g} {f}", "", "", city, "Deutschland",
        ])
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(quote(h) for h in HEADER) + "\r\n")
        for r in rows:
            fh.write(";".join(quote(v) for v in r) + "\r\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "barcamp.csv")
