# event.sh -- pieces of the INI for the events bench/make_event.py makes,
# shared by bench/run.sh and tests/e2e/threads.sh (sourced; it only
# defines functions, each writing its piece to stdout).

# event_fields: the [input] section and the fields every config reads.
event_fields() {
	cat <<'INI'
[input]
file = event.csv
id = Email
name = First Name + Last Name

[field interests]
column = Interests
type = tags

[field working]
column = Working on
type = text

[field offers]
column = Offers
type = tags

[field seeks]
column = Seeks
type = tags

[field first]
column = First time?
type = bool
INI
}

# event_tags: the shared_tags strategy on the interests.
event_tags() {
	cat <<'INI'

[strategy interests]
plugin = shared_tags
field = interests
INI
}

# event_help_work: offer_seek on offers and seeks, text_similarity on
# what each is working on.
event_help_work() {
	cat <<'INI'

[strategy help]
plugin = offer_seek
offers = offers
seeks = seeks

[strategy work]
plugin = text_similarity
field = working
INI
}
