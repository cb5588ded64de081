### Suggestions: counts, kinds, statuses, the form, the receipt, my suggestions, reports.
### English.

## Counts

# After an article in the contents and beside a clause. $count: a number, 1 or more (for 0 nothing
# is shown: the call site leaves it empty).
suggestion-count =
    { $count ->
        [one] { $count } suggestion
       *[other] { $count } suggestions
    }
# Beside the Support button and in lists. $count: the number of citizens supporting the suggestion
# (0 or more).
suggestion-upvotes =
    { $count ->
        [one] { $count } supporter
       *[other] { $count } supporters
    }

## Kinds and statuses of a suggestion (templates/suggestions/item.html and everywhere a suggestion is listed)

suggestion-kind-amend = Amend the clause
suggestion-kind-delete = Delete the clause
suggestion-kind-add = Add a clause after it
suggestion-kind-comment = Comment or question
suggestion-status-pending = Awaiting moderation
suggestion-status-published = Published
# Rejected by a moderator (off topic, spam…): never made public. Not the same as suggestion-
# status-not-accepted.
suggestion-status-rejected = Not published
suggestion-status-under-review = Under review by the drafters
suggestion-status-accepted = Accepted
suggestion-status-partly-accepted = Partly accepted
# The drafters' decision after review, with an official response.
suggestion-status-not-accepted = Not accepted
suggestion-status-duplicate = Merged with a similar suggestion
suggestion-status-hidden = Hidden
suggestion-status-withdrawn = Withdrawn by its author

## A suggestion as listed (templates/suggestions/item.html)

# Shown in place of the author's name (lower case: it stands in a line of details).
suggestion-deleted-author = a deleted account
# Accessible name of the comparison of the proposed text with the clause.
suggestion-diff-label = Proposed wording, compared with the clause
# Read by screen readers before deleted words: "[removed: …]".
suggestion-diff-removed = removed
# Read by screen readers before inserted words: "[added: …]".
suggestion-diff-added = added
suggestion-proposed-clause = Proposed new clause:
suggestion-proposed-wording = Proposed wording, replacing the clause:
suggestion-official-response = Official response:
# Button: support (upvote) a suggestion.
suggestion-upvote = Support
# The same button once pressed (pressing again takes the support back).
suggestion-upvoted = Supported
suggestion-vote-sign-in = Sign in to support suggestions.
suggestion-vote-closed = This consultation is closed: suggestions can no longer be supported.
suggestion-vote-not-open = This suggestion can no longer be supported.
suggestion-vote-own = You cannot support your own suggestion.
# Opens the form to report an abusive suggestion to the moderators.
suggestion-report-open = Report
suggestion-report-reason = What is wrong with it?
suggestion-report-send = Send the report
report-own = You cannot report your own suggestion.
report-reason-required = Say briefly what is wrong with it.

## Suggestions on a clause page (templates/consultations/clause.html)

# Heading; followed by the total in brackets.
suggestions-title = Suggestions
suggestions-suggest = Suggest a change to this clause
suggestions-closed = This consultation is not accepting suggestions now.
suggestions-none = No suggestions have been published on this clause yet.
suggestions-more = More suggestions
# Followed by ":" and the choices below.
suggestions-sort-label = Order
suggestions-sort-top = Most supported
suggestions-sort-newest = Newest
suggestions-sort-status = By status

## The suggestion form (templates/suggestions/form.html)

# $reference: the clause, e.g. 12.3.
suggest-title = Suggest a change to clause { $reference }
suggest-edit-title = Edit your suggestion
suggest-signed-out = You can write your suggestion now; you will be asked to sign in when you send it, and nothing you typed is lost.
suggest-kind-legend = What do you suggest?
suggest-kind-amend-hint = Give the wording you propose; readers see it compared with the current text.
suggest-kind-delete-hint = Explain why the clause should go.
suggest-kind-add-hint = Give the text of the new clause to add after this one.
suggest-kind-comment-hint = A remark or a question about the clause.
suggest-proposed-label = Proposed wording (for an amendment or a new clause)
suggest-proposed-hint = Up to 5,000 characters.
suggest-body-label = Your explanation
suggest-body-hint = 10 to 5,000 characters, at most 3 links.
suggest-submit = Send my suggestion
# The submit button when similar suggestions are shown above the form.
suggest-submit-anyway = Send mine anyway
suggest-save = Save the changes
suggest-similar-title = Similar suggestions already made
suggest-similar-intro = These say something close to yours. You can support one of them instead, or still send your own below.
suggest-closed = This consultation is not accepting suggestions now. Your text is kept below so that you can copy it.
suggest-confirm-first = Please confirm your email address first (see the link we sent you). Your text is kept below.
suggest-throttled = You have sent many suggestions in a short time. Please wait a while; your text is kept below.
suggest-blocked = Your account has been blocked by the moderators; you can read but not submit or vote.
form-kind-invalid = Choose what you suggest.
form-body-required = Explain your suggestion.
form-body-short = Your explanation must be at least 10 characters long.
form-body-long = Your explanation can be at most 5,000 characters long.
form-body-links = Please include at most 3 links.
form-proposed-required = Give the wording you propose.
form-proposed-long = The proposed wording can be at most 5,000 characters long.

## The receipt of a suggestion (templates/suggestions/receipt.html)

# $number: the tracking number, e.g. KZ-7F3K-9QX2.
receipt-title = Suggestion { $number }
receipt-thanks = Thank you. Your suggestion is received; we have emailed you this receipt.
receipt-number = Tracking number
receipt-kind = Kind
receipt-consultation = Consultation
receipt-clause = Clause
receipt-submitted = Submitted
receipt-keep = Keep the tracking number: anyone can follow the suggestion's status at this address.

## My suggestions (templates/suggestions/mine.html)

mine-title = My suggestions
mine-none = You have not made any suggestions yet.
mine-edit = Edit
mine-withdraw = Withdraw
mine-not-editable = Only suggestions still awaiting moderation can be changed or withdrawn.

## Added with the wiring of the catalogues

# The suggestion form, signed out, when the text cannot be kept across signing in.
suggest-draft-not-kept = We cannot keep your text for you while you sign in just now. Nothing is lost: it is still below. Copy it, sign in, and send it again.
# Editing a suggestion when the account has been blocked.
mine-blocked-edit = Your account is blocked, so this suggestion cannot be changed. You can still withdraw it. Your text is shown below so that you can keep a copy.
