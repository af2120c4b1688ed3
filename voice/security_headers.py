"""Browser security headers, set once for every response the app sends.

The case page shows a caller's number and transcript, and its signed link is in the URL: nothing may frame
it, send its address on as a Referer, sniff a photo into something else, or keep a copy in a cache. The
pages need no script and nothing from another origin, so the policy allows their own stylesheet, images
and form posts and nothing else.
"""

from __future__ import annotations

from quart import Quart, Response, request

CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                           "base-uri 'none'; frame-ancestors 'none'")
HSTS_MAX_AGE_S = 365 * 24 * 3600
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def install_security_headers(app: Quart, *, https: bool) -> None:
    """Add the headers to every response of `app`; HSTS too when the public origin is https."""
    headers = dict(HEADERS)
    if https:
        headers["Strict-Transport-Security"] = f"max-age={HSTS_MAX_AGE_S}"

    @app.after_request
    async def add_security_headers(response: Response) -> Response:
        csp = response.headers.get("Content-Security-Policy")  # a blueprint's own (the console runs its script)
        response.headers.update(headers)
        if csp:
            response.headers["Content-Security-Policy"] = csp
        # Every page and photo may hold PHI, and webhooks' answers are per request: only stylesheets are cached.
        if not (request.endpoint or "").endswith("static"):
            response.headers["Cache-Control"] = "no-store"
        return response
