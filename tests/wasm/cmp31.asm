; cmp31.asm - CMP at line 31 with A < 0 skips "line 32" (line 0): CI = 32,
; the next fetch is at 33 = line 1 mod 32. Pass 1 (flag = 0) sets flag = 1,
; A = -1 and jumps to CI = 30; line 31's CMP skips; pass 2 fetches line 1
; again, now A = -flag = -1 < 0, line 2's CMP skips line 3 and line 4 stops.
; By hand: lines 1,2,3,5,6,7,8,31,1,2,4: halts after 11 steps.
0        NUM 0       ; not run (skipped by line 31's CMP)
1        LDN flag    ; A = -flag
2        CMP         ; flag > 0: skip line 3
3        JMP p4      ; pass 1: CI = 4, on to line 5
4        STP         ; pass 2 stops here
5        LDN m1      ; A = 1
6        STO flag    ; flag = 1
7        LDN one     ; A = -1
8        JMP p30     ; CI = 30
9  flag: NUM 0
10 m1:   NUM -1
11 one:  NUM 1
12 p4:   NUM 4
13 p30:  NUM 30
31       CMP
