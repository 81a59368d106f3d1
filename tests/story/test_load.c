/* Unit tests of the loader (src/story/load.c): story folders (which files
 * are articles, name order, story.json, the story id), files of records
 * (a JSON array, JSON Lines with a byte-order mark, the story id of the
 * records), the URLs a load would fetch, inputs named under a root, and
 * what is an error. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

static void put(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void rm_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A story folder: three outlets, a story.json, and files that are not
 * articles. */
static char *story_folder(void)
{
    char *root = strdup("/tmp/pxloadXXXXXX");
    assert_non_null(mkdtemp(root));
    char dir[600];
    snprintf(dir, sizeof dir, "%s/harbour-fire", root);
    assert_int_equal(mkdir(dir, 0755), 0);
    put(dir, "zeta.txt", "Fire at the harbour\n\nA fire broke out at the harbour on Monday.\n");
    put(dir, "alpha.txt", "Harbour fire\n\nFirefighters put out a fire at the harbour.\n");
    put(dir, "mid.json",
        "[{\"outlet\": \"mid\", \"title\": \"Blaze\", \"text\": \"A blaze hit the harbour.\"}]");
    put(dir, "story.json",
        "{\"title\": \"The harbour fire\", \"sources\": {\"zeta\": {\"name\": \"Zeta News\", "
        "\"url\": \"https://zeta.example/fire\"}}}");
    put(dir, "gold.json", "[{\"outlet\": \"g\", \"url\": \"https://gold.example/x\"}]");
    put(dir, "README.md", "notes\n");
    put(dir, ".hidden.txt", "Hidden\n\nNot an article.\n");
    return root;
}

static void folder_is_a_story(void **state)
{
    (void)state;
    char *root = story_folder();
    char dir[600];
    snprintf(dir, sizeof dir, "%s/harbour-fire", root);
    const char *in = dir;
    px_story *s = NULL;
    px_error err = {0};
    assert_int_equal(px_story_load(&s, &in, 1, NULL, &err), PX_OK);
    /* article files in name order; story.json, gold.json, README, hidden left out */
    assert_int_equal(s->nsources, 3);
    assert_string_equal(s->articles[0]->id, "alpha");
    assert_string_equal(s->articles[1]->id, "mid");
    assert_string_equal(s->articles[2]->id, "zeta");
    /* story.json: the title and zeta's name and URL */
    assert_string_equal(s->title, "The harbour fire");
    assert_string_equal(px_story_outlet(s, 2), "Zeta News");
    assert_string_equal(s->articles[2]->url, "https://zeta.example/fire");
    assert_string_equal(s->id, "harbour-fire"); /* the folder's name */
    px_story_free(s);
    /* the id asked for wins */
    px_load_opts o = {.id = "fire-2021"};
    assert_int_equal(px_story_load(&s, &in, 1, &o, &err), PX_OK);
    assert_string_equal(s->id, "fire-2021");
    px_story_free(s);
    rm_tree(root);
    free(root);
}

static void urls_a_load_would_fetch(void **state)
{
    (void)state;
    char *root = story_folder();
    char dir[600];
    snprintf(dir, sizeof dir, "%s/harbour-fire", root);
    put(dir, "web.jsonl",
        "{\"outlet\": \"web\", \"url\": \"https://web.example/fire\"}\n"
        "{\"outlet\": \"full\", \"url\": \"https://full.example/x\", \"text\": \"Has text.\"}\n"
        "{\"outlet\": \"ftp\", \"url\": \"ftp://old.example/x\"}\n");
    const char *in[] = {dir, "https://direct.example/page"};
    px_arena *a = px_arena_new();
    const char **urls;
    size_t n;
    px_load_urls(a, in, 2, NULL, &urls, &n);
    /* the record without text (not gold.json's, not a record with text, not
     * a URL that is not http), then the URL input */
    assert_int_equal(n, 2);
    assert_string_equal(urls[0], "https://web.example/fire");
    assert_string_equal(urls[1], "https://direct.example/page");
    /* without fetching, a record with only a url is an error naming it */
    px_story *s = NULL;
    px_error err = {0};
    assert_int_equal(px_story_load(&s, in, 1, NULL, &err), PX_EINPUT);
    assert_null(s);
    assert_non_null(strstr(err.message, "only a \"url\""));
    /* and a URL input too */
    assert_int_equal(px_story_load(&s, in + 1, 1, NULL, &err), PX_EUSAGE);
    assert_string_equal(err.file, "https://direct.example/page");
    px_arena_free(a);
    rm_tree(root);
    free(root);
}

static void records_with_a_byte_order_mark(void **state)
{
    (void)state;
    char root[] = "/tmp/pxloadXXXXXX";
    assert_non_null(mkdtemp(root));
    put(root, "c.jsonl",
        "\xEF\xBB\xBF{\"story\": \"vote\", \"outlet\": \"one\", \"title\": \"Vote\", "
        "\"text\": \"The council voted to rebuild the bridge.\"}\n\n"
        "{\"story\": \"vote\", \"outlet\": \"two\", \"title\": \"Council vote\", "
        "\"text\": \"The council voted on Monday to rebuild the bridge.\"}\n");
    char path[600];
    snprintf(path, sizeof path, "%s/c.jsonl", root);
    const char *in = path;
    px_story *s = NULL;
    px_error err = {0};
    assert_int_equal(px_story_load(&s, &in, 1, NULL, &err), PX_OK);
    assert_int_equal(s->nsources, 2);
    assert_string_equal(s->id, "vote"); /* the records' story */
    assert_int_equal(s->articles[1]->kind, PX_KIND_RECORD);
    assert_non_null(strstr(s->articles[1]->origin, "c.jsonl:3")); /* its line */
    px_story_free(s);
    rm_tree(root);
}

static void inputs_named_under_a_root(void **state)
{
    (void)state;
    char *root = story_folder();
    const char *in = "harbour-fire";
    px_load_opts o = {.root = root};
    px_story *s = NULL;
    px_error err = {0};
    assert_int_equal(px_story_load(&s, &in, 1, &o, &err), PX_OK);
    assert_string_equal(s->articles[0]->origin, "harbour-fire/alpha.txt");
    px_story_free(s);
    /* an error names the input as given too */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/harbour-fire", root);
    put(dir, "bad.txt", "");
    assert_int_equal(px_story_load(&s, &in, 1, &o, &err), PX_EINPUT);
    assert_string_equal(err.file, "harbour-fire/bad.txt");
    rm_tree(root);
    free(root);
}

static void articles_without_a_story(void **state)
{
    (void)state;
    char root[] = "/tmp/pxloadXXXXXX";
    assert_non_null(mkdtemp(root));
    /* more records than a story may hold */
    px_buf b;
    px_buf_init(&b, 0);
    for (int i = 0; i < PX_MAX_SOURCES + 6; i++)
        px_buf_printf(&b, "{\"outlet\": \"o%d\", \"title\": \"T\", \"text\": \"Text %d.\"}\n", i,
                      i);
    put(root, "many.jsonl", b.data);
    px_buf_free(&b);
    char path[600];
    snprintf(path, sizeof path, "%s/many.jsonl", root);
    const char *in = path;
    px_arena *a = px_arena_new();
    px_article **arts;
    size_t n;
    px_error err = {0};
    assert_int_equal(px_load_articles(a, &in, 1, NULL, &arts, &n, &err), PX_OK);
    assert_int_equal(n, PX_MAX_SOURCES + 6);
    assert_string_equal(arts[n - 1]->id, "o69");
    px_story *s = NULL;
    assert_int_equal(px_story_load(&s, &in, 1, NULL, &err), PX_ELIMIT);
    assert_null(s);
    px_arena_free(a);
    rm_tree(root);
}

static void empty_folder_is_an_error(void **state)
{
    (void)state;
    char root[] = "/tmp/pxloadXXXXXX";
    assert_non_null(mkdtemp(root));
    put(root, "README.md", "only notes\n");
    const char *in = root;
    px_story *s = NULL;
    px_error err = {0};
    assert_int_equal(px_story_load(&s, &in, 1, NULL, &err), PX_EINPUT);
    assert_non_null(strstr(err.message, "no article files"));
    rm_tree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folder_is_a_story),
        cmocka_unit_test(urls_a_load_would_fetch),
        cmocka_unit_test(records_with_a_byte_order_mark),
        cmocka_unit_test(inputs_named_under_a_root),
        cmocka_unit_test(articles_without_a_story),
        cmocka_unit_test(empty_folder_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
