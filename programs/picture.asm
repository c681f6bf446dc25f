; picture.asm - draws a right-angled triangle on the monitor.
;
; The monitor shows each store line as a row of 32 dots, bit 0 on the left,
; a 1 as a dash. Row k of the triangle (k = 0..10) is the word with bits
; 0..k set, 2^(k+1) - 1: k + 1 dashes from the left edge. Each row is
; computed from the one before, w' = 2w + 1 (A = -w - w - 1, stored and
; loaded back negated), and put into the next picture line by the STO at
; `put`, whose operand the program increments in place after each row.
; The picture fills lines 21-31, the bottom of the screen; the program
; stops when `put` has moved past line 31.
;
; Result:  lines 21..31 = 1, 3, 7, ..., 2047 (the triangle); w (line 17) =
;          2047; A = 0 at the stop (line 15).

loop_p: NUM loop-1          ;  0: jump pointer to `loop` (line 0 is never executed)
loop:   LDN w               ;  1: A = -w               (execution starts here)
        SUB w               ;  2: A = -2w
        SUB one             ;  3: A = -(2w + 1)
        STO t               ;  4: t = -(2w + 1)
        LDN t               ;  5: A = 2w + 1, the next row
        STO w               ;  6: w = the next row
put:    STO pic             ;  7: draw it: this operand walks down the screen
        LDN put             ;  8: A = -p, p = the instruction word at `put`
        SUB one             ;  9: A = -(p + 1)
        STO t               ; 10: t = -(p + 1)
        LDN t               ; 11: A = p + 1
        STO put             ; 12: `put` now writes the next line down
        SUB endp            ; 13: A = (p + 1) - endp
        CMP                 ; 14: not past the last line yet (A < 0): skip the stop
        STP                 ; 15: halt: the picture is complete
        JMP loop_p          ; 16: next row
w:      NUM 0               ; 17: the row being drawn (0 before the first)
one:    NUM 1               ; 18: constant 1
t:      NUM 0               ; 19: scratch
endp:   NUM 0x6000+32       ; 20: data: the word `put` reaches after line 31 ("STO 32": STO is 3 << 13)
pic:    NUM 0               ; 21: the picture: lines 21..31, blank until drawn
