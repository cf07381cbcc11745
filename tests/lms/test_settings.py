import datetime as dt
import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation


def test_vietnamese_is_the_default_language_with_english_second():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_dates_are_read_and_written_day_first_in_vietnamese():
    with translation.override("vi"):
        assert formats.date_format(dt.date(2026, 3, 5), "SHORT_DATE_FORMAT") == (
            "05/03/2026"
        )
        parsed = dt.datetime.strptime(  # noqa: DTZ007
            "05/03/2026", formats.get_format("DATE_INPUT_FORMATS")[0]
        )
        assert (parsed.day, parsed.month) == (5, 3)


def test_numbers_use_vietnamese_separators():
    with translation.override("vi"):
        assert formats.number_format(1234567.5, decimal_pos=1, force_grouping=True) == (
            "1.234.567,5"
        )


def test_system_checks_pass(db):
    call_command("check", fail_level="WARNING")


def test_no_model_change_is_missing_a_migration(db):
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_embedded_default_runs_tasks_in_process_without_a_broker():
    env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL",)}
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CELERY_TASK_ALWAYS_EAGER, s.DATABASES['default']['ENGINE'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_celery_is_json_only_acks_late_and_limits_stay_below_visibility_timeout():
    from lms.celery import app

    assert app.conf.accept_content == ["json"]
    assert app.conf.task_serializer == "json"
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    timeout = app.conf.broker_transport_options["visibility_timeout"]
    assert app.conf.task_time_limit < timeout


def test_every_beat_entry_names_a_registered_task():
    from django.conf import settings

    from lms.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks
