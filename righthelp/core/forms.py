"""The GOV.UK form base: every form gets GOV.UK fields, hints and an error summary."""

from django import forms
from django.forms.renderers import DjangoTemplates

WIDGET_CLASSES = {
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "checkbox": "govuk-checkboxes__input",
}


class GovukFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class GovukStyleMixin:
    """Adds GOV.UK classes to widgets, and their error state once the form is cleaned."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _style(field, has_error=False)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                _style(self.fields[name], has_error=True)


class GovukForm(GovukStyleMixin, forms.Form):
    """The base of every form: presentation and field checks only."""


class GovukModelForm(GovukStyleMixin, forms.ModelForm):
    pass


def _style(field: forms.Field, has_error: bool) -> None:
    widget = field.widget
    kind = getattr(widget, "input_type", None) or (
        "textarea" if isinstance(widget, forms.Textarea) else None
    )
    base = WIDGET_CLASSES.get(kind, "govuk-input")
    if isinstance(widget, forms.Select):
        base = "govuk-select"
    if has_error and base != "govuk-checkboxes__input":
        base += f" {base}--error"
    widget.attrs["class"] = base


def add_service_errors(form: forms.BaseForm, error) -> None:
    """Show a service's ValidationError on the form: on its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
