def base():
    return "core.base"
