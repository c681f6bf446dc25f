; wrap.asm - CI runs past line 31: line 1 jumps to CI = 30, line 31 runs,
; then CI = 32 fetches line 32 mod 32 = 0, a STP. By hand: halts after 3
; steps (lines 1, 31, 0) with CI = 32 (CI itself is 13 bits wide).
0        STP
1        JMP p
2 p:     NUM 30
31       LDN p       ; A = -30
