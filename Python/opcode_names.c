/* opcode_names.c: the opcode name table (_PyOpcode_Names), generated from the
 * X-macro in pycore_opcode.h so it can never fall out of step with the
 * numbering.  Used by the disassembler and by error messages. */
#include "pycore_opcode.h"

const char *const _PyOpcode_Names[_Py_NUM_OPCODES] = {
#define _Py_OPCODE_NAME(name, has_arg) [name] = #name,
    _Py_FOR_EACH_OPCODE(_Py_OPCODE_NAME)
#undef _Py_OPCODE_NAME
};
