"""`factcheck nli`: output, order, and every error path (one line, non-zero, no traceback)."""

import json

from .conftest import FIXTURES, run_cli


def assert_clean_error(result, fragment: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "Traceback" not in stderr
    assert fragment in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_single_pair_prints_label_and_three_probabilities():
    result = run_cli("nli", "A man is sleeping.", "A man is awake.")
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "contradiction"
    assert [line.split()[0] for line in lines[1:]] == ["entailment", "neutral", "contradiction"]
    assert abs(sum(float(line.split()[1]) for line in lines[1:]) - 1) < 0.01


def test_single_pair_as_json():
    result = run_cli("nli", "--json", "A man is sleeping.", "A man is awake.")
    data = json.loads(result.stdout)
    assert data["label"] == "contradiction" and set(data["probs"]) == {
        "entailment",
        "neutral",
        "contradiction",
    }


def test_jsonl_file_keeps_fields_and_order(tmp_path):
    source = tmp_path / "pairs.jsonl"
    rows = [
        {"premise": "A man is sleeping.", "hypothesis": "A man is awake.", "id": 1},
        {"premise": "A woman plays a violin.", "hypothesis": "A woman plays music.", "id": 2},
        {
            "premise": "A child eats an apple in the kitchen of a big old house.",
            "hypothesis": "A child is eating.",
            "id": 3,
        },
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    result = run_cli("nli", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr.decode()
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in written] == [1, 2, 3]
    assert [r["label"] for r in written] == ["contradiction", "entailment", "entailment"]
    assert all(set(r["probs"]) == {"entailment", "neutral", "contradiction"} for r in written)


def test_stdin_to_stdout():
    line = json.dumps({"premise": "A man is sleeping.", "hypothesis": "A man is awake."})
    result = run_cli("nli", "--input", "-", stdin=line.encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["label"] == "contradiction"


def test_malformed_line_names_its_number_and_leaves_no_output(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"premise": "A", "hypothesis": "B"}\n{"premise": "A", "hyp\n')
    out = tmp_path / "out.jsonl"
    result = run_cli("nli", "--input", str(source), "--output", str(out))
    assert_clean_error(result, "line 2")
    assert list(tmp_path.iterdir()) == [source]


def test_missing_field_names_its_line(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"premise": "A dog."}\n')
    assert_clean_error(run_cli("nli", "--input", str(source)), "line 1")


def test_missing_empty_and_binary_inputs(tmp_path):
    assert_clean_error(run_cli("nli", "--input", str(tmp_path / "nope.jsonl")), "not found")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert_clean_error(run_cli("nli", "--input", str(empty)), "no pairs")
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert_clean_error(run_cli("nli", "--input", str(binary)), "binary")


def test_never_overwrites_the_input_or_an_existing_output(tmp_path):
    source = FIXTURES / "tiny_nli.jsonl"
    before = source.read_bytes()
    assert_clean_error(run_cli("nli", "--input", str(source), "--output", str(source)), "overwrite")
    assert source.read_bytes() == before
    existing = tmp_path / "keep.jsonl"
    existing.write_text("precious\n")
    assert_clean_error(run_cli("nli", "--input", str(source), "--output", str(existing)), "--force")
    assert existing.read_text() == "precious\n"


def test_usage_errors_are_one_line():
    assert_clean_error(run_cli("nli", "only a premise"), "PREMISE and HYPOTHESIS")
    assert_clean_error(run_cli("nli", "", "x"), "empty")
    assert_clean_error(run_cli("nli", "--model", "/nonexistent/model", "a", "b"), "no NLI model")


def test_help_names_arguments_and_flags_plainly():
    top = run_cli("--help").stdout.decode()
    assert "--version" in top and "<bool>" not in top
    compare = run_cli("compare", "--help").stdout.decode()
    assert "SOURCES..." in compare and "{sources}" not in compare and "<bool>" not in compare
