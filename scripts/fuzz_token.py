#!/usr/bin/env python3
"""Signs in on the site as a member and creates a personal access token for the API.

    python3 scripts/fuzz_token.py BASE_URL EMAIL PASSWORD

Prints the token (yzp_...) on stdout. Only the standard library: it drives the same forms a
browser does (the CSRF token is read from each form, the session from the cookie jar), so it
keeps working whatever the cookies are called.
"""

import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
TOKEN = re.compile(r'value="(yzp_[A-Za-z0-9_\-]+)"')


def main() -> int:
    base, email, password = sys.argv[1:4]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("Accept-Language", "ja"), ("User-Agent", "yorozu-fuzz")]

    def get(path: str) -> str:
        with opener.open(base + path, timeout=30) as r:
            return r.read().decode("utf-8")

    def post(path: str, fields: dict) -> str:
        body = urllib.parse.urlencode(fields).encode()
        with opener.open(base + path, data=body, timeout=30) as r:
            return r.read().decode("utf-8")

    def csrf(html: str, where: str) -> str:
        m = CSRF.search(html)
        if not m:
            raise SystemExit(f"fuzz_token: no CSRF field on {where}")
        return m.group(1)

    page = get("/login")
    post("/login", {"_csrf": csrf(page, "/login"), "email": email, "password": password})
    page = get("/settings/tokens")
    # The password is sent too: creating a token may ask for it again.
    created = post(
        "/settings/tokens",
        {
            "_csrf": csrf(page, "/settings/tokens"),
            "name": "fuzz",
            "scope": "full",
            "lifetime_days": "90",
            "password": password,
        },
    )
    m = TOKEN.search(created)
    if not m:
        raise SystemExit("fuzz_token: no token on the page after creating one (signed in?)")
    print(m.group(1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
