### The moderation workbench: queue, review, bulk actions, dashboard, logs, canned responses.
### English.

## The moderation queue (templates/moderation/queue.html)

moderation-title = Moderation
moderation-empty = Nothing matches this filter.
moderation-filter-label = Filter the queue
moderation-filter-status = Status
moderation-filter-any-status = Any status
moderation-filter-kind = Kind
moderation-filter-any-kind = Any kind
moderation-filter-consultation = Consultation (short name)
moderation-filter-chapter = Chapter (number)
moderation-filter-article = Article
moderation-filter-clause = Clause (e.g. 12.3)
moderation-filter-from = Submitted from
moderation-filter-to = Submitted until
moderation-filter-date = Enter a date as YYYY-MM-DD.
moderation-filter-min-upvotes = At least this many upvotes
moderation-filter-tag = Tag
moderation-filter-assignee = Assigned to
# Option of the "Assigned to" select: no filter.
moderation-filter-anyone = Anyone
# Option of the "Assigned to" select.
moderation-filter-me = Me
# Option of the "Assigned to" select.
moderation-filter-nobody = Nobody
moderation-filter-text = Words in the text
moderation-filter-sort = Order
moderation-filter-flagged = Reported or waiting for review
moderation-filter-clustered = In a group of similar ones
moderation-filter-campaign = Possible campaigns only
moderation-filter-apply = Filter
moderation-filter-reset = Clear the filter
moderation-filter-invalid = This filter value is not valid; it was ignored.
moderation-sort-newest = Newest first
moderation-sort-oldest = Oldest first
moderation-sort-upvotes = Most upvoted
moderation-counts = Counts by status
# $count: the largest number of matching suggestions for which counts are computed (a number, e.g.
# 10000).
moderation-counts-many =
    { $count ->
        [one] Counts by status are shown for narrower filters (up to { $count } matching suggestion).
       *[other] Counts by status are shown for narrower filters (up to { $count } matching suggestions).
    }
# The letters are the keys themselves: keep them as they are.
moderation-keys-hint = Keyboard: j and k move, o opens, p publishes, r rejects, d marks a duplicate, a assigns to you, ? lists the keys.
moderation-col-suggestion = Suggestion
moderation-col-signals = Signals
moderation-col-actions = Actions
# Accessible name of the column of checkboxes.
moderation-select = Select
# Accessible name of one row's checkbox. $number: the tracking number.
moderation-select-one = Select { $number }
# Many near-identical suggestions in a short time.
moderation-campaign = Possible campaign
# Link to a group of near-duplicate suggestions. $count: the size of the group (a number, 2 or
# more).
moderation-cluster-of =
    { $count ->
        [one] { $count } similar
       *[other] { $count } similar
    }
# $count: reports by citizens waiting for review (a number).
moderation-reports =
    { $count ->
        [one] { $count } report
       *[other] { $count } reports
    }
# $name: the public name of the moderator the suggestion is assigned to.
moderation-assigned-to = Assigned to { $name }
# Link to the queue filtered on oneself.
moderation-assigned-to-me = Assigned to me
# $name: the moderator who holds the suggestion for a few minutes.
moderation-held-by = { $name } is reviewing it
moderation-assign-me = Assign to me
moderation-next-page = Next page

## Bulk actions (queue and templates/moderation/confirm.html)

moderation-bulk-legend = Bulk action
moderation-bulk-scope = Apply to
moderation-bulk-selected = The selected suggestions
moderation-bulk-filter = Everything matching the filter
moderation-bulk-action = Action
moderation-bulk-apply = Apply
moderation-bulk-nothing = Select at least one suggestion, or choose everything matching the filter.
moderation-bulk-confirm-title = Confirm the bulk action
# Followed by the name of the action in bold (e.g. moderation-action-publish). $count: how many
# suggestions.
moderation-bulk-confirm =
    { $count ->
        [one] This will apply to { $count } suggestion:
       *[other] This will apply to { $count } suggestions:
    }
moderation-bulk-confirm-button = Yes, apply it
moderation-bulk-cancel = Cancel
# After a bulk action, above the queue; may be followed by moderation-bulk-skipped. $count: a
# number.
moderation-bulk-done =
    { $count ->
        [one] Done for { $count } suggestion.
       *[other] Done for { $count } suggestions.
    }
# $count: suggestions the bulk action left alone (a number, 1 or more).
moderation-bulk-skipped =
    { $count ->
        [one] { $count } skipped (the action does not apply to its status, or another moderator holds it).
       *[other] { $count } skipped (the action does not apply to their status, or another moderator holds them).
    }

## Actions: buttons, and names of actions in the logs

moderation-action-publish = Publish
# Refuse to publish (the status becomes suggestion-status-rejected).
moderation-action-reject = Reject
moderation-action-review = Start review
moderation-action-respond = Give the official response
moderation-action-merge = Mark as duplicate
moderation-action-hide = Hide
# The reports are unfounded; the suggestion stays visible.
moderation-action-flags-cleared = Clear the reports
moderation-action-flags-upheld = Uphold the reports (hide)
moderation-action-auto-hide = Hidden after reports
moderation-action-assign = Assign
moderation-action-tag = Tag
moderation-action-untag = Tag removed
moderation-action-note = Note added
moderation-action-block = Author blocked
moderation-action-unblock = Author unblocked
moderation-action-role = Role changed
moderation-action-other = Other

## Reviewing one suggestion (templates/moderation/suggestion.html)

moderation-back = Back to the queue
# Link after the consultation and clause (lower case).
moderation-clause-page = clause page
# Followed by ": " and the author's public name.
moderation-author = Author
# Marker beside a blocked author's name.
moderation-blocked = blocked
# Followed by a tracking number.
moderation-duplicate-of = Duplicate of
moderation-reports-title = Reports by citizens
moderation-decide = Decision
# A moderator holds the suggestion for a few minutes so that no one else decides on it meanwhile.
moderation-claim-take = Take it for review
moderation-claim-release = Release it
# $name: another moderator's public name; $until: when their hold ends (time-format).
moderation-claim-held = { $name } is reviewing this suggestion until { $until }.
# $until: when the hold ends (time-format).
moderation-claim-mine = You are reviewing this suggestion until { $until }; others see it as taken.
moderation-reason-label = Reason
moderation-reason-off-topic = Not about this clause
moderation-reason-spam = Spam or advertising
moderation-reason-abusive = Abusive or offensive
moderation-reason-personal-data = Contains personal data
moderation-reason-unclear = Cannot be understood
moderation-reason-other = Other (explain)
moderation-reason-text = Explanation
moderation-outcome = Outcome
moderation-response = Official response
moderation-respond-button = Publish the response
# The suggestion that is kept when others are marked as its duplicates; also a column of the
# similar-suggestions page.
moderation-canonical = Duplicate of (tracking number)
moderation-canonical-unknown = Enter the tracking number of an existing suggestion.
moderation-unassigned = Not assigned.
moderation-assign-not-staff = Only moderators and administrators can be assigned suggestions.
moderation-tags = Tags
# Small button after a tag.
moderation-untag = remove
moderation-notes = Internal notes
moderation-note-add = Internal note (staff only)
moderation-note-save = Add the note
moderation-block-title = Author
moderation-block-block = Block this citizen
moderation-block-unblock = Unblock this citizen
moderation-history = History
moderation-history-empty = No decisions yet.
form-note-required = Write the note.
form-outcome-invalid = Choose the outcome.
form-reason-invalid = Choose a reason from the list.
form-reason-required = Explain the reason in a few words.
form-response-required = Write the official response.
form-response-short = The official response is too short (at least 10 characters).
form-tag-invalid = A tag cannot contain commas.
form-tag-required = Write the tag.
form-text-long = This text is too long.

## Why a decision was refused (shown as a notice, or on the "not possible" error page)

moderation-refused-publish = Only pending suggestions can be published.
moderation-refused-reject = Only pending suggestions can be rejected.
moderation-refused-review = Only published suggestions can be taken under review.
moderation-refused-respond = An official response is given to suggestions under review.
moderation-refused-duplicate = Only pending or published suggestions can be marked as duplicates.
moderation-refused-bad-canonical = A suggestion can only be a duplicate of another standing suggestion of the same consultation.
moderation-refused-no-canonical = There is no suggestion with that tracking number.
moderation-refused-hide = Only suggestions the public can see can be hidden.
moderation-refused-not-flagged = This suggestion has no reports waiting for review.
moderation-refused-changed = Someone changed this suggestion a moment ago; look at it again.
moderation-refused-unknown = Unknown action.

## Similar suggestions (templates/moderation/cluster.html)

moderation-cluster-title = Similar suggestions
moderation-cluster-choose = Choose the suggestion to keep; the others become its duplicates
moderation-cluster-merge = Merge into the chosen one

## Dashboard (templates/moderation/dashboard.html)

moderation-dashboard-title = Dashboard
moderation-dashboard-backlog = Backlog by status
moderation-dashboard-count = Count
moderation-dashboard-no-pending = Nothing is waiting for moderation.
# $date: when it was submitted (datetime-format). Followed by its age in brackets (moderation-
# dashboard-days or -hours).
moderation-dashboard-oldest = The oldest pending suggestion was submitted on { $date }
# $days: whole days, 1 or more (a number).
moderation-dashboard-days =
    { $days ->
        [one] { $days } day ago
       *[other] { $days } days ago
    }
# $hours: whole hours, 0 to 23 (a number).
moderation-dashboard-hours =
    { $hours ->
        [one] { $hours } hour ago
       *[other] { $hours } hours ago
    }
moderation-dashboard-decisions = Decisions per day and moderator (last 14 days)
moderation-dashboard-day = Day
moderation-dashboard-none = None yet.
moderation-dashboard-clusters = Largest groups of similar suggestions
moderation-dashboard-summary = Daily summary
moderation-dashboard-summary-label = Email me a summary of the backlog once a day
moderation-dashboard-save = Save

## Moderation log and public decisions (templates/moderation/log.html)

moderation-log-title = Moderation log
moderation-log-when = When
moderation-log-who = Who
moderation-log-what = Action
moderation-log-subject = Suggestion or person
moderation-log-change = Change
moderation-log-why = Reason or response
# Public page, linked from the footer.
decisions-title = Moderation decisions
decisions-intro = Every decision on published suggestions, newest first. Moderators' names are not shown; reasons are kept in the staff log.

## Canned responses (templates/moderation/templates.html)

moderation-templates-title = Canned responses
moderation-templates-none = No canned responses yet.
moderation-templates-add = Add a canned response
moderation-templates-name = Title
moderation-templates-save = Save the canned response
moderation-templates-use = Canned response
moderation-templates-hint = Leave the response empty to use the chosen template as it is.

## Keyboard shortcuts (the dialog of the queue, static/js/triage.js)

moderation-keys-title = Keyboard shortcuts
moderation-keys-move = Next / previous suggestion
moderation-keys-open = Open it
moderation-keys-publish = Publish
moderation-keys-reject = Reject (asks for the reason)
moderation-keys-duplicate = Mark as duplicate
moderation-keys-assign = Assign to me
moderation-keys-help = Show these keys
moderation-keys-close = Close
# A browser prompt. The codes are typed as they are: keep them in Latin letters; any other answer
# is taken as "other" with that text.
moderation-keys-reason-prompt = Reason (off_topic, spam, abusive, personal_data, unclear or other: your words)
moderation-keys-canonical-prompt = Duplicate of which suggestion? (tracking number)
