; gcd.asm - greatest common divisor of 1071 and 462 by Euclid's subtraction.
;
; While a != b, take the smaller from the larger; what is left is the gcd
; (21). With only LDN and SUB, b is kept negated (nb = -b), so that
; LDN a, SUB nb gives d = b - a in one go. Then:
;   d < 0 (a > b): a = a - b = -d
;   d > 0 (b > a): b = b - a = d, i.e. nb = -d
;   d = 0:         finished, gcd = a = b
; In every case -d is what gets stored, obtained by storing d and loading it
; back negated.
;
; Inputs:  a (line 21), b (line 22), both > 0.
; Results: g (line 25) = 21 (a ends as 21 too); A = 21 at the stop (line 18).

loop_p:  NUM loop-1         ;  0: jump pointer to `loop` (line 0 is never executed)
start:   LDN b              ;  1: A = -b            (execution starts here)
         STO nb             ;  2: nb = -b
loop:    LDN a              ;  3: A = -a
         SUB nb             ;  4: A = -a + b = d
         STO t              ;  5: t = d
         CMP                ;  6: d < 0 (a > b): skip to the a-step
         JMP nonneg_p       ;  7: d >= 0: see whether b > a or a = b
         LDN t              ;  8: A = -d = a - b
         STO a              ;  9: a = a - b
         JMP loop_p         ; 10: round again
nonneg:  LDN t              ; 11: A = -d
         CMP                ; 12: -d < 0 (b > a): skip the exit jump
         JMP done_p         ; 13: d = 0: a = b, finished
         STO nb             ; 14: nb = -d = -(b - a): b = b - a
         JMP loop_p         ; 15: round again
done:    LDN nb             ; 16: A = b, the gcd
         STO g              ; 17: g = the gcd
         STP                ; 18: halt
nonneg_p: NUM nonneg-1      ; 19: jump pointer to `nonneg`
done_p:  NUM done-1         ; 20: jump pointer to `done`
a:       NUM 1071           ; 21: input: first number (worked on in place)
b:       NUM 462            ; 22: input: second number
nb:      NUM 0              ; 23: the second number as worked on, negated
t:       NUM 0              ; 24: scratch: d = b - a
g:       NUM 0              ; 25: result: the gcd
