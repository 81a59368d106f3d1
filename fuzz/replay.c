/*
 * replay.c — the main() of a fuzz harness built without a fuzzer: every
 * file named on the command line (or found in a folder named there) is
 * read into a buffer of exactly its size and handed to the harness's
 * LLVMFuzzerTestOneInput, so meson test replays the seed corpus and the
 * regression inputs in every build, and ASan/valgrind catch what the
 * fuzzer caught. Options starting with '-' are ignored (libFuzzer's, so
 * one test line serves both builds). Fails when no input was found.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/harness.h"

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size < 0) {
        fclose(f);
        return -1;
    }
    size_t n = (size_t)st.st_size;
    uint8_t *data = malloc(n ? n : 1); /* exact size: overreads are caught */
    size_t got = n ? fread(data, 1, n, f) : 0;
    fclose(f);
    if (got != n) {
        free(data);
        fprintf(stderr, "replay: short read on %s\n", path);
        return -1;
    }
    LLVMFuzzerTestOneInput(data, n);
    free(data);
    return 1;
}

static int skip_dot(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Files of a folder in name order (not recursive). */
static int replay_dir(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, skip_dot, alphasort);
    if (n < 0) {
        fprintf(stderr, "replay: cannot read folder %s\n", dir);
        return -1;
    }
    int done = 0, bad = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, names[i]->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            int r = replay_file(path);
            r < 0 ? bad++ : (done += r);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return bad ? -1 : done;
}

int main(int argc, char **argv)
{
    int total = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-')
            continue;
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            return 1;
        }
        int r = S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : replay_file(argv[i]);
        if (r < 0)
            return 1;
        total += r;
    }
    printf("replayed %d inputs\n", total);
    if (total == 0) {
        fprintf(stderr, "replay: no inputs\n");
        return 1;
    }
    return 0;
}
