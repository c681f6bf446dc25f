; hcf.asm - Tootill's highest common factor (Euclid), 1948, on small numbers: hcf(989, 667) = 23
;
; Source: G. C. Tootill's routine (1948), from his notebook, as listed in
; modern mnemonics on madrona.ca's "SSEM Programs: Highest Common Factor"
; (madrona.ca/e/SSEM/programs/hcf.html), which gives IEEE Annals of the
; History of Computing 20(3), Jul-Sep 1998 as its source and says these two
; numbers (nine digits of pi and of e) are the ones Williams and Kilburn ran
; it with and reported in their letter "Electronic Digital Computers",
; Nature 162, p. 487, 25 September 1948. Typed from that listing (lines
; 0-16 and 27-29, instruction for instruction; the comments are ours).
;
; What it does: Euclid by repeated subtraction. Each round divides A (line
; 30) by B (line 31), subtracting B until the accumulator goes negative, and
; puts B in line 30 and the remainder in line 31; it stops when the
; remainder is 0 or 1. At the stop: line 31 = 0 means the HCF is in line 30;
; line 31 = 1 means the numbers are coprime. This version is Tootill's
; listing with the two numbers set by us to 989 = 23 x 43 and
; 667 = 23 x 29, so that the run is short (3 rounds, 93 instructions) and
; the answer, 23, can be checked by hand.
;
; How it was run in 1948: KSC cleared the store; each line was set up as
; the action line and its digits written with the typewriter buttons (KLC
; to clear a line typed wrong); KCC cleared CI and A; Stop/Run to Run. At
; the stop lamp the answer was read off the monitor tube in binary, bit 0 on
; the left: line 31 blank (remainder 0), line 30 showing 23 = 1 + 2 + 4 + 16,
; dashes on digits 0, 1, 2 and 4. (The controls: docs/panel.md.) The run on
; the numbers of the Nature letter: hcf-nature.asm.

00: NUM 0          ; jump address for line 15 (line 1, less 1)
01: LDN 30         ; A = -A
02: STO 29         ; line 29 = -A
03: LDN 31         ; A = -B
04: STO 31         ; line 31 = -B
05: LDN 31         ; A = B
06: STO 30         ; line 30 = B: the next round's A
07: LDN 29         ; A = A (the old one, from line 29)
08: SUB 30         ; A = A - B
09: CMP            ; negative: B went once too often, skip the jump back
10: JRP 27         ; CI = CI + (-3): back to line 8
11: SUB 31         ; A = A + B (line 31 holds -B): the remainder
12: STO 31         ; line 31 = the remainder: the next round's B
13: SUB 28         ; A = remainder - 2
14: CMP            ; negative: remainder 0 or 1, skip the jump: stop
15: JMP 0          ; CI = 0: next instruction line 1, another round
16: STP            ; the answer: line 30 (line 31 = 0) or coprime (line 31 = 1)
27: NUM -3         ; relative jump for line 10
28: NUM 2          ; the constant 2
29: NUM 0          ; -A, working
30: NUM 989        ; A, the larger number (23 x 43)
31: NUM 667        ; B, the smaller number (23 x 29)
