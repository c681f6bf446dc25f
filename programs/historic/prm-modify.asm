; prm-modify.asm - instruction modification on the Baby: one STO, its address stepped each round, writes 1..8 into lines 24..31
;
; Source: an idiom, not a program of 1948. The Baby had no index register
; (the "B-tube" came after it), so a program that walks the store changes
; the address field of one of its own instructions, held in the same store
; as data. C. P. Burton's SSEM Programmer's Reference Manual (Computer
; Conservation Society, issue 2, 20 August 1997;
; computer50.org/mark1/prog98/ssemref.html) says so in its introduction and
; is the reference for the instruction format (line number in digits 0-4,
; function in digits 13-15). We could not read the manual's appendix of
; worked examples, so this program is OURS, written to show the idiom, and
; not typed from it.
;
; What it does: the instruction at `put` starts as STO 24. Each round stores
; k there, then adds 1 to the instruction word itself (the line number is in
; its lowest digits, so +1 is the next line), then counts k up and stops
; when k passes 8. 15 instructions a round, 8 rounds: 120. At the end the
; word at `put` reads STO 24 + 8: line 32, which does not exist: the carry
; has left the 5-digit line field (word 24608 = 3 x 8192 + 32).
;
; How it would have been run in 1948: KSC, the lines typed in with the
; typewriter buttons (KLC to redo a line), KCC, Stop/Run to Run; at the stop
; lamp the monitor tube shows lines 24-31 holding 1 to 8, bit 0 on the left:
; a binary count running down the bottom of the screen.
; (The controls: docs/panel.md.)

        NUM 0           ;  0: jump address for line 15 (line 1, less 1)
loop:   LDN nk          ;  1: A = k (line nk holds -k)
put:    STO 24          ;  2: line 24 + (k - 1) = k: the modified instruction
        LDN put         ;  3: A = -put
        SUB one         ;  4: A = -(put + 1)
        STO t           ;  5: t = -(put + 1)
        LDN t           ;  6: A = put + 1: the same STO, one line further
        STO put         ;  7: put = STO (its line + 1)
        LDN nk          ;  8: A = k
        STO t           ;  9: t = k
        LDN t           ; 10: A = -k
        SUB one         ; 11: A = -(k + 1)
        STO nk          ; 12: k = k + 1, kept negated
        SUB m8          ; 13: A = 8 - (k + 1)
        CMP             ; 14: A < 0: k + 1 > 8, all eight lines written
        JMP 0           ; 15: CI = S[0] = 0: next instruction line 1
        STP             ; 16: done: lines 24-31 hold 1..8

one:    NUM 1           ; 17: the constant 1
m8:     NUM -8          ; 18: the constant -8
nk:     NUM -1          ; 19: -k, k = 1 first
t:      NUM 0           ; 20: working
