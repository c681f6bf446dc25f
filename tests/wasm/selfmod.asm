; selfmod.asm - the word at line 7 is rewritten before each time it runs.
; c counts up by one a pass and is stored over line 7: pass 1 makes it
; 57343 = 7*8192 - 1 (function 6, CMP: A = c > 0, no skip), pass 2 makes it
; 57344 = 7*8192 (function 7, STP). An engine running a stale copy of line 7
; (the JMP 0 it started as, or pass 1's CMP) never stops. By hand: halts at
; line 7 after 8 + 7 = 15 steps.
0  z:   NUM 0
1       LDN c       ; A = -c
2       SUB one     ; A = -c - 1
3       STO t
4       LDN t       ; A = c + 1
5       STO c       ; c = c + 1
6       STO 7       ; line 7 = c: the next instruction
7       NUM 0       ; rewritten each pass
8       JMP z       ; CI = 0: back to line 1
9  c:   NUM 57342
10 one: NUM 1
11 t:   NUM 0
