(module
  ;; Token list for the patterns scan (see tokens.ts). Memory layout, bytes: token records at 0
  ;; (12 each: start | kind << 29, end, hash; UTF-16 offsets), the keyword filter at 49152 (1024
  ;; i32, per (first, last) letter pair a bit set of lengths), the keyword table's hashes at 65536
  ;; and slots at 98304 (8192 i32 each), code units from 131072 with at
  ;; least one 0 unit after the last one and 16 readable bytes past it (all 0: no letter, digit
  ;; or '@').
  ;; Kinds: 0 letter run whose hash is in the keyword table, 1 other letter run of 1-4 before ':',
  ;; 3 run with a digit and a letter, 4 digits only, 5 '@'. Other letter runs are left out.
  (import "m" "memory" (memory 1))
  (global $resume (export "resume") (mut i32) (i32.const 0))
  (func (export "tokens") (param $from i32) (param $n i32) (param $cap i32) (param $mask i32) (result i32)
    (local $a i32) (local $e i32) (local $c i32) (local $s i32) (local $o i32) (local $lim i32)
    (local $k i32) (local $h i32) (local $q i32) (local $len i32) (local $v v128)
    (local $l i32) (local $d i32) (local $m i32) (local $hl i32) (local $hd i32) (local $z i32)
    (local $k32 v128) (local $k97 v128) (local $k25 v128) (local $k48 v128) (local $k9 v128) (local $k64 v128)
    ;; the lane constants, once (V8 rebuilds a v128.const at every use)
    (local.set $k32 (i16x8.splat (i32.const 32)))
    (local.set $k97 (i16x8.splat (i32.const 97)))
    (local.set $k25 (i16x8.splat (i32.const 25)))
    (local.set $k48 (i16x8.splat (i32.const 48)))
    (local.set $k9 (i16x8.splat (i32.const 9)))
    (local.set $k64 (i16x8.splat (i32.const 64)))
    (local.set $a (i32.add (i32.const 131072) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $e (i32.add (i32.const 131072) (i32.shl (local.get $n) (i32.const 1))))
    (local.set $lim (i32.mul (local.get $cap) (i32.const 12)))
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $a) (local.get $e)))
        (br_if $done (i32.ge_u (local.get $o) (local.get $lim)))
        ;; skip to the next letter, digit or '@' of these 8 units
        (local.set $v (v128.load (local.get $a)))
        (local.set $l (i16x8.bitmask (i16x8.le_u (i16x8.sub (v128.or (local.get $v) (local.get $k32))
      (local.get $k97)) (local.get $k25))))
        (local.set $d (i16x8.bitmask (i16x8.le_u (i16x8.sub (local.get $v) (local.get $k48))
      (local.get $k9))))
        (local.set $m (i32.or (i32.or (local.get $l) (local.get $d))
          (i16x8.bitmask (i16x8.eq (local.get $v) (local.get $k64)))))
        (if (i32.eqz (local.get $m))
          (then
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (br $top)))
        (local.set $z (i32.ctz (local.get $m)))
        (local.set $a (i32.add (local.get $a) (i32.shl (local.get $z) (i32.const 1))))
        (br_if $done (i32.ge_u (local.get $a) (local.get $e)))
        (local.set $s (local.get $a))
        (if (i32.eq (i32.load16_u (local.get $a)) (i32.const 64))
          (then
            (local.set $a (i32.add (local.get $a) (i32.const 2)))
            (local.set $k (i32.const 5))
            (local.set $h (i32.const 0)))
          (else
            ;; an alphanumeric run from lane z: it ends in this block when a lane after z is
            ;; neither letter nor digit, else 8 units at a time to its end
            (local.set $l (i32.shr_u (local.get $l) (local.get $z)))
            (local.set $d (i32.shr_u (local.get $d) (local.get $z)))
            (local.set $m (i32.xor (i32.or (local.get $l) (local.get $d)) (i32.shr_u (i32.const 255) (local.get $z))))
            (if (local.get $m)
              (then
                (local.set $m (i32.sub (i32.and (local.get $m) (i32.sub (i32.const 0) (local.get $m))) (i32.const 1)))
                (local.set $hl (i32.and (local.get $l) (local.get $m)))
                (local.set $hd (i32.and (local.get $d) (local.get $m)))
                (local.set $a (i32.add (local.get $a) (i32.shl (i32.popcnt (local.get $m)) (i32.const 1)))))
              (else
                (local.set $hl (local.get $l))
                (local.set $hd (local.get $d))
                (local.set $a (i32.add (local.get $a) (i32.shl (i32.sub (i32.const 8) (local.get $z)) (i32.const 1))))
                (loop $run
                  (local.set $v (v128.load (local.get $a)))
                  (local.set $l (i16x8.bitmask (i16x8.le_u (i16x8.sub (v128.or (local.get $v) (local.get $k32))
      (local.get $k97)) (local.get $k25))))
                  (local.set $d (i16x8.bitmask (i16x8.le_u (i16x8.sub (local.get $v) (local.get $k48))
      (local.get $k9))))
                  (local.set $m (i32.xor (i32.or (local.get $l) (local.get $d)) (i32.const 255)))
                  (if (i32.eqz (local.get $m))
                    (then
                      (local.set $hl (i32.or (local.get $hl) (local.get $l)))
                      (local.set $hd (i32.or (local.get $hd) (local.get $d)))
                      (local.set $a (i32.add (local.get $a) (i32.const 16)))
                      (br $run))))
                ;; m's lowest bit is the run's end in this block
                (local.set $m (i32.sub (i32.and (local.get $m) (i32.sub (i32.const 0) (local.get $m))) (i32.const 1)))
                (local.set $hl (i32.or (local.get $hl) (i32.and (local.get $l) (local.get $m))))
                (local.set $hd (i32.or (local.get $hd) (i32.and (local.get $d) (local.get $m))))
                (local.set $a (i32.add (local.get $a) (i32.shl (i32.popcnt (local.get $m)) (i32.const 1))))))
            (if (local.get $hd)
              (then
                (local.set $k (select (i32.const 3) (i32.const 4) (local.get $hl)))
                (local.set $h (i32.const 0)))
              (else
                (local.set $len (i32.shr_u (i32.sub (local.get $a) (local.get $s)) (i32.const 1)))
                (local.set $k (i32.const 2))
                (if (i32.le_u (local.get $len) (i32.const 24))
                  (then
                    (if (i32.and (i32.shr_u
                          (i32.load offset=49152 (i32.shl (i32.or
                            (i32.shl (i32.and (i32.or (i32.load16_u (local.get $s)) (i32.const 32)) (i32.const 31)) (i32.const 5))
                            (i32.and (i32.or (i32.load16_u (i32.sub (local.get $a) (i32.const 2))) (i32.const 32)) (i32.const 31)))
                            (i32.const 2)))
                          (local.get $len)) (i32.const 1))
                      (then (local.set $k (i32.const 0))))))
                (if (i32.eq (local.get $k) (i32.const 2))
                  (then (if (i32.and (i32.le_u (local.get $len) (i32.const 4)) (i32.eq (i32.load16_u (local.get $a)) (i32.const 58)))
                    (then (local.set $k (i32.const 1))))))
                (br_if $top (i32.eq (local.get $k) (i32.const 2)))
                (local.set $h (i32.const 0))
                (local.set $q (local.get $s))
                (loop $hash
                  (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31)) (i32.or (i32.load16_u (local.get $q)) (i32.const 32))))
                  (local.set $q (i32.add (local.get $q) (i32.const 2)))
                  (br_if $hash (i32.lt_u (local.get $q) (local.get $a))))
                ;; a word that passed the filter: probe the keyword table (open addressing, as
                ;; KeywordIndex.find); a miss is listed only for a short word before ':'
                (if (i32.eqz (local.get $k))
                  (then
                    (local.set $q (i32.and (local.get $h) (local.get $mask)))
                    (block $found
                      (loop $probe
                        (if (i32.eqz (i32.load offset=98304 (i32.shl (local.get $q) (i32.const 2))))
                          (then
                            (br_if $top (i32.eqz (i32.and (i32.le_u (local.get $len) (i32.const 4))
                              (i32.eq (i32.load16_u (local.get $a)) (i32.const 58)))))
                            (local.set $k (i32.const 1))
                            (br $found)))
                        (br_if $found (i32.eq (i32.load offset=65536 (i32.shl (local.get $q) (i32.const 2))) (local.get $h)))
                        (local.set $q (i32.and (i32.add (local.get $q) (i32.const 1)) (local.get $mask)))
                        (br $probe)))))))))
        (i32.store (local.get $o) (i32.or (i32.shr_u (i32.sub (local.get $s) (i32.const 131072)) (i32.const 1)) (i32.shl (local.get $k) (i32.const 29))))
        (i32.store offset=4 (local.get $o) (i32.shr_u (i32.sub (local.get $a) (i32.const 131072)) (i32.const 1)))
        (i32.store offset=8 (local.get $o) (local.get $h))
        (local.set $o (i32.add (local.get $o) (i32.const 12)))
        (br $top)))
    (if (i32.gt_u (local.get $a) (local.get $e)) (then (local.set $a (local.get $e))))
    (global.set $resume (i32.shr_u (i32.sub (local.get $a) (i32.const 131072)) (i32.const 1)))
    (i32.div_u (local.get $o) (i32.const 12))))
