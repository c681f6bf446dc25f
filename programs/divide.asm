; divide.asm - integer division with remainder: 1000 / 7 = 142 remainder 6.
;
; Division by repeated subtraction: while r >= d, take d off r and count
; one more in q. The remainder is kept negated (nr = -r) so that one LDN
; gives r itself and one SUB gives r - d; the sign of r - d (tested by CMP)
; says whether another d fits. The quotient is counted up the Baby way:
; A = -q - 1 = -(q + 1), stored and loaded back negated.
;
; Inputs:  n (line 20, the dividend), d (line 21, the divisor, > 0).
; Results: q (line 25) = 142, rem (line 26) = 6; A = 6 at the stop (line 9).

loop_p: NUM loop-1          ;  0: jump pointer to `loop` (line 0 is never executed)
start:  LDN n               ;  1: A = -n            (execution starts here)
        STO nr              ;  2: nr = -n, i.e. r = n
loop:   LDN nr              ;  3: A = r
        SUB d               ;  4: A = r - d
        CMP                 ;  5: r - d < 0: d no longer fits, skip to `done`
        JMP body_p          ;  6: r >= d: take one more d off
done:   LDN nr              ;  7: A = r, the remainder
        STO rem             ;  8: rem = r
        STP                 ;  9: halt
body:   STO t               ; 10: t = r - d (A still holds it after the JMP)
        LDN t               ; 11: A = -(r - d)
        STO nr              ; 12: nr = -(r - d): r is now r - d
        LDN q               ; 13: A = -q
        SUB one             ; 14: A = -(q + 1)
        STO t               ; 15: t = -(q + 1)
        LDN t               ; 16: A = q + 1
        STO q               ; 17: q = q + 1
        JMP loop_p          ; 18: round again
body_p: NUM body-1          ; 19: jump pointer to `body`
n:      NUM 1000            ; 20: input: the dividend
d:      NUM 7               ; 21: input: the divisor
one:    NUM 1               ; 22: constant 1
nr:     NUM 0               ; 23: the remainder so far, negated
t:      NUM 0               ; 24: scratch
q:      NUM 0               ; 25: result: the quotient
rem:    NUM 0               ; 26: result: the remainder
