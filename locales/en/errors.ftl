### Error pages: 400, 403, 404, 409, 413, 422, 429, 500, 503.
### English.

## Error pages (templates/error.html, src/error.rs)

# Small print under the message. $status: the HTTP status code, e.g. 404.
error-status = Error { $status }
error-back-home = Go to the list of consultations
# 404
error-not-found-title = Page not found
error-not-found-message = We could not find that page. It may have moved, or the address may be mistyped.
# 403
error-forbidden-title = Not allowed
error-forbidden-message = Your account does not have access to this page.
# 403 after a stale form (the anti-forgery token no longer matches).
error-csrf-title = This form has expired
error-csrf-message = For your security, forms expire. Go back, reload the page and submit the form again.
# 413
error-too-large-title = Too much data
error-too-large-message = What was sent is larger than this page accepts.
# 422
error-unprocessable-title = The form could not be accepted
error-unprocessable-message = Some of what was sent is not valid. Go back, check the form and submit it again.
# 429
error-throttled-title = Too many attempts
error-throttled-message = There have been too many attempts from here. Please wait a little and try again.
# Under a 429 message. $minutes: whole minutes, 1 or more (pass it as a number: the plural form
# depends on it).
error-retry-minutes =
    { $minutes ->
        [one] You can try again in about { $minutes } minute.
       *[other] You can try again in about { $minutes } minutes.
    }
# 500
error-internal-title = Something went wrong
error-internal-message = An error occurred on our side and has been logged. Please try again later.
# 503
error-unavailable-title = Busy right now
error-unavailable-message = The service is busy. Please try again in a few seconds.
# 400
error-bad-request-title = Something was wrong with that request
error-bad-request-message = The page could not understand what was sent. Go back and try again.
# 409: a rule says no (a closed consultation, one's own suggestion); the message is one of the
# refusal messages.
error-refused-title = That is not possible

## Added with the wiring of the catalogues

# 400: a form whose text is not valid UTF-8 (sent by something other than this site's own form).
error-bad-encoding-title = The form could not be read
error-bad-encoding-message = What was sent contains characters that are not valid text (the form was not encoded as UTF-8), so nothing was saved. Go back, check the text and send it again from this site's own form.
