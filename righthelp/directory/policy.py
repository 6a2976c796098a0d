"""Which roles may use each page and API operation of this app.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``.

The directory is for families and practitioners alike: searching it, reading a service and
suggesting one need no sign-in. Approving, changing and withdrawing services is for council
editors: any signed-in role may hold the ``directory.approve_service`` permission, so the
policy lets every role reach those pages and the views then check the permission.
"""

from righthelp.core.policy_roles import ALL_ROLES, PUBLIC

POLICY: dict[str, frozenset | str] = {
    "directory-search": PUBLIC,
    "directory-service": PUBLIC,
    "directory-suggest": PUBLIC,
    "directory-editor": ALL_ROLES,
    "directory-review": ALL_ROLES,
    "directory-withdraw": ALL_ROLES,
    "api-1:directory-search": PUBLIC,
    "api-1:directory-service": PUBLIC,
    "api-1:directory-suggest": PUBLIC,
    "api-1:directory-approve": ALL_ROLES,
    "api-1:directory-withdraw": ALL_ROLES,
}
