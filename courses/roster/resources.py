"""The django-import-export resource that turns cleaned roster rows into trainees.

Rows reach it already cleaned (courses.roster.cleaning) and checked against the
database (courses.roster.services), so it is tuned for a straight, bulk write:

- `force_init_instance`: every row is a new trainee (duplicates were refused before),
  so no per-row SELECT through `import_id_fields` looks for an existing one;
- `use_bulk` + `batch_size`: one INSERT per thousand rows instead of a save() per row
  (and no savepoint per row);
- `skip_diff`, `clean_model_instances = False`: no deepcopy and diff per row, no
  per-row full_clean() (which also validates uniqueness with a query per row);
- no per-field widgets: values are already Python values (a ForeignKeyWidget would
  look the organisation up once per row); `init_instance` builds the trainee whole.
"""

from import_export import resources

from courses.models import Trainee
from courses.vietnamese import given_name

# The columns of the dataset the service hands over: Trainee attributes.
ROSTER_DATASET_COLUMNS = (
    "full_name",
    "sex",
    "birth_date",
    "birth_year",
    "phone",
    "national_id",
    "ethnicity",
    "role",
    "organisation_id",
    "village",
    "notes",
    "unit_scheme",
    "unit_province_code",
    "unit_commune_code",
    "unit_label",
)
# Carried alongside, computed once by the service.
ROSTER_DATASET_EXTRA = ("name_folded",)


class TraineeRosterResource(resources.ModelResource):
    """Rows are dicts of Trainee attributes, cleaned and checked by the service."""

    class Meta:
        model = Trainee
        # No per-field import: each Field.save() would run a widget and setattr per
        # cell (15 per row); the cleaned row builds the instance in one go instead.
        fields: tuple[str, ...] = ()
        import_id_fields: tuple[str, ...] = ()
        force_init_instance = True
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        skip_html_diff = True
        skip_unchanged = False
        clean_model_instances = False
        report_skipped = False
        store_instance = True

    def init_instance(self, row=None) -> Trainee:
        values = {name: row[name] for name in ROSTER_DATASET_COLUMNS}
        # bulk_create skips Trainee.save(): fill what it would have derived.
        return Trainee(
            **values,
            given_name=given_name(values["full_name"]),
            name_folded=row["name_folded"],
        )
