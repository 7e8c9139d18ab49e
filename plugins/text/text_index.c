/*
 * text_index.c -- a field's documents by term, for the candidate walk
 * (text.h).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"

int
text_index_build(struct text_index *x, const struct text_corpus *c,
    uint32_t field)
{
	uint32_t first = field * c->n, i;

	memset(x, 0, sizeof *x);
	x->most = calloc((size_t)c->nterms + 1, sizeof *x->most);
	if (x->most == NULL || postings_build(&x->post, c->nterms, c->n,
	    c->off + first, c->term, c->weight) != 0) {
		text_index_free(x);
		return -1;
	}
	x->post.unit = 1;	/* cosines: the vectors' length is 1 */
	for (i = c->off[first]; i < c->off[first + c->n]; i++)
		if (c->weight[i] > x->most[c->term[i]])
			x->most[c->term[i]] = c->weight[i];
	return 0;
}

void
text_index_free(struct text_index *x)
{
	postings_free(&x->post);
	free(x->most);
	memset(x, 0, sizeof *x);
}

size_t
text_index_upper(const struct text_index *x, const struct text_corpus *c,
    uint32_t da, const uint32_t **terms, double **upper)
{
	size_t m = c->off[da + 1] - c->off[da], i;

	*terms = c->term + c->off[da];
	if ((*upper = calloc(2 * m + 1, sizeof **upper)) == NULL)
		return (size_t)-1;
	for (i = 0; i < m; i++) {
		(*upper)[m + i] = c->weight[c->off[da] + i];
		(*upper)[i] = (*upper)[m + i] * x->most[(*terms)[i]];
	}
	return m;
}

int
text_index_terms(const struct text_index *x, const struct text_corpus *c,
    uint32_t da, double share, uint32_t vector, struct mingle_term *out,
    size_t cap, size_t *n)
{
	const uint32_t *terms;
	double *upper;
	size_t m, i;

	if ((m = text_index_upper(x, c, da, &terms, &upper)) == (size_t)-1)
		return -1;
	for (i = 0; i < 2 * m; i++)
		upper[i] *= share;
	postings_terms(&x->post, terms, upper + m, upper, m, vector, out, cap,
	    n);
	free(upper);
	return 0;
}
