// zlib for MarketMetrics' gzip reader; the only C it uses.
#include <zlib.h>
