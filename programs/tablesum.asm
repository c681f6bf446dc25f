; tablesum.asm - sums a table of ten numbers by modifying its own code.
;
; The Baby has no index register: to walk a table, a program changes the
; operand of one of its own instructions. Here the instruction at `get`
; (SUB table) reads one table entry; after each use the program adds 1 to
; that instruction word in place (its operand is in bits 0-4, so +1 moves it
; to the next line). When the word reaches `endw` (SUB tend, the line after
; the table) the sum is complete. The table holds the first ten primes,
; whose sum is 129.
;
; Input:   the table, lines 19-28.
; Results: sum (line 17) = 129; `get` (line 2) ends as SUB 29; A = 0 at the
;          stop (line 13).

loop_p: NUM loop-1          ;  0: jump pointer to `loop` (line 0 is never executed)
loop:   LDN sum             ;  1: A = -sum             (execution starts here)
get:    SUB table           ;  2: A = -sum - x[i]: this operand walks the table
        STO t               ;  3: t = -(sum + x[i])
        LDN t               ;  4: A = sum + x[i]
        STO sum             ;  5: sum = sum + x[i]
        LDN get             ;  6: A = -w, w = the instruction word at `get`
        SUB one             ;  7: A = -(w + 1)
        STO t               ;  8: t = -(w + 1)
        LDN t               ;  9: A = w + 1
        STO get             ; 10: `get` now reads the next table line
        SUB endw            ; 11: A = (w + 1) - (SUB tend)
        CMP                 ; 12: not yet past the table (A < 0): skip the stop
        STP                 ; 13: halt: every entry has been added
        JMP loop_p          ; 14: round again
one:    NUM 1               ; 15: constant 1
endw:   SUB tend            ; 16: data: the word `get` reaches after the last entry
sum:    NUM 0               ; 17: result: the sum
t:      NUM 0               ; 18: scratch
table:  NUM 2               ; 19: the table: the first ten primes
        NUM 3               ; 20
        NUM 5               ; 21
        NUM 7               ; 22
        NUM 11              ; 23
        NUM 13              ; 24
        NUM 17              ; 25
        NUM 19              ; 26
        NUM 23              ; 27
        NUM 29              ; 28
tend:   NUM 0               ; 29: the line after the table (not summed)
