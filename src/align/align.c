/*
 * align.c — claims of N outlets matched into facts.
 *
 * Every body sentence of every outlet is a claim (its attribution clause
 * counting for little), and so is each clause of a sentence that states
 * several facts (claims.c). Whole sentences are matched across every pair
 * of outlets and merged into groups (match.c); clauses then join a second
 * group where they fit it better than their own (parts.c). Each group is a
 * fact holding at most one claim per outlet; claims no other outlet shares
 * stay as single-outlet facts. Conflicting details are found within each
 * fact (conflicts.c).
 *
 * Deterministic: every choice is ordered by score, then by outlet and
 * sentence index, so the same input gives the same facts in the same order;
 * facts are ordered by how many outlets carry them, then by the outlet and
 * sentence of their first claim.
 */
#include <stdlib.h>
#include <string.h>

#include "align/internal.h"

/* A merged group's members must on average reach this share of the link
 * threshold. */
#define MERGE_SHARE 0.9
/* No two members of a fact may fall below this share of it. */
#define FLOOR_SHARE 0.4
/* A clause joins a second fact from this share of the link threshold. */
#define PART_SHARE 1.8

void px_align_defaults(px_align_opts *o)
{
    o->threshold = PX_ALIGN_THRESHOLD;
    o->keep_features = false;
}

const px_mention *px_fact_mention(const px_fact *f, uint32_t source)
{
    for (size_t i = 0; i < f->nmentions; i++)
        if (f->mentions[i].source == source)
            return &f->mentions[i];
    return NULL;
}

/* The attribution clause of sentence s, if any. */
static void attribution_of(const px_doc *d, uint32_t s, size_t *as, size_t *ae)
{
    *as = *ae = 0;
    for (size_t i = 0; i < d->nattrs; i++)
        if (d->attrs[i].sent == s) {
            *as = d->attrs[i].start;
            *ae = d->attrs[i].end;
            return;
        }
}

typedef PX_VEC(px_claim) claimvec;

/* Does the clause hold at least two content words outside the attribution? */
static bool own_content(const px_doc *d, const px_claim *c, size_t as, size_t ae)
{
    size_t n = 0;
    for (size_t k = c->tok; k < c->tok + c->ntok; k++) {
        const px_token *t = &d->toks[k];
        if ((t->flags & (PX_TOK_WORD | PX_TOK_NUMBER)) && !(t->flags & PX_TOK_STOP) &&
            !(t->start >= as && t->end <= ae))
            n++;
    }
    return n >= 2;
}

/* Whole sentences first (outlet by outlet, in order), then clauses. */
static void make_claims(const px_doc *const *docs, size_t ndocs, claimvec *out, size_t *nwhole)
{
    for (uint32_t s = 0; s < ndocs; s++)
        for (uint32_t k = 0; k < docs[s]->nsents; k++) {
            const px_sentence *se = &docs[s]->sents[k];
            if (se->headline)
                continue;
            px_claim c = {s, k, se->start, se->end, se->tok, se->ntok, false, (uint32_t)out->n};
            px_vec_push(*out, c);
        }
    *nwhole = out->n;
    for (size_t i = 0; i < *nwhole; i++) {
        px_claim w = out->v[i];
        const px_doc *d = docs[w.source];
        size_t st[8], en[8];
        size_t n = px_claim_clauses(d, w.sent, st, en);
        size_t as, ae;
        attribution_of(d, w.sent, &as, &ae);
        for (size_t k = 0; n > 1 && k < n; k++) {
            px_claim c = {w.source, w.sent, d->toks[st[k]].start, d->toks[en[k] - 1].end,
                          st[k], en[k] - st[k], true, (uint32_t)i};
            if (!own_content(d, &c, as, ae))
                continue; /* "according to the White House" states no fact */
            px_vec_push(*out, c);
        }
    }
}

typedef struct {
    px_arena *a;
    const px_doc *const *docs;
    const claimvec *claims;
    size_t nwhole;
    px_vocab voc;
    px_bag *bags;
    uint32_t *source, *parent, *group;
    uint32_t *extra_part, *extra_group; /* clauses that joined a second group */
    size_t nextra;
} state;

/* The clauses of each whole claim, and the groups' member lists. */
static void attach_parts(state *st, double threshold)
{
    size_t nc = st->claims->n, nw = st->nwhole;
    uint32_t *first = px_xcalloc(nw + 2, sizeof *first), *next = px_xcalloc(nw + 1, 4);
    uint64_t *held = px_xcalloc(nw + 1, sizeof *held);
    for (size_t k = nw; k < nc; k++)
        first[st->parent[k] + 1]++;
    for (size_t i = 0; i < nw; i++)
        first[i + 1] += first[i];
    uint32_t *part_of = px_xcalloc(nc - nw + 1, sizeof *part_of);
    for (size_t k = nw, j = 0; k < nc; k++, j++)
        part_of[j] = (uint32_t)k; /* clauses follow their sentences' order */
    uint32_t *last = px_xcalloc(nw + 1, 4);
    for (uint32_t i = 0; i < nw; i++) {
        next[i] = UINT32_MAX;
        held[st->group[i]] |= 1ULL << st->source[i];
        if (st->group[i] != i)
            next[last[st->group[i]]] = i;
        last[st->group[i]] = i;
    }
    size_t *term_at;
    uint32_t *term_claims;
    px_term_index(&st->voc, st->bags, nw, &term_at, &term_claims);
    px_parts_in in = {&st->voc, st->bags, st->source, st->parent, nc, nw, st->group, next,
                      held, first, part_of, term_at, term_claims, threshold};
    st->nextra = px_match_parts(&in, &st->extra_part, &st->extra_group);
    free(first);
    free(next);
    free(held);
    free(part_of);
    free(last);
    free(term_at);
    free(term_claims);
}

/* Each outlet's headline as a bag (empty when it has none); headlines
 * are not claims and add nothing to the word statistics. */
static px_bag *headline_bags(px_arena *a, px_vocab *v, const px_doc *const *docs, size_t n)
{
    px_bag *h = px_xcalloc(n + 1, sizeof *h);
    for (size_t s = 0; s < n; s++) {
        const px_doc *d = docs[s];
        if (d->nsents && d->sents[0].headline)
            h[s] = px_claim_bag(a, v, d, d->sents[0].tok, d->sents[0].ntok, 0, 0, false);
    }
    return h;
}

typedef struct {
    uint32_t root;
    size_t carriers;
} factkey;

static int cmp_fact(const void *x, const void *y)
{
    const factkey *p = x, *q = y;
    if (p->carriers != q->carriers)
        return p->carriers > q->carriers ? -1 : 1;
    return p->root < q->root ? -1 : (p->root > q->root);
}

static int cmp_mention(const void *x, const void *y)
{
    const px_mention *p = x, *q = y;
    return p->source < q->source ? -1 : (p->source > q->source);
}

/* The representative: the claim most similar to the others; scores are
 * similarities to it. */
static void represent(const state *st, px_fact *f)
{
    double best = -1;
    for (size_t i = 0; i < f->nmentions; i++) {
        double sum = 0;
        for (size_t j = 0; j < f->nmentions; j++)
            if (i != j && !st->claims->v[f->mentions[i].claim].part)
                sum += px_bag_similarity(&st->voc, &st->bags[f->mentions[i].claim],
                                         &st->bags[f->mentions[j].claim]);
        if (sum > best) {
            best = sum;
            f->rep = i;
        }
    }
    for (size_t i = 0; i < f->nmentions; i++)
        f->mentions[i].score =
            i == f->rep ? 1.0
                        : px_bag_similarity(&st->voc, &st->bags[f->mentions[i].claim],
                                            &st->bags[f->mentions[f->rep].claim]);
}

static void add_mention(const state *st, px_fact *f, uint32_t claim)
{
    const px_claim *c = &st->claims->v[claim];
    px_mention *m = &f->mentions[f->nmentions++];
    m->source = c->source;
    m->sent = c->sent;
    m->claim = claim;
    m->quoted = st->docs[c->source]->sents[c->sent].quoted > 0.5;
}

/* Members of every group, whole claims in index order then the extra
 * clauses in theirs: group g's are members[at[g] .. at[g + 1]). One pass,
 * so a story of many single-claim facts stays linear. */
static uint32_t *group_members(const state *st, const size_t *count, size_t **at_out)
{
    size_t nw = st->nwhole;
    size_t *at = px_xcalloc(nw + 2, sizeof *at), *fill = px_xcalloc(nw + 1, sizeof *fill);
    for (size_t g = 0; g < nw; g++)
        at[g + 1] = at[g] + count[g];
    uint32_t *members = px_xcalloc(at[nw] + 1, sizeof *members);
    for (uint32_t i = 0; i < nw; i++)
        members[at[st->group[i]] + fill[st->group[i]]++] = i;
    for (size_t e = 0; e < st->nextra; e++)
        members[at[st->extra_group[e]] + fill[st->extra_group[e]]++] = st->extra_part[e];
    free(fill);
    *at_out = at;
    return members;
}

static void build_facts(state *st, px_alignment *out)
{
    size_t nw = st->nwhole;
    size_t *count = px_xcalloc(nw + 1, sizeof *count);
    for (size_t i = 0; i < nw; i++)
        count[st->group[i]]++;
    for (size_t e = 0; e < st->nextra; e++)
        count[st->extra_group[e]]++;
    size_t *at;
    uint32_t *members = group_members(st, count, &at);
    factkey *keys = px_xcalloc(nw + 1, sizeof *keys);
    size_t nf = 0;
    for (uint32_t i = 0; i < nw; i++)
        if (st->group[i] == i)
            keys[nf++] = (factkey){i, count[i]};
    qsort(keys, nf, sizeof *keys, cmp_fact);
    out->facts = px_arena_array(st->a, nf ? nf : 1, sizeof(px_fact));
    out->nfacts = nf;
    for (size_t f = 0; f < nf; f++) {
        px_fact *fact = &out->facts[f];
        uint32_t g = keys[f].root;
        fact->mentions = px_arena_array(st->a, keys[f].carriers, sizeof(px_mention));
        for (size_t k = at[g]; k < at[g + 1]; k++)
            add_mention(st, fact, members[k]);
        qsort(fact->mentions, fact->nmentions, sizeof *fact->mentions, cmp_mention);
        represent(st, fact);
        px_align_conflicts(st->a, st->docs, out, fact);
    }
    free(keys);
    free(count);
    free(members);
    free(at);
}

const char *const *px_align_feature_names(size_t *n)
{
    *n = PX_NFEATURES;
    return px_feature_names;
}

/* Context of a pair among the other candidates: is it each side's best
 * partner in the other outlet, and by how much (sim). */
static void context_features(px_link *links, size_t nl, const uint32_t *source, size_t nc,
                             double *f_all)
{
    size_t ns = 0;
    for (size_t i = 0; i < nc; i++)
        if (source[i] + 1 > ns)
            ns = source[i] + 1;
    /* best and second best score of each claim towards each outlet */
    double *best = px_xcalloc(nc * ns + 1, sizeof *best), *second = px_xcalloc(nc * ns + 1, 8);
    for (size_t k = 0; k < nl; k++) {
        const px_link *l = &links[k];
        size_t ia = (size_t)l->a * ns + source[l->b], ib = (size_t)l->b * ns + source[l->a];
        size_t ix[2] = {ia, ib};
        for (int side = 0; side < 2; side++) {
            size_t i = ix[side];
            if (l->sim > best[i]) {
                second[i] = best[i];
                best[i] = l->sim;
            } else if (l->sim > second[i]) {
                second[i] = l->sim;
            }
        }
    }
    for (size_t k = 0; k < nl; k++) {
        const px_link *l = &links[k];
        double *f = f_all + k * PX_NFEATURES;
        size_t ia = (size_t)l->a * ns + source[l->b], ib = (size_t)l->b * ns + source[l->a];
        f[PX_F_BEST_A] = l->sim >= best[ia];
        f[PX_F_BEST_B] = l->sim >= best[ib];
        f[PX_F_MARGIN_A] = l->sim - (l->sim >= best[ia] ? second[ia] : best[ia]);
        f[PX_F_MARGIN_B] = l->sim - (l->sim >= best[ib] ? second[ib] : best[ib]);
    }
    free(best);
    free(second);
}

/* Every pair of whole claims of two outlets that share a term, with its
 * features. */
static void make_links(state *st, const double *sim, px_alignment *out, bool keep)
{
    size_t nw = st->nwhole;
    PX_VEC(px_link) links = {0};
    for (uint32_t x = 0; x < nw; x++)
        for (uint32_t y = x + 1; y < nw; y++) {
            if (st->source[x] == st->source[y])
                continue;
            double s = sim ? sim[(size_t)x * nw + y]
                           : px_bag_similarity(&st->voc, &st->bags[x], &st->bags[y]);
            if (s <= 0)
                continue;
            px_link l = {x, y, s, 0, NULL};
            px_vec_push(links, l);
        }
    px_words words;
    px_words_init(&words);
    px_claim_info *info = px_xcalloc(nw + 1, sizeof *info);
    for (size_t i = 0; i < nw; i++)
        px_claim_info_make(st->a, &words, st->docs[st->source[i]], &st->claims->v[i], true,
                           &info[i]);
    double *f = px_arena_array(st->a, links.n * PX_NFEATURES + 1, sizeof *f);
    for (size_t k = 0; k < links.n; k++) {
        px_link *l = &links.v[k];
        px_pair_features(&st->voc, &words, &st->bags[l->a], &st->bags[l->b], &info[l->a], &info[l->b],
                         l->sim, f + k * PX_NFEATURES);
    }
    context_features(links.v, links.n, st->source, nw, f);
    for (size_t k = 0; k < links.n; k++)
        links.v[k].features = keep ? f + k * PX_NFEATURES : NULL;
    out->links = px_arena_memdup(st->a, links.v, links.n * sizeof *links.v);
    out->nlinks = links.n;
    free(info);
    px_words_free(&words);
    px_vec_free(links);
}

px_status px_align_story(px_arena *a, const px_doc *const *docs, size_t ndocs,
                         const px_align_opts *o, px_alignment *out, px_error *err)
{
    memset(out, 0, sizeof *out);
    if (ndocs > 64)
        return px_error_set(err, PX_ELIMIT, NULL, 0, "at most 64 sources in one story");
    px_align_opts defaults;
    if (!o) {
        px_align_defaults(&defaults);
        o = &defaults;
    }
    out->nsources = ndocs;
    out->threshold = o->threshold;
    claimvec claims = {0};
    state st = {a, docs, &claims, 0, {0}, NULL, NULL, NULL, NULL, NULL, NULL, 0};
    make_claims(docs, ndocs, &claims, &st.nwhole);
    size_t nc = claims.n;
    px_vocab_init(&st.voc);
    st.voc.story = true;
    st.bags = px_xcalloc(nc + 1, sizeof *st.bags);
    st.source = px_xcalloc(nc + 1, sizeof *st.source);
    st.parent = px_xcalloc(nc + 1, sizeof *st.parent);
    for (size_t i = 0; i < nc; i++) {
        const px_claim *c = &claims.v[i];
        size_t as, ae;
        attribution_of(docs[c->source], c->sent, &as, &ae);
        st.bags[i] = px_claim_bag(a, &st.voc, docs[c->source], c->tok, c->ntok, as, ae, !c->part);
        st.source[i] = c->source;
        st.parent[i] = c->parent;
    }
    px_bag *heads = headline_bags(a, &st.voc, docs, ndocs);
    px_vocab_finish(&st.voc);
    for (size_t i = 0; i < nc; i++)
        px_bag_prepare(a, &st.voc, &st.bags[i]);
    double *sim = px_sim_matrix(&st.voc, st.bags, st.source, st.nwhole);
    px_match_in mi = {&st.voc, st.bags, sim, st.source, st.nwhole, ndocs, o->threshold,
                      o->threshold * MERGE_SHARE, o->threshold * FLOOR_SHARE};
    st.group = px_match_groups(&mi);
    if (o->keep_features)
        make_links(&st, sim, out, true);
    free(sim);
    attach_parts(&st, o->threshold * PART_SHARE);
    out->claims = px_arena_memdup(a, claims.v, nc * sizeof *claims.v);
    out->nclaims = nc;
    build_facts(&st, out);
    px_prominence_in pi = {docs, &st.voc, st.bags, heads, o->threshold};
    px_align_prominence(&pi, out);
    free(heads);
    free(st.extra_part);
    free(st.extra_group);
    free(st.group);
    free(st.source);
    free(st.parent);
    free(st.bags);
    px_vocab_free(&st.voc);
    px_vec_free(claims);
    return PX_OK;
}
