### E-mails, in the recipient's language. Plain text: no markup; links are given as variables.
### English.

## Parts of every e-mail (src/mail/messages.rs, templates/email/)

# First line. $name: the recipient's public name (never declined: it may be any nickname).
email-greeting = Hello { $name },
# First line when the recipient has no name.
email-greeting-anonymous = Hello,
email-footer = Kenes, public consultation on draft laws. You receive this because of an action on your account.
email-not-you = If this was not you, you can ignore this message.

## Confirming an e-mail address

email-confirm-subject = Confirm your email address
email-confirm-body = Please confirm your email address to take part in the consultation.
email-confirm-expiry = The link works for 48 hours and only once.
# The button; the plain-text part prints it followed by ":" and the link.
email-confirm-action = Confirm my email address

## Someone tried to register with an address that has an account

email-already-subject = Someone tried to register with your address
email-already-body = Someone tried to register a new account with this email address, which already has an account.
# $link: the full address of the password reset page.
email-already-reset = If it was you and you have forgotten your password, you can choose a new one: { $link }
email-already-action = Sign in

## Password reset and change

email-reset-subject = Reset your password
email-reset-body = Someone asked to reset the password of your account. Follow the link to choose a new one.
email-reset-expiry = The link works for one hour and only once.
email-reset-action = Choose a new password
email-changed-subject = Your password was changed
email-changed-body = The password of your account was just changed, and every device was signed out.
# $link: the full address of the password reset page.
email-changed-not-you = If this was not you, reset your password at once: { $link }

## A suggestion received, merged, answered

email-receipt-subject = Your suggestion is received
# $number: the tracking number, e.g. KZ-7F3K-9QX2.
email-receipt-body = Thank you for your suggestion. Its tracking number is { $number }.
email-receipt-follow = You can follow what becomes of it at any time:
email-receipt-action = See its status
email-merged-subject = Your suggestion was merged with a similar one
# $number: the tracking number of the recipient's suggestion.
email-merged-body = Your suggestion { $number } says much the same as another one, so moderators merged them. Your upvotes and those of your supporters now count towards it.
# $canonical: the tracking number of the suggestion that was kept.
email-merged-canonical = The suggestion it was merged into: { $canonical }
email-merged-action = See the merged suggestion
email-response-subject = An official response to your suggestion
# $number: the tracking number. Followed by the outcome and the response itself.
email-response-body = The drafting commission has answered your suggestion { $number }.
email-response-accepted = Outcome: accepted.
email-response-partly-accepted = Outcome: partly accepted.
email-response-not-accepted = Outcome: not accepted.

## Daily summary for moderators

email-summary-subject = Moderation backlog today
email-summary-body = Suggestions by status:
# One line per status under email-summary-body. $status: a suggestion-status-… name; $count: a
# number.
email-summary-line = { $status }: { $count }
# $date: datetime-format (with the time zone).
email-summary-oldest = The oldest pending suggestion was submitted on { $date }.
email-summary-action = Open the dashboard
