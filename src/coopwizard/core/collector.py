"""The garbage collector kept out of start-up, which allocates a great deal and frees nothing.

Importing Typer and the command's modules, then building the command line from our
functions, makes tens of thousands of objects that live as long as the process. Every
collection walked them all again and found nothing to free: at start-up, during the
command, and once more as the interpreter exits, about a tenth of `coop --help` and of
`coop check` on one sheet. So `main()` pauses the collector before the imports, and
`resume()` (in `cli.root.run`, as the command's own work starts, or when `main()` ends)
sets what start-up made aside (`gc.freeze`) and turns the collector back on: what the
command itself makes is collected as usual.

Only the process's own entry point keeps it so until exit (`give_back=False`); `main()`
called in-process (the tests) gives everything back as it found it. A program that runs us
with its collector off or already frozen manages it itself: then nothing here touches it.
"""

import gc

_state = {"paused": False, "froze": False}


def pause() -> None:
    if gc.isenabled() and not gc.get_freeze_count():
        gc.disable()
        _state["paused"] = True


def resume() -> None:
    if _state["paused"]:
        _state["paused"] = False
        gc.freeze()
        _state["froze"] = True
        gc.enable()


def set_aside_by_us() -> bool:
    """Whether what is frozen now was frozen here (start-up's objects), not by a program around us."""
    return _state["froze"]


def give_back() -> None:
    """The collector as pause() found it: everything set aside returned to its walk."""
    resume()
    if _state["froze"]:
        _state["froze"] = False
        gc.unfreeze()
