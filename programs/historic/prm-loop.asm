; prm-loop.asm - a counted loop on the Baby: 1 + 2 + ... + 10 = 55, the count kept in store and tested with CMP
;
; Source: an idiom, not a program of 1948. The loop is the pattern of the
; 1948 programs (the first program's outer loop counts its trial divisor
; down, see first.lst; Tootill's HCF loops until a remainder is small, see
; hcf.asm): a count in a store line, changed each round, its sign tested by
; CMP, which skips the next line when A < 0. C. P. Burton's SSEM
; Programmer's Reference Manual (Computer Conservation Society, issue 2,
; 20 August 1997; computer50.org/mark1/prog98/ssemref.html) is the reference
; for the instructions. We could not read the manual's appendix of worked
; examples, so this program is OURS, written to show the idiom, and not
; typed from it.
;
; What it does: k counts down from 10; each round adds k to the total (by
; LDN/SUB, see prm-add.asm), then k = k - 1 (by subtracting -1: there is no
; add), then loads -k: while k > 0, -k < 0 and CMP skips the stop, so the
; JMP goes round again. 13 instructions a round, 10 rounds: 130.
;
; How it would have been run in 1948: KSC, the lines typed in with the
; typewriter buttons (KLC to redo a line), KCC, Stop/Run to Run; at the stop
; lamp the total is read off line 20 of the monitor tube, in binary, bit 0
; on the left: 55 = 1 + 2 + 4 + 16 + 32, dashes on digits 0, 1, 2, 4 and 5.
; (The controls: docs/panel.md.)

        NUM 0           ;  0: jump address for line 14 (line 1, less 1)
loop:   LDN total       ;  1: A = -total
        SUB k           ;  2: A = -total - k
        STO t           ;  3: t = -(total + k)
        LDN t           ;  4: A = total + k
        STO total       ;  5: total = total + k
        LDN k           ;  6: A = -k
        SUB mone        ;  7: A = -k + 1 = -(k - 1)
        STO t           ;  8: t = -(k - 1)
        LDN t           ;  9: A = k - 1
        STO k           ; 10: k = k - 1
        LDN k           ; 11: A = -k
        CMP             ; 12: A < 0, i.e. k > 0: skip the stop
        STP             ; 13: k = 0: done, the total is in line 20
        JMP 0           ; 14: CI = S[0] = 0: next instruction line 1

ORG 20
total:  NUM 0           ; 20: the total
k:      NUM 10          ; 21: the count: rounds still to go
mone:   NUM -1          ; 22: the constant -1
t:      NUM 0           ; 23: working
