/* moduleobject.c: module objects (name, __dict__, per-module state) and
 * PyModuleDef: single-phase init (PyModule_Create) and multi-phase init
 * (PyModuleDef_Init, Py_mod_create / Py_mod_exec / Py_mod_gil slots). */
#include "Python.h"
#include "pycore_object.h"

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

PyObject *
PyModuleDef_Init(PyModuleDef *def)
{
    if (Py_TYPE(def) == NULL) {
        Py_SET_TYPE(def, &PyModuleDef_Type);
        _Py_SetImmortal((PyObject *)def);
        if (def->m_base.m_index == 0) {
            static Py_ssize_t max_index;
            def->m_base.m_index = ++max_index;
        }
    }
    return (PyObject *)def;
}

static int
module_init_dict(PyModuleObject *mod, PyObject *md_dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL) {
        doc = Py_None;
    }
    if (PyDict_SetItemString(md_dict, "__name__", name) != 0 ||
        PyDict_SetItemString(md_dict, "__doc__", doc) != 0 ||
        PyDict_SetItemString(md_dict, "__package__", Py_None) != 0 ||
        PyDict_SetItemString(md_dict, "__loader__", Py_None) != 0 ||
        PyDict_SetItemString(md_dict, "__spec__", Py_None) != 0) {
        return -1;
    }
    if (PyUnicode_CheckExact(name)) {
        Py_XSETREF(mod->md_name, Py_NewRef(name));
    }
    return 0;
}

static PyModuleObject *
new_module_notrack(PyTypeObject *mt)
{
    PyModuleObject *m = (PyModuleObject *)PyType_GenericAlloc(mt, 0);
    if (m == NULL) {
        return NULL;
    }
    m->md_def = NULL;
    m->md_state = NULL;
    m->md_weaklist = NULL;
    m->md_name = NULL;
#ifdef Py_GIL_DISABLED
    m->md_gil = Py_MOD_GIL_USED;
#endif
    m->md_dict = PyDict_New();
    if (m->md_dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

PyObject *
PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = new_module_notrack(&PyModule_Type);
    if (m == NULL) {
        return NULL;
    }
    if (module_init_dict(m, m->md_dict, name, NULL) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    /* Every thread's imports and attribute loads touch modules. */
    _PyObject_SetDeferredRefcount((PyObject *)m);
    return (PyObject *)m;
}

PyObject *
PyModule_New(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return module;
}

int
PyModule_AddFunctions(PyObject *module, PyMethodDef *functions)
{
    PyObject *name = PyModule_GetNameObject(module);
    if (name == NULL) {
        return -1;
    }
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "module functions cannot set METH_CLASS or METH_STATIC");
            Py_DECREF(name);
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, module, name);
        if (func == NULL) {
            Py_DECREF(name);
            return -1;
        }
        /* Free-threaded build: len, print, time.sleep... are called from
         * every thread; deferred, as Python functions defined at module
         * level are (Objects/funcobject.c). */
        _PyObject_SetDeferredRefcount(func);
        if (PyObject_SetAttrString(module, fdef->ml_name, func) != 0) {
            Py_DECREF(func);
            Py_DECREF(name);
            return -1;
        }
        Py_DECREF(func);
    }
    Py_DECREF(name);
    return 0;
}

int
PyModule_SetDocString(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL || PyObject_SetAttrString(m, "__doc__", v) != 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

static int
check_api_version(const char *name, int module_api_version)
{
    (void)name;
    (void)module_api_version;
    return 1;
}

PyObject *
PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    if (!check_api_version(module->m_name, module_api_version)) {
        return NULL;
    }
    if (module->m_slots) {
        PyErr_Format(PyExc_SystemError,
                     "module %s: PyModule_Create is incompatible with m_slots", module->m_name);
        return NULL;
    }
    PyModuleDef_Init(module);
    PyModuleObject *m = (PyModuleObject *)PyModule_New(module->m_name);
    if (m == NULL) {
        return NULL;
    }
    if (module->m_size > 0) {
        m->md_state = PyMem_Malloc((size_t)module->m_size);
        if (!m->md_state) {
            PyErr_NoMemory();
            Py_DECREF(m);
            return NULL;
        }
        memset(m->md_state, 0, (size_t)module->m_size);
    }
    if (module->m_methods != NULL && PyModule_AddFunctions((PyObject *)m, module->m_methods) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_doc != NULL && PyModule_SetDocString((PyObject *)m, module->m_doc) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    m->md_def = module;
    return (PyObject *)m;
}

PyObject *
PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version)
{
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    PyObject *nameobj, *m = NULL;
    int has_execution_slots = 0;
    void *gil = Py_MOD_GIL_USED;

    PyModuleDef_Init(def);
    nameobj = PyObject_GetAttrString(spec, "name");
    if (nameobj == NULL) {
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8AndSize(nameobj, NULL);
    if (name == NULL) {
        goto error;
    }
    if (def->m_size < 0) {
        PyErr_Format(PyExc_SystemError, "module %s: m_size may not be negative for multi-phase initialization", name);
        goto error;
    }
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        switch (cur->slot) {
        case Py_mod_create:
            if (create) {
                PyErr_Format(PyExc_SystemError, "module %s has multiple create slots", name);
                goto error;
            }
            create = (PyObject *(*)(PyObject *, PyModuleDef *))cur->value;
            break;
        case Py_mod_exec:
            has_execution_slots = 1;
            break;
        case Py_mod_multiple_interpreters:
            break;
        case Py_mod_gil:
            gil = cur->value;
            break;
        default:
            if (cur->slot < 0 || cur->slot > _Py_mod_LAST_SLOT) {
                PyErr_Format(PyExc_SystemError, "module %s uses unknown slot ID %i", name, cur->slot);
                goto error;
            }
        }
    }
    if (create) {
        m = create(spec, def);
        if (m == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "creation of module %s failed without setting an exception", name);
            }
            goto error;
        }
        else if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError, "creation of module %s raised unreported exception", name);
            goto error;
        }
    }
    else {
        m = PyModule_NewObject(nameobj);
        if (m == NULL) {
            goto error;
        }
    }
    if (PyModule_Check(m)) {
        ((PyModuleObject *)m)->md_state = NULL;
        ((PyModuleObject *)m)->md_def = def;
#ifdef Py_GIL_DISABLED
        ((PyModuleObject *)m)->md_gil = gil;
#else
        (void)gil;
#endif
    }
    else if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free) {
        PyErr_Format(PyExc_SystemError, "module %s is not a module object, but requests module state", name);
        goto error;
    }
    if (has_execution_slots && !PyModule_Check(m)) {
        PyErr_Format(PyExc_SystemError, "module %s specifies execution slots, but did not create a ModuleType instance", name);
        goto error;
    }
    if (def->m_methods != NULL && PyModule_AddFunctions(m, def->m_methods) != 0) {
        goto error;
    }
    if (def->m_doc != NULL && PyModule_SetDocString(m, def->m_doc) != 0) {
        goto error;
    }
    Py_DECREF(nameobj);
    return m;
error:
    Py_DECREF(nameobj);
    Py_XDECREF(m);
    return NULL;
}

#ifdef Py_GIL_DISABLED
int
PyUnstable_Module_SetGIL(PyObject *module, void *gil)
{
    if (!PyModule_Check(module)) {
        PyErr_BadInternalCall();
        return -1;
    }
    ((PyModuleObject *)module)->md_gil = gil;
    return 0;
}
#endif

int
PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    const char *name = PyModule_GetName(module);
    if (name == NULL) {
        return -1;
    }
    if (def->m_size >= 0) {
        PyModuleObject *md = (PyModuleObject *)module;
        if (md->md_state == NULL) {
            md->md_state = PyMem_Malloc(def->m_size ? (size_t)def->m_size : 1);
            if (!md->md_state) {
                PyErr_NoMemory();
                return -1;
            }
            memset(md->md_state, 0, def->m_size ? (size_t)def->m_size : 1);
        }
    }
    if (def->m_slots == NULL) {
        return 0;
    }
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        if (cur->slot == Py_mod_exec) {
            int (*func)(PyObject *) = (int (*)(PyObject *))cur->value;
            int ret = func(module);
            if (ret != 0) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_SystemError, "execution of module %s failed without setting an exception", name);
                }
                return -1;
            }
            if (PyErr_Occurred()) {
                _PyErr_FormatFromCause(PyExc_SystemError, "execution of module %s raised unreported exception", name);
                return -1;
            }
        }
    }
    return 0;
}

PyObject *
PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_dict;
}

PyObject *
PyModule_GetNameObject(PyObject *mod)
{
    if (!PyModule_Check(mod)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *dict = ((PyModuleObject *)mod)->md_dict;
    PyObject *name;
    if (dict == NULL || !PyDict_Check(dict)) {
        goto error;
    }
    if (PyDict_GetItemRef(dict, _Py_ID_STR(__name__), &name) <= 0) {
        goto error;
    }
    if (!PyUnicode_Check(name)) {
        Py_DECREF(name);
        goto error;
    }
    return name;
error:
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "nameless module");
    }
    return NULL;
}

const char *
PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) {
        return NULL;
    }
    /* The module dict keeps the name alive. */
    Py_DECREF(name);
    return PyUnicode_AsUTF8AndSize(name, NULL);
}

PyObject *
PyModule_GetFilenameObject(PyObject *mod)
{
    if (!PyModule_Check(mod)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *fileobj;
    int r = PyDict_GetItemRef(((PyModuleObject *)mod)->md_dict, _Py_ID_STR(__file__), &fileobj);
    if (r <= 0 || !PyUnicode_Check(fileobj)) {
        if (r > 0) {
            Py_DECREF(fileobj);
        }
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "module filename missing");
        }
        return NULL;
    }
    return fileobj;
}

PyModuleDef *
PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_def;
}

void *
PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_state;
}

static int
module___init__(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "doc", NULL};
    PyObject *name, *doc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:module", kwlist, &name, &doc)) {
        return -1;
    }
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_dict == NULL) {
        m->md_dict = PyDict_New();
        if (m->md_dict == NULL) {
            return -1;
        }
    }
    return module_init_dict(m, m->md_dict, name, doc);
}

static PyObject *
module_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)new_module_notrack(type);
}

static void
module_dealloc(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject_GC_UnTrack(m);
    PyObject_ClearWeakRefs(self);
    if (m->md_def && m->md_def->m_free && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        m->md_def->m_free(m);
    }
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_state != NULL) {
        PyMem_Free(m->md_state);
    }
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static PyObject *
module_repr(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *name = PyModule_GetNameObject(self);
    if (name == NULL) {
        PyErr_Clear();
        name = PyUnicode_FromString("?");
        if (name == NULL) {
            return NULL;
        }
    }
    PyObject *file;
    int r = PyDict_GetItemRef(m->md_dict, _Py_ID_STR(__file__), &file);
    PyObject *res;
    if (r > 0 && PyUnicode_Check(file)) {
        res = PyUnicode_FromFormat("<module %R from %R>", name, file);
    }
    else {
        PyErr_Clear();
        res = PyUnicode_FromFormat("<module %R (built-in)>", name);
    }
    Py_XDECREF(file);
    Py_DECREF(name);
    return res;
}

static PyObject *
module_getattro(PyObject *self, PyObject *name)
{
    PyObject *attr = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    if (attr != NULL || PyErr_Occurred()) {
        return attr;
    }
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *getattr;
    if (m->md_dict) {
        int r = PyDict_GetItemRef(m->md_dict, _Py_ID_STR(__getattr__), &getattr);
        if (r < 0) {
            return NULL;
        }
        if (r > 0) {
            PyObject *result = PyObject_CallOneArg(getattr, name);
            Py_DECREF(getattr);
            return result;
        }
        PyObject *mod_name;
        r = PyDict_GetItemRef(m->md_dict, _Py_ID_STR(__name__), &mod_name);
        if (r > 0 && PyUnicode_Check(mod_name)) {
            PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
            Py_DECREF(mod_name);
            return NULL;
        }
        Py_XDECREF(mod_name);
        if (r < 0) {
            return NULL;
        }
    }
    PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    return NULL;
}

static int
module_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_traverse && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res) {
            return res;
        }
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int
module_clear(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_clear && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (res) {
            return res;
        }
    }
    Py_CLEAR(m->md_dict);
    return 0;
}

static PyObject *
module_dir(PyObject *self, PyObject *args)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID_STR(__dict__));
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (PyDict_Check(dict)) {
        PyObject *dirfunc;
        int r = PyDict_GetItemRef(dict, _Py_ID_STR(__dir__), &dirfunc);
        if (r > 0) {
            result = PyObject_CallNoArgs(dirfunc);
            Py_DECREF(dirfunc);
        }
        else if (r == 0) {
            result = PyDict_Keys(dict);
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    Py_DECREF(dict);
    return result;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef module_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(PyModuleObject, md_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = PyObject_GC_Del,
};
