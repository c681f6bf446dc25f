#!/usr/bin/env bats
# debug_tty.bats - `ssem debug` on a terminal (tmux): the prompt, line
# editing and history (libedit), and Enter repeating the last motion as in
# gdb. (The interrupt flag that Ctrl-C sets is tested in test_history.c.)
#
# The first program (programs/first.lst): line 1 LDN 24, 2 STO 26, 3 LDN 26,
# 4 STO 27, ... (SPEC section 9), so one step is "next line 2", and each
# further Enter one more.

load helpers

SESSION=debug

start_debug() {
    local cmd
    cmd="$(printf '%q ' "$SSEM" debug "$@"); echo \"rc=\$?\""
    tmux_start 100 40 C.UTF-8 TERM=xterm "$cmd" || return 1
    wait_for '^\(ssem\) ?$'
}

@test "debug on a terminal: Enter repeats the last motion" {
    start_debug programs/first.lst
    keys -l 'step'
    keys Enter
    wait_for '^stepped: step 1, next line 2: STO 26$'
    keys Enter
    wait_for '^stepped: step 2, next line 3: LDN 26$'
    keys Enter
    wait_for '^stepped: step 3, next line 4: STO 27$'
    # a command that is not a motion or listing is not repeated
    keys -l 'break 13'
    keys Enter
    wait_for '^breakpoint on line 13$'
    keys Enter
    sleep 0.3
    [ "$(screen | grep -c '^breakpoint on line 13$')" -eq 1 ]
    keys -l 'quit'
    keys Enter
    wait_for '^rc=0$'
}

@test "debug on a terminal: line editing and history (libedit)" {
    start_debug programs/first.lst
    keys -l 'print 27'
    keys Enter
    wait_for '^27 +[01]{32} +0 '
    # Up recalls "print 27"; edit it to "print 24" (line 24 holds 262143)
    keys Up
    keys BSpace BSpace
    keys -l '24'
    keys Enter
    wait_for '^24 +[01]{32} +262143 '
    # Ctrl-A goes to the start of the line: "xprint 24" is no command
    keys -l 'int 1'
    keys C-a
    keys -l 'pr'
    keys Enter
    wait_for '^1 +[01]{32} +[-0-9]+ +LDN 24$'
    keys -l 'quit'
    keys Enter
    wait_for '^rc=0$'
}
