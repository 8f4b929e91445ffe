(module
  ;; Token list for the patterns scan (see tokens.ts). Memory layout, bytes: token records at 0
  ;; (12 each: start | kind << 29, end, hash; UTF-16 offsets), the keyword filter at 49152 (1024
  ;; i32, per (first, last) letter pair a bit set of lengths), the keyword table's hashes at 65536
  ;; and slots at 98304 (8192 i32 each), code units from 131072 with at least one 0 unit after
  ;; the last one and 128 readable bytes past it (what they hold does not matter: every token
  ;; before the text's end ends at the 0 unit at the latest, and one starting at or after the
  ;; end stops the loop).
  ;; Kinds: 0 letter run whose hash is in the keyword table, 1 other letter run of 1-4 before ':',
  ;; 3 run with a digit and a letter, 4 digits only, 5 '@'. Other letter runs are left out.
  ;;
  ;; The loop reads a window of 64 units at a time: four pairs of i16x8 narrowed (saturating) to
  ;; i8x16, so a unit >= 256 becomes 255 or 0, neither a letter, a digit nor '@'; then three
  ;; 64-bit masks (alphanumeric, digit, '@') and from them the tokens' first lanes (T) and last
  ;; lanes (E): the k-th bit of one and the k-th of the other are the k-th token, read off with
  ;; ctz. No further loads but a letter run's first and last unit (the filter) and, for the few
  ;; that pass it, its units (the hash). A run that reaches the window's end is left to the next
  ;; window, which starts at it; one that fills a whole window (64+ units) is walked on 16 units
  ;; at a time. (Against the earlier loop, which read 8 units per token: about half the time
  ;; per unit on clinical notes. Branch-free variants of the letter path, a SIMD hash and a
  ;; classification of runs by carries were measured too, and were no faster under V8.)
  (import "m" "memory" (memory 1))
  (global $resume (export "resume") (mut i32) (i32.const 0))
  (func (export "tokens") (param $from i32) (param $n i32) (param $cap i32) (param $mask i32) (result i32)
    (local $a i32) (local $e i32) (local $o i32) (local $lim i32)
    (local $s i32) (local $q i32) (local $k i32) (local $h i32) (local $len i32) (local $f i32) (local $c i32)
    (local $x i32) (local $y i32)
    (local $N i64) (local $D i64) (local $At i64) (local $DA i64) (local $T i64) (local $E i64) (local $r i64) (local $z i64) (local $w i64) (local $run i64) (local $hd i64)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $u3 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $k32 v128) (local $k97 v128) (local $k25 v128) (local $k48 v128) (local $k9 v128) (local $k64 v128)
    ;; the lane constants, once (V8 rebuilds a v128.const at every use)
    (local.set $k32 (i8x16.splat (i32.const 32)))
    (local.set $k97 (i8x16.splat (i32.const 97)))
    (local.set $k25 (i8x16.splat (i32.const 25)))
    (local.set $k48 (i8x16.splat (i32.const 48)))
    (local.set $k9 (i8x16.splat (i32.const 9)))
    (local.set $k64 (i8x16.splat (i32.const 64)))
    (local.set $a (i32.add (i32.const 131072) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $e (i32.add (i32.const 131072) (i32.shl (local.get $n) (i32.const 1))))
    (local.set $lim (i32.mul (local.get $cap) (i32.const 12)))
    (block $done
      (loop $win
        (br_if $done (i32.ge_u (local.get $a) (local.get $e)))
        (br_if $done (i32.ge_u (local.get $o) (local.get $lim)))
        ;; the window's 64 units as four i8x16, their digit lanes, then the masks
        (local.set $u0 (i8x16.narrow_i16x8_u (v128.load (local.get $a)) (v128.load offset=16 (local.get $a))))
        (local.set $u1 (i8x16.narrow_i16x8_u (v128.load offset=32 (local.get $a)) (v128.load offset=48 (local.get $a))))
        (local.set $u2 (i8x16.narrow_i16x8_u (v128.load offset=64 (local.get $a)) (v128.load offset=80 (local.get $a))))
        (local.set $u3 (i8x16.narrow_i16x8_u (v128.load offset=96 (local.get $a)) (v128.load offset=112 (local.get $a))))
        (local.set $d0 (i8x16.le_u (i8x16.sub (local.get $u0) (local.get $k48)) (local.get $k9)))
        (local.set $d1 (i8x16.le_u (i8x16.sub (local.get $u1) (local.get $k48)) (local.get $k9)))
        (local.set $d2 (i8x16.le_u (i8x16.sub (local.get $u2) (local.get $k48)) (local.get $k9)))
        (local.set $d3 (i8x16.le_u (i8x16.sub (local.get $u3) (local.get $k48)) (local.get $k9)))
        (local.set $D (i64.or
          (i64.extend_i32_u (i32.or (i8x16.bitmask (local.get $d0)) (i32.shl (i8x16.bitmask (local.get $d1)) (i32.const 16))))
          (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (local.get $d2)) (i32.shl (i8x16.bitmask (local.get $d3)) (i32.const 16))))
            (i64.const 32))))
        ;; alphanumeric: a digit or (unit | 32) - 97 <= 25
        (local.set $N (i64.or
          (i64.extend_i32_u (i32.or
            (i8x16.bitmask (v128.or (local.get $d0) (i8x16.le_u (i8x16.sub (v128.or (local.get $u0) (local.get $k32)) (local.get $k97)) (local.get $k25))))
            (i32.shl (i8x16.bitmask (v128.or (local.get $d1) (i8x16.le_u (i8x16.sub (v128.or (local.get $u1) (local.get $k32)) (local.get $k97)) (local.get $k25))))
              (i32.const 16))))
          (i64.shl (i64.extend_i32_u (i32.or
            (i8x16.bitmask (v128.or (local.get $d2) (i8x16.le_u (i8x16.sub (v128.or (local.get $u2) (local.get $k32)) (local.get $k97)) (local.get $k25))))
            (i32.shl (i8x16.bitmask (v128.or (local.get $d3) (i8x16.le_u (i8x16.sub (v128.or (local.get $u3) (local.get $k32)) (local.get $k97)) (local.get $k25))))
              (i32.const 16))))
            (i64.const 32))))
        ;; '@' lanes
        (local.set $At (i64.or
          (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $u0) (local.get $k64)))
            (i32.shl (i8x16.bitmask (i8x16.eq (local.get $u1) (local.get $k64))) (i32.const 16))))
          (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $u2) (local.get $k64)))
            (i32.shl (i8x16.bitmask (i8x16.eq (local.get $u3) (local.get $k64))) (i32.const 16))))
            (i64.const 32))))
        ;; the lanes at and after the text's end: none (a run before it ends at the 0 unit)
        (if (i32.lt_u (i32.sub (local.get $e) (local.get $a)) (i32.const 128))
          (then
            (local.set $run (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.shr_u (i32.sub (local.get $e) (local.get $a)) (i32.const 1)))) (i64.const 1)))
            (local.set $N (i64.and (local.get $N) (local.get $run)))
            (local.set $At (i64.and (local.get $At) (local.get $run)))))
        (if (i64.eq (local.get $N) (i64.const -1))
          (then
            ;; a run of 64 units or more from lane 0: on 16 units at a time to its end (x: any
            ;; digit, y: any letter)
            (local.set $s (local.get $a))
            (local.set $x (i64.ne (local.get $D) (i64.const 0)))
            (local.set $y (i64.ne (local.get $D) (i64.const -1)))
            (local.set $q (i32.add (local.get $a) (i32.const 128)))
            (loop $long
              (local.set $u0 (i8x16.narrow_i16x8_u (v128.load (local.get $q)) (v128.load offset=16 (local.get $q))))
              (local.set $d0 (i8x16.le_u (i8x16.sub (local.get $u0) (local.get $k48)) (local.get $k9)))
              (local.set $c (i8x16.bitmask (local.get $d0)))
              (local.set $f (i32.xor (i32.const 0xffff) (i8x16.bitmask (v128.or (local.get $d0)
                (i8x16.le_u (i8x16.sub (v128.or (local.get $u0) (local.get $k32)) (local.get $k97)) (local.get $k25))))))
              ;; f: the non-alphanumeric lanes; the lanes below its lowest bit (all 16 when none)
              (local.set $f (i32.and (i32.sub (i32.and (local.get $f) (i32.sub (i32.const 0) (local.get $f))) (i32.const 1)) (i32.const 0xffff)))
              (local.set $x (i32.or (local.get $x) (i32.ne (i32.and (local.get $c) (local.get $f)) (i32.const 0))))
              (local.set $y (i32.or (local.get $y) (i32.ne (i32.and (local.get $f) (i32.xor (local.get $c) (i32.const -1))) (i32.const 0))))
              (if (i32.eq (local.get $f) (i32.const 0xffff))
                (then
                  (local.set $q (i32.add (local.get $q) (i32.const 32)))
                  (br $long)))
              (local.set $q (i32.add (local.get $q) (i32.shl (i32.popcnt (local.get $f)) (i32.const 1)))))
            (local.set $a (local.get $q))
            ;; a letter run this long fails the filter (at most 24 letters) and is left out
            (br_if $win (i32.eqz (local.get $x)))
            (i32.store (local.get $o) (i32.or (i32.shr_u (i32.sub (local.get $s) (i32.const 131072)) (i32.const 1))
              (i32.shl (select (i32.const 3) (i32.const 4) (local.get $y)) (i32.const 29))))
            (i32.store offset=4 (local.get $o) (i32.shr_u (i32.sub (local.get $q) (i32.const 131072)) (i32.const 1)))
            (i32.store offset=8 (local.get $o) (i32.const 0))
            (local.set $o (i32.add (local.get $o) (i32.const 12)))
            (br $win)))
        ;; a run reaching the window's end is read from the next window, which starts at it
        ;; (r: its first lane); first lanes (T) and last lanes (E) of the tokens before it, an
        ;; '@' in both (every window starts at a token boundary: lane 0 can be a first lane)
        (local.set $r (i64.const 64))
        (if (i64.lt_s (local.get $N) (i64.const 0))
          (then
            (local.set $r (i64.sub (i64.const 64) (i64.clz (i64.xor (local.get $N) (i64.const -1)))))
            (local.set $N (i64.and (local.get $N) (i64.sub (i64.shl (i64.const 1) (local.get $r)) (i64.const 1))))))
        (local.set $T (i64.or (local.get $At) (i64.and (local.get $N) (i64.xor (i64.shl (local.get $N) (i64.const 1)) (i64.const -1)))))
        (local.set $E (i64.or (local.get $At) (i64.and (local.get $N) (i64.xor (i64.shr_u (local.get $N) (i64.const 1)) (i64.const -1)))))
        (local.set $DA (i64.or (local.get $D) (local.get $At)))
        (loop $tok
          ;; no more tokens in this window: the next
          (if (i64.eqz (local.get $T))
            (then
              (local.set $a (i32.add (local.get $a) (i32.shl (i32.wrap_i64 (local.get $r)) (i32.const 1))))
              (br $win)))
          (local.set $z (i64.ctz (local.get $T)))
          (local.set $w (i64.ctz (local.get $E)))
          (local.set $T (i64.and (local.get $T) (i64.sub (local.get $T) (i64.const 1))))
          (local.set $E (i64.and (local.get $E) (i64.sub (local.get $E) (i64.const 1))))
          (local.set $s (i32.add (local.get $a) (i32.shl (i32.wrap_i64 (local.get $z)) (i32.const 1))))
          (local.set $q (i32.add (local.get $a) (i32.add (i32.shl (i32.wrap_i64 (local.get $w)) (i32.const 1)) (i32.const 2))))
          ;; the token's lanes; a run with a digit (kind 3 with a letter, 4 digits only) or '@' (5)
          (local.set $run (i64.sub (i64.shl (i64.const 2) (local.get $w)) (i64.shl (i64.const 1) (local.get $z))))
          (block $emit
            (if (i64.ne (i64.and (local.get $DA) (local.get $run)) (i64.const 0))
              (then
                (local.set $hd (i64.and (local.get $D) (local.get $run)))
                (local.set $x (i64.ne (i64.and (local.get $At) (local.get $run)) (i64.const 0)))
                (local.set $k (select (i32.const 5) (select (i32.const 4) (i32.const 3) (i64.eq (local.get $hd) (local.get $run))) (local.get $x)))
                (local.set $h (i32.const 0))
                (br $emit)))
            ;; a letter run: listed when it passes the (first, last, length) filter and its hash
            ;; is in the keyword table, or it has 1-4 letters and ':' after it (a letter & 31 is
            ;; its index 1-26 in either case, as (letter | 32) & 31 in the scan)
            (local.set $len (i32.wrap_i64 (i64.sub (i64.add (local.get $w) (i64.const 1)) (local.get $z))))
            (local.set $f (i32.and (i32.le_u (local.get $len) (i32.const 24))
              (i32.shr_u
                (i32.load offset=49152 (i32.shl (i32.or
                  (i32.shl (i32.and (i32.load16_u (local.get $s)) (i32.const 31)) (i32.const 5))
                  (i32.and (i32.load16_u (i32.sub (local.get $q) (i32.const 2))) (i32.const 31)))
                  (i32.const 2)))
                (local.get $len))))
            (local.set $c (i32.and (i32.le_u (local.get $len) (i32.const 4)) (i32.eq (i32.load16_u (local.get $q)) (i32.const 58))))
            (br_if $tok (i32.eqz (i32.or (local.get $f) (local.get $c))))
            (local.set $h (i32.const 0))
            (local.set $x (local.get $s))
            (loop $hash
              (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31)) (i32.or (i32.load16_u (local.get $x)) (i32.const 32))))
              (local.set $x (i32.add (local.get $x) (i32.const 2)))
              (br_if $hash (i32.lt_u (local.get $x) (local.get $q))))
            (local.set $k (i32.const 1))
            ;; passed the filter: probe the keyword table (open addressing, as
            ;; KeywordIndex.find); a miss is listed only for a short word before ':'
            (br_if $emit (i32.eqz (local.get $f)))
            (local.set $x (i32.and (local.get $h) (local.get $mask)))
            (loop $probe
              (if (i32.eqz (i32.load offset=98304 (i32.shl (local.get $x) (i32.const 2))))
                (then
                  (br_if $emit (local.get $c))
                  (br $tok)))
              (if (i32.eq (i32.load offset=65536 (i32.shl (local.get $x) (i32.const 2))) (local.get $h))
                (then
                  (local.set $k (i32.const 0))
                  (br $emit)))
              (local.set $x (i32.and (i32.add (local.get $x) (i32.const 1)) (local.get $mask)))
              (br $probe)))
          ;; the record: s, q (its end), k, h
          (i32.store (local.get $o) (i32.or (i32.shr_u (i32.sub (local.get $s) (i32.const 131072)) (i32.const 1)) (i32.shl (local.get $k) (i32.const 29))))
          (i32.store offset=4 (local.get $o) (i32.shr_u (i32.sub (local.get $q) (i32.const 131072)) (i32.const 1)))
          (i32.store offset=8 (local.get $o) (local.get $h))
          (local.set $o (i32.add (local.get $o) (i32.const 12)))
          (br_if $tok (i32.lt_u (local.get $o) (local.get $lim)))
          ;; the cap: resume after this token
          (local.set $a (local.get $q))
          (br $done))))
    (if (i32.gt_u (local.get $a) (local.get $e)) (then (local.set $a (local.get $e))))
    (global.set $resume (i32.shr_u (i32.sub (local.get $a) (i32.const 131072)) (i32.const 1)))
    (i32.div_u (local.get $o) (i32.const 12))))
