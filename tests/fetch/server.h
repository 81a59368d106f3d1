/*
 * server.h — start and stop tests/fetch/server.py for the fetch unit tests.
 *
 * The server runs as a child process bound to 127.0.0.1 on a port it
 * picks and prints. It is stopped in the group teardown, which cmocka runs
 * even when a test fails; if the test program dies instead, the kernel
 * sends the server SIGTERM (PR_SET_PDEATHSIG) and the server also exits by
 * itself when it sees its parent gone.
 */
#ifndef PX_TEST_FETCH_SERVER_H
#define PX_TEST_FETCH_SERVER_H

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "support.h"
#include "parallax/fetch.h"

typedef struct test_server {
    pid_t pid;
    int port;
} test_server;

static test_server server = {-1, 0};

static inline void server_child(int out)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    const char *root = getenv("PARALLAX_SOURCE_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fetch/server.py", root ? root : ".");
    dup2(out, 1);
    execlp("python3", "python3", path, (char *)NULL);
    _exit(127);
}

/* Start the server; 0 on success (cmocka group setup convention). */
static inline int server_start(void **state)
{
    (void)state;
    /* the tests talk to 127.0.0.1 directly, never through a proxy */
    setenv("no_proxy", "127.0.0.1,localhost", 1);
    unsetenv("http_proxy");
    unsetenv("HTTP_PROXY");
    unsetenv("all_proxy");
    unsetenv("ALL_PROXY");
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    server.pid = fork();
    if (server.pid == 0) {
        close(fds[0]);
        server_child(fds[1]);
    }
    close(fds[1]);
    char line[32] = "";
    size_t n = 0;
    struct pollfd pfd = {fds[0], POLLIN, 0};
    while (n < sizeof line - 1 && poll(&pfd, 1, 15000) == 1) {
        ssize_t r = read(fds[0], line + n, 1);
        if (r <= 0 || line[n] == '\n')
            break;
        n++;
    }
    line[n] = '\0';
    close(fds[0]);
    server.port = (int)strtol(line, NULL, 10);
    if (server.port <= 0) {
        fprintf(stderr, "the test server did not start (got '%s')\n", line);
        return -1;
    }
    return 0;
}

static inline int server_stop(void **state)
{
    (void)state;
    if (server.pid > 0) {
        kill(server.pid, SIGTERM);
        waitpid(server.pid, NULL, 0);
        server.pid = -1;
    }
    return 0;
}

/* "http://127.0.0.1:PORT/path" in the arena. */
static inline const char *url(px_arena *a, const char *path)
{
    return px_arena_printf(a, "http://127.0.0.1:%d%s", server.port, path);
}

/* Options for tests: no cache, quick retries, short timeouts. */
static inline px_fetch_opts test_opts(void)
{
    px_fetch_opts o = {0};
    o.no_cache = true;
    o.backoff_ms = 20;
    o.connect_timeout_ms = 3000;
    o.timeout_ms = 10000;
    return o;
}

/* Fetch one URL. */
static inline px_page *fetch1(px_arena *a, const char *path, const px_fetch_opts *o)
{
    const char *u = path[0] == '/' ? url(a, path) : path;
    px_page *pages = NULL;
    px_error err;
    px_fetch(a, &u, 1, o, &pages, &err);
    assert_non_null(pages);
    return &pages[0];
}

/* How many requests the server received for path (its /hits/ page). */
static inline long hits(px_arena *a, const char *path)
{
    px_fetch_opts o = test_opts();
    px_page *p = fetch1(a, px_arena_printf(a, "/hits%s", path), &o);
    assert_int_equal(p->status, PX_OK);
    return strtol(p->body, NULL, 10);
}

/* Assert that page p failed with status st and a message containing what. */
#define assert_failed(p, st, what)                                                                 \
    do {                                                                                           \
        assert_int_equal((p)->status, (st));                                                       \
        if (!strstr((p)->err.message, (what)))                                                     \
            fail_msg("message '%s' lacks '%s'", (p)->err.message, (what));                         \
        assert_string_equal((p)->err.file, (p)->url);                                              \
    } while (0)

#endif
