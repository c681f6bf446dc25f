; cmp30.asm - CMP at line 30 with A < 0 skips line 31: the next fetch is at
; CI = 32, line 0 (a STP). Not skipping would run line 31's JMP 0 (CI =
; 57344, a fault at the next fetch). By hand: halts after 4 steps (lines
; 1, 2, 30, 0) with A = -1.
0        STP
1        LDN one     ; A = -1
2        JMP p       ; CI = 29
3 p:     NUM 29
4 one:   NUM 1
30       CMP
31       NUM 0
