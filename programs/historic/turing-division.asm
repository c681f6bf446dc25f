; turing-division.asm - Turing's long division as corrected by Tootill (1948), on the Nature example (2^30 - 1) / 31
;
; Source: the routine attributed to A. M. Turing with corrections by
; G. C. Tootill, from Tootill's notebook, as listed in modern mnemonics on
; madrona.ca's "SSEM Programs: Turing's Long Division Routine (Amended)"
; (madrona.ca/e/SSEM/programs/div.html), which gives IEEE Annals of the
; History of Computing 20(3), Jul-Sep 1998 as its source. The example is
; the one in Williams and Kilburn's letter "Electronic Digital Computers",
; Nature 162, p. 487, 25 September 1948 (text on the University of
; Manchester's digital60 pages): "(1) Long division by the standard
; process. (For (2^30 - 1)/31, this took 1 1/2 seconds ...".
;
; PARTLY A RECONSTRUCTION. Lines 0-21 are typed from that listing. The
; copy of the page we could read stops at line 21 (LDN 29, the start of
; "the routine to set" the quotient digit). Line 26 (= 2) follows from the
; listing's line 18, "go to line 3"; lines 22-24 and 27 are ours, written
; from the page's description of the parameters and of the result (the
; quotient comes out shifted so that the one bit of d marks its units
; digit), not from any listing. Lines 28-31 are the parameters as the page
; describes them, with the Nature example's values. So the instructions of
; lines 22-24 may differ from Tootill's; what they compute is the page's.
; (tests/unit/test_historic.c runs this file beside another simulator's
; typing of the whole routine, as test data, on that file's parameters:
; both end with the same quotient, working and step count.)
;
; What it does: binary long division, one quotient digit a round. Line 31
; holds the dividend A, line 30 the divisor already shifted up n places,
; B' = B x 2^n with A/2 < B' <= A, line 29 the digit d = 2^(31-n). Each
; round: if A >= B', then A = A - B' and the quotient gets digit d; then
; quotient and A are both doubled. It stops when the quotient's top digit
; (digit 31, the sign) is set: after n + 1 rounds, with the units digit
; of the quotient on digit 31 - n of line 28. Line 31 is left holding the
; remainder as the last round doubled and negated it: -(A mod B) x 2^(n+1).
; Here A = 2^30 - 1 = 1073741823, B = 31, n = 25 (31 x 2^25 = 1040187392),
; d = 2^6 = 64: line 28 ends as 34636833 x 64, and the quotient,
; 34636833 = 2^25 + 2^20 + 2^15 + 2^10 + 2^5 + 1, reads off the monitor
; from digit 6 (units) to digit 31: six dashes, every fifth digit.
;
; How it was run in 1948: KSC, the lines typed in with the typewriter
; buttons line by line (KLC to redo a line), KCC, Stop/Run to Run; at the
; stop lamp the quotient was read off line 28 of the monitor tube, in
; binary, bit 0 on the left. 404 instructions: 0.6 s at 1.44 ms each (the
; letter's 1 1/2 seconds were for the routine as run then). (The controls:
; docs/panel.md.)

00: NUM 19         ; jump address for line 6 (line 20, less 1)
01: LDN 31         ; A = -A
02: STO 31         ; line 31 = -A (each round begins with -A there)
03: LDN 31         ; A = A
04: SUB 30         ; A = A - B'
05: CMP            ; negative: B' does not go, skip the jump
06: JMP 0          ; CI = 19: B' goes, next instruction line 20
07: LDN 31         ; A = A (line 31 holds -A)
08: STO 31         ; line 31 = A, unchanged
09: LDN 28         ; A = -Q
10: SUB 28         ; A = -2Q
11: STO 28         ; line 28 = -2Q (or -(2Q + d) from line 24)
12: LDN 31         ; A = -A
13: SUB 31         ; A = -2A
14: STO 31         ; line 31 = -2A: A doubled, kept negated
15: LDN 28         ; A = 2Q (or 2Q + d)
16: STO 28         ; line 28 = the new quotient
17: CMP            ; negative: digit 31 is set, the quotient is done
18: JMP 26         ; CI = 2: next instruction line 3, another round
19: STP            ; the quotient is in line 28
20: STO 31         ; line 31 = A - B': B' went
21: LDN 29         ; A = -d
22: SUB 28         ; A = -d - Q               (ours, from here)
23: SUB 28         ; A = -(2Q + d)
24: JMP 27         ; CI = 10: next instruction line 11, which stores it
26: NUM 2          ; jump address for line 18 (line 3, less 1)
27: NUM 10         ; jump address for line 24 (line 11, less 1)  (ours)
28: NUM 0          ; Q, the quotient
29: NUM 64         ; d = 2^(31 - n), n = 25
30: NUM 1040187392 ; B' = 31 x 2^25
31: NUM 1073741823 ; A = 2^30 - 1
