"""Scoped base views and viewset for every domain screen, and scoped filter choices."""

from collections.abc import Callable

import django_filters
from django.db.models import Model
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet


class ScopedToUser:
    """Every queryset a view reads goes through the model's `visible_to(user)`."""

    def scoped(self):
        return self.model._default_manager.visible_to(self.request.user)

    def get_base_queryset(self):
        return self.scoped()

    def get_queryset(self):
        if isinstance(self, generic.IndexView):
            return super().get_queryset()
        return self.scoped()

    def get_base_object_queryset(self):
        return self.scoped()


class ScopedIndexView(ScopedToUser, generic.IndexView):
    pass


class ScopedEditView(ScopedToUser, generic.EditView):
    pass


class ScopedDeleteView(ScopedToUser, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedToUser, history.HistoryView):
    # The object comes from the scope; the listing is its log entries, not the scope.
    def get_base_queryset(self):
        return history.HistoryView.get_base_queryset(self)

    def get_queryset(self):
        return history.HistoryView.get_queryset(self)


class ScopedUsageView(ScopedToUser, usage.UsageView):
    # The object comes from the scope; the listing is what refers to it.
    def get_base_queryset(self):
        return usage.UsageView.get_base_queryset(self)

    def get_queryset(self):
        return usage.UsageView.get_queryset(self)


class ScopedInspectView(ScopedToUser, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped(), pk=self.pk)


class ScopedModelViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    copy_view_enabled = False


def visible_choices(model: type[Model]) -> Callable:
    """A filter's choices: only the rows the user may see, like the listing itself.

    Wagtail would otherwise offer every row of the model (every organisation's
    classes) as a choice.
    """

    def queryset(request):
        if request is None:
            return model._default_manager.none()
        return model._default_manager.visible_to(request.user)

    return queryset


def scoped_choice(model: type[Model], field: str, label) -> django_filters.Filter:
    return django_filters.ModelChoiceFilter(
        label=label, field_name=field, queryset=visible_choices(model)
    )
