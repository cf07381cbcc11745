import datetime as dt

import factory
from factory.django import DjangoModelFactory

from courses.models import (
    ClassSession,
    Course,
    Lesson,
    Organisation,
    Trainee,
    TrainingClass,
    User,
)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Trung tâm Dân số khu vực số {n}")
    kind = Organisation.Kind.POPULATION_CENTRE


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Hoà {n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
            self.save()


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course

    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.Sequence(lambda n: f"Khoá học số {n}")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    topic = Course.Topic.STATISTICS
    audience = Course.Audience.POPULATION_COLLABORATOR


class TrainingClassFactory(DjangoModelFactory):
    class Meta:
        model = TrainingClass

    course = factory.SubFactory(CourseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"LOP-{n:03d}")
    title = factory.Sequence(lambda n: f"Lớp tập huấn số {n}")
    starts_on = dt.date(2026, 12, 8)
    ends_on = dt.date(2026, 12, 9)
    venue = "Hội trường UBND xã"


class TraineeFactory(DjangoModelFactory):
    class Meta:
        model = Trainee

    full_name = factory.Sequence(lambda n: f"Lò Thị Mai {n}")
    sex = Trainee.Sex.FEMALE
    birth_year = 1985
    role = Trainee.Role.POPULATION_COLLABORATOR


class LessonFactory(DjangoModelFactory):
    class Meta:
        model = Lesson

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Bài {n}")
    position = factory.Sequence(lambda n: n)


class ClassSessionFactory(DjangoModelFactory):
    class Meta:
        model = ClassSession

    training_class = factory.SubFactory(TrainingClassFactory)
    held_on = factory.LazyAttribute(lambda s: s.training_class.starts_on)
    part = ClassSession.Part.MORNING
