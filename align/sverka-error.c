/* sverka-error.c: the error domain. */
#include "sverka-error.h"

G_DEFINE_QUARK (sverka-error-quark, sverka_error)
