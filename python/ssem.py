"""ssem - the Manchester Baby (SSEM, 1948) from Python, over libssem.

A thin binding with ctypes over the shared library (libssem.so.0): nothing
to compile at install time, and no C struct mirrored field by field. Every
machine is a handle from ssem_new() read and written through the library's
accessors (ssem_get/ssem_set, ssem_store_get/ssem_store_set), so a change of
layout in a later library cannot make Python read the wrong bytes; the
library's major version is checked on import.

    >>> import ssem
    >>> m = ssem.Machine.from_file("programs/first.lst")
    >>> m.run()
    'halted'
    >>> m.steps, m.store[27], m.ci
    (2097154, 131072, 13)

The library is found, first found wins: $SSEM_LIBRARY (a path); next to
this file; ../build/ from this file (the source tree); ../../../lib/ from
this file (installed as PREFIX/share/ssem/python/ssem.py); then the system's
search (ctypes.util.find_library). docs/python.md has the whole API.
"""

import ctypes
import ctypes.util
import os

__all__ = [
    "SsemError", "Machine", "Verification", "assemble", "disassemble", "engines",
    "default_engine", "version", "signed", "FORMATS", "STOPS", "MAJOR",
]

MAJOR = 0  # the libssem major version (ABI) this module is written for
MINOR = 2  # and the oldest minor version of it with every call the module uses

# ssem_reg_t, in order (include/ssem.h); checked against ssem_reg_name below
_REGS = {"a": 0, "ci": 1, "pi": 2, "lamp": 3, "fault": 4, "lenient": 5}
_DEFAULT_BUDGET = 100_000_000  # as `ssem run --max-steps`


def _candidates():
    name = "libssem.so.%d" % MAJOR
    env = os.environ.get("SSEM_LIBRARY")
    if env:
        yield env
        return  # an explicit choice is never silently replaced
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, name)
    yield os.path.join(here, os.pardir, "build", name)
    yield os.path.join(here, os.pardir, os.pardir, os.pardir, "lib", name)
    found = ctypes.util.find_library("ssem")
    if found:
        yield found


def _open_library():
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("ssem: cannot find libssem.so.%d; tried: %s. Set SSEM_LIBRARY to "
                      "its path, or install it (make install)" % (MAJOR, ", ".join(tried) or
                                                                 "nothing"))


def _check_version(lib):
    """Refuses a library whose major version (ABI) is not the one this module
    is written for, or that is older than MAJOR.MINOR; returns the version
    as text."""
    lib.ssem_version.restype = ctypes.c_long
    lib.ssem_version.argtypes = []
    lib.ssem_version_string.restype = ctypes.c_char_p
    lib.ssem_version_string.argtypes = []
    num = lib.ssem_version()
    text = lib.ssem_version_string().decode()
    if num // 10000 != MAJOR:
        raise ImportError("ssem: libssem %s has ABI version %d; this module needs %d"
                          % (text, num // 10000, MAJOR))
    if num // 100 % 100 < MINOR:
        raise ImportError("ssem: libssem %s is older than %d.%d, which this module needs"
                          % (text, MAJOR, MINOR))
    return text


_P = ctypes.c_void_p
_U32, _U64, _INT, _SZ = ctypes.c_uint32, ctypes.c_uint64, ctypes.c_int, ctypes.c_size_t
_STR, _BOOL = ctypes.c_char_p, ctypes.c_bool

# name: (result, argument types); every function this module calls
_SIGNATURES = {
    "ssem_new": (_P, []),
    "ssem_free": (None, [_P]),
    "ssem_copy": (None, [_P, _P]),
    "ssem_reset": (None, [_P]),
    "ssem_get": (_U32, [_P, _INT]),
    "ssem_set": (_INT, [_P, _INT, _U32]),
    "ssem_get_steps": (_U64, [_P]),
    "ssem_set_steps": (None, [_P, _U64]),
    "ssem_store_get": (_U32, [_P, _U32]),
    "ssem_store_set": (None, [_P, _U32, _U32]),
    "ssem_step": (_INT, [_P]),
    "ssem_run": (_INT, [_P, _U64, _U32]),
    "ssem_resume": (None, [_P]),
    "ssem_tstate_equal": (_BOOL, [_P, _P]),
    "ssem_fault_reason": (None, [_P, ctypes.c_char_p, _SZ]),
    "ssem_time_1948": (ctypes.c_double, [_U64, ctypes.c_double]),
    "ssem_engine_names": (ctypes.POINTER(_STR), []),
    "ssem_engine_default": (_STR, []),
    "ssem_engine_new": (_P, [_STR]),
    "ssem_engine_free": (None, [_P]),
    "ssem_engine_run": (_INT, [_P, _P, _U64, _U32]),
    "ssem_verify": (_INT, [_STR, _STR, _P, _U64, _U64, _P]),
    "ssem_verify_result_new": (_P, []),
    "ssem_verify_result_free": (None, [_P]),
    "ssem_verify_differ": (_BOOL, [_P]),
    "ssem_verify_steps": (_U64, [_P]),
    "ssem_verify_first_step": (_U64, [_P]),
    "ssem_verify_stop": (_INT, [_P, _INT]),
    "ssem_verify_state": (_P, [_P, _INT]),
    "ssem_diag_new": (_P, []),
    "ssem_diag_free": (None, [_P]),
    "ssem_diag_file": (_STR, [_P]),
    "ssem_diag_line": (_INT, [_P]),
    "ssem_diag_col": (_INT, [_P]),
    "ssem_diag_message": (_STR, [_P]),
    "ssem_image_new": (_P, []),
    "ssem_image_free": (None, [_P]),
    "ssem_image_word": (_U32, [_P, _U32]),
    "ssem_image_defined": (_U32, [_P]),
    "ssem_image_format": (_INT, [_P]),
    "ssem_image_nwarnings": (_INT, [_P]),
    "ssem_image_warning": (_P, [_P, _INT]),
    "ssem_load": (_INT, [ctypes.c_char_p, _SZ, _STR, _INT, _P, _P]),
    "ssem_load_image": (None, [_P, _P]),
    "ssem_load_machine": (_INT, [ctypes.c_char_p, _SZ, _STR, _INT, _P, _P, _P]),
    "ssem_write": (_SZ, [_INT, ctypes.POINTER(_U32), ctypes.c_char_p, _SZ]),
    "ssem_write_state": (_SZ, [_P, ctypes.c_char_p, _SZ]),
    "ssem_disasm_word": (_STR, [_U32, ctypes.c_char_p, _SZ]),
    "ssem_format_name": (_STR, [_INT]),
    "ssem_format_parse": (_INT, [_STR, ctypes.POINTER(_INT)]),
    "ssem_stop_name": (_STR, [_INT]),
    "ssem_reg_name": (_STR, [_INT]),
}

_lib = _open_library()
_version = _check_version(_lib)
for _name, (_res, _args) in _SIGNATURES.items():
    _f = getattr(_lib, _name)  # AttributeError here: a library without the API
    _f.restype, _f.argtypes = _res, _args
# Names come from the library, never from a copy of its enums: the formats
# it reads ("auto" detects), its stop reasons, its register names.
_names = []
for _code in range(64):
    _n = _lib.ssem_format_name(_code).decode()
    if _n == "unknown":  # past SSEM_FORMAT_COUNT
        break
    _names.append(_n)
FORMATS = tuple(_names)
STOPS = tuple(_lib.ssem_stop_name(i).decode() for i in range(5))
for _name, _code in _REGS.items():
    if (_lib.ssem_reg_name(_code) or b"").decode().lower() != _name:
        raise ImportError("ssem: libssem's register %d is not %s" % (_code, _name.upper()))
# ssem_write and ssem_write_state write into the caller's buffer; this many
# bytes always suffice (SSEM_TEXT_MAX in ssem.h)
_TEXT_MAX = 4096


def version():
    """The version of the libssem this module runs against, e.g. "0.2.0"."""
    return _version


def signed(word):
    """A 32-bit word as the signed number the Baby means (two's complement)."""
    word &= 0xFFFFFFFF
    return word - (1 << 32) if word & 0x80000000 else word


def _word(value):
    """A Python int (negative allowed, down to -2**31) as a 32-bit word."""
    value = int(value)
    if not -(1 << 31) <= value < (1 << 32):
        raise ValueError("%d does not fit in a 32-bit word" % value)
    return value & 0xFFFFFFFF


def _format_code(fmt):
    code = _INT()
    if _lib.ssem_format_parse(str(fmt).encode(), ctypes.byref(code)) != 0:
        raise ValueError("unknown format %r (known: %s)" % (fmt, ", ".join(FORMATS)))
    return code.value


def _stop(code):
    return _lib.ssem_stop_name(code).decode()


def _text_bytes(text):
    return text.encode() if isinstance(text, str) else bytes(text)


def _write_text(call, *args):
    """Text from a library call that writes into a buffer (ssem_write,
    ssem_write_state): it returns the length, 0 when it cannot write. A
    later library with longer texts gets a second, larger try."""
    for size in (_TEXT_MAX, 16 * _TEXT_MAX):
        buf = ctypes.create_string_buffer(size)
        if call(*args, buf, len(buf)) != 0:
            return buf.value.decode()
    raise ValueError("libssem cannot write this text (an unwritable format?)")


class SsemError(Exception):
    """A file the library could not read: where, and why.

    file, line and column are those of the library's diagnostic (line and
    column 1-based; 0 when they do not apply); str(e) is the usual
    "file:line:col: message"."""

    def __init__(self, message, file=None, line=0, column=0):
        self.message, self.file, self.line, self.column = message, file, line, column
        where = file or "-"
        if line:
            where += ":%d" % line
            if column:
                where += ":%d" % column
        super().__init__("%s: %s" % (where, message))


def _diag(d):
    f = _lib.ssem_diag_file(d)
    return (_lib.ssem_diag_message(d).decode(errors="replace"),
            f.decode(errors="replace") if f is not None else None,
            _lib.ssem_diag_line(d), _lib.ssem_diag_col(d))


class _Handle:
    """Owns one pointer from the library and frees it with `free`."""

    def __init__(self, ptr, free):
        if not ptr:
            raise MemoryError("libssem: out of memory")
        self.ptr, self._free = ptr, free

    def __del__(self):
        if getattr(self, "ptr", None):
            self._free(self.ptr)
            self.ptr = None


def _load_image(text, name, fmt):
    """Reads a program: (image handle, warnings), or raises SsemError."""
    data = _text_bytes(text)
    bname = name.encode() if name is not None else None
    img = _Handle(_lib.ssem_image_new(), _lib.ssem_image_free)
    err = _Handle(_lib.ssem_diag_new(), _lib.ssem_diag_free)
    if _lib.ssem_load(data, len(data), bname, _format_code(fmt), img.ptr, err.ptr) != 0:
        raise SsemError(*_diag(err.ptr))
    warnings = []
    for i in range(_lib.ssem_image_nwarnings(img.ptr)):
        warnings.append(SsemError(*_diag(_lib.ssem_image_warning(img.ptr, i))))
    return img, warnings


def assemble(text, name=None, format="auto"):
    """Reads a program in any format ssem reads (assembly, listing, .snp,
    bits, decimal) and returns its 32 store words. Raises SsemError."""
    img, _ = _load_image(text, name, format)
    return [_lib.ssem_image_word(img.ptr, i) for i in range(32)]


def disassemble(words):
    """One word as assembly ("LDN 24", "NUM -3"); or, given 32 words (fewer
    are padded with 0), the whole store as assembly text that reassembles to
    the same words."""
    if isinstance(words, int):
        buf = ctypes.create_string_buffer(64)
        return _lib.ssem_disasm_word(_word(words), buf, len(buf)).decode()
    words = [_word(w) for w in words]
    if len(words) > 32:
        raise ValueError("a store has 32 lines, not %d" % len(words))
    store = (_U32 * 32)(*(words + [0] * (32 - len(words))))
    return _write_text(_lib.ssem_write, _format_code("asm"), store)


def engines():
    """The names of the engines built into the library, best first."""
    names, p = [], _lib.ssem_engine_names()
    i = 0
    while p[i] is not None:
        names.append(p[i].decode())
        i += 1
    return names


def default_engine():
    """The engine Machine.run uses when none is named (the fastest)."""
    return _lib.ssem_engine_default().decode()


def _line(i):
    i = int(i)
    if i < 0:
        i += 32
    if not 0 <= i < 32:
        raise IndexError("store line %d out of range 0..31" % i)
    return i


class _Store:
    """The 32 store lines of a machine, as a list-like view (not a copy):
    m.store[27], m.store[1] = 0x4018, m.store[:5], list(m.store)."""

    def __init__(self, machine):
        self._m = machine

    def __len__(self):
        return 32

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(32))]
        return _lib.ssem_store_get(self._m._h.ptr, _line(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            lines = list(range(*i.indices(32)))
            values = list(value)
            if len(values) != len(lines):
                raise ValueError("%d values for %d lines" % (len(values), len(lines)))
            for j, v in zip(lines, values):
                self[j] = v
            return
        _lib.ssem_store_set(self._m._h.ptr, _line(i), _word(value))

    def __iter__(self):
        return (self[i] for i in range(32))

    def __repr__(self):
        return repr(list(self))


def _reg(name, doc, flag=False):
    code = _REGS[name]

    def get(self):
        v = _lib.ssem_get(self._h.ptr, code)
        return bool(v) if flag else v

    def set(self, value):
        _lib.ssem_set(self._h.ptr, code, (1 if value else 0) if flag else _word(value))

    return property(get, set, doc=doc)


class Machine:
    """One Baby: store, accumulator, CI, PI, the stop lamp, the step count.

    Machine() is a machine at reset (KSC + KCC); Machine(text) or
    Machine.from_file(path) loads a program in any format ssem reads (a
    state file also sets the registers). Registers are read and set as
    attributes (a, ci, pi: 32-bit unsigned words; lamp, fault, lenient:
    booleans; steps), the store through m.store."""

    a = _reg("a", "the accumulator (unsigned; ssem.signed(m.a) for its value)")
    ci = _reg("ci", "the control instruction: the line fetched next is (CI + 1) & 31")
    pi = _reg("pi", "the present instruction: the last word fetched")
    lamp = _reg("lamp", "the stop lamp (clearing it also clears fault)", flag=True)
    fault = _reg("fault", "the lamp was lit by a fault (setting it lights the lamp)", flag=True)
    lenient = _reg("lenient", "option: fetch from CI & 31 even with CI bits 13-15 set",
                   flag=True)

    def __init__(self, text=None, name=None, format="auto", lenient=False):
        self._h = _Handle(_lib.ssem_new(), _lib.ssem_free)
        self._engines = {}
        self.warnings = []  # SsemError objects for what the loader warned about
        self.lenient = lenient
        if text is not None:
            self.load(text, name=name, format=format)

    @classmethod
    def from_file(cls, path, format="auto", lenient=False):
        """A machine loaded from a file (path used in messages)."""
        with open(path, "rb") as f:
            data = f.read()
        return cls(data, name=os.fspath(path), format=format, lenient=lenient)

    def load(self, text, name=None, format="auto"):
        """Loads a program (str or bytes) in any format: a machine at reset
        with its lines; a state file gives its registers too. Raises
        SsemError (and leaves the machine as it was)."""
        data = _text_bytes(text)
        bname = name.encode() if name is not None else None
        img = _Handle(_lib.ssem_image_new(), _lib.ssem_image_free)
        err = _Handle(_lib.ssem_diag_new(), _lib.ssem_diag_free)
        # the library's one call: state files and links keep their registers;
        # on error the machine is left as it was
        if _lib.ssem_load_machine(data, len(data), bname, _format_code(format), self._h.ptr,
                                  img.ptr, err.ptr) != 0:
            raise SsemError(*_diag(err.ptr))
        self.warnings = [SsemError(*_diag(_lib.ssem_image_warning(img.ptr, i)))
                         for i in range(_lib.ssem_image_nwarnings(img.ptr))]
        return self

    @property
    def store(self):
        return _Store(self)

    @store.setter
    def store(self, words):
        self.store[:] = list(words) + [0] * (32 - len(words))

    @property
    def steps(self):
        """Instructions executed (STP counted)."""
        return _lib.ssem_get_steps(self._h.ptr)

    @steps.setter
    def steps(self, n):
        _lib.ssem_set_steps(self._h.ptr, int(n))

    def reset(self):
        """KSC + KCC: store, A, CI, PI zero, lamp off, steps zero (lenient kept)."""
        _lib.ssem_reset(self._h.ptr)

    def step(self):
        """One instruction by the reference step: "running", "halted" or
        "fault". A lit lamp stops the machine (see resume)."""
        return _stop(_lib.ssem_step(self._h.ptr))

    def run(self, budget=_DEFAULT_BUDGET, engine=None, breakpoints=()):
        """Runs until STP ("halted"), a fault ("fault"), `budget` instructions
        ("limit") or the fetch from a line in `breakpoints` ("break"; a run
        started there stops at once: step() over it). `engine` is a name
        from engines() (default: the fastest); "ref" is the reference step."""
        mask = 0
        for line in breakpoints:
            mask |= 1 << _line(line)
        budget = int(budget)
        if budget < 0:
            raise ValueError("a budget cannot be negative")
        name = engine or default_engine()
        e = self._engines.get(name)
        if e is None:
            ptr = _lib.ssem_engine_new(name.encode())
            if not ptr:
                raise ValueError("unknown engine %r (known: %s)" % (name, ", ".join(engines())))
            e = self._engines[name] = _Handle(ptr, _lib.ssem_engine_free)
        return _stop(_lib.ssem_engine_run(e.ptr, self._h.ptr, budget, mask))

    def resume(self):
        """The operator clears the lamp: the next step goes on from CI + 1."""
        _lib.ssem_resume(self._h.ptr)

    def fault_reason(self):
        """Why the machine faulted, as a sentence."""
        buf = ctypes.create_string_buffer(512)
        _lib.ssem_fault_reason(self._h.ptr, buf, len(buf))
        return buf.value.decode()

    def time_1948(self):
        """Seconds the Baby would have taken for the steps run so far."""
        return _lib.ssem_time_1948(self.steps, 10.0)

    def copy(self):
        """An independent copy: the whole machine, counters and options."""
        c = Machine()
        _lib.ssem_copy(c._h.ptr, self._h.ptr)
        return c

    __copy__ = copy

    def state(self):
        """The whole machine as a state file (text that Machine() loads back)."""
        return _write_text(_lib.ssem_write_state, self._h.ptr)

    def write(self, format="asm"):
        """The store as text in a format the library writes: "asm",
        "listing", "snp" (and whichever others it can write)."""
        store = (_U32 * 32)(*self.store)
        return _write_text(_lib.ssem_write, _format_code(format), store)

    def verify(self, a="ref", b=None, max_steps=_DEFAULT_BUDGET, stride=1):
        """Runs engines a and b side by side from this machine (which is not
        changed) for at most max_steps, comparing T-states every `stride`
        steps (SPEC section 8). Returns a Verification."""
        b = b or default_engine()
        r = _Handle(_lib.ssem_verify_result_new(), _lib.ssem_verify_result_free)
        if int(stride) < 1:
            raise ValueError("stride must be at least 1")
        if _lib.ssem_verify(a.encode(), b.encode(), self._h.ptr, int(max_steps), int(stride),
                            r.ptr) != 0:
            raise ValueError("unknown engine %r or %r (known: %s)" % (a, b, ", ".join(engines())))
        return Verification(a, b, r)

    def __eq__(self, other):
        """Equal T-states: store, A, CI, PI and lamp (SPEC section 1)."""
        if not isinstance(other, Machine):
            return NotImplemented
        return bool(_lib.ssem_tstate_equal(self._h.ptr, other._h.ptr))

    __hash__ = None  # mutable

    def __repr__(self):
        return ("<ssem.Machine A=%d CI=%d PI=0x%08x lamp=%s steps=%d>"
                % (signed(self.a), self.ci, self.pi, "on" if self.lamp else "off", self.steps))


def _machine_from(ptr):
    m = Machine()
    _lib.ssem_copy(m._h.ptr, ptr)
    return m


class Verification:
    """What Machine.verify found. `differ` False: the engines agreed for
    `steps` steps and stopped alike (`stop`). `differ` True: after step
    `first_step` (1-based) their states differ: `before`, `after_a` and
    `after_b` are Machines, `stop_a`/`stop_b` their stop reasons."""

    def __init__(self, a, b, r):
        self.engines = (a, b)
        self.differ = bool(_lib.ssem_verify_differ(r.ptr))
        self.steps = _lib.ssem_verify_steps(r.ptr)
        self.stop = _stop(_lib.ssem_verify_stop(r.ptr, 0))
        if self.differ:
            self.first_step = _lib.ssem_verify_first_step(r.ptr)
            self.stop_a = _stop(_lib.ssem_verify_stop(r.ptr, 1))
            self.stop_b = _stop(_lib.ssem_verify_stop(r.ptr, 2))
            self.before, self.after_a, self.after_b = (
                _machine_from(_lib.ssem_verify_state(r.ptr, i)) for i in range(3))

    def __bool__(self):
        """True when the engines agreed."""
        return not self.differ

    def __repr__(self):
        if self.differ:
            return "<ssem.Verification %s/%s differ after step %d>" % (
                self.engines + (self.first_step,))
        return "<ssem.Verification %s/%s agree: %d steps, %s>" % (
            self.engines + (self.steps, self.stop))
