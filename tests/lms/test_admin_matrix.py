"""Who reaches which admin screen: every address of Wagtail's admin and the Django
admin that takes no parameter (listings, add forms, reports, imports, exports), per
role, as a table. Object addresses are in tests/lms/access_table.py."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log

from tests.courses.factories import UserFactory
from tests.lms.access_table import (
    ADMIN_HOME,
    ADMIN_LOGIN,
    DJANGO_ADMIN_LOGIN,
    FOUND,
    SITE_LOGIN,
    Expect,
    admin_routes_without_parameters,
    ask,
    clients,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "trainee", "trainer", "organizer", "other_organizer", "superuser")
CODES = {
    "L": ADMIN_LOGIN,
    "D": DJANGO_ADMIN_LOGIN,
    "H": ADMIN_HOME,
    "S": SITE_LOGIN,
    "302": FOUND,
    **{code: Expect(int(code), label=code) for code in ("200", "403", "404", "405")},
    # Wagtail's own "failwhale" page raises on purpose, to test the error page.
    "500": Expect(500, label="500 (Wagtail's error test)"),
}

# One row per address; one column per role:
#   anonymous, trainee, trainer, organizer, other organizer, superuser.
# L: to the admin's sign-in   D: to the Django admin's sign-in   S: to the site's
# H: to the admin home with "no permission" (Wagtail's refusal)   302: onwards.
# Trainees hold no admin access; trainers work on their classes, quizzes and material;
# organisers on their organisation's classes, people, certificates and requests; the
# Django admin and Wagtail's own settings are the superusers'.
MATRIX = """
admin:index                                                     D   D   D   D   D   200
admin:login                                                     200 200 200 200 200 302
admin:logout                                                    302 302 302 302 302 405
admin:password_change                                           D   D   D   D   D   200
admin:password_change_done                                      D   D   D   D   D   200
admin:autocomplete                                              D   D   D   D   D   403
admin:jsi18n                                                    D   D   D   D   D   200
admin:auth_group_changelist                                     D   D   D   D   D   200
admin:auth_group_add                                            D   D   D   D   D   200
admin:courses_user_changelist                                   D   D   D   D   D   200
admin:courses_user_add                                          D   D   D   D   D   200
admin:wagtaildocs_document_changelist                           D   D   D   D   D   200
admin:wagtaildocs_document_add                                  D   D   D   D   D   200
admin:wagtailimages_image_changelist                            D   D   D   D   D   200
admin:wagtailimages_image_add                                   D   D   D   D   D   200
admin:taggit_tag_merge_tags                                     D   D   D   D   D   200
admin:taggit_tag_changelist                                     D   D   D   D   D   200
admin:taggit_tag_add                                            D   D   D   D   D   200
admin:axes_accessattempt_changelist                             D   D   D   D   D   200
admin:axes_accessattempt_add                                    D   D   D   D   D   403
admin:axes_accesslog_changelist                                 D   D   D   D   D   200
admin:axes_accesslog_add                                        D   D   D   D   D   403
admin:axes_accessfailurelog_changelist                          D   D   D   D   D   200
admin:axes_accessfailurelog_add                                 D   D   D   D   D   403
wagtailadmin_home                                               L   L   200 200 200 200
admin/test404/                                                  L   L   200 200 200 200
wagtailadmin_api:pages:listing                                  L   L   200 200 200 200
wagtailadmin_api:pages:find                                     L   L   404 404 404 404
wagtailadmin_api:documents:listing                              L   L   200 200 200 200
wagtailadmin_api:documents:find                                 L   L   404 404 404 404
wagtailadmin_api:images:listing                                 L   L   200 200 200 200
wagtailadmin_api:images:find                                    L   L   404 404 404 404
wagtailadmin_error_test                                         L   L   500 500 500 500
wagtailadmin_explore_root                                       L   L   H   H   H   200
wagtailadmin_pages:search                                       L   L   H   H   H   200
wagtailadmin_pages:search_results                               L   L   H   H   H   200
wagtailadmin_choose_page                                        L   L   200 200 200 200
wagtailadmin_choose_page_search                                 L   L   200 200 200 200
wagtailadmin_choose_page_chosen_multiple                        L   L   200 200 200 200
wagtailadmin_choose_page_external_link                          L   L   200 200 200 200
wagtailadmin_choose_page_email_link                             L   L   200 200 200 200
wagtailadmin_choose_page_phone_link                             L   L   200 200 200 200
wagtailadmin_choose_page_anchor_link                            L   L   200 200 200 200
wagtailadmin_tag_autocomplete                                   L   L   200 200 200 200
wagtailadmin_collections:index                                  L   L   H   H   H   200
wagtailadmin_collections:add                                    L   L   H   H   H   200
wagtailadmin_workflows:index                                    L   L   H   H   H   200
wagtailadmin_workflows:index_results                            L   L   H   H   H   200
wagtailadmin_workflows:add                                      L   L   H   H   H   200
wagtailadmin_workflows:select_task_type                         L   L   H   H   H   302
wagtailadmin_workflows:task_index                               L   L   H   H   H   200
wagtailadmin_workflows:task_index_results                       L   L   H   H   H   200
wagtailadmin_workflows:task_chooser                             L   L   200 200 200 200
wagtailadmin_workflows:task_chooser_results                     L   L   200 200 200 200
wagtailadmin_workflows:task_chooser_create                      L   L   200 200 200 200
wagtailadmin_reports:locked_pages                               L   L   H   H   H   200
wagtailadmin_reports:locked_pages_results                       L   L   H   H   H   200
wagtailadmin_reports:workflow                                   L   L   H   H   H   200
wagtailadmin_reports:workflow_results                           L   L   H   H   H   200
wagtailadmin_reports:workflow_tasks                             L   L   H   H   H   200
wagtailadmin_reports:workflow_tasks_results                     L   L   H   H   H   200
wagtailadmin_reports:site_history                               L   L   H   H   H   200
wagtailadmin_reports:site_history_results                       L   L   H   H   H   200
admin/reports/site-history/                                     L   L   H   H   H   200
admin/reports/site-history/results/                             L   L   H   H   H   200
wagtailadmin_reports:aging_pages                                L   L   H   H   H   200
wagtailadmin_reports:aging_pages_results                        L   L   H   H   H   200
wagtailadmin_reports:page_types_usage                           L   L   H   H   H   200
wagtailadmin_reports:page_types_usage_results                   L   L   H   H   H   200
wagtailadmin_account                                            L   L   200 200 200 200
wagtailadmin_logout                                             L   L   405 405 405 405
wagtailadmin_dismissibles                                       L   L   200 200 200 200
wagtailadmin_block_preview                                      L   L   404 404 404 404
courses_roster:upload                                           L   L   H   200 200 200
courses_roster:confirm                                          L   L   H   405 405 405
courses_roster:template                                         L   L   H   200 200 200
courses_question_import                                         L   L   200 403 403 200
courses_question_import_confirm                                 L   L   405 403 403 405
courses_question_import_template                                L   L   200 403 403 200
courses_organiser_dashboard                                     L   L   H   200 200 200
courses_export_jobs:new                                         L   L   200 200 200 200
certificates_admin:register                                     L   L   H   200 200 200
wagtailforms:index                                              L   L   H   H   H   200
wagtailforms:index_results                                      L   L   H   H   H   200
wagtailredirects:index                                          L   L   H   H   H   200
wagtailredirects:index_results                                  L   L   H   H   H   200
wagtailredirects:add                                            L   L   H   H   H   200
wagtailredirects:start_import                                   L   L   H   H   H   200
wagtailredirects:process_import                                 L   L   H   H   H   405
wagtailembeds:chooser                                           L   L   200 200 200 200
wagtailembeds:chooser_upload                                    L   L   200 200 200 200
wagtailsnippets:index                                           L   L   H   H   H   H
wagtaildocs:index                                               L   L   H   H   H   200
wagtaildocs:index_results                                       L   L   H   H   H   200
wagtaildocs:add                                                 L   L   H   H   H   200
wagtaildocs:add_multiple                                        L   L   H   H   H   200
wagtailimages:index                                             L   L   H   H   H   200
wagtailimages:index_results                                     L   L   H   H   H   200
wagtailimages:add                                               L   L   H   H   H   200
wagtailimages:add_multiple                                      L   L   H   H   H   200
wagtailsnippets_courses_quiz:list                               L   L   200 200 200 200
wagtailsnippets_courses_quiz:list_results                       L   L   200 200 200 200
wagtailsnippets_courses_quiz:add                                L   L   200 H   H   200
wagtailsnippets_courses_quiz:preview_on_add                     L   L   200 H   H   200
wagtailsnippetchoosers_courses_quiz:choose                      L   L   200 200 200 200
wagtailsnippetchoosers_courses_quiz:choose_results              L   L   200 200 200 200
wagtailsnippetchoosers_courses_quiz:chosen_multiple             L   L   200 200 200 200
wagtailsnippetchoosers_courses_quiz:create                      L   L   200 H   H   200
wagtailsnippets_courses_question:list                           L   L   200 200 200 200
wagtailsnippets_courses_question:list_results                   L   L   200 200 200 200
wagtailsnippets_courses_question:add                            L   L   200 H   H   200
wagtailsnippets_courses_question:preview_on_add                 L   L   200 H   H   200
wagtailsnippetchoosers_courses_question:choose                  L   L   200 200 200 200
wagtailsnippetchoosers_courses_question:choose_results          L   L   200 200 200 200
wagtailsnippetchoosers_courses_question:chosen_multiple         L   L   200 200 200 200
wagtailsnippetchoosers_courses_question:create                  L   L   200 H   H   200
wagtailsnippets_courses_questioncategory:list                   L   L   200 200 200 200
wagtailsnippets_courses_questioncategory:list_results           L   L   200 200 200 200
wagtailsnippets_courses_questioncategory:add                    L   L   200 H   H   200
wagtailsnippetchoosers_courses_questioncategory:choose          L   L   200 200 200 200
wagtailsnippetchoosers_courses_questioncategory:choose_results  L   L   200 200 200 200
wagtailsnippetchoosers_courses_questioncategory:chosen_multiple L   L   200 200 200 200
wagtailsnippetchoosers_courses_questioncategory:create          L   L   200 H   H   200
trainingclass:index                                             L   L   200 200 200 200
trainingclass:index_results                                     L   L   200 200 200 200
trainingclass:add                                               L   L   H   200 200 200
enrollment:index                                                L   L   200 200 200 200
enrollment:index_results                                        L   L   200 200 200 200
enrollment:add                                                  L   L   200 200 200 200
trainee:index                                                   L   L   200 200 200 200
trainee:index_results                                           L   L   200 200 200 200
trainee:add                                                     L   L   H   200 200 200
course:index                                                    L   L   200 200 200 200
course:index_results                                            L   L   200 200 200 200
course:add                                                      L   L   H   200 200 200
organisation:index                                              L   L   H   200 200 200
organisation:index_results                                      L   L   H   200 200 200
organisation:add                                                L   L   H   H   H   200
datasubjectrequest:index                                        L   L   H   200 200 200
datasubjectrequest:index_results                                L   L   H   200 200 200
datasubjectrequest:add                                          L   L   H   200 200 200
certificate:index                                               L   L   H   200 200 200
certificate:index_results                                       L   L   H   200 200 200
certificatetemplate:index                                       L   L   H   200 200 200
certificatetemplate:index_results                               L   L   H   200 200 200
certificatetemplate:add                                         L   L   H   200 200 200
wagtailsites:index                                              L   L   H   H   H   200
wagtailsites:index_results                                      L   L   H   H   H   200
wagtailsites:add                                                L   L   H   H   H   200
wagtailusers_users:index                                        L   L   H   H   H   200
wagtailusers_users:index_results                                L   L   H   H   H   200
wagtailusers_users:add                                          L   L   H   H   H   200
wagtailusers_groups:index                                       L   L   H   H   H   200
wagtailusers_groups:index_results                               L   L   H   H   H   200
wagtailusers_groups:add                                         L   L   H   H   H   200
wagtaildocs_chooser:choose                                      L   L   200 200 200 200
wagtaildocs_chooser:choose_results                              L   L   200 200 200 200
wagtaildocs_chooser:chosen_multiple                             L   L   200 200 200 200
wagtaildocs_chooser:create                                      L   L   H   H   H   200
wagtailimages_chooser:choose                                    L   L   200 200 200 200
wagtailimages_chooser:choose_results                            L   L   200 200 200 200
wagtailimages_chooser:chosen_multiple                           L   L   200 200 200 200
wagtailimages_chooser:create                                    L   L   H   H   H   200
wagtailadmin_sprite                                             200 200 200 200 200 200
wagtailadmin_login                                              200 200 H   H   H   H
wagtailadmin_password_reset                                     404 404 404 404 404 404
wagtailadmin_password_reset_done                                404 404 404 404 404 404
wagtailadmin_password_reset_complete                            404 404 404 404 404 404
wagtailadmin_javascript_catalog                                 200 200 200 200 200 200
admin/^.*/$                                                     L   L   404 404 404 404
# The staff tool the site serves outside the admin (from the roll call):
courses:merge-trainees                                          S   403 403 H   H   H
"""


def _table() -> dict[str, tuple[Expect, ...]]:
    table = {}
    for line in MATRIX.strip().splitlines():
        if line.startswith("#"):
            continue
        key, *codes = line.split()
        assert len(codes) == len(ROLES), f"{key}: {len(codes)} columns"
        table[key] = tuple(CODES[code] for code in codes)
    return table


TABLE = _table()


def _url(key: str) -> str:
    if "/" in key:  # unnamed: keyed by its pattern
        return "/" + key.replace("^.*/$", "no-such-screen/")
    return reverse(key)


@pytest.fixture
def as_role(trainee, trainer, organizer, other_organizer) -> dict[str, Client]:
    users = {
        "trainee": trainee,
        "trainer": trainer,
        "organizer": organizer,
        "other_organizer": other_organizer,
        "superuser": UserFactory(
            username="superuser", is_staff=True, is_superuser=True
        ),
    }
    by_role = {"anonymous": Client(raise_request_exception=False)}
    for role, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        by_role[role] = client
    return by_role


def test_every_admin_address_has_a_row():
    missing = [
        f"{route.key}    ({route.pattern})"
        for route in admin_routes_without_parameters()
        if route.key not in TABLE
    ]
    assert not missing, (
        "Admin addresses without a row in MATRIX (tests/lms/test_admin_matrix.py):\n  "
        + "\n  ".join(missing)
    )


def test_every_row_names_an_address_that_exists():
    known = {route.key for route in admin_routes_without_parameters()}
    stale = [
        key for key in TABLE if key not in known and not key.startswith("courses:")
    ]
    assert not stale, f"Rows for addresses that no longer exist: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says(as_role, role):
    column = ROLES.index(role)
    problems = []
    for key, expected in TABLE.items():
        response, _written = ask(as_role[role], "GET", _url(key))
        mismatch = expected[column].mismatch(response)
        if mismatch:
            problems.append(f"{key}  [GET {_url(key)} as {role}]: {mismatch}")
    assert not problems, f"{len(problems)} mismatches:\n" + "\n".join(problems)


# --- What the listings show -------------------------------------------------------


def _listed(client: Client, route: str) -> str:
    response = client.get(reverse(route))
    assert response.status_code == 200, route
    return response.content.decode()


def test_a_trainer_lists_only_the_classes_they_teach_and_those_classes_people(world):
    trainer = clients(world)["trainer"]
    for route in ("trainingclass:index", "trainee:index", "enrollment:index"):
        html = _listed(trainer, route)
        assert world.a.training_class.code in html or world.a.trainee.full_name in html
        # Nothing of class B: not its row, not its people, not in a filter's choices.
        assert world.b.training_class.code not in html, route
        assert world.b.trainee.full_name not in html, route


def test_another_organisation_s_organiser_lists_none_of_it(world):
    other = clients(world)["other_organizer"]
    for route in (
        "trainingclass:index",
        "trainee:index",
        "enrollment:index",
        "certificate:index",
        "certificatetemplate:index",
        "datasubjectrequest:index",
        "organisation:index",
    ):
        html = _listed(other, route)
        for side in (world.a, world.b):
            assert side.training_class.code not in html, route
            assert side.trainee.full_name not in html, route
        assert world.organisation.name not in html, route


def test_the_site_history_shows_no_one_else_s_records(world):
    log(instance=world.a.trainee, action="wagtail.edit", user=world.users["organizer"])
    by_role = clients(world)
    for role in ("trainer", "organizer", "other_organizer"):
        response, _written = ask(
            by_role[role], "GET", reverse("wagtailadmin_reports:site_history")
        )
        assert ADMIN_HOME.mismatch(response) is None, role
        assert world.a.trainee.full_name not in response.content.decode()
    response, _written = ask(
        by_role["superuser"], "GET", reverse("wagtailadmin_reports:site_history")
    )
    assert world.a.trainee.full_name in response.content.decode()


def test_only_superusers_are_offered_the_site_history(world):
    # Everyone else is refused it (above): the reports menu must not offer a door
    # that only answers "no permission".
    history = reverse("wagtailadmin_reports:site_history")
    by_role = clients(world)
    for role in ("trainer", "organizer"):
        response, _written = ask(by_role[role], "GET", reverse("wagtailadmin_home"))
        assert response.status_code == 200, role
        assert history not in response.content.decode(), role
    response, _written = ask(by_role["superuser"], "GET", reverse("wagtailadmin_home"))
    assert history in response.content.decode()
