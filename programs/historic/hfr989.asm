; hfr989.asm - Kilburn's highest-factor routine (as amended, 1948) on 989 = 23 x 43: the answer is 43
;
; Source: the routine is the amended first program, instruction for
; instruction (see first.lst here), in the mnemonics of the University of
; Manchester's Computer 50 page "The First Program"
; (computer50.org/mark1/firstprog.html) and of madrona.ca's "SSEM Programs:
; Highest Factor" (madrona.ca/e/SSEM/programs/hf.html, after IEEE Annals of
; the History of Computing 20(3), 1998). Only the two data lines differ:
; line 23 = -989, line 24 = 988. The name HFR989 ("highest factor routine,
; 989") is that of a program other Baby simulators ship (a different layout
; from this one); we found no published listing of it, so this is the
; published routine with its number set by us, not a copy of any file.
;
; What it does: tries b = 988, 987, ... until b divides 989, each division by
; repeated subtraction. 989 = 23 x 43, so it stops at b = 43 after 945
; trial divisors, in 20,439 instructions: half a minute on the Baby at
; 1.44 ms an instruction, against 52 minutes for 2^18.
;
; How it was run in 1948: as the first program (first.lst): KSC, the lines
; typed in with the typewriter buttons line by line (KLC to redo a line),
; KCC, Stop/Run to Run; at the stop the answer was read off the monitor
; tube, line 27 in binary, bit 0 on the left: 43 = 1 + 2 + 8 + 32, dashes
; on digits 0, 1, 3 and 5. (The controls: docs/panel.md.)
;
; Lines 1-22 are the routine; 23-24 its input; 25-27 its working and answer.

00: NUM 0        ; never executed: CI starts at 0 and is incremented first
01: LDN 24       ; A = -(a - 1), the first trial divisor negated
02: STO 26       ; line 26 = -b
03: LDN 26       ; A = b
04: STO 27       ; line 27 = b
05: LDN 23       ; A = a (line 23 holds -a): start a division
06: SUB 27       ; A = A - b
07: CMP          ; A < 0: b went once too often, skip the jump back
08: JRP 20       ; CI = CI + (-3): back to line 6, subtract b again
09: SUB 26       ; A = A + b: the remainder
10: STO 25       ; line 25 = remainder
11: LDN 25       ; A = -remainder
12: CMP          ; A < 0: remainder not 0, skip the stop
13: STP          ; b divides a: the answer is in line 27
14: LDN 26       ; A = b
15: SUB 21       ; A = b - 1, the next trial divisor
16: STO 27       ; line 27 = b
17: LDN 27       ; A = -b
18: STO 26       ; line 26 = -b
19: JMP 22       ; CI = 4: next instruction line 5, the next division
20: NUM -3       ; relative jump for line 8
21: NUM 1        ; the constant 1
22: NUM 4        ; jump address for line 19 (line 5, less 1)
23: NUM -989     ; -a
24: NUM 988      ; a - 1, the first trial divisor
25: NUM 0        ; remainder
26: NUM 0        ; -b
27: NUM 0        ; b; at the stop, the answer
