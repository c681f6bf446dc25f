"""test_ssem.py - the Python binding (python/ssem.py) against SPEC.

Run by `make check` through tests/pkg/python.sh, with SSEM_LIBRARY naming
the build's libssem.so.0; alone: `SSEM_LIBRARY=build/libssem.so.0 python3
python/test_ssem.py`. Ends with the line "N passed, N failed" that
tests/run.sh adds up.

Expected values are SPEC's (the first program: 2,097,154 instructions,
131072 in line 27, CI 13) or worked out by hand in the comments. Words are
built from the SPEC's field layout here (n in bits 0-4, f in bits 13-15),
and bit strings written bit 0 first by this file's own helper, so that a
mistake in the library cannot agree with itself.
"""

import os
import sys
import tempfile
import types
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import ssem  # noqa: E402  (after the path is set)


def ins(f, n=0):
    """An instruction word per SPEC section 3: n in bits 0-4, f in 13-15."""
    return (f << 13) | n


LDN, SUB, STO, CMP, STP, JMP = 2, 4, 3, 6, 7, 0


def bits(word):
    """32 characters, bit 0 first (SPEC section 2)."""
    return "".join("1" if word >> i & 1 else "0" for i in range(32))


# A small program, by hand: line 1 LDN 4 (A = -7), line 2 SUB 5 (A = -7 - 3
# = -10), line 3 STP. 3 instructions; CI stays on the STP's line, 3.
SMALL = {1: ins(LDN, 4), 2: ins(SUB, 5), 3: ins(STP), 4: 7, 5: 3}
SMALL_A = (-10) & 0xFFFFFFFF


def first_program():
    return ssem.Machine.from_file(os.path.join(ROOT, "programs", "first.lst"))


class Version(unittest.TestCase):
    def test_version_is_the_headers(self):
        with open(os.path.join(ROOT, "include", "ssem.h")) as f:
            line = next(l for l in f if l.startswith('#define SSEM_VERSION "'))
        self.assertEqual(ssem.version(), line.split('"')[1])
        self.assertEqual(int(ssem.version().split(".")[0]), ssem.MAJOR)

    def test_a_mismatched_major_is_refused(self):
        # a library claiming version 1.1.0 (10100): functions, so that the
        # module can set restype/argtypes on them as on ctypes functions
        def ssem_version():
            return 10100

        def ssem_version_string():
            return b"1.1.0"
        fake = types.SimpleNamespace(ssem_version=ssem_version,
                                     ssem_version_string=ssem_version_string)
        with self.assertRaises(ImportError) as cm:
            ssem._check_version(fake)
        self.assertIn("1.1.0", str(cm.exception))

    def test_an_older_minor_is_refused(self):
        # 0.1.0 (100) has the same major but predates the module's 0.2;
        # 0.2.7 (207) and 0.3.0 (300) are new enough
        def fake(num, text):
            return types.SimpleNamespace(ssem_version=lambda: num,
                                         ssem_version_string=lambda: text)
        with self.assertRaises(ImportError) as cm:
            ssem._check_version(fake(100, b"0.1.0"))
        self.assertIn("older than 0.2", str(cm.exception))
        self.assertEqual(ssem._check_version(fake(207, b"0.2.7")), "0.2.7")
        self.assertEqual(ssem._check_version(fake(300, b"0.3.0")), "0.3.0")


class FirstProgram(unittest.TestCase):
    def test_every_engine_gives_specs_result(self):
        names = ssem.engines()
        self.assertIn("ref", names)
        self.assertIn(ssem.default_engine(), names)
        for name in names:
            with self.subTest(engine=name):
                m = first_program()
                self.assertEqual(m.run(budget=3_000_000, engine=name), "halted")
                self.assertEqual(m.steps, 2_097_154)
                self.assertEqual(m.store[27], 131072)
                self.assertEqual(m.ci, 13)
                self.assertTrue(m.lamp)
                self.assertFalse(m.fault)
                self.assertEqual(m.pi, ins(STP))

    def test_budget(self):
        m = first_program()
        self.assertEqual(m.run(budget=1000), "limit")
        self.assertEqual(m.steps, 1000)
        self.assertFalse(m.lamp)
        # the rest of the run: 2,097,154 in all
        self.assertEqual(m.run(budget=3_000_000), "halted")
        self.assertEqual(m.steps, 2_097_154)

    def test_breakpoint_before_the_stp(self):
        # the STP on line 13 is the last of 2,097,154 instructions: a
        # breakpoint on line 13 stops the run before it, after 2,097,153
        m = first_program()
        self.assertEqual(m.run(breakpoints=[13]), "break")
        self.assertEqual(m.steps, 2_097_153)
        self.assertEqual(m.ci, 12)
        # a run started at the breakpoint stops at once; step over it
        self.assertEqual(m.run(breakpoints=[13]), "break")
        self.assertEqual(m.steps, 2_097_153)
        self.assertEqual(m.step(), "halted")
        self.assertEqual(m.steps, 2_097_154)

    def test_verify(self):
        m = first_program()
        v = m.verify("ref", "fast", max_steps=3_000_000, stride=1000)
        self.assertTrue(v)
        self.assertFalse(v.differ)
        self.assertEqual(v.steps, 2_097_154)
        self.assertEqual(v.stop, "halted")
        self.assertEqual(m.steps, 0)  # the machine itself did not run
        with self.assertRaises(ValueError):
            m.verify("ref", "no-such-engine")


class Formats(unittest.TestCase):
    def check_small(self, text, name=None, fmt="auto"):
        m = ssem.Machine(text, name=name, format=fmt)
        for line in range(32):
            self.assertEqual(m.store[line], SMALL.get(line, 0), "line %d" % line)
        self.assertEqual(m.run(), "halted")
        self.assertEqual((m.steps, m.ci, m.a), (3, 3, SMALL_A))

    def test_asm(self):
        self.check_small("1: LDN 4\n2: SUB 5\n3: STP\n4: NUM 7\n5: NUM 3\n", "small.asm")

    def test_listing(self):
        text = "".join("%d %s\n" % (l, bits(w)) for l, w in sorted(SMALL.items()))
        self.check_small(text, "small.lst")
        self.check_small(text, fmt="listing")

    def test_snp(self):
        text = "; small\n5\n" + "".join("%04d:%s\n" % (l, bits(w)) for l, w in SMALL.items())
        self.check_small(text, "small.snp")

    def test_bits(self):
        self.check_small("".join(bits(SMALL.get(l, 0)) + "\n" for l in range(6)), fmt="bits")

    def test_decimal(self):
        # 16388 = 2*8192 + 4, 32773 = 4*8192 + 5, 57344 = 7*8192
        self.check_small("0\n16388\n32773\n57344\n7\n3\n", fmt="decimal")

    def test_bytes_and_files(self):
        self.check_small(b"1: LDN 4\n2: SUB 5\n3: STP\n4: NUM 7\n5: NUM 3\n")
        with tempfile.NamedTemporaryFile("w", suffix=".asm", delete=False) as f:
            f.write("1: LDN 4\n2: SUB 5\n3: STP\n4: NUM 7\n5: NUM 3\n")
        try:
            m = ssem.Machine.from_file(f.name)
            self.assertEqual(m.run(), "halted")
            self.assertEqual(m.a, SMALL_A)
        finally:
            os.unlink(f.name)

    def test_unknown_format(self):
        with self.assertRaises(ValueError):
            ssem.Machine("1: STP\n", format="punched-tape")

    def test_warnings(self):
        # line 1 given twice: the later word (STP) is kept, with a warning
        m = ssem.Machine("1: LDN 4\n1: STP\n", name="twice.asm")
        self.assertEqual(m.store[1], ins(STP))
        self.assertEqual(len(m.warnings), 1)
        self.assertEqual((m.warnings[0].file, m.warnings[0].line), ("twice.asm", 2))


class Errors(unittest.TestCase):
    def test_error_carries_file_line_column_message(self):
        # line 2, the unknown mnemonic starts in column 3
        with self.assertRaises(ssem.SsemError) as cm:
            ssem.Machine("LDN 3\n  LDX 4\nSTP\n", name="bad.asm")
        e = cm.exception
        self.assertEqual((e.file, e.line, e.column), ("bad.asm", 2, 3))
        self.assertIn("LDX", e.message)
        self.assertTrue(str(e).startswith("bad.asm:2:3: "))

    def test_listing_error_column(self):
        # 31 bits: reported at the bit string's first character, column 3
        with self.assertRaises(ssem.SsemError) as cm:
            ssem.Machine("1 " + "0" * 31 + "\n", name="short.lst", format="listing")
        self.assertEqual((cm.exception.line, cm.exception.column), (1, 3))
        self.assertIn("31", cm.exception.message)

    def test_failed_load_leaves_machine_alone(self):
        m = ssem.Machine("1: STP\n")
        with self.assertRaises(ssem.SsemError):
            m.load("1: LDX\n")
        self.assertEqual(m.store[1], ins(STP))

    def test_empty_text_is_an_error(self):
        with self.assertRaises(ssem.SsemError) as cm:
            ssem.Machine("; nothing\n", name="empty.asm")
        self.assertEqual(cm.exception.line, 0)  # the whole file

    def test_bad_arguments(self):
        m = ssem.Machine()
        with self.assertRaises(IndexError):
            m.store[32]
        with self.assertRaises(IndexError):
            m.store[-33] = 1
        with self.assertRaises(ValueError):
            m.store[0] = 1 << 32
        with self.assertRaises(ValueError):
            m.run(engine="no-such-engine")
        with self.assertRaises(ValueError):
            m.run(budget=-1)


class State(unittest.TestCase):
    def test_registers_and_store_by_accessor(self):
        m = ssem.Machine()
        self.assertEqual((m.a, m.ci, m.pi, m.lamp, m.fault, m.steps), (0, 0, 0, False, False, 0))
        self.assertEqual(list(m.store), [0] * 32)
        m.a = -3
        self.assertEqual(m.a, 0xFFFFFFFD)
        self.assertEqual(ssem.signed(m.a), -3)
        m.store[31] = -1
        m.store[-2] = 5  # line 30
        self.assertEqual(m.store[31], 0xFFFFFFFF)
        self.assertEqual(m.store[30], 5)
        self.assertEqual(m.store[29:], [0, 5, 0xFFFFFFFF])
        m.steps = 5_000_000_000
        self.assertEqual(m.steps, 5_000_000_000)

    def test_change_then_run(self):
        # line 1 LDN 5 (A = -S[5]), line 2 STO 6, line 3 STP; S[5] = 9:
        # A = -9, S[6] = -9, 3 instructions, CI = 3
        m = ssem.Machine()
        m.store[1:4] = [ins(LDN, 5), ins(STO, 6), ins(STP)]
        m.store[5] = 9
        self.assertEqual(m.run(engine="ref"), "halted")
        self.assertEqual(ssem.signed(m.store[6]), -9)
        self.assertEqual((m.steps, m.ci), (3, 3))
        # change the program after a run (the engine must notice) and go on
        for engine in ssem.engines():
            with self.subTest(engine=engine):
                m = ssem.Machine()
                m.store[1] = ins(STP)
                self.assertEqual(m.run(engine=engine), "halted")
                m.store[1] = ins(LDN, 5)
                m.store[2] = ins(STP)
                m.store[5] = 9
                m.lamp = False
                m.ci = 0
                self.assertEqual(m.run(engine=engine), "halted")
                self.assertEqual((ssem.signed(m.a), m.ci, m.steps), (-9, 2, 3))

    def test_step(self):
        m = ssem.Machine()
        m.store[1:3] = [ins(LDN, 4), ins(STP)]
        m.store[4] = 1
        self.assertEqual(m.step(), "running")  # CI 0 -> 1, LDN 4: A = -1
        self.assertEqual((m.ci, ssem.signed(m.a), m.pi, m.steps), (1, -1, ins(LDN, 4), 1))
        self.assertEqual(m.step(), "halted")
        self.assertEqual(m.step(), "halted")  # the lamp is lit: nothing moves
        self.assertEqual(m.steps, 2)
        m.resume()
        self.assertFalse(m.lamp)

    def test_fault_and_lenient(self):
        # CI = 0x1FFF: incremented to 0x2000, bit 13 set: the fetch faults,
        # nothing executed (SPEC section 4)
        m = ssem.Machine()
        m.ci = 0x1FFF
        self.assertEqual(m.run(engine="ref"), "fault")
        self.assertTrue(m.lamp and m.fault)
        self.assertEqual((m.ci, m.steps), (0x2000, 0))
        self.assertIn("13-15", m.fault_reason())
        # lenient: the fetch is from 0x2000 & 31 = line 0, here STP
        m = ssem.Machine(lenient=True)
        m.store[0] = ins(STP)
        m.ci = 0x1FFF
        self.assertEqual(m.run(engine="ref"), "halted")
        self.assertFalse(m.fault)
        self.assertEqual(m.steps, 1)

    def test_lamp_and_fault_stay_consistent(self):
        m = ssem.Machine()
        m.fault = True
        self.assertTrue(m.lamp)
        m.lamp = False
        self.assertFalse(m.fault)

    def test_state_file_round_trip(self):
        m = first_program()
        m.run(budget=1234)
        m.lenient = True
        text = m.state()
        back = ssem.Machine(text, name="saved.snp")
        self.assertEqual(back, m)
        self.assertEqual(back.steps, 1234)
        # and the run goes on to SPEC's end from the saved state
        self.assertEqual(back.run(), "halted")
        self.assertEqual((back.steps, back.store[27]), (2_097_154, 131072))

    def test_copy_is_independent(self):
        m = first_program()
        c = m.copy()
        self.assertEqual(c, m)
        c.run(budget=10)
        self.assertNotEqual(c, m)
        self.assertEqual(m.steps, 0)

    def test_write(self):
        m = ssem.Machine()
        m.store[1] = ins(LDN, 24)
        self.assertEqual(ssem.assemble(m.write("asm")), list(m.store))
        self.assertEqual(ssem.assemble(m.write("listing")), list(m.store))
        self.assertEqual(ssem.assemble(m.write("snp")), list(m.store))
        self.assertIn("0001:" + bits(ins(LDN, 24)), m.write("snp"))


class AssembleDisassemble(unittest.TestCase):
    def test_assemble(self):
        words = ssem.assemble("start: LDN 24\nSUB 25\nSTO 26\nCMP\nSTP\n")
        # from line 0: LDN 24 = 2*8192 + 24 = 16408 (SPEC: 0001 1000 0000 0010 ...)
        self.assertEqual(words[:5], [16408, 4 * 8192 + 25, 3 * 8192 + 26, 6 * 8192, 7 * 8192])
        self.assertEqual(words[5:], [0] * 27)
        self.assertEqual(bits(words[0]), "00011000000000100000000000000000")

    def test_disassemble_word(self):
        self.assertEqual(ssem.disassemble(16408), "LDN 24")
        self.assertEqual(ssem.disassemble(ins(STP)), "STP")
        self.assertEqual(ssem.disassemble(-3), "NUM -3")

    def test_round_trip(self):
        words = [i * 0x01010101 & 0xFFFFFFFF for i in range(32)]
        self.assertEqual(ssem.assemble(ssem.disassemble(words)), words)

    def test_assemble_error(self):
        with self.assertRaises(ssem.SsemError) as cm:
            ssem.assemble("LDN 40\n", name="far.asm")
        self.assertEqual((cm.exception.file, cm.exception.line), ("far.asm", 1))


class DocExamples(unittest.TestCase):
    def test_docs_python_md(self):
        """Every ```python block of docs/python.md runs as a doctest, from the
        top of the source tree as the page says."""
        import doctest
        with open(os.path.join(ROOT, "docs", "python.md")) as f:
            page = f.read()
        blocks = page.split("```python\n")[1:]
        self.assertGreaterEqual(len(blocks), 4)
        globs = {"ssem": ssem}
        parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(verbose=False)
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            for i, block in enumerate(blocks):
                code = block.split("```", 1)[0]
                test = parser.get_doctest(code, globs, "docs/python.md block %d" % (i + 1),
                                          "docs/python.md", 0)
                runner.run(test)
        finally:
            os.chdir(cwd)
        self.assertEqual(runner.summarize(verbose=False).failed, 0)


def main():
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=1, stream=sys.stderr).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    print("%d passed, %d failed" % (passed, failed + len(result.skipped)))
    return 1 if failed or result.skipped or not result.wasSuccessful() else 0


if __name__ == "__main__":
    sys.exit(main())
