// Finds libcurl at run time and forwards rove's calls to it (see CCurl.h for why).
#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = NULL;
static char message[256];

#define BIND(field, symbol) \
    if (!(*(void **)&curl.field = dlsym(library, symbol))) { \
        snprintf(message, sizeof message, "libcurl lacks %s", symbol); failure = message; return; }

static void load(void) {
    static const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib"};
    void *library = NULL;
    for (unsigned i = 0; i < sizeof names / sizeof names[0] && !library; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        failure = "libcurl is not installed (apt-get install libcurl4)";
        return;
    }
    BIND(global_init, "curl_global_init")
    BIND(easy_init, "curl_easy_init")
    BIND(easy_cleanup, "curl_easy_cleanup")
    BIND(easy_reset, "curl_easy_reset")
    BIND(easy_strerror, "curl_easy_strerror")
    BIND(easy_setopt, "curl_easy_setopt")
    BIND(easy_getinfo, "curl_easy_getinfo")
    BIND(multi_init, "curl_multi_init")
    BIND(multi_cleanup, "curl_multi_cleanup")
    BIND(multi_add_handle, "curl_multi_add_handle")
    BIND(multi_remove_handle, "curl_multi_remove_handle")
    BIND(multi_perform, "curl_multi_perform")
    BIND(multi_poll, "curl_multi_poll")
    BIND(multi_wakeup, "curl_multi_wakeup")
    BIND(multi_info_read, "curl_multi_info_read")
    BIND(multi_setopt, "curl_multi_setopt")
    BIND(slist_append, "curl_slist_append")
    BIND(slist_free_all, "curl_slist_free_all")
    if (curl.global_init(CURL_GLOBAL_ALL) != CURLE_OK) failure = "libcurl failed to initialise";
}

const char *rove_curl_load(void) {
    pthread_once(&once, load);
    return failure;
}

CURL *rove_easy_init(void) { return curl.easy_init(); }
void rove_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
void rove_easy_reset(CURL *handle) { curl.easy_reset(handle); }
const char *rove_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
CURLcode rove_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl.easy_setopt(h, o, v); }
CURLcode rove_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl.easy_setopt(h, o, v); }
CURLcode rove_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl.easy_setopt(h, o, v); }
CURLcode rove_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl.easy_setopt(h, o, v); }
CURLcode rove_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl.easy_setopt(h, o, v); }
CURLcode rove_easy_setopt_write(CURL *h, CURLoption o, size_t (*cb)(char *, size_t, size_t, void *)) {
    return curl.easy_setopt(h, o, cb);
}
CURLcode rove_easy_setopt_progress(CURL *h, int (*cb)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) {
    return curl.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb);
}
CURLcode rove_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl.easy_getinfo(h, i, v); }
CURLcode rove_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl.easy_getinfo(h, i, v); }
CURLcode rove_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl.easy_getinfo(h, i, v); }
CURLcode rove_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl.easy_getinfo(h, i, v); }

CURLM *rove_multi_init(void) { return curl.multi_init(); }
CURLMcode rove_multi_cleanup(CURLM *m) { return curl.multi_cleanup(m); }
CURLMcode rove_multi_add_handle(CURLM *m, CURL *h) { return curl.multi_add_handle(m, h); }
CURLMcode rove_multi_remove_handle(CURLM *m, CURL *h) { return curl.multi_remove_handle(m, h); }
CURLMcode rove_multi_perform(CURLM *m, int *running) { return curl.multi_perform(m, running); }
CURLMcode rove_multi_poll(CURLM *m, struct curl_waitfd extra[], unsigned int n, int timeout, int *ready) {
    return curl.multi_poll(m, extra, n, timeout, ready);
}
CURLMcode rove_multi_wakeup(CURLM *m) { return curl.multi_wakeup(m); }
CURLMsg *rove_multi_info_read(CURLM *m, int *queued) { return curl.multi_info_read(m, queued); }
CURLMcode rove_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl.multi_setopt(m, o, v); }

struct curl_slist *rove_slist_append(struct curl_slist *list, const char *text) { return curl.slist_append(list, text); }
void rove_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }
