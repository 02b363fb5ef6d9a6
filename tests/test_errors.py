from sci_workers_day import ParseError, RegionNotFoundError, SciWorkersDayError


def test_location_grows_as_the_error_travels_up() -> None:
    """Each layer adds what it knows; what is already known is kept."""
    error = ParseError("not a number", cell="B7")
    assert str(error) == "cell B7: not a number"
    error.at(file="returns.xlsx", sheet="统计表", cell="C9")
    assert error.location == "returns.xlsx, sheet 统计表, cell B7"
    assert ParseError("bad line", line=3).at(file="notice.txt").location == "notice.txt, line 3"
    assert str(ParseError("plain")) == "plain"


def test_one_root() -> None:
    """Every library exception is a SciWorkersDayError and also the builtin callers catch."""
    assert issubclass(ParseError, SciWorkersDayError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(RegionNotFoundError, SciWorkersDayError)
    assert issubclass(RegionNotFoundError, LookupError)
    assert RegionNotFoundError("999999").key == "999999"
