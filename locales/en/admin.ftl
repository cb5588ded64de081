### Administration: consultations, versions, users and roles, the audit log.
### English.

## Administration home (templates/admin/home.html)

admin-title = Administration
admin-consultations = Consultations
admin-users = Users and roles
admin-audit = Recent changes
admin-audit-empty = Nothing recorded yet.
admin-audit-when = When (UTC)
admin-audit-who = Who
admin-audit-action = Action
admin-audit-subject = Subject
admin-audit-details = Details
# In the "Who" column, for a change made with the kenes command.
audit-actor-cli = Command line
# The "Action" column of recent changes; the audit log stores a code (account_delete …), one
# message per code.
audit-action-account-delete = Account deleted
audit-action-consultation-create = Consultation created
audit-action-consultation-update = Consultation changed
audit-action-export = Data exported
audit-action-user-create = Account created
audit-action-user-role = Role changed
audit-action-version-import = Draft version imported
audit-action-version-publish = Draft version published
audit-action-other = Other action

## Users and roles (templates/admin/users.html)

admin-users-search = Find by email or name
admin-users-search-submit = Search
admin-users-none = No accounts match.
admin-users-joined = Registered
admin-users-role = Role
admin-users-change-role = Change

## Creating and editing a consultation (templates/admin/consultation.html)

admin-consultations-new = New consultation
admin-consultation-title = Title
# The short name in the consultation's web address, e.g. /consultations/constitution-2024.
admin-consultation-slug = Address name
admin-consultation-slug-hint = Lower-case letters, digits and hyphens, e.g. constitution-2024. It cannot be changed later.
admin-consultation-summary = Summary
admin-consultation-language = Language of the title and summary
admin-consultation-mode = Moderation
admin-mode-pre = Before publication (suggestions are public once a moderator publishes them)
admin-mode-post = After publication (suggestions are public at once and can be hidden)
admin-consultation-opens = Opens
admin-consultation-closes = Closes
# Hint under the two date fields.
admin-consultation-utc = In UTC.
admin-save = Save
admin-error-title = The title must be 3 to 200 characters long.
admin-error-summary = The summary can be at most 5,000 characters long.
admin-error-choice = Choose a value from the list.
admin-error-time = Enter a date and time like 2026-12-01T09:00.
admin-error-order = The closing time must be after the opening time.
admin-error-slug = Use 2 to 64 lower-case letters, digits and hyphens.
admin-error-slug-taken = Another consultation already uses this address name.

## Versions of the draft: upload and preview (templates/admin/consultation.html, preview.html)

admin-versions = Versions
admin-publish = Publish
admin-upload = Upload a draft
admin-upload-intro = A Markdown outline or a plain-text constitution layout (see the README). It becomes the next version, unpublished until you publish it.
# Heading of the box that shows the import error (import-…).
admin-upload-failed = The file could not be imported; nothing was saved
admin-upload-file = Draft file
admin-upload-submit = Upload and preview
# Followed by ": " and consultation-version.
admin-preview = Preview
admin-preview-published = This version is published.
# $count: the number of articles in the previewed version (a number).
admin-preview-articles =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }

## Mail that could not be delivered (templates/admin/home.html)

admin-undeliverable = Mail that could not be delivered
admin-undeliverable-intro = The receiving mail server refused these messages for good (for example, the mailbox does not exist), so they are not sent again.
# Column: the recipient's address.
admin-undeliverable-to = To
# Column: the subject of the message.
admin-undeliverable-subject = Subject
# Column: what the receiving server answered.
admin-undeliverable-error = Answer of the mail server
