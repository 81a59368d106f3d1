/*
 * test_tmpfiles.c — a signal that ends the process removes the temporary
 * files being written (px_tmp_*), and only those.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/toolbox.h"

static char dir[] = "/tmp/px-tmpfiles-XXXXXX";

static void make(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("half a report", f);
    fclose(f);
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* The child registers two temporaries, finishes one (removes it from the
 * table, as a rename would), then is sent sig: it dies of sig, the file
 * still registered is gone, the finished one and an unrelated file stay. */
static void dies_clean(int sig)
{
    char a[256], b[256], other[256];
    snprintf(a, sizeof a, "%s/.a.json.tmp", dir);
    snprintf(b, sizeof b, "%s/.b.json.tmp", dir);
    snprintf(other, sizeof other, "%s/keep.json", dir);
    make(other);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* as started from a terminal (a background job of a script would
         * inherit SIGINT ignored, which px_tmp_signals keeps) */
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        px_tmp_signals();
        make(a);
        int sa = px_tmp_add(a);
        make(b);
        int sb = px_tmp_add(b);
        if (sa < 0 || sb < 0 || px_tmp_count() != 2)
            _exit(3);
        px_tmp_remove(sb);
        kill(getpid(), sig);
        _exit(4); /* not reached: the signal ends us */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), sig);
    assert_false(exists(a));
    assert_true(exists(b));
    assert_true(exists(other));
    unlink(b);
    unlink(other);
}

static void sigint_removes_temporaries(void **state)
{
    (void)state;
    dies_clean(SIGINT);
}

static void sigterm_and_sighup_too(void **state)
{
    (void)state;
    dies_clean(SIGTERM);
    dies_clean(SIGHUP);
}

/* A name that does not fit is refused, not cut; a freed slot is reused. */
static void table_bounds(void **state)
{
    (void)state;
    char longname[2048];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(px_tmp_add(longname), -1);
    size_t before = px_tmp_count();
    int s = px_tmp_add("/nonexistent/.x.tmp");
    assert_true(s >= 0);
    assert_int_equal(px_tmp_count(), before + 1);
    px_tmp_remove(s);
    assert_int_equal(px_tmp_count(), before);
    assert_int_equal(px_tmp_add("/nonexistent/.y.tmp"), s);
    px_tmp_remove(s);
    px_tmp_remove(-1);
    px_tmp_remove(1 << 20);
}

/* px_file_write_atomic leaves nothing registered behind it. */
static void atomic_write_unregisters(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/out.json", dir);
    size_t before = px_tmp_count();
    px_error err = {0};
    assert_int_equal(px_file_write_atomic(path, "{}\n", 3, &err), PX_OK);
    assert_int_equal(px_tmp_count(), before);
    assert_true(exists(path));
    unlink(path);
    snprintf(path, sizeof path, "%s/no-such-folder/out.json", dir);
    assert_int_not_equal(px_file_write_atomic(path, "{}\n", 3, &err), PX_OK);
    assert_int_equal(px_tmp_count(), before);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sigint_removes_temporaries),
        cmocka_unit_test(sigterm_and_sighup_too),
        cmocka_unit_test(table_bounds),
        cmocka_unit_test(atomic_write_unregisters),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(dir);
    return rc;
}
