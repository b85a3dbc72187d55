"""The numbers a briefing may hold, and the arithmetic a derived figure may ask for.

Both readers take every number through :func:`read_number` and every derived figure's
arithmetic through :func:`arithmetic_fault` (by way of ``rules.text_fault``), so what
comes after them (the checker's float comparisons, the window's cells and chart, the
PDF) only ever sees finite numbers of at most 15 significant digits below 10^15 in size,
and arithmetic that evaluates to a finite number. The bounds are in ``model.py``.

The arithmetic is evaluated here without ``ast``: Python's parser gives up on deep input
with RecursionError or MemoryError rather than SyntaxError (10,000 unary minus signs, a
sum of 10,000 terms), and walking its tree recurses again. This evaluator is a loop over
the tokens with two explicit stacks, bounded in length before it starts and in depth as
it goes.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from .model import (
    ARITHMETIC_MAX_CHARS,
    ARITHMETIC_MAX_DEPTH,
    NUMBER_MAX_DIGITS,
    NUMBER_MAX_EXPONENT,
    NUMBER_MIN_EXPONENT,
)

# Long enough for any number within the bounds however it is written (a sign, 15 digits,
# 14 zeros after the point, an exponent, digit separators); anything longer is refused
# before it is converted, which for a YAML 1.1 sexagesimal integer (1:2:3:...) costs time
# quadratic in its length, and for a decimal one over 4,300 digits raises.
MAX_NUMBER_CHARS = 40
_LIMIT = 10 ** NUMBER_MAX_EXPONENT
_PLAIN = re.compile(r"[-+]?[0-9]+\.?[0-9]*")
_DECIMAL_FORM = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?")


class NumberFault(ValueError):
    """A number outside the bounds; its message says which bound and why."""


def clipped(written: str, limit: int = 24) -> str:
    """A number or an expression as a message quotes it: clipped, so a problem stays a
    line long whatever the file holds."""
    return written if len(written) <= limit else written[:limit - 4] + "..."


def read_number(written: str, convert: Callable[[str], int | float]) -> int | float:
    """The number ``written`` stands for, converted by ``convert`` (which raises
    ValueError for text that is not a number), or NumberFault when it is out of bounds."""
    if len(written) > MAX_NUMBER_CHARS:
        raise NumberFault(f"{clipped(written)} is too long for a number ({len(written):,} "
                          f"characters; a number has at most {NUMBER_MAX_DIGITS} significant "
                          "digits)")
    value = convert(written)
    fault = number_fault(value, written)
    if fault is not None:
        raise NumberFault(fault)
    return value


def number_fault(value: int | float, written: str | None = None) -> str | None:
    """What is wrong with a number, as a problem message, or None.

    For a float, ``written`` (its text in the file) is what is judged where it can be:
    1.0e-400 reads as 0.0 and 441.400000000000000001 as 441.4, and only the text shows
    that the author wrote something else.
    """
    too_large = f"is too large (a number is less than 10^{NUMBER_MAX_EXPONENT} in size)"
    if isinstance(value, int):  # exact, in any notation YAML 1.1 allows (0x1B9, 1:20)
        if -_LIMIT < value < _LIMIT:  # and so of at most 15 digits
            return None
        if written is None:  # str() refuses integers of over 4,300 digits
            written = str(value) if value.bit_length() < 14_000 else "an integer"
        return f"{clipped(written)} {too_large}"
    if written is not None and _PLAIN.fullmatch(written) and len(written) - (
            written[0] in "+-") - ("." in written) <= NUMBER_MAX_DIGITS:
        # The usual figure (441.4), decided without a Decimal (2 us each, 30,000 of them
        # in a 50,000-entry briefing): at most 15 digits and no exponent is within every
        # bound, 0.00000000000001 being the smallest such number that is not 0.
        return None
    text = written if written is not None else repr(value)
    exact = _exact(value, written)
    if not exact.is_finite():
        return f"{clipped(text)} is not a finite number"
    if not exact:
        return None
    size = exact.adjusted()  # the power of ten of the first significant digit
    if size >= NUMBER_MAX_EXPONENT:
        return f"{clipped(text)} {too_large}"
    if size < NUMBER_MIN_EXPONENT:
        return (f"{clipped(text)} is too close to zero (a number other than 0 is at least "
                f"10^{NUMBER_MIN_EXPONENT} in size)")
    digits = "".join(map(str, exact.as_tuple().digits)).strip("0")
    if len(digits) > NUMBER_MAX_DIGITS:
        return (f"{clipped(text)} has {len(digits)} significant digits (a number has at "
                f"most {NUMBER_MAX_DIGITS})")
    return None


def _exact(value: float, written: str | None) -> Decimal:
    if written is not None and _DECIMAL_FORM.fullmatch(written):
        try:
            return Decimal(written.replace("_", ""))
        except InvalidOperation:
            pass
    return Decimal(repr(value))  # .inf, .nan, sexagesimal 1:20.5: their value is all


def decimal_places(value: int | float) -> int:
    """Decimal places a number is written to: 441.4 has 1, 1e-07 has 7, 260 has none."""
    if isinstance(value, int) or float(value).is_integer():
        return 0
    return max(0, -int(Decimal(repr(value)).as_tuple().exponent))


def plain(value: int | float) -> str:
    """A number as a briefing writes it in arithmetic and messages: 276 for 276.0."""
    return str(int(value)) if float(value).is_integer() else repr(value)


# --- arithmetic -------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"
                    r"|(?P<symbol>[-+*/()])|(?P<other>\S))")
_BINARY = {"+": 1, "-": 1, "*": 2, "/": 2}  # precedence; a sign binds tighter than both
_SIGN = {"+": "plus", "-": "minus"}
_SMALLEST = sys.float_info.min  # below it a float loses digits, and then becomes 0.0


class ArithmeticFault(ValueError):
    """Arithmetic that cannot be evaluated, or not within the bounds."""


def evaluate_arithmetic(expression: str) -> float:
    """Numbers with + - * / and parentheses, nothing else (no names, no calls, no
    powers), as a float; ArithmeticFault (a ValueError) with the reason otherwise."""
    quoted = f"'{clipped(expression, 60)}'"
    if len(expression) > ARITHMETIC_MAX_CHARS:
        raise ArithmeticFault(f"the arithmetic is {len(expression):,} characters long; "
                              f"at most {ARITHMETIC_MAX_CHARS}")
    not_arithmetic = f"{quoted} is not arithmetic (numbers with + - * / and parentheses)"
    values: list[float] = []
    pending: list[str] = []  # "(", "plus", "minus", and binary operators
    depth = 0  # parentheses and signs in `pending`
    want_operand = True

    def apply(op: str) -> None:
        if op in ("plus", "minus"):
            if op == "minus":
                values[-1] = -values[-1]
            return
        right = values.pop()
        left = values.pop()
        if op == "/" and right == 0:
            raise ArithmeticFault(f"{quoted} divides by zero")
        result = (left + right if op == "+" else left - right if op == "-" else
                  left * right if op == "*" else left / right)
        if not math.isfinite(result):
            raise ArithmeticFault(f"{quoted} overflows: a step of it is beyond the "
                                  f"largest number a float holds ({sys.float_info.max:.1e})")
        if result and abs(result) < _SMALLEST:
            raise ArithmeticFault(f"{quoted} underflows: a step of it is closer to zero "
                                  f"than a float holds exactly ({_SMALLEST:.1e})")
        values.append(result)

    at = 0
    end = len(expression.rstrip())
    while at < end:
        token = _TOKEN.match(expression, at)
        assert token is not None  # \S matches whatever is left after the spaces
        at = token.end()
        number, symbol = token.group("number"), token.group("symbol")
        where = f"at character {token.start(token.lastgroup or 0) + 1}"
        if want_operand:
            if number is not None:
                fault = number_fault(float(number), number)
                if fault is not None:
                    raise ArithmeticFault(f"{quoted}: {fault}")
                values.append(float(number))
                want_operand = False
                continue
            if symbol in ("(", "+", "-"):
                depth += 1
                if depth > ARITHMETIC_MAX_DEPTH:
                    raise ArithmeticFault(
                        f"{quoted} nests more than {ARITHMETIC_MAX_DEPTH} parentheses and "
                        f"signs deep ({where})")
                pending.append("(" if symbol == "(" else _SIGN[symbol])
                continue
        elif symbol in _BINARY:
            while pending and pending[-1] != "(" and (
                    pending[-1] in _SIGN.values() or _BINARY[pending[-1]] >= _BINARY[symbol]):
                op = pending.pop()
                if op in _SIGN.values():
                    depth -= 1
                apply(op)
            pending.append(symbol)
            want_operand = True
            continue
        elif symbol == ")":
            while pending and pending[-1] != "(":
                op = pending.pop()
                if op in _SIGN.values():
                    depth -= 1
                apply(op)
            if not pending:
                raise ArithmeticFault(f"{not_arithmetic}: ')' {where} closes nothing")
            pending.pop()
            depth -= 1
            continue
        found = token.group(token.lastgroup or 0)
        raise ArithmeticFault(f"{not_arithmetic}: '{clipped(found)}' {where} is not "
                              f"{'a number' if want_operand else 'an operator'}")
    if want_operand:
        raise ArithmeticFault(f"{not_arithmetic}: it ends where a number is wanted")
    while pending:
        op = pending.pop()
        if op == "(":
            raise ArithmeticFault(f"{not_arithmetic}: a parenthesis is not closed")
        apply(op)
    return values[0]


def arithmetic_fault(expression: str) -> str | None:
    """What is wrong with a derived figure's arithmetic, as a problem message, or None."""
    try:
        evaluate_arithmetic(expression)
    except ArithmeticFault as exc:
        return str(exc)
    return None
