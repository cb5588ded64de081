### Registration, e-mail confirmation, signing in, password reset, the account page.
### English.

## Banner for an unconfirmed e-mail address (templates/base.html)

# Accessible name of the banner region.
banner-unconfirmed-label = Email confirmation
banner-unconfirmed = Please confirm your email address to submit suggestions and vote. We have sent you a link.
banner-resend = Send the link again

## Account fields and their errors

form-email-label = Email address
form-email-required = Enter your email address.
form-email-invalid = Enter an email address like name@example.kz.
# The name shown with a citizen's suggestions instead of the e-mail address.
form-display-name-label = Public name
form-display-name-hint = Shown with your suggestions. 2 to 50 characters; it need not be your real name.
form-display-name-required = Enter a public name.
form-display-name-length = Your public name must be 2 to 50 characters long.
form-display-name-invalid = Your public name cannot contain @ or control characters.
form-password-label = Password
form-password-hint = At least 8 characters. A few words you can remember are a good password.
form-password-required = Enter a password.
form-password-short = Your password must be at least 8 characters long.
form-password-long = Your password can be at most 128 characters long.
form-password-common = This password is too common and easy to guess. Choose another.
form-new-password-label = New password
form-current-password-label = Current password
form-current-password-wrong = That is not your current password.
form-region-label = Region (optional)
form-region-hint = Helps analysts see where suggestions come from. Only totals are published.
# The empty first option of the region select.
form-region-none = Choose a region
form-region-invalid = Choose a region from the list.
# Label of the consent checkbox on the registration form; written in the first person, as the
# citizen's own statement.
form-terms-label = I agree to the terms of use and to my public name being shown with my suggestions.
form-terms-required = You need to agree to the terms to register.

## Registration (templates/account/register.html)

register-title = Register
register-intro = Register to suggest changes to the draft and to vote for other people's suggestions.
register-email-hint = We send a link to confirm it. It is never shown publicly.
# Button.
register-submit = Register
# Followed by a "Sign in" link.
register-have-account = Already registered?
register-sent-title = Check your email
# Deliberately does not say whether the address already had an account.
register-sent-body = If the address can be registered, we have sent a message to it. Follow the link in it to confirm your address; the link works for 48 hours.
register-sent-spam = Nothing after a few minutes? Check your spam folder.

## E-mail confirmation (the page the link in the e-mail opens)

confirm-done-title = Your email address is confirmed
confirm-done-body = You can now suggest changes and vote.
confirm-done-link = Go to the consultations
confirm-expired-title = This link no longer works
confirm-expired-body = The link has expired or has already been used. Sign in and ask for a new one.
confirm-expired-link = Go to your account

## Signing in (templates/account/sign_in.html)

sign-in-title = Sign in
# Button.
sign-in-submit = Sign in
sign-in-forgot = Forgot your password?
# Followed by a "Register" link.
sign-in-no-account = No account yet?
# Deliberately does not say which of the two is wrong.
sign-in-failed = The email address or password is not right.

## Password reset (templates/account/reset_request.html, reset.html)

reset-title = Reset your password
reset-intro = Enter the email address of your account. We will send you a link to choose a new password.
reset-submit = Send the link
reset-sent-title = Check your email
reset-sent-body = If there is an account with that address, we have sent a link to it. It works for one hour.
reset-new-title = Choose a new password
reset-new-submit = Save the new password
reset-expired-title = This link no longer works
reset-expired-body = The link has expired or has already been used. Ask for a new one.
reset-expired-link = Ask for a new link

## The account page (templates/account/account.html)

account-title = Your account
# Label whose value is account-confirmed or account-unconfirmed (account page; column of the admin
# user list).
account-email-status = Email
account-confirmed = Confirmed
account-unconfirmed = Not confirmed yet
# Followed by a number.
account-sessions = Signed-in devices
account-profile = Profile
account-save = Save
account-password = Change your password
account-password-intro = You will be signed out on every device and asked to sign in again.
account-password-submit = Change password
account-everywhere = Sign out everywhere
account-everywhere-submit = Sign out on every device
account-data = Your data
account-data-download = Download everything we hold about you (JSON)
account-delete = Delete your account
account-delete-intro = Your personal data is erased. Your suggestions stay, shown as by a deleted account.
account-delete-submit = Delete my account
