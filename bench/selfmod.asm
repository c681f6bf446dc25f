; selfmod.asm - a benchmark loop that rewrites its next instruction every round.
;
; Each round stores the word "SUB one" into line `next` and then executes it:
; a translator must notice the store into code it may have translated, every
; time. 20,000,000 rounds of 9 instructions (the last round 8 + STP).
      NUM 0            ;  0: never executed
loop: LDN subw         ;  1: A = the word SUB one
      STO next         ;  2: write it into the next instruction but one
      LDN cnt          ;  3: A = r (cnt holds -r)
next: NUM 0            ;  4: becomes SUB one: A = r - 1
      STO t            ;  5
      LDN t            ;  6: A = -(r - 1)
      STO cnt          ;  7: cnt = -(r - 1)
      CMP              ;  8: r - 1 > 0: skip the stop
      STP              ;  9
      JMP loopp        ; 10: round again (to line 1)
one:  NUM 1            ; 11
subw: NUM -32779       ; 12: -(SUB 11) = -((4 << 13) + 11)
cnt:  NUM -20000000    ; 13: -r, r = rounds left
t:    NUM 0            ; 14
loopp: NUM 0           ; 15: jump word: line 0 + 1
