#ifndef CLAIMS_CPOPPLER_SHIM_H
#define CLAIMS_CPOPPLER_SHIM_H
/*
 * poppler's C API (poppler-glib), for reading the text of PDF files. Only DocumentText
 * imports this module, as it does CLibXML2.
 */
#include <poppler.h>
#include <gio/gio.h>

/* GObject's unref and GLib's free through plain functions: Swift imports neither macro. */
static inline void cpoppler_unref(void *object) { if (object) g_object_unref(object); }
static inline void cpoppler_free(void *p) { g_free(p); }
static inline void cpoppler_error_free(GError *e) { if (e) g_error_free(e); }

#endif
