"""The Department for Education's Children in Need census: its shape (``records``), the XML
writer (``writer``), the schema check (``schema``), DfE's validation rules (``rules``) and the
extract from the case records (``extract``)."""
