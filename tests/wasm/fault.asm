; fault.asm - a jump out of the store: CI = 8191 (line 2's JMP), so the next
; fetch is from CI + 1 = 8192, bit 13 set: the fetch fault (SPEC). By hand:
; stops with the fault after 2 steps (LDN, JMP).
1       LDN big     ; A = -8191
2       JMP big     ; CI = 8191
3 big:  NUM 8191
