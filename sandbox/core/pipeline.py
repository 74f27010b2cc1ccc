"""What happens around every request, for every vendor alike.

before: resolve the tenant and the vendor, then let the hooks (faults, journal) look at it.
during: the view runs inside the tenant's transaction (see SandboxFlask.dispatch_request), watched
for what its answer depends on (`reuse`).
after: the hooks see the response; an answer that may be given again is kept (`answer_cache`).
Errors of every kind come out in the vendor's own format.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from sandbox.core import answer_cache, body, reuse
from sandbox.core.context import Call, current_sandbox
from sandbox.core.errors import VendorError
from sandbox.core.store.registry import TENANT_NAME, TenantLimitError
from sandbox.core.tenancy import CONTROL_PREFIX, DEFAULT_TENANT, TENANT_ENVIRON

log = logging.getLogger("sandbox")


class SandboxFlask(Flask):
    """Flask, with every view run inside its tenant's transaction.

    If the view raises (a vendor error included), everything it wrote is undone before the error
    is rendered: a refused request changes nothing.
    """

    def dispatch_request(self):  # type: ignore[no-untyped-def]
        """Run the matched view inside the request's tenant transaction."""
        call: Call | None = g.get("sandbox_call")
        if call is None:
            return super().dispatch_request()
        tenant = call.tenant
        with tenant.transaction():
            if call.vendor is None:
                return super().dispatch_request()
            version = tenant.version
            with reuse.watching() as watch:
                answer = super().dispatch_request()
            if watch.reusable and tenant.version == version:
                call.notes[answer_cache.REUSABLE] = (version, watch.until)
            return answer


def open_call() -> Response | None:
    """before_request: build the Call, read the body (capped), let the hooks run (one may answer instead)."""
    sandbox = current_sandbox()
    name = request.environ.get(TENANT_ENVIRON) or DEFAULT_TENANT
    vendor = sandbox.vendor_for_path(request.path)
    if not TENANT_NAME.fullmatch(name):
        message = f"invalid tenant name {name[:64]!r}: use letters, digits, '.', '_', '~' or '-'"
        if vendor is None:
            return control_error(message, 400)
        return render_vendor_error(vendor.http_error(400, message))
    limits = sandbox.limits
    try:
        tenant = sandbox.store.enter(name)
    except TenantLimitError as exc:
        if vendor is None:
            return control_error(str(exc), 503)
        return render_vendor_error(vendor.http_error(503, str(exc)))
    g.sandbox_entered = name
    call = Call(tenant=tenant, vendor=vendor, path=vendor_path(request.path, vendor))
    g.sandbox_call = call
    body.mark_unread(request)
    if vendor is not None and body.declared_over(request, limits.auth_before_body_bytes):
        early = sandbox.early_auth.get(vendor.name)
        if early is not None:
            early(call.path)  # the vendor's own 401 before a large body is read
    # Buffer the raw body once, so every reader sees it: the operation name (a Switchvox method in
    # a multipart part), the journal, and the view parsing its form.
    body.buffer(request, limits.max_content_length)
    if vendor is None:
        return None
    try:
        call.operation = vendor.operation(request)
    except Exception:  # an unreadable body: the view will answer it in the vendor's format
        call.operation = None
    for hook in sandbox.hooks:
        response = hook.before(call)
        if response is not None:
            return response
    return None


def close_call(response: Response) -> Response:
    """after_request: the hooks see (and may replace) every vendor response."""
    if body.is_unread(request):
        response.headers["Connection"] = "close"  # the rest of the body is never read
    call: Call | None = g.get("sandbox_call")
    if call is None or call.vendor is None:
        return response
    sandbox = current_sandbox()
    for hook in reversed(sandbox.hooks):
        response = hook.after(call, response)
    answer_cache.remember(sandbox, call, request, response)
    return response


def leave_tenant(_: BaseException | None) -> None:
    """teardown_request: the request no longer holds its tenant in memory."""
    name = g.pop("sandbox_entered", None)
    if name is not None:
        current_sandbox().store.leave(name)


def vendor_path(path: str, vendor: object | None) -> str:
    """The path as a vendor's client sees it: without the vendor prefix."""
    prefix = getattr(vendor, "prefix", "")
    rest = path[len(prefix) :] if prefix and path.startswith(prefix) else path
    return rest or "/"


def control_error(message: str, status: int) -> Response:
    """The control plane's own error: `{"error": message}`."""
    response = jsonify({"error": message, "status": status})
    response.status_code = status
    return response


def render_vendor_error(error: VendorError) -> Response:
    """Render `error` with the renderer of the vendor it belongs to (by class, else by path)."""
    sandbox = current_sandbox()
    vendor = sandbox.vendor_for_error(error) or sandbox.vendor_for_path(request.path)
    if vendor is None:
        return control_error(error.message, error.status)
    response = vendor.render_error(error)
    for name, value in error.headers.items():
        response.headers[name] = value
    return response


def handle_http_exception(exc: HTTPException) -> Response:
    """Routing and protocol errors (404, 405, 413, bad JSON...) in the format of the vendor asked."""
    status = exc.code or 500
    # Routing errors read best as their short name ("Not Found"); others carry a useful description.
    message = exc.name if status in (404, 405) else (exc.description or exc.name)
    vendor = current_sandbox().vendor_for_path(request.path)
    if vendor is None:
        response = control_error(message, status)
    else:
        response = render_vendor_error(vendor.http_error(status, message))
    if status == 405 and getattr(exc, "valid_methods", None):
        response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[arg-type]
    return response


def handle_unexpected(exc: Exception) -> Response:
    """A bug in the sandbox: logged, and still answered in the vendor's format, never as HTML."""
    if isinstance(exc, HTTPException):
        return handle_http_exception(exc)
    log.exception("unhandled error serving %s %s", request.method, request.path)
    return handle_http_exception(InternalServerError())


def install(app: Flask) -> None:
    """Attach the pipeline and the error handlers to `app`."""
    app.before_request(open_call)
    app.after_request(close_call)
    app.teardown_request(leave_tenant)
    app.register_error_handler(VendorError, render_vendor_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)


__all__ = ["CONTROL_PREFIX", "SandboxFlask", "install"]
