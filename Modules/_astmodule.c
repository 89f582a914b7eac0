/* _astmodule.c: the `_ast` built-in module.  Everything it holds (the AST
 * base class, the node classes, the PyCF_* flags) is made by
 * Python/Python-ast.c; Lib/ast.py builds on it. */
#include "Python.h"
#include "pycore_compile.h"

static PyModuleDef_Slot ast_slots[] = {
    {Py_mod_exec, _PyAST_ModuleExec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef astmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_ast",
    .m_doc = "AST node classes (see the ast module).",
    .m_size = 0,
    .m_slots = ast_slots,
};

PyMODINIT_FUNC PyInit__ast(void)
{
    return PyModuleDef_Init(&astmodule);
}
