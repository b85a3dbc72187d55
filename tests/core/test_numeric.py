"""The bounds on numbers and the arithmetic evaluator (core/numeric.py)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.model import ARITHMETIC_MAX_CHARS, ARITHMETIC_MAX_DEPTH
from desktop.core.numeric import (
    MAX_NUMBER_CHARS,
    ArithmeticFault,
    NumberFault,
    arithmetic_fault,
    evaluate_arithmetic,
    number_fault,
    read_number,
)

# --- numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "0", "0.0", "-0.0", "441.4", "441.40", "999999999999999", "-999999999999999",
    "0.000000000000001", "-1.5e-15", "1.23456789012345", "9.99999999999999e14", "1_000",
])
def test_numbers_within_the_bounds_are_read(written):
    convert = float if any(c in written for c in ".e") else int
    assert read_number(written, convert) == convert(written.replace("_", ""))


@pytest.mark.parametrize(("value", "written", "fault"), [
    (10 ** 15, None, "1000000000000000 is too large (a number is less than 10^15 in size)"),
    (-10 ** 15, None, "-1000000000000000 is too large (a number is less than 10^15 in size)"),
    (1e15, "1.0e+15", "1.0e+15 is too large (a number is less than 10^15 in size)"),
    # What the file says is judged, not what a float made of it:
    (0.0, "1.0e-400", "1.0e-400 is too close to zero (a number other than 0 is at least "
                      "10^-15 in size)"),
    (9e-16, "0.0000000000000009", "0.0000000000000009 is too close to zero (a number other "
                                  "than 0 is at least 10^-15 in size)"),
    (441.4, "441.400000000000000001", "441.400000000000000001 has 21 significant digits (a "
                                      "number has at most 15)"),
    (1.234567890123456, "1.234567890123456", "1.234567890123456 has 16 significant digits (a "
                                             "number has at most 15)"),
    (math.inf, ".inf", ".inf is not a finite number"),
    (-math.inf, "-.Inf", "-.Inf is not a finite number"),
    (math.nan, ".nan", ".nan is not a finite number"),
    (math.nan, None, "nan is not a finite number"),
])
def test_numbers_out_of_bounds_are_named_with_the_bound(value, written, fault):
    assert number_fault(value, written) == fault


@settings(max_examples=500, deadline=None)
@given(st.from_regex(r"\A[-+]?[0-9]{1,20}(\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?\Z"))
def test_a_written_number_is_in_bounds_exactly_when_its_decimal_value_is(written):
    exact = Decimal(written)
    digits = "".join(map(str, exact.as_tuple().digits)).strip("0")
    in_bounds = not exact or (-15 <= exact.adjusted() < 15 and len(digits) <= 15)
    value = float(written)
    assert (number_fault(value, written) is None) == in_bounds
    if in_bounds:  # and a float gives those digits back
        assert Decimal(repr(value)) == exact or value == 0


def test_an_integer_too_long_to_print_is_named_without_printing_it():
    # str() refuses integers of over 4,300 digits; the message must not need it.
    assert number_fault(10 ** 5000) == (
        "an integer is too large (a number is less than 10^15 in size)")
    assert number_fault(-10 ** 300) == (
        "-1000000000000000000... is too large (a number is less than 10^15 in size)")


def test_a_long_number_is_refused_before_it_is_converted():
    calls = []

    def convert(text):
        calls.append(text)
        return int(text)

    # A YAML 1.1 sexagesimal integer (1:59:59:...) converts in time quadratic in its length.
    for written in ("9" * (MAX_NUMBER_CHARS + 1), "1" + ":59" * 200_000):
        with pytest.raises(NumberFault, match=r"is too long for a number \("):
            read_number(written, convert)
    assert calls == []  # refused before it is converted


def test_text_that_is_not_a_number_stays_a_value_error_of_the_converter():
    with pytest.raises(ValueError) as caught:
        read_number("1.2.3", float)
    assert not isinstance(caught.value, NumberFault)


# --- arithmetic -------------------------------------------------------------------------

@pytest.mark.parametrize(("expression", "result"), [
    ("441.4 / (1 + 60 / 100)", 441.4 / (1 + 60 / 100)),
    ("-2 * (3 - 1)", -4.0),
    ("2 * -3", -6.0),
    ("- -1", 1.0),
    ("-(1 + 2) * 3", -9.0),
    ("1 - 2 - 3", -4.0),
    ("8 / 4 / 2", 1.0),
    ("1 + 2 * 3", 7.0),
    (".5 + 1. + 1e2", 101.5),
    ("  42  ", 42.0),
    ("(1 +\n 2)", 3.0),
])
def test_arithmetic_follows_the_usual_rules(expression, result):
    assert evaluate_arithmetic(expression) == result


def _term(draw, depth: int) -> str:
    kind = draw(st.sampled_from(["number", "number", "sign", "group"] if depth else
                                ["number"]))
    if kind == "sign":
        return draw(st.sampled_from(["-", "+", "- "])) + _term(draw, depth - 1)
    if kind == "group":
        return f"({_expression(draw, depth - 1)})"
    # Floats only, as the evaluator computes: repr always has a point or an exponent, so
    # Python's eval does float arithmetic too.
    return repr(draw(st.floats(min_value=0.001, max_value=1e6)).__round__(3))


def _expression(draw, depth: int) -> str:
    parts = [_term(draw, depth)]
    for _ in range(draw(st.integers(0, 3))):
        parts += [draw(st.sampled_from(["+", "-", "*", "/", " * ", " / "])),
                  _term(draw, depth)]
    return "".join(parts)


@st.composite
def expressions(draw):
    return _expression(draw, 3)


@settings(max_examples=400, deadline=None)
@given(expressions())
def test_arithmetic_gives_what_python_gives(expression):
    try:
        # Our own generated strings: Python is the reference the evaluator must match.
        expected = eval(expression, {"__builtins__": {}})
    except ZeroDivisionError:
        with pytest.raises(ArithmeticFault, match="divides by zero"):
            evaluate_arithmetic(expression)
        return
    assert evaluate_arithmetic(expression) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789.eE+-*/() x_", max_size=ARITHMETIC_MAX_CHARS + 20))
def test_any_text_evaluates_to_a_finite_number_or_is_refused_with_a_reason(text):
    try:
        result = evaluate_arithmetic(text)
    except ArithmeticFault as exc:
        assert str(exc) and "\n" not in str(exc)
        assert arithmetic_fault(text) == str(exc)
        return
    assert math.isfinite(result)
    assert arithmetic_fault(text) is None


@pytest.mark.parametrize(("expression", "fault"), [
    # Each of these was a traceback or a wrong "ok" with Python's parser and a tree walk.
    ("-" * 10_000 + "1", "the arithmetic is 10,001 characters long; at most 500"),
    ("+".join(["1"] * 10_000), "the arithmetic is 19,999 characters long; at most 500"),
    ("1e999 - 1e999", "'1e999 - 1e999': 1e999 is too large (a number is less than 10^15 in "
                      "size)"),
    ("9" * 300 + " * " + "9" * 150, f"'{'9' * 56}...': 99999999999999999999... is too large "
                                    "(a number is less than 10^15 in size)"),
    ("1 / 0.0", "'1 / 0.0' divides by zero"),
    ("1 / (1 - 1)", "'1 / (1 - 1)' divides by zero"),
    ("2 ** 10", "'2 ** 10' is not arithmetic (numbers with + - * / and parentheses): '*' at "
                "character 4 is not a number"),
    ("x + 1", "'x + 1' is not arithmetic (numbers with + - * / and parentheses): 'x' at "
              "character 1 is not a number"),
    ("1 2", "'1 2' is not arithmetic (numbers with + - * / and parentheses): '2' at "
            "character 3 is not an operator"),
    ("(1", "'(1' is not arithmetic (numbers with + - * / and parentheses): a parenthesis is "
           "not closed"),
    ("1)", "'1)' is not arithmetic (numbers with + - * / and parentheses): ')' at character "
           "2 closes nothing"),
    ("", "'' is not arithmetic (numbers with + - * / and parentheses): it ends where a number "
         "is wanted"),
    ("1 −1", "'1 −1' is not arithmetic (numbers with + - * / and parentheses): '−' at "
             "character 3 is not an operator"),  # U+2212, not a hyphen-minus
])
def test_arithmetic_out_of_bounds_or_not_arithmetic_is_refused_with_the_reason(expression,
                                                                                fault):
    with pytest.raises(ArithmeticFault) as caught:
        evaluate_arithmetic(expression)
    assert str(caught.value) == fault


def test_every_step_must_stay_finite_and_representable():
    big, tiny = "999999999999999", "0.000000000000001"
    # Finite at the end is not enough: 1 / (big ** 22) is 0.0 only after an infinity.
    for expression in (" * ".join([big] * 22), "1 / (" + " * ".join([big] * 22) + ")",
                       " / ".join([big] + [tiny] * 20)):
        with pytest.raises(ArithmeticFault, match="overflows: a step of it is beyond"):
            evaluate_arithmetic(expression)
    with pytest.raises(ArithmeticFault, match="underflows: a step of it is closer to zero"):
        evaluate_arithmetic(" * ".join([tiny] * 21))
    assert evaluate_arithmetic(" * ".join([big] * 20)) == pytest.approx(1e300)


def test_length_and_depth_bounds_are_where_the_format_says():
    at_length = "1" + " + 1" * ((ARITHMETIC_MAX_CHARS - 1) // 4)
    assert len(at_length) <= ARITHMETIC_MAX_CHARS
    assert evaluate_arithmetic(at_length.ljust(ARITHMETIC_MAX_CHARS)) == (
        (ARITHMETIC_MAX_CHARS - 1) // 4 + 1)
    with pytest.raises(ArithmeticFault, match="501 characters long; at most 500"):
        evaluate_arithmetic(at_length.ljust(ARITHMETIC_MAX_CHARS + 1))
    deepest = "(" * ARITHMETIC_MAX_DEPTH + "1" + ")" * ARITHMETIC_MAX_DEPTH
    assert evaluate_arithmetic(deepest) == 1
    assert evaluate_arithmetic("-(" * (ARITHMETIC_MAX_DEPTH // 2) + "1"
                               + ")" * (ARITHMETIC_MAX_DEPTH // 2)) == 1
    with pytest.raises(ArithmeticFault, match="nests more than 20 parentheses and signs"):
        evaluate_arithmetic(f"({deepest})")
    with pytest.raises(ArithmeticFault, match="nests more than 20 parentheses and signs"):
        evaluate_arithmetic("-" * (ARITHMETIC_MAX_DEPTH + 1) + "1")
    # Long chains that nest nothing are not deep: each sign is used before the next term.
    assert evaluate_arithmetic(" - -1" * 60 + " + 0") == 60
