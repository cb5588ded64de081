#!/usr/bin/env python3
"""An SMTP receiver that accepts everything and counts it (bench/mail.sh).

    mail_sink.py PORT OUT     writes "count first_at last_at" to OUT after each message

Python 3.11's standard `smtpd` (deprecated, still present) is enough for a local sink.
"""
import asyncore
import os
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import smtpd  # noqa: E402

PORT, OUT = int(sys.argv[1]), sys.argv[2]
seen = {"n": 0, "first": 0.0, "last": 0.0}


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        now = time.time()
        seen["first"] = seen["first"] or now
        seen["last"] = now
        seen["n"] += 1
        # Written aside and renamed, so a reader never sees a half-written line.
        with open(OUT + ".tmp", "w") as out:
            out.write(f"{seen['n']} {seen['first']} {seen['last']}\n")
        os.replace(OUT + ".tmp", OUT)


Sink(("127.0.0.1", PORT), None, decode_data=False)
asyncore.loop(timeout=0.1)
