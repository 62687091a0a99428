"""The per-word memos of crossfact.memo give what testing every word would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from crossfact import memo
from crossfact.memo import Sieve


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefgh")), max_size=8), st.integers(1, 6))
def test_a_sieve_passes_what_its_test_passes_even_when_it_empties(claims, kept):
    """`any_in` and `passed` agree with the test on every claim, also when the sieve is
    emptied for holding more than KEPT words (set small here)."""
    vowel = "aeiou".__contains__
    old = memo.KEPT
    memo.KEPT = kept
    try:
        sieve = Sieve(vowel)
        for words in claims:
            assert sieve.any_in(words) == any(map(vowel, words))
            assert [w for w in words if w in sieve.passed] == [w for w in words if vowel(w)]
    finally:
        memo.KEPT = old
