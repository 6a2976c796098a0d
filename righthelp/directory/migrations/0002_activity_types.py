from django.db import migrations


def add_activity_types(apps, schema_editor):
    from righthelp.directory.activity_types import ensure_activity_types

    ensure_activity_types(apps.get_model("directory", "ActivityType"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(add_activity_types, migrations.RunPython.noop)]
