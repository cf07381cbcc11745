"""deploy/backup.sh and deploy/restore.sh give back the same data, files included.

Data is seeded through the services and committed (a transactional test), dumped by
the script from the test database, and restored by the other script into a fresh
database that is dropped afterwards.
"""

import os
import stat
import subprocess
import tarfile
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from courses.models import Attempt, Enrollment, Question
from courses.services import enroll, trainee_for_user
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import (
    CourseFactory,
    OrganisationFactory,
    TrainingClassFactory,
    UserFactory,
)
from tests.courses.quiz_factories import quiz_with_questions, right_choice
from tests.worker import database_url

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "deploy" / "backup.sh"
RESTORE = ROOT / "deploy" / "restore.sh"
NAMES = ["Ma Thị Hoà", "Đặng Văn Ơn", "Lò Thị Mai"]

pytestmark = pytest.mark.pg


def seed() -> None:
    """A course page and lesson, a class, three trainees each with a graded attempt."""
    course = CourseFactory(code="SAO-LUU", title="Sổ A0 và sổ hộ tịch")
    page = course_page(course=course, slug="so-a0")
    lesson_page(page, slug="bai-1", title="Bài 1: Ghi sổ A0")
    training_class = TrainingClassFactory(
        course=course, organisation=OrganisationFactory(name="Trung tâm Lâm Bình")
    )
    quiz = quiz_with_questions(course, count=3)
    for number, name in enumerate(NAMES):
        trainee = trainee_for_user(UserFactory(username=f"hv{number}", full_name=name))
        enroll(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.ORGANIZER,
        )
        attempt = start_attempt(quiz=quiz, trainee=trainee)
        right = attempt.question_ids[: number + 1]  # 1, 2 and 3 right answers
        submit_attempt(
            attempt=attempt,
            answers={
                pk: SubmittedAnswer(
                    choice_ids=(right_choice(Question.objects.get(pk=pk)),)
                )
                for pk in right
            },
        )


def fingerprints(dsn: str) -> dict[str, tuple[int, str]]:
    """Every public table: its row count and a digest of all its rows."""
    with psycopg.connect(dsn) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        found = {}
        for table in tables:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' "
                "ORDER BY t::text), '')) FROM {} t"
            ).format(sql.Identifier(table))
            found[table] = tuple(conn.execute(query).fetchone())
        return found


def sequences(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        return dict(
            conn.execute(
                "SELECT sequencename, coalesce(last_value, 0) FROM pg_sequences "
                "WHERE schemaname = 'public'"
            ).fetchall()
        )


def run(script: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(script), *args],
        env={**os.environ, "LMS_ENV_FILE": "", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_files(root: Path) -> tuple[Path, Path]:
    media, private = root / "media", root / "private"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "so-a0.jpg").write_bytes(b"\xff\xd8 anh so A0")
    (media / "roster-uploads").mkdir()
    (media / "roster-uploads" / "0123abcd").write_bytes(b"Ho ten, so dien thoai")
    (private / "sign-in-sheets" / "2026" / "12").mkdir(parents=True)
    scan = private / "sign-in-sheets" / "2026" / "12" / "lop-01-buoi-1.pdf"
    scan.write_bytes(b"%PDF-1.7 chu ky hoc vien")
    return media, private


def backup(tmp_path: Path, **env: str) -> Path:
    media, private = make_files(tmp_path / "live")
    done = run(
        BACKUP,
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(private),
        BACKUP_DIR=str(tmp_path / "backups"),
        **env,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def fresh_database():
    """An empty database next to the test database, dropped whatever happens."""
    name = f"{connection.settings_dict['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    # CREATE DATABASE cannot run in the test's transaction: a connection of its own.
    with psycopg.connect(database_url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {quoted}")
    try:
        yield database_url().rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(database_url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_into_a_fresh_database_with_every_row_and_file(
    tmp_path, fresh_database
):
    seed()
    made = backup(tmp_path)
    assert made.name.startswith("lms-")
    assert sorted(p.name for p in made.iterdir()) == [
        "SHA256SUMS",
        "db.dump",
        "media.tar.gz",
        "private.tar.gz",
    ]
    with tarfile.open(made / "media.tar.gz") as archive:
        kept = archive.getnames()
    assert "./original_images/so-a0.jpg" in kept
    # Rosters waiting for confirmation are personal data meant to live an hour.
    assert not any("roster-uploads" in name for name in kept)

    restored = tmp_path / "restored"
    done = run(
        RESTORE,
        str(made),
        DATABASE_URL=fresh_database,
        MEDIA_ROOT=str(restored / "media"),
        PRIVATE_MEDIA_ROOT=str(restored / "private"),
    )
    assert done.returncode == 0, done.stderr

    source = fingerprints(database_url())
    assert fingerprints(fresh_database) == source
    assert source["courses_attempt"][0] == len(NAMES)
    # Restored sequences continue after the restored rows: new rows will not collide.
    assert sequences(fresh_database) == sequences(database_url())
    with psycopg.connect(fresh_database) as conn:
        rows = conn.execute(
            "SELECT t.full_name, a.score, a.max_score, a.passed "
            "FROM courses_attempt a JOIN courses_trainee t ON t.id = a.trainee_id "
            "ORDER BY a.score"
        ).fetchall()
    assert [(name, int(score), int(most)) for name, score, most, _ in rows] == [
        (name, n + 1, 3) for n, name in enumerate(NAMES)
    ]
    assert {a.trainee.full_name: a.score for a in Attempt.objects.all()} == {
        name: score for name, score, _, _ in rows
    }

    scan = Path("sign-in-sheets/2026/12/lop-01-buoi-1.pdf")
    assert (restored / "private" / scan).read_bytes() == b"%PDF-1.7 chu ky hoc vien"
    assert (restored / "media" / "original_images" / "so-a0.jpg").exists()
    assert stat.S_IMODE((restored / "private").stat().st_mode) == 0o700

    # A second restore over the first refuses rather than mixing the two.
    again = run(
        RESTORE,
        str(made),
        DATABASE_URL=fresh_database,
        MEDIA_ROOT=str(restored / "media"),
        PRIVATE_MEDIA_ROOT=str(restored / "private"),
    )
    assert again.returncode == 1
    assert "already has" in again.stderr
    assert fingerprints(fresh_database) == source


@pytest.mark.django_db
def test_restore_refuses_a_damaged_backup_before_touching_anything(
    tmp_path, fresh_database
):
    made = backup(tmp_path)
    dump = made / "db.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))

    done = run(
        RESTORE,
        str(made),
        DATABASE_URL=fresh_database,
        MEDIA_ROOT=str(tmp_path / "restored" / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "restored" / "private"),
    )
    assert done.returncode == 1
    assert "damaged" in done.stderr
    assert fingerprints(fresh_database) == {}
    assert not (tmp_path / "restored").exists()


@pytest.mark.django_db
def test_backups_past_retention_go_but_the_newest_stay(tmp_path):
    backups = tmp_path / "backups"
    long_ago = time.time() - 40 * 86400
    for name in ["lms-20200101-023000", "lms-20200102-023000", "lms-x.partial"]:
        (backups / name).mkdir(parents=True)
        os.utime(backups / name, (long_ago, long_ago))

    made = backup(tmp_path, BACKUP_RETENTION_DAYS="14", BACKUP_KEEP_MIN="2")

    assert sorted(p.name for p in backups.iterdir()) == [
        # Old, but one of the two newest: kept in case the nightly run breaks.
        "lms-20200102-023000",
        made.name,
    ]
