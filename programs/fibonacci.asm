; fibonacci.asm - the largest Fibonacci number below 1,000,000, and its index.
;
; F(1) = F(2) = 1, F(k+1) = F(k) + F(k-1). `prev` and `fib` hold F(k-1) and
; F(k), `index` holds k. Each round forms c = F(k+1) the Baby way
; (A = -prev - fib = -c, stored as nc and loaded back as c), and stops as
; soon as c >= limit; otherwise it shifts (prev, fib) <- (fib, c) and counts
; k up. The answer is F(30) = 832040 (F(31) = 1346269 is too big).
;
; Input:   limit (line 22).
; Results: fib (line 24) = 832040, index (line 27) = 30, prev (line 23) =
;          F(29) = 514229; A = c - limit = 346269 at the stop (line 20).

loop_p: NUM loop-1          ;  0: jump pointer to `loop` (line 0 is never executed)
loop:   LDN prev            ;  1: A = -F(k-1)          (execution starts here)
        SUB fib             ;  2: A = -F(k-1) - F(k) = -c
        STO nc              ;  3: nc = -c
        LDN nc              ;  4: A = c = F(k+1)
        SUB limit           ;  5: A = c - limit
        CMP                 ;  6: c < limit: skip the exit jump
        JMP done_p          ;  7: c >= limit: F(k) is the answer
        LDN fib             ;  8: A = -F(k)
        STO t               ;  9: t = -F(k)
        LDN t               ; 10: A = F(k)
        STO prev            ; 11: prev = F(k)
        LDN nc              ; 12: A = c
        STO fib             ; 13: fib = c = F(k+1)
        LDN index           ; 14: A = -k
        SUB one             ; 15: A = -(k + 1)
        STO t               ; 16: t = -(k + 1)
        LDN t               ; 17: A = k + 1
        STO index           ; 18: index = k + 1
        JMP loop_p          ; 19: round again
done:   STP                 ; 20: halt: fib = F(index) is the largest below limit
done_p: NUM done-1          ; 21: jump pointer to `done`
limit:  NUM 1000000         ; 22: input: the bound
prev:   NUM 1               ; 23: F(k-1), starting with F(1) = 1
fib:    NUM 1               ; 24: F(k), starting with F(2) = 1; the result
nc:     NUM 0               ; 25: -F(k+1) while it is being formed
t:      NUM 0               ; 26: scratch
index:  NUM 2               ; 27: k, the index of fib; the result's index
one:    NUM 1               ; 28: constant 1
