from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    pass
