#!/usr/bin/env python3
"""Generate one synthetic export per preset into examples/, in the exact
shape each tool writes (headers, dialect, statuses, dates):

  eventbrite.csv    attendee report; a group order on one buyer e-mail
  pretix.csv        order data (positions), German headers, semicolons
  tito.csv          tickets; voided and unassigned tickets
  luma.csv          guests, newest first; declined, waitlisted, pending
  meetup.csv        event RSVP list, tab-separated
  google-forms.csv  responses sheet, German (Zeitstempel, E-Mail-Adresse)

Every export holds people who are not coming, one person registered twice,
people who said no to introductions, umlauts and quoted line breaks.
With a second argument, also writes DIR/<preset>.expect for
tests/e2e/presets.sh: who must never appear in the introductions and how
many duplicates there are.  Synthetic people only; deterministic."""
import os
import random
import sys

GIVEN = ["Anna", "Jürgen", "Zoë", "Lukas", "Mehmet", "Sören", "Fatma", "Jörg",
         "Léa", "Björn", "Maximilian", "Ülkü", "Greta", "Paul", "Özlem",
         "Sophie", "Ramón", "Katarzyna", "Ines", "Tobias", "Hannah", "Nikolai",
         "Ayşe", "Felix", "Marta", "Jonas", "Chiara", "Emil", "Lena", "Malte"]
FAMILY = ["Müller", "Schröder", "Weiß", "Groß", "Öztürk", "Köhler", "Nowak",
          "Fischer", "Bäcker", "Hoffmann", "Lindqvist", "Yılmaz", "Dubois",
          "Krüger", "Wagner", "Becker", "Jäger", "Schäfer", "Koch", "Brandt"]
TAGS = ["#OpenData", "#Lua", "#Datenschutz", "#Ehrenamt", "#Rust", "#UX",
        "#Fahrrad", "#Podcast", "#KI", "#Bildung"]
CITIES = ["Köln", "Düsseldorf", "Bonn", "Aachen", "Essen"]
COMPANIES = ["Datenwerk GmbH", "Rheinpixel", "Uni Bonn", "Freelancer", ""]

ASCII = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ë", "e"),
         ("é", "e"), ("ó", "o"), ("ı", "i"), ("ş", "s"), ("Ü", "ue"),
         ("Ö", "oe"))


def mail(given, family, domain="mail.example"):
    local = (given + "." + family).lower()
    for a, b in ASCII:
        local = local.replace(a, b)
    return f"{local}@{domain}"


def people(rng, n):
    """N synthetic people with unique names."""
    used, out = set(), []
    while len(out) < n:
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        if (g, f) in used:
            continue
        used.add((g, f))
        tags = rng.sample(TAGS, 3)
        style = rng.randrange(4)
        if style == 0:
            interests = " ".join(tags)
        elif style == 1:
            interests = ", ".join(t.lstrip("#") for t in tags)
        elif style == 2:
            # a multi-line answer: a quoted line break in the export
            interests = ", ".join(tags[:2]) + ",\n" + tags[2]
        else:
            interests = "; ".join(tags).lower().replace(";", ",")
        out.append({"given": g, "family": f, "name": f"{g} {f}",
                    "email": mail(g, f), "interests": interests,
                    "consent": rng.random() >= 0.12,
                    "city": rng.choice(CITIES),
                    "company": rng.choice(COMPANIES)})
    return out


def write(path, header, rows, delim=",", quote_all=False, crlf=False):
    def q(v):
        v = str(v)
        if quote_all or any(c in v for c in delim + '"\r\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    end = "\r\n" if crlf else "\n"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(delim.join(q(h) for h in header) + end)
        for r in rows:
            fh.write(delim.join(q(v) for v in r) + end)


class Expect:
    """What tests/e2e/presets.sh checks for one export."""

    def __init__(self, preset):
        self.preset = preset
        self.absent = []        # (name, why)
        self.attendees = []     # (name, how often): in the attendee table
        self.duplicates = 0

    def gone(self, person, why):
        self.absent.append((person["name"], why))

    def once(self, person, why):
        self.attendees.append((person["name"], why))
        self.duplicates += why == "registered twice"

    def write(self, folder):
        with open(os.path.join(folder, self.preset + ".expect"), "w",
                  encoding="utf-8") as fh:
            fh.write(f"preset {self.preset}\n")
            fh.write(f"duplicates {self.duplicates}\n")
            for name, why in self.absent:
                fh.write(f"absent {name}\t{why}\n")
            for name, why in self.attendees:
                fh.write(f"once {name}\t{why}\n")


def consent_word(p, yes="Yes", no="No"):
    return yes if p["consent"] else no


def note_consent(exp, ps):
    for p in ps:
        if not p["consent"]:
            exp.gone(p, "said no to introductions")


# ---------------------------------------------------------------- Eventbrite

def eventbrite(rng, out):
    exp = Expect("eventbrite")
    consent_q = "May we introduce you to other attendees?"
    topics_q = "What would you like to talk about?"
    header = ["Order #", "Order Date", "First Name", "Last Name", "Email",
              "Quantity", "Price Tier", "Ticket Type", "Attendee #", "Group",
              "Order Type", "Currency", "Total Paid", "Fees Paid",
              "Eventbrite Fees", "Eventbrite Payment Processing",
              "Attendee Status", "Home City", consent_q, topics_q,
              "Job Title", "Company"]
    ps = people(rng, 30)
    rows, order, attendee = [], 1034872190, 2104567001
    status = ["Attending"] * 22 + ["Checked In"] * 3 + ["Not Attending",
              "Refunded", "Cancelled", "Transferred", "Not Attending"]
    rng.shuffle(status)
    day = 1

    def row(p, st, buyer=None, qty=1, date=None):
        nonlocal attendee
        attendee += rng.randrange(3, 40)
        return [order, date or f"10/{day:02d}/26 {rng.randrange(8, 23)}:"
                f"{rng.randrange(60):02d}", p["given"], p["family"],
                buyer or p["email"], qty, "", "General Admission",
                attendee, "", "Eventbrite Completed", "EUR", "25.00", "1.99",
                "1.49", "0.87", st, p["city"], consent_word(p), p["interests"],
                rng.choice(["Developer", "Designer", "Student", ""]),
                p["company"]]

    for i, p in enumerate(ps[:26]):
        order += rng.randrange(100, 9000)
        day = 1 + i
        rows.append(row(p, status[i]))
        if status[i] not in ("Attending", "Checked In"):
            exp.gone(p, status[i])
    # A group order: the buyer's e-mail on every ticket, three people.
    order += 777
    buyer = ps[26]["email"]
    for p in ps[26:29]:
        rows.append(row(p, "Attending", buyer=buyer, qty=3,
                        date="10/27/26 09:12"))
        exp.once(p, "group order")
    # One person registered twice: a new order later, the e-mail typed in
    # capitals with a space before it.
    dup = next(i for i in range(3, 26) if status[i] == "Attending")
    p = ps[dup]
    order += 4242
    again = row(p, "Attending", date="10/29/26 18:40")
    again[4] = " " + p["email"].upper()
    rows.append(again)
    exp.once(p, "registered twice")
    note_consent(exp, [q for q in ps[:29]])
    write(os.path.join(out, "eventbrite.csv"), header, rows)
    return exp


# ---------------------------------------------------------------- pretix

def pretix(rng, out):
    exp = Expect("pretix")
    consent_q = "Dürfen wir dich anderen Teilnehmenden vorstellen?"
    topics_q = "Worüber möchtest du reden?"
    header = ["Event-Kurzform", "Bestellnummer", "Positions-ID", "Status",
              "E-Mail", "Telefonnummer", "Bestelldatum", "Bestellzeit",
              "Produkt", "Variante", "Preis", "Steuersatz",
              "Name des Teilnehmers", "Name des Teilnehmers: Vorname",
              "Name des Teilnehmers: Nachname", "E-Mail des Teilnehmers",
              "Firma", "Stadt", "Land", "Gutschein",
              "Pseudonymisierungs-ID", consent_q, topics_q, "Firma",
              "Rechnungsadresse Name", "Stadt", "Verkaufskanal",
              "Bestellsprache"]
    ps = people(rng, 30)
    codes = ["K" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ3789")
                           for _ in range(4)) for _ in range(26)]
    status = ["bezahlt"] * 21 + ["storniert", "storniert", "ausstehend",
                                 "ausstehend", "abgelaufen"]
    rng.shuffle(status)
    rows, code = [], 0

    def row(p, st, code, pos, date, time, buyer=None, own=True):
        return ["barcamp-rhein-2026", code, pos, st, buyer or p["email"],
                f"+49 221 {rng.randrange(100000, 999999)}", date, time,
                "Teilnahme (2 Tage)", "", "12,50", "7,00", p["name"],
                p["given"], p["family"], p["email"] if own else "",
                p["company"], p["city"], "DE", "",
                f"{rng.randrange(16**7, 16**8):08X}", consent_word(p, "Ja",
                                                                   "Nein"),
                p["interests"], p["company"], p["name"], p["city"], "web",
                "de"]

    for i, p in enumerate(ps[:26]):
        code = codes[i]
        rows.append(row(p, status[i], code, 1, f"2026-10-{1 + i:02d}",
                        f"{rng.randrange(8, 23):02d}:{rng.randrange(60):02d}"
                        ":00"))
        if status[i] != "bezahlt":
            exp.gone(p, status[i])
    # A group order: two positions, the attendees gave no own e-mail.
    code = "KGRP1"
    buyer = ps[26]["email"]
    for pos, p in enumerate(ps[26:29], start=1):
        rows.append(row(p, "bezahlt", code, pos, "2026-10-27", "09:12:44",
                        buyer=buyer, own=pos == 1))
        exp.once(p, "group order")
    # One person ordered twice; the first order's row stays in the export.
    dup = next(i for i in range(5, 26) if status[i] == "bezahlt")
    rows.append(row(ps[dup], "bezahlt", "KZ2Q9", 1, "2026-10-30",
                    "21:05:10"))
    exp.once(ps[dup], "registered twice")
    note_consent(exp, ps[:29])
    write(os.path.join(out, "pretix.csv"), header, rows, delim=";",
          crlf=True)
    return exp


# ---------------------------------------------------------------- Tito

def tito(rng, out):
    exp = Expect("tito")
    consent_q = "Can we introduce you to other attendees?"
    topics_q = "What topics are you into?"
    header = ["Number", "Ticket Created Date", "Ticket", "Ticket Full Name",
              "Ticket First Name", "Ticket Last Name", "Ticket Email",
              "Ticket Company Name", "Ticket Phone Number", "Event",
              "Void Status", "Price", "Ticket Reference", "Tags",
              "Order Reference", "Order Name", "Order Email",
              'Monday "sprint" attendance', consent_q, topics_q]
    ps = people(rng, 30)
    rows, number = [], 1
    void = set(rng.sample(range(24), 4))

    def row(p, n, ref, date, voided=False, order=None, assigned=True):
        o = order or p
        return [n, date, "Conference Ticket",
                p["name"] if assigned else "",
                p["given"] if assigned else "",
                p["family"] if assigned else "",
                p["email"] if assigned else "",
                p["company"] if assigned else "", "", "devconf-2026",
                "void" if voided else "", "120.00",
                f"{ref}-{n}", "", ref, o["name"], o["email"],
                rng.choice(["Yes", "No"]) if assigned else "",
                consent_word(p) if assigned else "",
                p["interests"] if assigned else ""]

    for i, p in enumerate(ps[:24]):
        ref = f"Q{rng.randrange(1000, 9999)}"
        rows.append(row(p, number, ref, f"2026-09-{1 + i:02d} 10:1{i % 10}"
                        f":00 UTC", voided=i in void))
        number += 1
        if i in void:
            exp.gone(p, "void")
    # An order of four tickets: two assigned, two nobody holds yet.
    buyer = ps[24]
    for k, p in enumerate(ps[24:28]):
        rows.append(row(p, number, "QGRP", "2026-09-26 08:00:00 UTC",
                        order=buyer, assigned=k < 2))
        number += 1
        if k < 2:
            exp.once(p, "group order")
    # A ticket re-issued: the same person on a new ticket number.
    dup = next(i for i in range(7, 24) if i not in void)
    rows.append(row(ps[dup], number, f"Q{rng.randrange(1000, 9999)}",
                    "2026-09-28 12:00:00 UTC"))
    exp.once(ps[dup], "registered twice")
    note_consent(exp, ps[:26])
    write(os.path.join(out, "tito.csv"), header, rows)
    return exp


# ---------------------------------------------------------------- Luma

def luma(rng, out):
    exp = Expect("luma")
    consent_q = "Would you like us to introduce you to other guests?"
    topics_q = "Which topics interest you?"
    header = ["api_id", "name", "first_name", "last_name", "email",
              "phone_number", "created_at", "approval_status",
              "custom_source", "checked_in_at", "qr_code_url", "amount",
              "amount_tax", "amount_discount", "currency", "coupon_code",
              "eth_address", "solana_address", "survey_response_rating",
              "survey_response_feedback", "ticket_type_id", "ticket_name",
              consent_q, topics_q]
    ps = people(rng, 30)
    status = ["approved"] * 22 + ["declined", "declined", "waitlist",
                                  "pending_approval", "invited"]
    rng.shuffle(status)
    rows = []

    def row(p, st, when):
        gid = "gst-" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz"
                                          "0123456789") for _ in range(14))
        return [gid, p["name"], p["given"], p["family"], p["email"], "",
                when, st, "", "", f"https://luma.example/check-in/{gid}",
                "0", "0", "0", "", "", "", "", "", "",
                "evtticket-Free", "Free", consent_word(p), p["interests"]]

    for i, p in enumerate(ps[:27]):
        rows.append(row(p, status[i], f"2026-08-{1 + i:02d}T1{i % 10}:"
                        f"{rng.randrange(60):02d}:00.000Z"))
        if status[i] != "approved":
            exp.gone(p, status[i])
    # One guest registered again, later; the export lists newest first.
    dup = next(i for i in range(2, 27) if status[i] == "approved")
    rows.append(row(ps[dup], "approved", "2026-08-30T08:15:00.000Z"))
    exp.once(ps[dup], "registered twice")
    rows.sort(key=lambda r: r[6], reverse=True)
    note_consent(exp, ps[:27])
    write(os.path.join(out, "luma.csv"), header, rows)
    return exp


# ---------------------------------------------------------------- Meetup

def meetup(rng, out):
    exp = Expect("meetup")
    consent_q = "Are you happy to be introduced to other members?"
    topics_q = "What do you want to talk about?"
    header = ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests",
              "RSVPed on", "Joined Group on", "URL of Member Profile",
              consent_q, topics_q]
    ps = people(rng, 30)
    rsvp = ["Yes"] * 22 + ["No", "No", "Waitlist", "Waitlist", "No"]
    rng.shuffle(rsvp)
    rows = []

    def row(p, uid, r, when):
        # Meetup shows names as members typed them; tabs never appear
        return [p["name"], f"user {uid}", "", "No", r, "0", when,
                f"20{rng.randrange(15, 26)}-0{rng.randrange(1, 10)}-1"
                f"{rng.randrange(10)}", f"https://meetup.example/members/"
                f"{uid}", consent_word(p), p["interests"].replace("\n", " ")]

    uids = rng.sample(range(10000000, 99999999), 27)
    for i, p in enumerate(ps[:27]):
        rows.append(row(p, uids[i], rsvp[i], f"2026-11-{1 + i:02d} "
                        f"1{i % 10}:00"))
        if rsvp[i] != "Yes":
            exp.gone(p, "RSVP " + rsvp[i])
    # A member who RSVPed again is listed a second time.
    dup = next(i for i in range(9, 27) if rsvp[i] == "Yes")
    rows.append(row(ps[dup], uids[dup], "Yes", "2026-11-29 09:00"))
    exp.once(ps[dup], "registered twice")
    note_consent(exp, ps[:27])
    write(os.path.join(out, "meetup.csv"), header, rows, delim="\t")
    return exp


# ---------------------------------------------------------------- Google Forms

def google_forms(rng, out):
    exp = Expect("google-forms")
    consent_q = "Dürfen wir dich anderen Teilnehmenden vorstellen?"
    topics_q = "Deine drei Hashtags"
    header = ["Zeitstempel", "E-Mail-Adresse", "Vor- und Nachname",
              "Bist du zum ersten Mal dabei?", topics_q, consent_q]
    ps = people(rng, 28)
    rows = []
    for i, p in enumerate(ps):
        rows.append([f"{1 + i:02d}.10.2026 {rng.randrange(8, 23)}:"
                     f"{rng.randrange(60):02d}:{rng.randrange(60):02d}",
                     p["email"], p["name"], rng.choice(["Ja", "Nein"]),
                     p["interests"], consent_word(p, "Ja", "Nein")])
    # One person sent the form twice; the second time they said no.
    p = ps[11]
    again = [f"30.10.2026 07:0{rng.randrange(10)}:00", p["email"].title(),
             "  " + p["name"].replace(" ", "  ") + " ", "Nein",
             p["interests"], "Nein"]
    rows.append(again)
    exp.once(p, "registered twice")
    exp.gone(p, "said no the second time")
    note_consent(exp, ps)
    write(os.path.join(out, "google-forms.csv"), header, rows)
    return exp


def main():
    out = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) > 1:
        out = sys.argv[1]
    expect = sys.argv[2] if len(sys.argv) > 2 else None
    for k, make in enumerate((eventbrite, pretix, tito, luma, meetup,
                              google_forms)):
        exp = make(random.Random(20261201 + k), out)
        if expect:
            exp.write(expect)


if __name__ == "__main__":
    main()
