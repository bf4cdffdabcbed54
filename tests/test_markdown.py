from factcheck.report.markdown import table


def test_table_aligns_text_left_and_numbers_right():
    assert table(["name", "n", "note"], [["a", 1, "x"], ["b", 2.5, "y"]], left=(0, 2)) == [
        "| name | n | note |",
        "|---|---:|---|",
        "| a | 1 | x |",
        "| b | 2.5 | y |",
    ]
