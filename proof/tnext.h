/*
 * proof/tnext.h - T-next (SPEC sections 1-4) in ACSL, for Frama-C WP.
 *
 * This file is logic only: everything is inside ACSL comments, so a C
 * compiler sees nothing but the include of ssem.h. src/machine.c includes it
 * only when Frama-C reads it (#ifdef __FRAMAC__), and the contract of
 * ssem_step says: the machine after the call is T_next of the machine before.
 *
 * It is written from SPEC.md, not from the C: read it against the table of
 * SPEC section 3. Words are mathematical integers in [0, 2^32); the bit
 * fields of SPEC section 2-3 are written with / and % (bit k of w is
 * (w / 2^k) % 2), which the provers handle better than bit operations.
 */
#ifndef SSEM_PROOF_TNEXT_H
#define SSEM_PROOF_TNEXT_H

#include "ssem.h"

/*@
  // ---- SPEC section 2: words, wrap-around arithmetic -------------------

  // All arithmetic wraps modulo 2^32 (x, y words). In ACSL a cast from
  // integer to an unsigned C type IS the reduction modulo 2^width: (uint32_t)z
  // is the z' in [0, 2^32) with z' = z (mod 2^32). (WP knows this function only
  // by name, so the wrap is written as the cast rather than as % 2^32.)
  logic integer wrap(integer z)             = (uint32_t)z;    // z mod 2^32
  logic integer plus(integer x, integer y)  = wrap(x + y);
  logic integer minus(integer x, integer y) = wrap(x - y);
  logic integer negate(integer x)           = wrap(-x);

  // A word is negative when bit 31 is set (two's complement).
  predicate negative(integer x) = x >= 2147483648;   // x >= 2^31

  // ---- SPEC section 3: the instruction word -----------------------------

  // bits 0-4: the line number n
  logic integer line(integer w) = w % 32;
  // bits 13-15: the function number f
  logic integer function(integer w) = (w / 8192) % 8;   // 8192 = 2^13

  // Bridges for the provers: the fields of a word are words already, so
  // the C's unsigned / and % need no further reduction.
  lemma line_word: \forall integer w; 0 <= w ==> (uint32_t)(w % 32) == line(w);
  lemma function_word: \forall integer w; 0 <= w < 4294967296 ==>
    (uint32_t)((uint32_t)(w / 8192) % 8) == function(w);

  // ---- SPEC section 1: the T-state, and what the step leaves alone ------

  predicate lit(ssem_t s) = s.lamp != 0;

  predicate same_store(ssem_t s, ssem_t t) =
    \forall integer i; 0 <= i < 32 ==> t.store[i] == s.store[i];

  // the store after S[n] <- x: line n is x, every other line as before
  predicate store_with(ssem_t s, ssem_t t, integer n, integer x) =
    t.store[n] == x &&
    \forall integer i; 0 <= i < 32 && i != n ==> t.store[i] == s.store[i];

  // ---- SPEC section 3: the table, one case per function code ------------
  //
  // s: the state before the step; c: CI already incremented (step 1);
  // n: the operand's line; t: the state after. Each case gives CI, A, the
  // store and the lamp after.

  predicate JMP(ssem_t s, integer c, integer n, ssem_t t) =      // f = 0   CI <- S[n]
    t.ci == s.store[n]               && t.a == s.a && same_store(s, t) && !lit(t);

  predicate JRP(ssem_t s, integer c, integer n, ssem_t t) =      // f = 1   CI <- CI + S[n]
    t.ci == plus(c, s.store[n])      && t.a == s.a && same_store(s, t) && !lit(t);

  predicate LDN(ssem_t s, integer c, integer n, ssem_t t) =      // f = 2   A <- -S[n]
    t.ci == c && t.a == negate(s.store[n])         && same_store(s, t) && !lit(t);

  predicate STO(ssem_t s, integer c, integer n, ssem_t t) =      // f = 3   S[n] <- A
    t.ci == c && t.a == s.a          && store_with(s, t, n, s.a)       && !lit(t);

  predicate SUB(ssem_t s, integer c, integer n, ssem_t t) =      // f = 4, 5   A <- A - S[n]
    t.ci == c && t.a == minus(s.a, s.store[n])     && same_store(s, t) && !lit(t);

  predicate CMP(ssem_t s, integer c, integer n, ssem_t t) =      // f = 6   if A < 0: CI <- CI + 1
    (negative(s.a) ? t.ci == plus(c, 1) : t.ci == c)
                && t.a == s.a                      && same_store(s, t) && !lit(t);

  predicate STP(ssem_t s, integer c, integer n, ssem_t t) =      // f = 7   light the lamp, halt
    t.ci == c && t.a == s.a                        && same_store(s, t) && lit(t);

  // ---- SPEC section 3, "One step": fetch and execute from line c % 32 ----
  //
  // 3. PI <- S[CI & 31]; execute f(PI) on n = PI & 31. The step is counted
  //    (steps is a 64-bit counter), and it is not a fault.

  // Executing the word p (fetched, or set on the switches in Man mode) with
  // CI = c: what ssem_execute does. PI is p; the step is counted.
  predicate execute_word(ssem_t s, integer c, integer p, ssem_t t) =
    \let n = line(p);
    \let f = function(p);
    t.pi == p &&
    t.steps == (uint64_t)(s.steps + 1) &&     // mod 2^64
    t.fault == 0 &&
    (f == 0 ==> JMP(s, c, n, t)) &&
    (f == 1 ==> JRP(s, c, n, t)) &&
    (f == 2 ==> LDN(s, c, n, t)) &&
    (f == 3 ==> STO(s, c, n, t)) &&
    (f == 4 ==> SUB(s, c, n, t)) &&
    (f == 5 ==> SUB(s, c, n, t)) &&
    (f == 6 ==> CMP(s, c, n, t)) &&
    (f == 7 ==> STP(s, c, n, t));

  predicate execute(ssem_t s, integer c, ssem_t t) =
    execute_word(s, c, s.store[line(c)], t);

  // execute_word reads of s only its store, A and step count (CI is c): so
  // ssem_step may increment CI before it calls ssem_execute. (A lemma, for
  // the provers; proved too.)
  lemma execute_word_frame: \forall ssem_t s, u, t, integer c, p;
    same_store(s, u) && u.a == s.a && u.steps == s.steps ==>
    execute_word(u, c, p, t) ==> execute_word(s, c, p, t);

  // ---- SPEC section 4: the fault ----------------------------------------
  //
  // The fetch cannot reach a CI with any of bits 13-15 set. Nothing is
  // executed: CI keeps its incremented value, PI, A, the store and the step
  // count are unchanged; the lamp is lit and the fault is recorded.

  predicate fetch_faults(integer c) = function(c) != 0;

  predicate fault(ssem_t s, integer c, ssem_t t) =
    t.ci == c && t.pi == s.pi && t.a == s.a && same_store(s, t) &&
    t.steps == s.steps && lit(t) && t.fault != 0;

  // ---- T-next: one step of the machine (SPEC section 3-4) ---------------

  predicate T_next(ssem_t s, ssem_t t) =
    \let c = plus(s.ci, 1);              // 1. CI <- CI + 1 (mod 2^32)
    fetch_faults(c) ? fault(s, c, t)     // 2. bits 13-15 of CI set: fault
                    : execute(s, c, t);  // 3-4. fetch, execute

  // The lenient mode (SPEC section 4: "may exist, but is not the default"):
  // no fetch check, fetch from CI % 32 whatever bits 13-15 say.
  predicate T_next_lenient(ssem_t s, ssem_t t) =
    execute(s, plus(s.ci, 1), t);

  // ---- What a step does to a stopped machine ---------------------------
  //
  // A stopped machine stays stopped (SPEC "Resuming after STP"): with the
  // lamp lit, ssem_step changes nothing at all.

  predicate unchanged(ssem_t s, ssem_t t) =
    t.ci == s.ci && t.pi == s.pi && t.a == s.a && same_store(s, t) &&
    t.lamp == s.lamp && t.fault == s.fault && t.steps == s.steps;
*/

#endif /* SSEM_PROOF_TNEXT_H */
