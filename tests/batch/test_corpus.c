/* Unit tests of the corpus index (src/batch/corpus.c, folders.c, load.c)
 * and the per-story figures (figures.c), on small corpora written here. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"
#include "batch/internal.h"

#define REC(story, outlet, body)                                                                   \
    "{\"story\": \"" story "\", \"outlet\": \"" outlet "\", \"title\": \"A bridge closes\", "      \
    "\"text\": \"" body "\"}\n"

static const char corpus[] =
    REC("b", "zeta", "The bridge closed on Monday. Repairs take six weeks.") REC("a", "one", "Schools closed after the storm. Power was cut to many homes.") "not a record\n" REC(
        "b", "alpha",
        "The bridge closed on Monday for repairs.") "\n" REC("a", "two",
                                                             "The storm closed schools. Many homes "
                                                             "lost power.") "{\"story\": \"c\", "
                                                                            "\"outlet\": \"x\", "
                                                                            "\"text\": \"cut "
                                                                            "off\n" REC("d", "one",
                                                                                        "First "
                                                                                        "version.")
                                                                                REC("d", "one",
                                                                                    "Second "
                                                                                    "version.");

static char *write_tmp(const char *text)
{
    char *path = px_xstrdup("/tmp/pxcorpusXXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static px_corpus *open_ok(const char *path, unsigned k, unsigned n)
{
    px_corpus *c = NULL;
    px_error err;
    assert_int_equal(px_corpus_open(path, k, n, NULL, NULL, &c, &err), PX_OK);
    return c;
}

static void index_groups_lines_by_story(void **state)
{
    (void)state;
    char *path = write_tmp(corpus);
    px_corpus *c = open_ok(path, 0, 0);
    assert_int_equal(c->nstories, 4);
    const char *ids[] = {"b", "a", "c", "d"};
    const size_t first[] = {1, 2, 7, 8}, nrec[] = {2, 2, 1, 2};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(c->stories[i].id, ids[i]);
        assert_int_equal(c->stories[i].first_line, first[i]);
        assert_int_equal(c->stories[i].nrec, nrec[i]);
    }
    assert_int_equal(c->recs[c->stories[0].rec + 1].line, 4);
    assert_int_equal(c->nbad, 1);
    assert_int_equal(c->bad[0].line, 3);
    px_corpus_free(c);
    unlink(path);
    free(path);
}

static void shards_partition_the_stories(void **state)
{
    (void)state;
    char *path = write_tmp(corpus);
    size_t total = 0, bad = 0;
    for (unsigned k = 1; k <= 3; k++) {
        px_corpus *c = open_ok(path, k, 3);
        total += c->nstories;
        bad += c->nbad;
        for (size_t i = 0; i < c->nstories; i++)
            assert_int_equal(px_batch_shard_of(c->stories[i].id, 3), k);
        px_corpus_free(c);
    }
    assert_int_equal(total, 4);
    assert_int_equal(bad, 1); /* reported by one shard only */
    unlink(path);
    free(path);
}

static void rewrite(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void hash_follows_a_storys_own_lines(void **state)
{
    (void)state;
    char *path = write_tmp(corpus);
    px_corpus *c1 = open_ok(path, 0, 0);
    char *edited = px_xstrdup(corpus);
    strstr(edited, "Many homes")[0] = 'm'; /* an edit in story a */
    rewrite(path, edited);
    px_corpus *c2 = open_ok(path, 0, 0);
    assert_true(c1->stories[0].hash == c2->stories[0].hash); /* b */
    assert_true(c1->stories[1].hash != c2->stories[1].hash); /* a */
    /* a line moved: its number is in the story's reports, so the hash moves */
    char *moved = px_xmalloc(strlen(corpus) + 2);
    snprintf(moved, strlen(corpus) + 2, "\n%s", corpus);
    rewrite(path, moved);
    px_corpus *c3 = open_ok(path, 0, 0);
    assert_true(c1->stories[0].hash != c3->stories[0].hash);
    px_corpus_free(c1);
    px_corpus_free(c2);
    px_corpus_free(c3);
    unlink(path);
    free(path);
    free(edited);
    free(moved);
}

static void load_orders_outlets_and_names_lines(void **state)
{
    (void)state;
    char *path = write_tmp(corpus);
    px_corpus *c = open_ok(path, 0, 0);
    px_error err;
    px_story *s = NULL;
    assert_int_equal(px_corpus_load(c, 0, NULL, &s, &err), PX_OK);
    assert_int_equal(s->nsources, 2);
    assert_string_equal(s->articles[0]->id, "alpha"); /* line 4, but first by id */
    assert_string_equal(s->articles[1]->id, "zeta");
    assert_non_null(strstr(s->articles[0]->origin, ":4"));
    px_story_free(s);
    assert_int_equal(px_corpus_load(c, 2, NULL, &s, &err), PX_EINPUT);
    assert_int_equal(err.line, 7);
    px_story_free(s);
    assert_int_equal(px_corpus_load(c, 3, NULL, &s, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "two records of outlet 'one'"));
    px_story_free(s);
    px_corpus_free(c);
    unlink(path);
    free(path);
}

static void byte_order_mark_is_skipped(void **state)
{
    (void)state;
    char *path = write_tmp("\xEF\xBB\xBF" REC("s", "one", "The council voted.")
                               REC("s", "two", "The council voted on Monday."));
    px_corpus *c = open_ok(path, 0, 0);
    assert_int_equal(c->nstories, 1);
    assert_int_equal(c->nbad, 0);
    px_error err;
    px_story *s = NULL;
    assert_int_equal(px_corpus_load(c, 0, NULL, &s, &err), PX_OK);
    assert_int_equal(s->nsources, 2);
    px_story_free(s);
    px_corpus_free(c);
    unlink(path);
    free(path);
}

static void put_file(const char *dir, const char *name, const char *text)
{
    char *p = px_batch_path(dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

static void folders_are_stories(void **state)
{
    (void)state;
    char root[] = "/tmp/pxfoldersXXXXXX";
    assert_non_null(mkdtemp(root));
    char *s1 = px_batch_path(root, "storm"), *s2 = px_batch_path(root, "bridge");
    mkdir(s1, 0755);
    mkdir(s2, 0755);
    put_file(s1, "east.txt", "Storm\n\nThe storm closed schools.\n");
    put_file(s1, "west.txt", "Storm\n\nSchools closed in the storm.\n");
    put_file(s1, "README.md", "notes, not an article\n");
    put_file(s2, "north.txt", "Bridge\n\nThe bridge closed.\n");
    put_file(root, "stray.txt", "a file outside any story folder\n");
    px_corpus *c = open_ok(root, 0, 0);
    assert_true(c->folder);
    assert_int_equal(c->nstories, 2);
    assert_string_equal(c->stories[0].id, "bridge"); /* name order */
    assert_int_equal(c->stories[1].nrec, 2);         /* README left out */
    uint64_t before = c->stories[1].hash;
    px_error err;
    px_story *s = NULL;
    assert_int_equal(px_corpus_load(c, 1, NULL, &s, &err), PX_OK);
    assert_non_null(strstr(s->articles[0]->origin, "/storm/east.txt"));
    assert_null(strstr(s->articles[0]->origin, "/tmp/")); /* not the path it was given by */
    px_story_free(s);
    px_corpus_free(c);
    put_file(s1, "west.txt", "Storm\n\nSchools closed in the big storm.\n");
    c = open_ok(root, 0, 0);
    assert_true(c->stories[1].hash != before);
    px_corpus_free(c);
    const char *files[][2] = {{"storm", "east.txt"},
                              {"storm", "west.txt"},
                              {"storm", "README.md"},
                              {"bridge", "north.txt"},
                              {".", "stray.txt"}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *d = px_batch_path(root, files[i][0]), *p = px_batch_path(d, files[i][1]);
        unlink(p);
        free(p);
        free(d);
    }
    rmdir(s1);
    rmdir(s2);
    rmdir(root);
    free(s1);
    free(s2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(index_groups_lines_by_story),
        cmocka_unit_test(shards_partition_the_stories),
        cmocka_unit_test(hash_follows_a_storys_own_lines),
        cmocka_unit_test(load_orders_outlets_and_names_lines),
        cmocka_unit_test(byte_order_mark_is_skipped),
        cmocka_unit_test(folders_are_stories),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
