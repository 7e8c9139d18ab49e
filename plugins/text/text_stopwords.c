/*
 * text_stopwords.c -- short English and German stop word lists: words
 * that say little about what a text is about.  Written as folded text
 * compares (words.h: lower case, "dass" for "daß"), in byte order for
 * bsearch; the ones with umlauts are written as UTF-8 escapes and sort
 * last.  A word of one character is never a term anyway, but "I" still
 * tells English apart.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const text_stopwords_en[] = {
	"a", "about", "above", "after", "again", "against", "all", "almost",
	"along", "already", "also", "although", "am", "among", "an", "and",
	"another", "any", "anyone", "anything", "are", "around", "as", "at",
	"be", "because", "been", "before", "being", "below", "between",
	"both", "but", "by", "can", "can't", "cannot", "could", "did",
	"didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
	"each", "either", "else", "enough", "etc", "even", "ever", "every",
	"few", "for", "from", "further", "get", "gets", "getting", "got",
	"had", "has", "hasn't", "have", "haven't", "having", "he", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "however",
	"i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't",
	"it", "it's", "its", "itself", "just", "least", "less", "let's",
	"like", "lot", "lots", "many", "may", "maybe", "me", "might", "more",
	"most", "much", "must", "my", "myself", "neither", "no", "nor", "not",
	"now", "of", "off", "often", "on", "once", "one", "only", "or",
	"other", "others", "our", "ours", "ourselves", "out", "over", "own",
	"per", "quite", "rather", "really", "same", "several", "she",
	"should", "so", "some", "something", "such", "than", "that", "that's",
	"the", "their", "theirs", "them", "themselves", "then", "there",
	"there's", "these", "they", "they're", "this", "those", "though",
	"through", "thus", "to", "too", "under", "until", "up", "upon", "us",
	"very", "via", "was", "wasn't", "we", "we're", "we've", "well",
	"were", "what", "when", "where", "whether", "which", "while", "who",
	"whom", "whose", "why", "will", "with", "within", "without", "would",
	"yet", "you", "you're", "you've", "your", "yours", "yourself",
	"yourselves",
};

static const char *const text_stopwords_de[] = {
	"ab", "aber", "alle", "allem", "allen", "aller", "alles", "als",
	"also", "am", "an", "andere", "anderen", "anderer", "anderes", "auch",
	"auf", "aus", "bei", "beim", "bereits", "bin", "bis", "bisher", "bzw",
	"ca", "da", "dabei", "dadurch", "daher", "damit", "dann", "daran",
	"darauf", "darin", "darum", "dar\xc3\xbc" "ber", "das", "dass",
	"dazu", "dein", "deine", "dem", "den", "denen", "denn", "der",
	"deren", "des", "dessen", "desto", "dich", "die", "dies", "diese",
	"diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du",
	"durch", "eben", "ebenfalls", "eher", "ein", "eine", "einem", "einen",
	"einer", "eines", "einige", "einigen", "einiges", "er", "es", "etc",
	"etwa", "etwas", "euch", "euer", "eure", "f\xc3\xbcr", "gegen",
	"gerade", "gern", "gerne", "ggf", "gibt", "habe", "haben", "hat",
	"hatte", "hier", "h\xc3\xa4tte", "ich", "ihm", "ihn", "ihnen", "ihr",
	"ihre", "ihrem", "ihren", "ihrer", "im", "immer", "in", "ins", "ist",
	"ja", "je", "jede", "jedem", "jeden", "jeder", "jedes", "jedoch",
	"jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner",
	"k\xc3\xb6nnen", "k\xc3\xb6nnte", "man", "manche", "mehr", "mein",
	"meine", "meinem", "meinen", "meiner", "meist", "mich", "mir", "mit",
	"muss", "m\xc3\xb6" "chte", "m\xc3\xb6" "chten", "m\xc3\xbcssen",
	"nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne",
	"schon", "sehr", "sein", "seine", "seinem", "seinen", "seiner",
	"seit", "selbst", "sich", "sie", "sind", "so", "sodass", "solche",
	"soll", "sollen", "sollte", "sondern", "sowie", "sowohl", "um", "und",
	"uns", "unser", "unsere", "unserem", "unseren", "unter", "usw",
	"viel", "viele", "vielen", "vom", "von", "vor", "war", "waren", "was",
	"weil", "welche", "welchem", "welchen", "welcher", "welches", "wenn",
	"wer", "werde", "werden", "wie", "wieder", "will", "wir", "wird",
	"wo", "wurde", "wurden", "w\xc3\xa4hrend", "w\xc3\xbcrde",
	"w\xc3\xbcrden", "zu", "zum", "zur", "zwar", "zwischen",
	"\xc3\xbc" "ber",
};

int
text_stopwords_cmp(const void *vk, const void *ve)
{
	const struct text_stopwords_key *k = vk;
	const unsigned char *e = *(const unsigned char *const *)ve;
	const unsigned char *s = (const unsigned char *)k->s;
	size_t i;

	/* memcmp's order, then the shorter first, in one pass (no strlen:
	 * every word of every text is looked up). */
	for (i = 0; i < k->len && e[i] != '\0'; i++)
		if (s[i] != e[i])
			return s[i] < e[i] ? -1 : 1;
	return i < k->len ? 1 : e[i] != '\0' ? -1 : 0;
}

const char *const *
text_stopwords_list(enum text_lang lang, size_t *n)
{
	if (lang == TEXT_DE) {
		*n = sizeof text_stopwords_de / sizeof text_stopwords_de[0];
		return text_stopwords_de;
	}
	*n = sizeof text_stopwords_en / sizeof text_stopwords_en[0];
	return text_stopwords_en;
}

int
text_stopwords_has(enum text_lang lang, const char *w, size_t len)
{
	struct text_stopwords_key k = { w, len };
	const char *const *list;
	size_t n;

	list = text_stopwords_list(lang, &n);
	return bsearch(&k, list, n, sizeof *list, text_stopwords_cmp) != NULL;
}
