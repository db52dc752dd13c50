// libcurl for Swift, loaded on first use: typed wrappers for its variadic calls, and every other
// call rove makes, through function pointers that rove_curl_load() fills with dlopen/dlsym.
//
// Linking libcurl directly pulls in some 35 shared libraries at start-up (TLS, LDAP, Kerberos,
// ...), which doubled `rove -e nil`; most runs never make a request, so they never pay for it.
#ifndef ROVE_CCURL_H
#define ROVE_CCURL_H
#include <curl/curl.h>

/// Loads libcurl and calls curl_global_init once; returns NULL on success or a message saying
/// why it could not (libcurl not installed, a symbol missing). Safe from any thread.
const char *rove_curl_load(void);

CURL *rove_easy_init(void);
void rove_easy_cleanup(CURL *handle);
void rove_easy_reset(CURL *handle);
const char *rove_easy_strerror(CURLcode code);
CURLcode rove_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode rove_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode rove_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode rove_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode rove_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode rove_easy_setopt_write(CURL *handle, CURLoption option, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode rove_easy_setopt_progress(CURL *handle, int (*callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t));
CURLcode rove_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode rove_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode rove_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode rove_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLM *rove_multi_init(void);
CURLMcode rove_multi_cleanup(CURLM *multi);
CURLMcode rove_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode rove_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode rove_multi_perform(CURLM *multi, int *running);
CURLMcode rove_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout, int *ready);
CURLMcode rove_multi_wakeup(CURLM *multi);
CURLMsg *rove_multi_info_read(CURLM *multi, int *queued);
CURLMcode rove_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

struct curl_slist *rove_slist_append(struct curl_slist *list, const char *text);
void rove_slist_free_all(struct curl_slist *list);
#endif
