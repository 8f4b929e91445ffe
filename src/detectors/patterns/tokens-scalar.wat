(module
  ;; Token list for the patterns scan. Memory layout (bytes): tokens at 0 (12 bytes each:
  ;; start | kind << 29, end, hash), the (first, last) length filter at 49152 (1024 i32),
  ;; code units from 131072 (a 0 unit after the last one).
  (import "m" "memory" (memory 1))
  (global $resume (export "resume") (mut i32) (i32.const 0))
  (func (export "tokens") (param $from i32) (param $n i32) (param $cap i32) (param $mask i32) (result i32)
    (local $a i32) (local $e i32) (local $c i32) (local $s i32) (local $o i32) (local $lim i32)
    (local $l i32) (local $k i32) (local $h i32) (local $q i32) (local $len i32)
    (local.set $a (i32.add (i32.const 131072) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $e (i32.add (i32.const 131072) (i32.shl (local.get $n) (i32.const 1))))
    (local.set $lim (i32.mul (local.get $cap) (i32.const 12)))
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $a) (local.get $e)))
        (br_if $done (i32.ge_u (local.get $o) (local.get $lim)))
        (local.set $c (i32.load16_u (local.get $a)))
        (if (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25))
          (then
            (local.set $s (local.get $a))
            (loop $letters
              (local.set $a (i32.add (local.get $a) (i32.const 2)))
              (local.set $c (i32.load16_u (local.get $a)))
              (br_if $letters (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25))))
            (if (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9))
              (then
                ;; a letter-led token with a digit: alphanumerics to its end
                (loop $alnum
                  (local.set $a (i32.add (local.get $a) (i32.const 2)))
                  (local.set $c (i32.load16_u (local.get $a)))
                  (br_if $alnum (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
                  (br_if $alnum (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25))))
                (local.set $k (i32.const 3))
                (local.set $h (i32.const 0)))
              (else
                (local.set $len (i32.shr_u (i32.sub (local.get $a) (local.get $s)) (i32.const 1)))
                (local.set $k (i32.const 2))
                ;; the filter's bit (a letter & 31 is its index 1-26 in either case)
                (if (i32.le_u (local.get $len) (i32.const 24))
                  (then
                    (if (i32.and (i32.shr_u
                          (i32.load offset=49152 (i32.shl (i32.or
                            (i32.shl (i32.and (i32.load16_u (local.get $s)) (i32.const 31)) (i32.const 5))
                            (i32.and (i32.load16_u (i32.sub (local.get $a) (i32.const 2))) (i32.const 31)))
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
                        (br $probe))))))))
          (else
            (if (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9))
              (then
                (local.set $s (local.get $a))
                (local.set $k (i32.const 4))
                (loop $num
                  (local.set $a (i32.add (local.get $a) (i32.const 2)))
                  (local.set $c (i32.load16_u (local.get $a)))
                  (br_if $num (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
                  (if (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25))
                    (then (local.set $k (i32.const 3)) (br $num))))
                (local.set $h (i32.const 0)))
              (else
                (local.set $a (i32.add (local.get $a) (i32.const 2)))
                (br_if $top (i32.ne (local.get $c) (i32.const 64)))
                (local.set $s (i32.sub (local.get $a) (i32.const 2)))
                (local.set $k (i32.const 5))
                (local.set $h (i32.const 0))))))
        ;; emit (units)
        (i32.store (local.get $o) (i32.or (i32.shr_u (i32.sub (local.get $s) (i32.const 131072)) (i32.const 1)) (i32.shl (local.get $k) (i32.const 29))))
        (i32.store offset=4 (local.get $o) (i32.shr_u (i32.sub (local.get $a) (i32.const 131072)) (i32.const 1)))
        (i32.store offset=8 (local.get $o) (local.get $h))
        (local.set $o (i32.add (local.get $o) (i32.const 12)))
        (br $top)))
    (global.set $resume (i32.shr_u (i32.sub (local.get $a) (i32.const 131072)) (i32.const 1)))
    (i32.div_u (local.get $o) (i32.const 12))))
