/* Python.h: the one header extension modules and the runtime include. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "pyconfig.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyport.h"
#include "pyatomic.h"
#include "pylock.h"
#include "pystate.h"
#include "pymem.h"
#include "object.h"
#include "critical_section.h"
#include "pythread.h"
#include "objimpl.h"
#include "pyhash.h"
#include "pymath.h"
#include "pyerrors.h"
#include "boolobject.h"
#include "tupleobject.h"
#include "dictobject.h"
#include "odictobject.h"
#include "methodobject.h"
#include "descrobject.h"
#include "moduleobject.h"
#include "modsupport.h"
#include "abstract.h"
#include "ceval.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "bytearrayobject.h"
#include "memoryobject.h"
#include "longobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "pystrtod.h"
#include "listobject.h"
#include "setobject.h"
#include "rangeobject.h"
#include "sliceobject.h"
#include "iterobject.h"
#include "enumobject.h"
#include "weakrefobject.h"
#include "import.h"
#include "structseq.h"
#include "funcobject.h"
#include "cellobject.h"
#include "classobject.h"
#include "frameobject.h"
#include "traceback.h"
#include "genobject.h"
#include "fileobject.h"
#include "sysmodule.h"
#include "pythonrun.h"
#include "bltinmodule.h"
#include "genericaliasobject.h"


#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 13
#define PY_MICRO_VERSION 0
#define PY_VERSION "3.13.0"
#define WEFT_VERSION "0.1.0"

#endif /* Py_PYTHON_H */
