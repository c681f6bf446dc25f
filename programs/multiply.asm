; multiply.asm - 13 x 11 by repeated subtraction.
;
; The Baby has no multiplier and no adder: only LDN (load negated) and SUB.
; The product P = a * b is built up as b additions of a, and an addition
; x + y is done the Baby way: A = -x - y = -(x + y), store it, and load it
; back negated. `cnt` counts the additions still to do; the loop stops when
; it reaches 0.
;
; Inputs:  a (line 25), b (line 26).
; Result:  prod (line 24) = a * b = 143; A = -143 at the stop (line 19).
; Reminder: JMP n sets CI <- S[n] and CI is incremented before the fetch,
; so a jump pointer holds (destination - 1).

loop_p: NUM loop-1          ;  0: jump pointer to `loop` (line 0 is never executed)
start:  LDN b               ;  1: A = -b            (execution starts here)
        STO t               ;  2: t = -b
        LDN t               ;  3: A = b
        STO cnt             ;  4: cnt = b: additions to do
loop:   LDN cnt             ;  5: A = -r   (r = additions still to do)
        CMP                 ;  6: r > 0 (A < 0): skip the exit jump
        JMP done_p          ;  7: r = 0: all done
        SUB mone            ;  8: A = -r + 1 = -(r - 1)
        STO t               ;  9: t = -(r - 1)
        LDN t               ; 10: A = r - 1
        STO cnt             ; 11: cnt = r - 1
        LDN prod            ; 12: A = -P
        SUB a               ; 13: A = -P - a = -(P + a)
        STO t               ; 14: t = -(P + a)
        LDN t               ; 15: A = P + a
        STO prod            ; 16: prod = P + a
        JMP loop_p          ; 17: round again
done:   LDN prod            ; 18: A = -P (the product, negated)
        STP                 ; 19: halt
done_p: NUM done-1          ; 20: jump pointer to `done`
mone:   NUM -1              ; 21: constant -1
t:      NUM 0               ; 22: scratch
cnt:    NUM 0               ; 23: additions still to do
prod:   NUM 0               ; 24: result: the product P
a:      NUM 13              ; 25: input: the multiplicand
b:      NUM 11              ; 26: input: the multiplier
