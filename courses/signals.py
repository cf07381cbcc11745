"""The domain's named signals: other apps react to these, never to model saves."""

from django.dispatch import Signal

# Sent once, after commit, when an enrollment first meets its class's completion rule.
# Arguments: enrollment.
enrollment_completed = Signal()
