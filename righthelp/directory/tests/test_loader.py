"""Loading postcode centres: good files, bad rows named by line and field, run twice."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from righthelp.core.models import AuditEvent
from righthelp.directory import loader
from righthelp.directory.models import Postcode

from .conftest import FIXTURES, SHIPPED

pytestmark = pytest.mark.django_db


def test_a_good_file_with_eastings_and_northings():
    report = loader.load_postcodes(FIXTURES / "good.csv")
    assert (report.rows, report.created, report.errors) == (3, 3, [])
    point = Postcode.objects.get(postcode="FY1 6NN")  # typed 'fy16nn' in the file
    assert point.district == "FY1"
    assert (point.latitude, point.longitude) == pytest.approx((53.801234, -3.03854), abs=2e-6)
    assert AuditEvent.objects.filter(detail__postcodes_loaded_from="good.csv").exists()


def test_bad_rows_are_named_by_line_and_field_and_the_rest_load():
    report = loader.load_postcodes(FIXTURES / "bad_rows.csv")
    assert [str(e) for e in report.errors] == [
        "Line 3, postcode: " + loader.BAD_POSTCODE.format(value="FY99"),
        "Line 4, latitude: " + loader.NOT_A_NUMBER.format(value="abc"),
        "Line 6, latitude: " + loader.NO_POINT,
    ]
    assert set(Postcode.objects.values_list("postcode", flat=True)) == {"FY1 1AN", "FY2 9AA"}


def test_loading_again_changes_nothing_and_a_moved_point_is_updated():
    rows = len(SHIPPED.read_text().splitlines()) - 1  # less the header
    first = loader.load_postcodes(SHIPPED)
    assert first.created == Postcode.objects.count() == rows > 3000 and not first.errors
    again = loader.load_postcodes(SHIPPED)
    assert (again.created, again.updated, again.unchanged) == (0, 0, rows)
    moved = loader.load_postcodes(io.StringIO("postcode,latitude,longitude\nFY1 6NN,53.9,-3.0\n"))
    assert (moved.created, moved.updated) == (0, 1)
    assert Postcode.objects.get(postcode="FY1 6NN").latitude == 53.9
    assert Postcode.objects.count() == rows


def test_code_point_open_rows_keep_only_the_council_asked_for():
    rows = (
        '"FY1 6NN",10,331697,434382,"E92000001","E19000001","E18000002","","E06000009",'
        '"E05015204"\n'
        '"FY3 7PP",10,333073,438594,"E92000001","E19000001","E18000002","E10000017",'
        '"E07000128","E05009952"\n')
    report = loader.load_postcodes(io.StringIO(rows), local_authority="E06000009")
    assert (report.created, report.other_authority) == (1, 1)
    assert list(Postcode.objects.values_list("postcode", flat=True)) == ["FY1 6NN"]


def test_onspd_style_header_with_latitude_and_longitude():
    report = loader.load_postcodes(io.StringIO(
        "pcd,pcds,laua,lat,long\nFY1 6NN,FY1 6NN,E06000009,53.801234,-3.038540\n"
        "PR1 1AA,PR1 1AA,E07000123,53.76,-2.70\n"), local_authority="E06000009")
    assert (report.created, report.other_authority) == (1, 1)


def test_a_file_without_a_postcode_column_is_refused_whole():
    with pytest.raises(loader.PostcodeFileError, match="no postcode column"):
        loader.load_postcodes(io.StringIO("name,lat,long\nTower,53.8,-3.05\n"))


def test_the_command_reports_bad_rows_and_totals(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_postcodes", str(FIXTURES / "bad_rows.csv"), stdout=out, stderr=err)
    assert "Line 3, postcode:" in err.getvalue() and "Line 4, latitude:" in err.getvalue()
    assert "5 rows read; 2 postcodes added, 0 moved, 0 unchanged, 3 refused" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("load_postcodes", str(tmp_path / "missing.csv"), stdout=out)


def test_progress_is_reported_for_big_files(monkeypatch):
    monkeypatch.setattr(loader, "PROGRESS_EVERY", 2)
    said = []
    loader.load_postcodes(FIXTURES / "bad_rows.csv", progress=said.append)
    assert said == ["2 rows read, 1 refused", "4 rows read, 2 refused"]
