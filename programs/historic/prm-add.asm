; prm-add.asm - the Baby's addition, with LDN and SUB only: 1900 + 48 = 1948
;
; Source: an idiom, not a program of 1948. Williams and Kilburn's letter
; "Electronic Digital Computers" (Nature 162, p. 487, 25 September 1948;
; text on the University of Manchester's digital60 pages) lists the
; machine's facilities - -x into the accumulator, subtract x, store A, test
; the sign, jump, stop - and says "By means of (a) and (b) addition or
; direct writing into A can be programmed". C. P. Burton's SSEM Programmer's
; Reference Manual (Computer Conservation Society, issue 2, 20 August 1997;
; computer50.org/mark1/prog98/ssemref.html) is the reference for the
; instructions. We could not read the manual's appendix of worked examples,
; so this program is OURS, written to show the idiom, and not typed from it.
;
; What it does: x + y = -(-x - y): LDN x gives -x, SUB y gives -x - y,
; STO and LDN of that line negate it back. Four instructions for an add,
; and a fifth to keep the sum. 6 instructions with the stop.
;
; How it would have been run in 1948: KSC, the lines typed in with the
; typewriter buttons (KLC to redo a line), KCC, Stop/Run to Run; at the stop
; lamp the sum is read off line 22 of the monitor tube, in binary, bit 0 on
; the left: 1948 = 4 + 8 + 16 + 128 + 256 + 512 + 1024, dashes on digits
; 2, 3, 4, 7, 8, 9 and 10. (The controls: docs/panel.md.)

        NUM 0           ;  0: never executed (CI is incremented before each fetch)
        LDN x           ;  1: A = -x
        SUB y           ;  2: A = -x - y
        STO t           ;  3: t = -(x + y)
        LDN t           ;  4: A = x + y
        STO sum         ;  5: sum = x + y
        STP             ;  6: stop: the sum is in line 22 and in A

ORG 20
x:      NUM 1900        ; 20: the first number
y:      NUM 48          ; 21: the second number
sum:    NUM 0           ; 22: the sum
t:      NUM 0           ; 23: working: the sum negated
